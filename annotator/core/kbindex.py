"""Lookup structures over the aliases of knowledge-base entities.

An ``AliasIndex`` holds each distinct normalised alias once (a "key") with
the entities that own it, plus what matching needs to stay fast on tens of
thousands of aliases: exact and space-free key dicts, the word prefixes of
every key (to stop growing an n-gram early), acronyms, word postings and a
deletion index that finds words one edit away.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.model import Alias, Entity
from annotator.core.normalise import initials, normalise, sorted_key

_MIN_DELETION_WORD = 4


@dataclass(frozen=True, slots=True)
class Owner:
    """An entity that owns a key, through one of its aliases."""

    entity: Entity
    alias: str
    count: int


@dataclass(frozen=True, slots=True)
class TypedChoices:
    """The keys owned by entities of one type (or all), for rapidfuzz."""

    keys: list[str]
    sorted_keys: list[str]
    ids: list[int]


class AliasIndex:
    """Every alias of a set of entities, indexed for exact and fuzzy lookup."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        """Index the aliases (and canonical name) of every entity."""
        self.keys: list[str] = []
        self.owners: list[list[Owner]] = []
        self.words: list[tuple[str, ...]] = []
        self._ids: dict[str, int] = {}
        for entity in entities:
            for alias in _surfaces(entity):
                self._add(entity, alias)
        for owners in self.owners:
            owners.sort(key=lambda o: -o.count)
        self.max_words = max((len(w) for w in self.words), default=0)
        self._compact = {k.replace(" ", ""): i for i, k in reversed(list(enumerate(self.keys)))}
        self._prefixes = {" ".join(w[:n]) for w in self.words for n in range(1, len(w))}
        self._acronyms = self._build_acronyms()
        self.postings = self._build_postings()  # word -> key ids, shortest key first
        self._deletions = self._build_deletions()
        self._typed: dict[str | None, TypedChoices] = {None: self._choices(range(len(self.keys)))}
        self._common_size = max(50, len(self.keys) // 500)
        self.anchored = [any(not self.is_common(w) for w in words) for words in self.words]

    def _add(self, entity: Entity, alias: Alias) -> None:
        key = normalise(alias.text)
        if not key:
            return
        kid = self._ids.get(key)
        if kid is None:
            kid = self._ids[key] = len(self.keys)
            self.keys.append(key)
            self.owners.append([])
            self.words.append(tuple(key.split()))
        self.owners[kid].append(Owner(entity, alias.text, max(1, alias.count)))

    def _build_acronyms(self) -> dict[str, list[int]]:
        acronyms: dict[str, set[int]] = defaultdict(set)
        for kid, owners in enumerate(self.owners):
            for owner in owners:
                for acronym in initials(owner.alias):
                    acronyms[acronym].add(kid)
        return {a: sorted(ids) for a, ids in acronyms.items()}

    def _build_postings(self) -> dict[str, list[int]]:
        postings: dict[str, list[int]] = defaultdict(list)
        for kid, words in enumerate(self.words):
            for word in set(words):
                postings[word].append(kid)
        return {w: sorted(kids, key=lambda k: len(self.keys[k])) for w, kids in postings.items()}

    def _build_deletions(self) -> dict[str, list[str]]:
        deletions: dict[str, list[str]] = defaultdict(list)
        for word in self.postings:
            for variant in _variants(word):
                deletions[variant].append(word)
        return dict(deletions)

    def _choices(self, ids: Iterable[int]) -> TypedChoices:
        id_list = list(ids)
        keys = [self.keys[i] for i in id_list]
        return TypedChoices(keys, [sorted_key(k) for k in keys], id_list)

    def lookup(self, key: str) -> int | None:
        """The id of a normalised key, if it is an alias."""
        return self._ids.get(key)

    def lookup_compact(self, key: str) -> int | None:
        """The id of the alias equal to ``key`` once spaces are ignored."""
        return self._compact.get(key.replace(" ", ""))

    def is_prefix(self, key: str) -> bool:
        """Whether some longer alias starts with the words of ``key``."""
        return key in self._prefixes

    def is_common(self, word: str) -> bool:
        """Whether ``word`` is in too many aliases to tell them apart ("kabupaten")."""
        return len(self.postings.get(word, ())) > self._common_size

    def acronym(self, word: str) -> list[int]:
        """Ids of aliases whose initials spell ``word``."""
        return self._acronyms.get(word, [])

    def close_words(self, word: str) -> set[str]:
        """Alias words equal to ``word`` or about one edit away from it."""
        found = {word} if word in self.postings else set()
        for variant in _variants(word):
            found.update(self._deletions.get(variant, ()))
        return found

    def choices(self, type: str | None) -> TypedChoices:
        """The keys owned by entities of ``type`` (all keys for None)."""
        typed = self._typed.get(type)
        if typed is None:
            ids = (
                i
                for i, owners in enumerate(self.owners)
                if any(o.entity.type == type for o in owners)
            )
            typed = self._typed[type] = self._choices(ids)
        return typed

    def best_owner(self, kid: int, type: str | None = None) -> Owner | None:
        """The most frequent owner of a key (of ``type`` when given)."""
        for owner in self.owners[kid]:
            if type is None or owner.entity.type == type:
                return owner
        return None


def _surfaces(entity: Entity) -> list[Alias]:
    """An entity's aliases, plus its canonical name when no alias spells it."""
    aliases = list(entity.aliases)
    if all(a.text != entity.name for a in aliases):
        aliases.append(Alias(entity.name))
    return aliases


def _variants(word: str) -> set[str]:
    """``word`` and its one-character deletions (long enough words only)."""
    if len(word) < _MIN_DELETION_WORD:
        return {word}
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}
