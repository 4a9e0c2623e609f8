"""Which keys a label may take in the window: entity, event and role keys share the keyboard.

The store refuses a key taken by a label of the same kind; in the window an
entity key, an event key and a role key are all plain key presses, so they
must differ across kinds too (role keys may repeat between event types: the
current event's type decides).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core.model import Label, LabelKind, Schema

RESERVED = {" ", "\t"}


def _tr(text: str, *args: str) -> str:
    out = QCoreApplication.translate("SchemaKeys", text)
    for i, arg in enumerate(args, start=1):
        out = out.replace(f"%{i}", arg)
    return out


def _lower(key: str | None) -> str:
    return (key or "").strip().lower()


def key_clash(schema: Schema, label: Label) -> str | None:
    """Why ``label`` (new, or an edit of one by id) cannot have its keys; None if it can."""
    others = [o for o in schema.labels if o.id is None or o.id != label.id]
    taken: dict[str, str] = {}
    for other in others:
        if other.kind in (LabelKind.ENTITY, LabelKind.EVENT) and other.shortcut:
            taken[_lower(other.shortcut)] = other.name
        for role in other.roles:
            if role.shortcut:
                taken.setdefault(_lower(role.shortcut), f"{other.name}.{role.name}")
    own = _lower(label.shortcut)
    if own in RESERVED or (len(own) > 1 and "+" not in own):
        return _tr("key %1 is not a single key", own)
    role_keys = [_lower(r.shortcut) for r in label.roles if r.shortcut]
    if own and own in role_keys:
        return _tr("key %1 is both the event's key and one of its role keys", own)
    if label.kind != LabelKind.RELATION and own and own in taken:
        return _tr("key %1 is already used by %2", own, taken[own])
    if len(set(role_keys)) != len(role_keys):
        return _tr("two roles share a key")
    for key in role_keys:
        owner = next(
            (o for o in others if o.kind != LabelKind.RELATION and _lower(o.shortcut) == key), None
        )
        if owner is not None:
            return _tr("role key %1 is already the key of %2", key, owner.name)
    return None
