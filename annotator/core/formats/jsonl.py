"""JSON Lines with a text field and metadata fields, one article a line."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import orjson

from annotator.core.formats.base import Problem, ReadItem, ReadOptions, Record, Severity
from annotator.core.model import Document
from annotator.core.textio import BinaryFileError, clean_raw_text, decode, is_blank

TEXT_FIELDS = ("text", "content", "body", "isi_berita", "isi", "article", "data")
TITLE_FIELDS = ("title", "judul", "headline")
ID_FIELDS = ("id", "external_id", "doc_id", "document_id")
COLUMN_FIELDS = {
    "source": ("source", "sumber", "media"),
    "agency": ("agency", "wire"),
    "place": ("place", "dateline_place", "location"),
    "published_at": ("published_at", "date", "tanggal", "published", "datetime"),
    "url": ("url", "link", "tautan"),
}


def _first(obj: Mapping[str, Any], names: tuple[str, ...], chosen: str | None) -> str | None:
    for name in (chosen,) if chosen else names:
        if name and name in obj:
            return name
    return None


def document_from_object(obj: Mapping[str, Any], options: ReadOptions) -> Document | str:
    """A raw document from a JSON object, or the reason it is not one."""
    text_key = _first(obj, TEXT_FIELDS, options.text_field)
    if text_key is None:
        wanted = options.text_field or " / ".join(TEXT_FIELDS)
        return f"no text field ({wanted})"
    text = obj[text_key]
    if not isinstance(text, str):
        return f"field {text_key!r} is not a string"
    text = clean_raw_text(text)
    if is_blank(text):
        return f"field {text_key!r} is empty"
    used = {text_key}
    fields: dict[str, str | None] = {}
    for column, names in COLUMN_FIELDS.items():
        key = _first(obj, names, None)
        if key is not None and obj[key] is not None:
            fields[column] = str(obj[key])
            used.add(key)
    title_key = _first(obj, TITLE_FIELDS, options.title_field)
    id_key = _first(obj, ID_FIELDS, options.id_field)
    used.update(k for k in (title_key, id_key) if k)
    return Document(
        text=text,
        title=str(obj[title_key]) if title_key and obj[title_key] is not None else "",
        external_id=str(obj[id_key]) if id_key and obj[id_key] is not None else None,
        meta={k: v for k, v in obj.items() if k not in used},
        **fields,  # type: ignore[arg-type]
    )


UNPARSED = object()  # what parsed_line gives for a line to parse the careful way
_EXACT = frozenset({str, int, bool, type(None)})
_DIGITS_AS_ONES = bytes.maketrans(b"0123456789", b"1" * 10)
_NINETEEN = b"1" * 19


def _long_number(raw: bytes) -> bool:
    """Whether ``raw`` holds 19 digits in a row (a translation and a search: a few µs)."""
    return _NINETEEN in raw.translate(_DIGITS_AS_ONES)


def _lossy(value: Any, raw: bytes) -> bool:
    """Whether orjson may have read an integer of 19 digits or more in ``raw`` as a float.

    Never for an object of strings, integers, booleans and nulls, as an
    article's usually is (its type tells it in under a microsecond); for any
    other value, when the line holds 19 digits in a row.
    """
    if type(value) is dict and _EXACT.issuperset(map(type, value.values())):
        return False
    return _long_number(raw)


def parsed_line(raw: bytes) -> Any:
    """The JSON value of a line as orjson reads it, or ``UNPARSED`` when orjson refuses
    the line or may have lost digits of a long number in it (see :func:`iter_json_lines`)."""
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return UNPARSED
    return UNPARSED if _lossy(value, raw) else value


def iter_json_lines(path: Path) -> Iterator[tuple[int, Any] | Problem]:
    """Parsed JSON values with 1-based line numbers, streamed; a problem for each bad line.

    A line of UTF-8 JSON, as nearly all are, is parsed by orjson straight
    from its bytes. orjson is stricter than the json module (no BOM, no
    lone surrogates, no NaN), so a line it refuses is decoded and parsed the
    careful way, which accepts what json accepts and names what is wrong;
    so is a line with a number of 19 digits or more, which orjson would read
    as a float when it does not fit 64 bits.
    """
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            value = parsed_line(raw)
            if value is not UNPARSED:
                yield number, value
            elif raw.strip():
                yield from _careful(path, number, raw)


def _careful(path: Path, number: int, raw: bytes) -> Iterator[tuple[int, Any] | Problem]:
    """One line orjson refused: decoded (binary, or not UTF-8: a problem), then parsed."""
    try:
        decoded = decode(raw)
    except BinaryFileError:
        yield Problem(str(path), "binary data, not text", line=number)
        return
    if decoded.warning:
        yield Problem(str(path), decoded.warning, line=number, severity=Severity.WARNING)
    try:
        yield number, json.loads(decoded.text.rstrip("\r\n"))  # a column of this line
    except json.JSONDecodeError as exc:
        reason = exc.msg.removesuffix(" at")  # "Invalid control character at"
        yield Problem(str(path), f"malformed JSON: {reason} (column {exc.colno})", number)


class JsonlReader:
    """Reads raw articles from JSON Lines."""

    name: str = "jsonl"
    extensions: tuple[str, ...] = (".jsonl", ".ndjson", ".jsonlines")

    def sniff(self, path: Path, head: str) -> bool:
        first = head.lstrip("\ufeff").lstrip()
        return first.startswith("{") and path.suffix.lower() in self.extensions

    def read(self, path: Path, options: ReadOptions) -> Iterator[ReadItem]:
        try:
            with path.open("rb") as fh:
                if b"\x00" in fh.read(8192):
                    yield Problem(str(path), "binary file, not text")
                    return
        except OSError as exc:
            yield Problem(str(path), f"cannot read: {exc.strerror or exc}")
            return
        for item in iter_json_lines(path):
            if isinstance(item, Problem):
                yield item
                continue
            number, obj = item
            if not isinstance(obj, dict):
                yield Problem(str(path), "expected a JSON object", number)
                continue
            doc = document_from_object(obj, options)
            if isinstance(doc, str):
                yield Problem(str(path), doc, number)
            else:
                yield Record(doc, str(path), number)


READER = JsonlReader()
