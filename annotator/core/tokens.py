"""A small, offset-exact word tokenizer and word-boundary snapping.

Tokens never split a character: combining marks stay with their base, and
emoji sequences joined by ZWJ or modifiers stay whole.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0900-\u0903"
    "\u093a-\u094f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f"
)
_JOIN = "\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"
# Words may hold inner - ' . (S.I.K, Kab-Bulungan); anything else is one symbol
# or one emoji sequence.
TOKEN_RE = re.compile(
    rf"(?:[\w{_MARKS}])+(?:[-'’.](?:[\w{_MARKS}])+)*"
    r"|[\U0001f1e6-\U0001f1ff]{2}"  # a flag: two regional indicators
    rf"|[^\w\s{_MARKS}][{_MARKS}{_JOIN}]*(?:\u200d[^\s][{_MARKS}{_JOIN}]*)*"
)

Token = tuple[int, int]
_CLOSING = frozenset(",.;:!?)\"'")  # neither word characters nor marks: tokens alone


def tokenize(text: str) -> list[Token]:
    """``(start, end)`` code-point offsets of every token of ``text`` (``TOKEN_RE``'s matches)."""
    starts, ends, _ = tokenize_words(text)
    return list(zip(starts, ends, strict=True))


def tokenize_words(text: str) -> tuple[list[int], list[int], list[str]]:
    """The starts, ends and texts of the tokens ``TOKEN_RE`` finds in ``text``, faster.

    No token holds white space and the pattern looks at nothing around a
    match, so the text is cut at spaces and each piece tokenised alone. A
    piece of letters and digits is one token, and so is each part of such a
    piece followed by one closing punctuation mark; other pieces go through
    the pattern.
    """
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    pos = 0
    for piece in text.split(" "):
        if piece.isalnum():
            starts.append(pos)
            words.append(piece)
            pos += len(piece)
            ends.append(pos)
        elif piece[-1:] in _CLOSING and piece[:-1].isalnum():
            starts += (pos, pos + len(piece) - 1)
            words += (piece[:-1], piece[-1])
            pos += len(piece)
            ends += (pos - 1, pos)
        elif piece:
            for match in TOKEN_RE.finditer(piece):
                start, end = match.span()
                starts.append(pos + start)
                ends.append(pos + end)
                words.append(match.group())
            pos += len(piece)
        pos += 1
    return starts, ends, words


def split_at(
    starts: list[int], ends: list[int], cuts: Iterable[int]
) -> tuple[list[int], list[int], int]:
    """The tokens cut at each offset of ``cuts`` that falls inside one, and how many cuts did.

    A span that starts or ends inside a word ("[Venezuela]’s", "[un]likely")
    then starts and ends at token bounds. The lists themselves when none does.
    """
    bounds = {*starts, *ends}  # most cuts are token bounds: looked up in C
    inner = sorted({c for c in cuts if c not in bounds and _inside(starts, ends, c)})
    if not inner:
        return starts, ends, 0
    new_starts: list[int] = []
    new_ends: list[int] = []
    k = 0
    for start, end in zip(starts, ends, strict=True):
        while k < len(inner) and inner[k] <= start:
            k += 1
        while k < len(inner) and inner[k] < end:
            new_starts.append(start)
            new_ends.append(inner[k])
            start = inner[k]
            k += 1
        new_starts.append(start)
        new_ends.append(end)
    return new_starts, new_ends, len(inner)


def _inside(starts: Sequence[int], ends: Sequence[int], pos: int) -> bool:
    """Whether ``pos`` falls strictly inside a token."""
    i = bisect_right(starts, pos) - 1
    return i >= 0 and starts[i] < pos < ends[i]


def snap_to_tokens(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """Grow ``[start, end)`` to whole tokens; unchanged when it touches none."""
    starts = [s for s, _ in tokens]
    ends = [e for _, e in tokens]
    first = bisect_right(ends, start)  # first token ending after start
    last = bisect_left(starts, end) - 1  # last token starting before end
    if first > last or first >= len(tokens):
        return start, end
    return min(start, starts[first]), max(end, ends[last])


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Snap a selection to word boundaries, trimming surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return start, end
    lo = max(0, start - 200)
    window = tokenize(text[lo : min(len(text), end + 200)])
    s, e = snap_to_tokens([(a + lo, b + lo) for a, b in window], start, end)
    return s, e
