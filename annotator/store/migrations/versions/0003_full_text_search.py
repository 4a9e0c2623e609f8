"""full-text search over titles and bodies; indexes for sorting the article list

SQLite: an external-content FTS5 table ``document_fts`` over document(title,
text), kept in step by triggers (which ignore status and timestamp updates)
and filled from the existing documents with 'rebuild'. PostgreSQL: a GIN
index on to_tsvector('simple', title || ' ' || text), filled as it is built.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SORT_INDEXES = {
    "ix_document_project_title": ["project_id", "title", "id"],
    "ix_document_project_published": ["project_id", "published_at", "id"],
    "ix_document_project_source": ["project_id", "source", "id"],
}

SQLITE_UP = (
    "CREATE VIRTUAL TABLE document_fts USING fts5("
    "title, text, content='document', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN "
    "INSERT INTO document_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN "
    "INSERT INTO document_fts(document_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER document_fts_update AFTER UPDATE OF title, text ON document BEGIN "
    "INSERT INTO document_fts(document_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO document_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "INSERT INTO document_fts(document_fts) VALUES ('rebuild')",
)
SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS document_fts_update",
    "DROP TRIGGER IF EXISTS document_fts_delete",
    "DROP TRIGGER IF EXISTS document_fts_insert",
    "DROP TABLE IF EXISTS document_fts",
)
POSTGRES_UP = (
    "CREATE INDEX ix_document_fts ON document "
    "USING gin (to_tsvector('simple'::regconfig, title || ' ' || text))",
)
POSTGRES_DOWN = ("DROP INDEX IF EXISTS ix_document_fts",)


def _dialect() -> str:
    return op.get_bind().dialect.name


def upgrade() -> None:
    with op.batch_alter_table("document", schema=None) as batch_op:
        for name, columns in SORT_INDEXES.items():
            batch_op.create_index(name, columns, unique=False)
    statements = {"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}.get(_dialect(), ())
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    statements = {"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}.get(_dialect(), ())
    for statement in statements:
        op.execute(statement)
    with op.batch_alter_table("document", schema=None) as batch_op:
        for name in reversed(SORT_INDEXES):
            batch_op.drop_index(name)
