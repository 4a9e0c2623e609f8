"""The gated search answers exactly as the regex, and skips it only where it may."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.regex_firsts import FirstCharGate

PATTERNS = [
    r"^§|^\$|^US\$|^Rp|^\.\.+|^[\[\](]|^\+(?![0-9])",
    r"^<(b|i)\s?/>|<a([^>]+)>",  # the second alternative is not anchored: anywhere
    r"^(?:km|m²|(?:Rp|US)\$)",
    r"^a+b|^c{2,3}|^(?>d)e",
    r"(?=x)^xy|^[0-9]",
    r"\Aq|^z",
]
UNREADABLE = [
    r"^a*b",  # may start with b as well: not worked out
    r"(?i)^rp",
    r"^[^a]",
    r"^\w",
    r"^.x",
]
ALPHABET = "abcdqxyzRpUS$§.[](+0123456789<>/ ²km\n"


def _span(match: re.Match[str] | None) -> tuple[int, int] | None:
    return None if match is None else match.span()


@pytest.mark.parametrize("source", PATTERNS)
@given(text=st.text(alphabet=ALPHABET, max_size=12))
def test_the_gate_answers_as_the_regex(source: str, text: str) -> None:
    pattern = re.compile(source)
    assert _span(FirstCharGate(pattern)(text)) == _span(pattern.search(text))


@pytest.mark.parametrize("source", PATTERNS)
def test_readable_patterns_get_a_gate(source: str) -> None:
    assert FirstCharGate(re.compile(source)).first is not None


def test_an_unanchored_alternative_is_looked_for_anywhere() -> None:
    gate = FirstCharGate(re.compile(PATTERNS[1]))
    assert gate.anywhere == {"<"}
    assert _span(gate("foo<ab>")) == (3, 7)  # as spaCy's prefix search finds it
    assert gate("foo") is None


def test_multiline_anchors_are_not_the_string_start() -> None:
    gate = FirstCharGate(re.compile(r"^a", re.MULTILINE))
    assert _span(gate("x\na")) == (2, 3)


@pytest.mark.parametrize("source", UNREADABLE)
def test_what_is_not_worked_out_is_always_searched(source: str) -> None:
    pattern = re.compile(source)
    gate = FirstCharGate(pattern)
    assert gate.first is None
    for text in ("b", "Rp", "RP", "ba", "zx", "x", ""):
        assert _span(gate(text)) == _span(pattern.search(text))


@pytest.mark.parametrize("language", ["id", "en", "de"])
def test_spacy_prefix_rules_answer_as_their_regex_for_every_first_character(
    language: str,
) -> None:
    """Every character of the Basic Multilingual Plane (but surrogates) first, before a
    letter; a sample before the pieces spaCy's prefixes are made of."""
    pytest.importorskip("spacy")
    from spacy.util import compile_prefix_regex, get_lang_class

    pattern = compile_prefix_regex(get_lang_class(language).Defaults.prefixes)
    gate = FirstCharGate(pattern)
    assert gate.first is not None
    assert not {"k", "p", "a"} & gate.first  # words of letters skip the regex
    firsts = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    for char in firsts:
        assert _span(gate(char + "x")) == _span(pattern.search(char + "x")), hex(ord(char))
    rng = random.Random(3)
    for char in rng.sample(firsts, 2000):
        for tail in ("", "$", "S$", "p10", "..", "a<b>", "D", "<a x>"):
            text = char + tail
            assert _span(gate(text)) == _span(pattern.search(text)), repr(text)
