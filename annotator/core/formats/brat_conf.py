"""brat's annotation.conf: the labels met while writing, merged, and the file itself.

The labels met (:class:`Seen`) are collected per run of documents, so runs
written by different processes merge into the conf one process would write.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.model import LabelKind, Role, Schema

CONF = "annotation.conf"


@dataclass
class Seen:
    """Labels met while writing, for annotation.conf."""

    spans: set[str] = field(default_factory=set)
    events: dict[str, set[str]] = field(default_factory=dict)
    relations: set[str] = field(default_factory=set)
    attributes: dict[str, set[str]] = field(default_factory=dict)


def merge_seen(parts: Iterable[Seen]) -> Seen:
    """Every label and role met in any of ``parts``."""
    out = Seen()
    for part in parts:
        out.spans |= part.spans
        out.relations |= part.relations
        for name, roles in part.events.items():
            out.events.setdefault(name, set()).update(roles)
        for name, values in part.attributes.items():
            out.attributes.setdefault(name, set()).update(values)
    return out


def _role_text(role: Role) -> str:
    many = role.max_count is None or role.max_count > 1
    mark = ("+" if many else "") if role.required else ("*" if many else "?")
    return f"{role.name}{mark}:<ENTITY>"


def annotation_conf(schema: Schema, seen: Seen) -> str:
    """An annotation.conf declaring the schema's labels and every label written."""
    events = {label.name: label for label in schema.of_kind(LabelKind.EVENT)}
    event_names = list(events) + sorted(set(seen.events) - set(events))
    entities = [label.name for label in schema.of_kind(LabelKind.ENTITY)]
    entities += sorted(seen.spans - set(entities) - set(event_names))
    relations = [label.name for label in schema.of_kind(LabelKind.RELATION)]
    relations += sorted(seen.relations - set(relations))
    out = ["[entities]", *entities, "", "[relations]"]
    out += [f"{name}\tArg1:<ANY>, Arg2:<ANY>" for name in relations]
    out += ["", "[events]"]
    for name in event_names:
        label = events.get(name)
        roles = [_role_text(r) for r in label.roles] if label else []
        roles += [f"{r}*:<ENTITY>" for r in sorted(seen.events.get(name, set())) if not label]
        out.append("\t".join([name, ", ".join(roles)]) if roles else name)
    out += ["", "[attributes]"]
    for name, values in sorted(seen.attributes.items()):
        value = f", Value:{'|'.join(sorted(values))}" if values else ""
        out.append(f"{name}\tArg:<ANY>{value}")
    return "\n".join(out) + "\n"


def write_conf(folder: Path, schema: Schema, seen: Seen) -> None:
    """Write ``folder``/annotation.conf for ``schema`` and the labels ``seen``."""
    (folder / CONF).write_text(annotation_conf(schema, seen), encoding="utf-8")
