"""Knowledge-base matching: rank known entities for a selected text (DESIGN §7).

``Matcher(entities).rank(query)`` scores every entity by its best alias.
Candidates come cheaply (rapidfuzz ``process.extract`` with ``fuzz.ratio``
over precomputed normalised keys and over their word-sorted forms, shared
words, acronyms); only those few are rescored with the costlier combined
scorer. Pre-annotation of whole texts lives in ``annotator.core.mentions``
and is re-exported here.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from annotator.core.kbindex import AliasIndex, Owner
from annotator.core.mentions import find_mentions, occurrences
from annotator.core.model import Entity
from annotator.core.normalise import initials, normalise, sorted_key

__all__ = ["Candidate", "Matcher", "find_mentions", "occurrences"]

_ACRONYM_SCORE = 95.0
_COMPACT_SCORE = 98.0
_FUZZY_CEILING = 99.0
_SHARED_WORD_CANDIDATES = 200
_LENGTH_PENALTY = 25.0


@dataclass(frozen=True, slots=True)
class Candidate:
    """A ranked entity: its id, canonical name, type, the alias that matched, 0-100."""

    entity_id: int | None
    name: str
    type: str
    alias: str
    score: float


class Matcher:
    """Ranks knowledge-base entities against a query (and feeds pre-annotation)."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        """Index the aliases of ``entities``; build once, query many times."""
        self.index = AliasIndex(entities)

    def __len__(self) -> int:
        """How many distinct normalised aliases the matcher knows."""
        return len(self.index.keys)

    def rank(
        self, query: str, type: str | None = None, limit: int = 10, *, min_score: float = 60.0
    ) -> list[Candidate]:
        """The best ``limit`` entities for ``query``, best first, one row per entity.

        An exact normalised alias match scores 100 and always comes first;
        everything else scores at most 99. ``type`` keeps one entity type.
        """
        key = normalise(query)
        if not key or limit <= 0:
            return []
        floors = self._candidates(key, query, type, limit)
        best: dict[int, tuple[float, Owner]] = {}
        for kid, floor in floors.items():
            exact = floor >= 100.0
            similarity = 100.0 if exact else max(floor, _similarity(key, self.index.keys[kid]))
            for owner in self.index.owners[kid]:
                if type is not None and owner.entity.type != type:
                    continue
                score = 100.0 if exact else _weighted(similarity, owner.count)
                previous = best.get(id(owner.entity))
                if previous is None or (score, owner.count) > (previous[0], previous[1].count):
                    best[id(owner.entity)] = (score, owner)
        ranked = sorted(best.values(), key=lambda so: (-so[0], -so[1].count, so[1].entity.name))
        return [_candidate(score, owner) for score, owner in ranked[:limit] if score >= min_score]

    def _candidates(self, key: str, query: str, type: str | None, limit: int) -> dict[int, float]:
        """Key ids worth rescoring, each with a score floor (100 for exact).

        Candidates come from the index (exact, space-free and acronym hits,
        keys sharing a word or a near word), cut to the best few by the cheap
        ``fuzz.ratio`` on the plain and word-sorted keys. Only when the index
        offers nothing (a word misspelt twice) are all keys scanned.
        """
        shared = self._shared_words(key)
        if type is not None:
            owners = self.index.owners
            shared = [k for k in shared if any(o.entity.type == type for o in owners[k])]
        floors: dict[int, float] = dict.fromkeys(shared, 0.0)
        many = max(50, limit * 5)
        exact = self._exact_floors(key, query)
        if len(floors) > many:
            floors = dict.fromkeys(self._closest(key, shared, many), 0.0)
        elif not floors and not exact:
            floors = dict.fromkeys(self._scan(key, type, many), 0.0)
        for kid, floor in exact:
            floors[kid] = max(floors.get(kid, 0.0), floor)
        return floors

    def _closest(self, key: str, kids: list[int], many: int) -> set[int]:
        """The ``many`` best of ``kids`` by ``fuzz.ratio``, plain and word-sorted."""
        keys = self.index.keys
        sorted_query = sorted_key(key)
        found: set[int] = set()
        for query_key, choices in (
            (key, [keys[k] for k in kids]),
            (sorted_query, [sorted_key(keys[k]) for k in kids]),
        ):
            hits = process.extract(
                query_key, choices, scorer=fuzz.ratio, processor=None, limit=many
            )
            found.update(kids[pos] for _, _, pos in hits)
        return found

    def _scan(self, key: str, type: str | None, many: int) -> set[int]:
        """The fallback: the best keys of all by ``fuzz.ratio`` (one scan)."""
        choices = self.index.choices(type)
        hits = process.extract(
            key, choices.keys, scorer=fuzz.ratio, processor=None, limit=many, score_cutoff=40
        )
        return {choices.ids[pos] for _, _, pos in hits}

    def _exact_floors(self, key: str, query: str) -> list[tuple[int, float]]:
        """Exact, space-insensitive and acronym hits with their score floors."""
        hits: list[tuple[int, float]] = []
        exact = self.index.lookup(key)
        if exact is not None:
            hits.append((exact, 100.0))
        compact = self.index.lookup_compact(key)
        if compact is not None and compact != exact:
            hits.append((compact, _COMPACT_SCORE))
        if " " not in key and 2 <= len(key) <= 10:
            hits.extend((kid, _ACRONYM_SCORE) for kid in self.index.acronym(key))
        for acronym in initials(query):
            kid = self.index.lookup(acronym)
            if kid is not None:
                hits.append((kid, _ACRONYM_SCORE))
        return hits

    def _shared_words(self, key: str) -> list[int]:
        """Keys sharing the most rare words (or near-words) with ``key``, shortest first.

        Common words ("kabupaten") only count when the query has no other;
        then the shortest keys holding them are taken.
        """
        index = self.index
        near = set().union(*(index.close_words(w) for w in set(key.split())))
        rare = [w for w in near if not index.is_common(w)]
        if not rare:
            return [kid for w in near for kid in index.postings[w][:_SHARED_WORD_CANDIDATES]]
        hits: Counter[int] = Counter()
        for word in rare:
            hits.update(index.postings[word])
        keys = index.keys
        return heapq.nsmallest(
            _SHARED_WORD_CANDIDATES, hits, key=lambda kid: (-hits[kid], len(keys[kid]))
        )


def _similarity(query: str, key: str) -> float:
    """Combined 0-100 similarity of two normalised keys.

    The best of WRatio (typos, order, partial) and token_set_ratio (one name
    inside the other), the latter docked for a difference in length.
    """
    weighted = fuzz.WRatio(query, key, processor=None)
    token_set = fuzz.token_set_ratio(query, key, processor=None)
    shorter, longer = sorted((len(query), len(key)))
    penalised = token_set - _LENGTH_PENALTY * (1.0 - shorter / longer)
    return float(max(weighted, penalised))


def _weighted(similarity: float, count: int) -> float:
    """A fuzzy score nudged up (at most 2 points) for frequently seen aliases."""
    return min(_FUZZY_CEILING, similarity + min(2.0, math.log2(count) / 2.0))


def _candidate(score: float, owner: Owner) -> Candidate:
    entity = owner.entity
    return Candidate(entity.id, entity.name, entity.type, owner.alias, round(score, 1))
