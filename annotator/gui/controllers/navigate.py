"""Moving between documents: the list, next/previous unfinished, progress counts."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.core.model import Status
from annotator.gui.controllers.document import DocumentController
from annotator.gui.i18n import translate
from annotator.gui.widgets.document_list_panel import DocumentListPanel
from annotator.services.browse import Browser


class NavigationController(QObject):
    """Keeps the list and the open document in step; counts what is done."""

    progress = Signal(int, int)
    """Documents done (or skipped) and in the project."""

    def __init__(
        self, browser: Browser, docs: DocumentController, panel: DocumentListPanel
    ) -> None:
        super().__init__(docs)
        self.browser = browser
        self.docs = docs
        self.panel = panel
        panel.document_chosen.connect(docs.open)
        self._stale: set[int] = set()
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self._refresh_stale)
        docs.edited.connect(self._edited)
        docs.statuses_changed.connect(self.update_progress)

    def open(self, doc_id: int) -> None:
        """Open a document and show it in the list."""
        self.docs.open(doc_id)
        self.panel.select_document(doc_id)

    def open_first(self, doc_id: int | None = None) -> None:
        """Open ``doc_id``, else the first unfinished document, else the first one."""
        target = doc_id or self.browser.next_unfinished(None)
        if target is None:
            first = self.panel.model.document_id(0)
            target = first
        if target is not None:
            self.open(target)
        self.update_progress()

    def step_unfinished(self, backwards: bool = False) -> None:
        """Jump to the next (or previous) document that is neither done nor skipped."""
        after = self.docs.doc_id or 0
        target = self.browser.next_unfinished(after, backwards=backwards)
        if target is None:
            text = (
                translate("NavigationController", "No unfinished document before this one")
                if backwards
                else translate("NavigationController", "No unfinished document after this one")
            )
            self.docs.message.emit(text)
            return
        self.open(target)

    def finish(self, status: Status) -> None:
        """After marking the open document done or skipped, go to the next unfinished one."""
        doc = self.docs.current
        if doc is not None and doc.status == status:
            self.step_unfinished()

    def refresh(self) -> None:
        """Re-read the list (after an import) and the counts."""
        self.panel.model.refresh()
        if self.docs.doc_id is not None:
            self.panel.select_document(self.docs.doc_id)
        self.update_progress()

    def update_progress(self) -> None:
        """Emit done/total."""
        done, total = self.browser.progress()
        self.progress.emit(done, total)

    def _edited(self, doc_id: int) -> None:
        """Re-read the document's list row once the edit is painted (rows are secondary)."""
        self._stale.add(doc_id)
        self._later.start()

    def _refresh_stale(self) -> None:
        stale, self._stale = self._stale, set()
        for doc_id in sorted(stale):
            self.panel.model.refresh_document(doc_id)
