"""Alembic environment: runs on the engine handed over in the config."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

from annotator.store import tables  # noqa: F401  (registers the tables)

config = context.config


def include_object(
    obj: object, name: str | None, kind: str, reflected: bool, other: object
) -> bool:
    """Leave the full-text search tables (made by hand in 0003) to their migration."""
    return not (kind == "table" and name is not None and name.startswith("document_fts"))


engine = config.attributes["engine"]
with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,
    )
    context.run_migrations()
