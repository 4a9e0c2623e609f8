"""Pre-annotation: every mention of a known alias in a text, exact and fuzzy.

The text is cut into word units once (``normalise.word_units``). The exact
pass looks up unit n-grams in the dict of normalised aliases, growing an
n-gram only while it is the prefix of some alias, so it costs about one dict
lookup per unit; the longest match wins, then the earliest. The fuzzy pass
compares the n-grams left uncovered with the aliases that share a word (or a
near word) with the document, using rapidfuzz.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from annotator.core.kbindex import AliasIndex
from annotator.core.model import EntityRef, Suggestion
from annotator.core.normalise import (
    STOPWORDS,
    WordUnit,
    attached_prefix,
    strip_clitic,
    word_units,
)
from annotator.core.tokens import tokenize

if TYPE_CHECKING:
    from annotator.core.suggest import Matcher

_COMPACT_SCORE = 97.0
_AFFIX_SCORE = 95.0
_MIN_FUZZY_KEY = 5
_MAX_FUZZY_WORDS = 8


@dataclass(frozen=True, slots=True)
class _Match:
    """A mention: units ``[first, last]``, code points ``[start, end)``, an alias key id."""

    first: int
    last: int
    start: int
    end: int
    kid: int
    score: float


def find_mentions(
    text: str, matcher: Matcher, min_score: float = 85.0, fuzzy: bool = True
) -> list[Suggestion]:
    """Suggestions for every mention of a known alias in ``text``, in text order.

    Exact mentions (case-, accent- and punctuation-insensitive, on word
    boundaries) score 100 and never overlap. With ``fuzzy``, the words they
    leave uncovered are matched against near variants (spelling, spacing,
    attached clitics and prepositions) scoring at least ``min_score``.
    """
    index = matcher.index
    units = word_units(text)
    chosen = _resolve(_exact_matches(units, index), len(units))
    if fuzzy:
        covered = [False] * len(units)
        for match in chosen:
            covered[match.first : match.last + 1] = [True] * (match.last - match.first + 1)
        found = _FuzzyPass(text, units, covered, index, min_score).run()
        chosen += _resolve(found, len(units))
    chosen.sort(key=lambda m: m.start)
    return [_suggestion(match, index) for match in chosen]


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Every case-insensitive whole-word occurrence of ``surface`` in ``text``.

    White space inside ``surface`` matches any white space. The occurrence a
    caller started from is included; drop it by its offsets if unwanted.
    """
    parts = surface.split()
    if not parts:
        return []
    pattern = re.compile(r"\s+".join(re.escape(p) for p in parts), re.IGNORECASE)
    starts: set[int] = set()
    ends: set[int] = set()
    for start, end in tokenize(text):
        starts.add(start)
        ends.add(end)
    for unit in word_units(text):
        starts.add(unit.start)
        ends.add(unit.end)
    return [m.span() for m in pattern.finditer(text) if m.start() in starts and m.end() in ends]


def _exact_matches(units: list[WordUnit], index: AliasIndex) -> list[_Match]:
    """The longest alias starting at each unit, if any."""
    matches: list[_Match] = []
    for first, unit in enumerate(units):
        key = unit.key
        found: _Match | None = None
        for last in range(first, min(len(units), first + index.max_words)):
            if last > first:
                if not units[last].joined:
                    break
                key = f"{key} {units[last].key}"
            kid = index.lookup(key)
            if kid is not None:
                found = _Match(first, last, unit.start, units[last].end, kid, 100.0)
            if not index.is_prefix(key):
                break
        if found is not None:
            matches.append(found)
    return matches


def _resolve(matches: list[_Match], size: int) -> list[_Match]:
    """Non-overlapping matches: best score, then longest, then earliest."""
    taken = [False] * size
    kept: list[_Match] = []
    for match in sorted(matches, key=lambda m: (-m.score, m.start - m.end, m.start)):
        if not any(taken[match.first : match.last + 1]):
            taken[match.first : match.last + 1] = [True] * (match.last - match.first + 1)
            kept.append(match)
    return kept


def _suggestion(match: _Match, index: AliasIndex) -> Suggestion:
    owner = index.owners[match.kid][0]
    entity = owner.entity
    ref = EntityRef(entity.id, entity.name, entity.type)
    return Suggestion(match.start, match.end, entity.type, round(match.score, 1), ref)


