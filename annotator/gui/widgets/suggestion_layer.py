"""Pending suggestions drawn dashed over the document text, apart from real spans."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from annotator.core.model import Suggestion
from annotator.core.offsets import Utf16Map

Segments = Callable[[int, int], list[tuple[float, float, float, float]]]


@dataclass(frozen=True, slots=True)
class DashedSpan:
    """A suggestion as painted: UTF-16 range, colour, its id."""

    suggestion_id: int
    start16: int
    end16: int
    color: str


def dashed_list(
    suggestions: Sequence[Suggestion], colors: dict[str, str], umap: Utf16Map
) -> list[DashedSpan]:
    """The suggestions converted to UTF-16 once."""
    return [
        DashedSpan(
            s.id if s.id is not None else -1,
            umap.to_utf16(s.start),
            umap.to_utf16(s.end),
            colors.get(s.label, "#999999"),
        )
        for s in suggestions
    ]


def paint_dashed(
    viewport: QWidget,
    items: Sequence[DashedSpan],
    current: int | None,
    segments: Segments,
    visible: tuple[int, int],
) -> None:
    """A dashed box round every suggestion; the current one thicker, on a light fill."""
    painter = QPainter(viewport)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for item in items:
        if item.end16 < visible[0] or item.start16 > visible[1]:
            continue
        is_current = item.suggestion_id == current
        color = QColor(item.color).darker(125)
        pen = QPen(color)
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setWidthF(2.0 if is_current else 1.3)
        painter.setPen(pen)
        fill = QColor(item.color)
        fill.setAlpha(45 if is_current else 0)
        for x1, x2, top, base in segments(item.start16, item.end16):
            rect = QRectF(QPointF(x1 - 1, top + 1), QPointF(x2 + 1, base))
            painter.fillRect(rect, fill)
            painter.drawRect(rect)
    painter.end()
