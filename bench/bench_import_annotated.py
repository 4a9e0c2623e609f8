"""Pre-annotated import: 10,000 releases with 200,000 spans from doccano JSONL.

Prints Annotator's import time beside the floor measured in the same run:
plain sqlite3 parsing the same JSON lines and inserting the documents and
spans with executemany in one transaction (with and without the FTS5 index
Annotator keeps for search). The floors and the import are measured in turn
``--repeat`` times (3 by default; this shared machine drifts by 10-20%), each
import against the floors of its own round, and the median ratios are printed
with their range, after a small import that loads what an import loads once
per process. Run: .venv/bin/python bench/bench_import_annotated.py [N] [--repeat=N]
"""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_export import make_doc
from bench_import import FTS
from machine import parallel_capacity

from annotator.services.workspace import Workspace


def write_doccano(path: Path, count: int) -> Path:
    rng = random.Random(11)
    with path.open("w", encoding="utf-8") as fh:
        for n in range(count):
            doc = make_doc(rng, n, spans=20)
            label = [[s.start, s.end, s.label] for s in doc.spans]
            fh.write(json.dumps({"text": doc.text, "label": label}, ensure_ascii=False) + "\n")
    return path


def floor(path: Path, db: Path, search_index: bool) -> float:
    start = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE document (id INTEGER PRIMARY KEY, text TEXT, status TEXT)")
    conn.execute(
        "CREATE TABLE span (id INTEGER PRIMARY KEY, document_id INT, start INT, "
        '"end" INT, label TEXT)'
    )
    conn.execute("CREATE INDEX ix_span ON span(document_id, start)")
    for statement in FTS if search_index else ():
        conn.execute(
            statement.replace("title, text", "text")
            .replace("new.title, ", "")
            .replace("rowid, title,", "rowid,")
        )
    docs, spans = [], []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            obj = json.loads(line)
            docs.append((n, obj["text"], "new"))
            spans += [(n, s, e, lb) for s, e, lb in obj["label"]]
    with conn:
        conn.executemany("INSERT INTO document VALUES (?,?,?)", docs)
        conn.executemany(
            'INSERT INTO span (document_id, start, "end", label) VALUES (?,?,?,?)', spans
        )
    conn.close()
    return time.perf_counter() - start


def ours(path: Path, db: Path, count: int) -> float:
    """Seconds for Annotator to import the doccano file into a fresh database."""
    ws = Workspace.open(f"sqlite:///{db}", "bench")
    start = time.perf_counter()
    summary = ws.import_paths([path], "doccano")
    took = time.perf_counter() - start
    assert summary.rejected == 0 and summary.imported == count, summary.problems[:3]
    spans = sum(ws.stats()["spans_by_label"].values())  # type: ignore[attr-defined]
    assert spans == 20 * count, spans
    ws.close()
    return took


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(args[0]) if args else 10_000
    repeat = next((int(a.split("=")[1]) for a in sys.argv if a.startswith("--repeat=")), 3)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        path = write_doccano(tmp / "doccano.jsonl", count)
        print(
            f"corpus: {count} documents, {count * 20:,} spans, "
            f"{path.stat().st_size / 1e6:.1f} MB of doccano JSONL"
        )
        warm = ours(write_doccano(tmp / "warm.jsonl", 100), tmp / "warm.db", 100)
        print(f"first import in this process (100 documents, loads numpy): {warm:.2f} s")
        print(f"cores the machine gives a CPU loop now: {parallel_capacity():.1f} of 2")
        plain_x, indexed_x = [], []
        for n in range(repeat):
            plain = floor(path, tmp / f"f1-{n}.db", False)
            indexed = floor(path, tmp / f"f2-{n}.db", True)
            took = ours(path, tmp / f"ours-{n}.db", count)
            plain_x.append(took / plain)
            indexed_x.append(took / indexed)
            print(
                f"round {n + 1}: floor {plain:.2f} s, with the FTS5 index {indexed:.2f} s; "
                f"annotator {took:.2f} s ({20 * count:,} spans stored) = {took / plain:.1f}x "
                f"the floor, {took / indexed:.1f}x the floor with the search index"
            )
        for name, found in (("floor", plain_x), ("floor with the search index", indexed_x)):
            found.sort()
            print(
                f"annotator import: median {statistics.median(found):.1f}x the {name} of its "
                f"round (range {found[0]:.1f}-{found[-1]:.1f}x over {repeat} rounds)"
            )


if __name__ == "__main__":
    main()
