"""Argument links and relations drawn as labelled arcs above the text.

Geometry is computed once per layout (document size, width and font) in
document coordinates and cached; a paint draws only the arcs whose bounds meet
the visible part of the viewport. Arcs on one line stack by width, so nested
and overlapping links stay apart; links between lines (an argument in another
sentence) rise above both ends and meet in a curve.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
)

from annotator.core.model import Document, LabelKind, Schema
from annotator.gui.widgets.document_view import UNDERLINE, DocumentView
from annotator.gui.widgets.links_geometry import LEVELS, cubic, faded, levels, visible

STEP = 9.0  # px between stacked arcs on one line
BASE = 7.0  # px the lowest arc rises above the text
ROOM = 110  # % of line height added to paragraphs that hold link ends (the arcs' band)
LABEL_PT = 7.5


@dataclass(frozen=True, slots=True)
class Link:
    """One arc: from span ``source`` to span ``target``, labelled."""

    source: int
    target: int
    label: str
    color: str
    relation: bool = False
    event_id: int | None = None


@dataclass(frozen=True, slots=True)
class _Shape:
    """An arc laid out in document coordinates."""

    path: QPainterPath
    head: QPolygonF
    label_rect: QRectF
    label: str
    color: str
    relation: bool
    bounds: QRectF
    event_id: int | None
    between_lines: bool
    points: tuple[QPointF, ...] = ()
    """A between-lines arc as a polyline, so a paint strokes only its visible stretch."""


@dataclass(frozen=True, slots=True)
class _Anchor:
    """Where a span's arc ends: the middle of its first line's top edge."""

    x: float
    top: float
    line: tuple[int, int]
    block: int
    room: float = 60.0
    """Free height above the line: up to the text (and underlines) of the line above."""
    bottom: float = 0.0
    """Where the line's text (with its underlines) ends."""


def links_of(doc: Document | None, schema: Schema) -> list[Link]:
    """Every argument link (trigger to argument) and relation of ``doc``."""
    if doc is None:
        return []
    out: list[Link] = []
    for event in doc.events:
        label = schema.get(event.type, LabelKind.EVENT)
        color = label.color if label else "#555555"
        for arg in event.arguments:
            if event.trigger_id is not None and arg.span_id is not None:
                out.append(Link(event.trigger_id, arg.span_id, arg.role, color, False, event.id))
    for rel in doc.relations:
        label = schema.get(rel.label, LabelKind.RELATION)
        color = label.color if label else "#777777"
        if rel.head_id is not None and rel.tail_id is not None:
            out.append(Link(rel.head_id, rel.tail_id, rel.label, color, True))
    return out


