"""Pre-annotated import: 10,000 releases with 200,000 spans from doccano JSONL.

Prints Annotator's import time beside the floor measured in the same run:
plain sqlite3 parsing the same JSON lines and inserting the documents and
spans with executemany in one transaction (with and without the FTS5 index
Annotator keeps for search). Run: .venv/bin/python bench/bench_import_annotated.py [N]
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_export import make_doc
from bench_import import FTS

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


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        path = write_doccano(tmp / "doccano.jsonl", count)
        print(
            f"corpus: {count} documents, {count * 20:,} spans, "
            f"{path.stat().st_size / 1e6:.1f} MB of doccano JSONL"
        )
        plain = floor(path, tmp / "f1.db", False)
        indexed = floor(path, tmp / "f2.db", True)
        print(f"floor (sqlite3 executemany): {plain:.2f} s; with the FTS5 index: {indexed:.2f} s")
        ws = Workspace.open(f"sqlite:///{tmp / 'ours.db'}", "bench")
        start = time.perf_counter()
        summary = ws.import_paths([path], "doccano")
        took = time.perf_counter() - start
        assert summary.rejected == 0 and summary.imported == count, summary.problems[:3]
        spans = sum(ws.stats()["spans_by_label"].values())  # type: ignore[attr-defined]
        print(
            f"annotator import: {took:.2f} s ({spans:,} spans stored), {took / plain:.1f}x the "
            f"floor, {took / indexed:.1f}x the floor with the search index"
        )
        ws.close()


if __name__ == "__main__":
    main()
