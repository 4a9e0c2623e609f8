"""Label Studio JSON tasks for the ``Text`` + ``Labels`` (NER) template.

A file is a JSON array of tasks (the Label Studio export), one task object,
or JSON Lines of tasks::

    {"data": {"text": ...}, "annotations": [{"result": [
        {"id", "from_name", "to_name", "type": "labels",
         "value": {"start", "end", "text", "labels": [...]}},
        {"type": "relation", "from_id", "to_id", "labels": [...]}]}],
     "predictions": [{"score"?, "result": [...]}]}

Offsets: current Label Studio counts ``value.start``/``end`` of ``Text``
regions in code points (its editor test ``tests/integration/e2e/ner/emoji.cy.ts``
expects start 21 for "test" after an emoji); releases before the 2021-22 fix
(label-studio issues #1008, #1347) wrote JavaScript UTF-16 offsets. The reader
takes code points unless ``value.text`` matches the text only when the offsets
are read as UTF-16, and then converts with :class:`Utf16Map` and warns. The
writer writes code points with ``value.text``.

Annotations of all (non-cancelled) annotators become spans and relations,
with ``completed_by`` as the span's annotator. Predictions become pending
:class:`Suggestion` objects (the result's ``score``, else the prediction's,
else 1.0); prediction relations cannot be suggestions and are reported.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.core.formats.annotated import (
    Parsed,
    document_fields,
    first_json_object,
    parse_items,
)
from annotator.core.formats.base import (
    Problem,
    ReadItem,
    ReadOptions,
    RejectedError,
    WriteContext,
    WriteReport,
)
from annotator.core.formats.jsonl import TEXT_FIELDS, iter_json_lines
from annotator.core.formats.jsonout import (
    OFFSETS_NOTE,
    SpanIndex,
    drop_unsupported,
    flat_meta,
    write_json_array,
)
from annotator.core.formats.lsresults import task_annotations
from annotator.core.model import Document
from annotator.core.textio import BinaryFileError, decode

_WS = re.compile(r"[ \t\r\n]*")


def _text_key(data: dict[str, Any], options: ReadOptions) -> str:
    if options.text_field:
        return options.text_field
    found = (k for k in TEXT_FIELDS if isinstance(data.get(k), str))
    return next(found, "text")


def parse_task(obj: Any, options: ReadOptions) -> Parsed:
    """A pre-annotated document from one Label Studio task."""
    if not isinstance(obj, dict) or not isinstance(obj.get("data"), dict):
        raise RejectedError('a task needs a "data" object')
    data = obj["data"]
    key = _text_key(data, options)
    text = data.get(key)
    if not isinstance(text, str) or not text.strip():
        raise RejectedError(f"task data has no text in {key!r}")
    found = task_annotations(obj, text)
    fields = document_fields(data, options, skip=(key,))
    if "external_id" not in fields and obj.get("id") is not None:
        fields["external_id"] = str(obj["id"])
    doc = Document(
        text=text,
        spans=tuple(found.spans),
        relations=tuple(found.relations),
        suggestions=tuple(found.suggestions),
        **fields,
    )
    return Parsed(doc, found.warnings)


def _line_counter(text: str) -> Any:
    state = [0, 1]  # position counted up to, line there

    def line_at(pos: int) -> int:
        state[1] += text.count("\n", state[0], pos)
        state[0] = pos
        return state[1]

    return line_at


def iter_array(text: str, path: Path) -> Iterator[tuple[int, Any] | Problem]:
    """Elements of a JSON array with their line numbers.

    A malformed element is reported; reading resumes at the next line that
    starts an object at the same indentation, so later tasks still import.
    """
    decoder, line_at = json.JSONDecoder(), _line_counter(text)
    pos = _WS.match(text, text.index("[") + 1).end()  # type: ignore[union-attr]
    while pos < len(text) and text[pos] != "]":
        try:
            value, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            where = f"line {exc.lineno} column {exc.colno}"
            reason = exc.msg.removesuffix(" at")  # "Invalid control character at"
            yield Problem(str(path), f"malformed JSON: {reason} ({where})", line_at(pos))
            indent = pos - (text.rfind("\n", 0, pos) + 1)
            again = re.compile(rf"\n[ \t]{{{indent}}}\{{").search(text, pos)
            if again is None:
                return
            pos = again.end() - 1
            continue
        yield line_at(pos), value
        pos = _WS.match(text, end).end()  # type: ignore[union-attr]
        if text.startswith(",", pos):
            pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
    if pos >= len(text):
        yield Problem(str(path), "the JSON array is not closed", line_at(len(text)))


def _values(path: Path, text: str) -> Iterator[tuple[int, Any] | Problem]:
    body = text.lstrip()
    if body.startswith("["):
        return iter_array(text, path)
    try:
        return iter([(1 + text.count("\n", 0, len(text) - len(body)), json.loads(text))])
    except json.JSONDecodeError:
        return iter_json_lines(path)  # JSON Lines of tasks


def looks_like_labelstudio(obj: dict[str, Any] | None, head: str) -> bool:
    """Whether a JSON object (the first of a file starting ``head``) is a task."""
    if obj is None or not isinstance(obj.get("data"), dict):
        return False
    if head.lstrip("\ufeff").lstrip().startswith("["):
        return True
    return any(k in obj for k in ("annotations", "predictions", "completions"))


class LabelStudioReader:
    """Reads Label Studio JSON exports (tasks with annotations and predictions)."""

    name: str = "labelstudio"
    extensions: tuple[str, ...] = (".json", ".jsonl")

    def sniff(self, path: Path, head: str) -> bool:
        return looks_like_labelstudio(first_json_object(path, head), head)

    def read(self, path: Path, options: ReadOptions) -> Iterator[ReadItem]:
        try:
            decoded = decode(path.read_bytes())
        except OSError as exc:
            yield Problem(str(path), f"cannot read: {exc.strerror or exc}")
            return
        except BinaryFileError as exc:
            yield Problem(str(path), str(exc))
            return
        yield from parse_items(path, _values(path, decoded.text), parse_task, options)


# -- writing ---------------------------------------------------------------


def _region(ident: str, start: int, end: int, label: str, text: str) -> dict[str, Any]:
    return {
        "id": ident,
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]},
    }


def _result(doc: Document, report: WriteReport) -> list[dict[str, Any]]:
    result = [
        _region(f"T{n + 1}", s.start, s.end, s.label, doc.text) for n, s in enumerate(doc.spans)
    ]
    if not doc.relations:
        return result
    index = SpanIndex(doc.spans)
    for rel in doc.relations:
        head, tail = index.find(rel.head, rel.head_id), index.find(rel.tail, rel.tail_id)
        if head is None or tail is None:
            report.drop("relations whose spans are missing")
            continue
        ends = {"from_id": f"T{head + 1}", "to_id": f"T{tail + 1}"}
        result.append({"type": "relation", **ends, "direction": "right", "labels": [rel.label]})
    return result


def to_task(doc: Document, context: WriteContext, report: WriteReport) -> dict[str, Any]:
    """One Label Studio task for ``doc``."""
    data: dict[str, Any] = {"text": doc.text}
    ident = doc.external_id if doc.external_id is not None else doc.id
    if ident is not None:
        data["id"] = ident
    data.update(flat_meta(doc, taken=data))
    task: dict[str, Any] = {"data": data, "annotations": [{"result": _result(doc, report)}]}
    if context.with_suggestions and doc.suggestions:
        regions = [
            _region(f"S{n + 1}", s.start, s.end, s.label, doc.text) | {"score": s.score}
            for n, s in enumerate(doc.suggestions)
        ]
        task["predictions"] = [{"model_version": "annotator", "result": regions}]
    return task


class LabelStudioWriter:
    """Writes a JSON array of Label Studio tasks (code-point offsets)."""

    name: str = "labelstudio"
    suffix: str = ".json"
    is_directory: bool = False

    def write(self, docs: Iterable[Document], target: Path, context: WriteContext) -> WriteReport:
        """Stream the tasks as one JSON array."""
        report = WriteReport(
            notes=[
                OFFSETS_NOTE,
                'regions use from_name "label", to_name "text"',
                "one annotation per task: span annotators and document status are not written",
            ]
        )

        def tasks() -> Iterator[dict[str, Any]]:
            for doc in docs:
                drop_unsupported(report, doc, context, ("relations", "suggestions"))
                report.documents += 1
                report.spans += len(doc.spans)
                yield to_task(doc, context, report)

        write_json_array(target, tasks())
        return report


READER = LabelStudioReader()
WRITER = LabelStudioWriter()
