"""Every table of the store, as SQLModel classes (DESIGN §3).

These rows never leave the store: :mod:`annotator.store.repository` maps them
to the frozen dataclasses of :mod:`annotator.core.model`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, Table, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

# Ids of rows that undo restores are never handed out again (SQLite would reuse
# the highest id after a delete; PostgreSQL sequences never do).
NO_REUSE: dict[str, Any] = {"sqlite_autoincrement": True}


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


class Project(SQLModel, table=True):
    """A corpus with its own label schema and knowledge base."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True)
    language: str = "id"
    created_at: datetime = Field(default_factory=utcnow)


class Annotator(SQLModel, table=True):
    """A person who annotates; every annotation names one."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True)


class Label(SQLModel, table=True):
    """An entity label, event type or relation type of a project's schema."""

    __table_args__ = (UniqueConstraint("project_id", "kind", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    name: str
    kind: str = "entity"
    color: str = "#999999"
    shortcut: str | None = None
    description: str = ""
    position: int = 0


class Role(SQLModel, table=True):
    """An argument role of an event type."""

    __table_args__ = (UniqueConstraint("label_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    label_id: int = Field(foreign_key="label.id", index=True, ondelete="CASCADE")
    name: str
    required: bool = False
    max_count: int | None = None
    shortcut: str | None = None
    position: int = 0


class Document(SQLModel, table=True):
    """An article: the text people annotate, its metadata and its status."""

    __table_args__ = (
        Index("ix_document_project_hash", "project_id", "content_hash"),
        Index("ix_document_project_status", "project_id", "status"),
        Index("ix_document_project_title", "project_id", "title", "id"),
        Index("ix_document_project_published", "project_id", "published_at", "id"),
        Index("ix_document_project_source", "project_id", "source", "id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    external_id: str | None = None
    title: str = ""
    text: str = Field(sa_column=Column(Text, nullable=False))
    original_text: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    source: str | None = None
    agency: str | None = None
    place: str | None = None
    published_at: str | None = None
    url: str | None = None
    meta: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    content_hash: str = Field(max_length=64)
    status: str = "new"
    annotator_id: int | None = Field(default=None, foreign_key="annotator.id")
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Entity(SQLModel, table=True):
    """A knowledge-base entity of a project."""

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    name: str
    type: str = ""
    description: str = ""
    external_id: str | None = None
    created_at: datetime = Field(default_factory=utcnow)


class Alias(SQLModel, table=True):
    """A surface form of an entity; ``norm`` is its matching key."""

    __table_args__ = (UniqueConstraint("entity_id", "norm"),)
    id: int | None = Field(default=None, primary_key=True)
    entity_id: int = Field(foreign_key="entity.id", index=True, ondelete="CASCADE")
    text: str
    norm: str = Field(index=True)
    count: int = 1


class Span(SQLModel, table=True):
    """A labelled ``[start, end)`` range in code points of a document's text."""

    __table_args__ = (Index("ix_span_document_start", "document_id", "start"), NO_REUSE)
    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", ondelete="CASCADE")
    start: int
    end: int
    label_id: int = Field(foreign_key="label.id", index=True)
    origin: str = "manual"
    annotator_id: int | None = Field(default=None, foreign_key="annotator.id")
    entity_id: int | None = Field(
        default=None, foreign_key="entity.id", index=True, ondelete="SET NULL"
    )
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Event(SQLModel, table=True):
    """An event: a trigger span with an event type."""

    __table_args__ = (NO_REUSE,)

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    trigger_span_id: int = Field(foreign_key="span.id", index=True, ondelete="CASCADE")
    label_id: int = Field(foreign_key="label.id", index=True)
    annotator_id: int | None = Field(default=None, foreign_key="annotator.id")
    created_at: datetime = Field(default_factory=utcnow)


class Argument(SQLModel, table=True):
    """An event argument: a span in a role."""

    __table_args__ = (NO_REUSE,)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True, ondelete="CASCADE")
    span_id: int = Field(foreign_key="span.id", index=True, ondelete="CASCADE")
    role: str
    position: int = 0


class Relation(SQLModel, table=True):
    """A typed, directed link between two spans."""

    __table_args__ = (NO_REUSE,)

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    head_span_id: int = Field(foreign_key="span.id", index=True, ondelete="CASCADE")
    tail_span_id: int = Field(foreign_key="span.id", index=True, ondelete="CASCADE")
    label_id: int = Field(foreign_key="label.id", index=True)
    annotator_id: int | None = Field(default=None, foreign_key="annotator.id")
    created_at: datetime = Field(default_factory=utcnow)


class Note(SQLModel, table=True):
    """Free text on a document, or on one of its spans or events."""

    __table_args__ = (NO_REUSE,)

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    span_id: int | None = Field(default=None, foreign_key="span.id", index=True, ondelete="CASCADE")
    event_id: int | None = Field(
        default=None, foreign_key="event.id", index=True, ondelete="CASCADE"
    )
    text: str = Field(sa_column=Column(Text, nullable=False))
    annotator_id: int | None = Field(default=None, foreign_key="annotator.id")
    created_at: datetime = Field(default_factory=utcnow)


class Suggestion(SQLModel, table=True):
    """A pre-annotation proposed by the knowledge base, pending or decided."""

    __table_args__ = (Index("ix_suggestion_document_state", "document_id", "state"),)
    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", ondelete="CASCADE")
    start: int
    end: int
    label: str
    entity_id: int | None = Field(
        default=None, foreign_key="entity.id", index=True, ondelete="CASCADE"
    )
    score: float = 100.0
    state: str = "pending"
    created_at: datetime = Field(default_factory=utcnow)


class DocumentSignature(SQLModel, table=True):
    """A document's MinHash signature, for finding near-duplicates."""

    __tablename__ = "document_signature"
    document_id: int = Field(foreign_key="document.id", primary_key=True, ondelete="CASCADE")
    minhash: list[int] = Field(sa_column=Column(JSON, nullable=False))


def table_of(model: type[SQLModel]) -> Table:
    """The Core table behind a SQLModel class (for bulk statements)."""
    found: Table = model.__table__  # type: ignore[attr-defined]
    return found


DOCUMENTS = table_of(Document)
SPANS = table_of(Span)
LABELS = table_of(Label)
ANNOTATORS = table_of(Annotator)
ENTITIES = table_of(Entity)
EVENTS = table_of(Event)
ARGUMENTS = table_of(Argument)
RELATIONS = table_of(Relation)
NOTES = table_of(Note)
SUGGESTIONS = table_of(Suggestion)
SIGNATURES = table_of(DocumentSignature)
