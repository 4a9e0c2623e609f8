"""Engines and schema migrations.

SQLite by default (WAL, foreign keys, a busy timeout), any SQLAlchemy URL for
teams (PostgreSQL). The schema is owned by Alembic migrations shipped inside
the package, so every database, old or new, is brought to the same head.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

MIGRATIONS = Path(__file__).with_name("migrations")
# JSON columns (metadata, signatures) through orjson: several times faster.
_JSON: dict[str, Any] = {
    "json_serializer": lambda obj: orjson.dumps(obj).decode("utf-8"),
    "json_deserializer": orjson.loads,
}


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA synchronous=NORMAL")
    # Checkpoint after ~40 MB of WAL instead of 4 MB: an import batch of 1,000
    # releases writes ~1,500 pages, and checkpointing (with its fsyncs) after
    # every batch cost 60 ms a batch.
    cur.execute("PRAGMA wal_autocheckpoint=10000")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite files get WAL, foreign keys and a timeout."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False}, **_JSON)
        event.listen(engine, "connect", _sqlite_pragmas)
        if parsed.database and parsed.database != ":memory:":
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        return engine
    if parsed.drivername == "postgresql":
        url = str(parsed.set(drivername="postgresql+psycopg").render_as_string(False))
    return create_engine(url, pool_pre_ping=True, **_JSON)


def alembic_config(engine: Engine) -> Config:
    """An in-memory Alembic config pointing at the shipped migrations."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at (``None`` when empty)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    """The newest schema revision this version of Annotator knows."""
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every schema revision this version of Annotator ships."""
    return {script.revision for script in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}


class NewerDatabaseError(RuntimeError):
    """The database was made by a newer version of Annotator; nothing was changed."""


def migrate(
    engine: Engine, revision: str = "head", upgrading: Callable[[], None] | None = None
) -> None:
    """Bring the database's schema to ``revision`` (the newest by default).

    ``upgrading`` is called first when a database that already holds a schema
    is to be upgraded: remaking what is stored can take a while (migration
    0006 signs every document again, about 7 s for 100,000 of them), so the
    window or the command line says so. Creating a new database calls nothing.
    A database of a schema this version does not know is left untouched
    (:class:`NewerDatabaseError`).
    """
    current, head = current_revision(engine), head_revision()
    if revision == "head" and current == head:
        return
    if current is not None and current not in known_revisions():
        raise NewerDatabaseError(
            f"it was made by a newer version of Annotator (schema {current}; this version "
            f"knows up to {head}): update Annotator to open it"
        )
    if current is not None and upgrading is not None:
        upgrading()
    command.upgrade(alembic_config(engine), revision)


def open_database(url: str, upgrading: Callable[[], None] | None = None) -> Engine:
    """An engine for ``url`` whose schema is up to date (see :func:`migrate`)."""
    engine = make_engine(url)
    try:
        migrate(engine, upgrading=upgrading)
    except BaseException:  # refused or failed: no connection left open behind the error
        engine.dispose()
        raise
    return engine
