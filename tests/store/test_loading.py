"""Chunked loading: the same documents whether ids are listed or read as a range."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core import model
from annotator.services.workspace import Workspace
from annotator.store.loading import load_chunk, stream_rows
from annotator.store.selection import Selection, select_ids


def _workspace(tmp_path: Path, url: str) -> Workspace:
    lines = []
    for n in range(6):
        text = f"Rilis {n}: Polda Kaltara apel di Tarakan."
        start = text.index("Polda")
        spans = [
            {"id": "T1", "start": start, "end": start + 13, "label": "ORG"},
            {"id": "T2", "start": start, "end": start + 5, "label": "ORG"},  # same start
            {"id": "T3", "start": text.index("Tarakan"), "end": len(text) - 1, "label": "LOC"},
        ]
        lines.append({"text": text, "meta": {"title": f"R{n}"}, "status": "done", "spans": spans})
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    ws = Workspace.open(url, "muat", "tester")
    assert ws.import_paths([path]).rejected == 0
    return ws


def test_range_and_list_reads_give_equal_documents(tmp_path: Path, db_url: str) -> None:
    ws = _workspace(tmp_path, db_url)
    with ws.store.engine.connect() as conn:
        ids = select_ids(conn, ws.project.id, Selection(statuses=None))
        by_range = load_chunk(conn, ids)  # consecutive ids: read by range
        by_list = load_chunk(conn, ids[::2]) + load_chunk(conn, ids[1::2])  # gaps: listed
        rows = list(stream_rows(conn, ids))
    ws.close()
    assert sorted(by_range, key=lambda d: d.id or 0) == sorted(by_list, key=lambda d: d.id or 0)
    first = by_range[0]
    start = first.text.index("Polda")
    assert [(s.start, s.end) for s in first.spans][:2] == [(start, start + 13), (start, start + 5)]
    span = first.spans[0]
    rebuilt = model.Span(
        span.start,
        span.end,
        span.label,
        span.key,
        span.origin,
        span.annotator,
        span.entity,
        span.id,
    )
    assert span == rebuilt and hash(span) == hash(rebuilt)
    assert [[r[2], r[3]] for r in rows[0].spans] == [[s.start, s.end] for s in first.spans]