class _FuzzyPass:
    """Near-variant mentions among the units no exact mention covers."""

    def __init__(
        self,
        text: str,
        units: list[WordUnit],
        covered: list[bool],
        index: AliasIndex,
        min_score: float,
    ) -> None:
        self.text = text
        self.units = units
        self.covered = covered
        self.index = index
        self.min_score = min_score
        self.postings = self._document_postings()
        self.max_n = min(_MAX_FUZZY_WORDS, index.max_words + 1)
        self.cache: dict[str, tuple[int, float] | None] = {}
        self.glued: dict[int, int] = {}

    def _document_postings(self) -> dict[str, set[int]]:
        """For each document word, the aliases it may be a variant of.

        An alias is a candidate when all but at most one of its words are near
        some word of the document. A document word points at the candidates
        that hold a near word, through rare words only ("Bulungan", not
        "Kabupaten") unless the alias has none, so candidate lists stay short.
        """
        index = self.index
        words = {
            w
            for u, c in zip(self.units, self.covered, strict=True)
            if not c
            for w in u.key.split()
            if w not in STOPWORDS and len(w) >= 3
        }
        close = {w: index.close_words(w) for w in words}
        near: set[str] = set().union(*close.values()) if close else set()
        common = {w for w in near if index.is_common(w)}
        seen: set[int] = set()
        for word in near:
            seen.update(index.unanchored(word) if word in common else index.postings[word])
        keep = [kid for kid in seen if self._plausible(kid, near)]
        by_near: dict[str, list[str]] = {}
        for word, close_words in close.items():
            for c in close_words:
                by_near.setdefault(c, []).append(word)
        postings: dict[str, set[int]] = {}
        for kid in keep:
            anchored = index.anchored[kid]
            for c in index.words[kid]:
                if anchored and c in common:
                    continue
                for word in by_near.get(c, ()):
                    postings.setdefault(word, set()).add(kid)
        return postings

    def _plausible(self, kid: int, near: set[str]) -> bool:
        """Whether an alias is long enough and all but one of its words are near."""
        words = self.index.words[kid]
        if len(self.index.keys[kid]) < _MIN_FUZZY_KEY:
            return False
        if len(words) == 1:
            return words[0] in near
        misses = 0
        for w in words:
            if w not in near:
                misses += 1
                if misses > 1:
                    return False
        return True

    def run(self) -> list[_Match]:
        """Every fuzzy match of every uncovered, unbroken n-gram."""
        matches: list[_Match] = []
        units = self.units
        for first in range(len(units)):
            if self.covered[first] or units[first].key in STOPWORDS:
                continue
            key = ""
            for last in range(first, min(len(units), first + self.max_n)):
                if self.covered[last] or (last > first and not units[last].joined):
                    break
                key = units[last].key if last == first else f"{key} {units[last].key}"
                if units[last].key in STOPWORDS:
                    continue
                match = self._match(first, last, key)
                if match is not None:
                    matches.append(match)
        return matches

    def _match(self, first: int, last: int, key: str) -> _Match | None:
        """A near alias of the n-gram ``units[first..last]`` written like a name."""
        match = self._near_alias(first, last, key)
        if match is None:
            return None
        alias = self.index.owners[match.kid][0].alias
        if alias[:1].isupper() and not self.text[match.start : match.start + 1].isupper():
            return None  # "siaga" is a word, not a misspelt "Saga"
        return match

    def _near_alias(self, first: int, last: int, key: str) -> _Match | None:
        """The best near alias of the n-gram ``units[first..last]``, if any."""
        start, end = self.units[first].start, self.units[last].end
        kid = self.index.lookup_compact(key)
        if kid is not None:
            return _Match(first, last, start, end, kid, _COMPACT_SCORE)
        affixed = self._affixed(first, last, key)
        if affixed is not None:
            return affixed
        if key not in self.cache:
            self.cache[key] = self._nearest(key)
        found = self.cache[key]
        if found is None:
            return None
        return _Match(first, last, start, end, found[0], found[1])

    def _affixed(self, first: int, last: int, key: str) -> _Match | None:
        """An alias under a glued clitic ("Kaltaranya") or preposition ("diKaltara")."""
        head, tail = self.units[first], self.units[last]
        stripped = strip_clitic(key) if tail.end - tail.start == len(tail.key) else None
        if stripped is not None:
            kid = self.index.lookup(stripped[0])
            if kid is not None:
                return _Match(first, last, head.start, tail.end - stripped[1], kid, _AFFIX_SCORE)
        glued = self.glued.get(first)
        if glued is None:
            glued = self.glued[first] = attached_prefix(self.text[head.start : head.end])
        if glued and len(head.key) > glued:
            kid = self.index.lookup(key[glued:])
            if kid is not None:
                return _Match(first, last, head.start + glued, tail.end, kid, _AFFIX_SCORE)
        return None

    def _nearest(self, key: str) -> tuple[int, float] | None:
        """The closest alias to ``key`` by ``fuzz.ratio``, within a few edits.

        The first letter must agree: in Indonesian it is often a word of its own
        ("Kapolda" is the chief, "Mapolda" the headquarters).
        """
        if len(key) < _MIN_FUZZY_KEY:
            return None
        kids: set[int] = set()
        for word in key.split():
            kids.update(self.postings.get(word, ()))
        if not kids:
            return None
        ids = sorted(kids)  # ties go to the same alias every run
        keys = [self.index.keys[k] for k in ids]
        for alias, score, pos in process.extract(
            key, keys, scorer=fuzz.ratio, processor=None, limit=5, score_cutoff=self.min_score
        ):
            if alias[0] == key[0] and Levenshtein.distance(key, alias) <= max(1, len(alias) // 10):
                return ids[pos], float(score)
        return None
