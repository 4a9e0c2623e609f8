"""The export fast path (store rows -> records, native, Prodigy and brat) writes what the normal
writer writes from whole documents."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select

from annotator.core.formats import WRITERS
from annotator.core.formats.base import WriteContext, WriteReport
from annotator.services.export import ExportRequest, export
from annotator.services.workspace import Workspace
from annotator.store import tables as t
from annotator.store.loading import stream_documents
from annotator.store.selection import Selection, select_ids

EMOJI = (
    "Kapolda 👮🏽\u200d♂️ Kaltara Irjen Pol. Hary hadir.\nBrigjen Andre\u0301 🇮🇩 di Tarakan, Rabu."
)


def _span(text: str, n: int, surface: str, label: str, **extra: Any) -> dict[str, Any]:
    start = text.index(surface)
    return {"id": f"T{n}", "start": start, "end": start + len(surface), "label": label} | extra


def _rich() -> dict[str, Any]:
    spans = [
        _span(EMOJI, 1, "Kaltara", "LOC", entity={"name": "Kalimantan Utara", "type": "LOC"}),
        _span(EMOJI, 2, "Irjen Pol. Hary", "PER", annotator="sari"),
        _span(EMOJI, 3, "Irjen Pol.", "TITLE"),  # same start, shorter: comes after T2
        _span(EMOJI, 4, "Andre\u0301", "PER", origin="suggestion"),
        _span(EMOJI, 5, "Tarakan", "LOC"),
        _span(EMOJI, 6, "hadir", "ATTEND"),
    ]
    return {
        "id": "rilis-1",
        "text": EMOJI,
        "original_text": EMOJI.replace("\n", "\r\n"),
        "meta": {"title": "Apel", "source": "Humas", "place": "Tarakan", "halaman": 3},
        "status": "done",
        "annotator": "sari",
        "spans": spans,
        "events": [
            {
                "id": "E1",
                "type": "ATTEND",
                "trigger": "T6",
                "arguments": [{"role": "agent", "span": "T2"}, {"role": "place", "span": "T5"}],
            },
        ],
        "relations": [{"head": "T2", "tail": "T1", "label": "located_in"}],
        "suggestions": [
            {"start": 0, "end": 7, "label": "TITLE", "score": 0.5, "entity": {"name": "Kapolda"}}
        ],
    }


def _plain(n: int) -> dict[str, Any]:
    text = f"Rilis {n}: Polda Kaltara apel di Tarakan."
    spans = [_span(text, 1, "Polda Kaltara", "ORG"), _span(text, 2, "Tarakan", "LOC")]
    return {"text": text, "meta": {"title": f"Rilis {n}"}, "status": "done", "spans": spans}


@pytest.fixture
def ws(tmp_path: Path, sqlite_url: str) -> Workspace:
    tokens = [{"start": s, "end": e} for s, e in [(0, 5), (6, 7), (7, 8), (9, 14)]]
    stored = {"text": "Rilis 3: siaga.", "meta": {"tokens": tokens}, "status": "done"}
    records = [_rich(), _plain(1), {"text": "Tanpa anotasi.", "status": "new"}, _plain(2), stored]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    workspace = Workspace.open(sqlite_url, "cepat", "tester")
    summary = workspace.import_paths([path])
    assert summary.rejected == 0, summary.problems
    _add_notes(workspace)
    return workspace


def _add_notes(ws: Workspace) -> None:
    """Notes on the rich document, one of its spans and its event (its record has none)."""
    d, s, ev = t.DOCUMENTS.c, t.SPANS.c, t.EVENTS.c
    with ws.store.engine.begin() as conn:
        doc = conn.execute(select(d.id).where(d.external_id == "rilis-1")).scalar_one()
        span = conn.execute(
            select(s.id).where(s.document_id == doc, s.start == EMOJI.index("Andre"))
        ).scalar_one()
        event = conn.execute(select(ev.id).where(ev.document_id == doc)).scalar_one()
        now = datetime.now(UTC)
        for text, span_id, event_id in [
            ("cek", None, None),
            ("nama?", span, None),
            ("waktu?", None, event),
        ]:
            values = {"document_id": doc, "span_id": span_id, "event_id": event_id}
            conn.execute(insert(t.NOTES), values | {"text": text, "created_at": now})


def _normal(ws: Workspace, fmt: str, out: Path, with_suggestions: bool) -> WriteReport:
    """The normal writer's output over model documents."""
    with ws.store.engine.connect() as conn:
        ids = select_ids(conn, ws.project.id, Selection(statuses=None))
        context = WriteContext(ws.schema(), with_suggestions=with_suggestions)
        return WRITERS[fmt].write(stream_documents(conn, ids), out, context)


