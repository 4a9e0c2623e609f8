"""The annotated body of one document: selectable text, coloured spans, tooltips.

The view speaks code points to everyone else and UTF-16 to Qt; the only
conversion is through :class:`~annotator.core.offsets.Utf16Map` (DESIGN §2).
Spans are drawn twice: a translucent background (overlaps blend darker) and
an underline on their own level, so nested and overlapping spans are never
hidden behind one another.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextBlockFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from annotator.core.model import Document, Span, Suggestion
from annotator.core.offsets import Utf16Map
from annotator.gui.widgets.span_layers import PaintedSpan, paint_list
from annotator.gui.widgets.suggestion_layer import DashedSpan, dashed_list, paint_dashed

UNDERLINE = 4  # px per underline level
BACKGROUND_ALPHA = 95
SELECTED_ALPHA = 190
Segment = tuple[float, float, float, float]
"""A span's stretch of one line: viewport x1, x2, top, baseline+descent."""


def display_text(text: str) -> str:
    """The text as Qt shows it, one UTF-16 unit per unit of ``text``.

    QTextDocument folds "\\r\\n" into one paragraph break; a lone space keeps
    every later offset in place.
    """
    return text.replace("\r", " ")


class DocumentView(QTextEdit):
    """Read-only, keyboard- and mouse-selectable text with painted spans."""

    span_clicked = Signal(int)
    """A span was clicked (its id)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setObjectName("documentView")
        self._text = ""
        self._umap = Utf16Map("")
        self._spans: tuple[Span, ...] = ()
        self._painted: list[PaintedSpan] = []
        self._levels = 0  # underline levels the line height was last set for
        self._selected: frozenset[int] = frozenset()
        self._colors: dict[str, str] = {}
        self._dashed: list[DashedSpan] = []
        self._current_suggestion: int | None = None
        self._segments_key: object = None
        self._segments_at: dict[tuple[int, int], list[Segment]] = {}
        self.document().documentLayout().update.connect(self._relaid)
        self.overlays: list[Callable[[QPainter], None]] = []
        """Painters called after the spans (links, for one), on the viewport."""

    # content ---------------------------------------------------------------

    def set_document(self, doc: Document | None, colors: dict[str, str]) -> None:
        """Show ``doc`` (or nothing), keeping the scroll position if it is the same."""
        self._colors = colors
        text = doc.text if doc else ""
        if text != self._text:
            self._text = text
            self._umap = Utf16Map(text)
            self.setPlainText(display_text(text))
            self.moveCursor(QTextCursor.MoveOperation.Start)
            self._levels = 0
        self.set_spans(doc.spans if doc else ())

    def set_spans(self, spans: tuple[Span, ...]) -> None:
        """Repaint with a new set of spans (after an edit)."""
        self._spans = spans
        self._painted = paint_list(spans, self._colors, self._umap)
        ids = {p.id for p in spans}
        self._selected = frozenset(s for s in self._selected if s in ids)
        levels = max((p.level for p in self._painted), default=0) + 1
        if levels != self._levels:  # a relayout of every paragraph: only when it changes
            self._levels = levels
            self._apply_line_height()
        self.viewport().update()

    def set_suggestions(self, suggestions: tuple[Suggestion, ...], current: int | None) -> None:
        """Draw pending suggestions dashed; ``current`` (an id) stands out."""
        self._dashed = dashed_list(suggestions, self._colors, self._umap)
        self._current_suggestion = current
        self.viewport().update()

    def reveal_range(self, start: int) -> None:
        """Scroll so code point ``start`` is visible."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._umap.to_utf16(min(start, len(self._text))))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def set_selected_spans(self, ids: frozenset[int]) -> None:
        """Outline the spans with these ids."""
        if ids != self._selected:
            self._selected = ids
            self.viewport().update()

    def text(self) -> str:
        """The document's stored text."""
        return self._text

    def spans(self) -> tuple[Span, ...]:
        """The spans shown."""
        return self._spans

    def underline_levels(self) -> int:
        """How many underline levels the lines leave room for below the text."""
        return self._levels

    def painted_spans(self) -> list[PaintedSpan]:
        """The spans as painted: UTF-16 ranges, colours, underline levels."""
        return self._painted

    # selection in code points ------------------------------------------------

    def selection(self) -> tuple[int, int] | None:
        """The selected text as a code-point range, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._umap.to_codepoint(cursor.selectionStart())
        end = self._umap.to_codepoint(cursor.selectionEnd())
        return (start, end) if start < end else None

    def select_range(self, start: int, end: int) -> None:
        """Select code points ``[start, end)`` as if the person had dragged over them."""
        cursor = self.textCursor()
        cursor.setPosition(self._umap.to_utf16(start))
        cursor.setPosition(self._umap.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def clear_selection(self, at: int | None = None) -> None:
        """Drop the text selection, leaving the caret at code point ``at``."""
        cursor = self.textCursor()
        pos = self._umap.to_utf16(at) if at is not None else cursor.position()
        cursor.setPosition(pos)
        self.setTextCursor(cursor)

    def reveal(self, span_id: int) -> None:
        """Scroll so the span is visible."""
        for span in self._spans:
            if span.id == span_id:
                cursor = QTextCursor(self.document())
                cursor.setPosition(self._umap.to_utf16(span.start))
                self.setTextCursor(cursor)
                self.ensureCursorVisible()

    def spans_at(self, point: QPoint) -> list[Span]:
        """Spans under a viewport point, innermost first."""
        pos = self._umap.to_codepoint(self.cursorForPosition(point).position())
        hits = [s for s in self._spans if s.start <= pos < s.end]
        if not hits:  # the right half of a span's last character
            hits = [s for s in self._spans if s.start < pos <= s.end]
        return sorted(hits, key=lambda s: s.end - s.start)

    # painting ------------------------------------------------------------------

    def _apply_line_height(self) -> None:
        fmt = QTextBlockFormat()
        fmt.setBottomMargin(6)
        fmt.setLineHeight(
            115 + 12 * self._levels,
            int(QTextBlockFormat.LineHeightTypes.ProportionalHeight.value),
        )
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(fmt)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Paint the visible spans' backgrounds, the text, then underlines and outlines.

        Only spans in view are painted, so an edit costs a repaint, not a
        rebuild of every span's highlight.
        """
        first = self.cursorForPosition(QPoint(0, 0)).position()
        vp = self.viewport().rect()
        last = self.cursorForPosition(QPoint(vp.width(), vp.height())).position()
        shown = [
            (p, self._segments(p.start16, p.end16))
            for p in self._painted
            if not (p.end16 < first or p.start16 > last)
        ]
        if shown:
            self._paint_backgrounds(shown)
        super().paintEvent(event)
        if self._dashed:
            visible = (first, last)
            paint_dashed(
                self.viewport(), self._dashed, self._current_suggestion, self._segments, visible
            )
        if not self._painted:
            return
        painter = QPainter(self.viewport())
        for p, segments in shown:
            selected = p.span_id in self._selected
            pen = QPen(QColor(p.color).darker(130 if selected else 115))
            pen.setWidthF(2.5 if selected else 2.0)
            painter.setPen(pen)
            for x1, x2, top, base in segments:
                y = base + 1.5 + p.level * UNDERLINE
                painter.drawLine(QPointF(x1, y), QPointF(x2, y))
                if selected:
                    painter.drawRect(QRectF(x1, top, x2 - x1, base - top))
        for overlay in self.overlays:
            overlay(painter)
        painter.end()

    def _paint_backgrounds(self, shown: list[tuple[PaintedSpan, list[Segment]]]) -> None:
        """Translucent fills under the text (overlapping spans blend darker)."""
        painter = QPainter(self.viewport())
        for p, segments in shown:
            color = QColor(p.color)
            color.setAlpha(SELECTED_ALPHA if p.span_id in self._selected else BACKGROUND_ALPHA)
            for x1, x2, top, base in segments:
                painter.fillRect(QRectF(x1, top, x2 - x1, base - top), color)
        painter.end()

    def _segments(self, start16: int, end16: int) -> list[Segment]:
        """Viewport (x1, x2, top, baseline+descent) of each line a range covers.

        Document positions are kept until the layout changes (size, width,
        line height), so a repaint after an edit or a scroll only shifts them.
        """
        key = (self.document().size().toTuple(), self.viewport().width(), self._levels)
        if key != self._segments_key:
            self._segments_key = key
            self._segments_at.clear()
        found = self._segments_at.get((start16, end16))
        if found is None:
            found = self._layout_segments(start16, end16)
            self._segments_at[(start16, end16)] = found
        dx = -self.horizontalScrollBar().value()
        dy = -self.verticalScrollBar().value()
        if not dx and not dy:
            return found
        return [(x1 + dx, x2 + dx, top + dy, base + dy) for x1, x2, top, base in found]

    def _relaid(self, *_: object) -> None:
        """The text was laid out again (new text, line heights): forget where spans were."""
        self._segments_at.clear()

    def _layout_segments(self, start16: int, end16: int) -> list[Segment]:
        """Document (x1, x2, top, baseline+descent) of each line a range covers."""
        doc = self.document()
        layout = doc.documentLayout()
        dx = dy = 0
        out = []
        block = doc.findBlock(start16)
        while block.isValid() and block.position() < end16:
            origin = layout.blockBoundingRect(block).topLeft()
            text_layout = block.layout()
            for i in range(text_layout.lineCount()):
                line = text_layout.lineAt(i)
                ls = block.position() + line.textStart()
                a, b = max(start16, ls), min(end16, ls + line.textLength())
                if a >= b:
                    continue
                x1 = line.cursorToX(a - block.position())[0]  # type: ignore[index]
                x2 = line.cursorToX(b - block.position())[0]  # type: ignore[index]
                top = origin.y() + line.y() + dy
                base = top + line.ascent() + line.descent()
                out.append((origin.x() + x1 + dx, origin.x() + x2 + dx, top, base))
            block = block.next()
        return out

    # interaction -------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """A click (not a drag) on a span selects it; clicking again cycles nested ones."""
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        hits = self.spans_at(event.position().toPoint())
        if not hits:
            return
        ids = [s.id for s in hits if s.id is not None]
        current = [i for i in ids if i in self._selected]
        nxt = ids[(ids.index(current[0]) + 1) % len(ids)] if current else ids[0]
        self.span_clicked.emit(nxt)

    def event(self, event: QEvent) -> bool:
        """Tooltips: the labels and text of the spans under the mouse."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hits = self.spans_at(self.viewport().mapFromGlobal(event.globalPos()))
            if hits:
                tip = "\n".join(f"{s.label}: {s.text_in(self._text)}" for s in hits)
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
