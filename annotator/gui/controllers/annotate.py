"""What the keys and the palette do to the open document: label, relabel, resize, delete."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QObject

from annotator.core.edits import AddSpan, Batch, Edit, Relabel, RemoveSpans, Resize, SetStatus
from annotator.core.model import Span, Status
from annotator.core.offsets import splits_character
from annotator.core.tokens import Token, snap_to_words, tokenize
from annotator.gui.controllers.document import DocumentController
from annotator.gui.i18n import translate
from annotator.gui.widgets.document_view import DocumentView
from annotator.gui.widgets.spans_panel import SpansPanel


class AnnotationController(QObject):
    """Turns selections and key presses into core edits on the open document."""

    def __init__(self, docs: DocumentController, view: DocumentView, panel: SpansPanel) -> None:
        super().__init__(docs)
        self.docs = docs
        self.view = view
        self.panel = panel
        self.char_mode = False
        self.selected: frozenset[int] = frozenset()
        self._tokens: list[Token] = []
        self._tokens_of = ""
        view.span_clicked.connect(lambda span_id: self.select(frozenset({span_id})))
        panel.selection_changed.connect(self.select)
        docs.document_opened.connect(lambda _doc: self.select(frozenset()))

    # selection of spans ------------------------------------------------------

    def select(self, ids: frozenset[int]) -> None:
        """Make ``ids`` the selected spans, in the view and in the spans list."""
        self.selected = frozenset(ids)
        self.view.set_selected_spans(self.selected)
        self.panel.select_ids(self.selected)

    def selected_spans(self) -> list[Span]:
        """The selected spans of the open document."""
        return [s for s in self.view.spans() if s.id in self.selected]

    def step_span(self, forward: bool = True) -> None:
        """Select the next (or previous) span in reading order."""
        spans = self.view.spans()
        if not spans:
            return
        current = self.selected_spans()
        if current:
            i = spans.index(current[0]) + (1 if forward else -1)
        else:
            i = 0 if forward else len(spans) - 1
        span = spans[i % len(spans)]
        if span.id is not None:
            self.select(frozenset({span.id}))
            self.view.reveal(span.id)

    # edits ---------------------------------------------------------------------

    def label(self, name: str) -> None:
        """Label the selected text, or relabel the selected spans, as ``name``."""
        doc_id = self.docs.doc_id
        if doc_id is None:
            return
        sel = self.view.selection()
        if sel is not None:
            start, end = sel if self.char_mode else snap_to_words(self.view.text(), *sel)
            if start >= end:
                self.docs.message.emit(
                    translate(
                        "AnnotationController",
                        "Nothing to label: the selection is only white space",
                    )
                )
                return
            inverse = self.docs.apply(AddSpan(doc_id, start, end, name))
            self.view.clear_selection(at=end)
            if isinstance(inverse, RemoveSpans):
                self.select(frozenset(inverse.span_ids))
            return
        spans = [s for s in self.selected_spans() if s.label != name and s.id is not None]
        edits: tuple[Edit, ...] = tuple(Relabel(doc_id, s.id, name) for s in spans if s.id)
        if len(edits) == 1:
            self.docs.apply(edits[0])
        elif edits:
            text = translate(
                "AnnotationController", "Relabel %n spans as {label}", None, len(edits)
            )
            self.docs.apply(Batch(doc_id, edits, text.format(label=name)))
        elif not self.selected:
            self.docs.message.emit(
                translate("AnnotationController", "Select some text (or a span) first")
            )

    def delete(self) -> None:
        """Delete every selected span, as one edit."""
        doc_id = self.docs.doc_id
        ids = tuple(sorted(self.selected))
        if doc_id is None or not ids:
            return
        self.docs.apply(RemoveSpans(doc_id, ids))
        self.select(frozenset())

    def resize(self, edge: str, grow: bool) -> None:
        """Move one edge ("start" or "end") of the selected span by a word (or character)."""
        spans = self.selected_spans()
        doc_id = self.docs.doc_id
        span_id = spans[0].id if len(spans) == 1 else None
        if doc_id is None or span_id is None:
            return
        span = spans[0]
        start, end = span.start, span.end
        if edge == "start":
            start = self._step(start, forward=not grow, starts=True)
        else:
            end = self._step(end, forward=grow, starts=False)
        if (start, end) != (span.start, span.end) and start < end:
            self.docs.apply(Resize(doc_id, span_id, start, end))
            self.select(frozenset({span_id}))

    def mark(self, status: Status) -> None:
        """Set the open document's status."""
        doc = self.docs.current
        if doc is not None and doc.id is not None and doc.status != status:
            self.docs.apply(SetStatus(doc.id, status))

    # word steps ------------------------------------------------------------------

    def _step(self, pos: int, forward: bool, starts: bool) -> int:
        """The next word start (or end) after or before ``pos``; one character in char mode."""
        text = self.view.text()
        if self.char_mode:
            step = 1 if forward else -1
            pos += step
            while 0 < pos < len(text) and splits_character(text, pos):
                pos += step
            return max(0, min(len(text), pos))
        if text is not self._tokens_of:
            self._tokens = tokenize(text)
            self._tokens_of = text
        edges = [t[0] if starts else t[1] for t in self._tokens]
        if forward:
            i = bisect_right(edges, pos)
            return edges[i] if i < len(edges) else pos
        i = bisect_left(edges, pos)
        return edges[i - 1] if i > 0 else pos