@pytest.mark.parametrize("fmt", ["native", "prodigy"])
@pytest.mark.parametrize("with_suggestions", [False, True])
def test_fast_path_output_is_byte_for_byte_the_normal_writers(
    ws: Workspace, tmp_path: Path, with_suggestions: bool, fmt: str
) -> None:
    out = tmp_path / "fast.jsonl"
    req = ExportRequest(fmt, out, Selection(statuses=None), with_suggestions=with_suggestions)
    result = export(ws, req)
    fast = out.read_bytes()
    normal = _normal(ws, fmt, tmp_path / "normal.jsonl", with_suggestions)
    assert fast == (tmp_path / "normal.jsonl").read_bytes()
    assert result.outputs[out] == normal  # the same counts of what was dropped
    assert result.documents == 5
    if fmt == "prodigy":
        assert normal.dropped["entity links"] > 2  # plain documents' learnt links counted too
        return
    rich = json.loads(fast.splitlines()[0])
    assert [s["text"] for s in rich["spans"][1:3]] == ["Irjen Pol. Hary", "Irjen Pol."]
    assert rich["spans"][0]["entity"]["type"] == "LOC"
    assert rich["events"][0]["arguments"] == [
        {"role": "agent", "span": "T2"},
        {"role": "place", "span": "T6"},  # spans are renumbered by start
    ]
    assert rich["original_text"] == EMOJI.replace("\n", "\r\n")
    assert [n.get("span") or n.get("event") for n in rich["notes"]] == [None, "T5", "E1"]
    assert ("suggestions" in rich) is with_suggestions


def test_prodigy_fast_path_keeps_stored_tokens_and_white_space(
    ws: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "prodigy.jsonl"
    export(ws, ExportRequest("prodigy", out, Selection(statuses=None)))
    tasks = [json.loads(line) for line in out.read_bytes().splitlines()]
    stored = tasks[-1]["tokens"]
    assert [(t["text"], t["ws"]) for t in stored] == [
        ("Rilis", True), ("3", False), (":", True), ("siaga", False)  # "." is no stored token
    ]  # fmt: skip
    for task in tasks:
        for token in task["tokens"]:
            following = task["text"][token["end"] : token["end"] + 1]
            assert token["ws"] is following.isspace()
            assert task["text"][token["start"] : token["end"]] == token["text"]


def test_fast_path_spans_match_their_text_in_code_points(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "fast.jsonl"
    export(ws, ExportRequest("jsonl", out, Selection(statuses=None)))
    for line in out.read_bytes().splitlines():
        record = json.loads(line)
        for span in record["spans"]:
            assert record["text"][span["start"] : span["end"]] == span["text"]


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_brat_from_rows_writes_the_files_the_writer_writes_from_documents(
    ws: Workspace, tmp_path: Path
) -> None:
    d = t.DOCUMENTS.c
    normalized = {"brat_normalizations": [{"target": "T1", "db": "Wiki", "db_id": "Q123"}]}
    with ws.store.engine.begin() as conn:  # a plain document imported from brat: its N line
        conn.execute(t.DOCUMENTS.update().where(d.title == "Rilis 2").values(meta=normalized))
    out = tmp_path / "fast"
    result = export(ws, ExportRequest("brat", out, Selection(statuses=None)))
    normal = _normal(ws, "brat", tmp_path / "normal", with_suggestions=False)
    fast = _tree(out)
    assert fast == _tree(tmp_path / "normal")
    assert result.outputs[out] == normal
    assert len(fast) == 11  # five pairs and annotation.conf
    plain = fast["Rilis-1-2.ann"].decode()  # "rilis-1" is the rich document's
    assert "\tORG 9 22\tPolda Kaltara\n" in plain
    assert plain.count("\tReference T") == 2  # the links learnt on import
    assert "\tReference T1 Wiki:Q123\t" in fast["Rilis-2.ann"].decode()
