"""Known names at work in the window: rank on selection, review pending suggestions, label all.

Every change goes through ``DocumentController.run_step`` or ``apply``, so it
lands on the document's undo stack as one command, like any edit.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from annotator.core.edits import AddSpan
from annotator.core.model import Origin, Suggestion
from annotator.core.suggest import Candidate
from annotator.core.tokens import snap_to_words
from annotator.gui.controllers.annotate import AnnotationController
from annotator.gui.controllers.document import DocumentController
from annotator.gui.controllers.occurrences import OccurrenceOffer
from annotator.gui.widgets.document_view import DocumentView
from annotator.gui.widgets.entity_panel import EntityPanel
from annotator.gui.widgets.occurrences_bar import OccurrencesBar
from annotator.gui.widgets.suggestions_panel import SuggestionsPanel
from annotator.services.entity_usage import occurrences
from annotator.services.preannotate import Review
from annotator.services.workspace import Workspace

log = logging.getLogger(__name__)
MAX_QUERY = 120


class PreannotateWorker(QThread):
    """Pre-annotates documents (all when ``doc_ids`` is None) off the window's thread."""

    progressed = Signal(int, int)
    done = Signal(object)
    """The PreannotateSummary, or the exception that stopped it."""

    def __init__(self, review: Review, doc_ids: Sequence[int] | None) -> None:
        super().__init__()
        self.review, self.doc_ids = review, doc_ids

    def run(self) -> None:
        """Runs on the worker thread."""
        try:
            result: object = self.review.preannotate(self.doc_ids, progress=self.progressed.emit)
        except Exception as exc:  # shown to the person, not lost in a thread
            log.exception("pre-annotation failed")
            result = exc
        self.done.emit(result)


