"""Applying event and argument edits; each returns its exact inverse.

Runs inside the annotate service's transaction (see :mod:`annotator.store.edits`):
an :class:`~annotator.core.edits.EditError` raised here rolls everything back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, func, insert, select, update

from annotator.core import edits as ed
from annotator.core.model import LabelKind
from annotator.store import removal
from annotator.store import tables as t
from annotator.store.ingest import LabelIds

S, L, EV, ARG, N = t.SPANS.c, t.LABELS.c, t.EVENTS.c, t.ARGUMENTS.c, t.NOTES.c
ROLES = t.table_of(t.Role)
RO = ROLES.c


@dataclass(frozen=True, slots=True)
class EditContext:
    """What an edit of one document needs: the connection, ids and the label ids."""

    conn: Connection
    doc_id: int
    project_id: int
    annotator_id: int | None
    labels: LabelIds


@dataclass(frozen=True, slots=True)
class _EventNow:
    trigger_span_id: int
    type: str
    label_id: int


def label_of(ctx: EditContext, name: str, kind: LabelKind) -> int:
    """The id of label ``name`` of ``kind``, or an :class:`EditError`."""
    found = ctx.labels.get((name, kind.value))
    if found is None:
        article = "an" if kind.value[0] in "aeiou" else "a"
        raise ed.EditError(f"{name!r} is not {article} {kind.value} label of this project")
    return found


def check_span(ctx: EditContext, span_id: int) -> None:
    """Refuse a span that is not in the edited document."""
    q = select(S.id).where(S.id == span_id, S.document_id == ctx.doc_id)
    if ctx.conn.execute(q).first() is None:
        raise ed.EditError(f"span {span_id} is not in document {ctx.doc_id}")


def check_event(ctx: EditContext, event_id: int) -> _EventNow:
    """The event ``event_id`` of the edited document, or an :class:`EditError`."""
    row = ctx.conn.execute(
        select(EV.trigger_span_id, L.name, L.id)
        .join(t.LABELS, L.id == EV.label_id)
        .where(EV.id == event_id, EV.document_id == ctx.doc_id)
    ).first()
    if row is None:
        raise ed.EditError(f"event {event_id} is not in document {ctx.doc_id}")
    return _EventNow(*row)


def _check_role(
    ctx: EditContext, event_id: int, span_id: int, role: str, other_than: int | None = None
) -> None:
    """Refuse a role the event type lacks, one past its max count, or a repeat."""
    event = check_event(ctx, event_id)
    found = ctx.conn.execute(
        select(RO.max_count).where(RO.label_id == event.label_id, RO.name == role)
    ).first()
    if found is None:
        raise ed.EditError(f"{event.type} events have no role {role!r}")
    others = select(ARG.span_id).where(ARG.event_id == event_id, ARG.role == role)
    if other_than is not None:
        others = others.where(ARG.id != other_than)
    filled = list(ctx.conn.execute(others).scalars())
    if span_id in filled:
        raise ed.EditError(f"that span is already the {role} of this event")
    max_count = found[0]
    if max_count is not None and len(filled) >= max_count:
        raise ed.EditError(f"a {event.type} event takes at most {max_count} {role}")


def apply_event_edit(ctx: EditContext, edit: ed.Edit) -> ed.Edit:
    """Apply an event or argument edit; return its inverse."""
    if isinstance(edit, ed.AddEvent):
        return _add_event(ctx, edit)
    if isinstance(edit, ed.RemoveEvent):
        return _remove_event(ctx, edit)
    if isinstance(edit, ed.RestoreEvent):
        back = ed.Restore(ctx.doc_id, (), (edit.event,), edit.arguments, (), edit.notes)
        removal.restore(ctx.conn, ctx.doc_id, ctx.labels, back)
        return ed.RemoveEvent(ctx.doc_id, edit.event.id)
    if isinstance(edit, ed.AddArgument):
        return _add_argument(ctx, edit)
    if isinstance(edit, ed.RemoveArgument):
        return _remove_argument(ctx, edit)
    if isinstance(edit, ed.Rerole):
        return _rerole(ctx, edit)
    raise ed.EditError(f"not an event edit: {edit!r}")


def _add_event(ctx: EditContext, edit: ed.AddEvent) -> ed.Edit:
    check_span(ctx, edit.trigger_span_id)
    label_id = label_of(ctx, edit.type, LabelKind.EVENT)
    same = select(EV.id).where(EV.trigger_span_id == edit.trigger_span_id, EV.label_id == label_id)
    if ctx.conn.execute(same).first() is not None:
        raise ed.EditError(f"that span already triggers a {edit.type} event")
    values = {
        "document_id": ctx.doc_id,
        "trigger_span_id": edit.trigger_span_id,
        "label_id": label_id,
        "annotator_id": ctx.annotator_id,
        "created_at": datetime.now(UTC),
    }
    new_id = ctx.conn.execute(insert(t.EVENTS).returning(EV.id), values).scalar_one()
    return ed.RemoveEvent(ctx.doc_id, new_id)


def _remove_event(ctx: EditContext, edit: ed.RemoveEvent) -> ed.Edit:
    check_event(ctx, edit.event_id)
    conn = ctx.conn
    [event] = [
        ed.EventRecord(*row)
        for row in conn.execute(
            select(EV.id, EV.trigger_span_id, L.name, EV.annotator_id, EV.created_at)
            .join(t.LABELS, L.id == EV.label_id)
            .where(EV.id == edit.event_id)
        )
    ]
    arguments = tuple(
        ed.ArgumentRecord(*row)
        for row in conn.execute(
            select(ARG.id, ARG.event_id, ARG.span_id, ARG.role, ARG.position)
            .where(ARG.event_id == edit.event_id)
            .order_by(ARG.id)
        )
    )
    notes = tuple(
        ed.NoteRecord(*row)
        for row in conn.execute(
            select(N.id, N.span_id, N.event_id, N.text, N.annotator_id, N.created_at)
            .where(N.event_id == edit.event_id)
            .order_by(N.id)
        )
    )
    conn.execute(delete(t.NOTES).where(N.event_id == edit.event_id))
    conn.execute(delete(t.ARGUMENTS).where(ARG.event_id == edit.event_id))
    conn.execute(delete(t.EVENTS).where(EV.id == edit.event_id))
    return ed.RestoreEvent(ctx.doc_id, event, arguments, notes)


def _add_argument(ctx: EditContext, edit: ed.AddArgument) -> ed.Edit:
    check_span(ctx, edit.span_id)
    _check_role(ctx, edit.event_id, edit.span_id, edit.role)
    if edit.argument_id is not None and removal.taken_ids(
        ctx.conn, t.ARGUMENTS, [edit.argument_id]
    ):
        raise ed.EditError(f"argument id {edit.argument_id} is in use")
    position = edit.position
    if position is None:
        last = select(func.max(ARG.position)).where(ARG.event_id == edit.event_id)
        top = ctx.conn.execute(last).scalar()
        position = 0 if top is None else int(top) + 1
    values: dict[str, object] = {
        "event_id": edit.event_id,
        "span_id": edit.span_id,
        "role": edit.role,
        "position": position,
    }
    if edit.argument_id is not None:
        values["id"] = edit.argument_id
    new_id = ctx.conn.execute(insert(t.ARGUMENTS).returning(ARG.id), values).scalar_one()
    return ed.RemoveArgument(ctx.doc_id, new_id)


def _argument(ctx: EditContext, argument_id: int) -> ed.ArgumentRecord:
    row = ctx.conn.execute(
        select(ARG.id, ARG.event_id, ARG.span_id, ARG.role, ARG.position)
        .join(t.EVENTS, EV.id == ARG.event_id)
        .where(ARG.id == argument_id, EV.document_id == ctx.doc_id)
    ).first()
    if row is None:
        raise ed.EditError(f"argument {argument_id} is not in document {ctx.doc_id}")
    return ed.ArgumentRecord(*row)


def _remove_argument(ctx: EditContext, edit: ed.RemoveArgument) -> ed.Edit:
    arg = _argument(ctx, edit.argument_id)
    ctx.conn.execute(delete(t.ARGUMENTS).where(ARG.id == arg.id))
    return ed.AddArgument(ctx.doc_id, arg.event_id, arg.span_id, arg.role, arg.id, arg.position)


def _rerole(ctx: EditContext, edit: ed.Rerole) -> ed.Edit:
    arg = _argument(ctx, edit.argument_id)
    if arg.role == edit.role:
        raise ed.EditError(f"the argument is already the {edit.role}")
    _check_role(ctx, arg.event_id, arg.span_id, edit.role, other_than=arg.id)
    ctx.conn.execute(update(t.ARGUMENTS).where(ARG.id == arg.id).values(role=edit.role))
    return ed.Rerole(ctx.doc_id, arg.id, arg.role)
