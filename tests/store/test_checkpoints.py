"""The write-ahead log is checkpointed beside a bulk write, so it stays short."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from annotator.store.checkpoints import checkpoints_aside
from annotator.store.database import make_engine


def _frames_in_log(db: Path) -> int:
    with sqlite3.connect(db) as probe:
        _busy, frames, _done = probe.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    return int(frames)


def test_the_log_is_checkpointed_after_each_commit_and_the_thread_ends(tmp_path: Path) -> None:
    db = tmp_path / "korpus.db"
    engine = make_engine(f"sqlite:///{db}")
    writer = sqlite3.connect(db)
    writer.execute("PRAGMA wal_autocheckpoint=0")  # only the thread checkpoints
    writer.execute("CREATE TABLE doc (text TEXT)")
    batch = [("Polda Kaltara menggelar apel siaga. " * 100,)] * 200  # ~700 KB a commit
    with checkpoints_aside(engine) as committed:
        for _ in range(6):
            with writer:
                writer.executemany("INSERT INTO doc VALUES (?)", batch)
            committed()
            time.sleep(0.2)  # the checkpoint finishes before the next write
    one_batch = _frames_in_log(db)
    writer.close()
    assert 0 < one_batch < 400  # the log restarted: it holds the last batch, not all six
    assert not [t for t in threading.enumerate() if t.name == "wal-checkpoints"]
    engine.dispose()


def test_a_database_in_memory_needs_no_thread() -> None:
    engine = make_engine("sqlite://")
    with checkpoints_aside(engine) as committed:
        committed()
        assert not [t for t in threading.enumerate() if t.name == "wal-checkpoints"]
