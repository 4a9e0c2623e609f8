"""The spans of a whole DocBin file found among its tokens at once, with numpy.

:func:`~annotator.core.formats.spacy_align.aligned_ranges` finds each
span's tokens with two bisections in Python, about a microsecond a span.
:class:`FileSpans` gathers the spans of every document of a file and finds
them all in one search over the file's token offsets, its documents' tokens
laid end to end: the same token ranges, counted in the report alike
(compared in the tests).
"""

from __future__ import annotations

from itertools import compress
from operator import itemgetter
from typing import Any

from annotator.core.formats.base import TRIMMED
from annotator.core.formats.spacy_align import UNALIGNED, Aligned, Triple
from annotator.core.offsets import trimmed

Found = tuple[list[Aligned], list[tuple[str, int]]]  # a document's aligned spans, what
# was counted on the way (reason and count, as aligned_ranges would count them)


class FileSpans:
    """Spans of a file's documents, gathered a document at a time and aligned together."""

    def __init__(self) -> None:
        self._spans: list[Triple] = []  # document after document, edges trimmed
        self._counts: list[int] = []  # of each document gathered: its spans
        self._trims: list[int] = []  # of each document gathered: its spans trimmed
        self._docs: list[int] = []  # the documents gathered, by their number in the file

    def add(self, number: int, text: str, spans: list[Triple]) -> bool:
        """Gather the ``spans`` of document ``number``, of ``text``, without the white
        space at their edges, as ``aligned_ranges`` takes them.

        False, with nothing gathered, when a span is empty or ends before it
        starts: spaCy's ``char_span`` judges those (``aligned_ranges``).
        """
        odd = [t for t in spans if t[0] >= t[1] or text[t[0]].isspace() or text[t[1] - 1].isspace()]
        trims = 0
        if odd:
            if any(start >= end for start, end, _ in odd):
                return False
            inner = [(*trimmed(text, start, end), label) for start, end, label in spans]
            trims = sum(a != b for a, b in zip(inner, spans, strict=True))
            spans = inner
        self._spans.extend(spans)
        self._counts.append(len(spans))
        self._trims.append(trims)
        self._docs.append(number)
        return True

    def aligned(self, table: Any, firsts: Any) -> dict[int, Found]:
        """What each gathered document's spans are, by its number: the aligned ones as
        token ranges within it, and the counts of those trimmed and left out.

        ``table`` holds the file's tokens, a row a token: SPACY in column 2,
        LENGTH in column 3; ``firsts`` holds where each document's tokens start.
        """
        import numpy as np

        count = len(self._spans)
        width, space = table[:, 3].astype(np.int64), table[:, 2].astype(np.int64)
        starts = np.cumsum(width + space) - width - space  # spaCy's IDX, but file-wide
        ends = starts + width
        docs = np.repeat(np.array(self._docs, dtype=np.int64), self._counts)
        first_tokens = np.asarray(firsts, dtype=np.int64)[docs]
        base = np.append(starts, 0)[first_tokens]  # where each span's document starts
        begin = np.fromiter(map(itemgetter(0), self._spans), np.int64, count) + base
        end = np.fromiter(map(itemgetter(1), self._spans), np.int64, count) + base
        first = np.minimum(np.searchsorted(starts, begin), max(len(starts) - 1, 0))
        last = np.searchsorted(starts, end) - 1
        ok = (starts[first] == begin) & (last >= first) & (ends[last] == end)
        return self._by_document(ok, first - first_tokens, last + 1 - first_tokens)

    def _by_document(self, ok: Any, first: Any, end: Any) -> dict[int, Found]:
        """Each gathered document's aligned spans, in the order given, and its counts."""
        found = zip(first.tolist(), end.tolist(), self._spans, strict=True)
        rows: list[Aligned] = [(f, e, span[0], span[1], span[2]) for f, e, span in found]
        keep = ok.tolist()
        out: dict[int, Found] = {}
        at = 0
        for number, count, trims in zip(self._docs, self._counts, self._trims, strict=True):
            part = rows[at : at + count]
            kept = keep[at : at + count]
            left = count - sum(kept)
            if left:
                part = list(compress(part, kept))
            out[number] = part, [(TRIMMED, trims), (UNALIGNED, left)]
            at += count
        return out
