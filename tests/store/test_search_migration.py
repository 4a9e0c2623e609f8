"""Revision 0003: documents stored before it become searchable; it downgrades cleanly."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from annotator.store import browse
from annotator.store.database import make_engine, migrate


def _old_database(url: str) -> None:
    engine = make_engine(url)
    migrate(engine, "0002")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO project (id, name, language, created_at) "
                "VALUES (1, 'lama', 'id', CURRENT_TIMESTAMP)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO document (id, project_id, title, text, meta, content_hash, status, "
                "created_at, updated_at) VALUES (1, 1, 'Banjir Tarakan', 'Warga mengungsi.', "
                "'{}', 'h1', 'new', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            )
        )
    engine.dispose()


def _found(url: str, words: str) -> int:
    engine = make_engine(url)
    with engine.connect() as conn:
        n = browse.count(conn, browse.Query(1, search=words))
    engine.dispose()
    return n


def test_upgrade_indexes_existing_documents_and_downgrade_undoes_it(db_url: str) -> None:
    _old_database(db_url)
    engine = make_engine(db_url)
    migrate(engine, "0003")
    engine.dispose()
    assert _found(db_url, "mengungsi") == 1
    assert _found(db_url, "tarakan") == 1
    engine = make_engine(db_url)
    migrate(engine, "0002")
    migrate(engine, "0003")
    engine.dispose()
    assert _found(db_url, "warga banjir") == 1


@pytest.mark.postgres
def test_postgres_search_can_use_the_gin_index(db_url: str) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    _old_database(db_url)
    engine = make_engine(db_url)
    migrate(engine)
    with engine.connect() as conn:
        conn.execute(text("SET enable_seqscan = off"))
        where = browse.conditions(conn, browse.Query(1, search="warga"))[-1]
        compiled = where.compile(conn, compile_kwargs={"literal_binds": True})
        plan = conn.execute(text(f"EXPLAIN SELECT id FROM document WHERE {compiled}")).all()
    engine.dispose()
    assert "ix_document_fts" in " ".join(str(row[0]) for row in plan)
