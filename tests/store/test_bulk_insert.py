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


def test_constants_of_a_batch_are_stored_as_the_orm_stores_them(db_url: str) -> None:
    store = Store.open(db_url)
    project = store.project("p")
    now = datetime(2026, 11, 27, 10, 30, 5, 123456, tzinfo=UTC)
    constants = {
        "meta": {"sumber": "Jum'at, 5 Januari", "n": [1, None]},
        "title": "Kapolda's visit -- 'siaga'",
        "original_text": None,
        "status": "new",
        "created_at": now,
        "updated_at": now,
    }
    rows = [(project.id, f"teks {n}", f"h{n}") for n in range(3)]
    with store.engine.begin() as conn:
        conn.execute(
            insert(t.DOCUMENTS),
            [{"project_id": project.id, "text": "orm", "content_hash": "o", **constants}],
        )
        insert_rows(conn, t.DOCUMENTS, ("project_id", "text", "content_hash"), rows, constants)
    with store.engine.connect() as conn:
        orm, *fast = conn.execute(select(t.DOCUMENTS).order_by(t.DOCUMENTS.c.id)).all()
        assert [r.text for r in fast] == ["teks 0", "teks 1", "teks 2"]
        for row in fast:
            assert row.meta == orm.meta == constants["meta"]
            assert (row.title, row.original_text, row.status) == (orm.title, None, "new")
            assert row.created_at == row.updated_at == orm.created_at == now
        raw = conn.execute(text("SELECT CAST(created_at AS TEXT) FROM document")).scalars()
        assert len(set(raw)) == 1  # the very same stored value
    store.close()
