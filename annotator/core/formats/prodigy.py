"""Prodigy JSONL tasks: ``{"text", "tokens", "spans", "relations", "meta"}``.

Span ``start``/``end`` are character offsets (Python code points,
end-exclusive); ``token_start``/``token_end`` are token indices and
``token_end`` is INCLUSIVE. The reader accepts spans with or without tokens
(and spans given only by token indices when tokens are present); tokens are
kept in ``doc.meta["tokens"]`` so an export reuses them. Relations follow
``rel.manual``: ``head``/``child`` are the token_end of ``head_span``/
``child_span``, and the reader matches those spans by character offsets.

The writer emits tokens from ``doc.meta["tokens"]`` when they fit the text,
else from :func:`annotator.core.tokens.tokenize`. Spans that do not start and
end on token boundaries are dropped and reported, with their relations;
events, entity links, notes and suggestions are reported as dropped.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from itertools import count
from operator import lt
from pathlib import Path
from typing import Any

from annotator.core.formats.annotated import (
    Parsed,
    SpanBook,
    as_int,
    as_label,
    document_fields,
    first_json_object,
    read_jsonl,
    record_text,
    span_dicts,
)
from annotator.core.formats.base import (
    CUT,
    ReadItem,
    ReadOptions,
    RejectedError,
    WriteContext,
    WriteReport,
    trim_edges,
)
from annotator.core.formats.jsonout import (
    OFFSETS_NOTE,
    SpanIndex,
    drop_unsupported,
    flat_fields,
    flat_meta,
    write_records,
)
from annotator.core.formats.nativerecord import RowDocument, row_document
from annotator.core.model import Document, Relation
from annotator.core.tokens import Token, split_at, tokenize_words

NOTES = (OFFSETS_NOTE, "token_end is inclusive")
TASK_FIELDS = ("tokens", "spans", "relations", "meta", "_input_hash", "_task_hash", "_view_id")


def _tokens_in(value: Any, text: str) -> list[dict[str, Any]] | None:
    if value is None:
        return None
    tokens = span_dicts(value)
    if tokens is None:
        raise RejectedError('"tokens" must be a list of objects')
    for n, tok in enumerate(tokens):
        start, end = as_int(tok.get("start"), "token start"), as_int(tok.get("end"), "token end")
        if not 0 <= start <= end <= len(text):
            raise RejectedError(f"token {n} [{start}, {end}) lies outside the text")
    return tokens


def _span_offsets(span: dict[str, Any], tokens: list[dict[str, Any]] | None) -> tuple[Any, Any]:
    start, end = span.get("start"), span.get("end")
    if (start is None or end is None) and tokens and "token_start" in span:
        first = as_int(span.get("token_start"), "token_start")
        last = as_int(span.get("token_end"), "token_end")
        if not 0 <= first <= last < len(tokens):
            raise RejectedError(f"token range [{first}, {last}] lies outside the tokens")
        start, end = tokens[first]["start"], tokens[last]["end"]
    return start, end


def _relations_in(book: SpanBook, items: list[dict[str, Any]], warn: list[str]) -> list[Relation]:
    by_offsets: dict[tuple[Any, Any], str] = {(s.start, s.end): s.key for s in book.spans}
    out: list[Relation] = []
    for item in items:
        head_span, child_span = item.get("head_span") or {}, item.get("child_span") or {}
        head = by_offsets.get((head_span.get("start"), head_span.get("end")))
        child = by_offsets.get((child_span.get("start"), child_span.get("end")))
        if head is None or child is None:
            warn.append(f"relation {item.get('label')!r} between unlabelled tokens skipped")
            continue
        label = as_label(item.get("label"), "relation label")
        out.append(Relation(label, head=head, tail=child, key=f"R{len(out) + 1}"))
    return out


def parse_record(obj: Any, options: ReadOptions) -> Parsed:
    """A pre-annotated document from one Prodigy task."""
    text_field = options.text_field or "text"
    text = record_text(obj, text_field)
    tokens = _tokens_in(obj.get("tokens"), text)
    spans = span_dicts(obj.get("spans") or [])
    relations = span_dicts(obj.get("relations") or [])
    if spans is None or relations is None:
        raise RejectedError('"spans" and "relations" must be lists of objects')
    book = SpanBook(text)
    for span in spans:
        book.add(*_span_offsets(span, tokens), span.get("label"))
    warnings: list[str] = []
    found = _relations_in(book, relations, warnings)
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    merged = {k: v for k, v in obj.items() if k not in (text_field, *TASK_FIELDS)} | meta
    fields = document_fields(merged, options, skip=())
    if tokens is not None:
        fields["meta"]["tokens"] = tokens
    doc = Document(text=text, spans=tuple(book.spans), relations=tuple(found), **fields)
    return Parsed(doc, warnings)


def looks_like_prodigy(obj: dict[str, Any] | None) -> bool:
    """Whether a JSON object is a Prodigy span task."""
    if obj is None or not isinstance(obj.get("text"), str):
        return False
    spans, tokens = span_dicts(obj.get("spans")), span_dicts(obj.get("tokens"))
    if tokens or "_input_hash" in obj:
        return spans is not None or tokens is not None
    return bool(spans) and all("start" in s or "token_start" in s for s in spans or ())


class ProdigyReader:
    """Reads Prodigy span (NER) tasks from JSONL."""

    name: str = "prodigy"
    extensions: tuple[str, ...] = (".jsonl",)

    def sniff(self, path: Path, head: str) -> bool:
        return looks_like_prodigy(first_json_object(path, head))

    def read(self, path: Path, options: ReadOptions) -> Iterator[ReadItem]:
        return read_jsonl(path, parse_record, options)


# -- writing ---------------------------------------------------------------


def _stored_tokens(text: str, meta: Mapping[str, Any]) -> list[Token] | None:
    stored = meta.get("tokens")
    if not isinstance(stored, list):
        return None
    out: list[Token] = []
    for tok in stored:
        start, end = (tok.get("start"), tok.get("end")) if isinstance(tok, dict) else (None, None)
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
            return None
        if end > len(text) or (out and start < out[-1][1]):
            return None
        out.append((start, end))
    return out


def _token_records(
    text: str, starts: list[int], ends: list[int], words: list[str], gaps_are_space: bool
) -> list[dict[str, Any]]:
    """Prodigy's token objects; ``ws`` is whether white space follows the token.

    Between the tokens of :func:`tokenize_words` lies only white space (every
    other character belongs to a token), so there ``ws`` is whether a gap
    follows, found in C; stored tokens are looked at character by character.
    """
    if gaps_are_space and ends:
        ws = list(map(lt, ends, starts[1:]))
        ws.append(text[ends[-1] : ends[-1] + 1].isspace())
    else:
        ws = [text[e : e + 1].isspace() for e in ends]
    return [
        {"text": word, "start": s, "end": e, "id": n, "ws": space}
        for word, s, e, n, space in zip(words, starts, ends, count(), ws, strict=False)
    ]


def _trimmed(
    text: str, triples: Iterable[tuple[int, int, str]], report: WriteReport
) -> list[tuple[int, int, str]]:
    """``triples`` without white space at their edges (counted in ``report``)."""
    out = list(triples)
    space = str.isspace
    if not any(space(text[s]) or space(text[e - 1]) for s, e, _ in out if s < e):
        return out  # the usual document
    return [(*trim_edges(text, s, e, report), label) for s, e, label in out]


def _aligned(
    triples: list[tuple[int, int, str]], starts: list[int], ends: list[int]
) -> tuple[list[dict[str, Any]], dict[int, dict[str, Any]], list[int]]:
    """Spans whose start and end are token bounds, each by its position among ``triples``,
    and the offsets of the others' ends."""
    spans: list[dict[str, Any]] = []
    by_pos: dict[int, dict[str, Any]] = {}
    missed: list[int] = []
    size = len(starts)
    for pos, (start, end, label) in enumerate(triples):
        first, last = bisect_left(starts, start), bisect_left(ends, end)
        if last < first or last >= size or starts[first] != start or ends[last] != end:
            missed += (start, end)
            continue
        item: dict[str, Any] = {
            "start": start,
            "end": end,
            "label": label,
            "token_start": first,
            "token_end": last,
        }
        spans.append(item)
        by_pos[pos] = item
    return spans, by_pos, missed


