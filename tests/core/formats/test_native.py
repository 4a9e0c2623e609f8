"""The native JSONL record: written as DESIGN §5 says, read back losslessly."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.formats import native
from annotator.core.formats.base import Severity, WriteContext
from annotator.core.model import Origin, Status
from tests.core.formats.annotated_sample import TEXT, assert_same_spans, document, read_all


def _export(tmp_path: Path, with_suggestions: bool = True) -> Path:
    target = tmp_path / "export.jsonl"
    native.WRITER.write([document()], target, WriteContext(with_suggestions=with_suggestions))
    return target


def test_record_has_the_documented_fields_and_offset_unit(tmp_path: Path) -> None:
    record = json.loads(_export(tmp_path).read_text(encoding="utf-8"))
    assert record["offsets"] == "codepoints, end-exclusive"
    assert record["id"] == "rilis-001"
    assert record["meta"]["title"] == "Polda Kaltara siap amankan Pilkada"
    assert record["meta"]["kategori"] == "keamanan"
    assert record["status"] == "done"
    for span in record["spans"]:
        assert record["text"][span["start"] : span["end"]] == span["text"]
    kpu = next(s for s in record["spans"] if s["text"] == "KPU")
    assert kpu["entity"] == {"id": 7, "name": "Komisi Pemilihan Umum", "type": "ORG"}
    assert record["events"][0] == {
        "id": "E1",
        "type": "STATEMENT",
        "trigger": "T3",
        "arguments": [{"role": "Agent", "span": "T1"}, {"role": "Theme", "span": "T4"}],
        "annotator": None,
    }
    assert {"head": "T5", "tail": "T4", "label": "alias_of", "annotator": None} in record[
        "relations"
    ]
    assert record["suggestions"][0]["label"] == "LOC"


def test_suggestions_only_when_asked(tmp_path: Path) -> None:
    record = json.loads(_export(tmp_path, with_suggestions=False).read_text(encoding="utf-8"))
    assert "suggestions" not in record


def test_round_trip_keeps_everything(tmp_path: Path) -> None:
    original = document()
    records, problems = read_all(native.READER, _export(tmp_path))
    assert problems == []
    assert len(records) == 1 and records[0].pre_annotated
    doc = records[0].document
    assert doc.text == TEXT and "\r\n" in doc.text
    assert_same_spans(original, doc)
    assert [(s.key, s.origin, s.annotator, s.entity) for s in doc.spans] == [
        (s.key, Origin.MANUAL, "ani", s.entity) for s in original.spans
    ]
    assert doc.events == original.events
    assert [(r.head, r.label, r.tail) for r in doc.relations] == [
        (r.head, r.label, r.tail) for r in original.relations
    ]
    assert [(n.text, n.span) for n in doc.notes] == [(n.text, n.span) for n in original.notes]
    assert doc.suggestions == original.suggestions
    assert (doc.title, doc.external_id, doc.source, doc.place, doc.published_at) == (
        original.title,
        original.external_id,
        original.source,
        original.place,
        original.published_at,
    )
    assert doc.meta == original.meta
    assert (doc.status, doc.annotator) == (Status.DONE, "ani")


def test_bad_lines_are_named_and_the_rest_imports(tmp_path: Path) -> None:
    good = _export(tmp_path).read_text(encoding="utf-8").strip()
    outside = json.loads(good)
    outside["spans"][0]["end"] = len(TEXT) + 5
    wrong_text = json.loads(good)
    wrong_text["spans"][1]["text"] = "salah"
    path = tmp_path / "mixed.jsonl"
    lines = [good, '{"text": "rusak", ', json.dumps(outside), json.dumps(wrong_text), good]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records, problems = read_all(native.READER, path)
    assert [r.line for r in records] == [1, 5]
    assert [(p.line, p.severity) for p in problems] == [(n, Severity.ERROR) for n in (2, 3, 4)]
    assert all(str(p).startswith(f"{path}:") for p in problems)
    assert "outside the text" in problems[1].message


def test_span_splitting_a_combining_mark_is_rejected(tmp_path: Path) -> None:
    record = json.loads(_export(tmp_path).read_text(encoding="utf-8"))
    andre = next(s for s in record["spans"] if s["label"] == "PER" and "Andr" in s["text"])
    andre["end"] -= 1  # between "e" and U+0301
    andre["text"] = record["text"][andre["start"] : andre["end"]]
    path = tmp_path / "split.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    records, problems = read_all(native.READER, path)
    assert records == []
    assert "splits a character" in problems[0].message and problems[0].line == 1
