"""Reading the spaCy JSONL export back, found by its content."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.formats import detect, spacy_jsonl
from tests.core.formats.annotated_sample import read_all

TEXT = "Kapolda Kaltara Irjen Pol. Hary Sudwijanto hadir di Tarakan."


def _write(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_spans_are_read_from_spans_and_meta_gives_the_fields(tmp_path: Path) -> None:
    """``spans`` holds every span, ``entities`` only those that do not overlap."""
    record = {
        "text": TEXT,
        "entities": [[0, 15, "TITLE"], [52, 59, "LOC"]],
        "spans": [[0, 15, "TITLE"], [8, 15, "LOC"], [52, 59, "LOC"]],
        "meta": {"title": "Apel siaga", "id": "r-1", "source": "ANTARA", "batch": 3},
    }
    path = _write(tmp_path / "out.jsonl", [record, {"text": TEXT, "entities": [[8, 15, "LOC"]]}])
    assert detect(path)[0] is spacy_jsonl.READER
    records, problems = read_all(spacy_jsonl.READER, path)
    assert problems == []
    first, second = (r.document for r in records)
    assert [(first.text[s.start : s.end], s.label) for s in first.spans] == [
        ("Kapolda Kaltara", "TITLE"),
        ("Kaltara", "LOC"),
        ("Tarakan", "LOC"),
    ]
    assert (first.title, first.external_id, first.source) == ("Apel siaga", "r-1", "ANTARA")
    assert first.meta == {"batch": 3}
    assert [(s.start, s.end) for s in second.spans] == [(8, 15)]
    assert all(r.pre_annotated for r in records)


def test_a_first_record_without_spans_is_still_found(tmp_path: Path) -> None:
    """An empty ``spans`` list alone would also suit a native record."""
    first = {"text": "Tanpa entitas.", "entities": [], "spans": [], "meta": {"title": "a"}}
    path = _write(tmp_path / "out.jsonl", [first, {"text": TEXT, "entities": [[8, 15, "LOC"]]}])
    assert detect(path)[0] is spacy_jsonl.READER


def test_a_bad_record_is_named_by_its_line_and_the_rest_import(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "out.jsonl",
        [
            {"text": TEXT, "spans": [[52, 59, "LOC"]]},
            {"text": TEXT, "spans": [[52, 59]]},
            {"text": TEXT, "spans": [[52, 99, "LOC"]]},
        ],
    )
    records, problems = read_all(spacy_jsonl.READER, path)
    assert len(records) == 1
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [
        (2, "record rejected"),
        (3, "record rejected"),
    ]
    assert "triples" in problems[0].message
