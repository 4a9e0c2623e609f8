"""The shape of the native JSONL record (DESIGN §5), defined once.

Both the normal writer (from :class:`Document` objects) and the export fast
path (from the store's span rows, without building :class:`Span` objects)
assemble records here, so the two cannot drift apart.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.formats.base import WriteContext, WriteReport
from annotator.core.formats.jsonout import COLUMNS, SpanIndex, write_records
from annotator.core.model import Document, EntityRef, Origin, Span

OFFSETS = "codepoints, end-exclusive"
NOTES = (f'offsets: "{OFFSETS}" (Python code points)',)

SpanRow = tuple[Any, int | None, int, int, str, str, str | None, Any]
"""A span as the store reads it: (document id, span id, start, end, label,
origin, annotator name, entity key); the entity is the one a map of
entities holds under the key (the store's entity id), none when it holds
none."""


def entity_out(ident: int | None, name: str, kind: str | None) -> dict[str, Any]:
    """A span's or suggestion's ``entity`` object."""
    out: dict[str, Any] = {"id": ident, "name": name}
    if kind:
        out["type"] = kind
    return out


def ref_out(ref: EntityRef | None) -> dict[str, Any] | None:
    """``entity_out`` of an optional :class:`EntityRef`."""
    return None if ref is None else entity_out(ref.id, ref.name, ref.type)


def span_records(
    text: str, rows: Iterable[SpanRow], entities: Mapping[Any, EntityRef]
) -> list[dict[str, Any]]:
    """The ``spans`` list of a record, numbered ``T1``.. in row order; ``entities``
    holds the entity of each row's entity key."""
    return [
        {
            "id": f"T{n}",
            "start": s,
            "end": e,
            "label": lb,
            "text": text[s:e],
            "origin": org,
            "annotator": who,
        }
        if key is None or (ref := entities.get(key)) is None
        else {
            "id": f"T{n}",
            "start": s,
            "end": e,
            "label": lb,
            "text": text[s:e],
            "entity": entity_out(ref.id, ref.name, ref.type),
            "origin": org,
            "annotator": who,
        }
        for n, (_, _, s, e, lb, org, who, key) in enumerate(rows, 1)
    ]


def document_spans(doc: Document) -> list[dict[str, Any]]:
    """The ``spans`` list of ``doc``'s record."""
    rows = [
        (None, s.id, s.start, s.end, s.label, str(s.origin), s.annotator, s.entity)
        for s in doc.spans
    ]
    entities = {s.entity: s.entity for s in doc.spans if s.entity is not None}
    return span_records(doc.text, rows, entities)


def _events_out(doc: Document, index: SpanIndex, report: WriteReport) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for ev in doc.events:
        trigger = index.find(ev.trigger, ev.trigger_id)
        if trigger is None:
            report.drop("events whose trigger span is missing")
            continue
        args = []
        for arg in ev.arguments:
            pos = index.find(arg.span, arg.span_id)
            if pos is None:
                report.drop("event arguments whose span is missing")
                continue
            args.append({"role": arg.role, "span": f"T{pos + 1}"})
        item = {"id": f"E{len(out) + 1}", "type": ev.type, "trigger": f"T{trigger + 1}"}
        out.append({**item, "arguments": args, "annotator": ev.annotator})
    return out


def _relations_out(doc: Document, index: SpanIndex, report: WriteReport) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for rel in doc.relations:
        head, tail = index.find(rel.head, rel.head_id), index.find(rel.tail, rel.tail_id)
        if head is None or tail is None:
            report.drop("relations whose spans are missing")
            continue
        item = {"head": f"T{head + 1}", "tail": f"T{tail + 1}", "label": rel.label}
        out.append({**item, "annotator": rel.annotator})
    return out


def _event_ids(doc: Document) -> dict[str | int, str]:
    ids: dict[str | int, str] = {}
    for n, ev in enumerate(doc.events):
        for ref in (ev.key, ev.id):
            if ref not in ("", None):
                ids.setdefault(ref, f"E{n + 1}")
    return ids


def _notes_out(doc: Document, index: SpanIndex) -> list[dict[str, Any]]:
    events = _event_ids(doc)
    out = []
    for note in doc.notes:
        item: dict[str, Any] = {"text": note.text, "annotator": note.annotator}
        pos = index.find(note.span, note.span_id) if (note.span or note.span_id) else None
        if pos is not None:
            item["span"] = f"T{pos + 1}"
        event = events.get(note.event) or (
            events.get(note.event_id) if note.event_id is not None else None
        )
        if event is not None:
            item["event"] = event
        out.append(item)
    return out


def _suggestions_out(doc: Document) -> list[dict[str, Any]]:
    return [
        {"start": s.start, "end": s.end, "label": s.label, "entity": ref_out(s.entity)}
        | {"score": s.score, "state": str(s.state)}
        for s in doc.suggestions
    ]


def document_fields(doc: Document) -> dict[str, Any]:
    """The document values a record takes, by name, as the store's rows hold them."""
    fields = {name: getattr(doc, name) for name in ("id", "external_id", "text", *COLUMNS)}
    return fields | {
        "meta": doc.meta,
        "status": str(doc.status),
        "annotator": doc.annotator,
        "original_text": doc.original_text,
    }


def assemble(
    fields: Mapping[str, Any],
    spans: list[dict[str, Any]],
    linked: Document | None,
    index: SpanIndex,
    context: WriteContext,
    report: WriteReport,
) -> dict[str, Any]:
    """A record from :func:`document_fields`, the ready ``spans`` list, and the
    document's events, relations, notes and suggestions (``linked``, when it has any);
    ``index`` finds the spans they point at."""
    ident = fields["external_id"] if fields["external_id"] is not None else fields["id"]
    meta = {name: fields[name] for name in COLUMNS if fields[name] is not None}
    if fields["meta"]:
        meta.update((k, v) for k, v in fields["meta"].items() if k not in meta)
    record: dict[str, Any] = {
        "id": None if ident is None else str(ident),
        "text": fields["text"],
        "offsets": OFFSETS,
        "meta": meta,
        "status": fields["status"],
        "annotator": fields["annotator"],
        "spans": spans,
        "events": [],
        "relations": [],
        "notes": [],
    }
    if linked is not None:
        record["events"] = _events_out(linked, index, report)
        record["relations"] = _relations_out(linked, index, report)
        record["notes"] = _notes_out(linked, index)
    if fields["original_text"] is not None:
        record["original_text"] = fields["original_text"]
    if context.with_suggestions:
        record["suggestions"] = _suggestions_out(linked) if linked is not None else []
    return record


@dataclass(frozen=True, slots=True)
class RowDocument:
    """A stored document for the fast path: its fields, span rows and other annotations.

    ``fields`` holds what :func:`document_fields` names; ``linked`` is the
    document (without spans) when it has events, relations, notes or
    suggestions, which point at spans by key (``T1`` for the first row) or
    by the row's span id.
    """

    fields: Mapping[str, Any]
    spans: list[SpanRow]
    linked: Document | None = None
    entities: Mapping[Any, EntityRef] = field(default_factory=dict)

    def index(self) -> SpanIndex:
        """Finds the rows by key or span id."""
        index = SpanIndex(())
        for n, row in enumerate(self.spans):
            index.add(f"T{n + 1}", row[1], n)
        return index


@dataclass(frozen=True, slots=True)
class TextRow:
    """A stored document as a spaCy export reads it: its text, external id and spans as
    ``(start, end, label)`` in the store's order, and how many events, relations, entity
    links and notes it holds (what such an export cannot carry)."""

    text: str
    external_id: str | None
    spans: list[tuple[int, int, str]]
    uncarried: tuple[tuple[str, int], ...] = ()  # (what, how many), only those it holds


def row_document(item: RowDocument) -> Document:
    """The whole document of an item with ``linked`` annotations, its spans made from the rows
    (keyed ``T1``.. in row order, as the store's loader keys them)."""
    if item.linked is None:
        raise ValueError("row_document needs the linked document")
    origin, entity = Origin, item.entities.get
    spans = tuple(
        Span(start, end, label, f"T{n}", origin(org), who, entity(eid), sid)
        for n, (_, sid, start, end, label, org, who, eid) in enumerate(item.spans, start=1)
    )
    return dataclasses.replace(item.linked, spans=spans)


def row_record(item: RowDocument, context: WriteContext, report: WriteReport) -> dict[str, Any]:
    """The native record of a stored document, built straight from its rows."""
    index = item.index() if item.linked is not None else _NO_SPANS
    spans = span_records(item.fields["text"], item.spans, item.entities)
    return assemble(item.fields, spans, item.linked, index, context, report)


_NO_SPANS = SpanIndex(())


def write_rows(docs: Iterable[RowDocument], target: Path, context: WriteContext) -> WriteReport:
    """The native writer's output for stored documents, from their rows."""

    def record(item: RowDocument, report: WriteReport) -> dict[str, Any]:
        report.spans += len(item.spans)
        return row_record(item, context, report)

    return write_records(target, docs, NOTES, record)
