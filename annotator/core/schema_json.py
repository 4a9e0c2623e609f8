"""The label schema as JSON, and back.

The shape (``version`` is 1)::

    {"version": 1,
     "labels": [{"name": "PER", "kind": "entity", "color": "#56B4E9", "shortcut": "1",
                 "description": "Person", "roles": []},
                {"name": "ARREST", "kind": "event", "color": "#D55E00", "shortcut": "w",
                 "description": "", "roles": [{"name": "agent", "required": false,
                                               "max_count": null, "shortcut": "a"}]}]}

``kind`` is ``entity``, ``event`` or ``relation``; only events have roles.
Every key but ``name`` may be left out (defaults: entity, grey, no key).
"""

from __future__ import annotations

import re
from typing import Any

from annotator.core.model import JsonDict, Label, LabelKind, Role, Schema

VERSION = 1
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def schema_to_json(schema: Schema) -> JsonDict:
    """``schema`` in the documented JSON shape."""
    return {
        "version": VERSION,
        "labels": [
            {
                "name": lb.name,
                "kind": lb.kind.value,
                "color": lb.color,
                "shortcut": lb.shortcut,
                "description": lb.description,
                "roles": [
                    {
                        "name": r.name,
                        "required": r.required,
                        "max_count": r.max_count,
                        "shortcut": r.shortcut,
                    }
                    for r in lb.roles
                ],
            }
            for lb in schema.labels
        ],
    }


def _text(obj: JsonDict, key: str, where: str, default: str | None = None) -> str | None:
    value = obj.get(key, default)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{where}: {key!r} must be a string")
    return value


def _role(obj: Any, where: str) -> Role:
    if not isinstance(obj, dict) or not isinstance(obj.get("name"), str) or not obj["name"]:
        raise ValueError(f"{where}: a role must be an object with a name")
    max_count = obj.get("max_count")
    if max_count is not None and (not isinstance(max_count, int) or max_count < 1):
        raise ValueError(f"{where}: max_count of {obj['name']!r} must be a positive number")
    required = obj.get("required", False)
    if not isinstance(required, bool):
        raise ValueError(f"{where}: required of {obj['name']!r} must be true or false")
    return Role(obj["name"], required, max_count, _text(obj, "shortcut", where))


def _label(obj: Any, n: int) -> Label:
    where = f"label {n}"
    if not isinstance(obj, dict) or not isinstance(obj.get("name"), str) or not obj["name"]:
        raise ValueError(f"{where}: a label must be an object with a name")
    where = f"label {obj['name']!r}"
    try:
        kind = LabelKind(obj.get("kind", "entity"))
    except ValueError:
        raise ValueError(f"{where}: kind must be entity, event or relation") from None
    color = _text(obj, "color", where, "#999999") or "#999999"
    if not _COLOUR.match(color):
        raise ValueError(f"{where}: color must look like #1A2B3C, not {color!r}")
    roles = obj.get("roles") or []
    if not isinstance(roles, list) or (roles and kind != LabelKind.EVENT):
        raise ValueError(f"{where}: only event types have a list of roles")
    return Label(
        obj["name"],
        kind,
        color,
        _text(obj, "shortcut", where),
        _text(obj, "description", where, "") or "",
        tuple(_role(r, where) for r in roles),
    )


def schema_from_json(data: Any) -> Schema:
    """The schema in ``data`` (parsed JSON).

    Raises:
        ValueError: the data is not in the documented shape (the message says where).
    """
    if not isinstance(data, dict) or not isinstance(data.get("labels"), list):
        raise ValueError('expected an object with a "labels" list')
    if data.get("version", VERSION) != VERSION:
        raise ValueError(f"schema version {data['version']!r} is not {VERSION}")
    labels = tuple(_label(obj, n) for n, obj in enumerate(data["labels"], start=1))
    seen: set[tuple[str, LabelKind]] = set()
    for lb in labels:
        if (lb.name, lb.kind) in seen:
            raise ValueError(f"label {lb.name!r}: listed twice as {lb.kind.value}")
        seen.add((lb.name, lb.kind))
    return Schema(labels)
