"""Exports written by worker processes hold exactly the bytes of the in-process export."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.formats import WRITERS
from annotator.core.formats.base import WriteReport
from annotator.services import export_parallel, processes
from annotator.services.export import (
    ALIASES,
    ExportCancelledError,
    ExportError,
    ExportRequest,
    ExportResult,
    Split,
    export,
)
from annotator.services.export_parallel import ENV, FRAMES, workers_for
from annotator.services.part_join import Frame, PartJoiner
from annotator.services.workspace import Workspace
from annotator.store.selection import Selection

EVERYTHING = Selection(statuses=None)


def cancel_at_first_progress(ws: Workspace, request: ExportRequest) -> list[int]:
    """Run ``request``, pressing Cancel at its first progress report; the reports made."""
    progress: list[int] = []
    with pytest.raises(ExportCancelledError):
        export(
            ws,
            request,
            progress=lambda done, _total: progress.append(done),
            cancelled=lambda: bool(progress),
        )
    assert progress
    return progress


EMOJI = (
    "Kapolda 👮🏽\u200d♂️ Kaltara Irjen Pol. Hary hadir.\r\nBrigjen Andre\u0301 🇮🇩 di Tarakan, Rabu."
)


def _span(text: str, n: int, surface: str, label: str, **extra: Any) -> dict[str, Any]:
    start = text.index(surface)
    return {"id": f"T{n}", "start": start, "end": start + len(surface), "label": label} | extra


def _rich(n: int) -> dict[str, Any]:
    text = f"Rilis {n}. {EMOJI}"
    spans = [
        _span(text, 1, "Kaltara", "LOC", entity={"name": "Kalimantan Utara", "type": "LOC"}),
        _span(text, 2, "Irjen Pol. Hary", "PER"),
        _span(text, 3, "Irjen Pol.", "TITLE"),  # overlaps T2
        _span(text, 4, "Andre\u0301", "PER"),
        _span(text, 5, "Tarakan", "LOC"),
        _span(text, 6, "hadir", "ATTEND"),
    ]
    return {
        "id": f"rilis-{n}",
        "text": text,
        "meta": {"title": f"Apel {n}", "source": "Humas"},
        "status": "done",
        "spans": spans,
        "events": [
            {
                "id": "E1",
                "type": "ATTEND",
                "trigger": "T6",
                "arguments": [{"role": "agent", "span": "T2"}, {"role": "place", "span": "T5"}],
            }
        ],
        "relations": [{"head": "T2", "tail": "T1", "label": "located_in"}],
        "notes": [{"text": "cek nama", "span": "T4"}],
    }


def _plain(n: int) -> dict[str, Any]:
    text = f"Rilis {n}: Polda Kaltara apel di Tarakan.\nPersonel siaga."
    spans = [_span(text, 1, "Polda Kaltara", "ORG"), _span(text, 2, "Tarakan", "LOC")]
    status = "new" if n % 7 == 0 else "done"
    return {"text": text, "meta": {"title": f"Rilis {n}"}, "status": status, "spans": spans}


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """A project of 300 documents; every fifth with emoji, CRLF, events and relations."""
    folder = tmp_path_factory.mktemp("parallel")
    records = [_rich(n) if n % 5 == 0 else _plain(n) for n in range(300)]
    path = folder / "in.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    workspace = Workspace.open(f"sqlite:///{folder / 'p.db'}", "paralel", "tester")
    summary = workspace.import_paths([path])
    assert summary.rejected == 0, summary.problems
    yield workspace
    workspace.close()


@pytest.fixture
def parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Exports of 10 documents or more go to three workers, in runs of 7 documents or more."""
    monkeypatch.setattr(export_parallel, "MIN_DOCS", 10)
    monkeypatch.setattr(export_parallel, "MIN_RUN", 7)
    monkeypatch.setenv(ENV, "3")


