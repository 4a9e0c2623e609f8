"""A regex's ``search`` (or ``finditer``) that skips the regex for strings it cannot match.

spaCy's prefix rules are one regex of some 170 alternatives, each anchored
with ``^``; Python's ``re`` tries them one after the other, about 20 µs a
word, and a word met for the first time is asked several times. Nearly every
alternative starts with a punctuation mark or a currency sign, so a word that
starts with a letter can be answered "no match" from a set of characters.
:class:`FirstCharGate` reads, from the parsed pattern, which characters can
start a match at the string's start and which can start one anywhere (an
alternative without ``^``); :class:`FirstCharFinder` does the same for
spaCy's infix rules (``finditer``), and :class:`LastCharGate` for its suffix
rules, every alternative anchored with ``$``, from the characters that can
end a match. A pattern none of them can read that way is simply always
searched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as sre  # type: ignore[attr-defined]  # the parser's opcodes
from re import _parser  # type: ignore[attr-defined]  # re's own parser (sre_parse before 3.11)
from typing import Any

MAX_CHARS = 50_000  # a character class larger than this is not worth a set
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
_LOOKS = {sre.ASSERT, sre.ASSERT_NOT}


class UnreadableError(Exception):
    """The pattern holds something whose first characters are not worked out here."""


class FirstCharGate:
    """``pattern.search``, the same answers, without searching a string that starts with
    none of the characters that can start a match there and holds none of those that
    can start one anywhere."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.search = pattern.search
        self.first: frozenset[str] | None
        try:
            self.first, self.anywhere = first_chars(pattern)
        except (UnreadableError, AttributeError, TypeError, ValueError, IndexError):
            self.first, self.anywhere = None, frozenset()  # another Python's parser: search all

    def __call__(self, text: str) -> re.Match[str] | None:
        return None if self.rules_out(text) else self.search(text)

    def rules_out(self, text: str) -> bool:
        """Whether no match can start in ``text``, from its characters alone."""
        first, anywhere = self.first, self.anywhere
        skip = first is not None and text and text[0] not in first
        return bool(skip and (not anywhere or anywhere.isdisjoint(text)))


class FirstCharFinder:
    """``pattern.finditer``, the same matches, without searching a string that cannot
    hold one (as :class:`FirstCharGate` decides)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.finditer = pattern.finditer
        self.gate = FirstCharGate(pattern)

    def __call__(self, text: str) -> Iterator[re.Match[str]]:
        return iter(()) if self.gate.rules_out(text) else self.finditer(text)


class LastCharGate:
    """``pattern.search`` for a pattern whose every alternative ends with ``$``: the same
    answers, without searching a string that ends with none of the characters that can
    end a match."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.search = pattern.search
        self.last: frozenset[str] | None
        try:
            self.last = last_chars(pattern)
        except (UnreadableError, AttributeError, TypeError, ValueError, IndexError):
            self.last = None  # another Python's parser: search all

    def __call__(self, text: str) -> re.Match[str] | None:
        last = self.last
        if last is not None and text and text[-1] not in last and text[-1] != "\n":
            return None  # (``$`` matches before a last newline too)
        return self.search(text)


def last_chars(pattern: re.Pattern[str]) -> frozenset[str]:
    """The characters that can end a match of ``pattern``, each of whose alternatives must
    end with ``$`` (else :class:`UnreadableError`)."""
    if pattern.flags & (re.IGNORECASE | re.MULTILINE):
        raise UnreadableError("case-insensitive or multi-line")
    ends = {sre.AT_END, sre.AT_END_STRING}
    last: set[str] = set()
    for alternative in _alternatives(_parser.parse(pattern.pattern, pattern.flags)):
        rest = _consuming_to(alternative)
        skipped = alternative[len(rest) :]
        if not any(op is sre.AT and av in ends for op, av in skipped):
            raise UnreadableError("an alternative that can end anywhere")
        last |= _edge(rest, last=True)
    return frozenset(last)


def _consuming_to(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """``items`` up to the last that consumes a character (anchors and lookarounds after
    it skipped: they only ever narrow what matches)."""
    end = len(items)
    while end and (items[end - 1][0] is sre.AT or items[end - 1][0] in _LOOKS):
        end -= 1
    return items[:end]


def first_chars(pattern: re.Pattern[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The characters that can start a match of ``pattern`` at a string's start, and those
    that can start one further in; raises :class:`UnreadableError`."""
    if pattern.flags & re.IGNORECASE:
        raise UnreadableError("case-insensitive")
    starts = {sre.AT_BEGINNING_STRING}
    if not pattern.flags & re.MULTILINE:  # else ``^`` matches after every newline too
        starts.add(sre.AT_BEGINNING)
    first: set[str] = set()
    anywhere: set[str] = set()
    for alternative in _alternatives(_parser.parse(pattern.pattern, pattern.flags)):
        rest = _consuming(alternative)
        skipped = alternative[: len(alternative) - len(rest)]
        anchored = any(op is sre.AT and av in starts for op, av in skipped)
        (first if anchored else anywhere).update(_edge(rest, last=False))
    return frozenset(first | anywhere), frozenset(anywhere)


def _alternatives(parsed: Any) -> list[list[tuple[Any, Any]]]:
    """The top-level alternatives of a parsed pattern, each a list of (opcode, argument)."""
    items = list(parsed)
    if len(items) == 1 and items[0][0] is sre.BRANCH:
        return [list(branch) for branch in items[0][1][1]]
    return [items]


def _consuming(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """``items`` from the first that consumes a character (anchors and lookarounds skipped:
    they only ever narrow what matches)."""
    at = 0
    while at < len(items) and (items[at][0] is sre.AT or items[at][0] in _LOOKS):
        at += 1
    return items[at:]


def _edge(items: list[tuple[Any, Any]], last: bool) -> set[str]:
    """The characters that can come first (or ``last``) in a match of ``items``."""
    items = _consuming_to(items) if last else _consuming(items)
    if not items:
        raise UnreadableError("an alternative that can match nothing")
    op, av = items[-1 if last else 0]
    if op is sre.LITERAL:
        return {chr(av)}
    if op is sre.IN:
        return _class(av)
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, inner = av
        if add_flags & re.IGNORECASE:
            raise UnreadableError("case-insensitive group")
        return _edge(list(inner), last)
    if op is sre.BRANCH:
        return set().union(*(_edge(list(branch), last) for branch in av[1]))
    if op in _REPEATS and av[0] >= 1:
        return _edge(list(av[2]), last)
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _edge(list(av), last)
    raise UnreadableError(str(op))


def _class(members: list[tuple[Any, Any]]) -> set[str]:
    """The characters of a character class ``[...]`` of literals and ranges."""
    chars: set[str] = set()
    for op, av in members:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < MAX_CHARS - len(chars):
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:
            raise UnreadableError(str(op))
    return chars
