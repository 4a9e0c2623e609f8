"""A large spaCy DocBin export is a folder of DocBin files that spaCy reads as one corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.formats import spacy_fmt
from annotator.services import export_parallel
from annotator.services.export import ExportRequest, Split, export
from annotator.services.workspace import Workspace
from annotator.store.selection import Selection

spacy = pytest.importorskip("spacy")


@pytest.fixture
def ws(sqlite_url: str, tmp_path: Path) -> Workspace:
    rows = []
    for i in range(7):
        text = f"Rilis {i}: Kapolda 👮🏽 Kaltara hadir di Tarakan.\nSelesai."
        start = text.index("Tarakan")
        spans = [{"start": start, "end": start + 7, "label": "LOC"}]
        rows.append({"id": f"r{i}", "text": text, "status": "done", "spans": spans})
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    workspace = Workspace.open(sqlite_url, "docbin")
    assert workspace.import_paths([path]).imported == 7
    return workspace


def _corpus(path: Path) -> list[tuple[str, list[str]]]:
    """What spaCy's trainer reads from ``path`` (a file or a folder)."""
    from spacy.training import Corpus

    nlp = spacy.blank("id")
    return [(ex.reference.text, [e.text for e in ex.reference.ents]) for ex in Corpus(path)(nlp)]


def test_more_documents_than_a_file_holds_become_a_folder_spacy_reads(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = tmp_path / "one.spacy"
    export(ws, ExportRequest("spacy-docbin", one, Selection(statuses=None)))
    assert one.is_file()
    monkeypatch.setattr(spacy_fmt, "SHARD", 3)
    many = tmp_path / "train.spacy"
    result = export(ws, ExportRequest("spacy-docbin", many, Selection(statuses=None)))
    assert sorted(p.name for p in many.iterdir()) == ["0001.spacy", "0002.spacy", "0003.spacy"]
    assert result.outputs[many].documents == 7 and result.outputs[many].spans == 7
    read = _corpus(many)
    assert read == _corpus(one)  # the same documents, in order, with their entities
    assert [ents for _, ents in read] == [["Tarakan"]] * 7


def test_a_folder_export_and_a_file_export_replace_each_other(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "data.spacy"
    monkeypatch.setattr(spacy_fmt, "SHARD", 3)
    split = Split((0.7, 0.3, 0.0), seed=1)
    first = export(ws, ExportRequest("spacy-docbin", out, Selection(statuses=None), split=split))
    train = tmp_path / "data.train.spacy"
    assert train.is_dir() and (tmp_path / "data.dev.spacy").is_file()  # 5 and 2 documents
    assert [r.documents for r in first.outputs.values()] == [5, 2, 0]
    monkeypatch.setattr(spacy_fmt, "SHARD", 10)
    export(ws, ExportRequest("spacy-docbin", out, Selection(statuses=None), split=split))
    assert train.is_file() and len(_corpus(train)) == 5
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("workers", ["2", "3"])
def test_worker_processes_write_the_same_files(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: str
) -> None:
    monkeypatch.setattr(spacy_fmt, "SHARD", 2)
    monkeypatch.setattr(export_parallel, "MIN_DOCS", 1)
    monkeypatch.setattr(export_parallel, "MIN_RUN", 1)  # 4 files: a run each, taken in turn
    monkeypatch.setenv(export_parallel.ENV, "0")
    alone = tmp_path / "alone.spacy"
    first = export(ws, ExportRequest("spacy-docbin", alone, Selection(statuses=None)))
    monkeypatch.setenv(export_parallel.ENV, workers)
    ticks: list[int] = []
    shared = tmp_path / "shared.spacy"
    req = ExportRequest("spacy-docbin", shared, Selection(statuses=None))
    second = export(ws, req, progress=lambda done, total: ticks.append(done))
    files = sorted(p.name for p in alone.iterdir())
    assert files == ["0001.spacy", "0002.spacy", "0003.spacy", "0004.spacy"]
    assert sorted(p.name for p in shared.iterdir()) == files
    assert all((alone / f).read_bytes() == (shared / f).read_bytes() for f in files)
    assert second.outputs[shared] == first.outputs[alone]
    assert ticks[-1] == 7
