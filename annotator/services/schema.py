"""The label schema editor's service: undoable schema edits, usage counts, JSON files.

Every change is a :mod:`annotator.core.schema_edits` edit saved in one
transaction; :meth:`SchemaEditor.apply` returns the edit that undoes it.
Delete asks first: call :meth:`SchemaEditor.usage` and show the count.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from annotator.core import model
from annotator.core import schema_edits as se
from annotator.core.edits import EditError
from annotator.core.schema_json import schema_from_json, schema_to_json
from annotator.services.workspace import Workspace
from annotator.store.schema_edits import apply_schema_edit, usage

__all__ = ["EditError", "SchemaEditor", "SchemaFileError", "SchemaImport"]


class SchemaFileError(ValueError):
    """A schema file that cannot be read or merged; the message names the file."""


@dataclass(frozen=True, slots=True)
class SchemaImport:
    """What importing a schema file did, and the edit that undoes it."""

    added: list[str]
    updated: list[str]
    undo: se.SchemaEdit | None


class SchemaEditor:
    """Edits of the workspace's project schema, each saved in one transaction."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def schema(self) -> model.Schema:
        """The schema as now saved (labels carry their ids)."""
        return self._workspace.schema()

    def usage(self, label: model.Label | int) -> int:
        """Spans (entity label), events (event type) or relations (relation type) using it."""
        label_id = label if isinstance(label, int) else label.id
        if label_id is None:
            return 0
        with self._workspace.store.engine.connect() as conn:
            return usage(conn, label_id)

    def apply(self, edit: se.SchemaEdit) -> se.SchemaEdit:
        """Validate and save ``edit``; return the edit that undoes it.

        Raises:
            EditError: the edit is invalid (a taken name or key, say); nothing changed.
        """
        ws = self._workspace
        try:
            with ws.store.engine.begin() as conn:
                return apply_schema_edit(conn, ws.project.id, edit)
        except IntegrityError as exc:
            raise EditError(f"the database refused the schema edit: {exc.orig}") from exc

    def add(self, label: model.Label) -> se.SchemaEdit:
        """Add a label (entity, event type with roles, or relation type); return the undo."""
        return self.apply(se.AddLabel(label))

    def update(self, label: model.Label) -> se.SchemaEdit:
        """Rename, recolour, re-key or re-role ``label`` (by its id); return the undo."""
        return self.apply(se.UpdateLabel(label))

    def delete(self, label: model.Label | int) -> se.SchemaEdit:
        """Delete a label and what uses it; return the undo that restores both."""
        label_id = label if isinstance(label, int) else label.id
        if label_id is None:
            raise EditError("the label to delete has no id")
        return self.apply(se.DeleteLabel(label_id))

    def export_json(self, path: Path) -> None:
        """Write the schema to ``path`` in the shape of :mod:`annotator.core.schema_json`."""
        text = json.dumps(schema_to_json(self.schema()), ensure_ascii=False, indent=2)
        path.write_text(text + "\n", encoding="utf-8")

    def import_json(self, path: Path) -> SchemaImport:
        """Merge the schema in ``path``: add new labels, update colours, keys and roles.

        Raises:
            SchemaFileError: unreadable, not JSON, not a schema, or clashing keys.
        """
        try:
            incoming = schema_from_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            raise SchemaFileError(f"{path}: cannot read it ({exc})") from exc
        except json.JSONDecodeError as exc:
            raise SchemaFileError(f"{path}: not JSON ({exc})") from exc
        except ValueError as exc:
            raise SchemaFileError(f"{path}: {exc}") from exc
        batch, added, updated = merge_edits(self.schema(), incoming)
        if not batch:
            return SchemaImport([], [], None)
        try:
            undo = self.apply(se.SchemaBatch(tuple(batch), f"Import schema {path.name}"))
        except EditError as exc:
            raise SchemaFileError(f"{path}: {exc}") from exc
        return SchemaImport(added, updated, undo)


def _merged(old: model.Label, new: model.Label) -> model.Label:
    """``old`` with the colour, key, description and roles of ``new`` (roles merged by name)."""
    theirs = {r.name: r for r in new.roles}
    roles = tuple(theirs.get(r.name, r) for r in old.roles)
    roles += tuple(r for r in new.roles if r.name not in {o.name for o in old.roles})
    return replace(
        old,
        color=new.color,
        shortcut=new.shortcut,
        description=new.description or old.description,
        roles=roles,
    )


def merge_edits(
    current: model.Schema, incoming: model.Schema
) -> tuple[list[se.SchemaEdit], list[str], list[str]]:
    """The edits that merge ``incoming`` into ``current``; names added and updated."""
    edits: list[se.SchemaEdit] = []
    added: list[str] = []
    updated: list[str] = []
    for label in incoming.labels:
        old = current.get(label.name, label.kind)
        if old is None:
            edits.append(se.AddLabel(label))
            added.append(label.name)
            continue
        merged = _merged(old, label)
        if merged != old:
            edits.append(se.UpdateLabel(merged))
            updated.append(label.name)
    return edits, added, updated
