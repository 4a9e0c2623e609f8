"""Reading documents back as core objects: one, a page of them, or counts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Subquery, func, select

from annotator.core import model
from annotator.store import tables as t
from annotator.store.loading import load_chunk

D = t.DOCUMENTS.c
S = t.SPANS.c
L = t.LABELS.c


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One line of the article list."""

    id: int
    title: str
    status: str
    published_at: str | None
    source: str | None
    span_count: int


def _span_counts() -> Subquery:
    return select(S.document_id, func.count().label("n")).group_by(S.document_id).subquery("sc")


def list_documents(
    conn: Connection,
    project_id: int,
    status: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[DocumentRow]:
    """A page of the project's documents in id order, with span counts."""
    sc = _span_counts()
    n = func.coalesce(sc.c.n, 0)
    q = (
        select(D.id, D.title, D.status, D.published_at, D.source, n)
        .select_from(t.DOCUMENTS.outerjoin(sc, sc.c.document_id == D.id))
        .where(D.project_id == project_id)
        .order_by(D.id)
        .offset(offset)
    )
    if status:
        q = q.where(D.status == status)
    if limit is not None:
        q = q.limit(limit)
    return [DocumentRow(*row) for row in conn.execute(q)]


def document_ids(conn: Connection, project_id: int, status: str | None = None) -> list[int]:
    """Ids of the project's documents, optionally of one status."""
    q = select(D.id).where(D.project_id == project_id).order_by(D.id)
    if status:
        q = q.where(D.status == status)
    return list(conn.execute(q).scalars())


def load_document(
    conn: Connection, doc_id: int, project_id: int | None = None
) -> model.Document | None:
    """The whole document: text, metadata and every annotation.

    With ``project_id``, a document of another project counts as missing.
    """
    if project_id is not None:
        owner = conn.execute(select(D.project_id).where(D.id == doc_id)).scalar()
        if owner != project_id:
            return None
    found = load_chunk(conn, [doc_id])
    return found[0] if found else None


def counts(conn: Connection, project_id: int) -> dict[str, object]:
    """Documents, documents by status and spans by label."""
    by_status: dict[str, int] = dict(
        conn.execute(
            select(D.status, func.count()).where(D.project_id == project_id).group_by(D.status)
        ).all()
    )
    by_label: dict[str, int] = dict(
        conn.execute(
            select(L.name, func.count())
            .select_from(
                t.SPANS.join(t.DOCUMENTS, D.id == S.document_id).join(t.LABELS, L.id == S.label_id)
            )
            .where(D.project_id == project_id)
            .group_by(L.name)
            .order_by(L.name)
        ).all()
    )
    return {
        "documents": sum(by_status.values()),
        "by_status": {k: by_status[k] for k in sorted(by_status)},
        "spans_by_label": by_label,
    }
