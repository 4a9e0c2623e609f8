"""Writing brat standoff: ``X.txt`` + ``X.ann`` per document and an annotation.conf.

Spans are renumbered ``T1``..; a span with a line break inside is written as
fragments split at the break (brat's own way). A relation whose argument is
an event's trigger names the event (``Arg1:E2``), as brat expects.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from annotator.core.formats.base import WriteContext, WriteReport
from annotator.core.formats.brat_conf import Seen, write_conf
from annotator.core.formats.nativerecord import RowDocument, row_document
from annotator.core.model import Document, EntityRef


@dataclass
class _Ids:
    """Our keys and ids -> brat ids for one document."""

    by_key: dict[str, str] = field(default_factory=dict)
    by_id: dict[int, str] = field(default_factory=dict)
    by_event_id: dict[int, str] = field(default_factory=dict)
    event_of_trigger: dict[str, str] = field(default_factory=dict)

    def add(self, key: str, ident: int | None, brat_id: str) -> None:
        if key:
            self.by_key.setdefault(key, brat_id)
        if ident is not None:
            self.by_id.setdefault(ident, brat_id)

    def get(self, key: str, ident: int | None = None) -> str | None:
        if key and key in self.by_key:
            return self.by_key[key]
        return self.by_id.get(ident) if ident is not None else None


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at line breaks into non-empty pieces."""
    pieces = []
    pos = start
    for m in re.finditer(r"\r?\n|\r", text[start:end]):
        pieces.append((pos, start + m.start()))
        pos = start + m.end()
    pieces.append((pos, end))
    return [(s, e) for s, e in pieces if e > s] or [(start, end)]


def _t_line(tid: str, start: int, end: int, label: str, text: str) -> str:
    """The T line of a span: its fragments when it holds a line break."""
    if text.find("\n", start, end) == -1 and text.find("\r", start, end) == -1:
        return f"{tid}\t{label} {start} {end}\t{text[start:end]}"  # one fragment
    parts = fragments(text, start, end)
    offsets = ";".join(f"{s} {e}" for s, e in parts)
    surface = " ".join(text[s:e] for s, e in parts)
    return f"{tid}\t{label} {offsets}\t{surface}"


def _event_lines(doc: Document, ids: _Ids, report: WriteReport, seen: Seen) -> list[str]:
    lines = []
    for n, event in enumerate(doc.events, start=1):
        trigger = ids.get(event.trigger, event.trigger_id)
        if trigger is None:
            report.drop("event without its trigger span")
            continue
        eid = f"E{n}"
        ids.add(event.key, None, eid)
        if event.id is not None:
            ids.by_event_id[event.id] = eid
        ids.event_of_trigger.setdefault(trigger, eid)
        used: Counter[str] = Counter()
        args = []
        for arg in event.arguments:
            target = ids.get(arg.span, arg.span_id)
            if target is None:
                report.drop("event argument without its span")
                continue
            used[arg.role] += 1
            suffix = str(used[arg.role]) if used[arg.role] > 1 else ""
            args.append(f"{arg.role}{suffix}:{target}")
        seen.events.setdefault(event.type, set()).update(a.role for a in event.arguments)
        lines.append(f"{eid}\t{' '.join([f'{event.type}:{trigger}', *args])}")
    return lines


def _relation_lines(doc: Document, ids: _Ids, report: WriteReport, seen: Seen) -> list[str]:
    lines = []
    for n, rel in enumerate(doc.relations, start=1):
        head, tail = ids.get(rel.head, rel.head_id), ids.get(rel.tail, rel.tail_id)
        if head is None or tail is None:
            report.drop("relation without its spans")
            continue
        head = ids.event_of_trigger.get(head, head)
        tail = ids.event_of_trigger.get(tail, tail)
        seen.relations.add(rel.label)
        lines.append(f"R{n}\t{rel.label} Arg1:{head} Arg2:{tail}")
    return lines


