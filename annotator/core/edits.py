"""Undoable edits of one document's annotations (DESIGN §4).

An edit is a frozen value. Applying it (the annotate service does, in one
transaction) returns its inverse edit, which is applied the same way to undo;
applying the inverse of the inverse redoes. Ids stay stable across undo and
redo: a removed span comes back with its old id, and so does everything that
hung on it (:class:`Restore`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TypeAlias

from annotator.core.event_edits import (
    EVENT_EDITS,
    STRUCTURE_EDITS,
    AddArgument,
    AddEvent,
    AddRelation,
    EventEdit,
    RelabelRelation,
    RemoveArgument,
    RemoveEvent,
    RemoveRelation,
    Rerole,
    RestoreEvent,
    RestoreRelation,
    SetNote,
)
from annotator.core.model import Origin, Status

__all__ = [  # this module's edits, and those of events re-exported
    "EVENT_EDITS",
    "SPAN_EDITS",
    "AddArgument",
    "AddEvent",
    "AddRelation",
    "AddSpan",
    "ArgumentRecord",
    "Batch",
    "Edit",
    "EditError",
    "EventEdit",
    "EventRecord",
    "NoteRecord",
    "Relabel",
    "RelabelRelation",
    "RelationRecord",
    "RemoveArgument",
    "RemoveEvent",
    "RemoveRelation",
    "RemoveSpans",
    "Rerole",
    "Resize",
    "Restore",
    "RestoreEvent",
    "RestoreRelation",
    "SetNote",
    "SetStatus",
    "SpanRecord",
    "documents_of",
    "sets_status",
    "touches_spans",
]


class EditError(ValueError):
    """An edit that cannot be applied; nothing was changed."""


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@dataclass(frozen=True, slots=True)
class AddSpan:
    """Label ``[start, end)`` of the document's text.

    ``span_id`` is set only to bring a removed span back under its old id.
    """

    document_id: int
    start: int
    end: int
    label: str
    origin: Origin = Origin.MANUAL
    entity_id: int | None = None
    span_id: int | None = None

    def describe(self) -> str:
        """Text for the Undo menu."""
        return f"Add {self.label} span"


@dataclass(frozen=True, slots=True)
class RemoveSpans:
    """Delete spans, with the events, arguments, relations and notes on them."""

    document_id: int
    span_ids: tuple[int, ...]

    def describe(self) -> str:
        """Text for the Undo menu."""
        return f"Delete {_plural(len(self.span_ids), 'span')}"


@dataclass(frozen=True, slots=True)
class Relabel:
    """Give a span another entity label."""

    document_id: int
    span_id: int
    label: str

    def describe(self) -> str:
        """Text for the Undo menu."""
        return f"Relabel span as {self.label}"


@dataclass(frozen=True, slots=True)
class Resize:
    """Move a span's boundaries."""

    document_id: int
    span_id: int
    start: int
    end: int

    def describe(self) -> str:
        """Text for the Undo menu."""
        return "Resize span"


@dataclass(frozen=True, slots=True)
class SetStatus:
    """Mark the document new, in progress, done or skipped."""

    document_id: int
    status: Status

    def describe(self) -> str:
        """Text for the Undo menu."""
        return f"Mark document {self.status.value.replace('_', ' ')}"


@dataclass(frozen=True, slots=True)
class SpanRecord:
    """A removed span as it was stored."""

    id: int
    start: int
    end: int
    label: str
    origin: Origin
    annotator_id: int | None
    entity_id: int | None
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class EventRecord:
    """A removed event (its trigger span was removed)."""

    id: int
    trigger_span_id: int
    type: str
    annotator_id: int | None
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ArgumentRecord:
    """A removed event argument."""

    id: int
    event_id: int
    span_id: int
    role: str
    position: int


@dataclass(frozen=True, slots=True)
class RelationRecord:
    """A removed relation (its head or tail span was removed)."""

    id: int
    head_span_id: int
    tail_span_id: int
    label: str
    annotator_id: int | None
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class NoteRecord:
    """A removed note on a removed span or event."""

    id: int
    span_id: int | None
    event_id: int | None
    text: str
    annotator_id: int | None
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Restore:
    """Put removed spans back, ids and all: the inverse of :class:`RemoveSpans`."""

    document_id: int
    spans: tuple[SpanRecord, ...]
    events: tuple[EventRecord, ...] = ()
    arguments: tuple[ArgumentRecord, ...] = ()
    relations: tuple[RelationRecord, ...] = ()
    notes: tuple[NoteRecord, ...] = ()

    def describe(self) -> str:
        """Text for the Undo menu."""
        return f"Restore {_plural(len(self.spans), 'span')}"


@dataclass(frozen=True, slots=True)
class Batch:
    """Several edits applied in order, in one transaction.

    Its inverse is the inverses of its edits in reverse order.
    """

    document_id: int
    edits: tuple[Edit, ...]
    text: str = ""

    def describe(self) -> str:
        """Text for the Undo menu: ``text``, or what the edits are."""
        if self.text:
            return self.text
        if len(self.edits) == 1:
            return self.edits[0].describe()
        return f"{_plural(len(self.edits), 'edit')}"


Edit: TypeAlias = AddSpan | RemoveSpans | Relabel | Resize | SetStatus | Restore | Batch | EventEdit

SPAN_EDITS = (AddSpan, RemoveSpans, Relabel, Resize, Restore, *STRUCTURE_EDITS)


def touches_spans(edit: Edit) -> bool:
    """Whether ``edit`` changes any span, event or relation (so starts work on a document)."""
    if isinstance(edit, Batch):
        return any(touches_spans(e) for e in edit.edits)
    return isinstance(edit, SPAN_EDITS)


def sets_status(edit: Edit) -> bool:
    """Whether ``edit`` sets the document's status itself."""
    if isinstance(edit, Batch):
        return any(sets_status(e) for e in edit.edits)
    return isinstance(edit, SetStatus)


def documents_of(edit: Edit) -> set[int]:
    """Every document id ``edit`` names (a valid edit names exactly one)."""
    if isinstance(edit, Batch):
        found = {edit.document_id}
        for inner in edit.edits:
            found |= documents_of(inner)
        return found
    return {edit.document_id}
