"""Geometry of the links layer: stacking levels, curve points, faded pens."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor

LEVELS = 3  # stacked levels before they wrap around


def faded(color: QColor, base: QColor, keep: float = 0.6) -> QColor:
    """``color`` mixed into ``base``: an opaque look of a translucent pen.

    Opaque strokes skip the per-pixel blending that made long translucent
    curves the slowest part of a repaint.
    """
    return QColor.fromRgbF(
        color.redF() * keep + base.redF() * (1 - keep),
        color.greenF() * keep + base.greenF() * (1 - keep),
        color.blueF() * keep + base.blueF() * (1 - keep),
    )


def levels(items: Sequence[tuple[tuple[int, int], float, float, bool]]) -> list[int]:
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


def cubic(
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


def visible(points: tuple[QPointF, ...], seen: QRectF) -> list[QPointF]:
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
