"""Loading whole documents in chunks: a handful of queries per few hundred documents.

Exports stream the corpus through :func:`stream_documents`, so memory stays
flat whatever the corpus size; the window loads one document the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, select

from annotator.core import model
from annotator.store import tables as t

D, S, L, A, E = t.DOCUMENTS.c, t.SPANS.c, t.LABELS.c, t.ANNOTATORS.c, t.ENTITIES.c
EV, ARG, R, N, SG = t.EVENTS.c, t.ARGUMENTS.c, t.RELATIONS.c, t.NOTES.c, t.SUGGESTIONS.c
CHUNK = 400
ORIGINS = {o.value: o for o in model.Origin}

Grouped = dict[int, list[Any]]


def _grouped(conn: Connection, query: Any) -> Grouped:
    """Rows of ``query`` (first column: document id) grouped by document."""
    out: Grouped = defaultdict(list)
    for row in conn.execute(query).all():
        out[row[0]].append(row)
    return out


def _annotator_names(conn: Connection) -> dict[int, str]:
    return dict(conn.execute(select(A.id, A.name)).all())


def _spans(conn: Connection, ids: Sequence[int]) -> Grouped:
    q = (
        select(
            S.document_id,
            S.id,
            S.start,
            S.end,
            L.name,
            S.origin,
            S.annotator_id,
            E.id,
            E.name,
            E.type,
        )
        .select_from(
            t.SPANS.join(t.LABELS, L.id == S.label_id).outerjoin(t.ENTITIES, E.id == S.entity_id)
        )
        .where(S.document_id.in_(ids))
        .order_by(S.document_id, S.start, S.end.desc(), S.id)
    )
    return _grouped(conn, q)


def _events(conn: Connection, ids: Sequence[int]) -> tuple[Grouped, Grouped]:
    q = (
        select(EV.document_id, EV.id, EV.trigger_span_id, L.name, EV.annotator_id)
        .select_from(t.EVENTS.join(t.LABELS, L.id == EV.label_id))
        .where(EV.document_id.in_(ids))
        .order_by(EV.document_id, EV.id)
    )
    events = _grouped(conn, q)
    aq = (
        select(ARG.event_id, ARG.id, ARG.span_id, ARG.role)
        .join(t.EVENTS, EV.id == ARG.event_id)
        .where(EV.document_id.in_(ids))
        .order_by(ARG.event_id, ARG.position, ARG.id)
    )
    return events, _grouped(conn, aq)


def _relations(conn: Connection, ids: Sequence[int]) -> Grouped:
    q = (
        select(R.document_id, R.id, R.head_span_id, R.tail_span_id, L.name, R.annotator_id)
        .select_from(t.RELATIONS.join(t.LABELS, L.id == R.label_id))
        .where(R.document_id.in_(ids))
        .order_by(R.document_id, R.id)
    )
    return _grouped(conn, q)


def _notes(conn: Connection, ids: Sequence[int]) -> Grouped:
    q = (
        select(N.document_id, N.id, N.text, N.span_id, N.event_id, N.annotator_id)
        .where(N.document_id.in_(ids))
        .order_by(N.document_id, N.id)
    )
    return _grouped(conn, q)


def _suggestions(conn: Connection, ids: Sequence[int]) -> Grouped:
    q = (
        select(
            SG.document_id,
            SG.id,
            SG.start,
            SG.end,
            SG.label,
            SG.score,
            SG.state,
            E.id,
            E.name,
            E.type,
        )
        .select_from(t.SUGGESTIONS.outerjoin(t.ENTITIES, E.id == SG.entity_id))
        .where(SG.document_id.in_(ids), SG.state == model.SuggestionState.PENDING.value)
        .order_by(SG.document_id, SG.start, SG.id)
    )
    return _grouped(conn, q)


def load_chunk(conn: Connection, ids: Sequence[int]) -> list[model.Document]:
    """Whole documents for ``ids`` (at most a few hundred), in the order given."""
    if not ids:
        return []
    columns = (
        D.id,
        D.text,
        D.title,
        D.external_id,
        D.source,
        D.agency,
        D.place,
        D.published_at,
        D.url,
        D.meta,
        D.status,
        D.original_text,
        D.content_hash,
        D.annotator_id,
    )
    query = select(*columns).where(D.id.in_(ids))
    rows = {r["id"]: r for r in conn.execute(query).mappings().all()}
    parts = _Parts(
        _annotator_names(conn),
        _spans(conn, ids),
        *_events(conn, ids),
        _relations(conn, ids),
        _notes(conn, ids),
        _suggestions(conn, ids),
    )
    return [parts.document(rows[i]) for i in ids if i in rows]


def stream_documents(conn: Connection, ids: Sequence[int]) -> Iterator[model.Document]:
    """Whole documents for ``ids``, loaded chunk by chunk."""
    for i in range(0, len(ids), CHUNK):
        yield from load_chunk(conn, ids[i : i + CHUNK])


class _Parts:
    """The annotation rows of one chunk, assembled into documents."""

    def __init__(
        self,
        who: dict[int, str],
        spans: Grouped,
        events: Grouped,
        args: Grouped,
        relations: Grouped,
        notes: Grouped,
        suggestions: Grouped,
    ) -> None:
        self.who, self.spans, self.events, self.args = who, spans, events, args
        self.relations, self.notes, self.suggestions = relations, notes, suggestions

    def document(self, row: Any) -> model.Document:
        doc_id = row["id"]
        spans = self._spans(doc_id)
        keys = {s.id: s.key for s in spans if s.id is not None}
        return model.Document(
            id=doc_id,
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
            annotator=self.who.get(row["annotator_id"]),
            spans=spans,
            events=self._events(doc_id, keys),
            relations=self._relations(doc_id, keys),
            notes=self._notes(doc_id, keys),
            suggestions=self._suggestions(doc_id),
        )

    def _spans(self, doc_id: int) -> tuple[model.Span, ...]:
        who, span, ref, origin = self.who.get, model.Span, model.EntityRef, ORIGINS.__getitem__
        return tuple(
            span(
                start,
                end,
                label,
                f"T{n}",
                origin(org),
                who(aid),
                ref(eid, ename, etype) if eid is not None else None,
                sid,
            )
            for n, (_, sid, start, end, label, org, aid, eid, ename, etype) in enumerate(
                self.spans.get(doc_id, ()), start=1
            )
        )

    def _events(self, doc_id: int, keys: dict[int, str]) -> tuple[model.Event, ...]:
        out = []
        for n, (_, eid, trig, label, aid) in enumerate(self.events.get(doc_id, ()), start=1):
            args = tuple(
                model.Argument(role, keys.get(sid, ""), sid, arg_id)
                for _, arg_id, sid, role in self.args.get(eid, ())
            )
            out.append(
                model.Event(label, keys.get(trig, ""), trig, args, f"E{n}", self.who.get(aid), eid)
            )
        return tuple(out)

    def _relations(self, doc_id: int, keys: dict[int, str]) -> tuple[model.Relation, ...]:
        return tuple(
            model.Relation(
                label, keys.get(h, ""), keys.get(tl, ""), h, tl, f"R{n}", self.who.get(aid), rid
            )
            for n, (_, rid, h, tl, label, aid) in enumerate(self.relations.get(doc_id, ()), 1)
        )

    def _notes(self, doc_id: int, keys: dict[int, str]) -> tuple[model.Note, ...]:
        return tuple(
            model.Note(
                text,
                span_id=sid,
                event_id=evid,
                annotator=self.who.get(aid),
                id=nid,
                span=keys.get(sid, "") if sid else "",
            )
            for _, nid, text, sid, evid, aid in self.notes.get(doc_id, ())
        )

    def _suggestions(self, doc_id: int) -> tuple[model.Suggestion, ...]:
        return tuple(
            model.Suggestion(
                start,
                end,
                label,
                score,
                model.EntityRef(eid, ename, etype) if eid is not None else None,
                model.SuggestionState(state),
                sid,
            )
            for _, sid, start, end, label, score, state, eid, ename, etype in self.suggestions.get(
                doc_id, ()
            )
        )
