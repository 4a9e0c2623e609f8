"""CSV with a text column and metadata columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.formats import csvfile, reader_for
from annotator.core.formats.base import ReadOptions, Record
from tests.core.formats.annotated_sample import read_all

CSV = (
    "id,judul,tautan,tanggal,isi_berita,topik\r\n"
    '1,Banjir di Tarakan,https://contoh.id/1,10/21/2025 20:43,"Banjir melanda 🌊 Tarakan.\r\n'
    '""Kami siaga,"" kata Andre\u0301.",Bencana\r\n'
    "2,Rusak,https://contoh.id/2,10/22/2025 8:05\r\n"
    '3,Pilkada,https://contoh.id/3,kemarin,"KPU Kaltara siap.",Politik\r\n'
)


def test_reads_rows_with_metadata_and_multiline_text(tmp_path: Path) -> None:
    path = tmp_path / "berita.csv"
    path.write_bytes(CSV.encode())
    assert reader_for(path) is csvfile.READER
    records, problems = read_all(csvfile.READER, path)
    assert [(r.line, r.pre_annotated) for r in records] == [(2, False), (5, False)]
    first = records[0].document
    assert first.text == 'Banjir melanda 🌊 Tarakan.\n"Kami siaga," kata Andre\u0301.'
    assert (first.title, first.url, first.external_id) == (
        "Banjir di Tarakan",
        "https://contoh.id/1",
        "1",
    )
    assert first.published_at == "2025-10-21T20:43:00"
    assert first.meta == {"topik": "Bencana"}
    unparsed = records[1].document
    assert unparsed.published_at is None
    assert unparsed.meta["tanggal"] == "kemarin"
    assert [(p.path, p.line) for p in problems] == [(str(path), 4)]
    assert "4 fields" in problems[0].message


def test_text_column_can_be_chosen(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("judul;Ringkasan\nSatu;Polda siaga.\n", encoding="utf-8")
    records, problems = read_all(csvfile.READER, path)
    assert records == []
    assert problems[0].line == 1
    items = csvfile.READER.read(path, ReadOptions(text_field="Ringkasan"))
    chosen = [i for i in items if isinstance(i, Record)]
    assert [r.document.text for r in chosen] == ["Polda siaga."]


def test_an_empty_text_is_named_by_line(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Text,title\n,Kosong\nIsi berita.,Ada\n", encoding="utf-8")
    records, problems = read_all(csvfile.READER, path)
    assert [r.document.text for r in records] == ["Isi berita."]
    assert [p.line for p in problems] == [2]


@pytest.mark.parametrize(
    ("value", "iso"),
    [("4/23/2025 9:05", "2025-04-23T09:05:00"), ("2025-04-23", "2025-04-23T00:00:00")],
)
def test_iso_date(value: str, iso: str) -> None:
    assert csvfile.iso_date(value) == iso
