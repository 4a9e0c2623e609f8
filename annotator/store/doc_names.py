"""The names of documents: external id and title, read alone (a brat export's file names)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, select

from annotator.store import tables as t

D = t.DOCUMENTS.c
CHUNK = 2_000  # ids bound in one statement (SQLite allows 32,766; PostgreSQL 65,535)


def document_names(
    conn: Connection, ids: Sequence[int]
) -> list[tuple[int, str | None, str | None]]:
    """``(id, external_id, title)`` of each of ``ids`` still stored, in the order given."""
    found: dict[int, tuple[int, str | None, str | None]] = {}
    for i in range(0, len(ids), CHUNK):
        query = select(D.id, D.external_id, D.title).where(D.id.in_(ids[i : i + CHUNK]))
        found.update((row[0], (row[0], row[1], row[2])) for row in conn.execute(query))
    return [found[i] for i in ids if i in found]
