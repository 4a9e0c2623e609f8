"""What storing 200,000 span rows costs SQLite alone, against the doccano import's floor.

The pre-annotated import (bench_import_annotated.py) is measured against a
floor that stores each span as five columns with one index. Annotator's
span table has ten columns, three indexes and four foreign keys (DESIGN §3),
and its ids are never reused (AUTOINCREMENT). This bench imports the doccano
corpus once, then times plain sqlite3 inserting the same 200,000 span rows
into a copy of that database as the import does (multi-row INSERTs of
30,000 values), with parts of the table's work taken away in turn, each
beside the whole floor of the same round. Nothing here is Python work of
Annotator's: it is the part of the import no code change above SQLite removes.
Run: .venv/bin/python bench/bench_span_rows.py [N] [--repeat=N]
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from itertools import chain
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_import_annotated import floor, ours, write_doccano
from machine import parallel_capacity

COLUMNS = (
    'document_id, start, "end", label_id, origin, annotator_id, entity_id, created_at, updated_at'
)
SECONDARY = ("ix_span_entity_id", "ix_span_label_id")
Row = tuple[object, ...]


def spanless(tmp: Path, count: int) -> tuple[Path, list[Row]]:
    """A database the import made, its spans taken out, and those span rows."""
    db = tmp / "imported.db"
    ours(write_doccano(tmp / "doccano.jsonl", count), db, count)
    conn = sqlite3.connect(db)
    rows = conn.execute(f"SELECT {COLUMNS} FROM span ORDER BY id").fetchall()
    conn.execute("DELETE FROM span")
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    return db, rows


def insert(template: Path, work: Path, rows: list[Row], keys: bool, drop: tuple[str, ...]) -> float:
    """Seconds to insert ``rows`` into a fresh copy of ``template`` in one transaction."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    shutil.copy(template, work)
    conn = sqlite3.connect(work, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(f"PRAGMA foreign_keys={'ON' if keys else 'OFF'}")
    for index in drop:
        conn.execute(f"DROP INDEX {index}")
    step = 30_000 // len(rows[0])
    one = "(" + ",".join("?" * len(rows[0])) + ")"
    start = time.perf_counter()
    conn.execute("BEGIN")
    for i in range(0, len(rows), step):
        chunk = rows[i : i + step]
        sql = f"INSERT INTO span ({COLUMNS}) VALUES " + ",".join([one] * len(chunk))
        conn.execute(sql, tuple(chain.from_iterable(chunk)))
    conn.execute("COMMIT")
    took = time.perf_counter() - start
    conn.close()
    return took


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(args[0]) if args else 10_000
    repeat = next((int(a.split("=")[1]) for a in sys.argv if a.startswith("--repeat=")), 3)
    cases = {
        "span rows as Annotator stores them": (True, ()),
        "  without the foreign-key checks": (False, ()),
        "  without the label and entity indexes": (True, SECONDARY),
        "  without both": (False, SECONDARY),
    }
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        template, rows = spanless(tmp, count)
        print(f"{len(rows):,} span rows of {count:,} documents")
        print(f"cores the machine gives a CPU loop now: {parallel_capacity():.1f} of 2")
        found: dict[str, list[float]] = {name: [] for name in cases}
        for n in range(repeat):
            whole = floor(tmp / "doccano.jsonl", tmp / f"floor-{n}.db", False)
            print(f"round {n + 1}: the import's floor (parse, documents, spans) {whole:.2f} s")
            for name, (keys, drop) in cases.items():
                took = insert(template, tmp / "work.db", rows, keys, drop)
                found[name].append(took / whole)
                print(f"  {name:<42} {took:.2f} s = {took / whole:.2f}x the floor")
        for name, ratios in found.items():
            print(f"median: {name.strip():<40} {statistics.median(ratios):.2f}x the floor")


if __name__ == "__main__":
    main()
