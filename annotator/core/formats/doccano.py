"""doccano sequence-labelling JSONL, both shapes, read and written.

* ``{"text", "label": [[start, end, "LABEL"], ...]}`` (spans only), and
* ``{"text", "entities": [{"id", "label", "start_offset", "end_offset"}],
  "relations": [{"id", "from_id", "to_id", "type"}]}`` (spans and relations).

doccano's offsets are Python code points, end-exclusive, like ours. Other
top-level fields are document metadata. The writer uses the ``entities`` shape
for every document when any document has a relation, else the ``label`` shape;
it cannot carry events, entity links, notes or suggestions and reports them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.core.formats.annotated import (
    Parsed,
    SpanBook,
    as_label,
    document_fields,
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
from annotator.core.formats.jsonout import (
    OFFSETS_NOTE,
    SpanIndex,
    drop_unsupported,
    flat_meta,
    write_jsonl,
)
from annotator.core.model import Document, Relation

ANNOTATION_FIELDS = ("label", "entities", "relations")


def is_triples(value: Any) -> bool:
    if not isinstance(value, list):
        return False
    if {*map(type, value)} <= {list}:  # the usual JSON lists, checked in C
        return {*map(len, value)} <= {3}
    return all(isinstance(v, list) and len(v) == 3 for v in value)


def _label_spans(book: SpanBook, triples: Any) -> None:
    if not is_triples(triples):
        raise RejectedError('"label" must be a list of [start, end, label] triples')
    book.extend(triples)


def _entity_spans(book: SpanBook, entities: list[dict[str, Any]]) -> dict[Any, str]:
    keys: dict[Any, str] = {}
    for ent in entities:
        span = book.add(ent.get("start_offset"), ent.get("end_offset"), ent.get("label"))
        if ent.get("id") is not None:
            keys[ent["id"]] = span.key
    return keys


def _relations(keys: dict[Any, str], relations: Any) -> list[Relation]:
    found = span_dicts(relations if relations is not None else [])
    if found is None:
        raise RejectedError('"relations" must be a list of objects')
    out: list[Relation] = []
    for rel in found:
        head, tail = keys.get(rel.get("from_id")), keys.get(rel.get("to_id"))
        if head is None or tail is None:
            raise RejectedError(f"relation {rel.get('id')!r} points at an unknown entity")
        label = as_label(rel.get("type"), "relation type")
        out.append(Relation(label, head=head, tail=tail, key=f"R{len(out) + 1}"))
    return out


def parse_record(obj: Any, options: ReadOptions) -> Parsed:
    """A pre-annotated document from one doccano object."""
    text_field = options.text_field or "text"
    text = record_text(obj, text_field)
    book = SpanBook(text)
    relations: list[Relation] = []
    entities = obj.get("entities")
    if entities is not None:
        found = span_dicts(entities)
        if found is None:
            raise RejectedError('"entities" must be a list of objects')
        relations = _relations(_entity_spans(book, found), obj.get("relations"))
    else:
        _label_spans(book, obj.get("label", []))
    fields = document_fields(obj, options, skip=(text_field, *ANNOTATION_FIELDS))
    doc = Document(text=text, spans=tuple(book.spans), relations=tuple(relations), **fields)
    return Parsed(doc)


def looks_like_doccano(obj: dict[str, Any] | None) -> bool:
    """Whether a JSON object is a doccano sequence-labelling record."""
    if obj is None or not isinstance(obj.get("text"), str):
        return False
    entities = span_dicts(obj.get("entities"))
    if entities:
        return "start_offset" in entities[0]
    if entities is not None and "relations" in obj:
        return True
    return "label" in obj and is_triples(obj["label"])


class DoccanoReader:
    """Reads doccano JSONL exports (``label`` or ``entities``/``relations`` shape)."""

    name: str = "doccano"
    extensions: tuple[str, ...] = (".jsonl", ".json")

    def sniff(self, path: Path, head: str) -> bool:
        return looks_like_doccano(first_json_object(path, head))

    def read(self, path: Path, options: ReadOptions) -> Iterator[ReadItem]:
        return read_jsonl(path, parse_record, options)


def _entities_record(doc: Document, report: WriteReport) -> dict[str, Any]:
    index = SpanIndex(doc.spans)
    entities = [
        {"id": n + 1, "label": s.label, "start_offset": s.start, "end_offset": s.end}
        for n, s in enumerate(doc.spans)
    ]
    relations: list[dict[str, Any]] = []
    for rel in doc.relations:
        head, tail = index.find(rel.head, rel.head_id), index.find(rel.tail, rel.tail_id)
        if head is None or tail is None:
            report.drop("relations whose spans are missing")
            continue
        relations.append(
            {"id": len(relations) + 1, "from_id": head + 1, "to_id": tail + 1, "type": rel.label}
        )
    return {"entities": entities, "relations": relations}


def to_record(doc: Document, with_relations: bool, report: WriteReport) -> dict[str, Any]:
    """One doccano object for ``doc``."""
    record: dict[str, Any] = {"text": doc.text}
    ident = doc.external_id if doc.external_id is not None else doc.id
    if ident is not None:
        record["id"] = ident
    if with_relations:
        record.update(_entities_record(doc, report))
    else:
        record["label"] = [[s.start, s.end, s.label] for s in doc.spans]
    record.update(flat_meta(doc, taken=(*record, *ANNOTATION_FIELDS)))
    return record


class DoccanoWriter:
    """Writes doccano JSONL; the entities/relations shape when any relation exists."""

    name: str = "doccano"
    suffix: str = ".jsonl"
    is_directory: bool = False

    def write(self, docs: Iterable[Document], target: Path, context: WriteContext) -> WriteReport:
        """Write every document, streamed when the context says whether relations exist.

        Otherwise the documents are held in memory to choose the shape first.
        """
        items: Iterable[Document] = docs
        with_relations = context.has_relations
        if with_relations is None:
            items = list(docs)
            with_relations = any(doc.relations for doc in items)
        carries = ("relations",) if with_relations else ()
        report = WriteReport(notes=[OFFSETS_NOTE])

        def records() -> Iterator[dict[str, Any]]:
            for doc in items:
                drop_unsupported(report, doc, context, carries)
                report.documents += 1
                report.spans += len(doc.spans)
                yield to_record(doc, with_relations, report)

        write_jsonl(target, records())
        return report


READER = DoccanoReader()
WRITER = DoccanoWriter()
