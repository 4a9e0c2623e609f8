"""Benchmark knowledge-base matching on a synthetic Indonesian-like KB.

Run: ``.venv/bin/python bench/bench_suggest.py [--aliases 50000]``. Prints the
build time, the median and 95th-percentile latency of ``Matcher.rank``, and
pre-annotation times for a ~3 KB release and a ~100 KB document, next to a
floor: tokenising the same text and one dict lookup per token.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from functools import partial

from annotator.core.model import Alias, Entity
from annotator.core.suggest import Matcher, find_mentions
from annotator.core.tokens import tokenize

_ONSETS = ["b", "d", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "w", "y", "ng", "ny"]
_VOWELS = ["a", "a", "i", "u", "e", "o"]
_CODAS = ["", "", "", "n", "ng", "r", "t", "s", "h", "k"]
_SECTORS = ["Pendidikan", "Kesehatan", "Perhubungan", "Pekerjaan Umum", "Sosial", "Pariwisata"]
_FILLER = (
    "Dalam upaya memastikan kelancaran kegiatan tersebut, seluruh personel diminta siaga. "
    "Kegiatan ini berjalan aman dan lancar berkat koordinasi yang baik antara semua pihak. "
    "Masyarakat diharapkan ikut menjaga ketertiban selama proses berlangsung. "
)


def _word(rng: random.Random) -> str:
    syllables = rng.randint(2, 3)
    parts = (rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables))
    return ("".join(parts) + rng.choice(_CODAS)).capitalize()


def _entity(rng: random.Random, n: int) -> Entity:
    place, person = _word(rng), f"{_word(rng)} {_word(rng)}"
    kind = n % 5
    if kind == 0:
        return Entity(
            person, "PER", aliases=(Alias(person, 3), Alias(f"Kombes Pol. {person}")), id=n
        )
    if kind == 1:
        sector = rng.choice(_SECTORS)
        name = f"Dinas {sector} Kabupaten {place}"
        short = f"Dinas {sector} {place}"
        return Entity(name, "ORG", aliases=(Alias(name), Alias(short, 2)), id=n)
    if kind == 2:
        return Entity(f"Polres {place}", "ORG", aliases=(Alias(f"Polres {place}", 4),), id=n)
    if kind == 3:
        name = f"Kabupaten {place}"
        return Entity(
            name, "LOC", aliases=(Alias(name), Alias(place, 5), Alias(f"Kab. {place}")), id=n
        )
    words = [_word(rng) for _ in range(3)]
    name = "Badan " + " ".join(words)
    acronym = "B" + "".join(w[0] for w in words)
    return Entity(name, "ORG", aliases=(Alias(name), Alias(acronym)), id=n)


def build_kb(aliases: int, seed: int = 7) -> list[Entity]:
    """Entities until their aliases number at least ``aliases``."""
    rng = random.Random(seed)
    entities: list[Entity] = []
    total = 0
    while total < aliases:
        entity = _entity(rng, len(entities))
        entities.append(entity)
        total += len(entity.aliases)
    return entities


def _typo(rng: random.Random, text: str) -> str:
    i = rng.randrange(1, max(2, len(text) - 1))
    return text[:i] + text[i + 1 :]


_VARIANTS = ("typo", "reversed", "upper case", "first word")


def _queries(rng: random.Random, entities: list[Entity], n: int) -> list[tuple[str, str, int]]:
    """``(variant, query, entity id)``: an alias misspelt, reordered, shouted or cut short."""
    queries: list[tuple[str, str, int]] = []
    for entity in rng.sample(entities, n):
        alias = rng.choice(entity.aliases).text
        variant = _VARIANTS[rng.randrange(len(_VARIANTS))]
        if variant == "typo":
            query = _typo(rng, alias)
        elif variant == "reversed":
            query = " ".join(reversed(alias.split()))
        elif variant == "upper case":
            query = alias.upper()
        else:
            query = alias.split()[0]
        queries.append((variant, query, entity.id or 0))
    return queries


def make_document(rng: random.Random, entities: list[Entity], size: int) -> str:
    """Filler sentences with KB mentions (one in five misspelt), ``size`` characters."""
    parts: list[str] = []
    length = 0
    while length < size:
        alias = rng.choice(rng.choice(entities).aliases).text
        if rng.random() < 0.2:
            alias = _typo(rng, alias)
        sentence = f"Menurut {alias}, kegiatan di {rng.choice(entities).name} berjalan baik. "
        parts.append(sentence + _FILLER[: rng.randrange(40, len(_FILLER))] + "\n")
        length += len(parts[-1])
    return "".join(parts)[:size]


def _time(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of ``fn`` in milliseconds."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def _floor(text: str, table: dict[str, int]) -> int:
    hits = 0
    for start, end in tokenize(text):
        if text[start:end].casefold() in table:
            hits += 1
    return hits


def bench_rank(matcher: Matcher, entities: list[Entity], rng: random.Random) -> None:
    """Print the latency of ``rank`` and how often it puts the right entity first."""
    latencies = []
    recall: dict[str, list[int]] = {v: [0, 0, 0] for v in _VARIANTS}  # top-1, top-10, total
    for variant, query, entity_id in _queries(rng, entities, 300):
        t0 = time.perf_counter()
        ranked = matcher.rank(query)
        latencies.append((time.perf_counter() - t0) * 1000)
        ids = [c.entity_id for c in ranked]
        counts = recall[variant]
        counts[0] += ids[:1] == [entity_id]
        counts[1] += entity_id in ids
        counts[2] += 1
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95)]
    print(f"rank(): median {statistics.median(latencies):.2f} ms, p95 {p95:.2f} ms (300 queries)")
    for variant, (top1, top10, total) in recall.items():
        print(f"  {variant:>10}: right entity first {top1}/{total}, in top 10 {top10}/{total}")
    typed = [matcher.rank(q, type="LOC") for _, q, _ in _queries(rng, entities, 5)]
    assert all(c.type == "LOC" for cs in typed for c in cs)


def bench_mentions(matcher: Matcher, entities: list[Entity], rng: random.Random) -> None:
    """Print pre-annotation times for a release and a long document, and the floor."""
    table = {a.text.casefold(): 1 for e in entities for a in e.aliases}
    for label, size in (("3 KB release", 3_000), ("100 KB document", 100_000)):
        text = make_document(rng, entities, size)
        floor = _time(partial(_floor, text, table))
        exact = _time(partial(find_mentions, text, matcher, fuzzy=False))
        both = _time(partial(find_mentions, text, matcher), repeat=3)
        found = len(find_mentions(text, matcher))
        print(
            f"{label} ({len(text)} chars, {len(tokenize(text))} tokens): "
            f"exact {exact:.1f} ms, exact+fuzzy {both:.1f} ms, {found} mentions; "
            f"floor (tokenize + dict lookup per token) {floor:.1f} ms"
        )


def main() -> None:
    """Build the KB, then print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--aliases", type=int, default=50_000)
    args = parser.parse_args()
    entities = build_kb(args.aliases)
    start = time.perf_counter()
    matcher = Matcher(entities)
    build = time.perf_counter() - start
    n_aliases = sum(len(e.aliases) for e in entities)
    print(f"KB: {len(entities)} entities, {n_aliases} aliases, {len(matcher)} distinct keys")
    print(f"Matcher build: {build:.2f} s")
    rng = random.Random(11)
    bench_rank(matcher, entities, rng)
    bench_mentions(matcher, entities, rng)


if __name__ == "__main__":
    main()
