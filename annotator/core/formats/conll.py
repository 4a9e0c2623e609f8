"""CoNLL / BIO token-per-line files: 2 to 4 columns, token first, tag last.

Reading: one document per ``-DOCSTART-`` section, else one per blank-line
block. The text joins tokens with single spaces and sentences with ``"\\n"``;
``meta["tokens"]`` keeps each token's ``[start, end)`` and
``meta["conll_columns"]`` the middle columns (POS, chunk), so writing an
imported document gives back the same tokens, columns and tags. IOB1 and IOB2
are told apart per file (``ReadOptions.extra["scheme"]`` can force one).

Writing: CoNLL-2003 style IOB2, ``-DOCSTART- -X- -X- O`` before each document
and a blank line after each sentence (the text split at ``"\\n"``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from annotator.core.formats.base import (
    Problem,
    ReadItem,
    ReadOptions,
    Record,
    RejectedError,
    Severity,
    WriteContext,
    WriteReport,
)
from annotator.core.formats.plaintext import read_text_file
from annotator.core.model import Document, Origin, Span
from annotator.core.offsets import span_problem
from annotator.core.tokens import Token, tokenize_words

DOCSTART = "-DOCSTART-"
DOCSTART_LINE = "-DOCSTART- -X- -X- O"
_TAG = re.compile(r"(?:O|(?P<prefix>[BI])-(?P<type>\S+))\Z")
_SNIFF_TAG = re.compile(r"\A(?:O|[BI]-\S+)\Z")

Fields = tuple[int, list[str]]  # line number, columns
Sentence = list[Fields]


def split_fields(line: str) -> list[str]:
    """A token line's columns: tab-separated when it holds a tab, else on spaces."""
    if "\t" in line:
        return [f.strip() for f in line.strip().split("\t")]
    return line.split()


def _sections(text: str) -> Iterator[list[Sentence]]:
    """Documents as lists of sentences of numbered, split lines."""
    lines = text.split("\n")
    has_docstart = any(ln.startswith(DOCSTART) for ln in lines)
    doc: list[Sentence] = []
    sentence: Sentence = []
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        fields = split_fields(line) if line.strip() else []
        if fields and fields[0] == DOCSTART:
            if sentence:
                doc.append(sentence)
            if doc:
                yield doc
            doc, sentence = [], []
        elif fields:
            sentence.append((number, fields))
        elif sentence:
            doc.append(sentence)
            sentence = []
            if not has_docstart:
                yield doc
                doc = []
    if sentence:
        doc.append(sentence)
    if doc:
        yield doc


def guess_scheme(docs: list[list[Sentence]]) -> str:
    """``"iob1"`` when entities start with I- and B- only separates, else ``"iob2"``."""
    i_starts = b_elsewhere = 0
    for doc in docs:
        for sentence in doc:
            prev = None
            for _, fields in sentence:
                m = _TAG.match(fields[-1])
                kind = m["type"] if m else None
                if m and m["prefix"] == "I" and kind != prev:
                    i_starts += 1
                elif m and m["prefix"] == "B" and kind != prev:
                    b_elsewhere += 1
                prev = kind
    return "iob1" if i_starts and not b_elsewhere else "iob2"


@dataclass
class _Built:
    """A document being assembled from token lines."""

    scheme: str
    strict: bool
    text: list[str] = field(default_factory=list)
    pos: int = 0
    tokens: list[list[int]] = field(default_factory=list)
    columns: list[list[str]] = field(default_factory=list)
    spans: list[tuple[int, int, str, int]] = field(default_factory=list)
    warnings: list[tuple[str, int]] = field(default_factory=list)
    open: tuple[str, int, int] | None = None  # type, start, line

    def new_sentence(self) -> None:
        self.close()
        if self.tokens:
            self.text.append("\n")
            self.pos += 1

    def close(self) -> None:
        if self.open is not None:
            kind, start, line = self.open
            self.spans.append((start, self.tokens[-1][1], kind, line))
            self.open = None

    def add(self, fields: list[str], line: int, first: bool) -> None:
        tag = fields[-1]
        m = _TAG.match(tag)
        if m is None:
            raise RejectedError(f"unknown tag {tag!r} (expected O, B-X or I-X)", line)
        kind = m["type"]
        continuing = self.open is not None and self.open[0] == kind and m["prefix"] == "I"
        if not continuing:
            self.close()
            if m["prefix"] == "I" and self.scheme == "iob2":
                message = f"{tag} does not follow B-{kind} or {tag} (IOB2); read as B-{kind}"
                if self.strict:
                    raise RejectedError(message, line)
                self.warnings.append((message, line))
        if not first:
            self.text.append(" ")
            self.pos += 1
        start = self.pos
        self.text.append(fields[0])
        self.pos += len(fields[0])
        self.tokens.append([start, self.pos])
        self.columns.append(fields[1:-1])
        if not continuing and kind is not None:
            self.open = (kind, start, line)


