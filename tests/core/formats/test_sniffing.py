"""Each JSON flavour is recognised; plain text JSONL stays with the generic reader."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.core.formats import WHOLE_FILE_BYTES, ReadOptions, detect, reader_for
from annotator.core.formats.base import WriteContext
from annotator.core.formats.native import WRITER as NATIVE_WRITER
from tests.core.formats.annotated_sample import document

TEXT = "Polda Kaltara siaga."
LS_TASK = {
    "data": {"text": TEXT},
    "annotations": [
        {"result": [{"type": "labels", "value": {"start": 0, "end": 5, "labels": ["ORG"]}}]}
    ],
}
FLAVOURS: list[tuple[str, Any, str]] = [
    ("plain.jsonl", {"text": TEXT, "title": "Siaga"}, "jsonl"),
    ("plain-label.jsonl", {"text": TEXT, "label": ["positif"]}, "jsonl"),
    ("doccano.jsonl", {"text": TEXT, "label": [[0, 5, "ORG"]]}, "doccano"),
    ("doccano-empty.jsonl", {"text": TEXT, "label": []}, "doccano"),
    (
        "doccano-rel.jsonl",
        {
            "text": TEXT,
            "entities": [{"id": 1, "label": "ORG", "start_offset": 0, "end_offset": 5}],
            "relations": [],
        },
        "doccano",
    ),
    ("prodigy.jsonl", {"text": TEXT, "spans": [{"start": 0, "end": 5, "label": "ORG"}]}, "prodigy"),
    (
        "prodigy-tokens.jsonl",
        {"text": TEXT, "tokens": [{"text": "Polda", "start": 0, "end": 5, "id": 0}], "spans": []},
        "prodigy",
    ),
    ("tasks.json", [LS_TASK], "labelstudio"),
    ("task.json", LS_TASK, "labelstudio"),
    ("tasks.jsonl", LS_TASK, "labelstudio"),
]


@pytest.mark.parametrize(("name", "content", "expected"), FLAVOURS)
def test_sniffing_picks_the_right_reader(
    tmp_path: Path, name: str, content: Any, expected: str
) -> None:
    path = tmp_path / name
    path.write_text(json.dumps(content) + "\n", encoding="utf-8")
    assert reader_for(path).name == expected


def test_native_export_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    NATIVE_WRITER.write([document()], path, WriteContext())
    assert reader_for(path).name == "native"


def test_first_line_longer_than_the_sniffed_head(tmp_path: Path) -> None:
    long_text = "Polda Kaltara siaga. " * 500
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"text": long_text, "label": [[0, 5, "ORG"]]}), encoding="utf-8")
    assert reader_for(path).name == "doccano"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("01-apel_siaga.txt", b"Tarakan (ANTARA) - Polda Kaltara siaga.\r\nBaris dua.\n"),
        ("rilis.md", "# Judul rilis\n\nIsi rilis 🙂 é.\n".encode("utf-8-sig")),
        ("kosong.txt", b"  \n"),
        ("biner.txt", b"\x00\x01\x02binary\x00" * 40),
        ("prosa.txt", ("kata " * 20_000).encode()),  # longer than what sniffing reads whole
    ],
)
def test_a_file_sniffed_whole_reads_as_when_opened_again(
    tmp_path: Path, name: str, data: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    reader, whole = detect(path)
    assert reader is reader_for(path)
    if len(data) >= WHOLE_FILE_BYTES:
        assert whole is None
        return
    assert whole == data
    options = ReadOptions()
    assert list(reader.read_data(path, whole, options)) == list(reader.read(path, options))  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "layout",
    [
        lambda obj: "\n\n" + json.dumps(obj) + "\n",  # blank lines first
        lambda obj: json.dumps(obj, indent=2) + "\n",  # one object over many lines
        lambda obj: "\ufeff" + json.dumps(obj) + "\n",  # a byte-order mark
        lambda obj: json.dumps({**obj, "catatan": "x" * 5000}) + "\n",  # past the sniffed head
    ],
)
def test_a_doccano_file_is_recognised_in_any_layout(tmp_path: Path, layout: Any) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text(layout({"text": TEXT, "label": [[0, 5, "ORG"]]}), encoding="utf-8")
    assert reader_for(path).name == "doccano"
