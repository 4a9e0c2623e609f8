"""doccano JSONL: both shapes read, the right shape written, round trips exact."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from annotator.core.formats import doccano
from annotator.core.formats.base import WriteContext
from annotator.core.model import Origin
from tests.core.formats.annotated_sample import (
    TEXT,
    assert_same_spans,
    document,
    find,
    named_relations,
    read_all,
)


def test_label_shape_round_trip_without_relations(tmp_path: Path) -> None:
    original = dataclasses.replace(document(), relations=())
    target = tmp_path / "doccano.jsonl"
    report = doccano.WRITER.write([original], target, WriteContext())
    record = json.loads(target.read_text(encoding="utf-8"))
    assert "label" in record and "entities" not in record
    assert record["title"] == original.title
    assert report.dropped == {"events": 1, "entity links": 1, "notes": 2}
    records, problems = read_all(doccano.READER, target)
    assert problems == []
    doc = records[0].document
    assert_same_spans(original, doc)
    assert all(s.origin == Origin.IMPORTED for s in doc.spans)
    assert (doc.title, doc.external_id, doc.meta) == (
        "Polda Kaltara siap amankan Pilkada",
        "rilis-001",
        {"kategori": "keamanan"},
    )


def test_entities_shape_for_every_document_when_any_has_relations(tmp_path: Path) -> None:
    plain = dataclasses.replace(document(), relations=(), external_id="rilis-002")
    target = tmp_path / "doccano.jsonl"
    doccano.WRITER.write([plain, document()], target, WriteContext())
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert all("entities" in r and "label" not in r for r in lines)
    records, problems = read_all(doccano.READER, target)
    assert problems == []
    assert named_relations(records[1].document) == {
        ("KPU", "alias_of", "Komisi Pemilihan Umum"),
        ("Budi Rachmat", "member_of", "Polda Kaltara"),
    }
    assert_same_spans(document(), records[1].document)


def test_reads_hand_written_doccano_lines_with_crlf_file_endings(tmp_path: Path) -> None:
    kpu, jakarta = find(TEXT, "KPU"), find(TEXT, "Jakarta")
    lines = [
        {"id": 3, "text": TEXT, "label": [[*kpu, "ORG"], [*jakarta, "LOC"]], "Comments": []},
        {
            "text": TEXT,
            "entities": [
                {"id": 10, "label": "ORG", "start_offset": kpu[0], "end_offset": kpu[1]},
                {"id": 11, "label": "LOC", "start_offset": jakarta[0], "end_offset": jakarta[1]},
            ],
            "relations": [{"id": 1, "from_id": 10, "to_id": 11, "type": "based_in"}],
        },
    ]
    path = tmp_path / "export.jsonl"
    path.write_bytes("\r\n".join(json.dumps(x, ensure_ascii=False) for x in lines).encode())
    records, problems = read_all(doccano.READER, path)
    assert problems == []
    first, second = (r.document for r in records)
    assert [first.text[s.start : s.end] for s in first.spans] == ["KPU", "Jakarta"]
    assert first.external_id == "3" and first.meta == {"Comments": []}
    assert named_relations(second) == {("KPU", "based_in", "Jakarta")}


def test_bad_lines_are_named_and_the_rest_imports(tmp_path: Path) -> None:
    good = json.dumps({"text": "Polda Kaltara siaga.", "label": [[0, 13, "ORG"]]})
    outside = json.dumps({"text": "Polda Kaltara siaga.", "label": [[0, 99, "ORG"]]})
    dangling = json.dumps(
        {
            "text": "Polda Kaltara siaga.",
            "entities": [{"id": 1, "label": "ORG", "start_offset": 0, "end_offset": 13}],
            "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "x"}],
        }
    )
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join([good, "{oops", outside, dangling, good]) + "\n", encoding="utf-8")
    records, problems = read_all(doccano.READER, path)
    assert [r.line for r in records] == [1, 5]
    assert [p.line for p in problems] == [2, 3, 4]
    assert "malformed JSON" in problems[0].message
    assert "outside the text" in problems[1].message
    assert str(problems[2]).startswith(f"{path}:4: record rejected")


def test_one_bad_span_among_good_ones_rejects_its_record_with_the_reason(tmp_path: Path) -> None:
    text = "Kapolda 🙂 Kaltara e\u0301 hadir.\r\nSelesai."
    good = [[0, 7, "PER"], [10, 17, "LOC"]]
    records = [
        {"text": text, "label": good},
        {"text": text, "label": [*good, [18, 19, "X"]]},  # between "e" and its accent
        {"text": text, "label": [*good, [0, 7, " "]]},
        {"text": text, "label": [*good, [True, 7, "PER"]]},
        {"text": text, "label": [*good, [28, 29, "X"]]},  # between CR and LF
        {"text": text, "label": [*good, [5, 5, "PER"]]},
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    read, problems = read_all(doccano.READER, path)
    assert [r.line for r in read] == [1]
    assert [s.key for s in read[0].document.spans] == ["T1", "T2"]
    assert [text[s.start : s.end] for s in read[0].document.spans] == ["Kapolda", "Kaltara"]
    assert [p.line for p in problems] == [2, 3, 4, 5, 6]
    reasons = [p.message for p in problems]
    assert "character" in reasons[0] and "character" in reasons[3]
    assert "label" in reasons[1] and "integer" in reasons[2] and "empty" in reasons[4]
