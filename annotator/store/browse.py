"""The article list's queries: filter, count, page, find, without loading every row.

Paging sorts ids only (through the sort indexes of revision 0003), then reads
the page's rows and span counts for those ids alone. Search uses the FTS5
table on SQLite and the GIN-indexed ``to_tsvector`` on PostgreSQL; both find
documents containing every word of the query in the title or body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, and_, func, or_, select, text

from annotator.core.model import LabelKind, Status
from annotator.store import tables as t
from annotator.store.documents import DocumentRow

D = t.DOCUMENTS.c
S = t.SPANS.c
L = t.LABELS.c

SORTS = ("id", "title", "published_at", "source", "status", "spans")
UNFINISHED = (Status.NEW.value, Status.IN_PROGRESS.value)
_PG_MATCH = (
    "to_tsvector('simple'::regconfig, document.title || ' ' || document.text) "
    "@@ plainto_tsquery('simple'::regconfig, :fts_query)"
)


@dataclass(frozen=True, slots=True)
class Query:
    """Which documents of a project the list shows, and in what order."""

    project_id: int
    status: str | None = None
    label: str | None = None
    search: str = ""
    sort: str = "id"
    descending: bool = False


def search_words(search: str) -> list[str]:
    """The words of a search box's text (punctuation dropped)."""
    return re.findall(r"\w+", search)


def _search(conn: Connection, words: Sequence[str]) -> ColumnElement[bool]:
    dialect = conn.dialect.name
    if dialect == "sqlite":
        match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        hits = text("SELECT rowid FROM document_fts WHERE document_fts MATCH :fts_query")
        return D.id.in_(hits.bindparams(fts_query=match).columns(D.id))
    if dialect == "postgresql":
        return text(_PG_MATCH).bindparams(fts_query=" ".join(words))  # type: ignore[return-value]
    return and_(*(or_(D.title.contains(w), D.text.contains(w)) for w in words))


def mentioning(conn: Connection, surface: str) -> ColumnElement[bool] | None:
    """Documents whose body may hold ``surface`` (through the full-text index).

    A superset of the documents where ``surface`` occurs as whole words (the
    index folds case and accents): callers verify each one. ``None`` when the
    index cannot narrow (no word in ``surface``, or no index on this database).
    """
    if not search_words(surface):
        return None
    dialect = conn.dialect.name
    if dialect == "sqlite":  # one phrase, tokenized as the index tokenized the text
        match = 'text : "' + " ".join(surface.split()).replace('"', '""') + '"'
        hits = text("SELECT rowid FROM document_fts WHERE document_fts MATCH :fts_query")
        return D.id.in_(hits.bindparams(fts_query=match).columns(D.id))
    if dialect == "postgresql":
        return _search(conn, search_words(surface))
    return None


def conditions(conn: Connection, q: Query) -> list[ColumnElement[bool]]:
    """The WHERE clauses of ``q``."""
    found: list[ColumnElement[bool]] = [D.project_id == q.project_id]
    if q.status:
        found.append(D.status == q.status)
    if q.label:
        labelled = (
            select(S.document_id)
            .join(t.LABELS, L.id == S.label_id)
            .where(
                L.project_id == q.project_id,
                L.name == q.label,
                L.kind == LabelKind.ENTITY.value,
            )
        )
        found.append(D.id.in_(labelled))
    words = search_words(q.search)
    if words:
        found.append(_search(conn, words))
    return found


def _order(q: Query) -> list[ColumnElement[object]]:
    if q.sort not in SORTS:
        raise ValueError(f"cannot sort by {q.sort!r}; choose one of {', '.join(SORTS)}")
    keys: list[ColumnElement[object]] = []
    if q.sort == "spans":
        keys.append(select(func.count()).where(S.document_id == D.id).scalar_subquery())
    elif q.sort != "id":
        keys.append(t.DOCUMENTS.c[q.sort])
    keys.append(D.id)
    return [k.desc() for k in keys] if q.descending else keys


def count(conn: Connection, q: Query) -> int:
    """How many documents ``q`` shows."""
    stmt = select(func.count()).select_from(t.DOCUMENTS).where(*conditions(conn, q))
    return int(conn.execute(stmt).scalar_one())


def page(conn: Connection, q: Query, offset: int, limit: int) -> list[DocumentRow]:
    """Rows ``offset`` to ``offset + limit`` of the list, with span counts."""
    ids_q = select(D.id).where(*conditions(conn, q)).order_by(*_order(q))
    ids = list(conn.execute(ids_q.offset(max(offset, 0)).limit(max(limit, 0))).scalars())
    if not ids:
        return []
    rows = {
        r[0]: r
        for r in conn.execute(
            select(D.id, D.title, D.status, D.published_at, D.source).where(D.id.in_(ids))
        )
    }
    spans: dict[int, int] = dict(
        conn.execute(
            select(S.document_id, func.count())
            .where(S.document_id.in_(ids))
            .group_by(S.document_id)
        ).all()
    )
    return [DocumentRow(*rows[i], spans.get(i, 0)) for i in ids]


def position(conn: Connection, q: Query, doc_id: int) -> int | None:
    """The 0-based row of ``doc_id`` in the list, ``None`` when not shown."""
    where = conditions(conn, q)
    if q.sort == "id":
        if conn.execute(select(D.id).where(D.id == doc_id, *where)).first() is None:
            return None
        before = D.id > doc_id if q.descending else D.id < doc_id
        stmt = select(func.count()).select_from(t.DOCUMENTS).where(before, *where)
        return int(conn.execute(stmt).scalar_one())
    row = func.row_number().over(order_by=_order(q)).label("row")
    ranked = select(D.id, row).where(*where).subquery()
    found = conn.execute(select(ranked.c.row).where(ranked.c.id == doc_id)).scalar()
    return None if found is None else int(found) - 1


def by_status(conn: Connection, project_id: int) -> dict[str, int]:
    """Documents of the project by status."""
    stmt = select(D.status, func.count()).where(D.project_id == project_id).group_by(D.status)
    return {status: int(n) for status, n in conn.execute(stmt)}


def next_unfinished(
    conn: Connection, project_id: int, after_id: int | None, backwards: bool = False
) -> int | None:
    """The next new or in-progress document by id after ``after_id``, wrapping.

    ``after_id`` itself is never the answer; ``None`` means no other
    document is unfinished.
    """

    def first(beyond: ColumnElement[bool] | None) -> int | None:
        best: list[int] = []
        for status in UNFINISHED:  # one indexed min/max per status
            pick = func.max(D.id) if backwards else func.min(D.id)
            stmt = select(pick).where(D.project_id == project_id, D.status == status)
            if beyond is not None:
                stmt = stmt.where(beyond)
            found = conn.execute(stmt).scalar()
            if found is not None:
                best.append(int(found))
        if not best:
            return None
        return max(best) if backwards else min(best)

    if after_id is None:
        return first(None)
    ahead = first(D.id < after_id if backwards else D.id > after_id)
    if ahead is not None:
        return ahead
    return first(D.id > after_id if backwards else D.id < after_id)
