"""Upgrading a database made by an older schema keeps every row."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from annotator.store.database import (
    NewerDatabaseError,
    current_revision,
    head_revision,
    make_engine,
    migrate,
)
from annotator.store.repository import Store
from tests.store.old_rows import insert_document, insert_project, old_database


def test_upgrade_from_first_release_keeps_rows(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate(engine, "0001")
    with engine.begin() as conn:
        insert_project(conn)
        conn.execute(
            text(
                "INSERT INTO label (id, project_id, name, kind, color, description, "
                "position) VALUES (1, 1, 'ORG', 'entity', '#fff', '', 0)"
            )
        )
        insert_document(conn, 1, "Lama", "Polda Kaltara siaga", "done")
        conn.execute(
            text(
                'INSERT INTO span (id, document_id, start, "end", label_id, origin, '
                "created_at, updated_at) VALUES (1, 1, 0, 13, 1, 'manual', "
                "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            )
        )
    engine.dispose()

    store = Store.open(db_url)  # opening upgrades
    assert current_revision(store.engine) == head_revision() != "0001"
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT title, status FROM document")).one() == ("Lama", "done")
        assert conn.execute(text('SELECT start, "end" FROM span')).one() == (0, 13)
        assert conn.execute(text("SELECT count(*) FROM note")).scalar_one() == 0
    store.close()


def test_migrations_match_the_tables(sqlite_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlmodel import SQLModel

    store = Store.open(sqlite_url)
    with store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,  # the FTS5 table and its shadow tables live outside the models
            opts={"include_name": lambda name, kind, _: not str(name).startswith("document_fts")},
        )
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []
    store.close()


def test_upgrade_makes_stored_signatures_again_with_the_current_hash(db_url: str) -> None:
    from annotator.core.minhash import signature
    from annotator.services.neardups import all_near_duplicates

    release = " ".join(f"Polda Kaltara menggelar apel siaga ke-{n} di Tarakan." for n in range(30))
    engine = make_engine(db_url)
    migrate(engine, "0005")
    with engine.begin() as conn:
        insert_project(conn)
        for doc_id, body in ((1, release), (2, release + " Selesai."), (3, "Berita lain.")):
            insert_document(conn, doc_id, "Lama", body)
        old = "[" + ", ".join(["12345"] * 64) + "]"  # a CRC-32 signature of the old hash
        conn.execute(
            text("INSERT INTO document_signature (document_id, minhash) VALUES (1, :s), (2, :s)"),
            {"s": old},
        )
    engine.dispose()

    store = Store.open(db_url)
    with store.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT document_id, minhash FROM document_signature ORDER BY document_id")
        ).all()
        pairs = all_near_duplicates(conn, 1)
    store.close()
    stored = {i: tuple(json.loads(sig) if isinstance(sig, str) else sig) for i, sig in rows}
    assert stored == {1: signature(release), 2: signature(release + " Selesai.")}
    assert [(p.doc_id, p.other) for p in pairs] == [(2, 1)]  # still found as copies


def test_opening_an_older_database_says_so_before_upgrading_it(
    db_url: str, sqlite_url: str
) -> None:
    old_database(db_url, "0005")
    seen: list[str | None] = []

    def upgrading() -> None:  # what the schema is when the window or CLI is told
        probe = make_engine(db_url)
        seen.append(current_revision(probe))
        probe.dispose()

    Store.open(db_url, upgrading).close()
    assert seen == ["0005"]  # told once, before anything changed
    Store.open(db_url, upgrading).close()  # up to date now: nothing to say
    Store.open(sqlite_url, upgrading).close()  # a new, empty database: nothing to say either
    assert seen == ["0005"]


def test_a_database_of_a_newer_version_is_refused_untouched(db_url: str) -> None:
    old_database(db_url, "0005")
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    calls: list[str] = []
    with pytest.raises(NewerDatabaseError, match=r"newer version of Annotator \(schema 0099"):
        Store.open(db_url, lambda: calls.append("upgrading"))
    assert calls == []  # not told it is being updated
    assert current_revision(engine) == "0099"
    with engine.connect() as conn:
        assert conn.execute(text("SELECT title FROM document")).scalar_one() == "Lama"
    engine.dispose()
