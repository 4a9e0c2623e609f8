"""JSON Lines reading: every kind of line is read, or named with its line and reason."""

from __future__ import annotations

from pathlib import Path

from annotator.core.formats import ReadOptions, Record, Severity
from annotator.core.formats.base import Problem
from annotator.core.formats.jsonl import READER


def _read(tmp_path: Path, data: bytes) -> tuple[list[Record], list[Problem]]:
    path = tmp_path / "berita.jsonl"
    path.write_bytes(data)
    items = list(READER.read(path, ReadOptions()))
    return [i for i in items if isinstance(i, Record)], [i for i in items if isinstance(i, Problem)]


def test_every_kind_of_line_is_read_or_named_with_its_line(tmp_path: Path) -> None:
    lines = [
        '\ufeff{"text": "Polisi Tarakan berjaga.", "skor": NaN}'.encode(),  # BOM, NaN
        b"",
        '{"text": "Emoji \U0001f600 di Nunukan", "judul": "Satu"}'.encode(),
        '{"text": "Caf\u00e9 di Malinau"}'.encode("cp1252"),  # not UTF-8
        b'{"text": "rusak",',  # malformed
        b'{"text": "\\ud800 sendiri"}',  # a lone surrogate, as Python's json reads it
        b'{"text": "Bawaslu Kaltara", "angka": 123456789012345678901234567890}',
    ]
    records, problems = _read(tmp_path, b"\n".join(lines) + b"\n")
    texts = [r.document.text for r in records]
    assert texts[:3] == [
        "Polisi Tarakan berjaga.",
        "Emoji \U0001f600 di Nunukan",
        "Café di Malinau",
    ]
    assert [r.line for r in records] == [1, 3, 4, 6, 7]
    assert records[1].document.title == "Satu"
    assert records[4].document.meta["angka"] == 123456789012345678901234567890
    warning, error = problems
    assert (warning.line, warning.severity) == (4, Severity.WARNING)
    assert "Windows-1252" in warning.message
    assert error.line == 5 and error.message.startswith("malformed JSON:")
    assert "column" in error.message


def test_long_numbers_anywhere_in_a_line_keep_every_digit(tmp_path: Path) -> None:
    big = 123456789012345678901234567890
    lines = [
        b'{"text": "Nomor perkara", "berkas": {"nomor": %d}}' % big,
        b'{"text": "Daftar", "nomor": [1, %d]}' % big,
        b'{"text": "Skor", "skor": 0.5, "id": 18446744073709551615}',
        b'{"text": "Telepon 0812345678901234567890 di teks"}',
    ]
    records, problems = _read(tmp_path, b"\n".join(lines) + b"\n")
    assert problems == []
    meta = [r.document.meta for r in records]
    assert meta[0]["berkas"]["nomor"] == big and meta[1]["nomor"] == [1, big]
    assert meta[2]["skor"] == 0.5
    assert records[2].document.external_id == "18446744073709551615"
    assert records[3].document.text == "Telepon 0812345678901234567890 di teks"


def test_a_record_cut_short_is_named_at_the_column_where_it_ends(tmp_path: Path) -> None:
    cut = b'{"text": "rusak", "label": [[0, 2, "PER"]'
    for ending in (b"\n", b"\r\n"):
        _, problems = _read(tmp_path, cut + ending + b'{"text": "utuh"}' + ending)
        (error,) = problems
        assert error.line == 1
        assert error.message.endswith(f"(column {len(cut) + 1})")
