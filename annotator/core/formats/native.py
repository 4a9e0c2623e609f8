"""The native JSONL record (DESIGN §5), written and read back losslessly.

One JSON object per line, one document per line::

    {"id", "text", "offsets": "codepoints, end-exclusive", "meta": {...},
     "status", "annotator", "spans": [{"id": "T1", "start", "end", "label",
     "text", "entity": {"id", "name", "type"}, "origin", "annotator"}],
     "events": [{"id": "E1", "type", "trigger": "T2", "arguments": [{"role", "span"}]}],
     "relations": [{"head", "tail", "label"}], "notes": [{"text", "span", "event"}],
     "original_text"?, "suggestions"?: [{"start", "end", "label", "entity", "score", "state"}]}

``offsets`` states the unit on every record: ``start``/``end`` count Python
code points of ``text`` and ``end`` is exclusive, so ``text[start:end]`` is
the span's ``text``. The reader keeps each span's recorded origin and
annotator; a record whose span text does not match its offsets is rejected.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.core.formats.annotated import (
    Parsed,
    SpanBook,
    as_label,
    first_json_object,
    read_jsonl,
    record_text,
    span_dicts,
)
from annotator.core.formats.base import (
    ReadItem,
    ReadOptions,
    RejectedError,
    WriteContext,
    WriteReport,
)
from annotator.core.formats.jsonout import COLUMNS, SpanIndex, write_records
from annotator.core.formats.nativerecord import (
    NOTES,
    OFFSETS,
    RowDocument,
    assemble,
    document_fields,
    document_spans,
    write_rows,
)
from annotator.core.model import (
    Argument,
    Document,
    EntityRef,
    Event,
    Note,
    Origin,
    Relation,
    Status,
    Suggestion,
    SuggestionState,
)
from annotator.core.offsets import span_problem


def to_record(doc: Document, context: WriteContext, report: WriteReport) -> dict[str, Any]:
    """The native record of one document."""
    spans, index = document_spans(doc), SpanIndex(doc.spans)
    return assemble(document_fields(doc), spans, doc, index, context, report)


class NativeWriter:
    """Writes the native JSONL record; carries everything a document holds."""

    name: str = "native"
    suffix: str = ".jsonl"
    is_directory: bool = False

    def write(self, docs: Iterable[Document], target: Path, context: WriteContext) -> WriteReport:
        """Stream one record per document."""

        def record(doc: Document, report: WriteReport) -> dict[str, Any]:
            report.spans += len(doc.spans)
            return to_record(doc, context, report)

        return write_records(target, docs, NOTES, record)

    def write_rows(
        self, items: Iterable[RowDocument], target: Path, context: WriteContext
    ) -> WriteReport:
        """:meth:`write` of stored documents given as rows (the same bytes)."""
        return write_rows(items, target, context)


# -- reading ---------------------------------------------------------------


def _list(obj: dict[str, Any], name: str) -> list[dict[str, Any]]:
    found = span_dicts(obj.get(name) or [])
    if found is None:
        raise RejectedError(f"{name!r} must be a list of objects")
    return found


def _entity_in(value: Any) -> EntityRef | None:
    if not isinstance(value, dict):
        return None
    ident = value.get("id")
    return EntityRef(
        ident if isinstance(ident, int) and not isinstance(ident, bool) else None,
        str(value.get("name", "")),
        str(value.get("type", "") or ""),
    )


def _origin(value: Any) -> Origin:
    try:
        return Origin(value)
    except ValueError:
        return Origin.IMPORTED


def _spans_in(book: SpanBook, items: list[dict[str, Any]]) -> None:
    for item in items:
        key = item.get("id")
        if not isinstance(key, str) or not key or key in {s.key for s in book.spans}:
            raise RejectedError(f"span id {key!r} is missing or repeated")
        span = book.add(
            item.get("start"),
            item.get("end"),
            item.get("label"),
            key=key,
            origin=_origin(item.get("origin")),
            annotator=item.get("annotator"),
            entity=_entity_in(item.get("entity")),
        )
        if "text" in item and item["text"] != span.text_in(book.text):
            raise RejectedError(f"span {key}: text {item['text']!r} does not match its offsets")


def _ref(keys: set[str], value: Any, what: str) -> str:
    if value not in keys:
        raise RejectedError(f"{what} points at unknown {value!r}")
    return str(value)


def _events_in(keys: set[str], items: list[dict[str, Any]]) -> list[Event]:
    events = []
    for n, item in enumerate(items):
        args = tuple(
            Argument(as_label(a.get("role"), "role"), span=_ref(keys, a.get("span"), "argument"))
            for a in _list(item, "arguments")
        )
        key = item.get("id") if isinstance(item.get("id"), str) else f"E{n + 1}"
        events.append(
            Event(
                as_label(item.get("type"), "event type"),
                trigger=_ref(keys, item.get("trigger"), "event trigger"),
                arguments=args,
                key=str(key),
                annotator=item.get("annotator"),
            )
        )
    return events


def _relations_in(keys: set[str], items: list[dict[str, Any]]) -> list[Relation]:
    return [
        Relation(
            as_label(item.get("label"), "relation label"),
            head=_ref(keys, item.get("head"), "relation head"),
            tail=_ref(keys, item.get("tail"), "relation tail"),
            key=f"R{n + 1}",
            annotator=item.get("annotator"),
        )
        for n, item in enumerate(items)
    ]


def _notes_in(keys: set[str], events: set[str], items: list[dict[str, Any]]) -> list[Note]:
    notes = []
    for item in items:
        text = item.get("text")
        if not isinstance(text, str):
            raise RejectedError("a note has no text")
        span = _ref(keys, item["span"], "note") if item.get("span") else ""
        event = _ref(events, item["event"], "note") if item.get("event") else ""
        notes.append(Note(text, annotator=item.get("annotator"), span=span, event=event))
    return notes


def _suggestions_in(text: str, items: list[dict[str, Any]]) -> list[Suggestion]:
    out = []
    for item in items:
        start, end = item.get("start"), item.get("end")
        problem = span_problem(text, start, end)  # type: ignore[arg-type]
        if problem is not None:
            raise RejectedError(f"suggestion: {problem}")
        score = item.get("score", 0.0)
        try:
            state = SuggestionState(item.get("state", "pending"))
        except ValueError:
            state = SuggestionState.PENDING
        out.append(
            Suggestion(
                int(start),  # type: ignore[arg-type]
                int(end),  # type: ignore[arg-type]
                as_label(item.get("label")),
                float(score) if isinstance(score, int | float) else 0.0,
                entity=_entity_in(item.get("entity")),
                state=state,
            )
        )
    return out


def _document_fields(obj: dict[str, Any], warnings: list[str]) -> dict[str, Any]:
    meta = obj.get("meta") or {}
    if not isinstance(meta, dict):
        raise RejectedError('"meta" must be an object')
    fields: dict[str, Any] = {k: str(meta[k]) for k in COLUMNS if meta.get(k) is not None}
    fields.setdefault("title", "")
    fields["meta"] = {k: v for k, v in meta.items() if k not in COLUMNS}
    try:
        fields["status"] = Status(obj.get("status") or "new")
    except ValueError:
        warnings.append(f"unknown status {obj.get('status')!r}; set to 'new'")
    if obj.get("id") is not None:
        fields["external_id"] = str(obj["id"])
    if isinstance(obj.get("annotator"), str):
        fields["annotator"] = obj["annotator"]
    if isinstance(obj.get("original_text"), str):
        fields["original_text"] = obj["original_text"]
    return fields


def parse_record(obj: Any, options: ReadOptions) -> Parsed:
    """A document, with every annotation, from one native record."""
    text = record_text(obj)
    unit = obj.get("offsets", OFFSETS)
    if unit != OFFSETS:
        raise RejectedError(f"unknown offset unit {unit!r} (expected {OFFSETS!r})")
    warnings: list[str] = []
    fields = _document_fields(obj, warnings)
    book = SpanBook(text)
    _spans_in(book, _list(obj, "spans"))
    keys = {s.key for s in book.spans}
    events = _events_in(keys, _list(obj, "events"))
    notes = _notes_in(keys, {e.key for e in events}, _list(obj, "notes"))
    doc = Document(
        text=text,
        spans=tuple(book.spans),
        events=tuple(events),
        relations=tuple(_relations_in(keys, _list(obj, "relations"))),
        notes=tuple(notes),
        suggestions=tuple(_suggestions_in(text, _list(obj, "suggestions"))),
        **fields,
    )
    return Parsed(doc, warnings)


def looks_native(obj: dict[str, Any] | None) -> bool:
    """Whether a JSON object is a native record."""
    if obj is None or not isinstance(obj.get("text"), str):
        return False
    if obj.get("offsets") == OFFSETS:
        return True
    spans = span_dicts(obj.get("spans"))
    if spans is None or "tokens" in obj or "entities" in obj:  # Prodigy's, spaCy's
        return False
    keyed = all(isinstance(s.get("id"), str) and s["id"].startswith("T") for s in spans)
    return keyed and ("events" in obj or isinstance(obj.get("meta"), dict))


class NativeReader:
    """Reads the native JSONL record back into documents."""

    name: str = "native"
    extensions: tuple[str, ...] = (".jsonl",)

    def sniff(self, path: Path, head: str) -> bool:
        return looks_native(first_json_object(path, head))

    def read(self, path: Path, options: ReadOptions) -> Iterator[ReadItem]:
        return read_jsonl(path, parse_record, options)


READER = NativeReader()
WRITER = NativeWriter()