class LinksLayer:
    """Paints :class:`Link` arcs on a :class:`DocumentView` (add with :meth:`install`)."""

    def __init__(self, view: DocumentView) -> None:
        self.view = view
        self.visible = True
        self.current_event: int | None = None
        self._links: tuple[Link, ...] = ()
        self._shapes: list[_Shape] = []
        self._made: dict[tuple[Link, _Anchor, _Anchor, int], _Shape] = {}
        """Arcs already laid out, by what decides them: an edit re-makes only new ones."""
        self._key: tuple[object, ...] | None = None
        self._raised: dict[int, float] = {}
        self._anchored: dict[tuple[int, int], _Anchor] = {}
        self._anchors_laid: object = None
        view.document().documentLayout().update.connect(self._relaid)
        self._font = QFont(view.font())
        self._font.setPointSizeF(LABEL_PT)
        view.overlays.append(self.paint)

    def set_links(self, links: Iterable[Link]) -> None:
        """Show these links (after the document or its annotations changed)."""
        self._links = tuple(links)
        self._key = None
        self._make_room()
        self.view.viewport().update()

    def set_visible(self, on: bool) -> None:
        """Show or hide every arc."""
        self.visible = on
        self._make_room()
        self.view.viewport().update()

    def links(self) -> tuple[Link, ...]:
        """The links shown."""
        return self._links

    def shapes(self) -> list[_Shape]:
        """The laid-out arcs (computed now if the layout changed)."""
        key = (
            self._links,
            self.view.document().size().toTuple(),
            self.view.viewport().width(),
            self.view.font().pointSizeF(),
        )
        if key != self._key:
            self._shapes = self._layout()
            self._key = key
        return self._shapes

    # layout --------------------------------------------------------------------

    def _make_room(self) -> None:
        """More line height in paragraphs holding link ends, so arcs fit above the text.

        The view resets every paragraph's line height when its spans change;
        a paragraph whose height is not the one set here gets the room again.
        """
        doc = self.view.document()
        wanted: set[int] = set()
        if self.visible and self._links:
            starts = {p.span_id: p.start16 for p in self.view.painted_spans()}
            ends = {i for link in self._links for i in (link.source, link.target)}
            wanted = {doc.findBlock(starts[i]).blockNumber() for i in ends if i in starts}
        edit = QTextCursor(doc)
        edit.beginEditBlock()  # one relayout for every paragraph changed
        for number in sorted(wanted | set(self._raised)):
            block = doc.findBlockByNumber(number)
            if not block.isValid():
                continue
            now = block.blockFormat().lineHeight()
            raised = self._raised.get(number) == now
            if number in wanted and not raised:
                self._set_height(edit, block, now + ROOM, 26 if number == 0 else 8)
                self._raised[number] = now + ROOM
            elif number not in wanted and raised:
                self._set_height(edit, block, now - ROOM, 0)
        edit.endEditBlock()
        self._raised = {n: h for n, h in self._raised.items() if n in wanted}

    @staticmethod
    def _set_height(edit: QTextCursor, block: QTextBlock, percent: float, top: int) -> None:
        fmt = QTextBlockFormat()
        fmt.setLineHeight(percent, int(QTextBlockFormat.LineHeightTypes.ProportionalHeight.value))
        fmt.setTopMargin(top)
        edit.setPosition(block.position())
        edit.mergeBlockFormat(fmt)

    def _anchors(self) -> dict[int, _Anchor]:
        doc = self.view.document()
        layout = doc.documentLayout()
        out: dict[int, _Anchor] = {}
        rooms: dict[tuple[int, int], float] = {}
        wanted = {i for link in self._links for i in (link.source, link.target)}
        laid = (doc.size().toTuple(), self.view.viewport().width(), self.view.underline_levels())
        if laid != self._anchors_laid:  # a span's anchor stands until the text is laid out again
            self._anchors_laid = laid
            self._anchored.clear()
        for p in self.view.painted_spans():
            if p.span_id not in wanted:
                continue
            known = self._anchored.get((p.start16, p.end16))
            if known is not None:
                out[p.span_id] = known
                continue
            block = doc.findBlock(p.start16)
            text_layout = block.layout()
            rel = p.start16 - block.position()
            line = text_layout.lineForTextPosition(rel)
            if not line.isValid():
                continue
            end = min(p.end16 - block.position(), line.textStart() + line.textLength())
            x1 = line.cursorToX(rel)[0]  # type: ignore[index]
            x2 = line.cursorToX(max(end, rel))[0]  # type: ignore[index]
            origin = layout.blockBoundingRect(block).topLeft()
            top = origin.y() + line.y()
            where = (block.blockNumber(), line.lineNumber())
            if where not in rooms:
                rooms[where] = top - self._text_bottom_above(block, where[1], top)
            out[p.span_id] = _Anchor(
                origin.x() + (x1 + x2) / 2,
                top,
                where,
                where[0],
                rooms[where],
                top + line.ascent() + line.descent() + self._underlines(),
            )
            self._anchored[(p.start16, p.end16)] = out[p.span_id]
        return out

    def _relaid(self, *_: object) -> None:
        """The text was laid out again: every anchor is measured anew."""
        self._anchored.clear()

    def _text_bottom_above(self, block: QTextBlock, number: int, top: float) -> float:
        """Document y where the text (with its underlines) of the line above ends."""
        layout = self.view.document().documentLayout()
        if number == 0:
            block = block.previous()
            if not block.isValid():
                return top - 60.0
            number = block.layout().lineCount()
        line = block.layout().lineAt(number - 1)
        origin = layout.blockBoundingRect(block).topLeft()
        return origin.y() + line.y() + line.ascent() + line.descent() + self._underlines()

    def _underlines(self) -> float:
        return 3.0 + self.view.underline_levels() * UNDERLINE

    def _layout(self) -> list[_Shape]:
        anchors = self._anchors()
        metrics = QFontMetricsF(self._font)
        placed = [
            (link, anchors[link.source], anchors[link.target])
            for link in self._links
            if link.source in anchors and link.target in anchors
        ]
        stacked = levels(
            [(a.line, min(a.x, b.x), max(a.x, b.x), a.line == b.line) for _, a, b in placed]
        )
        made: dict[tuple[Link, _Anchor, _Anchor, int], _Shape] = {}
        shapes = []
        for (link, a, b), level in zip(placed, stacked, strict=True):
            key = (link, a, b, level)
            shape = self._made.get(key) or _shape(link, a, b, level, metrics)
            made[key] = shape
            shapes.append(shape)
        self._made = made
        return _apart(shapes)

    # painting ------------------------------------------------------------------

    def paint(self, painter: QPainter) -> None:
        """Draw the arcs that meet the visible area (the view calls this)."""
        if not self.visible or not self._links:
            return
        dx = self.view.horizontalScrollBar().value()
        dy = self.view.verticalScrollBar().value()
        seen = QRectF(self.view.viewport().rect()).translated(dx, dy)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(-dx, -dy)
        painter.setFont(self._font)
        for shape in self.shapes():
            if shape.bounds.intersects(seen):
                self._draw(painter, shape, seen)
        painter.restore()

    def _draw(self, painter: QPainter, shape: _Shape, seen: QRectF) -> None:
        color = QColor(shape.color).darker(125)
        strong = self.current_event is not None and shape.event_id == self.current_event
        line = QColor(color)
        if shape.between_lines and not strong:  # curves over text stay out of the reader's way
            line = faded(color, self.view.viewport().palette().base().color())
        pen = QPen(line, 2.0 if strong else (1.0 if shape.between_lines else 1.3))
        if shape.relation:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if shape.points:  # long strokes over text: thin, without the costly antialiasing
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, strong)
            painter.drawPolyline(QPolygonF(visible(shape.points, seen)))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        else:
            painter.drawPath(shape.path)
        painter.setBrush(QBrush(color))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPolygon(shape.head)
        painter.setBrush(QBrush(QColor(255, 255, 255, 235)))
        painter.setPen(QPen(color, 1.0))
        painter.drawRoundedRect(shape.label_rect, 3, 3)
        painter.setPen(QPen(color.darker(160)))
        painter.drawText(shape.label_rect, int(Qt.AlignmentFlag.AlignCenter), shape.label)


