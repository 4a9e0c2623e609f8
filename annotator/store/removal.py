"""Removing spans with everything that hangs on them, and putting it all back.

:func:`snapshot` reads what a :class:`~annotator.core.edits.RemoveSpans` will
take away (the spans, events they trigger with those events' arguments and
notes, arguments and relations that point at them, notes on them), as core
records; :func:`delete` removes exactly that; :func:`restore` re-inserts it
under the same ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, or_, select

from annotator.core import edits as ed
from annotator.core.model import LabelKind, Origin
from annotator.store import tables as t
from annotator.store.ingest import LabelIds

S = t.SPANS.c
L = t.LABELS.c
EV = t.EVENTS.c
ARG = t.ARGUMENTS.c
R = t.RELATIONS.c
N = t.NOTES.c


def snapshot(conn: Connection, doc_id: int, span_ids: Sequence[int]) -> ed.Restore:
    """Everything removing ``span_ids`` would delete, as a :class:`Restore`."""
    ids = list(span_ids)
    spans = [
        ed.SpanRecord(sid, start, end, label, Origin(origin), who, entity, created)
        for sid, start, end, label, origin, who, entity, created in conn.execute(
            select(S.id, S.start, S.end, L.name, S.origin, S.annotator_id, S.entity_id)
            .add_columns(S.created_at)
            .join(t.LABELS, L.id == S.label_id)
            .where(S.id.in_(ids))
            .order_by(S.id)
        )
    ]
    events = [
        ed.EventRecord(eid, trig, label, who, created)
        for eid, trig, label, who, created in conn.execute(
            select(EV.id, EV.trigger_span_id, L.name, EV.annotator_id, EV.created_at)
            .join(t.LABELS, L.id == EV.label_id)
            .where(EV.trigger_span_id.in_(ids))
            .order_by(EV.id)
        )
    ]
    event_ids = [e.id for e in events]
    arguments = [
        ed.ArgumentRecord(aid, eid, sid, role, pos)
        for aid, eid, sid, role, pos in conn.execute(
            select(ARG.id, ARG.event_id, ARG.span_id, ARG.role, ARG.position)
            .where(or_(ARG.span_id.in_(ids), ARG.event_id.in_(event_ids)))
            .order_by(ARG.id)
        )
    ]
    relations = [
        ed.RelationRecord(rid, head, tail, label, who, created)
        for rid, head, tail, label, who, created in conn.execute(
            select(R.id, R.head_span_id, R.tail_span_id, L.name, R.annotator_id, R.created_at)
            .join(t.LABELS, L.id == R.label_id)
            .where(or_(R.head_span_id.in_(ids), R.tail_span_id.in_(ids)))
            .order_by(R.id)
        )
    ]
    notes = [
        ed.NoteRecord(nid, sid, eid, text, who, created)
        for nid, sid, eid, text, who, created in conn.execute(
            select(N.id, N.span_id, N.event_id, N.text, N.annotator_id, N.created_at)
            .where(or_(N.span_id.in_(ids), N.event_id.in_(event_ids)))
            .order_by(N.id)
        )
    ]
    return ed.Restore(
        doc_id, tuple(spans), tuple(events), tuple(arguments), tuple(relations), tuple(notes)
    )


def delete_snapshot(conn: Connection, removed: ed.Restore) -> None:
    """Delete exactly the rows of ``removed``, dependants first."""
    for table, ids in (
        (t.NOTES, [n.id for n in removed.notes]),
        (t.ARGUMENTS, [a.id for a in removed.arguments]),
        (t.RELATIONS, [r.id for r in removed.relations]),
        (t.EVENTS, [e.id for e in removed.events]),
        (t.SPANS, [s.id for s in removed.spans]),
    ):
        if ids:
            conn.execute(delete(table).where(table.c.id.in_(ids)))


def taken_ids(conn: Connection, table: Table, ids: Sequence[int]) -> list[int]:
    """Which of ``ids`` ``table`` already uses."""
    if not ids:
        return []
    return list(conn.execute(select(table.c.id).where(table.c.id.in_(list(ids)))).scalars())


def _label(labels: LabelIds, name: str, kind: LabelKind) -> int:
    found = labels.get((name, kind.value))
    if found is None:
        raise ed.EditError(f"the schema has no {kind.value} label {name!r} any more")
    return found


def restore(conn: Connection, doc_id: int, labels: LabelIds, back: ed.Restore) -> None:
    """Re-insert the rows of ``back`` under their old ids."""
    for table, ids in (
        (t.SPANS, [s.id for s in back.spans]),
        (t.EVENTS, [e.id for e in back.events]),
        (t.ARGUMENTS, [a.id for a in back.arguments]),
        (t.RELATIONS, [r.id for r in back.relations]),
        (t.NOTES, [n.id for n in back.notes]),
    ):
        if taken_ids(conn, table, ids):
            raise ed.EditError(f"cannot restore: {table.name} ids {ids} are in use again")
    now = datetime.now(UTC)
    rows: list[tuple[Table, list[dict[str, Any]]]] = [
        (t.SPANS, [_span_row(doc_id, labels, s, now) for s in back.spans]),
        (t.EVENTS, [_event_row(doc_id, labels, e, now) for e in back.events]),
        (t.ARGUMENTS, [_argument_row(a) for a in back.arguments]),
        (t.RELATIONS, [_relation_row(doc_id, labels, r, now) for r in back.relations]),
        (t.NOTES, [_note_row(doc_id, n, now) for n in back.notes]),
    ]
    for table, values in rows:
        if values:
            conn.execute(insert(table), values)


def _span_row(doc_id: int, labels: LabelIds, s: ed.SpanRecord, now: datetime) -> dict[str, Any]:
    return {
        "id": s.id,
        "document_id": doc_id,
        "start": s.start,
        "end": s.end,
        "label_id": _label(labels, s.label, LabelKind.ENTITY),
        "origin": s.origin.value,
        "annotator_id": s.annotator_id,
        "entity_id": s.entity_id,
        "created_at": s.created_at or now,
        "updated_at": now,
    }


def _event_row(doc_id: int, labels: LabelIds, e: ed.EventRecord, now: datetime) -> dict[str, Any]:
    return {
        "id": e.id,
        "document_id": doc_id,
        "trigger_span_id": e.trigger_span_id,
        "label_id": _label(labels, e.type, LabelKind.EVENT),
        "annotator_id": e.annotator_id,
        "created_at": e.created_at or now,
    }


def _argument_row(a: ed.ArgumentRecord) -> dict[str, Any]:
    return {
        "id": a.id,
        "event_id": a.event_id,
        "span_id": a.span_id,
        "role": a.role,
        "position": a.position,
    }


def _relation_row(
    doc_id: int, labels: LabelIds, r: ed.RelationRecord, now: datetime
) -> dict[str, Any]:
    return {
        "id": r.id,
        "document_id": doc_id,
        "head_span_id": r.head_span_id,
        "tail_span_id": r.tail_span_id,
        "label_id": _label(labels, r.label, LabelKind.RELATION),
        "annotator_id": r.annotator_id,
        "created_at": r.created_at or now,
    }


def _note_row(doc_id: int, n: ed.NoteRecord, now: datetime) -> dict[str, Any]:
    return {
        "id": n.id,
        "document_id": doc_id,
        "span_id": n.span_id,
        "event_id": n.event_id,
        "text": n.text,
        "annotator_id": n.annotator_id,
        "created_at": n.created_at or now,
    }
