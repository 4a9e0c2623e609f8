"""What the export dialog offers as filters, and its count of what they select (both databases)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.services.export import (
    ExportRequest,
    count_documents,
    export,
    export_choices,
)
from annotator.services.workspace import Workspace
from annotator.store.selection import Selection

RELEASES = [  # (source, published, annotated with a PER span)
    ("Tribun Kaltara", "2024-11-28T09:15:00", True),
    ("ANTARA", "2024-12-02", False),
    ("ANTARA", "2024-12-09T16:33:00", True),
    (None, None, False),
]


def _import(ws: Workspace, tmp_path: Path, name: str) -> None:
    lines = []
    for n, (source, published, labelled) in enumerate(RELEASES):
        text = f"Tarakan - Rilis {name} {n}: Kapolres Andi Saputra memimpin apel siaga."
        start = text.index("Andi Saputra")
        meta = {"source": source, "published_at": published}
        record: dict[str, object] = {"text": text, "status": "done" if n % 2 else "new"}
        record["meta"] = {k: v for k, v in meta.items() if v}
        span = {"id": "T1", "start": start, "end": start + 12, "label": "PER"}
        record["spans"] = [span] if labelled else []
        lines.append(json.dumps(record))
    path = tmp_path / f"{name}.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = ws.import_paths([path], "native")
    assert summary.imported == len(RELEASES), summary.problems


@pytest.fixture
def ws(db_url: str, tmp_path: Path) -> Workspace:
    other = Workspace.open(db_url, "lain", "budi")  # another project, another annotator
    _import(other, tmp_path, "lain")
    other.close()
    workspace = Workspace.open(db_url, "ekspor", "sari")
    _import(workspace, tmp_path, "ekspor")
    return workspace


def test_choices_are_the_projects_sources_and_dates_and_the_annotators(ws: Workspace) -> None:
    choices = export_choices(ws)
    assert choices.sources == ["ANTARA", "Tribun Kaltara"]
    assert (choices.first_date, choices.last_date) == ("2024-11-28", "2024-12-09")
    assert choices.annotators == ["budi", "sari"]
    ws.close()


def test_a_project_without_dates_or_sources_offers_none(db_url: str) -> None:
    empty = Workspace.open(db_url, "kosong")
    choices = export_choices(empty)
    assert (choices.sources, choices.first_date, choices.last_date) == ([], None, None)
    empty.close()


@pytest.mark.parametrize(
    "selection",
    [
        Selection(),
        Selection(statuses=None),
        Selection(statuses=None, source="ANTARA"),
        Selection(statuses=None, date_from="2024-12-01", date_to="2024-12-09"),
        Selection(statuses=None, date_to="2024-11-28"),
        Selection(statuses=None, labels=("PER",)),
        Selection(statuses=None, annotator="sari"),
        Selection(statuses=None, annotator="budi"),
    ],
)
def test_the_count_is_what_the_export_writes(
    ws: Workspace, tmp_path: Path, selection: Selection
) -> None:
    counted = count_documents(ws, selection)
    written = export(ws, ExportRequest("jsonl", tmp_path / "out.jsonl", selection)).documents
    assert counted == written
    expected = {
        Selection(): 2,
        Selection(statuses=None): 4,
        Selection(statuses=None, source="ANTARA"): 2,
        Selection(statuses=None, date_from="2024-12-01", date_to="2024-12-09"): 2,
        Selection(statuses=None, date_to="2024-11-28"): 1,
        Selection(statuses=None, labels=("PER",)): 2,
        Selection(statuses=None, annotator="sari"): 4,
        Selection(statuses=None, annotator="budi"): 0,
    }
    assert counted == expected[selection]
    ws.close()
