"""Stored near-duplicate signatures and the flags they raise."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import orjson
from sqlalchemy import Connection, select, update

from annotator.store import tables as t
from annotator.store.bulk import insert_rows

D, SIG = t.DOCUMENTS.c, t.SIGNATURES.c


_SQLITE_SIGNATURES = (
    "SELECT s.document_id, s.minhash FROM document_signature AS s "
    "JOIN document AS d ON d.id = s.document_id WHERE d.project_id = ?"
)


def project_signatures(conn: Connection, project_id: int) -> Iterator[tuple[int, list[int]]]:
    """``(document id, signature)`` of every signed document of the project.

    On SQLite the JSON is decoded straight from the driver's rows: through
    SQLAlchemy's result rows and JSON type they took twice as long.
    """
    if conn.dialect.name == "sqlite":
        cursor = conn.connection.cursor()
        try:
            rows = cursor.execute(_SQLITE_SIGNATURES, (project_id,))
            yield from ((doc_id, orjson.loads(minhash)) for doc_id, minhash in rows)
        finally:
            cursor.close()
        return
    q = select(SIG.document_id, SIG.minhash).join(t.DOCUMENTS, D.id == SIG.document_id)
    rows = conn.execute(q.where(D.project_id == project_id))
    yield from ((row[0], row[1]) for row in rows)


def store_signatures(conn: Connection, rows: Sequence[tuple[int, Sequence[int]]]) -> None:
    """Save signatures of new documents."""
    insert_rows(conn, t.SIGNATURES, ("document_id", "minhash"), [(d, list(s)) for d, s in rows])


def flag_near_duplicate(conn: Connection, doc_id: int, others: list[dict[str, object]]) -> None:
    """Record in a new document's metadata which stored documents it nearly repeats."""
    meta = conn.execute(select(D.meta).where(D.id == doc_id)).scalar_one()
    conn.execute(
        update(t.DOCUMENTS).where(D.id == doc_id).values(meta={**meta, "near_duplicates": others})
    )
