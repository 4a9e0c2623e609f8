"""Undo and redo: one QUndoStack per document over core edits (DESIGN §4).

A single generic command adapts every core edit. The edit is applied (and
saved) before the command is pushed, so a failing edit never reaches the
stack; later redos apply the inverse of the inverse, which keeps ids stable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack

from annotator.core.edits import Edit


class Describable(Protocol):
    """Any undoable edit: document edits and schema edits alike."""

    def describe(self) -> str:
        """Text for the Undo menu."""
        ...


E = TypeVar("E", bound=Describable)
Apply = Callable[[Edit], Edit]


class EditCommand(QUndoCommand, Generic[E]):
    """A core edit already applied; undo and redo apply inverses.

    Generic over the edit type, so schema edits use the same adapter.
    """

    def __init__(self, apply: Callable[[E], E], done: E, inverse: E) -> None:
        super().__init__(done.describe())
        self._apply = apply
        self._redo_edit = done
        self._undo_edit = inverse
        self._first = True

    def redo(self) -> None:
        """Apply the edit again (not the first time: it was applied before the push)."""
        if self._first:
            self._first = False
            return
        self._undo_edit = self._apply(self._redo_edit)

    def undo(self) -> None:
        """Apply the inverse; remember its inverse for the next redo."""
        self._redo_edit = self._apply(self._undo_edit)


class UndoStacks(QObject):
    """A QUndoGroup with a stack per document, the open document's active."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.group = QUndoGroup(self)
        self._stacks: dict[int, QUndoStack] = {}

    def activate(self, doc_id: int | None) -> None:
        """Make ``doc_id``'s stack the active one (created on first use)."""
        if doc_id is None:
            self.group.setActiveStack(None)  # type: ignore[arg-type]
            return
        stack = self._stacks.get(doc_id)
        if stack is None:
            stack = QUndoStack(self.group)
            self._stacks[doc_id] = stack
        self.group.setActiveStack(stack)

    def push(self, doc_id: int, command: EditCommand[Any]) -> None:
        """Put an applied edit on its document's stack."""
        self.activate(doc_id)
        self._stacks[doc_id].push(command)

    def stack(self, doc_id: int) -> QUndoStack | None:
        """The stack of ``doc_id``, if it has one."""
        return self._stacks.get(doc_id)
