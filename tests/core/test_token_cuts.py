"""Tokens cut where spans start or end inside them (the Prodigy export's tokens)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.tokens import split_at, tokenize_words

TEXT = "Ekspor Venezuela’s turun, unlikely naik di Sino-U.S. hari ini."


def test_cuts_inside_words_make_new_bounds_and_others_change_nothing() -> None:
    starts, ends, _ = tokenize_words(TEXT)
    cuts = [16, 26, 28, 47, 0, len(TEXT), 6]  # in words; at a token start or end; in a gap
    new_starts, new_ends, count = split_at(starts, ends, cuts)
    assert count == 3
    words = [TEXT[s:e] for s, e in zip(new_starts, new_ends, strict=True)]
    assert words[:3] == ["Ekspor", "Venezuela", "’s"]
    assert words[5:7] == ["un", "likely"] and words[9:12] == ["Sino", "-U.S", "."]
    assert split_at(starts, ends, [0, 6, 7]) == (starts, ends, 0)


@given(st.lists(st.integers(min_value=0, max_value=len(TEXT)), max_size=12))
def test_every_cut_inside_a_token_becomes_a_bound(cuts: list[int]) -> None:
    starts, ends, _ = tokenize_words(TEXT)
    new_starts, new_ends, count = split_at(starts, ends, cuts)
    assert "".join(TEXT[s:e] for s, e in zip(new_starts, new_ends, strict=True)) == "".join(
        TEXT[s:e] for s, e in zip(starts, ends, strict=True)
    )
    assert all(s < e for s, e in zip(new_starts, new_ends, strict=True))
    inside = {c for c in cuts for s, e in zip(starts, ends, strict=True) if s < c < e}
    assert count == len(inside)
    assert inside <= set(new_starts) & set(new_ends)
