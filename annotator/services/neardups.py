"""Near-duplicates: the same release syndicated with small edits.

Every imported document gets a MinHash signature (made while it is prepared); one that is at least
``THRESHOLD`` similar to a document already in the project is flagged in its
metadata (``near_duplicates``: ids and similarities) and listed by
``annotator duplicates``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection

from annotator.core.neardup import NUM_HASHES, NearDupIndex, band_keys
from annotator.store.signatures import flag_near_duplicate, project_signatures, store_signatures

THRESHOLD = 0.8
Keys = list[int]


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """Document ``doc_id`` nearly repeats ``other`` (similarity 0-1)."""

    doc_id: int
    other: int
    similarity: float


class NearDupTracker:
    """Signs new documents of one project and flags those that repeat others."""

    def __init__(self, project_id: int) -> None:
        self.project_id = project_id
        self._index: NearDupIndex[int] | None = None

    def _loaded(self, conn: Connection) -> NearDupIndex[int]:
        if self._index is None:
            self._index = NearDupIndex()
            for doc_id, sig in project_signatures(conn, self.project_id):
                self._index.add(doc_id, sig)
        return self._index

    def add(
        self, conn: Connection, signed: Sequence[tuple[int, tuple[int, ...], Keys]]
    ) -> list[NearDuplicate]:
        """Store ``(id, signature, band keys)``, flag near-duplicates, and index them."""
        index = self._loaded(conn)
        found: list[NearDuplicate] = []
        for doc_id, sig, keys in signed:
            hits = index.find_and_add(doc_id, sig, keys, THRESHOLD)
            if hits:
                others: list[dict[str, object]] = [
                    {"id": o, "similarity": round(s, 3)} for o, s in hits[:5]
                ]
                flag_near_duplicate(conn, doc_id, others)
                found += [NearDuplicate(doc_id, o, s) for o, s in hits[:5]]
        store_signatures(conn, [(doc_id, sig) for doc_id, sig, _ in signed])
        return found


def all_near_duplicates(conn: Connection, project_id: int) -> list[NearDuplicate]:
    """Every pair of near-duplicate documents of the project, most similar first."""
    index: NearDupIndex[int] = NearDupIndex()
    pairs: list[NearDuplicate] = []
    for doc_id, sig in project_signatures(conn, project_id):
        stored = tuple(sig)
        keys = band_keys(stored) if len(stored) == NUM_HASHES else []
        hits = index.find_and_add(doc_id, stored, keys, THRESHOLD)  # band keys made once
        pairs += [NearDuplicate(doc_id, o, s) for o, s in hits]
    return sorted(pairs, key=lambda p: (-p.similarity, p.doc_id))
