"""Writing CoNLL-2003 style IOB2: ``-DOCSTART- -X- -X- O`` before each document and a
blank line after each sentence (the text split at ``"\\n"``).

A document imported from CoNLL (:mod:`annotator.core.formats.conll`) keeps its
tokens and middle columns, so writing it gives back the same tokens, columns
and tags.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

from annotator.core.formats.base import CUT, TRIMMED, WriteContext, WriteReport
from annotator.core.formats.conll import DOCSTART_LINE
from annotator.core.formats.jsonout import STREAM_BUFFER
from annotator.core.model import Document
from annotator.core.offsets import trimmed
from annotator.core.tokens import Token, split_at, tokenize_words


def _valid_tokens(text: str, tokens: list[Any]) -> bool:
    last = 0
    for pair in tokens:
        if not (isinstance(pair, (list, tuple)) and len(pair) == 2):
            return False
        start, end = pair
        if not (isinstance(start, int) and isinstance(end, int) and last <= start < end):
            return False
        if end > len(text) or "\n" in text[start:end]:
            return False
        last = end
    return True


def _choose(
    doc: Document,
    starts: Sequence[int],
    ends: Sequence[int],
    context: WriteContext,
    report: WriteReport,
    misfits: list[int] | None = None,
) -> list[tuple[int, int, str]]:
    """Token ranges ``(first, last, label)`` to tag, without overlaps.

    Spans are widened to whole tokens, or with ``misfits`` the bounds of those
    that need it are put there instead; spans covering no token or crossing a
    sentence break are dropped; of overlapping spans the one whose label comes
    first in ``context.label_priority`` wins, then the longest.
    """
    text = doc.text
    candidates = []
    for span in doc.spans:
        first = bisect_right(ends, span.start)  # the first token ending after the start
        last = bisect_left(starts, span.end) - 1  # the last token starting before the end
        if first > last:
            report.drop("span covers no token")
        elif text.find("\n", starts[first], ends[last]) != -1:
            report.drop("span crosses a sentence break")
        else:
            if starts[first] != span.start or ends[last] != span.end:
                if misfits is not None:
                    misfits += (span.start, span.end)
                else:
                    inside = trimmed(text, span.start, span.end) == (starts[first], ends[last])
                    report.drop(TRIMMED if inside else "span widened to token boundaries (kept)")
            candidates.append((first, last, span.label))
    in_order = sorted(candidates)
    if all(a[1] < b[0] for a, b in pairwise(in_order)):
        return in_order  # no overlaps: every candidate is chosen
    priority = {label: n for n, label in enumerate(context.label_priority)}
    candidates.sort(key=lambda c: (priority.get(c[2], len(priority)), c[0] - c[1], c[0]))
    taken = [False] * len(starts)
    chosen = []
    for first, last, label in candidates:
        if any(taken[first : last + 1]):
            report.drop("overlapping span")
            continue
        taken[first : last + 1] = [True] * (last + 1 - first)
        chosen.append((first, last, label))
    return sorted(chosen)


def tag_ends(count: int, chosen: list[tuple[int, int, str]], breaks: list[int]) -> list[str]:
    """What follows each of ``count`` tokens on its line: its IOB2 tag and the line
    end, and a blank line after the last token of each sentence but the last."""
    ends = [" O\n"] * count
    for first, last, label in chosen:
        ends[first] = f" B-{label}\n"
        if last > first:
            ends[first + 1 : last + 1] = [f" I-{label}\n"] * (last - first)
    for index in breaks:  # the token before opens no new sentence: it ends one
        ends[index - 1] += "\n"
    return ends


def _columns(doc: Document, count: int) -> list[list[str]] | None:
    stored = doc.meta.get("conll_columns")
    if not (isinstance(stored, list) and len(stored) == count):
        return None
    if all(isinstance(row, list) and all(isinstance(c, str) for c in row) for row in stored):
        return stored
    return None


_SPACE = re.compile(r"\s")


def _field(value: str) -> str:
    return _SPACE.sub("_", value) or "_"


def _bounds(tokens: list[Token]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Token starts and token ends."""
    if not tokens:
        return (), ()
    starts, ends = zip(*tokens, strict=True)
    return starts, ends


