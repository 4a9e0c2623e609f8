"""The names of documents: external id and title, read alone (a brat export's file names)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, select

from annotator.store import tables as t
from annotator.store.loading import ChunkQuery

D = t.DOCUMENTS.c
CHUNK = 2_000  # ids read in one statement (SQLite binds 32,766 at most; PostgreSQL 65,535)
_NAMES = ChunkQuery(lambda ids: select(D.id, D.external_id, D.title).where(ids(D.id)))


def document_names(
    conn: Connection, ids: Sequence[int]
) -> list[tuple[int, str | None, str | None]]:
    """``(id, external_id, title)`` of each of ``ids`` still stored, in the order given
    (a run of consecutive ids read by range, as a whole project's are)."""
    found: dict[int, tuple[int, str | None, str | None]] = {}
    for i in range(0, len(ids), CHUNK):
        found.update((row[0], tuple(row)) for row in _NAMES.rows(conn, ids[i : i + CHUNK]))
    return [found[i] for i in ids if i in found]
