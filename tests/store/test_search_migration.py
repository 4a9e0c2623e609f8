"""Full-text search across revisions 0003 (the index) and 0005 (indexing a batch at once)."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import text

from annotator.core import model
from annotator.store import browse
from annotator.store.database import alembic_config, make_engine, migrate
from annotator.store.ingest import Annotated, insert_batch, label_ids
from tests.store.old_rows import old_database


def _old_database(url: str) -> None:
    old_database(url, "0002", "Banjir Tarakan", "Warga mengungsi.")


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
    command.downgrade(alembic_config(engine), "0002")
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


def _insert(url: str, text_: str) -> None:
    engine = make_engine(url)
    with engine.begin() as conn:
        docs = [Annotated(model.Document(text=text_, content_hash=text_))]
        insert_batch(conn, 1, docs, label_ids(conn, 1))
    engine.dispose()


def test_imported_documents_are_searchable_at_once_and_after_a_downgrade(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate(engine)  # head: SQLite indexes each import batch, not through a trigger
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO project (name, language, created_at) "
                "VALUES ('p', 'id', CURRENT_TIMESTAMP)"
            )
        )
    _insert(db_url, "Polisi menyita sabu di pelabuhan.")
    _insert(db_url, "Warga mengungsi.")
    assert _found(db_url, "sabu pelabuhan") == 1
    with engine.begin() as conn:
        conn.execute(text("UPDATE document SET text = 'Gudang terbakar.' WHERE text LIKE 'Warga%'"))
    command.downgrade(alembic_config(engine), "0004")  # the trigger is back
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO document (project_id, title, text, meta, content_hash, status, "
                "created_at, updated_at) VALUES (1, 'Lain', 'Kapal tenggelam.', '{}', 'h9', "
                "'new', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            )
        )
    engine.dispose()
    assert (_found(db_url, "gudang"), _found(db_url, "mengungsi")) == (1, 0)
    assert (_found(db_url, "tenggelam"), _found(db_url, "sabu")) == (1, 1)


def test_documents_stay_searchable_once_the_index_merges_sixteen_segments(
    sqlite_url: str,
) -> None:
    _old_database(sqlite_url)
    engine = make_engine(sqlite_url)
    migrate(engine, "0007")
    engine.dispose()
    for n in range(20):  # twenty import batches: more segments than one merge takes
        _insert(sqlite_url, f"Polisi menyita sabu ke-{n} di pelabuhan.")
    engine = make_engine(sqlite_url)
    migrate(engine)
    with engine.connect() as conn:
        setting = conn.execute(text("SELECT v FROM document_fts_config WHERE k = 'automerge'"))
        assert setting.scalar_one() == 16
    engine.dispose()
    for n in range(20):
        _insert(sqlite_url, f"Kapal ke-{n} tenggelam di pelabuhan.")
    assert (_found(sqlite_url, "pelabuhan"), _found(sqlite_url, "mengungsi")) == (40, 1)
    assert (_found(sqlite_url, "sabu"), _found(sqlite_url, "tenggelam")) == (20, 20)
