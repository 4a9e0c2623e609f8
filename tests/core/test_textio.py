"""Folding text for hashes and signatures: the fast path gives what the slow one does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.textio import content_hash, fold

_SPACES = st.sampled_from([" ", "  ", "\n", "\t", "\r\n", "\x0b", "\xa0", "\u2003", "\x00", "\x7f"])
_WORDS = st.text(alphabet=st.characters(max_codepoint=0x7F), min_size=0, max_size=6)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(_WORDS, _SPACES), max_size=20))
def test_fold_joins_words_with_single_spaces_whatever_the_white_space(
    parts: list[tuple[str, str]],
) -> None:
    text = "".join(word + space for word, space in parts)
    assert fold(text) == " ".join(text.split())


def test_the_same_article_with_other_white_space_has_the_same_hash() -> None:
    one = "Tarakan (ANTARA) - Polda Kaltara menggelar apel.\nPersonel siaga."
    assert content_hash(one) == content_hash(one.replace("\n", "\r\n  \t"))
    assert content_hash(one) != content_hash(one.replace("\n", "\x00"))
