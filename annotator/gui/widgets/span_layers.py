"""Stacking levels for overlapping spans, so every one of them stays visible."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.model import Span
from annotator.core.offsets import Utf16Map


@dataclass(frozen=True, slots=True)
class PaintedSpan:
    """A span as the view paints it: UTF-16 range, colour, underline level."""

    span_id: int
    start16: int
    end16: int
    label: str
    color: str
    level: int


def assign_levels(spans: Sequence[Span]) -> list[int]:
    """The lowest underline level free of every overlapping span, per span.

    Spans are taken longest-first at each start, so an outer span sits on
    level 0 and the spans nested inside it stack beneath it.
    """
    order = sorted(range(len(spans)), key=lambda i: (spans[i].start, -spans[i].end))
    levels = [0] * len(spans)
    active: list[int] = []
    for i in order:
        span = spans[i]
        active = [j for j in active if spans[j].end > span.start]
        taken = {levels[j] for j in active}
        level = 0
        while level in taken:
            level += 1
        levels[i] = level
        active.append(i)
    return levels


def paint_list(spans: Sequence[Span], colors: dict[str, str], umap: Utf16Map) -> list[PaintedSpan]:
    """The spans in paint order (outer first), converted to UTF-16 once."""
    levels = assign_levels(spans)
    painted = [
        PaintedSpan(
            span.id if span.id is not None else -1,
            umap.to_utf16(span.start),
            umap.to_utf16(span.end),
            span.label,
            colors.get(span.label, "#999999"),
            level,
        )
        for span, level in zip(spans, levels, strict=True)
    ]
    painted.sort(key=lambda p: (p.level, p.start16))
    return painted
