"""Reading documents back as core objects: one, a page of them, or counts."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Subquery, func, select

from annotator.core import model
from annotator.store import tables as t

D = t.DOCUMENTS.c
S = t.SPANS.c
L = t.LABELS.c
A = t.ANNOTATORS.c
E = t.ENTITIES.c
EV = t.EVENTS.c
ARG = t.ARGUMENTS.c
R = t.RELATIONS.c
N = t.NOTES.c
SG = t.SUGGESTIONS.c


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
    row = (
        conn.execute(
            select(t.DOCUMENTS, A.name.label("who"))
            .select_from(t.DOCUMENTS.outerjoin(t.ANNOTATORS, A.id == D.annotator_id))
            .where(D.id == doc_id)
        )
        .mappings()
        .first()
    )
    if row is None:
        return None
    spans = _spans(conn, doc_id)
    key_of = {s.id: s.key for s in spans}
    return model.Document(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        external_id=row["external_id"],
        source=row["source"],
        agency=row["agency"],
        place=row["place"],
        published_at=row["published_at"],
        url=row["url"],
        meta=dict(row["meta"] or {}),
        status=model.Status(row["status"]),
        original_text=row["original_text"],
        content_hash=row["content_hash"],
        annotator=row["who"],
        spans=tuple(spans),
        events=tuple(_events(conn, doc_id, key_of)),
        relations=tuple(_relations(conn, doc_id, key_of)),
        notes=tuple(_notes(conn, doc_id)),
        suggestions=tuple(_suggestions(conn, doc_id)),
    )


def iter_documents(conn: Connection, ids: Sequence[int]) -> Iterator[model.Document]:
    """Documents by id, loaded one at a time (memory stays flat)."""
    for doc_id in ids:
        doc = load_document(conn, doc_id)
        if doc is not None:
            yield doc


def _spans(conn: Connection, doc_id: int) -> list[model.Span]:
    q = (
        select(S.id, S.start, S.end, L.name, S.origin, A.name, E.id, E.name, E.type)
        .select_from(
            t.SPANS.join(t.LABELS, L.id == S.label_id)
            .outerjoin(t.ANNOTATORS, A.id == S.annotator_id)
            .outerjoin(t.ENTITIES, E.id == S.entity_id)
        )
        .where(S.document_id == doc_id)
        .order_by(S.start, S.end.desc(), S.id)
    )
    return [
        model.Span(
            start,
            end,
            label,
            f"T{n}",
            model.Origin(origin),
            who,
            model.EntityRef(eid, ename, etype) if eid is not None else None,
            sid,
        )
        for n, (sid, start, end, label, origin, who, eid, ename, etype) in enumerate(
            conn.execute(q), start=1
        )
    ]


def _events(conn: Connection, doc_id: int, key_of: dict[int | None, str]) -> list[model.Event]:
    q = (
        select(EV.id, EV.trigger_span_id, L.name, A.name)
        .select_from(
            t.EVENTS.join(t.LABELS, L.id == EV.label_id).outerjoin(
                t.ANNOTATORS, A.id == EV.annotator_id
            )
        )
        .where(EV.document_id == doc_id)
        .order_by(EV.id)
    )
    events = list(conn.execute(q))
    args: dict[int, list[model.Argument]] = {}
    if events:
        aq = (
            select(ARG.id, ARG.event_id, ARG.span_id, ARG.role)
            .where(ARG.event_id.in_([e[0] for e in events]))
            .order_by(ARG.event_id, ARG.position, ARG.id)
        )
        for aid, eid, sid, role in conn.execute(aq):
            args.setdefault(eid, []).append(model.Argument(role, key_of.get(sid, ""), sid, aid))
    return [
        model.Event(label, key_of.get(trig, ""), trig, tuple(args.get(eid, ())), f"E{n}", who, eid)
        for n, (eid, trig, label, who) in enumerate(events, start=1)
    ]


def _relations(
    conn: Connection, doc_id: int, key_of: dict[int | None, str]
) -> list[model.Relation]:
    q = (
        select(R.id, R.head_span_id, R.tail_span_id, L.name, A.name)
        .select_from(
            t.RELATIONS.join(t.LABELS, L.id == R.label_id).outerjoin(
                t.ANNOTATORS, A.id == R.annotator_id
            )
        )
        .where(R.document_id == doc_id)
        .order_by(R.id)
    )
    return [
        model.Relation(label, key_of.get(h, ""), key_of.get(tl, ""), h, tl, f"R{n}", who, rid)
        for n, (rid, h, tl, label, who) in enumerate(conn.execute(q), start=1)
    ]


def _notes(conn: Connection, doc_id: int) -> list[model.Note]:
    q = (
        select(N.id, N.text, N.span_id, N.event_id, A.name)
        .select_from(t.NOTES.outerjoin(t.ANNOTATORS, A.id == N.annotator_id))
        .where(N.document_id == doc_id)
        .order_by(N.id)
    )
    return [model.Note(text, sid, eid, who, nid) for nid, text, sid, eid, who in conn.execute(q)]


def _suggestions(conn: Connection, doc_id: int) -> list[model.Suggestion]:
    q = (
        select(SG.id, SG.start, SG.end, SG.label, SG.score, SG.state, E.id, E.name, E.type)
        .select_from(t.SUGGESTIONS.outerjoin(t.ENTITIES, E.id == SG.entity_id))
        .where(SG.document_id == doc_id, SG.state == model.SuggestionState.PENDING.value)
        .order_by(SG.start, SG.id)
    )
    return [
        model.Suggestion(
            start,
            end,
            label,
            score,
            model.EntityRef(eid, ename, etype) if eid is not None else None,
            model.SuggestionState(state),
            sid,
        )
        for sid, start, end, label, score, state, eid, ename, etype in conn.execute(q)
    ]


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
