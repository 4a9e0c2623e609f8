"""Shared writing helpers: streamed JSON output, metadata columns, span lookup."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import orjson

from annotator.core.formats.base import WriteContext, WriteReport
from annotator.core.model import Document, Span

OFFSETS_NOTE = "offsets are Python code points over the text, end-exclusive"
# Bytes an export file buffers before writing: one write call a megabyte instead of one or
# two a document (a Prodigy task is ~10 KB, past the default 8 KB): 5-9% of the CPU of a
# native, Prodigy or Label Studio export.
STREAM_BUFFER = 1 << 20
T = TypeVar("T")
COLUMNS = ("title", "source", "agency", "place", "published_at", "url")


def dumps(obj: Any) -> str:
    """One compact JSON value, UTF-8 characters kept as they are."""
    return orjson.dumps(obj).decode("utf-8")


def write_jsonl(target: Path, objects: Iterable[dict[str, Any]]) -> None:
    """Stream one JSON object per line into ``target`` (orjson, UTF-8)."""
    with target.open("wb", buffering=STREAM_BUFFER) as fh:
        for obj in objects:
            fh.write(orjson.dumps(obj, option=orjson.OPT_APPEND_NEWLINE))


def write_records(
    target: Path,
    items: Iterable[T],
    notes: Sequence[str],
    record: Callable[[T, WriteReport], dict[str, Any]],
) -> WriteReport:
    """Stream ``record(item, report)`` of each item into ``target``, one JSON object a line.

    Returns the report the records filled in, with ``notes`` and the
    documents counted.
    """
    report = WriteReport(notes=list(notes))

    def records() -> Iterator[dict[str, Any]]:
        for item in items:
            report.documents += 1
            yield record(item, report)

    write_jsonl(target, records())
    return report


def write_json_array(target: Path, objects: Iterable[dict[str, Any]]) -> None:
    """Stream a JSON array into ``target``: ``[``, items joined by ``,\\n``, ``]``."""
    with target.open("wb", buffering=STREAM_BUFFER) as fh:
        fh.write(b"[")
        for n, obj in enumerate(objects):
            fh.write(b",\n" if n else b"\n")
            fh.write(orjson.dumps(obj))
        fh.write(b"\n]\n")


def columns(doc: Document) -> dict[str, Any]:
    """The document's set metadata columns (title, source, ...), by name."""
    values = {name: getattr(doc, name) for name in COLUMNS}
    return {k: v for k, v in values.items() if v not in (None, "")}


def flat_meta(doc: Document, taken: Iterable[str]) -> dict[str, Any]:
    """Columns, then ``doc.meta`` entries whose names are not ``taken`` or columns."""
    return flat_fields({name: getattr(doc, name) for name in COLUMNS}, doc.meta, taken)


def flat_fields(
    values: Mapping[str, Any], meta: Mapping[str, Any], taken: Iterable[str]
) -> dict[str, Any]:
    """:func:`flat_meta` of a stored document's field ``values`` (all of ``COLUMNS``) and meta."""
    out = {name: values[name] for name in COLUMNS if values[name] not in (None, "")}
    skip = set(taken) | set(out)
    out.update((k, v) for k, v in meta.items() if k not in skip)
    return out


class SpanIndex:
    """Finds a document's spans by key (importers) or database id (store)."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self._by_key: dict[str, int] = {}
        self._by_id: dict[int, int] = {}
        for n, span in enumerate(spans):
            self.add(span.key, span.id, n)

    def add(self, key: str, ident: int | None, position: int) -> None:
        """Record the span at ``position``; the first span with a key or id wins."""
        if key:
            self._by_key.setdefault(key, position)
        if ident is not None:
            self._by_id.setdefault(ident, position)

    def find(self, key: str, ident: int | None) -> int | None:
        """Position of the span with ``key``, else with database id ``ident``."""
        if key and key in self._by_key:
            return self._by_key[key]
        return self._by_id.get(ident) if ident is not None else None


def drop_unsupported(
    report: WriteReport, doc: Document, context: WriteContext, carries: Collection[str]
) -> None:
    """Count what ``doc`` holds that a format cannot carry (see ``carries``)."""
    counts = {
        "events": len(doc.events),
        "relations": len(doc.relations),
        "entity links": sum(1 for s in doc.spans if s.entity is not None),
        "notes": len(doc.notes),
        "suggestions": len(doc.suggestions) if context.with_suggestions else 0,
    }
    for reason, n in counts.items():
        if n and reason not in carries:
            report.drop(reason, n)
