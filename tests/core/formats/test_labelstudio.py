"""Label Studio JSON: tasks with annotations and predictions, code points or UTF-16."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.core.formats import labelstudio
from annotator.core.formats.base import Severity, WriteContext
from annotator.core.formats.lsresults import UTF16_WARNING
from annotator.core.model import SuggestionState
from tests.core.formats.annotated_sample import (
    TEXT,
    assert_same_spans,
    document,
    find,
    named_relations,
    read_all,
)


def _region(rid: str, start: int, end: int, label: str, text: str) -> dict[str, Any]:
    value = {"start": start, "end": end, "text": text, "labels": [label]}
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "value": value}


def test_round_trip_with_relations_and_predictions(tmp_path: Path) -> None:
    target = tmp_path / "tasks.json"
    report = labelstudio.WRITER.write([document()], target, WriteContext(with_suggestions=True))
    raw = target.read_text(encoding="utf-8")
    assert raw.startswith("[") and raw.rstrip().endswith("]")
    tasks = json.loads(raw)
    assert tasks[0]["data"]["text"] == TEXT
    assert report.dropped == {"events": 1, "entity links": 1, "notes": 2}
    records, problems = read_all(labelstudio.READER, target)
    assert problems == []
    doc = records[0].document
    assert records[0].pre_annotated and doc.external_id == "rilis-001"
    assert_same_spans(document(), doc)
    assert named_relations(doc) == named_relations(document())
    assert [(s.start, s.end, s.label, s.score, s.state) for s in doc.suggestions] == [
        (*find(TEXT, "Jakarta"), "LOC", 0.875, SuggestionState.PENDING)
    ]


def test_offsets_written_in_code_points_with_their_text(tmp_path: Path) -> None:
    target = tmp_path / "tasks.json"
    labelstudio.WRITER.write([document()], target, WriteContext())
    task = json.loads(target.read_text(encoding="utf-8"))[0]
    for item in task["annotations"][0]["result"]:
        if item["type"] == "labels":
            value = item["value"]
            assert TEXT[value["start"] : value["end"]] == value["text"]


def test_old_utf16_offsets_are_detected_and_converted(tmp_path: Path) -> None:
    start, end = find(TEXT, "Jakarta")
    astral_before = sum(1 for ch in TEXT[:start] if ord(ch) > 0xFFFF)
    task = {
        "data": {"text": TEXT},
        "annotations": [
            {"result": [_region("a", start + astral_before, end + astral_before, "LOC", "Jakarta")]}
        ],
    }
    path = tmp_path / "old.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    records, problems = read_all(labelstudio.READER, path)
    span = records[0].document.spans[0]
    assert TEXT[span.start : span.end] == "Jakarta"
    assert [(p.message, p.severity) for p in problems] == [(UTF16_WARNING, Severity.WARNING)]


def test_cancelled_annotations_are_skipped_and_annotators_kept(tmp_path: Path) -> None:
    kpu = find(TEXT, "KPU")
    task = {
        "id": 42,
        "data": {"text": TEXT, "judul": "Rilis"},
        "annotations": [
            {
                "completed_by": {"email": "ani@example.id"},
                "result": [_region("x", *kpu, "ORG", "KPU")],
            },
            {"was_cancelled": True, "result": [_region("y", 0, 7, "PER", "Kapolda")]},
        ],
    }
    path = tmp_path / "one.json"
    path.write_text(json.dumps(task, ensure_ascii=False), encoding="utf-8")
    records, problems = read_all(labelstudio.READER, path)
    doc = records[0].document
    assert problems == []
    assert [(s.label, s.annotator) for s in doc.spans] == [("ORG", "ani@example.id")]
    assert (doc.external_id, doc.title) == ("42", "Rilis")


def test_bad_tasks_are_named_and_later_tasks_still_import(tmp_path: Path) -> None:
    good = {
        "data": {"text": "Polda Kaltara siaga."},
        "annotations": [{"result": [_region("a", 0, 13, "ORG", "Polda Kaltara")]}],
    }
    outside = {
        "data": {"text": "Polda Kaltara siaga."},
        "annotations": [{"result": [_region("a", 0, 40, "ORG", "Polda Kaltara")]}],
    }
    body = ",\n".join(
        [json.dumps(good), '{"data": {"text": "rusak"', json.dumps(outside), json.dumps(good)]
    )
    path = tmp_path / "bad.json"
    path.write_text("[\n" + body + "\n]\n", encoding="utf-8")
    records, problems = read_all(labelstudio.READER, path)
    assert [r.line for r in records] == [2, 5]
    assert [p.line for p in problems] == [3, 4]
    assert "malformed JSON" in problems[0].message
    assert "outside the text" in problems[1].message
