"""Making many :class:`~annotator.core.model.Span` objects fast (imports and exports).

A frozen dataclass's ``__init__`` sets each field through
``object.__setattr__``; setting the slots directly makes the same, equal
objects in half the time, which counts when an import or an export makes
hundreds of thousands of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields

from annotator.core import model

FIELDS = ("start", "end", "label", "key", "origin", "annotator", "entity", "id")


def span_maker() -> Callable[..., model.Span]:
    """A constructor of spans taking every field of ``FIELDS``, in that order, positionally.

    Raises ``RuntimeError`` if :class:`model.Span` no longer has exactly those fields.
    """
    if {f.name for f in fields(model.Span)} != set(FIELDS):
        raise RuntimeError("model.Span changed: update annotator.core.spanmaker")
    new = object.__new__
    p0, p1, p2, p3, p4, p5, p6, p7 = [getattr(model.Span, name).__set__ for name in FIELDS]
    cls = model.Span

    def make(
        start: int,
        end: int,
        label: str,
        key: str,
        origin: model.Origin,
        annotator: str | None,
        entity: model.EntityRef | None,
        ident: int | None,
    ) -> model.Span:
        span = new(cls)
        p0(span, start)
        p1(span, end)
        p2(span, label)
        p3(span, key)
        p4(span, origin)
        p5(span, annotator)
        p6(span, entity)
        p7(span, ident)
        return span

    return make


make_span = span_maker()
