"""Applying relation edits; each returns its exact inverse."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, insert, select, update

from annotator.core import edits as ed
from annotator.core.model import LabelKind
from annotator.store import removal
from annotator.store import tables as t
from annotator.store.events import EditContext, check_span, label_of

L, R = t.LABELS.c, t.RELATIONS.c


def apply_relation_edit(ctx: EditContext, edit: ed.Edit) -> ed.Edit:
    """Apply a relation edit; return its inverse."""
    if isinstance(edit, ed.AddRelation):
        return _add(ctx, edit)
    if isinstance(edit, ed.RemoveRelation):
        return _remove(ctx, edit)
    if isinstance(edit, ed.RestoreRelation):
        back = ed.Restore(ctx.doc_id, (), relations=(edit.relation,))
        removal.restore(ctx.conn, ctx.doc_id, ctx.labels, back)
        return ed.RemoveRelation(ctx.doc_id, edit.relation.id)
    if isinstance(edit, ed.RelabelRelation):
        return _relabel(ctx, edit)
    raise ed.EditError(f"not a relation edit: {edit!r}")


def _refuse_duplicate(
    ctx: EditContext, head: int, tail: int, label_id: int, other_than: int | None = None
) -> None:
    q = select(R.id).where(R.head_span_id == head, R.tail_span_id == tail, R.label_id == label_id)
    if other_than is not None:
        q = q.where(R.id != other_than)
    if ctx.conn.execute(q.limit(1)).first() is not None:
        raise ed.EditError("the document already has this relation")


def _add(ctx: EditContext, edit: ed.AddRelation) -> ed.Edit:
    check_span(ctx, edit.head_span_id)
    check_span(ctx, edit.tail_span_id)
    if edit.head_span_id == edit.tail_span_id:
        raise ed.EditError("a relation needs two different spans")
    label_id = label_of(ctx, edit.label, LabelKind.RELATION)
    _refuse_duplicate(ctx, edit.head_span_id, edit.tail_span_id, label_id)
    values = {
        "document_id": ctx.doc_id,
        "head_span_id": edit.head_span_id,
        "tail_span_id": edit.tail_span_id,
        "label_id": label_id,
        "annotator_id": ctx.annotator_id,
        "created_at": datetime.now(UTC),
    }
    new_id = ctx.conn.execute(insert(t.RELATIONS).returning(R.id), values).scalar_one()
    return ed.RemoveRelation(ctx.doc_id, new_id)


def _record(ctx: EditContext, relation_id: int) -> ed.RelationRecord:
    row = ctx.conn.execute(
        select(R.id, R.head_span_id, R.tail_span_id, L.name, R.annotator_id, R.created_at)
        .join(t.LABELS, L.id == R.label_id)
        .where(R.id == relation_id, R.document_id == ctx.doc_id)
    ).first()
    if row is None:
        raise ed.EditError(f"relation {relation_id} is not in document {ctx.doc_id}")
    return ed.RelationRecord(*row)


def _remove(ctx: EditContext, edit: ed.RemoveRelation) -> ed.Edit:
    record = _record(ctx, edit.relation_id)
    ctx.conn.execute(delete(t.RELATIONS).where(R.id == record.id))
    return ed.RestoreRelation(ctx.doc_id, record)


def _relabel(ctx: EditContext, edit: ed.RelabelRelation) -> ed.Edit:
    record = _record(ctx, edit.relation_id)
    label_id = label_of(ctx, edit.label, LabelKind.RELATION)
    _refuse_duplicate(ctx, record.head_span_id, record.tail_span_id, label_id, record.id)
    ctx.conn.execute(update(t.RELATIONS).where(R.id == record.id).values(label_id=label_id))
    return ed.RelabelRelation(ctx.doc_id, record.id, record.label)
