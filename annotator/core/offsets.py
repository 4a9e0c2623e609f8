"""The offset rule in one place: code-point spans, UTF-16 conversion, checks.

Qt measures text in UTF-16 code units; the store and every export measure in
Python code points. The GUI converts with :class:`Utf16Map` and nothing else.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right

#: The first combining mark (U+0300): no character before it joins its neighbour.
_FIRST_MARK = "\u0300"


class Utf16Map:
    """Converts between code-point and UTF-16 offsets of one text.

    Built in O(n) once; each conversion is O(log k) in the number k of
    astral characters (emoji and the like), so ASCII-only texts cost nothing.
    """

    __slots__ = ("_astral", "_astral16")

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._astral16 = [i + n for n, i in enumerate(self._astral)]

    def to_utf16(self, pos: int) -> int:
        """UTF-16 offset of code-point offset ``pos``."""
        return pos + bisect_right(self._astral, pos - 1)

    def to_codepoint(self, pos16: int) -> int:
        """Code-point offset of UTF-16 offset ``pos16`` (rounded down mid-pair)."""
        before = bisect_right(self._astral16, pos16 - 1)
        if before and self._astral16[before - 1] == pos16 - 1:
            return pos16 - before  # inside a surrogate pair: the pair's start
        return pos16 - before


def splits_character(text: str, pos: int) -> bool:
    """Whether a boundary at ``pos`` would cut a character in two.

    True between a base and a combining mark, inside a lone surrogate pair
    and between CR and LF.
    """
    if pos <= 0 or pos >= len(text):
        return False
    here, before = text[pos], text[pos - 1]
    if here < _FIRST_MARK and before < _FIRST_MARK:  # no marks, joiners or surrogates below
        return before == "\r" and here == "\n"
    if unicodedata.combining(here) or here in "\u200d\ufe0f" or before == "\u200d":
        return True
    if "\udc00" <= here <= "\udfff" and "\ud800" <= before <= "\udbff":
        return True
    return before == "\r" and here == "\n"


def span_problem(text: str, start: int, end: int) -> str | None:
    """Why ``[start, end)`` is not a valid span of ``text``, or ``None``."""
    if not (isinstance(start, int) and isinstance(end, int)):
        return f"offsets must be integers, got {start!r} and {end!r}"
    if start < 0 or end > len(text):
        return f"span [{start}, {end}) lies outside the text (length {len(text)})"
    if start >= end:
        return f"span [{start}, {end}) is empty or reversed"
    for pos in (start, end):
        if splits_character(text, pos):
            return f"span [{start}, {end}) splits a character at offset {pos}"
    return None


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the white space at its edges; as it is when it is white
    space alone.

    Corpora annotated by hand often hold " Partai Demokrat" or "Ruhut ": a
    token-based format cannot carry those edges, and the name is the same without them.
    """
    inner_start, inner_end = start, end
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    return (inner_start, inner_end) if inner_start < inner_end else (start, end)