class SuggestionController(QObject):
    """Candidates for the selection, the current pending suggestion, label-all offers."""

    def __init__(
        self,
        docs: DocumentController,
        annotate: AnnotationController,
        workspace: Workspace,
        panels: tuple[SuggestionsPanel, EntityPanel, OccurrencesBar],
    ) -> None:
        super().__init__(docs)
        self.workspace = workspace
        review = docs.review or Review(workspace)
        docs.review = review
        self.docs, self.annotate, self.review = docs, annotate, review
        self.panel, self.entity_panel, self.bar = panels
        self.view: DocumentView = annotate.view
        self.ranked: list[Candidate] = []
        self.current: int | None = None
        self.offer = OccurrenceOffer(docs, review, self.bar)
        self._entity_later = QTimer(self)
        """After an edit the entity panel is re-read once the edit is painted."""
        self._entity_later.setSingleShot(True)
        self._entity_later.setInterval(0)
        self._entity_later.timeout.connect(self.show_entity)
        self.view.selectionChanged.connect(self.rank_selection)
        self.panel.candidate_chosen.connect(self.accept_candidate)
        self.panel.suggestion_chosen.connect(self.go_to)
        self.panel.accept_button.clicked.connect(self.accept_current)
        self.panel.reject_button.clicked.connect(self.reject_current)
        self.panel.accept_label_button.clicked.connect(lambda: self.accept_all("label"))
        self.panel.accept_entity_button.clicked.connect(lambda: self.accept_all("entity"))
        docs.document_changed.connect(lambda _doc: self.refresh())
        docs.document_opened.connect(lambda _doc: self._opened())

    # suggestions for the selection -------------------------------------------

    def rank_selection(self) -> None:
        """Rank known entities for the selected text (as soon as it is selected)."""
        sel = self.view.selection()
        query = self.view.text()[sel[0] : sel[1]].strip() if sel else ""
        if len(query) > MAX_QUERY:
            query = ""
        self.ranked = self.review.knowledge.rank(query, limit=8) if query else []
        self.panel.show_candidates(query, self.ranked)

    def accept_candidate(self, row: int = 0) -> None:
        """Label the selection with a candidate's type and link it to the candidate."""
        sel, doc_id = self.view.selection(), self.docs.doc_id
        if sel is None or doc_id is None or not 0 <= row < len(self.ranked):
            self.docs.message.emit(self.tr("Select text with a known name first"))
            return
        start, end = sel if self.annotate.char_mode else snap_to_words(self.view.text(), *sel)
        c = self.ranked[row]
        if self.docs.apply(AddSpan(doc_id, start, end, c.type, Origin.MANUAL, c.entity_id)):
            self.view.clear_selection(at=end)
            self.docs.message.emit(self.tr("Labelled {0} as {1}").format(c.name, c.type))

    # pending suggestions ----------------------------------------------------------

    def pending(self) -> tuple[Suggestion, ...]:
        """The open document's pending suggestions, in text order."""
        doc = self.docs.current
        return doc.suggestions if doc else ()

    def refresh(self) -> None:
        """Redraw the suggestions after the document changed; keep a valid current one."""
        items = self.pending()
        ids = [s.id for s in items]
        if self.current not in ids:
            self.current = next((s.id for s in items if s.id is not None), None)
        doc = self.docs.current
        self.view.set_suggestions(items, self.current)
        self.panel.show_pending(items, doc.text if doc else "", self.current)
        self._entity_later.start()

    def _opened(self) -> None:
        self.current = None
        self.rank_selection()

    def go_to(self, suggestion_id: int) -> None:
        """Make a suggestion the current one and scroll to it."""
        self.current = suggestion_id
        found = next((s for s in self.pending() if s.id == suggestion_id), None)
        if found is not None:
            self.view.reveal_range(found.start)
        self.refresh()

    def step(self, forward: bool = True) -> None:
        """The next (or previous) pending suggestion becomes current."""
        ids = [s.id for s in self.pending() if s.id is not None]
        if not ids:
            return
        i = ids.index(self.current) + (1 if forward else -1) if self.current in ids else 0
        self.go_to(ids[i % len(ids)])

    def _current(self) -> Suggestion | None:
        return next((s for s in self.pending() if s.id == self.current), None)

    def _after_review(self, ids: Sequence[int]) -> None:
        """Move on to the pending suggestion after the ones just reviewed."""
        items = [s.id for s in self.pending() if s.id is not None]
        if self.current in ids:
            later = [i for i in items if i not in ids and i > (self.current or 0)]
            self.current = later[0] if later else None

    def accept_current(self) -> None:
        """Accept the current suggestion (a span linked to its entity); one undo step."""
        self._review([self.current] if self.current else [], accept=True)

    def reject_current(self) -> None:
        """Reject the current suggestion; it is not offered again for this document."""
        self._review([self.current] if self.current else [], accept=False)

    def accept_all(self, by: str) -> None:
        """Accept every pending suggestion of the current one's label (or entity), one step."""
        now, doc_id = self._current(), self.docs.doc_id
        if now is None or doc_id is None:
            return
        if by == "entity" and now.entity is not None:
            ids = self.review.of(doc_id, entity_id=now.entity.id)
        else:
            ids = self.review.of(doc_id, label=now.label)
        self._review(ids, accept=True)

    def _review(self, ids: Sequence[int | None], accept: bool) -> None:
        doc_id = self.docs.doc_id
        chosen = [i for i in ids if i is not None]
        if doc_id is None or not chosen:
            self.docs.message.emit(self.tr("No pending suggestion here"))
            return
        self._after_review(chosen)
        act = self.review.accept if accept else self.review.reject
        self.docs.run_step(lambda: act(doc_id, chosen))

    # label all occurrences --------------------------------------------------------

    def label_all(self, whole_project: bool) -> None:
        """Label the offered occurrences (in the document or the project) as one undo step."""
        self.offer.label_all(whole_project)

    # the entity panel ---------------------------------------------------------------

    def show_entity(self) -> None:
        """Show the entity of the selected span (or of the current suggestion)."""
        spans = self.annotate.selected_spans()
        ref = spans[0].entity if len(spans) == 1 else None
        if ref is None and not spans:
            now = self._current()
            ref = now.entity if now else None
        entity = self.review.knowledge.entity(ref.id) if ref and ref.id is not None else None
        found = occurrences(self.workspace, entity.id) if entity and entity.id else []
        self.entity_panel.show_entity(entity, found)
