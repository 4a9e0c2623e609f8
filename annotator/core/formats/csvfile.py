"""CSV (or TSV) with a text column and metadata columns, one raw article a record.

The text column is ``ReadOptions.text_field`` or the first of the usual names
(text, content, body, isi_berita, ...; any case). Title, id, URL and date
columns map to document fields (``tanggal`` ``10/21/2025 20:43`` becomes
``published_at`` ``2025-10-21T20:43:00``); the rest go to ``meta``. Quoted
fields may span lines (RFC 4180); problems name the record's first line.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from annotator.core.formats.base import Problem, ReadItem, ReadOptions, Record
from annotator.core.formats.jsonl import COLUMN_FIELDS, TEXT_FIELDS, document_from_object
from annotator.core.formats.plaintext import read_text_file
from annotator.core.model import Document

DATE_FORMATS = (
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
)
DELIMITERS = (",", ";", "\t", "|")


def iso_date(value: str) -> str | None:
    """``value`` as an ISO 8601 date-time when one of :data:`DATE_FORMATS` fits."""
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value.strip(), fmt).isoformat()
        except ValueError:
            continue
    return None


def delimiter_of(header: str, path: Path) -> str:
    """The delimiter of a header line: tab for .tsv, else the most frequent candidate."""
    if path.suffix.lower() == ".tsv":
        return "\t"
    return max(DELIMITERS, key=header.count)


def text_column(header: list[str], options: ReadOptions) -> str | None:
    """The header name of the text column (chosen, else a usual name in any case)."""
    if options.text_field:
        return options.text_field if options.text_field in header else None
    lowered = {name.strip().lower(): name for name in header}
    return next((lowered[n] for n in TEXT_FIELDS if n in lowered), None)


def _with_date(doc: Document, row: dict[str, str]) -> Document:
    """``published_at`` as ISO when parseable; otherwise the raw value stays in meta."""
    if doc.published_at is None:
        return doc
    iso = iso_date(doc.published_at)
    if iso is not None:
        return replace(doc, published_at=iso)
    key = next(k for k in COLUMN_FIELDS["published_at"] if k in row)
    return replace(doc, published_at=None, meta={**doc.meta, key: row[key]})


def _rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Records with the line number of their first line."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    previous = 0
    for row in reader:
        yield previous + 1, row
        previous = reader.line_num


class CsvReader:
    """Reads raw articles from CSV/TSV with a header row."""

    name: str = "csv"
    extensions: tuple[str, ...] = (".csv", ".tsv")

    def sniff(self, path: Path, head: str) -> bool:
        first = head.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
        delimiter = delimiter_of(first, path)
        if first.count(delimiter) < 1:
            return False
        if path.suffix.lower() in self.extensions:
            return True
        names = [n.strip().strip('"').lower() for n in first.split(delimiter)]
        header_like = all(re.fullmatch(r"[\w.-]{1,40}", n) for n in names)
        return header_like and any(n in TEXT_FIELDS for n in names)

    def read(self, path: Path, options: ReadOptions) -> Iterator[ReadItem]:
        text, problems = read_text_file(path)
        yield from problems
        if text is None:
            return
        where = str(path)
        csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))
        rows = _rows(text, delimiter_of(text.split("\n", 1)[0], path))
        try:
            _, header = next(rows)
            column = text_column(header, options)
            if column is None:
                wanted = options.text_field or " / ".join(TEXT_FIELDS)
                yield Problem(where, f"no text column ({wanted}) in header {header!r}", 1)
                return
            chosen = replace(options, text_field=column)
            for line, row in rows:
                yield from _record(where, line, header, row, chosen)
        except csv.Error as exc:
            yield Problem(where, f"CSV error, reading stopped: {exc}")


def _record(
    where: str, line: int, header: list[str], row: list[str], options: ReadOptions
) -> Iterator[ReadItem]:
    if not row:
        return
    if len(row) != len(header):
        yield Problem(where, f"{len(row)} fields where the header has {len(header)}", line)
        return
    obj = dict(zip(header, row, strict=True))
    doc = document_from_object(obj, options)
    if isinstance(doc, str):
        yield Problem(where, doc, line)
    else:
        yield Record(_with_date(doc, obj), where, line)


READER = CsvReader()
