"""What a delete costs where it cascades: a label with its spans, entities merged.

Builds a SQLite project of N documents (default 20,000) with 20 spans each,
2,000 notes on spans and 200,000 pending suggestions linked to 5,000
entities, then times, through the services, deleting the label "DATE"
(80,000 spans, with their notes), the same and its undo, and merging 100
entities into one (their suggestions follow). The floor is the same operation in a copy of the
project whose note and suggestion tables are empty (nothing to cascade into).
Run: .venv/bin/python bench/bench_cascades.py [DOCS]
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_export import build

from annotator.services.knowledge import KnowledgeBase
from annotator.services.schema import SchemaEditor
from annotator.services.workspace import Workspace

NOW = "2026-11-29 00:00:00"


def decorate(db: Path, notes: int, entities: int, suggestions: int) -> None:
    """Add notes on random spans, entities, and pending suggestions linked to them."""
    rng = random.Random(1)
    conn = sqlite3.connect(db)
    spans = conn.execute("SELECT id, document_id FROM span").fetchall()
    conn.executemany(
        "INSERT INTO note (document_id, span_id, text, created_at) VALUES (?, ?, 'cek', ?)",
        [(doc, span, NOW) for span, doc in rng.sample(spans, notes)],
    )
    conn.executemany(
        "INSERT INTO entity (project_id, name, type, description, created_at) "
        "VALUES (1, ?, 'ORG', '', ?)",
        [(f"Entitas {n}", NOW) for n in range(entities)],
    )
    ids = [row[0] for row in conn.execute("SELECT id FROM entity")]
    docs = conn.execute("SELECT max(id) FROM document").fetchone()[0]
    conn.executemany(
        'INSERT INTO suggestion (document_id, start, "end", label, entity_id, score, state, '
        "created_at) VALUES (?, 0, 5, 'ORG', ?, 1.0, 'pending', ?)",
        [(rng.randint(1, docs), rng.choice(ids), NOW) for _ in range(suggestions)],
    )
    conn.commit()
    conn.close()


def emptied(db: Path, copy: Path) -> Path:
    """A copy of ``db`` without notes and suggestions."""
    shutil.copy(db, copy)
    conn = sqlite3.connect(copy)
    conn.execute("DELETE FROM note")
    conn.execute("DELETE FROM suggestion")
    conn.commit()
    conn.close()
    return copy


def timed(db: Path, work: Callable[[Workspace], object]) -> float:
    """Seconds of ``work`` on the project in a fresh copy of ``db``."""
    copy = db.with_name(db.stem + "-run.db")
    shutil.copy(db, copy)
    ws = Workspace.open(f"sqlite:///{copy}", "bench")
    start = time.perf_counter()
    work(ws)
    took = time.perf_counter() - start
    ws.close()
    return took


def delete_label(ws: Workspace) -> None:
    editor = SchemaEditor(ws)
    [label] = [lab for lab in editor.schema().labels if lab.name == "DATE"]
    editor.delete(label)


def delete_label_and_undo(ws: Workspace) -> None:
    editor = SchemaEditor(ws)
    [label] = [lab for lab in editor.schema().labels if lab.name == "DATE"]
    editor.apply(editor.delete(label))


def merge(ws: Workspace) -> None:
    KnowledgeBase(ws).merge(1, list(range(2, 101)))


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory() as d:
        db = Path(d) / "cascades.db"
        build(db, count)
        decorate(db, notes=2_000, entities=5_000, suggestions=200_000)
        floor_db = emptied(db, Path(d) / "floor.db")
        print(f"{count:,} documents, {count * 20:,} spans, 2,000 notes, 200,000 suggestions")
        for name, work in (
            ("delete the label DATE", delete_label),
            ("delete it, then undo", delete_label_and_undo),
            ("merge 100 entities", merge),
        ):
            ours, floor = timed(db, work), timed(floor_db, work)
            print(f"{name:<24} {ours:6.2f} s   floor (nothing to cascade into) {floor:6.2f} s")


if __name__ == "__main__":
    main()
