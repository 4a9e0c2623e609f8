"""The gated searches answer exactly as the regex, and skip it only where they may."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.regex_firsts import FirstCharFinder, FirstCharGate, LastCharGate

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


SUFFIXES = [
    r"\.\.+$|…$|(?<=[0-9])%$|(?<=[0-9])(?:km|kg|m²)$",
    r"(?<=[a-z])(?:'s|n't)$|[\])]$|(?:[0-9]+)\.$",
    r"(?:a|bc)+$|x{2,}\Z",
]
UNREADABLE_SUFFIXES = [r"a$|b", r"ab?$", r"(?i)km$", r"[^a]$", r"\w$", r"a$|$"]
INFIXES = [r"(?<=[0-9])[+\-*^](?=[0-9-])|(?<=[a-z])\.(?=[A-Z])|--+", r"^x|(?<=[a-z]),"]


@pytest.mark.parametrize("source", SUFFIXES)
@given(text=st.text(alphabet=ALPHABET + "'ntsgh…%", max_size=12))
def test_the_suffix_gate_answers_as_the_regex(source: str, text: str) -> None:
    pattern = re.compile(source)
    gate = LastCharGate(pattern)
    assert gate.last is not None
    assert _span(gate(text)) == _span(pattern.search(text))


@pytest.mark.parametrize("source", UNREADABLE_SUFFIXES)
def test_suffix_patterns_not_worked_out_are_always_searched(source: str) -> None:
    pattern = re.compile(source)
    gate = LastCharGate(pattern)
    assert gate.last is None
    for text in ("a", "ab", "KM", "xb", "x", "", "a\n"):
        assert _span(gate(text)) == _span(pattern.search(text))


def test_a_suffix_before_a_last_newline_is_found() -> None:
    gate = LastCharGate(re.compile(r"km$"))
    assert gate.last == {"m"}
    assert _span(gate("5km\n")) == (1, 3) and gate("5kg") is None


@pytest.mark.parametrize("source", INFIXES)
@given(text=st.text(alphabet=ALPHABET + "-,AB", max_size=12))
def test_the_infix_finder_finds_what_the_regex_finds(source: str, text: str) -> None:
    pattern = re.compile(source)
    found = [m.span() for m in FirstCharFinder(pattern)(text)]
    assert found == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("language", ["id", "en", "de"])
def test_spacy_suffix_and_infix_rules_answer_as_their_regexes(language: str) -> None:
    """Every character of the Basic Multilingual Plane (but surrogates) last, and inside
    a word; a sample with the pieces spaCy's rules are made of."""
    pytest.importorskip("spacy")
    from spacy.util import compile_infix_regex, compile_suffix_regex, get_lang_class

    defaults = get_lang_class(language).Defaults
    suffixes = compile_suffix_regex(defaults.suffixes)
    infixes = compile_infix_regex(defaults.infixes)
    gate, finder = LastCharGate(suffixes), FirstCharFinder(infixes)
    assert gate.last is not None and finder.gate.first is not None
    assert not {"5", "e", "o", "l"} & gate.last  # numbers and many words skip the regex
    chars = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    for char in chars:
        for text in ("x" + char, "5" + char):
            assert _span(gate(text)) == _span(suffixes.search(text)), repr(text)
        text = f"ab{char}cd"
        found = [m.span() for m in finder(text)]
        assert found == [m.span() for m in infixes.finditer(text)], repr(text)
    rng = random.Random(5)
    for char in rng.sample(chars, 1500):
        for piece in ("", "km", "'s", "..", "%", "5", "A", "-2", "x."):
            text = f"1{char}{piece}"
            assert _span(gate(text)) == _span(suffixes.search(text)), repr(text)
            found = [m.span() for m in finder(text)]
            assert found == [m.span() for m in infixes.finditer(text)], repr(text)
