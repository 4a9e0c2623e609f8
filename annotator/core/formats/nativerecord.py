"""The shape of the native JSONL record (DESIGN §5), defined once.

Both the normal writer (from :class:`Document` objects) and the export fast
path (from the store's span rows, without building :class:`Span` objects)
assemble records here, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.formats.base import WriteContext, WriteReport
from annotator.core.formats.jsonout import COLUMNS, SpanIndex, write_jsonl
from annotator.core.model import Document, EntityRef, Span

OFFSETS = "codepoints, end-exclusive"

SpanRow = tuple[Any, int | None, int, int, str, str, str | None, int | None, str | None, str | None]
"""A span as the store reads it: (document id, span id, start, end, label,
origin, annotator name, entity id, entity name, entity type); no entity
when the entity name is ``None``."""


def entity_out(ident: int | None, name: str, kind: str | None) -> dict[str, Any]:
    """A span's or suggestion's ``entity`` object."""
    out: dict[str, Any] = {"id": ident, "name": name}
    if kind:
        out["type"] = kind
    return out


def ref_out(ref: EntityRef | None) -> dict[str, Any] | None:
    """``entity_out`` of an optional :class:`EntityRef`."""
    return None if ref is None else entity_out(ref.id, ref.name, ref.type)


def span_records(text: str, rows: Iterable[SpanRow]) -> list[dict[str, Any]]:
    """The ``spans`` list of a record, numbered ``T1``.. in row order."""
    return [
        {"id": f"T{n}", "start": s, "end": e, "label": lb, "text": text[s:e]}
        | {"origin": org, "annotator": who}
        if en is None
        else {"id": f"T{n}", "start": s, "end": e, "label": lb, "text": text[s:e]}
        | {"entity": entity_out(eid, en, et), "origin": org, "annotator": who}
        for n, (_, _, s, e, lb, org, who, eid, en, et) in enumerate(rows, 1)
    ]


def _span_row(s: Span) -> SpanRow:
    ref = s.entity
    if ref is None:
        return (None, s.id, s.start, s.end, s.label, str(s.origin), s.annotator, None, None, None)
    return (
        None,
        s.id,
        s.start,
        s.end,
        s.label,
        str(s.origin),
        s.annotator,
        ref.id,
        ref.name,
        ref.type,
    )


def document_spans(doc: Document) -> list[dict[str, Any]]:
    """The ``spans`` list of ``doc``'s record."""
    return span_records(doc.text, map(_span_row, doc.spans))


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


def assemble(
    doc: Document,
    spans: list[dict[str, Any]],
    index: SpanIndex,
    context: WriteContext,
    report: WriteReport,
) -> dict[str, Any]:
    """The record of ``doc`` around its ready ``spans`` list (``index`` finds them)."""
    ident = doc.external_id if doc.external_id is not None else doc.id
    meta = {name: getattr(doc, name) for name in COLUMNS if getattr(doc, name) is not None}
    if doc.meta:
        meta.update((k, v) for k, v in doc.meta.items() if k not in meta)
    record: dict[str, Any] = {
        "id": None if ident is None else str(ident),
        "text": doc.text,
        "offsets": OFFSETS,
        "meta": meta,
        "status": str(doc.status),
        "annotator": doc.annotator,
        "spans": spans,
        "events": _events_out(doc, index, report) if doc.events else [],
        "relations": _relations_out(doc, index, report) if doc.relations else [],
        "notes": _notes_out(doc, index) if doc.notes else [],
    }
    if doc.original_text is not None:
        record["original_text"] = doc.original_text
    if context.with_suggestions:
        record["suggestions"] = _suggestions_out(doc)
    return record


@dataclass(frozen=True, slots=True)
class RowDocument:
    """A stored document for the fast path: ``doc`` without spans, and its span rows.

    ``doc``'s events, relations and notes point at spans by key (``T1`` for
    the first row) or by the row's span id.
    """

    doc: Document
    spans: list[SpanRow]

    def index(self) -> SpanIndex:
        """Finds the rows by key or span id."""
        index = SpanIndex(())
        for n, row in enumerate(self.spans):
            index.add(f"T{n + 1}", row[1], n)
        return index


def row_record(item: RowDocument, context: WriteContext, report: WriteReport) -> dict[str, Any]:
    """The native record of a stored document, built straight from its rows."""
    doc = item.doc
    linked = doc.events or doc.relations or doc.notes
    index = item.index() if linked else SpanIndex(())
    return assemble(doc, span_records(doc.text, item.spans), index, context, report)


def write_rows(docs: Iterable[RowDocument], target: Path, context: WriteContext) -> WriteReport:
    """The native writer's output for stored documents, from their rows."""
    report = WriteReport(notes=[f'offsets: "{OFFSETS}" (Python code points)'])

    def records() -> Iterator[dict[str, Any]]:
        for item in docs:
            report.documents += 1
            report.spans += len(item.spans)
            yield row_record(item, context, report)

    write_jsonl(target, records())
    return report
