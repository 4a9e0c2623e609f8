"""Near-duplicate detection for syndicated copies of one release with small edits.

Documents are compared by their MinHash signatures (:mod:`annotator.core.minhash`).
``NearDupIndex`` finds stored signatures similar to a new one with LSH
banding (``BANDS`` bands of ``ROWS`` hashes), so a lookup touches only the
few documents that share a band instead of the whole corpus.

The similarity reported is the MinHash estimate of the Jaccard similarity of
the two shingle sets (the share of equal positions in the signatures).

A bucket holds at most ``BUCKET_LIMIT`` documents: a corpus of templated
releases, thousands nearly alike, would otherwise make every lookup compare
against every earlier document (an import of 3,000 took 10 s in lookups, and
grew with the square). Such a cluster stays linked through its first members.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from itertools import repeat
from operator import eq
from typing import Generic, TypeVar

NUM_HASHES = 64  # the length of a signature (annotator.core.minhash)
BANDS = 16
ROWS = NUM_HASHES // BANDS
BUCKET_LIMIT = 24


K = TypeVar("K", bound=Hashable)


def similarity(first: Sequence[int], second: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two signatures (0.0 when either is empty)."""
    if not first or len(first) != len(second):
        return 0.0
    equal: int = sum(map(eq, first, second))
    return equal / len(first)


def band_keys(sig: Sequence[int]) -> list[int]:
    """The LSH bucket key of each band of ``sig`` (the band's number hashed in).

    Hashes of tuples of ints do not depend on the process, so worker
    processes and the index agree on them.
    """
    return [hash((band, *sig[band * ROWS : (band + 1) * ROWS])) for band in range(BANDS)]


_band_keys = band_keys


class NearDupIndex(Generic[K]):
    """Signatures by document id, banded for fast similar-document lookups.

    One dict holds the buckets of every band (the key says which band); a
    bucket is a tuple, so a new document's buckets go in with one C-level
    ``dict.update`` when none of them exists yet, as for most documents.
    """

    def __init__(self) -> None:
        self._sigs: dict[K, tuple[int, ...]] = {}
        self._buckets: dict[int, tuple[K, ...]] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._sigs

    def add(self, doc_id: K, sig: Sequence[int], keys: Sequence[int] = ()) -> None:
        """Index ``sig`` under ``doc_id`` (replacing an earlier one); empty ones are skipped."""
        if doc_id in self._sigs:
            self.remove(doc_id)
        if len(sig) != NUM_HASHES:
            return
        stored = tuple(sig)
        self._sigs[doc_id] = stored
        self._file(doc_id, keys or _band_keys(stored))

    def _file(self, doc_id: K, keys: Sequence[int]) -> set[K]:
        """Put ``doc_id`` in the buckets ``keys`` (full ones excepted); who was there before."""
        buckets = self._buckets
        if buckets.keys().isdisjoint(keys):
            buckets.update(zip(keys, repeat((doc_id,))))
            return set()
        there: set[K] = set()
        for key in keys:
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = (doc_id,)
            else:
                there.update(bucket)
                if len(bucket) < BUCKET_LIMIT:
                    buckets[key] = (*bucket, doc_id)
        return there

    def remove(self, doc_id: K) -> None:
        """Forget ``doc_id``; unknown ids are ignored."""
        sig = self._sigs.pop(doc_id, None)
        if sig is None:
            return
        for key in _band_keys(sig):
            bucket = self._buckets.get(key)
            if bucket is not None and doc_id in bucket:
                rest = tuple(other for other in bucket if other != doc_id)
                if rest:
                    self._buckets[key] = rest
                else:
                    del self._buckets[key]

    def find_and_add(
        self, doc_id: K, sig: tuple[int, ...], keys: Sequence[int], threshold: float
    ) -> list[tuple[K, float]]:
        """:meth:`find` then :meth:`add` for a new ``doc_id``, in one pass over the bands.

        ``keys`` must be ``band_keys(sig)``; the import makes them beside the signature.
        """
        if len(sig) != NUM_HASHES or doc_id in self._sigs:
            hits = [hit for hit in self.find(sig, threshold, keys) if hit[0] != doc_id]
            self.add(doc_id, sig, keys)
            return hits
        self._sigs[doc_id] = sig
        candidates = self._file(doc_id, keys)
        if not candidates:
            return []
        sigs = self._sigs
        found = [(other, similarity(sig, sigs[other])) for other in candidates]
        return sorted((hit for hit in found if hit[1] >= threshold), key=lambda hit: -hit[1])

    def find(
        self, sig: Sequence[int], threshold: float = 0.8, keys: Sequence[int] = ()
    ) -> list[tuple[K, float]]:
        """Indexed documents at least ``threshold`` similar to ``sig``, most similar first.

        ``keys`` are the signature's band keys when the caller has them already.
        """
        if len(sig) != NUM_HASHES:
            return []
        candidates: set[K] = set()
        for key in keys or _band_keys(sig):
            bucket = self._buckets.get(key)
            if bucket:
                candidates.update(bucket)
        found = [(doc_id, similarity(sig, self._sigs[doc_id])) for doc_id in candidates]
        hits = [(doc_id, score) for doc_id, score in found if score >= threshold]
        hits.sort(key=lambda hit: -hit[1])
        return hits