def _meta_list(doc: Document, key: str) -> list[dict[str, Any]]:
    value = doc.meta.get(key)
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _link_lines(doc: Document, ids: _Ids) -> list[str]:
    known = {str(n.get("target")): n for n in _meta_list(doc, "brat_normalizations")}
    lines: list[str] = []
    for span in doc.spans:
        if span.entity is None:
            continue
        tid = ids.get(span.key, span.id)
        if tid is None:
            continue
        lines.append(_link_line(len(lines) + 1, tid, span.entity, known.get(span.key, {})))
    return lines


def _link_line(number: int, tid: str, entity: EntityRef, old: dict[str, Any]) -> str:
    """The N line linking ``tid`` to its entity (``old``: the brat normalization it was
    imported from, if any)."""
    db = str(old.get("db") or "KB")
    fallback = entity.id if entity.id is not None else entity.name
    db_id = re.sub(r"\s+", "_", str(old.get("db_id") or fallback))
    name = " ".join(entity.name.split())  # a line break would end the line
    return f"N{number}\tReference {tid} {db}:{db_id}\t{name}"


def _extra_lines(doc: Document, ids: _Ids, report: WriteReport, seen: Seen) -> list[str]:
    lines: list[str] = []
    for attr in _meta_list(doc, "brat_attributes"):
        target = ids.get(str(attr.get("target")))
        if target is None:
            report.drop("attribute on a missing annotation")
            continue
        value = attr.get("value", True)
        name = str(attr.get("name"))
        tail = "" if value is True else f" {value}"
        seen.attributes.setdefault(name, set()).update(set() if value is True else {str(value)})
        lines.append(f"A{len(lines) + 1}\t{name} {target}{tail}")
    notes: list[tuple[str | None, str]] = []
    for note in doc.notes:
        where = ids.get(note.span, note.span_id) or ids.get(note.event)
        if where is None and note.event_id is not None:
            where = ids.by_event_id.get(note.event_id)
        notes.append((where, note.text))
    for n, (tid, text) in enumerate(notes, start=1):
        if tid is None:
            report.drop("note without a span or event")
            continue
        lines.append(f"#{n}\tAnnotatorNotes {tid}\t{' '.join(text.split())}")
    return lines


def ann_lines(doc: Document, report: WriteReport, seen: Seen) -> list[str]:
    """Every .ann line of one document."""
    ids = _Ids()
    lines = []
    by_key, by_id, text = ids.by_key.setdefault, ids.by_id.setdefault, doc.text
    for n, span in enumerate(doc.spans, start=1):
        tid = f"T{n}"
        key, ident = span.key, span.id
        if key:
            by_key(key, tid)
        if ident is not None:
            by_id(ident, tid)
        lines.append(_t_line(tid, span.start, span.end, span.label, text))
    seen.spans.update(span.label for span in doc.spans)
    lines += _event_lines(doc, ids, report, seen)
    lines += _relation_lines(doc, ids, report, seen)
    lines += _link_lines(doc, ids)
    lines += _extra_lines(doc, ids, report, seen)
    return lines


def row_ann_lines(item: RowDocument, report: WriteReport, seen: Seen) -> list[str]:
    """:func:`ann_lines` of a stored document given as the store's rows (the same lines):
    straight from the span rows when it holds nothing else brat writes."""
    meta = item.fields["meta"] or {}
    if item.linked is not None or _BRAT_META & meta.keys():
        return ann_lines(_whole(item), report, seen)
    text, entity = item.fields["text"], item.entities.get
    lines: list[str] = []
    links: list[str] = []
    for n, (_, _, start, end, label, _, _, key) in enumerate(item.spans, start=1):
        lines.append(_t_line(f"T{n}", start, end, label, text))
        ref = entity(key) if key is not None else None
        if ref is not None:
            links.append(_link_line(len(links) + 1, f"T{n}", ref, {}))
    seen.spans.update(map(itemgetter(4), item.spans))
    return lines + links


