"""The open document: loading it, applying edits to it, undo, saving state."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from annotator.core.edits import Edit, EditError, sets_status
from annotator.core.model import Document
from annotator.gui.i18n import translate
from annotator.gui.undo import EditCommand, UndoStacks
from annotator.services.annotate import Annotations
from annotator.services.preannotate import Review, SuggestionStep

log = logging.getLogger(__name__)
Step = Edit | SuggestionStep
"""What an undo command holds: a core edit, or a review step (its inverse is a step too)."""


class DocumentController(QObject):
    """Holds the open document; every change to it goes through :meth:`apply`."""

    document_changed = Signal(object)
    """The open document (a new one, or the same one after an edit), or None."""
    document_opened = Signal(object)
    """Another document was opened (or None)."""
    edited = Signal(int)
    """A document's annotations or status changed (its id)."""
    message = Signal(str)
    statuses_changed = Signal()
    """A document's status was set (done/total may have changed)."""
    """A line for the status bar (saved, or why an edit was refused)."""

    applied = Signal(object)
    """An edit was applied on the open document (the edit, not undo or redo)."""

    def __init__(
        self, annotations: Annotations, parent: QObject | None = None, review: Review | None = None
    ) -> None:
        super().__init__(parent)
        self.annotations = annotations
        self.review = review
        self.undo = UndoStacks(self)
        self.current: Document | None = None

    @property
    def doc_id(self) -> int | None:
        """The open document's id."""
        return self.current.id if self.current else None

    def open(self, doc_id: int | None) -> None:
        """Open a document by id (None closes it)."""
        if doc_id is not None and doc_id == self.doc_id:
            return
        self.current = self.annotations.document(doc_id) if doc_id is not None else None
        self.undo.activate(self.doc_id)
        self.document_opened.emit(self.current)
        self.document_changed.emit(self.current)

    def apply(self, edit: Edit) -> Edit | None:
        """Apply and save ``edit`` on the open document, push it for undo.

        Returns the inverse edit, or None when the edit was refused.
        """
        if self.current is None or self.current.id is None:
            return None
        try:
            inverse = self.annotations.apply(edit)
        except EditError as exc:
            self.message.emit(
                translate("DocumentController", "Not changed: {reason}").format(reason=exc)
            )
            return None
        except Exception as exc:  # a store failure must not take the window down
            log.exception("edit failed: %s", edit)
            text = translate("DocumentController", "Not saved, nothing changed: {error}")
            self.message.emit(text.format(error=repr(exc)))
            return None
        self.undo.push(self.current.id, EditCommand(self._reapply, edit, inverse))
        self._reload(edit.document_id)
        self._status_set(edit)
        self.applied.emit(edit)
        return inverse

    def run_step(self, act: Callable[[], SuggestionStep]) -> SuggestionStep | None:
        """Run a review action (it returns its undo step) and push it for undo."""
        if self.current is None or self.current.id is None:
            return None
        try:
            inverse = act()
        except Exception as exc:  # a store failure must not take the window down
            log.exception("review step failed")
            text = translate("DocumentController", "Not saved, nothing changed: {error}")
            self.message.emit(text.format(error=repr(exc)))
            return None
        self.undo.push(self.current.id, EditCommand[Step](self._reapply, inverse, inverse))
        self._reload(self.current.id)
        self._touched(inverse)
        return inverse

    def _touched(self, step: Step) -> None:
        if isinstance(step, SuggestionStep):
            for edit in step.edits:
                if edit.document_id != self.doc_id:
                    self.edited.emit(edit.document_id)

    def _status_set(self, step: Step) -> None:
        if not isinstance(step, SuggestionStep) and sets_status(step):
            self.statuses_changed.emit()

    def _apply_any(self, step: Step) -> Step:
        if isinstance(step, SuggestionStep):
            assert self.review is not None, "review steps need the review service"
            return self.review.apply(step)
        return self.annotations.apply(step)

    def _reapply(self, edit: Step) -> Step:
        """Undo or redo: apply, reload, and keep the document in view."""
        try:
            inverse = self._apply_any(edit)
        except Exception as exc:  # raised inside a Qt virtual: report, never propagate
            log.exception("undo/redo failed: %s", edit)
            text = translate("DocumentController", "Could not undo or redo: {error}")
            self.message.emit(text.format(error=repr(exc)))
            return edit
        if edit.document_id != self.doc_id:
            self.open(edit.document_id)
        self._reload(edit.document_id)
        self._touched(inverse)
        self._status_set(edit)
        return inverse

    def reload(self) -> None:
        """Read the open document again from the store."""
        if self.doc_id is not None:
            self._reload(self.doc_id)

    def _reload(self, doc_id: int) -> None:
        if doc_id == self.doc_id:
            self.current = self.annotations.document(doc_id)
            self.document_changed.emit(self.current)
        self.edited.emit(doc_id)
        self.message.emit(translate("MainWindow", "All changes saved"))
