"""Import speed: 10,000 releases of ~3 KB from JSONL and from a folder of .txt.

Prints documents/second for Annotator's import and for the floor (plain
sqlite3 executemany of the same rows in one transaction; for the folder also
against that floor with the rows read from the folder's files), their ratio
(with the default number of preparing worker processes, then with none and
with one), and the peak memory of imports of growing size (each in a fresh
process) to show it stays flat.

This shared machine's speed drifts by 10-20% from one second to the next, so
the floor and the two imports are measured in turn ``--repeat`` times (3 by
default), each import against the floor of its own round, and the median
ratio is printed with the range. A small import first loads what an import
loads once per process (numpy for the signatures, about 0.07 s), as the floor
has its json and sqlite3 loaded; its time is printed.
Run: .venv/bin/python bench/bench_import.py [COUNT] [--repeat=N]
"""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_folder, write_jsonl
from machine import parallel_capacity

from annotator.core.formats import ReadOptions
from annotator.core.textio import content_hash
from annotator.services.workspace import Workspace

FTS = (
    "CREATE VIRTUAL TABLE document_fts USING fts5(title, text, content='document', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER fts_insert AFTER INSERT ON document BEGIN INSERT INTO "
    "document_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
)


def floor(jsonl: Path, db: Path, search_index: bool = False) -> float:
    """Seconds for raw sqlite3 to store the same rows (parse + hash + insert)."""
    start = time.perf_counter()
    with jsonl.open(encoding="utf-8") as fh:
        objects = map(json.loads, fh)
        rows = [(o["title"], o["text"], o["source"]) for o in objects]
    _store(rows, db, search_index)
    return time.perf_counter() - start


def floor_folder(folder: Path, db: Path) -> float:
    """:func:`floor` of the same rows read from a folder of .txt files (read + hash + insert)."""
    start = time.perf_counter()
    rows = []
    for path in sorted(folder.iterdir()):
        rows.append((path.stem, path.read_text(encoding="utf-8"), "ANTARA"))
    _store(rows, db, False)
    return time.perf_counter() - start


def _store(found: list[tuple[str, str, str]], db: Path, search_index: bool) -> None:
    """Hash and store (title, text, source) rows with raw sqlite3 in one transaction."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(
        "CREATE TABLE document (id INTEGER PRIMARY KEY, project_id INT, title TEXT, "
        "text TEXT, source TEXT, meta TEXT, content_hash TEXT, status TEXT, "
        "UNIQUE(project_id, content_hash))"
    )
    for statement in FTS if search_index else ():
        conn.execute(statement)
    rows = [
        (1, title, text, source, "{}", content_hash(text), "new") for title, text, source in found
    ]
    with conn:
        conn.executemany(
            "INSERT INTO document (project_id, title, text, source, meta, "
            "content_hash, status) VALUES (?,?,?,?,?,?,?)",
            rows,
        )
    conn.close()


def ours(paths: list[Path], db: Path, raw: bool = False) -> float:
    """Seconds for Annotator to import ``paths`` into a fresh database."""
    ws = Workspace.open(f"sqlite:///{db}", "bench")
    start = time.perf_counter()
    summary = ws.import_paths(paths, options=ReadOptions(press_release=not raw))
    took = time.perf_counter() - start
    assert summary.rejected == 0, summary.problems[:3]
    ws.close()
    return took


def peak_mb(count: int, tmp: Path) -> float:
    """Peak RSS (MB) of a fresh process importing ``count`` releases."""
    path = write_jsonl(tmp / f"mem-{count}.jsonl", count, seed=count)
    code = (
        "import sys, resource; sys.path.insert(0, 'bench');"
        "from annotator.services.workspace import Workspace;"
        f"ws = Workspace.open('sqlite:///{tmp}/mem-{count}.db', 'm');"
        f"ws.import_paths([__import__('pathlib').Path('{path}')]);"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


def rounds(jsonl: Path, folder: Path, tmp: Path, repeat: int) -> None:
    """Floor, JSONL import and folder import, ``repeat`` times in turn; medians of the ratios."""
    count = sum(1 for _ in jsonl.open(encoding="utf-8"))
    names = ("JSONL", "folder of .txt", "folder of .txt against the folder floor")
    ratios: dict[str, list[float]] = {name: [] for name in names}
    for n in range(repeat):
        base = floor(jsonl, tmp / f"floor-{n}.db")
        files = floor_folder(folder, tmp / f"floor-folder-{n}.db")
        line = [f"round {n + 1}: floor {base:.2f} s (from the folder {files:.2f} s)"]
        for name, paths in (("JSONL", [jsonl]), ("folder of .txt", [folder])):
            took = ours(paths, tmp / f"ours-{name[:5]}-{n}.db")
            ratios[name].append(took / base)
            line.append(f"{name} {took:.2f} s = {count / took:,.0f} docs/s = {took / base:.1f}x")
        ratios[names[2]].append(took / files)
        line[-1] += f" ({took / files:.1f}x the folder floor)"
        print("; ".join(line))
    for name, found in ratios.items():
        found.sort()
        print(
            f"annotator import from {name}: median {statistics.median(found):.1f}x the floor "
            f"of its round (range {found[0]:.1f}-{found[-1]:.1f}x over {repeat} rounds)"
        )


def variants(jsonl: Path, tmp: Path, count: int) -> None:
    """The JSONL import with 0 and 1 worker processes, and without release parsing."""
    base = floor(jsonl, tmp / "floor-variants.db")
    for workers in ("0", "1"):
        os.environ["ANNOTATOR_IMPORT_WORKERS"] = workers
        took = ours([jsonl], tmp / f"ours-w{workers}.db")
        print(
            f"annotator import from JSONL with {workers} worker processes: {took:.2f} s, "
            f"{count / took:,.0f} docs/s, {took / base:.1f}x the floor"
        )
    del os.environ["ANNOTATOR_IMPORT_WORKERS"]
    took = ours([jsonl], tmp / "ours-raw.db", raw=True)
    print(
        f"annotator import --raw from JSONL (no press-release parsing): {took:.2f} s, "
        f"{count / took:,.0f} docs/s, {took / base:.1f}x the floor ({base:.2f} s)"
    )


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(args[0]) if args else 10_000
    repeat = next((int(a.split("=")[1]) for a in sys.argv if a.startswith("--repeat=")), 3)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        jsonl = write_jsonl(tmp / "releases.jsonl", count)
        folder = write_folder(tmp / "releases", count)
        mb = jsonl.stat().st_size / 1e6
        print(f"corpus: {count} releases, {mb:.1f} MB of JSONL")
        print(f"cores the machine gives a CPU loop now: {parallel_capacity():.1f} of 2")
        warm = ours([write_jsonl(tmp / "warm.jsonl", 200, seed=1)], tmp / "warm.db")
        print(f"first import in this process (200 releases, loads numpy): {warm:.2f} s")
        fts = floor(jsonl, tmp / "floor-fts.db", search_index=True)
        print(f"floor with the same FTS5 search index: {fts:.2f} s, {count / fts:,.0f} docs/s")
        rounds(jsonl, folder, tmp, repeat)
        print(f"cores the machine gives a CPU loop now: {parallel_capacity():.1f} of 2")
        variants(jsonl, tmp, count)
        for n in (count // 4, count // 2, count):
            print(f"peak memory importing {n:>6} releases: {peak_mb(n, tmp):.0f} MB")
    print(f"(this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
