"""MinHash signatures of texts, for finding near-duplicates (:mod:`annotator.core.neardup`).

A signature is ``NUM_HASHES`` integers, a plain tuple that can be stored as
a JSON list. It is the one-permutation MinHash (Li, Owen & Zhang 2012) with
densification by rotation (Shrivastava & Li 2014) of the text's word
5-shingles: each shingle is hashed once, the hash range is cut into
``NUM_HASHES`` bins, each bin keeps its smallest hash, and an empty bin
borrows from the next non-empty one. The chance that two signatures agree at
a position is the Jaccard similarity of the two shingle sets.

Words are split at spaces and lower-cased; a text of fewer than five words is
one shingle. Every shingle counts (a 3 KB release has some 380): the earlier
pure-Python signature kept a third of them to save time.

Hashing is done with numpy over the whole text, never a word at a time: the
text's code points go into one array, and a shingle's hash is a polynomial
hash of its characters (modulo 2**64), read off the prefix sums of the text
in two array operations. In pure Python, splitting a 3 KB release into words
and hashing a third of its shingles with CRC-32 took 80 µs, the largest single
cost of an import; this takes about 40.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from annotator.core.neardup import NUM_HASHES
from annotator.core.textio import fold

SHINGLE = 5
_SLOT_SHIFT = 32 - (NUM_HASHES.bit_length() - 1)  # a hash's top bits pick its bin
_ROTATION = 1 << 32  # added per bin borrowed across, so borrowed values stay distinct
_EMPTY = _ROTATION * NUM_HASHES  # above every hash and every borrowed value
_BASE = 0x100000001B3  # the polynomial's base: odd, so it has an inverse modulo 2**64
_MIX = 0x9E3779B97F4A7C15  # odd; the product's top 32 bits are a shingle's hash
_CHUNK = 1 << 16  # characters whose prefix sums are taken at once
_LONG = 4  # a window of more chunks holds a shingle that long: hashed a chunk at a time
_MOD = 1 << 64
_SPACE = 32

Array = np.ndarray[Any, Any]


def signature(text: str) -> tuple[int, ...]:
    """The MinHash signature of ``text`` (NFC-normalised); empty for text without words."""
    return signature_of_folded(fold(text))


def signature_of_folded(folded: str) -> tuple[int, ...]:
    """:func:`signature` of a text already folded (:func:`annotator.core.textio.fold`).

    A folded text's only white space is single spaces between words.
    """
    low = folded.lower()
    if not low:
        return ()
    codes = _code_points(low)
    starts, ends = _shingles(codes)
    hashes = _hashes(codes, starts, ends)
    return _signature(hashes)


def _code_points(text: str) -> Array:
    """The code points of ``text`` as an array (bytes for ASCII, the usual case)."""
    if text.isascii():
        return np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    raw = text.encode("utf-32-le", "surrogatepass")
    return np.frombuffer(raw, dtype=np.uint32)


def _shingles(codes: Array) -> tuple[Array, Array]:
    """Where each word 5-shingle of the text starts and ends (the whole text when shorter)."""
    bounds = np.concatenate(([-1], np.flatnonzero(codes == _SPACE), [len(codes)]))
    count = len(bounds) - SHINGLE  # shingles: words - SHINGLE + 1
    if count < 1:
        return bounds[:1] + 1, bounds[-1:]
    return bounds[:count] + 1, bounds[SHINGLE:]


def _hashes(codes: Array, starts: Array, ends: Array) -> Array:
    """The 32-bit hash of each ``codes[start:end]``, a chunk of the text at a time.

    The polynomial hash of ``codes[a:b]`` is ``(H[b] - H[a]) / BASE**a`` with
    ``H`` the prefix sums of ``codes[i] * BASE**i``; a chunk's sums restart at
    its first shingle, which leaves every hash as it is. Its top 32 bits,
    after a multiplication by ``_MIX``, are the shingle's hash. A "word" of
    hundreds of thousands of characters (a pasted blob) is hashed a chunk at a
    time (:func:`_long_hash`), so the tables of powers stay small.
    """
    if len(codes) <= _CHUNK:
        return _chunk_hashes(codes, starts, ends)
    cuts = np.searchsorted(starts, np.arange(_CHUNK, int(starts[-1]) + 1, _CHUNK)).tolist()
    pieces = []
    for first, stop in zip([0, *cuts], [*cuts, len(starts)], strict=True):
        if first == stop:
            continue
        base, end = int(starts[first]), int(ends[stop - 1])
        here, there = starts[first:stop], ends[first:stop]
        if end - base > _LONG * _CHUNK:
            pairs = zip(here.tolist(), there.tolist(), strict=True)
            hashed = [_long_hash(codes, a, b) for a, b in pairs]
            pieces.append(np.array(hashed, dtype=np.uint64))
        else:
            pieces.append(_chunk_hashes(codes[base:end], here - base, there - base))
    return np.concatenate(pieces)


def _long_hash(codes: Array, start: int, end: int) -> int:
    """The hash of ``codes[start:end]`` (see :func:`_hashes`), summed a chunk at a time."""
    powers, _ = _powers(_CHUNK)
    step = pow(_BASE, _CHUNK, _MOD)
    total, scale = 0, 1
    for at in range(start, end, _CHUNK):
        block = codes[at : min(at + _CHUNK, end)]
        total = (total + int((block * powers[: len(block)]).sum(dtype=np.uint64)) * scale) % _MOD
        scale = scale * step % _MOD
    return (total * _MIX % _MOD) >> 32


def _chunk_hashes(codes: Array, starts: Array, ends: Array) -> Array:
    """:func:`_hashes` of shingles that all lie in ``codes``, short enough to sum at once."""
    powers, mixers = _powers(len(codes) + 1)
    prefix = np.zeros(len(codes) + 1, dtype=np.uint64)
    np.cumsum(codes * powers[: len(codes)], out=prefix[1:])
    return ((prefix[ends] - prefix[starts]) * mixers[starts]) >> np.uint64(32)


_tables: list[Array] = [np.ones(1, dtype=np.uint64), np.ones(1, dtype=np.uint64)]


def _powers(length: int) -> tuple[Array, Array]:
    """``BASE**i`` and ``_MIX * BASE**-i`` modulo 2**64 for ``i`` below at least ``length``."""
    powers, inverses = _tables
    if len(powers) < length:
        size = max(length, 2 * len(powers), 4096)
        inverse = pow(_BASE, -1, _MOD)
        one = np.ones(1, dtype=np.uint64)
        powers = np.concatenate((one, np.cumprod(np.full(size - 1, _BASE, dtype=np.uint64))))
        inverses = np.concatenate((one, np.cumprod(np.full(size - 1, inverse, dtype=np.uint64))))
        _tables[:] = [powers, inverses * np.uint64(_MIX)]
    return _tables[0], _tables[1]


def _signature(hashes: Array) -> tuple[int, ...]:
    """Each bin's smallest hash; an empty bin borrows from the next non-empty one, circularly,
    plus ``_ROTATION`` for each bin it borrows across."""
    bins = np.full(NUM_HASHES, _EMPTY, dtype=np.uint64)
    np.minimum.at(bins, (hashes >> np.uint64(_SLOT_SHIFT)).astype(np.intp), hashes)
    filled = np.flatnonzero(bins != _EMPTY)
    if len(filled) < NUM_HASHES:
        at = np.arange(NUM_HASHES)
        nxt = np.searchsorted(filled, at)
        donor = np.where(nxt < len(filled), filled[nxt % len(filled)], filled[0] + NUM_HASHES)
        bins = bins[donor % NUM_HASHES] + (donor - at).astype(np.uint64) * np.uint64(_ROTATION)
    return tuple(bins.tolist())
