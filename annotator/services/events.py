"""What the event panel needs: missing roles, flagged events, role keys, note search.

The edits themselves (:class:`~annotator.core.edits.AddEvent`,
:class:`~annotator.core.edits.AddArgument` ...) go through
:meth:`annotator.services.annotate.Annotations.apply` like span edits.
"""

from __future__ import annotations

from collections import Counter

from annotator.core import model
from annotator.services.workspace import Workspace
from annotator.store import notes


def event_type(schema: model.Schema, name: str) -> model.Label | None:
    """The event type called ``name`` in ``schema``, if any."""
    return schema.get(name, model.LabelKind.EVENT)


def missing_roles(schema: model.Schema, event: model.Event) -> list[str]:
    """Required roles of the event's type that no argument fills, in schema order."""
    label = event_type(schema, event.type)
    if label is None:
        return []
    filled = {a.role for a in event.arguments}
    return [r.name for r in label.roles if r.required and r.name not in filled]


def flagged_events(
    schema: model.Schema, document: model.Document
) -> list[tuple[model.Event, list[str]]]:
    """The document's events that lack a required role, each with what it lacks."""
    out = []
    for event in document.events:
        missing = missing_roles(schema, event)
        if missing:
            out.append((event, missing))
    return out


def role_for_key(schema: model.Schema, event_type_name: str, key: str) -> model.Role | None:
    """The role of an event type whose shortcut is ``key`` (any case), if any."""
    label = event_type(schema, event_type_name)
    if label is None:
        return None
    for role in label.roles:
        if role.shortcut and role.shortcut.lower() == key.lower():
            return role
    return None


def role_keys(schema: model.Schema, event_type_name: str) -> dict[str, str]:
    """``shortcut -> role name`` for an event type's roles that have a key."""
    label = event_type(schema, event_type_name)
    if label is None:
        return {}
    return {r.shortcut: r.name for r in label.roles if r.shortcut}


def roles_left(schema: model.Schema, event: model.Event) -> list[str]:
    """Roles that can still take an argument (under their max count), in schema order."""
    label = event_type(schema, event.type)
    if label is None:
        return []
    used = Counter(a.role for a in event.arguments)
    return [r.name for r in label.roles if r.max_count is None or used[r.name] < r.max_count]


def search_notes(ws: Workspace, text: str, limit: int = 500) -> list[tuple[int, model.Note]]:
    """``(document id, note)`` for the project's notes that contain ``text``, any case."""
    with ws.store.engine.connect() as conn:
        return notes.search_notes(conn, ws.project.id, text, limit)