def _build(
    doc: list[Sentence], scheme: str, strict: bool
) -> tuple[Document, list[tuple[str, int]]]:
    built = _Built(scheme, strict)
    width = len(doc[0][0][1])
    for sentence in doc:
        built.new_sentence()
        for index, (line, fields) in enumerate(sentence):
            if not 2 <= len(fields) <= 4:
                message = f"{len(fields)} columns; expected 2 to 4 (token first, tag last)"
                raise RejectedError(message, line)
            if len(fields) != width:
                raise RejectedError(f"{len(fields)} columns where this document has {width}", line)
            built.add(fields, line, first=index == 0)
    built.close()
    text = "".join(built.text)
    spans = []
    for n, (start, end, label, line) in enumerate(built.spans, start=1):
        problem = span_problem(text, start, end)
        if problem is not None:
            raise RejectedError(f"{problem} (label {label!r})", line)
        spans.append(Span(start, end, label, key=f"T{n}", origin=Origin.IMPORTED))
    meta: dict[str, Any] = {"tokens": built.tokens}
    if width > 2:
        meta["conll_columns"] = built.columns
    return Document(text=text, spans=tuple(spans), meta=meta), built.warnings


class ConllReader:
    """Reads pre-annotated CoNLL / BIO files."""

    name: str = "conll"
    extensions: tuple[str, ...] = (".conll", ".bio", ".iob", ".iob2", ".txt", ".tsv")

    def sniff(self, path: Path, head: str) -> bool:
        lines = [ln for ln in head.lstrip("\ufeff").splitlines()[:40] if ln.strip()]
        if len(head) >= 4096 and len(lines) > 1:
            lines = lines[:-1]  # the last line may be cut short
        if not lines:
            return False
        bad, allowed = 0, len(lines) // 10  # at least 90% of the lines must look like CoNLL
        for line in lines:  # a prose line is split no further than a fifth field
            fields = split_fields(line) if "\t" in line else line.split(None, 4)
            ok = 2 <= len(fields) <= 4 and _SNIFF_TAG.match(fields[-1]) is not None
            if not (ok or fields[0] == DOCSTART):
                bad += 1
                if bad > allowed:  # prose fails here, after a line or two
                    return False
        return True

    def read(self, path: Path, options: ReadOptions) -> Iterator[ReadItem]:
        text, problems = read_text_file(path)
        yield from problems
        if text is None:
            return
        docs = list(_sections(text))
        scheme = options.extra.get("scheme") or guess_scheme(docs)
        where = str(path)
        for doc in docs:
            first_line = doc[0][0][0]
            try:
                document, warnings = _build(doc, scheme, options.strict)
            except RejectedError as exc:
                yield Problem(where, f"document rejected: {exc}", exc.line)
                continue
            for message, line in warnings:
                yield Problem(where, message, line, severity=Severity.WARNING)
            yield Record(document, where, first_line, pre_annotated=True)


READER = ConllReader()


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
) -> list[tuple[int, int, str]]:
    """Token ranges ``(first, last, label)`` to tag, without overlaps.

    Spans are widened to whole tokens; spans covering no token or crossing a
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
                report.drop("span widened to token boundaries (kept)")
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


def _token_table(doc: Document) -> tuple[Sequence[int], Sequence[int], list[str]]:
    """Starts, ends and texts of the document's tokens (white space as ``_``):
    ``meta["tokens"]`` when valid (kept from a CoNLL import), else the tokenizer's."""
    stored = doc.meta.get("tokens")
    if isinstance(stored, list) and _valid_tokens(doc.text, stored):
        starts, ends = _bounds([(int(s), int(e)) for s, e in stored])
        clean = _SPACE.sub("_", doc.text)  # one character for one: offsets still hold
        return starts, ends, [clean[s:e] or "_" for s, e in zip(starts, ends, strict=True)]
    return tokenize_words(doc.text)  # no white space in these, and none empty


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
    starts, ends, words = _token_table(doc)
    if not words:
        return ""
    chosen = _choose(doc, starts, ends, context, report)
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
        with target.open("w", encoding="utf-8", newline="\n") as out:
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