def _apart(shapes: list[_Shape]) -> list[_Shape]:
    """Labels moved sideways, each clear of the labels placed before it."""
    rows: dict[int, list[QRectF]] = {}
    same: set[tuple[str, float, float]] = set()
    out = []
    for shape in shapes:
        key = (shape.label, shape.label_rect.x(), shape.label_rect.y())
        if key in same:  # the same label on the same spot (one span in many events): one box
            out.append(shape)
            continue
        same.add(key)
        rect = QRectF(shape.label_rect)
        row = int(rect.center().y() // 16)
        near = [r for n in (row - 1, row, row + 1) for r in rows.get(n, [])]
        for _ in range(8):
            hit = next((r for r in near if r.intersects(rect)), None)
            if hit is None:
                break
            rect.moveLeft(hit.right() + 2)
        rows.setdefault(row, []).append(rect)
        if rect != shape.label_rect:
            bounds = shape.bounds.united(rect.adjusted(-4, -4, 4, 4))
            shape = replace(shape, label_rect=rect, bounds=bounds)
        out.append(shape)
    return out


def _shape(link: Link, a: _Anchor, b: _Anchor, level: int, metrics: QFontMetricsF) -> _Shape:
    rise = BASE + (level % (LEVELS + 1)) * STEP
    half = (metrics.height() + 1) / 2
    path = QPainterPath(QPointF(a.x, a.top))
    if a.line == b.line:  # the label's top (1.25 rise + half its height) stays in the band
        rise = max(3.0, min(rise, (min(a.room, b.room) - half) / 1.25))
        peak = a.top - rise
        path.cubicTo(
            QPointF(a.x, peak - rise * 0.35), QPointF(b.x, peak - rise * 0.35), QPointF(b.x, b.top)
        )
        mid = QPointF((a.x + b.x) / 2, peak - rise * 0.25)
    elif b.line > a.line:  # downwards: from under the source into the band above the target
        yb = b.top - max(3.0, min(b.room / 2, b.room - half - 2))
        start = QPointF(a.x, a.bottom)
        points = (start, *cubic((a.x, a.bottom), (a.x, yb), (a.x, yb), (b.x, yb)))
        points = (*points, QPointF(b.x, b.top))
    else:
        ya = a.top - max(3.0, min(rise, a.room - 12))  # the curve tops out 12 px higher
        yb = b.top - max(3.0, min(rise, b.room - 12, b.room - half - 2))
        points = (
            QPointF(a.x, a.top),
            *cubic((a.x, ya), (a.x, ya - 12), (b.x, yb - 12), (b.x, yb)),
            QPointF(b.x, b.top),
        )
    if a.line != b.line:
        path = QPainterPath()
        path.addPolygon(QPolygonF(points))
        mid = QPointF(b.x, yb - 2)
    width = metrics.horizontalAdvance(link.label) + 6
    height = metrics.height() + 1
    label_rect = QRectF(mid.x() - width / 2, mid.y() - height / 2, width, height)
    head = QPolygonF(
        [QPointF(b.x, b.top), QPointF(b.x - 3.5, b.top - 6), QPointF(b.x + 3.5, b.top - 6)]
    )
    bounds = path.boundingRect().united(label_rect).adjusted(-4, -4, 4, 4)
    return _Shape(
        path,
        head,
        label_rect,
        link.label,
        link.color,
        link.relation,
        bounds,
        link.event_id,
        a.line != b.line,
        points if a.line != b.line else (),
    )
