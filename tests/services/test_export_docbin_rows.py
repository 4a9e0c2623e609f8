"""The DocBin export straight from the store's rows writes the bytes the writer writes from
whole documents: one file, a folder of files, and a folder written by worker processes."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select

from annotator.core.formats import spacy_fmt
from annotator.core.formats.base import WriteContext, WriteReport
from annotator.services import export_parallel, export_part
from annotator.services.export import ExportRequest, export
from annotator.services.workspace import Workspace
from annotator.store import tables as t
from annotator.store.loading import stream_documents
from annotator.store.selection import Selection, select_ids
from annotator.store.text_rows import stream_text_rows

spacy = pytest.importorskip("spacy")

WRITER = spacy_fmt.DOCBIN_WRITER
EMOJI = "Kapolda 👮🏽\u200d♂️ Kaltara Irjen Pol. Hary hadir.\nBrigjen Andre\u0301 🇮🇩 di Tarakan."
PLAIN = "Polda Kaltara siaga di Tarakan, Rabu.\tPolres Nunukan juga."


def _span(text: str, surface: str, label: str, cut: int = 0, **extra: Any) -> dict[str, Any]:
    start = text.index(surface)
    return {"start": start, "end": start + len(surface) - cut, "label": label} | extra


def _records() -> list[dict[str, Any]]:
    """A document with events, relations, notes, a suggestion and overlapping spans; one with
    overlapping, unaligned and entity-linked spans but nothing linked to them; emoji and
    combining marks; one without spans; one without an external id."""
    rich_spans = [
        _span(EMOJI, "👮🏽\u200d♂️", "SYM"),
        _span(EMOJI, "Kaltara", "LOC", entity={"name": "Kalimantan Utara", "type": "LOC"}),
        _span(EMOJI, "Irjen Pol. Hary", "PER"),
        _span(EMOJI, "Irjen Pol.", "TITLE"),
        _span(EMOJI, "hadir", "ATTEND"),
        _span(EMOJI, "Andre\u0301", "PER"),
    ]
    plain_spans = [
        _span(PLAIN, "Polda Kaltara", "ORG", entity={"name": "Polda Kalimantan Utara"}),
        _span(PLAIN, "Kaltara", "LOC"),
        _span(PLAIN, "Polres Nunukan", "ORG", cut=2),  # not on token boundaries
        _span(PLAIN, "Tarakan", "LOC"),
        _span(PLAIN, "Rabu", "DATE"),
    ]
    rich = {
        "id": "rilis-1",
        "text": EMOJI,
        "status": "done",
        "spans": rich_spans,
        "events": [{"type": "ATTEND", "trigger": "T5", "arguments": [{"role": "a", "span": "T3"}]}],
        "relations": [{"head": "T3", "tail": "T2", "label": "located_in"}],
        "suggestions": [{"start": 0, "end": 7, "label": "TITLE", "score": 0.5}],
    }
    emoji = {"id": "rilis-3", "text": EMOJI, "spans": [_span(EMOJI, "🇮🇩", "SYM")]}
    return [
        rich,
        {"id": "rilis-2", "text": PLAIN, "status": "done", "spans": plain_spans},
        emoji,
        {"id": "kosong", "text": "Tanpa anotasi.\n", "status": "new"},
        {"text": f"Tanpa id: {PLAIN}", "spans": [_span(f"Tanpa id: {PLAIN}", "Rabu", "DATE")]},
    ]


def _keyed(spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [span | {"id": f"T{n}"} for n, span in enumerate(spans, 1)]


@pytest.fixture
def ws(tmp_path: Path, sqlite_url: str) -> Workspace:
    path = tmp_path / "in.jsonl"
    records = [r | {"spans": _keyed(r.get("spans", []))} for r in _records()]
    lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in records]
    path.write_text("".join(lines), "utf-8")
    workspace = Workspace.open(sqlite_url, "docbin-rows")
    summary = workspace.import_paths([path])
    assert summary.imported == 5, summary.problems
    d = t.DOCUMENTS.c
    with workspace.store.engine.begin() as conn:  # two notes on the first document
        doc = conn.execute(select(d.id).where(d.external_id == "rilis-1")).scalar_one()
        now = datetime.now(UTC)
        for text in ("cek gelar", "hadir?"):
            conn.execute(insert(t.NOTES), {"document_id": doc, "text": text, "created_at": now})
    return workspace


def _ids(ws: Workspace) -> list[int]:
    with ws.store.engine.connect() as conn:
        return select_ids(conn, ws.project.id, Selection(statuses=None))


def _both(ws: Workspace, tmp_path: Path, folder: bool) -> tuple[WriteReport, WriteReport]:
    """The rows path's and the documents path's output of every document (folders of
    files when ``folder``), as ``rows`` and ``docs`` under ``tmp_path``."""
    rows, docs = tmp_path / "rows", tmp_path / "docs"
    if folder:
        rows.mkdir()
        docs.mkdir()
    context, ids = WriteContext(ws.schema()), _ids(ws)
    with ws.store.engine.connect() as conn:
        by_rows = WRITER.write_rows(stream_text_rows(conn, ids), rows, context)
        by_docs = WRITER.write(stream_documents(conn, ids), docs, context)
    return by_rows, by_docs


def _files(path: Path) -> dict[str, bytes]:
    if path.is_file():
        return {"": path.read_bytes()}
    return {p.name: p.read_bytes() for p in sorted(path.iterdir())}


def test_a_docbin_from_rows_holds_the_bytes_of_one_from_documents(
    ws: Workspace, tmp_path: Path
) -> None:
    by_rows, by_docs = _both(ws, tmp_path, folder=False)
    assert (tmp_path / "rows").read_bytes() == (tmp_path / "docs").read_bytes()
    assert by_rows == by_docs
    assert by_rows.documents == 5
    dropped = by_rows.dropped  # the data holds each case the rows path treats apart
    assert dropped[spacy_fmt.UNALIGNED] == 1 and dropped[spacy_fmt.OVERLAPPING] == 2
    assert dropped["entity links"] > 2  # learnt links counted too
    assert dropped["events"] == dropped["relations"] == 1 and dropped["notes"] == 2
    assert list(dropped) == ["events", "relations", "entity links", "notes",
                             spacy_fmt.OVERLAPPING, spacy_fmt.UNALIGNED]  # fmt: skip


def test_the_rows_path_docbin_reads_back_with_every_span(ws: Workspace, tmp_path: Path) -> None:
    from spacy.tokens import DocBin

    _both(ws, tmp_path, folder=False)
    docs = list(DocBin().from_disk(tmp_path / "rows").get_docs(spacy.blank("id").vocab))
    assert [d.user_data.get("id") for d in docs] == [
        "rilis-1", "rilis-2", "rilis-3", "kosong", None
    ]  # fmt: skip
    rich, plain, emoji, empty, _ = docs
    assert [s.text for s in rich.spans["sc"]][:4] == [
        "👮🏽\u200d♂️", "Kaltara", "Irjen Pol. Hary", "Irjen Pol."
    ]  # fmt: skip
    assert "Andre\u0301" in [e.text for e in rich.ents]
    assert [s.text for s in plain.spans["sc"]] == ["Polda Kaltara", "Kaltara", "Tarakan", "Rabu"]
    assert [e.text for e in emoji.ents] == ["🇮🇩"]
    assert list(empty.spans["sc"]) == [] and list(empty.ents) == []


def test_a_folder_of_docbins_from_rows_holds_the_same_files(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spacy_fmt, "SHARD", 2)
    by_rows, by_docs = _both(ws, tmp_path, folder=True)
    files = _files(tmp_path / "rows")
    assert list(files) == ["0001.spacy", "0002.spacy", "0003.spacy"]
    assert files == _files(tmp_path / "docs")
    assert by_rows == by_docs


@pytest.mark.parametrize("workers", ["0", "2"])
def test_an_export_writes_from_rows_what_documents_give(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: str
) -> None:
    monkeypatch.setattr(spacy_fmt, "SHARD", 2)
    monkeypatch.setattr(export_parallel, "MIN_DOCS", 1)
    monkeypatch.setenv(export_parallel.ENV, workers)
    _both(ws, tmp_path, folder=True)

    def no_documents(*args: Any) -> Any:
        raise AssertionError("the DocBin export loaded whole documents")

    monkeypatch.setattr(export_part, "stream_documents", no_documents)  # forked workers too
    out = tmp_path / "export.spacy"
    result = export(ws, ExportRequest("spacy-docbin", out, Selection(statuses=None)))
    assert _files(out) == _files(tmp_path / "docs")
    assert result.outputs[out].documents == 5


def test_a_label_filter_keeps_only_its_spans(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "loc.spacy"
    selection = Selection(statuses=None, labels=("LOC",))
    result = export(ws, ExportRequest("spacy-docbin", out, selection))
    assert result.outputs[out].spans == 3  # Kaltara twice, Tarakan


def test_text_rows_of_scattered_ids_are_those_read_in_one_range(ws: Workspace) -> None:
    ids = _ids(ws)
    with ws.store.engine.connect() as conn:
        every = list(stream_text_rows(conn, ids))
        scattered = list(stream_text_rows(conn, [ids[4], ids[0], 10**9]))  # listed, one missing
    assert scattered == [every[4], every[0]]
    held = dict(every[0].uncarried)
    assert list(held) == ["events", "relations", "entity links", "notes"]
    assert held["events"] == held["relations"] == 1 and held["notes"] == 2
    assert every[3].spans == [] and every[3].uncarried == ()
