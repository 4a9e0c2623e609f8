"""The knowledge base learns from annotation, pre-annotates, and remembers rejections."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.services.knowledge import KnowledgeBase
from annotator.services.preannotate import Review
from annotator.services.workspace import Workspace

TEXT = "Kabid Humas Polda Kaltara memimpin apel di Bulungan."
PLAIN = "Polda Kaltara dan Polda Kalimantan Utara siaga di Bulungan, kata KPU."


@pytest.fixture
def ws(db_url: str, tmp_path: Path) -> Iterator[Workspace]:
    """A project that imported one pre-annotated document and one plain one."""
    workspace = Workspace.open(db_url, "berita", "ani")
    record = {
        "text": TEXT,
        "spans": [
            {"start": 12, "end": 25, "label": "ORG"},
            {"start": 43, "end": 51, "label": "LOC"},
        ],
    }
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(PLAIN, encoding="utf-8")
    summary = workspace.import_paths([tmp_path / "a.jsonl", tmp_path / "b.txt"])
    assert summary.imported == 2
    yield workspace
    workspace.close()


def test_imported_spans_come_back_as_ranked_suggestions(ws: Workspace) -> None:
    ranked = KnowledgeBase(ws).rank("polda kaltra")
    assert ranked[0].name == "Polda Kaltara"
    assert ranked[0].type == "ORG"
    doc = ws.document(ws.list_documents()[0].id)
    assert doc is not None and all(s.entity is not None for s in doc.spans)


def test_gazetteer_bad_lines_are_named_and_nothing_is_added(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "names.tsv"
    path.write_text("KPU\tORG\tKomisi Pemilihan Umum\nrusak\n\tLOC\n", encoding="utf-8")
    summary = KnowledgeBase(ws).import_gazetteer(path)
    assert [(p.line, p.path) for p in summary.problems] == [(2, str(path)), (3, str(path))]
    assert KnowledgeBase(ws).rank("KPU") == []


def test_prodigy_patterns_import(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "patterns.jsonl"
    lines = [
        {"label": "ORG", "pattern": "Komisi Pemilihan Umum"},
        {"label": "ORG", "pattern": [{"lower": "kpu"}]},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    summary = KnowledgeBase(ws).import_gazetteer(path)
    assert summary.problems == [] and summary.entities_added == 2
    assert KnowledgeBase(ws).rank("KPU")[0].alias == "kpu"


def _plain_id(ws: Workspace) -> int:
    return next(d.id for d in ws.list_documents() if d.span_count == 0)


def test_preannotation_reject_is_remembered(ws: Workspace) -> None:
    review = Review(ws)
    doc_id = _plain_id(ws)
    review.preannotate([doc_id])
    pending = review.pending(doc_id)
    found = {PLAIN[s:e] for _, s, e, _, _, _ in pending}
    assert {"Polda Kaltara", "Bulungan"} <= found
    kaltara = [p[0] for p in pending if PLAIN[p[1] : p[2]] == "Polda Kaltara"]
    review.reject(doc_id, kaltara)
    review.preannotate([doc_id])
    again = {PLAIN[s:e] for _, s, e, _, _, _ in review.pending(doc_id)}
    assert "Polda Kaltara" not in again


def test_accept_all_creates_spans_and_undo_removes_them(ws: Workspace) -> None:
    review = Review(ws)
    doc_id = _plain_id(ws)
    review.preannotate([doc_id], fuzzy=False)
    ids = review.of(doc_id, label="ORG")
    undo = review.accept(doc_id, ids)
    doc = ws.document(doc_id)
    assert doc is not None
    assert [(doc.text[s.start : s.end], s.origin.value) for s in doc.spans] == [
        ("Polda Kaltara", "suggestion")
    ]
    assert doc.spans[0].entity is not None and doc.spans[0].entity.name == "Polda Kaltara"
    review.apply(undo)
    doc = ws.document(doc_id)
    assert doc is not None and doc.spans == ()
    assert review.of(doc_id, label="ORG") == ids
