"""The spans of a whole DocBin file found among its tokens at once, with numpy.

:func:`~annotator.core.formats.spacy_align.aligned_ranges` finds each
span's tokens with two bisections in Python, about a microsecond a span.
:class:`FileSpans` gathers the spans of every document of a file and finds
them all in one search over the file's token offsets, its documents' tokens
laid end to end: the same token ranges, counted in the report alike
(compared in the tests).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress
from operator import ge, itemgetter
from typing import Any

from annotator.core.formats.base import TRIMMED
from annotator.core.formats.spacy_align import UNALIGNED, Aligned, Triple
from annotator.core.offsets import trimmed

_START, _END, _LABEL = itemgetter(0), itemgetter(1), itemgetter(2)
_BEFORE = (-1).__add__  # a span's end -> its last character
_SPACE = re.compile(r"\s")  # str.isspace's characters (both ask Py_UNICODE_ISSPACE)


@dataclass
class Placed:
    """The aligned spans of a file's gathered documents, a row a span, in order.

    ``docs`` is each span's document number, ``first`` and ``end`` its
    tokens within that document, ``start`` and ``stop`` its characters
    (numpy arrays), ``labels`` its label; ``drops`` holds, of each document
    with any, what ``aligned_ranges`` would have counted: spans trimmed and
    spans left out.
    """

    docs: Any
    first: Any
    end: Any
    start: Any
    stop: Any
    labels: list[str]
    drops: dict[int, list[tuple[str, int]]]

    def aligned(self, number: int) -> list[Aligned]:
        """The aligned spans of document ``number`` as ``aligned_ranges`` gives them."""
        import numpy as np

        lo, hi = np.searchsorted(self.docs, (number, number + 1)).tolist()  # docs in order
        columns = [c[lo:hi].tolist() for c in (self.first, self.end, self.start, self.stop)]
        return list(zip(*columns, self.labels[lo:hi], strict=True))


def token_starts(table: Any) -> Any:
    """Where each token of ``table`` (SPACY in column 2, LENGTH in column 3) starts, its
    Docs laid end to end, and where the last ends: spaCy keeps ``idx[t + 1] = idx[t] +
    length[t] + spacy[t]``, so this is each Doc's IDX column for a Doc alone."""
    import numpy as np

    starts = np.zeros(len(table) + 1, dtype=np.int64)
    np.cumsum((table[:, 2] + table[:, 3]).view(np.int64), out=starts[1:])
    return starts


class FileSpans:
    """Spans of a file's documents, gathered a document at a time and aligned together."""

    def __init__(self) -> None:
        self._starts: list[int] = []  # the spans' starts, document after document
        self._stops: list[int] = []  # their ends (both without white space at the edges)
        self._labels: list[str] = []  # their labels
        self._counts: list[int] = []  # of each document gathered: its spans
        self._trims: list[int] = []  # of each document gathered: its spans trimmed
        self._docs: list[int] = []  # the documents gathered, by their number in the file

    def add(self, number: int, text: str, spans: list[Triple]) -> bool:
        """Gather the ``spans`` of document ``number``, of ``text``, without the white
        space at their edges, as ``aligned_ranges`` takes them.

        False, with nothing gathered, when a span is empty or ends before it
        starts: spaCy's ``char_span`` judges those (``aligned_ranges``).
        """
        starts, ends, labels = zip(*spans, strict=True) if spans else ((), (), ())
        if any(map(ge, starts, ends)):
            return False
        lasts = map(text.__getitem__, map(_BEFORE, ends))
        edges = "".join(map(text.__getitem__, starts)) + "".join(lasts)
        trims = 0
        if _SPACE.search(edges) is not None:  # edges at white space: as aligned_ranges trims
            given = list(zip(starts, ends, strict=True))
            inner = [trimmed(text, start, end) for start, end in given]
            trims = sum(a != b for a, b in zip(inner, given, strict=True))
            starts, ends = zip(*inner, strict=True)
        self._starts.extend(starts)
        self._stops.extend(ends)
        self._labels.extend(labels)
        self._counts.append(len(spans))
        self._trims.append(trims)
        self._docs.append(number)
        return True

    def aligned(self, table: Any, firsts: Any) -> Placed:
        """The gathered spans that are aligned, as token ranges within their documents.

        ``table`` holds the file's tokens, a row a token: SPACY in column 2,
        LENGTH in column 3; ``firsts`` holds where each document's tokens start.
        """
        import numpy as np

        starts = token_starts(table)
        docs = np.repeat(np.array(self._docs, dtype=np.int64), self._counts)
        first_tokens = np.asarray(firsts, dtype=np.int64)[docs]
        base = starts[first_tokens]  # where each span's document starts
        count = len(self._starts)
        start = np.fromiter(self._starts, np.int64, count)
        stop = np.fromiter(self._stops, np.int64, count)
        first = np.searchsorted(starts, start + base)
        last = np.maximum(np.searchsorted(starts, stop + base) - 1, 0)
        widths = table[:, 3][last].astype(np.int64)
        ok = (
            (starts[first] == start + base)
            & (last >= first)
            & (starts[last] + widths == stop + base)
        )
        labels = self._labels
        if not ok.all():
            labels = list(compress(labels, ok.tolist()))
        first, end = first - first_tokens, last + 1 - first_tokens
        drops = self._drops(docs[~ok])
        return Placed(docs[ok], first[ok], end[ok], start[ok], stop[ok], labels, drops)

    def _drops(self, unaligned: Any) -> dict[int, list[tuple[str, int]]]:
        """Spans trimmed and left out, of each document with any (by its number)."""
        import numpy as np

        left = dict(zip(*np.unique(unaligned, return_counts=True), strict=True))
        trims = {n: t for n, t in zip(self._docs, self._trims, strict=True) if t}
        return {
            int(n): [(TRIMMED, trims.get(n, 0)), (UNALIGNED, int(left.get(n, 0)))]
            for n in sorted(trims.keys() | left.keys())
        }
