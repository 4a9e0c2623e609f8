"""Notes on the open document, on its selected span or on its current event; note search."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from annotator.core.edits import SetNote
from annotator.core.model import Document, Note
from annotator.gui.controllers.document import DocumentController
from annotator.gui.widgets.notes_panel import NotesPanel
from annotator.services.events import search_notes
from annotator.services.workspace import Workspace

Target = tuple[str, int | None]
"""("document", None), ("span", id) or ("event", id)."""


def note_on(doc: Document, target: Target) -> Note | None:
    """The note of ``doc`` on ``target``, if there is one."""
    kind, ident = target
    for note in doc.notes:
        if kind == "span" and note.span_id == ident and ident is not None:
            return note
        if kind == "event" and note.event_id == ident and ident is not None:
            return note
        if kind == "document" and note.span_id is None and note.event_id is None:
            return note
    return None


class NotesController(QObject):
    """Keeps the note editor on the right target and saves what is typed as SetNote edits."""

    def __init__(
        self,
        workspace: Workspace,
        docs: DocumentController,
        panel: NotesPanel,
        open_document: Callable[[int], None],
    ) -> None:
        super().__init__(docs)
        self.workspace = workspace
        self.docs = docs
        self.panel = panel
        self.target: Target = ("document", None)
        self._open = open_document
        panel.note_edited.connect(self.save)
        panel.search_changed.connect(self.search)
        panel.result_chosen.connect(open_document)
        docs.document_changed.connect(lambda _doc: self.refresh())

    def point_at(self, target: Target) -> None:
        """Edit the note on ``target`` from now on."""
        if target != self.target:
            self.panel.save_now()
            self.target = target
            self.refresh(force=True)

    def refresh(self, force: bool = False) -> None:
        """Show the target's saved note (unless it is being typed)."""
        doc = self.docs.current
        if doc is None:
            self.panel.show_note(self.tr("No document open"), "")
            return
        if self.target[0] == "span" and not any(s.id == self.target[1] for s in doc.spans):
            self.target = ("document", None)
        if self.target[0] == "event" and not any(e.id == self.target[1] for e in doc.events):
            self.target = ("document", None)
        if self.panel.editor.hasFocus() and not force:
            return
        note = note_on(doc, self.target)
        self.panel.show_note(self._describe(doc), note.text if note else "")

    def save(self, text: str) -> None:
        """Write (or, when empty, delete) the note on the target as an undoable edit."""
        doc = self.docs.current
        if doc is None or doc.id is None:
            return
        kind, ident = self.target
        existing = note_on(doc, self.target)
        if existing is None and not text:
            return
        self.docs.apply(
            SetNote(
                doc.id,
                text,
                span_id=ident if kind == "span" else None,
                event_id=ident if kind == "event" else None,
            )
        )

    def search(self, text: str) -> None:
        """List the project's notes containing ``text``."""
        if not text.strip():
            self.panel.show_results([])
            return
        hits = search_notes(self.workspace, text.strip(), limit=50)
        titles: dict[int, str] = {}
        for doc_id, _note in hits:
            if doc_id not in titles:
                found = self.workspace.document(doc_id)
                titles[doc_id] = found.title if found else ""
        self.panel.show_results([(d, titles[d], n.text) for d, n in hits])

    def _describe(self, doc: Document) -> str:
        kind, ident = self.target
        if kind == "span":
            span = next(s for s in doc.spans if s.id == ident)
            return (
                self.tr("Note on span %1 «%2»")
                .replace("%1", span.label)
                .replace("%2", span.text_in(doc.text)[:40])
            )
        if kind == "event":
            event = next(e for e in doc.events if e.id == ident)
            return self.tr("Note on event %1").replace("%1", event.type)
        return self.tr("Note on the document")
