"""Inline-tagged text: ``<PERSON>Arie Sudjito</PERSON> menilai ...``, one document a line.

The tags are removed and the spans' offsets computed over what remains,
exactly. A line whose tag is still open at its end (a sentence splitter cut
inside a name: ``<PERSON>H. M.`` / ``Prasetyo</PERSON>``) continues into the
next line; the document keeps that line break and a warning names the lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

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
from annotator.core.formats.jsonout import STREAM_BUFFER
from annotator.core.formats.plaintext import read_text_file
from annotator.core.model import Document, Origin, Span
from annotator.core.offsets import span_problem

TAG = re.compile(r"<(?P<close>/?)(?P<label>[A-Za-z][\w-]*)>")
_SNIFF = re.compile(r"<(?P<label>[A-Z][A-Z0-9_-]*)>[^<>\n]+</(?P=label)>")


@dataclass
class _Doc:
    """A document being read: text so far, open tags and finished spans."""

    first_line: int
    parts: list[str] = field(default_factory=list)
    pos: int = 0
    stack: list[tuple[str, int, int]] = field(default_factory=list)
    spans: list[tuple[int, int, str, int]] = field(default_factory=list)

    def add_text(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def add_line(self, content: str, number: int) -> None:
        last = 0
        for m in TAG.finditer(content):
            self.add_text(content[last : m.start()])
            last = m.end()
            label = m["label"]
            if not m["close"]:
                self.stack.append((label, self.pos, number))
            elif not self.stack or self.stack[-1][0] != label:
                expected = f"</{self.stack[-1][0]}>" if self.stack else "no closing tag"
                raise RejectedError(f"</{label}> where {expected} was expected", number)
            else:
                _, start, opened = self.stack.pop()
                self.spans.append((start, self.pos, label, opened))
        self.add_text(content[last:])


def _finish(doc: _Doc, where: str) -> Iterator[ReadItem]:
    text = "".join(doc.parts)
    if not text.strip():
        return
    spans: list[Span] = []
    for start, end, label, line in doc.spans:
        if start == end:
            yield Problem(where, f"empty <{label}> tag ignored", line, severity=Severity.WARNING)
            continue
        problem = span_problem(text, start, end)
        if problem is not None:
            yield Problem(where, f"document rejected: {problem} (label {label!r})", line)
            return
        spans.append(Span(start, end, label, key=f"T{len(spans) + 1}", origin=Origin.IMPORTED))
    spans.sort(key=lambda s: (s.start, -s.end))
    document = Document(text=text, spans=tuple(spans))
    yield Record(document, where, doc.first_line, pre_annotated=True)


def read_inline(text: str, where: str) -> Iterator[ReadItem]:
    """Documents from inline-tagged text, one a line unless a tag stays open."""
    doc: _Doc | None = None
    skipping = False
    for number, raw in enumerate(text.split("\n"), start=1):
        content = raw.removesuffix("\r")
        if doc is None:
            if not content.strip():
                continue
            doc, skipping = _Doc(number), False
        try:
            if not skipping:
                doc.add_line(content, number)
        except RejectedError as exc:
            yield Problem(where, f"document rejected: {exc}", exc.line)
            skipping = True
        if doc.stack and not skipping:
            label, _, opened = doc.stack[-1]
            doc.add_text(raw[len(content) :] + "\n")
            message = f"<{label}> opened on line {opened} continues on line {number + 1}; "
            message += "the lines are kept as one document"
            yield Problem(where, message, number, severity=Severity.WARNING)
            continue
        if not skipping:
            yield from _finish(doc, where)
        doc = None
    if doc is not None and doc.stack and not skipping:
        label, _, opened = doc.stack[-1]
        yield Problem(where, f"document rejected: <{label}> is never closed", opened)


class InlineReader:
    """Reads ``<TYPE>surface</TYPE>`` tagged text, one document a line."""

    name: str = "inline"
    extensions: tuple[str, ...] = (".txt", ".tagged", ".inline")

    def sniff(self, path: Path, head: str) -> bool:
        return _SNIFF.search(head) is not None

    def read(self, path: Path, options: ReadOptions) -> Iterator[ReadItem]:
        text, problems = read_text_file(path)
        yield from problems
        if text is not None:
            yield from read_inline(text, str(path))


READER = InlineReader()


def nested_spans(doc: Document, report: WriteReport) -> list[Span]:
    """The spans that nest properly; crossing ones are dropped and counted."""
    kept: list[Span] = []
    for span in sorted(doc.spans, key=lambda s: (s.start, -s.end)):
        crossing = any(
            k.start < span.start < k.end < span.end or span.start < k.start < span.end < k.end
            for k in kept
        )
        same = any((k.start, k.end) == (span.start, span.end) for k in kept)
        if crossing or same:
            report.drop("overlapping span")
        else:
            kept.append(span)
    return kept


def tagged_text(text: str, spans: list[Span]) -> str:
    """``text`` with ``<LABEL>`` ... ``</LABEL>`` around each (nested) span."""
    marks: list[tuple[int, int, int, str]] = []
    for span in spans:
        marks.append((span.start, 1, -span.end, f"<{span.label}>"))
        marks.append((span.end, 0, -span.start, f"</{span.label}>"))
    marks.sort()
    out, last = [], 0
    for pos, _, _, tag in marks:
        out += [text[last:pos], tag]
        last = pos
    out.append(text[last:])
    return "".join(out)


class InlineWriter:
    """Writes one tagged document a line (line breaks in a text are kept)."""

    name: str = "inline"
    suffix: str = ".txt"
    is_directory: bool = False

    def write(self, docs: Iterable[Document], target: Path, context: WriteContext) -> WriteReport:
        report = WriteReport()
        multiline = tagged = 0
        with target.open("w", encoding="utf-8", newline="", buffering=STREAM_BUFFER) as out:
            for doc in docs:
                spans = nested_spans(doc, report)
                line = tagged_text(doc.text, spans)
                multiline += "\n" in line or "\r" in line
                tagged += TAG.search(doc.text) is not None
                out.write(line + "\n")
                report.documents += 1
                report.spans += len(spans)
                if doc.events:
                    report.drop("event (inline tags have none)", len(doc.events))
                if doc.relations:
                    report.drop("relation (inline tags have none)", len(doc.relations))
        if multiline:
            report.notes.append(
                f"{multiline} documents hold line breaks; each line reads back apart"
            )
        if tagged:
            report.notes.append(
                f"{tagged} documents hold text that reads as a tag (such as <TAB>); "
                "it reads back as one"
            )
        return report


WRITER = InlineWriter()
