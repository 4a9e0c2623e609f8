"""Where a knowledge-base entity occurs in the project: for the entity panel."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from annotator.services.workspace import Workspace
from annotator.store import tables as t

S, D = t.SPANS.c, t.DOCUMENTS.c
_CONTEXT = 30


@dataclass(frozen=True, slots=True)
class Occurrence:
    """A span linked to the entity: where it is and a line of context."""

    document_id: int
    span_id: int
    start: int
    end: int
    title: str
    context: str


def occurrences(ws: Workspace, entity_id: int, limit: int = 200) -> list[Occurrence]:
    """Spans linked to ``entity_id`` in the project, in document order (at most ``limit``)."""
    q = (
        select(S.document_id, S.id, S.start, S.end, D.title, D.text)
        .join(t.DOCUMENTS, D.id == S.document_id)
        .where(S.entity_id == entity_id, D.project_id == ws.project.id)
        .order_by(S.document_id, S.start)
        .limit(limit)
    )
    with ws.store.engine.connect() as conn:
        rows = list(conn.execute(q))
    return [
        Occurrence(doc, sid, start, end, title or "", _context(text, start, end))
        for doc, sid, start, end, title, text in rows
    ]


def _context(text: str, start: int, end: int) -> str:
    left = text[max(0, start - _CONTEXT) : start].split("\n")[-1]
    right = text[end : end + _CONTEXT].split("\n")[0]
    return f"…{left}[{text[start:end]}]{right}…".replace("\r", " ")
