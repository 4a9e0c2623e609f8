"""Importing text files, folders and JSONL: good records land, bad ones are named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.services.importing import FIRST_BATCH
from annotator.services.workspace import Workspace


def _ws(url: str) -> Workspace:
    return Workspace.open(url, "berita", "tester")


def _jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_folders_readme_and_data_card_are_left_out_unless_named(
    tmp_path: Path, db_url: str
) -> None:
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "rilis-1.txt").write_text("Tarakan (ANTARA) - Polda Kaltara siaga.", "utf-8")
    (folder / "README.md").write_text("# Korpus\n\nRilis pers Polda Kaltara, 2024.", "utf-8")
    (folder / "SOURCE.md").write_text("Sumber: contoh buatan tim.", "utf-8")
    ws = _ws(db_url)
    summary = ws.import_paths([folder])
    assert (summary.imported, summary.rejected) == (1, 0)
    assert sorted(Path(w.path).name for w in summary.warnings) == ["README.md", "SOURCE.md"]
    assert all("not an article" in w.message for w in summary.warnings)
    named = ws.import_paths([folder / "README.md"])
    assert (named.imported, named.warnings) == (1, [])
    ws.close()


def test_folder_of_text_files_imports_one_article_each(tmp_path: Path, db_url: str) -> None:
    folder = tmp_path / "rilis"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Tarakan (ANTARA) - Polda Kaltara siaga.\r\nBaris dua.", "utf-8")
    (folder / "sub" / "b.txt").write_bytes("\ufeffBulungan - KPU Kaltara rapat.".encode())
    (folder / ".hidden.txt").write_text("tersembunyi", encoding="utf-8")
    ws = _ws(db_url)
    summary = ws.import_paths([folder])
    assert (summary.imported, summary.rejected) == (2, 0)
    texts = sorted(d.text for d in map(ws.document, summary.document_ids) if d)
    assert texts[0] == "Bulungan - KPU Kaltara rapat."  # BOM gone
    assert "\r" not in texts[1] and texts[1].endswith("siaga.\nBaris dua.")
    ws.close()


def test_bad_jsonl_line_and_binary_file_are_named_and_good_records_land(
    tmp_path: Path, db_url: str
) -> None:
    good = json.dumps({"text": "Polda Kaltara apel siaga.", "title": "Apel", "url": "http://x"})
    data = _jsonl(
        tmp_path / "rilis.jsonl",
        [good, '{"text": "rusak', json.dumps({"txt": 1}), json.dumps({"text": "KPU rapat pleno."})],
    )
    binary = tmp_path / "foto.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    ws = _ws(db_url)
    summary = ws.import_paths([data, binary])
    assert summary.imported == 2
    assert summary.rejected == 3
    messages = [str(p) for p in summary.problems]
    assert any(m.startswith(f"{data}:2: malformed JSON") for m in messages)
    assert any(m.startswith(f"{data}:3: no text field") for m in messages)
    assert any(m.startswith(f"{binary}: binary file") for m in messages)
    doc = ws.document(summary.document_ids[0])
    assert doc is not None and doc.title == "Apel" and doc.url == "http://x"
    again = ws.import_paths([data])
    assert (again.imported, again.skipped) == (0, 2)
    assert ws.stats()["documents"] == 2
    ws.close()


def test_undecodable_bytes_fall_back_to_cp1252_with_a_warning(
    tmp_path: Path, sqlite_url: str
) -> None:
    path = tmp_path / "lama.txt"
    path.write_bytes("Caf\xe9 \x93kutip\x94 di Tarakan".encode("latin-1"))
    ws = _ws(sqlite_url)
    summary = ws.import_paths([path])
    assert summary.imported == 1 and summary.rejected == 0
    [warning] = summary.warnings
    assert str(warning).startswith(f"{path}: not UTF-8") and "Windows-1252" in str(warning)
    doc = ws.document(summary.document_ids[0])
    assert doc is not None and doc.text == "Café “kutip” di Tarakan"
    ws.close()


def test_empty_and_missing_files_are_rejected_without_touching_the_database(
    tmp_path: Path, sqlite_url: str
) -> None:
    ws = _ws(sqlite_url)
    first = tmp_path / "ada.txt"
    first.write_text("Polda Kaltara siaga.", encoding="utf-8")
    ws.import_paths([first])
    before = ws.stats()
    empty = tmp_path / "kosong.txt"
    empty.write_text("   \n", encoding="utf-8")
    summary = ws.import_paths([empty, tmp_path / "tidak-ada.txt", first])
    assert summary.rejected == 2 and summary.skipped == 1 and summary.imported == 0
    assert [p.message for p in summary.problems] == ["empty file", "no such file or folder"]
    assert ws.stats() == before
    ws.close()


def test_cancel_leaves_no_half_import(tmp_path: Path, sqlite_url: str) -> None:
    folder = tmp_path / "banyak"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.txt").write_text(f"Rilis nomor {i} dari Polda Kaltara.", encoding="utf-8")
    ws = _ws(sqlite_url)
    seen: list[int] = []
    summary = ws.import_paths(
        [folder], progress=lambda p: seen.append(p.files_done), cancelled=lambda: len(seen) >= 3
    )
    assert summary.cancelled and summary.imported == 0
    assert ws.stats()["documents"] == 0
    ws.close()


def test_cancel_inside_one_long_file_leaves_nothing(tmp_path: Path, sqlite_url: str) -> None:
    path = tmp_path / "panjang.jsonl"
    rows = [json.dumps({"text": f"Rilis {i} Polda Kaltara siaga."}) for i in range(2500)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    ws = _ws(sqlite_url)
    calls: list[int] = []
    summary = ws.import_paths(
        [path], progress=lambda p: calls.append(p.documents), cancelled=lambda: len(calls) >= 2
    )
    assert summary.cancelled
    assert calls[-1] >= FIRST_BATCH  # a batch was written before Cancel was seen
    assert ws.stats()["documents"] == 0
    ws.close()


def _mixed_folder(folder: Path) -> Path:
    """Enough releases for worker processes, with a bad file of each kind and a brat pair."""
    folder.mkdir()
    for n in range(2 * FIRST_BATCH):
        text = f"Tarakan (ANTARA) - Polda Kaltara menggelar apel siaga nomor {n}.\nBaca juga: Lain"
        (folder / f"rilis-{n:03d}.txt").write_text(text, encoding="utf-8")
    (folder / "rilis-050-kosong.txt").write_text("  \n", encoding="utf-8")
    (folder / "rilis-100-foto.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(256))
    (folder / "rilis-120.jsonl").write_text('{"text": "rusak\n', encoding="utf-8")  # read here
    old = "Caf\xe9 \x93kutip\x94 di Tarakan".encode("latin-1")  # Windows-1252 bytes
    (folder / "rilis-150-lama.txt").write_bytes(old)
    (folder / "rilis-200-brat.txt").write_text("Polda Kaltara siaga di Tarakan.", encoding="utf-8")
    (folder / "rilis-200-brat.ann").write_text("T1\tORG 0 13\tPolda Kaltara\n", encoding="utf-8")
    return folder


def test_a_folder_read_by_worker_processes_imports_as_one_read_here(
    tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _mixed_folder(tmp_path / "rilis")
    found = {}
    for workers in ("0", "2"):
        monkeypatch.setenv("ANNOTATOR_IMPORT_WORKERS", workers)
        ws = Workspace.open(f"sqlite:///{tmp_path / workers}.db", "berita", "tester")
        summary = ws.import_paths([folder])
        docs = [ws.document(i) for i in summary.document_ids]
        found[workers] = (
            [str(p) for p in summary.problems],
            [str(w) for w in summary.warnings],
            [(d.text, d.title, d.place, d.meta, [s.label for s in d.spans]) for d in docs if d],
        )
        ws.close()
    problems, warnings, docs = found["2"]
    assert found["0"] == found["2"]
    assert [Path(p.split(":")[0]).name for p in problems] == [  # in the order of the files
        "rilis-050-kosong.txt",
        "rilis-100-foto.txt",
        "rilis-120.jsonl",
    ]
    assert len(warnings) == 1 and "rilis-150-lama.txt: not UTF-8" in warnings[0]
    assert len(docs) == 2 * FIRST_BATCH + 2
    first = next(d for d in docs if d[0].startswith("Tarakan (ANTARA) - Polda Kaltara menggelar"))
    assert first[2] == "Tarakan" and "Baca juga" not in first[0]
    assert ("Café “kutip” di Tarakan", "Rilis 150 lama") in [d[:2] for d in docs]
    assert ("Polda Kaltara siaga di Tarakan.", ["ORG"]) in [(d[0], d[4]) for d in docs]
