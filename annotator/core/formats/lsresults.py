"""Label Studio ``result`` lists -> spans, relations and suggestions.

See :mod:`annotator.core.formats.labelstudio` for the offset-unit rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.formats.annotated import SpanBook, as_int, as_label, span_dicts
from annotator.core.formats.base import RejectedError
from annotator.core.model import Relation, Span, Suggestion
from annotator.core.offsets import Utf16Map, span_problem

UTF16_WARNING = (
    "offsets were UTF-16 code units (Label Studio before its emoji fix); converted to code points"
)


@dataclass
class Found:
    """What one task's annotations and predictions hold."""

    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _same(found: str, given: str) -> bool:
    if found == given or found == given.replace("\\n", "\n"):
        return True
    return " ".join(found.split()) == " ".join(given.split())


def _results(items: Any, what: str) -> list[dict[str, Any]]:
    found = span_dicts(items if items is not None else [])
    if found is None:
        raise RejectedError(f'"{what}" must be a list of objects')
    return found


def _regions(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        r
        for r in results
        if isinstance(r.get("value"), dict) and isinstance(r["value"].get("labels"), list)
    ]


def uses_utf16(text: str, values: list[dict[str, Any]]) -> bool:
    """Whether regions' ``value.text`` fits the offsets only when read as UTF-16."""
    if all(ord(ch) <= 0xFFFF for ch in text):
        return False
    umap, points, units = Utf16Map(text), 0, 0
    for value in values:
        start, end, given = value.get("start"), value.get("end"), value.get("text")
        if not (isinstance(start, int) and isinstance(end, int) and isinstance(given, str)):
            continue
        points += _same(text[start:end], given)
        units += _same(text[umap.to_codepoint(start) : umap.to_codepoint(end)], given)
    return units > points


class _Offsets:
    """Reads a region's offsets in the unit chosen for the task."""

    def __init__(self, text: str, utf16: bool) -> None:
        self.text, self.map = text, Utf16Map(text) if utf16 else None
        self.mismatches = 0

    def of(self, value: dict[str, Any]) -> tuple[int, int]:
        start, end = as_int(value.get("start"), "start"), as_int(value.get("end"), "end")
        if self.map is not None:
            start, end = self.map.to_codepoint(start), self.map.to_codepoint(end)
        given = value.get("text")
        if isinstance(given, str) and not _same(self.text[start:end], given):
            self.mismatches += 1
        return start, end


def _who(completed_by: Any) -> str | None:
    if isinstance(completed_by, dict):
        completed_by = completed_by.get("email") or completed_by.get("id")
    return None if completed_by is None else str(completed_by)


def _annotation(book: SpanBook, offsets: _Offsets, ann: dict[str, Any], found: Found) -> None:
    who = _who(ann.get("completed_by"))
    results = _results(ann.get("result"), "result")
    keys: dict[Any, str] = {}
    for region in _regions(results):
        labels = region["value"]["labels"]
        if len(labels) > 1:
            found.warnings.append(f"region {region.get('id')!r}: kept the first of {labels}")
        start, end = offsets.of(region["value"])
        label = labels[0] if labels else None
        keys[region.get("id")] = book.add(start, end, label, annotator=who).key
    for rel in results:
        if rel.get("type") != "relation":
            continue
        head, tail = keys.get(rel.get("from_id")), keys.get(rel.get("to_id"))
        if head is None or tail is None:
            raise RejectedError(
                f"relation {rel.get('from_id')!r} -> {rel.get('to_id')!r}: no region"
            )
        labels = rel.get("labels") or ["related"]
        label = as_label(labels[0], "relation label")
        found.relations.append(Relation(label, head, tail, key=f"R{len(found.relations) + 1}"))


def _prediction(text: str, offsets: _Offsets, pred: dict[str, Any], found: Found) -> None:
    results = _results(pred.get("result"), "result")
    for region in _regions(results):
        start, end = offsets.of(region["value"])
        problem = span_problem(text, start, end)
        if problem is not None:
            raise RejectedError(f"prediction: {problem}")
        labels = region["value"]["labels"]
        score = region.get("score", pred.get("score", 1.0))
        score = float(score) if isinstance(score, int | float) else 1.0
        label = as_label(labels[0] if labels else None)
        found.suggestions.append(Suggestion(start, end, label, score))
    skipped = sum(1 for r in results if r.get("type") == "relation")
    if skipped:
        found.warnings.append(f"{skipped} predicted relation(s) not imported")


def task_annotations(task: dict[str, Any], text: str) -> Found:
    """Spans, relations and suggestions of one task, offsets in code points."""
    annotations = _results(task.get("annotations", task.get("completions")), "annotations")
    annotations = [a for a in annotations if not a.get("was_cancelled")]
    predictions = _results(task.get("predictions"), "predictions")
    values = [
        r["value"]
        for item in (*annotations, *predictions)
        for r in _regions(_results(item.get("result"), "result"))
    ]
    found, book = Found(), SpanBook(text)
    offsets = _Offsets(text, uses_utf16(text, values))
    for ann in annotations:
        _annotation(book, offsets, ann, found)
    for pred in predictions:
        _prediction(text, offsets, pred, found)
    found.spans = book.spans
    if offsets.map is not None:
        found.warnings.append(UTF16_WARNING)
    if offsets.mismatches:
        found.warnings.append(f"{offsets.mismatches} region(s) whose value.text differs")
    return found
