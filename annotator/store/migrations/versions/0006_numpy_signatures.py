"""near-duplicate signatures made again with the vectorised shingle hash

Revision ID: 0006
Revises: 0005

Signatures are now hashed with numpy over every word 5-shingle of a document
(``annotator.core.minhash``) instead of CRC-32 over a third of them, so those
stored before cannot be compared with new ones: each is made again from its
document's text, a thousand documents a statement.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_BATCH = 1000
_SIGNATURES = sa.table(
    "document_signature", sa.column("document_id", sa.Integer), sa.column("minhash", sa.JSON)
)
_DOCUMENTS = sa.table("document", sa.column("id", sa.Integer), sa.column("text", sa.Text))


def upgrade() -> None:
    conn = op.get_bind()
    query = (
        sa.select(_DOCUMENTS.c.id, _DOCUMENTS.c.text)
        .join(_SIGNATURES, _SIGNATURES.c.document_id == _DOCUMENTS.c.id)
        .where(_DOCUMENTS.c.id > sa.bindparam("after"))
        .order_by(_DOCUMENTS.c.id)
        .limit(_BATCH)
    )
    update = (
        sa.update(_SIGNATURES)
        .where(_SIGNATURES.c.document_id == sa.bindparam("doc"))
        .values(minhash=sa.bindparam("sig"))
    )
    after = 0
    while rows := conn.execute(query, {"after": after}).all():
        from annotator.core.minhash import signature  # numpy loads only if there is work

        conn.execute(update, [{"doc": i, "sig": list(signature(text))} for i, text in rows])
        after = rows[-1][0]


def downgrade() -> None:
    """The old signatures cannot be made here any more: the stored ones are dropped, and
    near-duplicates are looked for among documents imported after the downgrade."""
    op.execute("DELETE FROM document_signature")
