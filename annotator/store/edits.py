"""Applying core edits to the database; each returns its inverse edit.

:func:`apply_edit` runs inside the caller's transaction: when it raises
(:class:`~annotator.core.edits.EditError` for an invalid edit), rolling the
transaction back leaves the database as it was, even halfway through a batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from annotator.core import edits as ed
from annotator.core.model import LabelKind, Status
from annotator.core.offsets import span_problem
from annotator.store import events, notes, relations, removal
from annotator.store import tables as t
from annotator.store.ingest import LabelIds, label_ids

D = t.DOCUMENTS.c
S = t.SPANS.c
L = t.LABELS.c
E = t.ENTITIES.c


@dataclass(frozen=True, slots=True)
class _Context:
    conn: Connection
    doc_id: int
    project_id: int
    text: str
    annotator_id: int | None
    labels: LabelIds


@dataclass(frozen=True, slots=True)
class _SpanNow:
    start: int
    end: int
    label: str


def apply_edit(
    conn: Connection, project_id: int, annotator_id: int | None, edit: ed.Edit
) -> ed.Edit:
    """Apply ``edit`` to a document of ``project_id``; return its inverse.

    Also stamps the document's ``updated_at`` and moves a new document to
    in progress on its first span edit. That move is not part of the inverse
    (undoing the span edit leaves the document in progress), so the inverse
    of an :class:`AddSpan` is always a plain :class:`RemoveSpans`.
    """
    docs = ed.documents_of(edit)
    if len(docs) != 1:
        raise ed.EditError(f"one edit must touch one document, not {sorted(docs)}")
    [doc_id] = docs
    row = conn.execute(
        select(D.text, D.status).where(D.id == doc_id, D.project_id == project_id)
    ).first()
    if row is None:
        raise ed.EditError(f"document {doc_id} is not in this project")
    text, status = row
    ctx = _Context(conn, doc_id, project_id, text, annotator_id, label_ids(conn, project_id))
    try:
        inverse = _apply(ctx, edit)
    except IntegrityError as exc:
        raise ed.EditError(f"the database refused the edit: {exc.orig}") from exc
    values: dict[str, object] = {"updated_at": datetime.now(UTC)}
    if status == Status.NEW.value and ed.touches_spans(edit) and not ed.sets_status(edit):
        values["status"] = Status.IN_PROGRESS.value
    conn.execute(update(t.DOCUMENTS).where(D.id == doc_id).values(**values))
    return inverse


def _apply(ctx: _Context, edit: ed.Edit) -> ed.Edit:
    if isinstance(edit, ed.Batch):
        inverses = [_apply(ctx, inner) for inner in edit.edits]
        return ed.Batch(edit.document_id, tuple(reversed(inverses)), edit.text)
    if isinstance(edit, ed.AddSpan):
        return _add(ctx, edit)
    if isinstance(edit, ed.RemoveSpans):
        return _remove(ctx, edit)
    if isinstance(edit, ed.Restore):
        removal.restore(ctx.conn, ctx.doc_id, ctx.labels, edit)
        return ed.RemoveSpans(ctx.doc_id, tuple(s.id for s in edit.spans))
    if isinstance(edit, ed.Relabel):
        return _relabel(ctx, edit)
    if isinstance(edit, ed.Resize):
        return _resize(ctx, edit)
    if isinstance(edit, ed.EVENT_EDITS):
        return _apply_event_edit(ctx, edit)
    return _set_status(ctx, edit)


def _apply_event_edit(ctx: _Context, edit: ed.EventEdit) -> ed.Edit:
    ectx = events.EditContext(ctx.conn, ctx.doc_id, ctx.project_id, ctx.annotator_id, ctx.labels)
    if isinstance(edit, ed.SetNote):
        return notes.set_note(ectx, edit)
    if isinstance(
        edit, ed.AddRelation | ed.RemoveRelation | ed.RestoreRelation | ed.RelabelRelation
    ):
        return relations.apply_relation_edit(ectx, edit)
    return events.apply_event_edit(ectx, edit)


def _entity_label(ctx: _Context, name: str) -> int:
    found = ctx.labels.get((name, LabelKind.ENTITY.value))
    if found is None:
        raise ed.EditError(f"{name!r} is not an entity label of this project")
    return found


def _check_offsets(ctx: _Context, start: int, end: int) -> None:
    problem = span_problem(ctx.text, start, end)
    if problem:
        raise ed.EditError(problem)


def _refuse_duplicate(
    ctx: _Context, start: int, end: int, label_id: int, other_than: int | None = None
) -> None:
    # ``label_id + 0`` keeps SQLite off ix_span_label_id (it would scan every span of
    # the label, ~20 ms at 100,000 documents) and on ix_span_document_start.
    q = select(S.id).where(
        S.document_id == ctx.doc_id, S.start == start, S.end == end, S.label_id + 0 == label_id
    )
    if other_than is not None:
        q = q.where(S.id != other_than)
    if ctx.conn.execute(q.limit(1)).first() is not None:
        raise ed.EditError(f"the document already has this span [{start}, {end})")


def _span(ctx: _Context, span_id: int) -> _SpanNow:
    row = ctx.conn.execute(
        select(S.start, S.end, L.name)
        .join(t.LABELS, L.id == S.label_id)
        .where(S.id == span_id, S.document_id == ctx.doc_id)
    ).first()
    if row is None:
        raise ed.EditError(f"span {span_id} is not in document {ctx.doc_id}")
    return _SpanNow(*row)


def _add(ctx: _Context, edit: ed.AddSpan) -> ed.Edit:
    _check_offsets(ctx, edit.start, edit.end)
    label_id = _entity_label(ctx, edit.label)
    _refuse_duplicate(ctx, edit.start, edit.end, label_id)
    if edit.entity_id is not None:
        q = select(E.id).where(E.id == edit.entity_id, E.project_id == ctx.project_id)
        if ctx.conn.execute(q).first() is None:
            raise ed.EditError(f"entity {edit.entity_id} is not in this project")
    if edit.span_id is not None and removal.taken_ids(ctx.conn, t.SPANS, [edit.span_id]):
        raise ed.EditError(f"span id {edit.span_id} is in use")
    now = datetime.now(UTC)
    values: dict[str, object] = {
        "document_id": ctx.doc_id,
        "start": edit.start,
        "end": edit.end,
        "label_id": label_id,
        "origin": edit.origin.value,
        "annotator_id": ctx.annotator_id,
        "entity_id": edit.entity_id,
        "created_at": now,
        "updated_at": now,
    }
    if edit.span_id is not None:
        values["id"] = edit.span_id
    new_id = ctx.conn.execute(insert(t.SPANS).returning(S.id), values).scalar_one()
    return ed.RemoveSpans(ctx.doc_id, (new_id,))


def _remove(ctx: _Context, edit: ed.RemoveSpans) -> ed.Edit:
    if not edit.span_ids:
        raise ed.EditError("no spans to delete")
    if len(set(edit.span_ids)) != len(edit.span_ids):
        raise ed.EditError("a span is named twice")
    for span_id in edit.span_ids:
        _span(ctx, span_id)
    removed = removal.snapshot(ctx.conn, ctx.doc_id, edit.span_ids)
    removal.delete_snapshot(ctx.conn, removed)
    return removed


def _relabel(ctx: _Context, edit: ed.Relabel) -> ed.Edit:
    now = _span(ctx, edit.span_id)
    label_id = _entity_label(ctx, edit.label)
    _refuse_duplicate(ctx, now.start, now.end, label_id, edit.span_id)
    _update_span(ctx, edit.span_id, label_id=label_id)
    return ed.Relabel(ctx.doc_id, edit.span_id, now.label)


def _resize(ctx: _Context, edit: ed.Resize) -> ed.Edit:
    now = _span(ctx, edit.span_id)
    _check_offsets(ctx, edit.start, edit.end)
    label_id = _entity_label(ctx, now.label)
    _refuse_duplicate(ctx, edit.start, edit.end, label_id, edit.span_id)
    _update_span(ctx, edit.span_id, start=edit.start, end=edit.end)
    return ed.Resize(ctx.doc_id, edit.span_id, now.start, now.end)


def _update_span(ctx: _Context, span_id: int, **values: object) -> None:
    ctx.conn.execute(
        update(t.SPANS).where(S.id == span_id).values(updated_at=datetime.now(UTC), **values)
    )


def _set_status(ctx: _Context, edit: ed.SetStatus) -> ed.Edit:
    if edit.status not in set(Status):
        raise ed.EditError(f"{edit.status!r} is not a document status")
    status = ctx.conn.execute(select(D.status).where(D.id == ctx.doc_id)).scalar_one()
    ctx.conn.execute(
        update(t.DOCUMENTS).where(D.id == ctx.doc_id).values(status=Status(edit.status).value)
    )
    return ed.SetStatus(ctx.doc_id, Status(status))
