"""Spans as spaCy token ranges, found from token offsets without spaCy ``Span`` objects.

A span is aligned when ``Doc.char_span(start, end, alignment_mode="strict")``
accepts it: a token starts at its start and one ends at its end.
:func:`entities` keeps the subset :func:`spacy.util.filter_spans` keeps.
Both are compared with spaCy's own calls in the tests.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise
from operator import itemgetter
from typing import Any

from annotator.core.formats.base import WriteReport, trim_edges
from annotator.core.formats.spacy_runs import tokenizer_for
from annotator.core.model import Document

UNALIGNED = "spans not aligned to spaCy tokens"
OVERLAPPING = "overlapping spans left out of entities (kept in spans)"

Aligned = tuple[int, int, int, int, str]  # first token, token end, start, end, label
Triple = tuple[int, int, str]  # a span's start, end and label


def tokenizer(language: str) -> Any:
    """What tokenises as ``spacy.blank(language).make_doc`` does, without loading every
    tokenizer exception up front (:func:`~annotator.core.formats.spacy_runs.tokenizer_for`);
    raises ``RuntimeError`` when spaCy is missing."""
    try:
        import spacy  # noqa: F401  optional: imported only when a writer runs
    except ImportError as exc:
        raise RuntimeError("spaCy is not installed (pip install 'annotator[spacy]')") from exc
    return _shared(language, threading.get_ident())


@lru_cache(maxsize=2)
def _shared(language: str, thread: int) -> Any:
    """One tokenizer a language and thread, kept: what it learnt of a corpus serves the
    next part of an export, and one built before export workers fork serves them all
    (building one costs ~0.2 s). Its tokens never depend on what it learnt before."""
    return tokenizer_for(language)


def triples(doc: Document) -> list[Triple]:
    """``(start, end, label)`` of each span of ``doc``, in order."""
    return [(span.start, span.end, span.label) for span in doc.spans]


def aligned_ranges(
    sdoc: Any, spans: Iterable[Triple], report: WriteReport, offsets: Any, text: str
) -> list[Aligned]:
    """The ``spans`` (of ``sdoc``'s text) that are aligned in spaCy Doc ``sdoc``, as token
    ranges.

    ``offsets`` holds ``sdoc.to_array([IDX, LENGTH])`` (token start and
    length, a row a token), ``text`` is its text (``Doc.text`` joins the tokens anew each
    time); each span left out is counted in ``report``. A span is
    aligned without the white space at its edges (counted too), as spaCy's
    ``char_span`` would not take those edges.
    """
    starts: list[int] = offsets[:, 0].tolist()
    lengths: list[int] = offsets[:, 1].tolist()
    size, out = len(starts), list[Aligned]()
    for start, end, label in spans:
        if start < end and (text[start].isspace() or text[end - 1].isspace()):
            start, end = trim_edges(text, start, end, report)
        if start < end:  # a token starts at ``start`` and one ends at ``end``
            first = bisect_left(starts, start)
            if first < size and starts[first] == start:
                last = bisect_left(starts, end, first + 1) - 1  # the last to start before end
                if starts[last] + lengths[last] == end:
                    out.append((first, last + 1, start, end, label))
                    continue
        else:  # not a real span: ask spaCy itself
            found = sdoc.char_span(start, end, label=label)
            if found is not None:
                out.append((found.start, found.end, start, end, label))
                continue
        report.drop(UNALIGNED)
    return out


def entities(spans: list[Aligned]) -> list[Aligned]:
    """:func:`spacy.util.filter_spans` on token ranges, ordered by start."""
    if all(a[1] <= b[0] for a, b in pairwise(spans)):
        return spans  # in order, and nothing overlaps (the usual case): every span is kept
    in_order = sorted(spans, key=itemgetter(0))
    if all(a[1] <= b[0] for a, b in pairwise(in_order)):
        return in_order  # nothing overlaps: every span is kept
    ordered = sorted(spans, key=lambda s: (s[1] - s[0], -s[0]), reverse=True)
    kept: list[Aligned] = []
    seen: set[int] = set()
    for span in ordered:
        if span[0] not in seen and span[1] - 1 not in seen:
            kept.append(span)
            seen.update(range(span[0], span[1]))
    kept.sort(key=itemgetter(0))
    kept.sort(key=itemgetter(2))
    return kept


def counted_entities(spans: list[Aligned], report: WriteReport) -> list[Aligned]:
    """:func:`entities` of the aligned ``spans``, counting them and the overlaps left out."""
    ents = entities(spans)
    if len(ents) < len(spans):
        report.drop(OVERLAPPING, len(spans) - len(ents))
    report.spans += len(spans)
    return ents
