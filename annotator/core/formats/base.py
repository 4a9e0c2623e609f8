"""What every format module provides, and the records readers yield."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from annotator.core.model import Document, Schema
from annotator.core.offsets import trimmed


class Severity(StrEnum):
    """A problem either rejects a record or only warns about it."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one record of an input file, named by file and line."""

    path: str
    message: str
    line: int | None = None
    offset: int | None = None
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
        elif self.offset is not None:
            where += f" (offset {self.offset})"
        return f"{where}: {self.message}"


class RejectedError(ValueError):
    """A record or document that cannot be imported; the message says why.

    ``line`` is where it stands in its file, when the reader knows it.
    """

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Choices a person can make about how a file is read."""

    text_field: str | None = None
    title_field: str | None = None
    id_field: str | None = None
    strict: bool = False
    press_release: bool = True
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Record:
    """One document read from a file, with where it came from.

    ``pre_annotated`` records keep their text exactly as given (DESIGN §2);
    raw ones may be cleaned (newlines, press-release boilerplate).
    """

    document: Document
    path: str
    line: int | None = None
    pre_annotated: bool = False


ReadItem = Record | Problem


class Reader(Protocol):
    """A format module's reading side."""

    name: str
    extensions: tuple[str, ...]

    def sniff(self, path: Path, head: str) -> bool:
        """Whether a file with this name and first few KB is in this format."""
        ...

    def read(self, path: Path, options: ReadOptions) -> Iterator[ReadItem]:
        """Yield a record or a problem for every document in the file."""
        ...


@dataclass(frozen=True, slots=True)
class WriteContext:
    """What a writer needs besides the documents."""

    schema: Schema = field(default_factory=Schema)
    language: str = "id"
    with_suggestions: bool = False
    label_priority: tuple[str, ...] = ()
    has_relations: bool | None = None  # known up front, so writers need not look ahead


KEPT = " (kept)"
# What token-based writers change in a span and keep
TRIMMED = "span trimmed of white space at its edges (kept)"  # no token holds white space
CUT = "token cut where a span starts or ends inside it (kept)"  # the writer's own tokens


def trim_edges(text: str, start: int, end: int, report: WriteReport) -> tuple[int, int]:
    """:func:`~annotator.core.offsets.trimmed`, counted in ``report`` when it trims."""
    inner = trimmed(text, start, end)
    if inner != (start, end):
        report.drop(TRIMMED)
    return inner


@dataclass
class WriteReport:
    """What an export wrote and what the format could not carry."""

    documents: int = 0
    spans: int = 0
    dropped: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def drop(self, reason: str, count: int = 1) -> None:
        """Count something the format could not carry, by reason.

        A reason ending in ``KEPT`` is a change the format needed, the thing itself
        written ("span widened to token boundaries (kept)"); see :meth:`split`.
        """
        self.dropped[reason] = self.dropped.get(reason, 0) + count

    def split(self) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
        """``(reason, count)`` of what was dropped, and of what was changed but kept
        (without the ``KEPT`` mark), each sorted by reason."""
        found = sorted(self.dropped.items())
        dropped = [(r, n) for r, n in found if not r.endswith(KEPT)]
        return dropped, [(r.removesuffix(KEPT), n) for r, n in found if r.endswith(KEPT)]


class Writer(Protocol):
    """A format module's writing side.

    ``target`` is a file for single-file formats and a directory for formats
    with ``is_directory`` (brat). The export service makes writing atomic;
    writers just stream ``docs`` into ``target``.
    """

    name: str
    suffix: str
    is_directory: bool

    def write(self, docs: Iterable[Document], target: Path, context: WriteContext) -> WriteReport:
        """Write every document; report what was dropped."""
        ...