def _relations_out(
    doc: Document, by_pos: dict[int, dict[str, Any]], report: WriteReport
) -> list[dict[str, Any]]:
    index = SpanIndex(doc.spans)
    out = []
    for rel in doc.relations:
        head_pos, tail_pos = index.find(rel.head, rel.head_id), index.find(rel.tail, rel.tail_id)
        head = by_pos.get(head_pos) if head_pos is not None else None
        child = by_pos.get(tail_pos) if tail_pos is not None else None
        if head is None or child is None:
            report.drop("relations whose spans were dropped or missing")
            continue
        ends = {"head": head["token_end"], "child": child["token_end"]}
        out.append(ends | {"head_span": head, "child_span": child, "label": rel.label})
    return out


def _task(
    text: str,
    meta: Mapping[str, Any],
    triples: Iterable[tuple[int, int, str]],
    report: WriteReport,
) -> tuple[dict[str, Any], dict[int, dict[str, Any]]]:
    """``{"text", "tokens", "spans"}`` of a text, and the aligned spans by position."""
    stored = _stored_tokens(text, meta)
    if stored:
        starts, ends = [s for s, _ in stored], [e for _, e in stored]
        words = [text[s:e] for s, e in stored]
    else:
        starts, ends, words = tokenize_words(text)
    wanted = _trimmed(text, triples, report)
    spans, by_pos, missed = _aligned(wanted, starts, ends)
    if missed and not stored:  # our own tokens: cut where a span starts or ends in a word
        starts, ends, cut = split_at(starts, ends, missed)
        if cut:
            report.drop(CUT, cut)
            words = [text[s:e] for s, e in zip(starts, ends, strict=True)]
            spans, by_pos, missed = _aligned(wanted, starts, ends)
    if missed:
        report.drop("spans not aligned to tokens", len(missed) // 2)
    tokens = _token_records(text, starts, ends, words, not stored)
    report.spans += len(spans)
    return {"text": text, "tokens": tokens, "spans": spans}, by_pos


def _with_meta(task: dict[str, Any], ident: Any, meta: dict[str, Any]) -> dict[str, Any]:
    task["meta"] = ({"id": ident} if ident is not None else {}) | meta
    return task


def to_task(doc: Document, report: WriteReport) -> dict[str, Any]:
    """One Prodigy task for ``doc``."""
    task, by_pos = _task(doc.text, doc.meta, [(s.start, s.end, s.label) for s in doc.spans], report)
    relations = _relations_out(doc, by_pos, report) if doc.relations else []
    if relations:
        task["relations"] = relations
    ident = doc.external_id if doc.external_id is not None else doc.id
    return _with_meta(task, ident, flat_meta(doc, taken=("tokens",)))


def row_task(item: RowDocument, context: WriteContext, report: WriteReport) -> dict[str, Any]:
    """:func:`to_task` of a stored document, built from its span rows when it has nothing
    linked to them (no :class:`Span` objects: the export's fast path)."""
    if item.linked is not None:
        doc = row_document(item)
        drop_unsupported(report, doc, context, ("relations",))
        return to_task(doc, report)
    fields, rows = item.fields, item.spans
    links = sum(row[7] is not None for row in rows)
    if links:
        report.drop("entity links", links)
    text, meta = fields["text"], fields["meta"] or {}
    task, _ = _task(text, meta, [(row[2], row[3], row[4]) for row in rows], report)
    ident = fields["external_id"] if fields["external_id"] is not None else fields["id"]
    return _with_meta(task, ident, flat_fields(fields, meta, taken=("tokens",)))


class ProdigyWriter:
    """Writes Prodigy span tasks with tokens and inclusive ``token_end``."""

    name: str = "prodigy"
    suffix: str = ".jsonl"
    is_directory: bool = False

    def write(self, docs: Iterable[Document], target: Path, context: WriteContext) -> WriteReport:
        """Stream one task per document."""

        def task(doc: Document, report: WriteReport) -> dict[str, Any]:
            drop_unsupported(report, doc, context, ("relations",))
            return to_task(doc, report)

        return write_records(target, docs, NOTES, task)

    def write_rows(
        self, items: Iterable[RowDocument], target: Path, context: WriteContext
    ) -> WriteReport:
        """:meth:`write` of stored documents given as rows (the same bytes)."""
        return write_records(
            target, items, NOTES, lambda item, report: row_task(item, context, report)
        )


READER = ProdigyReader()
WRITER = ProdigyWriter()