def _serial_and_parallel(
    ws: Workspace, req: ExportRequest, monkeypatch: pytest.MonkeyPatch
) -> tuple[ExportResult, ExportResult]:
    monkeypatch.setenv(ENV, "0")
    serial = export(ws, req)
    serial_bytes = {p: p.read_bytes() for p in serial.outputs}
    monkeypatch.setenv(ENV, "3")
    monkeypatch.setattr(export_parallel, "MIN_DOCS", 10)
    monkeypatch.setattr(export_parallel, "MIN_RUN", 7)  # 60 documents: 8 runs for 3 workers
    assert workers_for(WRITERS[ALIASES.get(req.format, req.format)], ws.store.engine, 100) == 3
    done: list[tuple[int, int]] = []
    result = export(ws, req, progress=lambda *a: done.append(a))
    assert {p: p.read_bytes() for p in result.outputs} == serial_bytes
    assert done[-1][0] == done[-1][1] >= 60  # every document counted, in order
    assert [d for d, _ in done] == sorted(d for d, _ in done)
    return serial, result


def _same_reports(a: WriteReport, b: WriteReport) -> None:
    assert (a.documents, a.spans, a.dropped, a.notes) == (b.documents, b.spans, b.dropped, b.notes)


@pytest.mark.parametrize("fmt", sorted(FRAMES))
def test_parallel_export_writes_the_serial_bytes_and_report(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    out = tmp_path / f"out.{fmt}"
    serial, parallel = _serial_and_parallel(ws, ExportRequest(fmt, out, EVERYTHING), monkeypatch)
    _same_reports(serial.outputs[out], parallel.outputs[out])
    assert parallel.outputs[out].documents >= 290
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no part file left


@pytest.mark.parametrize("fmt", ["jsonl", "labelstudio", "conll"])
def test_parallel_label_filter_and_split_match_the_serial_export(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    selection = Selection(statuses=None, labels=("PER", "ATTEND"))
    req = ExportRequest(fmt, tmp_path / f"out.{fmt}", selection, Split((0.6, 0.3, 0.1)))
    serial, parallel = _serial_and_parallel(ws, req, monkeypatch)
    for path, report in serial.outputs.items():
        _same_reports(report, parallel.outputs[path])
    assert "LOC" not in next(iter(parallel.outputs)).read_text("utf-8")


def test_small_exports_inline_and_one_docbin_file_stay_in_process(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = ws.store.engine
    monkeypatch.setenv(ENV, "3")
    for name in ("native", "brat", "spacy-docbin"):  # DocBin: a folder of files by then
        assert workers_for(WRITERS[name], engine, export_parallel.MIN_DOCS) == 3
        assert workers_for(WRITERS[name], engine, export_parallel.MIN_DOCS - 1) == 0
    assert workers_for(WRITERS["inline"], engine, 10**6) == 0
    monkeypatch.setattr(export_parallel, "MIN_DOCS", 10)
    assert workers_for(WRITERS["spacy-docbin"], engine, 1_000) == 0  # one file
    monkeypatch.setenv(ENV, "0")
    assert workers_for(WRITERS["native"], engine, 10**6) == 0


@pytest.mark.usefixtures("parallel")
def test_cancel_ends_the_workers_and_leaves_the_old_file(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "keep.jsonl"
    out.write_text("old contents\n", encoding="utf-8")
    cancel_at_first_progress(ws, ExportRequest("jsonl", out, EVERYTHING))
    assert out.read_text(encoding="utf-8") == "old contents\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.jsonl"]


@pytest.mark.usefixtures("parallel")
def test_cancel_stops_workers_still_writing(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def stuck(*args: Any) -> WriteReport:
        ids, counted = args[2], args[-1]
        list(counted(iter(ids)))  # progress reaches the parent ...
        threading.Event().wait()  # ... then the worker never finishes on its own
        raise AssertionError

    monkeypatch.setattr(export_parallel, "write_part", stuck)  # forked workers inherit it
    cancel_at_first_progress(ws, ExportRequest("prodigy", tmp_path / "out.jsonl", EVERYTHING))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.usefixtures("parallel")
def test_a_failing_worker_is_reported_and_leaves_nothing(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> WriteReport:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_parallel, "write_part", broken)  # forked workers inherit it
    with pytest.raises(ExportError, match="No space left on device"):
        export(ws, ExportRequest("prodigy", tmp_path / "out.jsonl", EVERYTHING))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.usefixtures("parallel")
def test_spawned_workers_write_the_same_bytes(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    req = ExportRequest("doccano", tmp_path / "out.jsonl", EVERYTHING)
    monkeypatch.setenv(ENV, "0")
    export(ws, req)
    serial = req.out.read_bytes()
    monkeypatch.setenv(ENV, "2")
    monkeypatch.setattr(processes, "forks", lambda: False)
    export(ws, req)
    assert req.out.read_bytes() == serial


def test_parallel_export_on_each_database(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [_rich(n) if n % 3 == 0 else _plain(n) for n in range(60)]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    workspace = Workspace.open(db_url, "paralel", "tester")
    try:
        assert workspace.import_paths([path]).rejected == 0
        for fmt in ("jsonl", "prodigy"):
            req = ExportRequest(fmt, tmp_path / f"out.{fmt}", EVERYTHING)
            serial, parallel = _serial_and_parallel(workspace, req, monkeypatch)
            _same_reports(serial.outputs[req.out], parallel.outputs[req.out])
    finally:
        workspace.close()


def join_parts(paths: list[Path], target: Path, frame: Frame) -> None:
    """The parts joined as ``target``, each ready in order."""
    with PartJoiner(paths, target, frame) as joiner:
        for n in range(len(paths)):
            joiner.ready(n)


def test_join_keeps_one_frame_and_skips_empty_parts(tmp_path: Path) -> None:
    frame = FRAMES["labelstudio"]
    bodies = [b"", b"\n1,\n2", b"", b"\n3"]
    paths = [tmp_path / f"p{n}" for n in range(len(bodies))]
    for path, body in zip(paths, bodies, strict=True):
        path.write_bytes(frame.head + body + frame.tail)
    join_parts(paths, tmp_path / "out.json", frame)
    assert json.loads((tmp_path / "out.json").read_bytes()) == [1, 2, 3]
    assert (tmp_path / "out.json").read_bytes() == b"[\n1,\n2,\n3\n]\n"


def test_join_refuses_a_part_without_the_frame(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"[\n1\n]\n")
    (tmp_path / "b").write_bytes(b"{}\n")
    with pytest.raises(ExportError, match="not framed"):
        join_parts([tmp_path / "a", tmp_path / "b"], tmp_path / "out", FRAMES["labelstudio"])


def test_parts_are_joined_in_order_whichever_is_ready_first(tmp_path: Path) -> None:
    frame = FRAMES["labelstudio"]
    paths = [tmp_path / f"p{n}" for n in range(3)]
    for n, path in enumerate(paths):
        path.write_bytes(frame.head + f"\n{n}".encode() + frame.tail)
    out = tmp_path / "out.json"
    with PartJoiner(paths, out, frame) as joiner:
        joiner.ready(2)
        assert not out.exists()  # part 2 waits for parts 0 and 1
        joiner.ready(0)
        joiner.ready(1)
    assert json.loads(out.read_bytes()) == [0, 1, 2]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


@pytest.mark.usefixtures("parallel")
def test_workers_ending_with_parts_unwritten_fail_the_export(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_parallel, "_take", lambda *_: None)  # forked workers inherit it
    with pytest.raises(ExportError, match="ended before every part was written"):
        export(ws, ExportRequest("jsonl", tmp_path / "out.jsonl", EVERYTHING))
    assert list(tmp_path.iterdir()) == []
