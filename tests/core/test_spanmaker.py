"""The fast span maker makes the same spans as the dataclass does."""

from __future__ import annotations

import dataclasses

import pytest

from annotator.core.model import EntityRef, Origin, Span
from annotator.core.spanmaker import make_span


def test_made_spans_equal_constructed_ones_and_stay_frozen() -> None:
    entity = EntityRef(7, "Polda Kaltara")
    made = make_span(3, 9, "ORG", "T1", Origin.IMPORTED, "ani", entity, 12)
    assert made == Span(3, 9, "ORG", "T1", Origin.IMPORTED, "ani", entity, 12)
    assert hash(made) == hash(Span(3, 9, "ORG", "T1", Origin.IMPORTED, "ani", entity, 12))
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 4  # type: ignore[misc]
