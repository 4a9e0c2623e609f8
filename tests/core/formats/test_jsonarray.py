"""A JSON array of article objects."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.formats import jsonarray, reader_for
from tests.core.formats.annotated_sample import read_all


def test_reads_items_with_index_and_line_in_problems(tmp_path: Path) -> None:
    items = [
        {
            "id": "a",
            "content": "Jakarta (ANTARA) - Polda 🎉 siaga.\r\nAndre\u0301 hadir.",
            "link": "u1",
        },
        {"id": "b", "link": "u2"},
        "bukan objek",
        {"id": "c", "text": "KPU siap.", "scraped_at": "2026-05-12"},
    ]
    path = tmp_path / "scrape.json"
    path.write_text(json.dumps(items, indent=2, ensure_ascii=False), encoding="utf-8")
    assert reader_for(path) is jsonarray.READER
    records, problems = read_all(jsonarray.READER, path)
    docs = [r.document for r in records]
    assert [d.text for d in docs] == [
        "Jakarta (ANTARA) - Polda 🎉 siaga.\nAndre\u0301 hadir.",
        "KPU siap.",
    ]
    assert (docs[0].url, docs[0].external_id, docs[1].meta) == (
        "u1",
        "a",
        {"scraped_at": "2026-05-12"},
    )
    assert [r.line for r in records] == [2, 12]
    assert [(p.path, p.line) for p in problems] == [(str(path), 7), (str(path), 11)]
    assert problems[0].message.startswith("item 1:")
    assert problems[1].message.startswith("item 2:")


def test_malformed_json_keeps_the_items_before_it(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[{"text": "Satu."},\n {"text": "Dua."},\n {"text": oops}]', encoding="utf-8")
    records, problems = read_all(jsonarray.READER, path)
    assert [r.document.text for r in records] == ["Satu.", "Dua."]
    assert [(p.line, p.message[:7]) for p in problems] == [(3, "item 2:")]


def test_annotated_arrays_are_left_to_their_readers(tmp_path: Path) -> None:
    path = tmp_path / "ls.json"
    path.write_text('[{"text": "A", "label": [[0, 1, "X"]]}]', encoding="utf-8")
    assert not jsonarray.READER.sniff(path, path.read_text(encoding="utf-8"))
