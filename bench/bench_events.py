"""Events at scale: one document with 300 spans and 60 events of 3 arguments each.

Prints median milliseconds for loading the whole document (the annotate
service's ``document``, and ``load_chunk`` alone) and for one AddArgument
applied and saved (its transaction committed; the KB learning hook included),
next to floors: raw sqlite3 reading the document's span rows, and raw sqlite3
inserting one row and committing, on the same file with the same pragmas.
Run: .venv/bin/python bench/bench_events.py [DB_URL]  (default: a temp SQLite file;
a server URL gets a new project each run, so point it at a throwaway database).
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from annotator.core import edits as ed
from annotator.core import model
from annotator.core.textio import content_hash
from annotator.services.annotate import Annotations
from annotator.services.workspace import Workspace
from annotator.store.ingest import Annotated, insert_batch, label_ids
from annotator.store.loading import load_chunk

WORDS = ["Polda", "Kaltara", "apel", "siaga", "Bulungan", "Rabu", "personel", "pengamanan"]
LABELS = ["ORG", "LOC", "MISC", "DATE", "PER"]


def document() -> model.Document:
    """300 one-word spans; events on every fifth span, with the next three as arguments."""
    words = [f"{WORDS[i % len(WORDS)]}{i}" for i in range(600)]
    text = " ".join(words)
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    spans = tuple(
        model.Span(starts[2 * i], starts[2 * i] + len(words[2 * i]), LABELS[i % 5], f"T{i}")
        for i in range(300)
    )
    events = tuple(
        model.Event(
            "SECURITY_OPERATION",
            f"T{5 * n}",
            arguments=(
                model.Argument("agent", f"T{5 * n + 1}"),
                model.Argument("place", f"T{5 * n + 2}"),
                model.Argument("time", f"T{5 * n + 3}"),
            ),
        )
        for n in range(60)
    )
    return model.Document(
        text, "Bench", spans=spans, events=events, content_hash=content_hash(text)
    )


def median_ms(
    call: Callable[[], object], repeat: int = 31, after: Callable[[], object] | None = None
) -> float:
    """Median wall time of ``call`` in ms (one warm-up); ``after`` runs untimed after each."""
    call()
    if after:
        after()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
        if after:
            after()
    return statistics.median(times)


def main() -> None:
    tmp = tempfile.TemporaryDirectory()
    path = Path(tmp.name) / "events.db"
    url = sys.argv[1] if len(sys.argv) > 1 else f"sqlite:///{path}"
    ws = Workspace.open(url, f"bench-events-{time.time_ns()}", "bench")  # a fresh project
    with ws.store.engine.begin() as conn:
        [doc_id] = insert_batch(
            conn, ws.project.id, [Annotated(document())], label_ids(conn, ws.project.id)
        )
    assert doc_id is not None
    ann = Annotations(ws)
    doc = ann.document(doc_id)
    assert doc is not None and (len(doc.spans), len(doc.events)) == (300, 60)
    assert sum(len(e.arguments) for e in doc.events) == 180
    event, spare = doc.events[0], doc.spans[4]  # a span no argument uses
    add = ed.AddArgument(doc_id, event.id or 0, spare.id or 0, "participant")
    undo: list[ed.Edit] = []

    def conn_load() -> None:
        with ws.store.engine.connect() as conn:
            load_chunk(conn, [doc_id])

    print(
        f"database: {ws.store.engine.url.get_backend_name()}; 300 spans, 60 events, 180 arguments"
    )
    print(
        f"load document (Annotations.document): {median_ms(lambda: ann.document(doc_id)):7.2f} ms"
    )
    print(f"load_chunk alone (own connection):     {median_ms(conn_load):7.2f} ms")
    apply_ms = median_ms(lambda: undo.append(ann.apply(add)), after=lambda: ann.apply(undo.pop()))
    print(f"AddArgument apply + commit:            {apply_ms:7.2f} ms")
    if url.startswith("sqlite:///"):
        floors(Path(url.removeprefix("sqlite:///")), doc_id)
    ws.close()


def floors(db: Path, doc_id: int) -> None:
    """Raw sqlite3 on the same file: read the span rows; insert one row and commit."""
    raw = sqlite3.connect(db, isolation_level=None)
    raw.execute("PRAGMA synchronous=NORMAL")
    raw.execute("CREATE TABLE IF NOT EXISTS floor (id INTEGER PRIMARY KEY, v TEXT)")

    def read() -> None:
        raw.execute(
            'SELECT id, start, "end", label_id FROM span WHERE document_id=?', (doc_id,)
        ).fetchall()

    def write() -> None:
        raw.execute("BEGIN")
        raw.execute("INSERT INTO floor (v) VALUES ('x')")
        raw.execute("COMMIT")

    print(f"floor: raw sqlite3 read of 300 span rows: {median_ms(read):7.2f} ms")
    print(f"floor: raw sqlite3 insert + commit:       {median_ms(write):7.2f} ms")
    raw.close()


if __name__ == "__main__":
    main()
