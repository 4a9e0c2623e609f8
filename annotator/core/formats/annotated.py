"""Shared reading helpers for pre-annotated JSON formats (doccano, Prodigy, ...).

Pre-annotated records keep their text exactly as given (DESIGN §2). A record
with a span that lies outside its text or splits a character is rejected as a
whole, with a :class:`Problem` naming the file and line; the other records of
the file still import.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
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
from annotator.core.formats.jsonl import (
    COLUMN_FIELDS,
    ID_FIELDS,
    TITLE_FIELDS,
    iter_json_lines,
    parsed_line,
)
from annotator.core.model import Document, EntityRef, Origin, Span
from annotator.core.offsets import span_problem, splits_character
from annotator.core.spanmaker import make_span

SNIFF_LIMIT = 4 * 1024 * 1024
_KEYS = [f"T{n}" for n in range(1, 1025)]  # the usual keys, made once
_NONE: set[str] = set()


@dataclass
class Parsed:
    """What a format's record parser made of one JSON object."""

    document: Document
    warnings: list[str] = field(default_factory=list)


Parser = Callable[[Any, ReadOptions], Parsed]


def as_int(value: Any, what: str) -> int:
    """``value`` as an offset, or a :class:`RejectedError` naming ``what``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise RejectedError(f"{what} must be an integer, got {value!r}")
    return value


def as_label(value: Any, what: str = "label") -> str:
    """``value`` as a non-empty label name."""
    if not isinstance(value, str) or not value.strip():
        raise RejectedError(f"{what} must be a non-empty string, got {value!r}")
    return value


def record_text(obj: Any, field_name: str = "text") -> str:
    """The text of a pre-annotated record, kept exactly as given."""
    if not isinstance(obj, Mapping):
        raise RejectedError("expected a JSON object")
    text = obj.get(field_name)
    if not isinstance(text, str):
        raise RejectedError(f"no string field {field_name!r}")
    if not text.strip():
        raise RejectedError(f"field {field_name!r} is empty")
    return text


class SpanBook:
    """Collects one record's spans: checks offsets, gives keys "T1", "T2", ..."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[Span] = []
        self._keys: set[str] = set()
        # No offset can split a character of plain ASCII without CR (see splits_character).
        self._plain = text.isascii() and "\r" not in text

    def add(
        self,
        start: Any,
        end: Any,
        label: Any,
        *,
        key: str = "",
        origin: Origin = Origin.IMPORTED,
        annotator: str | None = None,
        entity: EntityRef | None = None,
    ) -> Span:
        """Check and keep a span; raise :class:`RejectedError` when it is invalid."""
        if not self._valid(start, end, label):
            start, end, label = self._checked(start, end, label)
        if not key or key in self._keys:
            key = self._free_key()
        self._keys.add(key)
        span = Span(start, end, label, key, origin, annotator, entity)
        self.spans.append(span)
        return span

    def extend(self, triples: Iterable[Sequence[Any]]) -> None:
        """:meth:`add` each ``(start, end, label)`` as an imported span with a fresh key."""
        triples = triples if isinstance(triples, list) else list(triples)
        if triples and not self.spans and self._all_valid(triples):
            self._first(triples)
            return
        spans, keys, valid, imported = self.spans, self._keys, self._valid, Origin.IMPORTED
        for start, end, label in triples:
            if not valid(start, end, label):
                start, end, label = self._checked(start, end, label)
            key = self._free_key()
            keys.add(key)
            spans.append(make_span(start, end, label, key, imported, None, None, None))

    def _all_valid(self, triples: list[Sequence[Any]]) -> bool:
        """Whether every triple is a valid span (one loop; see :meth:`_valid`)."""
        size, text, plain = len(self.text), self.text, self._plain
        for start, end, label in triples:
            if not (
                type(start) is int
                and type(end) is int
                and 0 <= start < end <= size
                and type(label) is str
                and label.strip()
                and (plain or not (splits_character(text, start) or splits_character(text, end)))
            ):
                return False
        return True

    def _first(self, triples: list[Sequence[Any]]) -> None:
        """Keep valid ``triples`` as the record's first spans, keyed ``T1``, ``T2``, ..."""
        n = len(triples)
        keys = _KEYS[:n] if n <= len(_KEYS) else [f"T{i}" for i in range(1, n + 1)]
        starts, ends, labels = zip(*triples, strict=True)
        imported, no = repeat(Origin.IMPORTED, n), repeat(None)
        self.spans = list(map(make_span, starts, ends, labels, keys, imported, no, no, no))
        self._keys.update(keys)

    def _valid(self, start: Any, end: Any, label: Any) -> bool:
        """Whether a span is valid, told in a few comparisons (else see :meth:`_checked`)."""
        return (
            type(label) is str
            and bool(label.strip())
            and type(start) is int
            and type(end) is int
            and 0 <= start < end <= len(self.text)
            and (
                self._plain
                or not (splits_character(self.text, start) or splits_character(self.text, end))
            )
        )

    def _checked(self, start: Any, end: Any, label: Any) -> tuple[int, int, str]:
        """``(start, end, label)`` checked in full; :class:`RejectedError` says why not."""
        label = as_label(label)
        s, e = as_int(start, "span start"), as_int(end, "span end")
        problem = span_problem(self.text, s, e)
        if problem is not None:
            raise RejectedError(f"{problem} (label {label!r})")
        return s, e, label

    def _free_key(self) -> str:
        key = f"T{len(self.spans) + 1}"
        return self.next_key() if key in self._keys else key

    def next_key(self) -> str:
        """The first unused key of the form ``T<n>``."""
        n = len(self.spans) + 1
        while f"T{n}" in self._keys:
            n += 1
        return f"T{n}"