def _token_table(doc: Document) -> tuple[Sequence[int], Sequence[int], list[str], bool]:
    """Starts, ends and texts of the document's tokens (white space as ``_``):
    ``meta["tokens"]`` when valid (kept from a CoNLL import), else the tokenizer's;
    and whether they are the tokenizer's."""
    stored = doc.meta.get("tokens")
    if isinstance(stored, list) and _valid_tokens(doc.text, stored):
        starts, ends = _bounds([(int(s), int(e)) for s, e in stored])
        clean = _SPACE.sub("_", doc.text)  # one character for one: offsets still hold
        words = [clean[s:e] or "_" for s, e in zip(starts, ends, strict=True)]
        return starts, ends, words, False
    return (*tokenize_words(doc.text), True)  # no white space in these, and none empty


def _tagged_tokens(
    doc: Document, context: WriteContext, report: WriteReport
) -> tuple[Sequence[int], list[str], list[tuple[int, int, str]]]:
    """The document's token starts and texts, and the token ranges to tag (:func:`_choose`). The
    tokenizer's tokens are cut where a span starts or ends inside a word
    ("[Venezuela]’s", "[un]likely"), so the span keeps its exact text."""
    starts, ends, words, ours = _token_table(doc)
    misfits: list[int] = []
    probe = WriteReport()
    chosen = _choose(doc, starts, ends, context, probe, misfits if ours else None)
    if not misfits:
        for reason, count in probe.dropped.items():
            report.drop(reason, count)
        return starts, words, chosen
    cut_starts, cut_ends, cut = split_at(list(starts), list(ends), misfits)
    if cut:
        report.drop(CUT, cut)
        text = doc.text
        words = [text[s:e] for s, e in zip(cut_starts, cut_ends, strict=True)]
    return cut_starts, words, _choose(doc, cut_starts, cut_ends, context, report)


def _breaks(text: str, starts: Sequence[int]) -> list[int]:
    """Indices of the tokens that open a new sentence (a line break before them)."""
    found: list[int] = []
    pos = text.find("\n", starts[0]) if starts else -1
    while pos != -1:
        index = bisect_right(starts, pos)
        if index >= len(starts):
            break
        found.append(index)
        pos = text.find("\n", starts[index])
    return found


def _with_columns(words: list[str], columns: list[list[str]] | None) -> list[str]:
    """Each token followed by its kept middle columns, padded to the document's width."""
    width = max((len(r) for r in columns), default=0) if columns else 0
    if not width:
        return words
    out = []
    for i, word in enumerate(words):
        middle = [_field(c) for c in columns[i]] if columns else []
        middle += ["_"] * (width - len(middle))
        out.append(" ".join([word, *middle]))
    return out


def document_body(doc: Document, context: WriteContext, report: WriteReport) -> str:
    """The token lines of one document, a blank line between sentences ("" without tokens).

    A document imported from CoNLL keeps its middle columns (POS and the
    like); the width is the document's own, as CoNLL readers take it.
    """
    starts, words, chosen = _tagged_tokens(doc, context, report)
    if not words:
        return ""
    lines = [""] * (2 * len(words))
    lines[0::2] = _with_columns(words, _columns(doc, len(words)))
    lines[1::2] = tag_ends(len(words), chosen, _breaks(doc.text, starts))
    return "".join(lines)[:-1]


def _tagged(body: str, doc: Document) -> int:
    """Lines holding a ``B-`` column: the spans written."""
    if "conll_columns" not in doc.meta:  # token and tag only: one " B-" a line at most
        return body.count(" B-")
    return sum(1 for line in body.split("\n") if " B-" in line)


class ConllWriter:
    """Writes CoNLL-2003 style IOB2: token, kept middle columns, tag."""

    name: str = "conll"
    suffix: str = ".conll"
    is_directory: bool = False

    def write(self, docs: Iterable[Document], target: Path, context: WriteContext) -> WriteReport:
        report = WriteReport()
        with target.open("w", encoding="utf-8", newline="\n", buffering=STREAM_BUFFER) as out:
            for doc in docs:
                body = document_body(doc, context, report)
                if not body:
                    report.drop("document without tokens")
                    continue
                out.write(DOCSTART_LINE + "\n\n" + body + "\n\n")
                report.documents += 1
                report.spans += _tagged(body, doc)
                if doc.events:
                    report.drop("event (CoNLL has none)", len(doc.events))
                if doc.relations:
                    report.drop("relation (CoNLL has none)", len(doc.relations))
        return report


WRITER = ConllWriter()
