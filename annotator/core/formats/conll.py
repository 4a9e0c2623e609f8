"""CoNLL / BIO token-per-line files: 2 to 4 columns, token first, tag last.

Reading: one document per ``-DOCSTART-`` section, else one per blank-line
block. The text joins tokens with single spaces and sentences with ``"\\n"``;
``meta["tokens"]`` keeps each token's ``[start, end)`` and
``meta["conll_columns"]`` the middle columns (POS, chunk), so writing an
imported document gives back the same tokens, columns and tags. IOB1 and IOB2
are told apart per file (``ReadOptions.extra["scheme"]`` can force one).

Writing is :mod:`annotator.core.formats.conll_writer`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.formats.base import (
    Problem,
    ReadItem,
    ReadOptions,
    Record,
    RejectedError,
    Severity,
)
from annotator.core.formats.plaintext import read_text_file
from annotator.core.model import Document, Origin, Span
from annotator.core.offsets import span_problem

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
