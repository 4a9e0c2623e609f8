"""full-text index written once a batch, not by a trigger a row

Revision ID: 0005
Revises: 0004

SQLite only: the insert trigger of ``document_fts`` goes; the import indexes
each batch of new documents with one ``INSERT ... SELECT`` (twice as fast as
a trigger firing for every row). The delete and update triggers stay.
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

INSERT_TRIGGER = (
    "CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN "
    "INSERT INTO document_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS document_fts_insert")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(INSERT_TRIGGER)
        op.execute("INSERT INTO document_fts(document_fts) VALUES ('rebuild')")
