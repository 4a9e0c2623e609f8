"""Reading back the ``spacy`` export: ``{"text", "entities", "spans", "meta"}`` JSONL.

``entities`` and ``spans`` are ``[start, end, label]`` triples in code points,
end-exclusive (:mod:`annotator.core.formats.spacy_fmt`). ``spans`` holds every
span and ``entities`` the non-overlapping subset, so the spans are read from
``spans`` when a record has it, else from ``entities`` (the common
``{"text", "entities"}`` shape of spaCy training data). ``meta`` and the other
top-level fields are the document's metadata. Reading needs no spaCy.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.formats.annotated import (
    Parsed,
    SpanBook,
    document_fields,
    first_json_object,
    read_jsonl,
    record_text,
)
from annotator.core.formats.base import ReadItem, ReadOptions, RejectedError
from annotator.core.formats.doccano import is_triples
from annotator.core.model import Document

RECORD_FIELDS = ("entities", "spans", "meta")


def parse_record(obj: Any, options: ReadOptions) -> Parsed:
    """A pre-annotated document from one record of the spaCy export."""
    text_field = options.text_field or "text"
    text = record_text(obj, text_field)
    key = "spans" if "spans" in obj else "entities"
    triples = obj.get(key, [])
    if not is_triples(triples):
        raise RejectedError(f'"{key}" must be a list of [start, end, label] triples')
    book = SpanBook(text)
    book.extend(triples)
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    merged = {k: v for k, v in obj.items() if k not in (text_field, *RECORD_FIELDS)} | meta
    fields = document_fields(merged, options, skip=())
    return Parsed(Document(text=text, spans=tuple(book.spans), **fields))


def looks_like_spacy(obj: dict[str, Any] | None) -> bool:
    """Whether a JSON object is a record of the spaCy export, or ``{"text", "entities"}``
    with triples: ``entities`` tells it from a native record, even with no spans."""
    if obj is None or not isinstance(obj.get("text"), str):
        return False
    return is_triples(obj.get("entities")) and is_triples(obj.get("spans", []))


class SpacyJsonlReader:
    """Reads the ``spacy`` export's JSONL back."""

    name: str = "spacy"
    extensions: tuple[str, ...] = (".jsonl",)

    def sniff(self, path: Path, head: str) -> bool:
        return looks_like_spacy(first_json_object(path, head))

    def read(self, path: Path, options: ReadOptions) -> Iterator[ReadItem]:
        return read_jsonl(path, parse_record, options)


READER = SpacyJsonlReader()
