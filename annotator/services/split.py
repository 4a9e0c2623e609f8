"""Train / dev / test splits by document, near-duplicates kept in one part.

A press release is syndicated with small edits; with one copy in train and
another in test, a model is tested on what it learnt. So a split shuffles
groups of near-duplicates (the pairs the stored signatures find among the
selected documents, joined transitively) rather than single documents, and
puts each group whole into one part. A selection without near-duplicates is
split exactly as document by document (the same seed gives the same parts).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.services.export_part import ExportError
from annotator.services.neardups import NearDuplicate

PARTS = ("train", "dev", "test")


@dataclass(frozen=True, slots=True)
class Split:
    """Train / dev / test ratios by document, with a fixed seed; ``together``: near-duplicates
    go into the same part."""

    ratios: tuple[float, float, float] = (0.8, 0.1, 0.1)
    seed: int = 13
    together: bool = True

    def parts(
        self, ids: Sequence[int], groups: Sequence[Sequence[int]] = ()
    ) -> dict[str, list[int]]:
        """Ids for each part, shuffled reproducibly, each part in id order; each of
        ``groups`` (of ``ids``, disjoint) goes whole into the part its first place falls in,
        so a part may hold a few more documents than its ratio says."""
        if any(r < 0 for r in self.ratios) or not sum(self.ratios):
            raise ExportError(f"bad split ratios {self.ratios}")
        units = _units(ids, groups)
        random.Random(self.seed).shuffle(units)
        total = sum(self.ratios)
        n_train = round(len(ids) * self.ratios[0] / total)
        n_dev = round(len(ids) * self.ratios[1] / total)
        cuts: dict[str, list[int]] = {name: [] for name in PARTS}
        for unit in units:
            if len(cuts["train"]) < n_train:
                cuts["train"] += unit
            elif len(cuts["dev"]) < n_dev:
                cuts["dev"] += unit
            else:
                cuts["test"] += unit
        return {name: sorted(part) for name, part in cuts.items()}


def _units(ids: Sequence[int], groups: Sequence[Sequence[int]]) -> list[list[int]]:
    """Each group as one unit at the place of its first id, the other ids alone."""
    first = {min(group): list(group) for group in groups}
    grouped = {i for group in groups for i in group}
    return [first.get(i, [i]) for i in ids if i in first or i not in grouped]


def near_duplicate_groups(ids: Sequence[int], pairs: Iterable[NearDuplicate]) -> list[list[int]]:
    """The groups of ``ids`` that ``pairs`` join, directly or through others (two or more)."""
    chosen = set(ids)
    parent = {i: i for i in chosen}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for pair in pairs:
        if pair.doc_id in chosen and pair.other in chosen:
            a, b = root(pair.doc_id), root(pair.other)
            parent[max(a, b)] = min(a, b)
    members: dict[int, list[int]] = {}
    for i in sorted(chosen):
        members.setdefault(root(i), []).append(i)
    return [group for group in members.values() if len(group) > 1]
