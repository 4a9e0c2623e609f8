"""The "label all occurrences" offer after a span is labelled by hand.

The document's own occurrences are counted at once, from the document as
loaded. The project is never scanned on the window's thread: a worker counts
its occurrences (through the full-text index) once the person pauses, and the
bar's project button shows the count when it is known.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from annotator.core.edits import AddSpan, Edit
from annotator.gui.controllers.document import DocumentController
from annotator.gui.i18n import translate
from annotator.gui.widgets.occurrences_bar import OccurrencesBar
from annotator.services import occurrences
from annotator.services.preannotate import Review

log = logging.getLogger(__name__)
PAUSE_MS = 300
"""How long after a label the project count starts (labels in a row cancel it)."""


@dataclass(frozen=True, slots=True)
class Offer:
    """What was just labelled: document, offsets, label."""

    doc_id: int
    start: int
    end: int
    label: str


class CountWorker(QThread):
    """Finds an offer's occurrences in the whole project off the window's thread."""

    counted = Signal(object, object)
    """The offer and its list of ``(document, start, end)`` (or the exception)."""

    def __init__(self, review: Review, offer: Offer) -> None:
        super().__init__()
        self.review, self.offer = review, offer
        self.stopped = False

    def run(self) -> None:
        """Runs on the worker thread."""
        o = self.offer
        try:
            result: object = self.review.label_occurrences(
                o.doc_id, o.start, o.end, o.label, True, stop=lambda: self.stopped
            )
        except Exception as exc:  # reported in the log; the offer stays document-only
            log.exception("counting occurrences failed")
            result = exc
        if not self.stopped:
            self.counted.emit(o, result)


class OccurrenceOffer(QObject):
    """Offers to label the other occurrences of a span; labels them as one undo step."""

    def __init__(self, docs: DocumentController, review: Review, bar: OccurrencesBar) -> None:
        super().__init__(docs)
        self.docs, self.review, self.bar = docs, review, bar
        self.offer: Offer | None = None
        self.here: list[tuple[int, int, int]] = []
        self.everywhere: list[tuple[int, int, int]] | None = None
        self._workers: list[CountWorker] = []
        self._shown = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self._count_project)
        bar.chosen.connect(self.label_all)
        docs.applied.connect(self.after_edit)
        docs.document_opened.connect(lambda _doc: self.withdraw())

    def after_edit(self, edit: Edit) -> None:
        """After a span is labelled by hand, count its other occurrences in the document."""
        doc = self.docs.current
        if not isinstance(edit, AddSpan) or doc is None or edit.document_id != doc.id:
            return
        self.withdraw()
        self.offer = Offer(edit.document_id, edit.start, edit.end, edit.label)
        self.here = occurrences.in_document(doc, edit.start, edit.end)
        if self.here:
            self._show()
        self._timer.start()

    def withdraw(self) -> None:
        """Hide the bar and stop counting."""
        self._timer.stop()
        for worker in self._workers:
            worker.stopped = True
        self.offer, self.here, self.everywhere = None, [], None
        self._shown = False
        self.bar.hide()

    def _show(self) -> None:
        if self.offer is None:
            return
        o = self.offer
        surface = self.docs.current.text[o.start : o.end] if self.docs.current else ""
        total = None if self.everywhere is None else len(self.everywhere)
        self.bar.offer(surface, o.label, len(self.here), total)
        self._shown = True

    def _count_project(self) -> None:
        if self.offer is None:
            return
        worker = CountWorker(self.review, self.offer)
        worker.counted.connect(self._counted)
        worker.finished.connect(self._forget)
        self._workers.append(worker)
        worker.start()

    def _counted(self, offer: Offer, result: object) -> None:
        if offer != self.offer or not isinstance(result, list):
            return
        self.everywhere = result
        if result:
            self._show()
        elif not self.here:
            self.bar.hide()

    def _forget(self) -> None:
        for worker in [w for w in self._workers if w.isFinished()]:
            self._workers.remove(worker)
            worker.wait()
            worker.deleteLater()

    def wait(self) -> None:
        """Stop and wait for any count still running (before the window closes)."""
        self._timer.stop()
        for worker in list(self._workers):
            worker.stopped = True
            worker.wait()

    def label_all(self, whole_project: bool) -> None:
        """Label the offered occurrences (in the document or the project) as one undo step."""
        o = self.offer
        if o is None or o.doc_id != self.docs.doc_id or (self._shown and self.bar.isHidden()):
            return  # nothing offered, or the offer was dismissed
        if not whole_project:
            found = self.review.label_occurrences(o.doc_id, o.start, o.end, o.label)
        else:  # verify again where the count found some (the rest of the project was checked)
            within = None
            if self.everywhere is not None:
                within = sorted({o.doc_id} | {d for d, _, _ in self.everywhere})
            found = self.review.label_occurrences(o.doc_id, o.start, o.end, o.label, True, within)
        self.withdraw()
        if found:
            self.docs.run_step(lambda: self.review.label_all(o.doc_id, o.label, found))
            text = translate("SuggestionController", "Labelled {0} more as {1}")
            self.docs.message.emit(text.format(len(found), o.label))
