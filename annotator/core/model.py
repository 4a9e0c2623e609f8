"""Plain, frozen domain objects shared by every layer.

Offsets follow one rule (DESIGN §2): a span is ``[start, end)`` in Python code
points over the document's stored ``text``; ``text[start:end]`` is its text.
Objects that came from the store carry their database ``id``; objects built
by an importer carry a local ``key`` ("T1") that events and relations use to
point at spans before anything has an id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

JsonDict = dict[str, Any]


class LabelKind(StrEnum):
    """What a label names: a span, an event type, or a relation type."""

    ENTITY = "entity"
    EVENT = "event"
    RELATION = "relation"


class Status(StrEnum):
    """Where a document is in the annotation workflow."""

    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SKIPPED = "skipped"


class Origin(StrEnum):
    """How a span came to be."""

    MANUAL = "manual"
    SUGGESTION = "suggestion"
    IMPORTED = "imported"


class SuggestionState(StrEnum):
    """The fate of a pre-annotation suggestion."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Role:
    """An argument role of an event type."""

    name: str
    required: bool = False
    max_count: int | None = None
    shortcut: str | None = None


@dataclass(frozen=True, slots=True)
class Label:
    """An entity label, event type or relation type of a project's schema."""

    name: str
    kind: LabelKind = LabelKind.ENTITY
    color: str = "#999999"
    shortcut: str | None = None
    description: str = ""
    roles: tuple[Role, ...] = ()
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Schema:
    """The labels a project annotates with."""

    labels: tuple[Label, ...] = ()

    def of_kind(self, kind: LabelKind) -> tuple[Label, ...]:
        """Labels of one kind, in schema order."""
        return tuple(label for label in self.labels if label.kind == kind)

    def get(self, name: str, kind: LabelKind = LabelKind.ENTITY) -> Label | None:
        """The label called ``name`` of ``kind``, if any."""
        for label in self.labels:
            if label.name == name and label.kind == kind:
                return label
        return None


@dataclass(frozen=True, slots=True)
class EntityRef:
    """A span's link to a knowledge-base entity."""

    id: int | None
    name: str
    type: str = ""


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled ``[start, end)`` range of a document's text, in code points."""

    start: int
    end: int
    label: str
    key: str = ""
    origin: Origin = Origin.MANUAL
    annotator: str | None = None
    entity: EntityRef | None = None
    id: int | None = None

    def text_in(self, text: str) -> str:
        """The covered text."""
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Argument:
    """An event argument: a span (by key, or by id once stored) in a role."""

    role: str
    span: str = ""
    span_id: int | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """An event: a trigger span with an event type and role-labelled arguments."""

    type: str
    trigger: str = ""
    trigger_id: int | None = None
    arguments: tuple[Argument, ...] = ()
    key: str = ""
    annotator: str | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed, directed link between two spans."""

    label: str
    head: str = ""
    tail: str = ""
    head_id: int | None = None
    tail_id: int | None = None
    key: str = ""
    annotator: str | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Note:
    """Free text on a document, or on one of its spans or events."""

    text: str
    span_id: int | None = None
    event_id: int | None = None
    annotator: str | None = None
    id: int | None = None
    span: str = ""  # the span's key, before it has an id (importers)
    event: str = ""  # the event's key, likewise


@dataclass(frozen=True, slots=True)
class Document:
    """An article with its metadata and annotations.

    ``text`` is what people annotate and never changes once stored;
    ``original_text`` keeps the file as it was when import cleaned it
    (boilerplate removed, CRLF normalised), and is ``None`` otherwise.
    """

    text: str
    title: str = ""
    external_id: str | None = None
    source: str | None = None
    agency: str | None = None
    place: str | None = None
    published_at: str | None = None
    url: str | None = None
    meta: JsonDict = field(default_factory=dict)
    status: Status = Status.NEW
    spans: tuple[Span, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()
    notes: tuple[Note, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    original_text: str | None = None
    content_hash: str = ""
    annotator: str | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Alias:
    """A surface form of a knowledge-base entity, with how often it was seen."""

    text: str
    count: int = 1
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A knowledge-base entity: a canonical name, a type and its aliases."""

    name: str
    type: str
    description: str = ""
    external_id: str | None = None
    aliases: tuple[Alias, ...] = ()
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A pending pre-annotation: a span the knowledge base proposes."""

    start: int
    end: int
    label: str
    score: float
    entity: EntityRef | None = None
    state: SuggestionState = SuggestionState.PENDING
    id: int | None = None
