"""brat exports written by worker processes: the same folder, file for file, byte for byte."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.formats import WRITERS
from annotator.core.formats.base import WriteReport
from annotator.services import export_parallel, processes
from annotator.services.export import (
    ExportError,
    ExportRequest,
    ExportResult,
    Split,
    export,
)
from annotator.services.export_parallel import ENV, workers_for
from annotator.services.workspace import Workspace
from annotator.store.selection import Selection
from tests.services.test_export_parallel import (
    EVERYTHING,
    _plain,
    _rich,
    cancel_at_first_progress,
)

# Names that collide: case-different ids and titles, no name at all, the conf's own name.
NAMES: list[dict[str, Any]] = [
    {"id": "Rilis-A"},
    {"id": "rilis-a"},
    {"title": "RILIS-A"},
    {"title": ""},
    {"title": "annotation"},
    {"title": "Annotation"},
    {"title": "Apel / Siaga: Tarakan"},
    {"title": "apel-siaga-tarakan"},
    {"title": "doc00004"},
    {},
]


def _record(n: int) -> dict[str, Any]:
    record = _rich(n) if n % 5 == 0 else _plain(n)
    record.pop("id", None)
    name = NAMES[n % len(NAMES)]
    record["meta"] = {"source": "Humas"} | {k: v for k, v in name.items() if k == "title"}
    return record | {k: v for k, v in name.items() if k == "id"}


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """300 documents whose brat file names collide in every way ``_stem`` resolves."""
    folder = tmp_path_factory.mktemp("brat-parallel")
    path = folder / "in.jsonl"
    lines = [json.dumps(_record(n), ensure_ascii=False) + "\n" for n in range(300)]
    path.write_text("".join(lines), "utf-8")
    workspace = Workspace.open(f"sqlite:///{folder / 'p.db'}", "brat", "tester")
    assert workspace.import_paths([path]).rejected == 0
    yield workspace
    workspace.close()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.*")}


def _both_ways(
    ws: Workspace, req: ExportRequest, monkeypatch: pytest.MonkeyPatch
) -> tuple[ExportResult, ExportResult]:
    monkeypatch.setenv(ENV, "0")
    serial = export(ws, req)
    serial_files = _files(req.out)
    monkeypatch.setenv(ENV, "3")
    monkeypatch.setattr(export_parallel, "MIN_DOCS", 10)
    monkeypatch.setattr(export_parallel, "MIN_RUN", 7)  # more runs than workers
    assert workers_for(WRITERS["brat"], ws.store.engine, 100) == 3
    done: list[int] = []
    parallel = export(ws, req, progress=lambda n, _total: done.append(n))
    assert _files(req.out) == serial_files
    assert done[-1] == sum(r.documents for r in parallel.outputs.values())
    for path, report in serial.outputs.items():
        other = parallel.outputs[path]
        assert (report.documents, report.spans, report.dropped) == (
            other.documents,
            other.spans,
            other.dropped,
        )
    return serial, parallel


def test_parallel_brat_writes_the_same_folder(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "brat"
    _, parallel = _both_ways(ws, ExportRequest("brat", out, EVERYTHING), monkeypatch)
    files = _files(out)
    assert parallel.outputs[out].documents == 300
    assert len(files) == 601
    for name in ("Rilis-A", "rilis-a-2", "RILIS-A-3", "doc00004", "doc00004-2", "annotation-2"):
        assert f"{name}.txt" in files, name
    assert "ATTEND" in files["annotation.conf"].decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brat"]  # no temporary folder left


def test_parallel_brat_with_label_filter_and_split(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    selection = Selection(statuses=None, labels=("PER", "ATTEND"))
    req = ExportRequest("brat", tmp_path / "brat", selection, Split((0.6, 0.3, 0.1)))
    _both_ways(ws, req, monkeypatch)
    anns = [p.read_text("utf-8") for p in (tmp_path / "brat" / "train").glob("*.ann")]
    assert any("\tPER " in ann for ann in anns)
    assert not any("\tLOC " in ann or "\tORG " in ann for ann in anns)


def test_cancel_leaves_the_old_folder_and_nothing_else(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_parallel, "MIN_DOCS", 10)
    monkeypatch.setenv(ENV, "3")
    out = tmp_path / "brat"
    out.mkdir()
    (out / "old.txt").write_text("lama", encoding="utf-8")
    assert cancel_at_first_progress(ws, ExportRequest("brat", out, EVERYTHING))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brat"]
    assert _files(out) == {"old.txt": b"lama"}


def test_a_failing_brat_worker_leaves_no_folder(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any) -> WriteReport:
        (args[3] / "half.txt").write_text("setengah", encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_parallel, "MIN_DOCS", 10)
    monkeypatch.setenv(ENV, "3")
    monkeypatch.setattr(export_parallel, "write_brat_run", broken)  # forked workers inherit it
    with pytest.raises(ExportError, match="No space left on device"):
        export(ws, ExportRequest("brat", tmp_path / "brat", EVERYTHING))
    assert list(tmp_path.iterdir()) == []


def test_spawned_brat_workers_write_the_same_folder(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(processes, "forks", lambda: False)
    _both_ways(ws, ExportRequest("brat", tmp_path / "brat", EVERYTHING), monkeypatch)


def test_parallel_brat_on_each_database(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "in.jsonl"
    lines = [json.dumps(_record(n), ensure_ascii=False) + "\n" for n in range(60)]
    path.write_text("".join(lines), "utf-8")
    workspace = Workspace.open(db_url, "brat", "tester")
    try:
        assert workspace.import_paths([path]).rejected == 0
        _both_ways(workspace, ExportRequest("brat", tmp_path / "brat", EVERYTHING), monkeypatch)
    finally:
        workspace.close()
