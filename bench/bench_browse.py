"""Article-list speed at 100,000 documents of ~1 KB on SQLite.

Builds a project of synthetic releases (through annotator.store.ingest, in
batches, FTS triggers on), then prints the median milliseconds of the browse
service's calls next to a floor: raw sqlite3 paging the same table.
Run: .venv/bin/python bench/bench_browse.py [COUNT] [DB_PATH]
(an existing DB_PATH is reused as it is).
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import release

from annotator.core import model
from annotator.core.textio import content_hash
from annotator.services.browse import Browser, Filters
from annotator.services.workspace import Workspace
from annotator.store.ingest import Annotated, insert_batch, label_ids

BATCH = 1000
RARE = "tsunami"  # in one document of every 10,000
STATUSES = [model.Status.DONE] * 6 + [model.Status.NEW] * 3 + [model.Status.IN_PROGRESS]


def _document(rng: random.Random, n: int) -> model.Document:
    rel = release(rng, n, size=1000)
    body = rel["text"] + (f"\nGelombang {RARE} kecil teramati." if n % 10_000 == 5 else "")
    spans = tuple(
        model.Span(i * 10, i * 10 + 6, rng.choice(["ORG", "LOC", "PER"]), f"T{i}")
        for i in range(rng.randint(0, 4))
    )
    return model.Document(
        text=body,
        title=f"{rng.choice(['Apel', 'Patroli', 'Rapat', 'Sosialisasi'])} {rel['title']}",
        source=rng.choice(["ANTARA", "Humas Polda", "KPU"]),
        published_at=f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        status=rng.choice(STATUSES),
        spans=spans,
        content_hash=content_hash(body),
    )


def build(ws: Workspace, count: int) -> float:
    """Insert ``count`` documents; return the seconds it took."""
    rng = random.Random(11)
    start = time.perf_counter()
    for first in range(0, count, BATCH):
        docs = [Annotated(_document(rng, n)) for n in range(first, min(first + BATCH, count))]
        with ws.store.engine.begin() as conn:
            insert_batch(conn, ws.project.id, docs, label_ids(conn, ws.project.id))
    return time.perf_counter() - start


def median_ms(call: Callable[[], object], repeat: int = 7) -> float:
    """Median wall time of ``call`` in milliseconds (one warm-up run first)."""
    call()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    tmp = tempfile.TemporaryDirectory()
    db = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tmp.name) / "browse.db"
    fresh = not db.exists()
    ws = Workspace.open(f"sqlite:///{db}", "bench", "bench")
    if fresh:
        print(
            f"built {count:,} documents in {build(ws, count):.1f} s ({db.stat().st_size >> 20} MB)"
        )
    browser, every = Browser(ws), Filters()
    total = browser.count(every)
    mid = total // 2
    raw = sqlite3.connect(db)
    rows = [
        (
            "floor: raw sqlite3 SELECT id LIMIT 100 OFFSET n/2",
            lambda: raw.execute("SELECT id FROM document LIMIT 100 OFFSET ?", (mid,)).fetchall(),
        ),
        ("count()", lambda: browser.count(every)),
        ("count(status=new)", lambda: browser.count(Filters(status="new"))),
        ("count(label=PER)", lambda: browser.count(Filters(label="PER"))),
        ("page(n/2, 100) by id", lambda: browser.page(every, mid, 100)),
        ("page(n/2, 100) by title", lambda: browser.page(every, mid, 100, "title")),
        (
            "page(n/2, 100) by published_at desc",
            lambda: browser.page(every, mid, 100, "published_at", True),
        ),
        ("page(n/2, 100) by spans", lambda: browser.page(every, mid, 100, "spans")),
        (
            "page(0, 100) status=in_progress by title",
            lambda: browser.page(Filters(status="in_progress"), 0, 100, "title"),
        ),
        ("search common 'apel': count", lambda: browser.count(Filters(search="apel"))),
        ("search common 'apel': first page", lambda: browser.page(Filters(search="apel"), 0, 100)),
        (f"search rare '{RARE}': count", lambda: browser.count(Filters(search=RARE))),
        (f"search rare '{RARE}': first page", lambda: browser.page(Filters(search=RARE), 0, 100)),
        ("next_unfinished(after n/2)", lambda: browser.next_unfinished(mid)),
        ("next_unfinished(after n/2, backwards)", lambda: browser.next_unfinished(mid, True)),
        ("position_of(n/2) by id", lambda: browser.position_of(mid, every)),
        ("position_of(n/2) by title", lambda: browser.position_of(mid, every, "title")),
        ("progress()", browser.progress),
    ]
    print(f"{total:,} documents; rare word in {browser.count(Filters(search=RARE))}")
    for name, call in rows:
        print(f"{median_ms(call):9.2f} ms  {name}")
    raw.close()
    ws.close()
    tmp.cleanup()


if __name__ == "__main__":
    main()
