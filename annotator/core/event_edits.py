"""Undoable edits of events, their arguments, relations and notes (DESIGN §4).

Re-exported by :mod:`annotator.core.edits` and part of its ``Edit`` union.
Each applies (in the annotate service's transaction) and returns its exact
inverse; ids survive undo and redo: a removed event, argument or relation
comes back under its old id, with what hung on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from annotator.core.edits import ArgumentRecord, EventRecord, NoteRecord, RelationRecord


@dataclass(frozen=True, slots=True)
class AddEvent:
    """Make the span ``trigger_span_id`` the trigger of an event of ``type``.

    The trigger keeps its own entity label; the event only points at it.
    """

    document_id: int
    trigger_span_id: int
    type: str

    def describe(self) -> str:
        """Text for the Undo menu."""
        return f"Add {self.type} event"


@dataclass(frozen=True, slots=True)
class RemoveEvent:
    """Delete an event with its arguments and the notes on it (not its spans)."""

    document_id: int
    event_id: int

    def describe(self) -> str:
        """Text for the Undo menu."""
        return "Delete event"


@dataclass(frozen=True, slots=True)
class RestoreEvent:
    """Put a removed event back, ids and all: the inverse of :class:`RemoveEvent`."""

    document_id: int
    event: EventRecord
    arguments: tuple[ArgumentRecord, ...] = ()
    notes: tuple[NoteRecord, ...] = ()

    def describe(self) -> str:
        """Text for the Undo menu."""
        return f"Restore {self.event.type} event"


@dataclass(frozen=True, slots=True)
class AddArgument:
    """Attach span ``span_id`` to event ``event_id`` in ``role``.

    ``argument_id`` and ``position`` are set only to bring a removed argument
    back as it was.
    """

    document_id: int
    event_id: int
    span_id: int
    role: str
    argument_id: int | None = None
    position: int | None = None

    def describe(self) -> str:
        """Text for the Undo menu."""
        return f"Add {self.role} argument"


@dataclass(frozen=True, slots=True)
class Rerole:
    """Give an argument another role of its event type."""

    document_id: int
    argument_id: int
    role: str

    def describe(self) -> str:
        """Text for the Undo menu."""
        return f"Change argument role to {self.role}"


@dataclass(frozen=True, slots=True)
class RemoveArgument:
    """Detach an argument from its event (the span stays)."""

    document_id: int
    argument_id: int

    def describe(self) -> str:
        """Text for the Undo menu."""
        return "Remove argument"


@dataclass(frozen=True, slots=True)
class AddRelation:
    """Link span ``head_span_id`` to span ``tail_span_id`` with relation type ``label``."""

    document_id: int
    head_span_id: int
    tail_span_id: int
    label: str

    def describe(self) -> str:
        """Text for the Undo menu."""
        return f"Add {self.label} relation"


@dataclass(frozen=True, slots=True)
class RemoveRelation:
    """Delete a relation (its spans stay)."""

    document_id: int
    relation_id: int

    def describe(self) -> str:
        """Text for the Undo menu."""
        return "Delete relation"


@dataclass(frozen=True, slots=True)
class RestoreRelation:
    """Put a removed relation back as it was: the inverse of :class:`RemoveRelation`."""

    document_id: int
    relation: RelationRecord

    def describe(self) -> str:
        """Text for the Undo menu."""
        return f"Restore {self.relation.label} relation"


@dataclass(frozen=True, slots=True)
class RelabelRelation:
    """Give a relation another relation type."""

    document_id: int
    relation_id: int
    label: str

    def describe(self) -> str:
        """Text for the Undo menu."""
        return f"Relabel relation as {self.label}"


@dataclass(frozen=True, slots=True)
class SetNote:
    """Write, rewrite or (with empty ``text``) delete the note on a target.

    The target is the document itself, or one span (``span_id``) or one event
    (``event_id``) of it; a target holds at most one note. ``note_id`` names
    the note exactly; undo uses it to bring a deleted note back under its id.
    """

    document_id: int
    text: str
    span_id: int | None = None
    event_id: int | None = None
    note_id: int | None = None

    def describe(self) -> str:
        """Text for the Undo menu."""
        if not self.text:
            return "Delete note"
        return "Edit note"


EventEdit: TypeAlias = (
    AddEvent
    | RemoveEvent
    | RestoreEvent
    | AddArgument
    | Rerole
    | RemoveArgument
    | AddRelation
    | RemoveRelation
    | RestoreRelation
    | RelabelRelation
    | SetNote
)

EVENT_EDITS = (
    AddEvent,
    RemoveEvent,
    RestoreEvent,
    AddArgument,
    Rerole,
    RemoveArgument,
    AddRelation,
    RemoveRelation,
    RestoreRelation,
    RelabelRelation,
    SetNote,
)

# Edits that are annotation work (a new document moves to in progress); notes are not.
STRUCTURE_EDITS = EVENT_EDITS[:-1]
