"""Notes: one on a document, a span or an event, set and undone exactly; and search.

Search is a case-insensitive substring match (``lower(text) LIKE lower(:q)``),
the same on SQLite and PostgreSQL; SQLite's ``lower`` folds ASCII letters only,
which covers Indonesian.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, delete, func, insert, select, update

from annotator.core import edits as ed
from annotator.core import model
from annotator.store import removal
from annotator.store import tables as t
from annotator.store.events import EditContext, check_event, check_span

D, N, A = t.DOCUMENTS.c, t.NOTES.c, t.ANNOTATORS.c


def _target(ctx: EditContext, edit: ed.SetNote) -> ed.SetNote | None:
    """The note ``edit`` rewrites, as the edit that would put it back, if there is one."""
    q = select(N.id, N.text, N.span_id, N.event_id).where(N.document_id == ctx.doc_id)
    if edit.note_id is not None:
        q = q.where(N.id == edit.note_id)
    else:
        q = q.where(
            N.span_id.is_(None) if edit.span_id is None else N.span_id == edit.span_id,
            N.event_id.is_(None) if edit.event_id is None else N.event_id == edit.event_id,
        )
    row = ctx.conn.execute(q.order_by(N.id).limit(1)).first()
    if row is None:
        return None
    note_id, text, span_id, event_id = row
    return ed.SetNote(ctx.doc_id, text, span_id, event_id, note_id)


def set_note(ctx: EditContext, edit: ed.SetNote) -> ed.Edit:
    """Create, rewrite or delete (empty text) a note; return the edit that undoes it."""
    if edit.span_id is not None and edit.event_id is not None:
        raise ed.EditError("a note is on a span or on an event, not both")
    if edit.span_id is not None:
        check_span(ctx, edit.span_id)
    if edit.event_id is not None:
        check_event(ctx, edit.event_id)
    found = _target(ctx, edit)
    if found is None:
        if not edit.text:
            raise ed.EditError("there is no note to delete")
        if edit.note_id is not None and removal.taken_ids(ctx.conn, t.NOTES, [edit.note_id]):
            raise ed.EditError(f"note id {edit.note_id} is in use")
        values: dict[str, object] = {
            "document_id": ctx.doc_id,
            "span_id": edit.span_id,
            "event_id": edit.event_id,
            "text": edit.text,
            "annotator_id": ctx.annotator_id,
            "created_at": datetime.now(UTC),
        }
        if edit.note_id is not None:
            values["id"] = edit.note_id
        new_id = ctx.conn.execute(insert(t.NOTES).returning(N.id), values).scalar_one()
        return ed.SetNote(ctx.doc_id, "", edit.span_id, edit.event_id, new_id)
    if edit.text:
        ctx.conn.execute(update(t.NOTES).where(N.id == found.note_id).values(text=edit.text))
    else:
        ctx.conn.execute(delete(t.NOTES).where(N.id == found.note_id))
    return found


def search_notes(
    conn: Connection, project_id: int, text: str, limit: int = 500
) -> list[tuple[int, model.Note]]:
    """``(document id, note)`` for the project's notes containing ``text``, any case."""
    pattern = "%" + text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    q = (
        select(N.document_id, N.id, N.text, N.span_id, N.event_id, A.name)
        .select_from(
            t.NOTES.join(t.DOCUMENTS, D.id == N.document_id).outerjoin(
                t.ANNOTATORS, A.id == N.annotator_id
            )
        )
        .where(D.project_id == project_id, func.lower(N.text).like(pattern + "%", escape="\\"))
        .order_by(N.document_id, N.id)
        .limit(limit)
    )
    return [
        (doc_id, model.Note(body, span_id=sid, event_id=eid, annotator=who, id=nid))
        for doc_id, nid, body, sid, eid, who in conn.execute(q)
    ]
