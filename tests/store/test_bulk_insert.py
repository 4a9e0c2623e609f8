"""Spans written by the fast bulk path read back exactly like ORM-written ones."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import insert, select, text

from annotator.store import tables as t
from annotator.store.bulk import insert_rows
from annotator.store.repository import Store


def test_bulk_path_stores_what_the_orm_stores(db_url: str) -> None:
    store = Store.open(db_url)
    project = store.project("p")
    now = datetime(2026, 11, 27, 10, 30, 5, 123456, tzinfo=UTC)
    with store.engine.begin() as conn:
        doc = conn.execute(
            insert(t.DOCUMENTS).returning(t.DOCUMENTS.c.id),
            {
                "project_id": project.id,
                "title": "",
                "text": "Polda Kaltara",
                "meta": {},
                "content_hash": "h",
                "status": "new",
                "created_at": now,
                "updated_at": now,
            },
        ).scalar_one()
        label = conn.execute(select(t.LABELS.c.id).where(t.LABELS.c.name == "ORG")).scalar_one()
        row = {
            "document_id": doc,
            "start": 0,
            "end": 13,
            "label_id": label,
            "origin": "imported",
            "annotator_id": None,
            "entity_id": None,
            "created_at": now,
            "updated_at": now,
        }
        conn.execute(insert(t.SPANS), [row])
        insert_rows(conn, t.SPANS, list(row), [tuple(row.values())])
    with store.engine.connect() as conn:
        orm, fast = conn.execute(select(t.SPANS).order_by(t.SPANS.c.id)).all()
        assert orm[1:] == fast[1:]
        assert fast.created_at == now
        raw = conn.execute(text("SELECT created_at FROM span ORDER BY id")).scalars().all()
        assert raw[0] == raw[1]
    store.close()
