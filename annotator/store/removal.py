"""Removing spans with everything that hangs on them, and putting it all back.

:func:`snapshot` reads what a :class:`~annotator.core.edits.RemoveSpans` will
take away (the spans, events they trigger with those events' arguments and
notes, arguments and relations that point at them, notes on them), as core
records; :func:`delete_snapshot` removes exactly that; :func:`restore`
re-inserts it under the same ids. Each has a form for many documents at once
(:func:`snapshots`, :func:`delete_snapshots`, :func:`restore_all`), a few
hundred rows a statement, for deleting a label used all over a project.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
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
CHUNK = 500  # spans (whole documents' worth) read, or rows deleted, a statement


def snapshot(conn: Connection, doc_id: int, span_ids: Sequence[int]) -> ed.Restore:
    """Everything removing ``span_ids`` would delete, as a :class:`Restore`."""
    return snapshots(conn, {doc_id: list(span_ids)})[0]


@dataclass
class _Taken:
    """One document's rows that a removal takes, gathered across chunks."""

    spans: list[ed.SpanRecord] = field(default_factory=list)
    events: list[ed.EventRecord] = field(default_factory=list)
    arguments: list[ed.ArgumentRecord] = field(default_factory=list)
    relations: list[ed.RelationRecord] = field(default_factory=list)
    notes: list[ed.NoteRecord] = field(default_factory=list)

    def restore(self, doc_id: int) -> ed.Restore:
        return ed.Restore(
            doc_id,
            tuple(self.spans),
            tuple(self.events),
            tuple(self.arguments),
            tuple(self.relations),
            tuple(self.notes),
        )


def snapshots(conn: Connection, by_doc: Mapping[int, Sequence[int]]) -> list[ed.Restore]:
    """:func:`snapshot` of the spans of many documents, read some :data:`CHUNK` spans a
    statement instead of six statements a document; in the order of ``by_doc``."""
    taken = defaultdict(_Taken, {doc_id: _Taken() for doc_id in by_doc})  # in by_doc's order
    for docs in _chunks(by_doc):
        _take(conn, [sid for d in docs for sid in by_doc[d]], taken)
    return [part.restore(doc_id) for doc_id, part in taken.items()]


def _chunks(by_doc: Mapping[int, Sequence[int]]) -> Iterable[list[int]]:
    """Runs of whole documents holding about :data:`CHUNK` spans (at least one document)."""
    run: list[int] = []
    size = 0
    for doc_id, ids in by_doc.items():
        if run and size + len(ids) > CHUNK:
            yield run
            run, size = [], 0
        run.append(doc_id)
        size += len(ids)
    if run:
        yield run


def _take(conn: Connection, ids: list[int], taken: defaultdict[int, _Taken]) -> None:
    """Add what removing the spans ``ids`` takes to ``taken``, by each row's own document."""
    for doc, *row in conn.execute(
        select(S.document_id, S.id, S.start, S.end, L.name, S.origin, S.annotator_id)
        .add_columns(S.entity_id, S.created_at)
        .join(t.LABELS, L.id == S.label_id)
        .where(S.id.in_(ids))
        .order_by(S.id)
    ):
        sid, start, end, label, origin, who, entity, created = row
        taken[doc].spans.append(
            ed.SpanRecord(sid, start, end, label, Origin(origin), who, entity, created)
        )
    events = conn.execute(
        select(EV.document_id, EV.id, EV.trigger_span_id, L.name, EV.annotator_id)
        .add_columns(EV.created_at)
        .join(t.LABELS, L.id == EV.label_id)
        .where(EV.trigger_span_id.in_(ids))
        .order_by(EV.id)
    ).all()
    for doc, *row in events:
        taken[doc].events.append(ed.EventRecord(*row))
    event_ids = [row[1] for row in events]
    for doc, *row in conn.execute(
        select(EV.document_id, ARG.id, ARG.event_id, ARG.span_id, ARG.role, ARG.position)
        .join(t.EVENTS, EV.id == ARG.event_id)
        .where(or_(ARG.span_id.in_(ids), ARG.event_id.in_(event_ids)))
        .order_by(ARG.id)
    ):
        taken[doc].arguments.append(ed.ArgumentRecord(*row))
    for doc, *row in conn.execute(
        select(R.document_id, R.id, R.head_span_id, R.tail_span_id, L.name, R.annotator_id)
        .add_columns(R.created_at)
        .join(t.LABELS, L.id == R.label_id)
        .where(or_(R.head_span_id.in_(ids), R.tail_span_id.in_(ids)))
        .order_by(R.id)
    ):
        taken[doc].relations.append(ed.RelationRecord(*row))
    for doc, *row in conn.execute(
        select(N.document_id, N.id, N.span_id, N.event_id, N.text, N.annotator_id)
        .add_columns(N.created_at)
        .where(or_(N.span_id.in_(ids), N.event_id.in_(event_ids)))
        .order_by(N.id)
    ):
        taken[doc].notes.append(ed.NoteRecord(*row))


def delete_snapshots(conn: Connection, removed: Sequence[ed.Restore]) -> None:
    """:func:`delete_snapshot` of many documents at once, :data:`CHUNK` rows a statement."""
    for table, ids in (
        (t.NOTES, [n.id for r in removed for n in r.notes]),
        (t.ARGUMENTS, [a.id for r in removed for a in r.arguments]),
        (t.RELATIONS, [x.id for r in removed for x in r.relations]),
        (t.EVENTS, [e.id for r in removed for e in r.events]),
        (t.SPANS, [s.id for r in removed for s in r.spans]),
    ):
        for i in range(0, len(ids), CHUNK):
            conn.execute(delete(table).where(table.c.id.in_(ids[i : i + CHUNK])))


def delete_snapshot(conn: Connection, removed: ed.Restore) -> None:
    """Delete exactly the rows of ``removed``, dependants first."""
    delete_snapshots(conn, [removed])


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
    """Re-insert the rows of ``back`` under their old ids, in document ``doc_id``."""
    restore_all(conn, labels, [replace(back, document_id=doc_id)])


def restore_all(conn: Connection, labels: LabelIds, backs: Sequence[ed.Restore]) -> None:
    """:func:`restore` of many documents at once: ids checked and rows inserted a table at
    a time, :data:`CHUNK` ids a statement."""
    now = datetime.now(UTC)
    rows: list[tuple[Table, list[dict[str, Any]]]] = [
        (t.SPANS, [_span_row(b.document_id, labels, s, now) for b in backs for s in b.spans]),
        (t.EVENTS, [_event_row(b.document_id, labels, e, now) for b in backs for e in b.events]),
        (t.ARGUMENTS, [_argument_row(a) for b in backs for a in b.arguments]),
        (
            t.RELATIONS,
            [_relation_row(b.document_id, labels, r, now) for b in backs for r in b.relations],
        ),
        (t.NOTES, [_note_row(b.document_id, n, now) for b in backs for n in b.notes]),
    ]
    for table, values in rows:
        ids = [row["id"] for row in values]
        for i in range(0, len(ids), CHUNK):
            taken = taken_ids(conn, table, ids[i : i + CHUNK])
            if taken:
                raise ed.EditError(f"cannot restore: {table.name} ids {taken} are in use again")
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
