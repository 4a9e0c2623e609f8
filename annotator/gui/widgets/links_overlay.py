"""Argument links and relations drawn as labelled arcs above the text.

Geometry is computed once per layout (document size, width and font) in
document coordinates and cached; a paint draws only the arcs whose bounds meet
the visible part of the viewport. Arcs on one line stack by width, so nested
and overlapping links stay apart; links between lines (an argument in another
sentence) rise above both ends and meet in a curve.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

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
from annotator.gui.widgets.document_view import DocumentView

STEP = 9.0  # px between stacked arcs on one line
BASE = 7.0  # px the lowest arc rises above the text
LEVELS = 3  # stacked levels before they wrap around
ROOM = 60  # % of line height added to paragraphs that hold link ends
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
        wanted = {i for link in self._links for i in (link.source, link.target)}
        for p in self.view.painted_spans():
            if p.span_id not in wanted:
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
            out[p.span_id] = _Anchor(
                origin.x() + (x1 + x2) / 2,
                top,
                (block.blockNumber(), line.lineNumber()),
                block.blockNumber(),
            )
        return out

    def _layout(self) -> list[_Shape]:
        anchors = self._anchors()
        metrics = QFontMetricsF(self._font)
        placed = [
            (link, anchors[link.source], anchors[link.target])
            for link in self._links
            if link.source in anchors and link.target in anchors
        ]
        levels = _levels(
            [(a.line, min(a.x, b.x), max(a.x, b.x), a.line == b.line) for _, a, b in placed]
        )
        made: dict[tuple[Link, _Anchor, _Anchor, int], _Shape] = {}
        shapes = []
        for (link, a, b), level in zip(placed, levels, strict=True):
            key = (link, a, b, level)
            shape = self._made.get(key) or _shape(link, a, b, level, metrics)
            made[key] = shape
            shapes.append(shape)
        self._made = made
        return shapes

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
            line = _faded(color, self.view.viewport().palette().base().color())
        pen = QPen(line, 2.0 if strong else (1.0 if shape.between_lines else 1.3))
        if shape.relation:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if shape.points:  # long strokes over text: thin, without the costly antialiasing
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, strong)
            painter.drawPolyline(QPolygonF(_visible(shape.points, seen)))
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


def _faded(color: QColor, base: QColor, keep: float = 0.6) -> QColor:
    """``color`` mixed into ``base``: an opaque look of a translucent pen.

    Opaque strokes skip the per-pixel blending that made long translucent
    curves the slowest part of a repaint.
    """
    return QColor.fromRgbF(
        color.redF() * keep + base.redF() * (1 - keep),
        color.greenF() * keep + base.greenF() * (1 - keep),
        color.blueF() * keep + base.blueF() * (1 - keep),
    )


def _levels(items: Sequence[tuple[tuple[int, int], float, float, bool]]) -> list[int]:
    """Stack arcs on one line: narrow ones low, each above the arcs it spans or meets."""
    order = sorted(range(len(items)), key=lambda i: (items[i][0], items[i][2] - items[i][1]))
    levels = [0] * len(items)
    taken: dict[tuple[int, int], list[tuple[float, float, int]]] = {}
    for i in order:
        line, x1, x2, same = items[i]
        if not same:
            levels[i] = LEVELS  # between lines: above the stacked arcs
            continue
        used = {lvl for a, b, lvl in taken.get(line, []) if a <= x2 + 30 and x1 - 30 <= b}
        level = next(n for n in range(len(items) + 1) if n not in used)
        levels[i] = level
        taken.setdefault(line, []).append((x1, x2, level))
    return levels


def _shape(link: Link, a: _Anchor, b: _Anchor, level: int, metrics: QFontMetricsF) -> _Shape:
    rise = BASE + (level % (LEVELS + 1)) * STEP
    path = QPainterPath(QPointF(a.x, a.top))
    if a.line == b.line:
        peak = a.top - rise
        path.cubicTo(
            QPointF(a.x, peak - rise * 0.35), QPointF(b.x, peak - rise * 0.35), QPointF(b.x, b.top)
        )
        mid = QPointF((a.x + b.x) / 2, peak - rise * 0.25)
    else:
        ya, yb = a.top - rise, b.top - rise
        points = (
            QPointF(a.x, a.top),
            *_cubic((a.x, ya), (a.x, ya - 12), (b.x, yb - 12), (b.x, yb)),
            QPointF(b.x, b.top),
        )
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


def _cubic(
    p0: tuple[float, float],
    p1: tuple[float, float],
    p2: tuple[float, float],
    p3: tuple[float, float],
) -> list[QPointF]:
    """Points along a cubic Bézier curve, more of them the longer it is."""
    n = max(8, min(40, int((abs(p3[1] - p0[1]) + abs(p3[0] - p0[0])) / 25)))
    out = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
        out.append(
            QPointF(
                a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
            )
        )
    return out


def _visible(points: tuple[QPointF, ...], seen: QRectF) -> list[QPointF]:
    """The stretch of a polyline whose segments meet the visible rows (with one point of margin)."""
    top, bottom = seen.top() - 20, seen.bottom() + 20
    inside = [
        i
        for i in range(len(points) - 1)
        if min(points[i].y(), points[i + 1].y()) <= bottom
        and max(points[i].y(), points[i + 1].y()) >= top
    ]
    if not inside:
        return []
    return list(points[inside[0] : inside[-1] + 2])
