"""Checkpointing SQLite's write-ahead log beside a bulk write, not inside it.

A commit that finds the log past ``wal_autocheckpoint`` pages copies the
whole log into the database file, with its fsyncs, before the committing
writer may go on: for an import of 10,000 releases that was about 0.2 s of
the writer's 1.6. Here a thread of its own checkpoints (PASSIVE: it never
waits for the writer, and never makes it wait) after each batch is committed.
SQLite copies and syncs with Python's lock released, so the copying overlaps
the writer's next batch, and the log stays a batch or two long. Other
databases need nothing of this.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Engine

log = logging.getLogger(__name__)


@contextmanager
def checkpoints_aside(engine: Engine) -> Iterator[Callable[[], None]]:
    """A function to call after each commit of a bulk write, while the write goes on."""
    path = engine.url.database
    if engine.dialect.name != "sqlite" or not path or path == ":memory:":
        yield lambda: None
        return
    wake, done = threading.Event(), threading.Event()
    worker = threading.Thread(
        target=_checkpoint_on_wake, args=(path, wake, done), name="wal-checkpoints", daemon=True
    )
    worker.start()
    try:
        yield wake.set
    finally:
        done.set()
        wake.set()
        worker.join()


def _checkpoint_on_wake(path: str, wake: threading.Event, done: threading.Event) -> None:
    """Checkpoint ``path`` each time ``wake`` is set, until ``done`` is."""
    try:
        conn = sqlite3.connect(path)  # made and used in this thread only
    except sqlite3.Error:
        log.exception("cannot open %s to checkpoint it", path)
        return
    try:
        while True:
            wake.wait()
            wake.clear()
            if done.is_set():
                return
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    except sqlite3.Error:  # the writer's own checkpoints take over
        log.exception("checkpointing %s failed", path)
    finally:
        conn.close()
