"""Lookup structures over the aliases of knowledge-base entities.

An ``AliasIndex`` holds each distinct normalised alias once (a "key") with
the entities that own it, plus what matching needs to stay fast on tens of
thousands of aliases: exact and space-free key dicts, the word prefixes of
every key (to stop growing an n-gram early), acronyms, word postings and a
deletion index that finds words one edit away.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.model import Alias, Entity
from annotator.core.normalise import initials, normalise, sorted_key

_MIN_DELETION_WORD = 4
_SEP = "\x1f"
#: Bumped whenever the layout of :meth:`AliasIndex.to_state` changes.
STATE_VERSION = 1


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
        self.owners: Sequence[list[Owner]] = []
        self.words: list[tuple[str, ...]] = []
        self._ids: dict[str, int] = {}
        for entity in entities:
            for alias in _surfaces(entity):
                self._add(entity, alias)
        for owners in self.owners:
            owners.sort(key=lambda o: -o.count)
        self._compact = {k.replace(" ", ""): i for i, k in reversed(list(enumerate(self.keys)))}
        self._prefixes = {" ".join(w[:n]) for w in self.words for n in range(1, len(w))}
        self._acronyms = self._build_acronyms()
        self.postings: Mapping[str, Sequence[int]] = self._build_postings()  # shortest key first
        self._deletions = self._build_deletions()
        self._finish()
        self.anchored = [any(not self.is_common(w) for w in words) for words in self.words]

    def _finish(self) -> None:
        """Derived fields, cheap to recompute (after building or loading)."""
        self.max_words = max((len(w) for w in self.words), default=0)
        self._typed: dict[str | None, TypedChoices] = {}
        self._common_size = max(50, len(self.keys) // 500)
        self._loose: dict[str, list[int]] = {}

    def to_state(self) -> tuple[Any, ...]:
        """The index as plain built-in values (for ``marshal``): a cache of the build."""
        entities: dict[int, int] = {}
        table: list[tuple[int | None, str, str]] = []
        owners = []
        for row in self.owners:
            packed = []
            for o in row:
                pos = entities.get(id(o.entity))
                if pos is None:
                    pos = entities[id(o.entity)] = len(table)
                    table.append((o.entity.id, o.entity.name, o.entity.type))
                packed.append((pos, o.alias, o.count))
            owners.append(packed)
        postings = {w: array("i", kids).tobytes() for w, kids in self.postings.items()}
        return (
            STATE_VERSION,
            self.keys,
            table,
            owners,
            self._compact,
            list(self._prefixes),
            self._acronyms,
            postings,
            self._deletions,
            bytes(self.anchored),
        )

    @classmethod
    def from_state(cls, state: tuple[Any, ...]) -> AliasIndex:
        """An index back from :meth:`to_state`, without rebuilding it."""
        version, keys, table, owners, compact, prefixes, acronyms, postings, deletions, anchored = (
            state
        )
        if version != STATE_VERSION:
            raise ValueError(f"alias index state version {version}, not {STATE_VERSION}")
        index = cls.__new__(cls)
        index.keys = keys
        index.words = [tuple(k.split()) for k in keys]
        index._ids = {k: i for i, k in enumerate(keys)}
        index.owners = _OwnerTable(table, owners)
        index._compact = compact
        index._prefixes = set(prefixes)
        index._acronyms = acronyms
        index.postings = _Postings(postings)
        index._deletions = deletions
        index._finish()
        index.anchored = [bool(b) for b in anchored]
        return index

    def _add(self, entity: Entity, alias: Alias) -> None:
        key = normalise(alias.text)
        if not key:
            return
        kid = self._ids.get(key)
        if kid is None:
            kid = self._ids[key] = len(self.keys)
            self.keys.append(key)
            self.owners.append([])  # type: ignore[attr-defined]
            self.words.append(tuple(key.split()))
        self.owners[kid].append(Owner(entity, alias.text, max(1, alias.count)))

    def _build_acronyms(self) -> dict[str, list[int]]:
        acronyms: dict[str, set[int]] = defaultdict(set)
        for kid, owners in enumerate(self.owners):
            for owner in owners:
                for acronym in initials(owner.alias):
                    acronyms[acronym].add(kid)
        return {a: sorted(ids) for a, ids in acronyms.items()}

    def _build_postings(self) -> dict[str, Sequence[int]]:
        postings: dict[str, list[int]] = defaultdict(list)
        for kid, words in enumerate(self.words):
            for word in set(words):
                postings[word].append(kid)
        return {w: sorted(kids, key=lambda k: len(self.keys[k])) for w, kids in postings.items()}

    def _build_deletions(self) -> dict[str, str]:
        deletions: dict[str, list[str]] = defaultdict(list)
        for word in self.postings:
            for variant in _variants(word):
                deletions[variant].append(word)
        return {variant: _SEP.join(words) for variant, words in deletions.items()}

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

    def unanchored(self, word: str) -> Sequence[int]:
        """Ids of keys holding ``word`` whose words are all common ("Dinas Kabupaten")."""
        found = self._loose.get(word)
        if found is None:
            kids = self.postings.get(word, ())
            found = self._loose[word] = [k for k in kids if not self.anchored[k]]
        return found

    def acronym(self, word: str) -> Sequence[int]:
        """Ids of aliases whose initials spell ``word``."""
        return self._acronyms.get(word, [])

    def close_words(self, word: str) -> set[str]:
        """Alias words equal to ``word`` or about one edit away from it."""
        found = {word} if word in self.postings else set()
        for variant in _variants(word):
            words = self._deletions.get(variant)
            if words is not None:
                found.update(words.split(_SEP))
        return found

    def choices(self, type: str | None) -> TypedChoices:
        """The keys owned by entities of ``type`` (all keys for None)."""
        typed = self._typed.get(type)
        if typed is None and type is None:
            typed = self._typed[None] = self._choices(range(len(self.keys)))
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


class _Postings(Mapping[str, Sequence[int]]):
    """Word postings loaded as bytes, turned into integer arrays on first use."""

    def __init__(self, raw: dict[str, bytes]) -> None:
        self._raw = raw
        self._done: dict[str, Sequence[int]] = {}

    def __getitem__(self, word: str) -> Sequence[int]:
        found = self._done.get(word)
        if found is None:
            ints = array("i")
            ints.frombytes(self._raw[word])
            found = self._done[word] = ints
        return found

    def __contains__(self, word: object) -> bool:
        return word in self._raw

    def __len__(self) -> int:
        return len(self._raw)

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)


class _OwnerTable(Sequence[list[Owner]]):
    """Owners of each key, built on first use from a loaded state."""

    def __init__(
        self, table: list[tuple[int | None, str, str]], owners: list[list[tuple[int, str, int]]]
    ) -> None:
        self._table = table
        self._packed = owners
        self._entities: dict[int, Entity] = {}
        self._rows: dict[int, list[Owner]] = {}

    def __len__(self) -> int:
        return len(self._packed)

    def __getitem__(self, kid: int) -> list[Owner]:  # type: ignore[override]
        row = self._rows.get(kid)
        if row is None:
            row = self._rows[kid] = [
                Owner(self._entity(pos), alias, count) for pos, alias, count in self._packed[kid]
            ]
        return row

    def __iter__(self) -> Iterator[list[Owner]]:
        return (self[kid] for kid in range(len(self._packed)))

    def _entity(self, pos: int) -> Entity:
        entity = self._entities.get(pos)
        if entity is None:
            entity_id, name, type_ = self._table[pos]
            entity = self._entities[pos] = Entity(name, type_, id=entity_id)
        return entity
