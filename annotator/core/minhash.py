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

from collections.abc import Sequence
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


def signatures_of_folded(texts: Sequence[str]) -> list[tuple[int, ...]]:
    """:func:`signature_of_folded` of each of ``texts``, the same values found faster.

    A 3 KB release costs numpy a few microseconds of work and some forty of
    calls: short texts are joined into groups of up to ``_CHUNK`` characters
    and each group is hashed and binned by the same dozen calls
    (:func:`_group_signatures`). A long text is signed alone.
    """
    out: list[tuple[int, ...]] = [()] * len(texts)
    group: list[tuple[int, str]] = []
    size = 0
    for i, text in enumerate(texts):
        low = text.lower()
        if not low:
            continue
        if len(low) > _CHUNK // 4:
            out[i] = signature_of_folded(text)
            continue
        if size + len(low) >= _CHUNK:
            _fill(out, group)
            group, size = [], 0
        group.append((i, low))
        size += len(low) + 1
    _fill(out, group)
    return out


def _fill(out: list[tuple[int, ...]], group: list[tuple[int, str]]) -> None:
    """Put the signatures of ``group`` (indexes into ``out``, lower-cased texts) in ``out``."""
    if group:
        found = _group_signatures([low for _, low in group])
        for (i, _), sig in zip(group, found, strict=True):
            out[i] = sig


def _group_signatures(lows: list[str]) -> list[tuple[int, ...]]:
    """The signatures of non-empty lower-cased folded texts, joined by spaces
    (``_CHUNK`` characters at most): a shingle's hash does not depend on where
    it starts, so one table of prefix sums serves them all."""
    codes = _code_points(" ".join(lows))
    lengths = np.fromiter(map(len, lows), dtype=np.intp, count=len(lows))
    seps = np.cumsum(lengths + 1) - 1  # the space after each text (the last: past the end)
    bounds = np.concatenate(([-1], np.flatnonzero(codes == _SPACE), [len(codes)]))
    marks = np.zeros(len(bounds), dtype=np.intp)
    marks[0] = 1
    marks[np.searchsorted(bounds, seps)] = 1
    owner = np.cumsum(marks) - 1  # the text a shingle starting after a bound lies in
    first = np.arange(len(bounds) - SHINGLE)  # shingles from bound k to bound k + SHINGLE ...
    inside = owner[first + SHINGLE - 1] == owner[first]  # ... with no text's end between
    starts, ends, docs = (
        bounds[first[inside]] + 1,
        bounds[first[inside] + SHINGLE],
        owner[first[inside]],
    )
    short = np.flatnonzero(np.bincount(docs, minlength=len(lows)) == 0)  # under five words
    if len(short):  # signed by their whole text
        starts = np.concatenate((starts, seps[short] - lengths[short]))
        ends = np.concatenate((ends, seps[short]))
        docs = np.concatenate((docs, short))
    hashes = _chunk_hashes(codes, starts, ends)
    slots = docs * NUM_HASHES + (hashes >> np.uint64(_SLOT_SHIFT)).astype(np.intp)
    bins = np.full(len(lows) * NUM_HASHES, _EMPTY, dtype=np.uint64)
    np.minimum.at(bins, slots, hashes)
    table = bins.reshape(len(lows), NUM_HASHES)
    gaps = np.flatnonzero((table == _EMPTY).any(axis=1))
    if len(gaps):
        table[gaps] = _densified_rows(table[gaps])
    return [tuple(row) for row in table.tolist()]


def _densified_rows(table: Array) -> Array:
    """Each row of ``table`` (every row has a filled bin) where an empty bin borrows from the
    next non-empty one, circularly, plus ``_ROTATION`` for each bin it borrows across."""
    twice = np.concatenate((table, table), axis=1)
    at = np.arange(2 * NUM_HASHES)
    filled_at = np.where(twice != _EMPTY, at, 2 * NUM_HASHES)
    donor = np.minimum.accumulate(filled_at[:, ::-1], axis=1)[:, ::-1][:, :NUM_HASHES]
    borrowed = (donor - at[:NUM_HASHES]).astype(np.uint64) * np.uint64(_ROTATION)
    dense: Array = np.take_along_axis(twice, donor, axis=1) + borrowed
    return dense


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
    """Each bin's smallest hash, empty bins filled by :func:`_densified_rows`."""
    bins = np.full(NUM_HASHES, _EMPTY, dtype=np.uint64)
    np.minimum.at(bins, (hashes >> np.uint64(_SLOT_SHIFT)).astype(np.intp), hashes)
    if (bins == _EMPTY).any():
        bins = _densified_rows(bins[None, :])[0]
    return tuple(bins.tolist())
