"""Undoable edits of a project's label schema.

Like document edits (:mod:`annotator.core.edits`), each is a frozen value whose
application (the schema service does it, in one transaction) returns its
inverse. Labels are named by id, so a rename keeps every span, event and
relation that uses the label; deleting a label takes its annotations with it
and :class:`RestoreLabel` brings label and annotations back under their ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from annotator.core.edits import Restore
from annotator.core.model import Label


@dataclass(frozen=True, slots=True)
class AddLabel:
    """Add ``label`` (with its roles) at the end of the schema."""

    label: Label

    def describe(self) -> str:
        """Text for the Undo menu."""
        return f"Add {self.label.kind.value} label {self.label.name}"


@dataclass(frozen=True, slots=True)
class UpdateLabel:
    """Give the label ``label.id`` every other value of ``label``: name, colour, key, roles.

    Its kind cannot change. Build it with ``dataclasses.replace(old, name=...)``.
    """

    label: Label

    def describe(self) -> str:
        """Text for the Undo menu."""
        return f"Edit label {self.label.name}"


@dataclass(frozen=True, slots=True)
class DeleteLabel:
    """Delete a label with every span, event or relation that uses it."""

    label_id: int

    def describe(self) -> str:
        """Text for the Undo menu."""
        return "Delete label"


@dataclass(frozen=True, slots=True)
class RestoreLabel:
    """Put a deleted label back (same id, colour, key, roles) with its annotations."""

    label: Label
    position: int
    documents: tuple[Restore, ...] = ()

    def describe(self) -> str:
        """Text for the Undo menu."""
        return f"Restore label {self.label.name}"


@dataclass(frozen=True, slots=True)
class SchemaBatch:
    """Several schema edits in one transaction; undone in reverse order."""

    edits: tuple[SchemaEdit, ...]
    text: str = ""

    def describe(self) -> str:
        """Text for the Undo menu."""
        return self.text or f"{len(self.edits)} schema edits"


SchemaEdit: TypeAlias = AddLabel | UpdateLabel | DeleteLabel | RestoreLabel | SchemaBatch