_BRAT_META = {"brat_normalizations", "brat_attributes"}  # meta keys the lines come from


def _whole(item: RowDocument) -> Document:
    """The document of ``item`` with what brat writes (its spans made from the rows)."""
    linked = item.linked or Document(item.fields["text"], meta=dict(item.fields["meta"] or {}))
    return row_document(dataclasses.replace(item, linked=linked))


_UNSAFE = re.compile(r"[^\w.-]+")


class Stems:
    """File names for the documents of one export, handed out in export order.

    A name comes from the external id or the title, else ``doc00042`` (the
    document's 1-based position); names are unique ignoring case across the
    export (``-2``, ``-3``, ...), and ``annotation`` is kept for the conf.
    """

    def __init__(self) -> None:
        self.used: set[str] = {"annotation"}
        self.count = 0

    def next(self, external_id: str | None, title: str | None) -> str:
        """The name of the next document."""
        self.count += 1
        base = _UNSAFE.sub("-", external_id or title or "").strip("-.")[:80]
        base = base or f"doc{self.count:05d}"
        stem, k = base, 2
        while stem.lower() in self.used:
            stem, k = f"{base}-{k}", k + 1
        self.used.add(stem.lower())
        return stem


def stems(names: Iterable[tuple[str | None, str | None]]) -> list[str]:
    """The file names :meth:`BratWriter.write` gives documents of these ``(external_id, title)``."""
    namer = Stems()
    return [namer.next(external_id, title) for external_id, title in names]


_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no line-end translation


def _write(path: str, text: str) -> None:
    """``text`` as UTF-8 into a new file, through the OS directly (no stream objects)."""
    data = memoryview(text.encode("utf-8"))
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _BINARY, 0o666)
    try:
        while data:
            data = data[os.write(fd, data) :]
    finally:
        os.close(fd)


def write_run(
    named: Iterable[tuple[Document | RowDocument, str]], folder: Path
) -> tuple[WriteReport, Seen]:
    """Write each document's ``stem.txt`` and ``stem.ann`` into the existing ``folder``
    (a document given as a model object or as the store's rows).

    Returns what was written and the labels met, for :func:`write_conf`.
    """
    report = WriteReport()
    seen = Seen()
    base = os.path.join(folder, "")  # file paths as plain strings: no Path per file
    for doc, stem in named:
        if isinstance(doc, RowDocument):
            text, lines = doc.fields["text"], row_ann_lines(doc, report, seen)
        else:
            text, lines = doc.text, ann_lines(doc, report, seen)
        _write(f"{base}{stem}.txt", text)
        _write(f"{base}{stem}.ann", "\n".join(lines) + "\n" if lines else "")
        report.documents += 1
        report.spans += len(doc.spans)
    return report, seen


class BratWriter:
    """Writes a folder of brat standoff pairs plus annotation.conf."""

    name: str = "brat"
    suffix: str = ""
    is_directory: bool = True

    def write(self, docs: Iterable[Document], target: Path, context: WriteContext) -> WriteReport:
        namer = Stems()
        named = ((doc, namer.next(doc.external_id, doc.title)) for doc in docs)
        return _write_folder(named, target, context)

    def write_rows(
        self, items: Iterable[RowDocument], target: Path, context: WriteContext
    ) -> WriteReport:
        """:meth:`write` of stored documents given as the store's rows (the same files)."""
        namer, fields = Stems(), itemgetter("external_id", "title")
        named = ((item, namer.next(*fields(item.fields))) for item in items)
        return _write_folder(named, target, context)


def _write_folder(
    named: Iterable[tuple[Document | RowDocument, str]], target: Path, context: WriteContext
) -> WriteReport:
    target.mkdir(parents=True, exist_ok=True)
    report, seen = write_run(named, target)
    write_conf(target, context.schema, seen)
    return report


WRITER = BratWriter()