def _first_key(obj: Mapping[str, Any], names: Iterable[str], used: set[str] = _NONE) -> str | None:
    """The first of ``names`` (not in ``used``) that ``obj`` holds a non-null value for."""
    for name in names:
        if obj.get(name) is not None and name not in used:
            return name
    return None


def document_fields(
    obj: Mapping[str, Any], options: ReadOptions, skip: Iterable[str]
) -> dict[str, Any]:
    """Document keyword arguments (title, external_id, source, ..., meta) from ``obj``.

    Keys in ``skip`` (the text and annotation fields) are neither mapped nor
    kept in ``meta``.
    """
    used = set(skip)
    fields: dict[str, Any] = {}
    title = _first_key(obj, (options.title_field,) if options.title_field else TITLE_FIELDS)
    ident = _first_key(obj, (options.id_field,) if options.id_field else ID_FIELDS)
    if title is not None:
        fields["title"] = str(obj[title])
        used.add(title)
    if ident is not None:
        fields["external_id"] = str(obj[ident])
        used.add(ident)
    for column, names in COLUMN_FIELDS.items():
        key = _first_key(obj, names, used)
        if key is not None:
            fields[column] = str(obj[key])
            used.add(key)
    fields["meta"] = {k: v for k, v in obj.items() if k not in used}
    return fields


def parse_items(
    path: Path, items: Iterable[tuple[int, Any] | Problem], parse: Parser, options: ReadOptions
) -> Iterator[ReadItem]:
    """Turn numbered JSON values into pre-annotated records or problems."""
    where = str(path)
    for item in items:
        if isinstance(item, Problem):
            yield item
            continue
        number, obj = item
        try:
            parsed = parse(obj, options)
        except RejectedError as exc:
            yield Problem(where, f"record rejected: {exc}", number)
            continue
        for warning in parsed.warnings:
            yield Problem(where, warning, number, severity=Severity.WARNING)
        yield Record(parsed.document, where, number, pre_annotated=True)


def read_jsonl(path: Path, parse: Parser, options: ReadOptions) -> Iterator[ReadItem]:
    """Read a JSON Lines file of pre-annotated records with ``parse``."""
    try:
        yield from parse_items(path, iter_json_lines(path), parse, options)
    except OSError as exc:
        yield Problem(str(path), f"cannot read: {exc.strerror or exc}")


def first_json_object(path: Path, head: str) -> dict[str, Any] | None:
    """The first JSON object of a JSON Lines file (or first element of an array).

    Sniffing asks every JSON reader in turn, so the usual file, one object a
    line, is answered from its first line alone, taken from ``head`` when it
    holds the whole line; any other layout is parsed from up to its first 4 MB.
    """
    text = head.lstrip("\ufeff").lstrip()
    if not text.startswith(("{", "[")):
        return None
    if text.startswith("{"):
        line, newline, _ = text.partition("\n")
        found = _line_object(line.encode()) if newline else _first_line_object(path)
        if found is not None:
            return found
    try:
        with path.open("rb") as fh:
            data = fh.read(SNIFF_LIMIT).decode("utf-8-sig", errors="replace").lstrip()
    except OSError:
        data = text
    if data.startswith("["):
        data = data[1:].lstrip()
    try:
        value, _ = json.JSONDecoder().raw_decode(data)
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


def _first_line_object(path: Path) -> dict[str, Any] | None:
    """:func:`_line_object` of the first line of ``path`` that is not blank."""
    try:
        with path.open("rb") as fh:
            line = fh.readline(SNIFF_LIMIT)
            while line.isspace():
                line = fh.readline(SNIFF_LIMIT)
    except OSError:
        return None
    return _line_object(line)


def _line_object(line: bytes) -> dict[str, Any] | None:
    """The JSON object ``line`` holds, when orjson reads it as the import would
    (:func:`parsed_line`)."""
    value = parsed_line(line)
    return value if isinstance(value, dict) else None


def span_dicts(value: Any) -> list[dict[str, Any]] | None:
    """``value`` when it is a list of JSON objects, else ``None``."""
    if isinstance(value, list) and all(isinstance(v, dict) for v in value):
        return value
    return None
