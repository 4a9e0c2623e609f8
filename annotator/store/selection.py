"""Which documents an export takes: filters over the project, as an id list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, exists, select

from annotator.core import model
from annotator.store import tables as t

D, S, L, A, SG = t.DOCUMENTS.c, t.SPANS.c, t.LABELS.c, t.ANNOTATORS.c, t.SUGGESTIONS.c


@dataclass(frozen=True, slots=True)
class Selection:
    """Document filters; ``None`` or empty means no restriction."""

    statuses: Sequence[str] | None = (model.Status.DONE.value,)
    annotator: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    source: str | None = None
    labels: Sequence[str] = ()
    without_pending: bool = False


def select_ids(conn: Connection, project_id: int, sel: Selection) -> list[int]:
    """Ids of the project's documents that pass ``sel``, in id order."""
    q = select(D.id).where(D.project_id == project_id).order_by(D.id)
    if sel.statuses:
        q = q.where(D.status.in_(list(sel.statuses)))
    if sel.source:
        q = q.where((D.source == sel.source) | (D.agency == sel.source))
    if sel.date_from:
        q = q.where(D.published_at >= sel.date_from)
    if sel.date_to:
        q = q.where(D.published_at <= sel.date_to + "\uffff")  # the whole last day
    if sel.annotator:
        who = select(A.id).where(A.name == sel.annotator).scalar_subquery()
        by_them = exists().where(S.document_id == D.id, S.annotator_id == who)
        q = q.where(by_them | (D.annotator_id == who))
    if sel.labels:
        labelled = exists().where(
            S.document_id == D.id, S.label_id == L.id, L.name.in_(list(sel.labels))
        )
        q = q.where(labelled)
    if sel.without_pending:
        pending = exists().where(SG.document_id == D.id, SG.state == "pending")
        q = q.where(~pending)
    return list(conn.execute(q).scalars())


def has_relations(conn: Connection, project_id: int) -> bool:
    """Whether any document of the project has a relation."""
    q = select(t.RELATIONS.c.id).join(t.DOCUMENTS, D.id == t.RELATIONS.c.document_id)
    return conn.execute(q.where(D.project_id == project_id).limit(1)).first() is not None
