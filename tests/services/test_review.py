"""Reviewing suggestions: pre-annotating the sample release, accept, reject, label all, undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.edits import AddSpan
from annotator.services.annotate import Annotations
from annotator.services.knowledge import KnowledgeBase
from annotator.services.preannotate import Review
from annotator.services.workspace import Workspace

GAZETTEER = (
    "Polda Kaltara\tORG\n"
    "Komisi Pemilihan Umum\tORG\n"
    "KPU\tORG\tKomisi Pemilihan Umum\n"
    "Kalimantan Utara\tLOC\n"
    "Mapolda Kaltara\tLOC\n"
    "Bulungan\tLOC\n"
    "Tarakan\tLOC\n"
    "Budi Rachmat\tPER\n"
)
# (start, end, label, entity) in the sample release, read off the text by hand.
EXPECTED = [
    (0, 7, "LOC", "Tarakan"),
    (94, 110, "LOC", "Kalimantan Utara"),
    (124, 137, "ORG", "Polda Kaltara"),  # inside "Kabid Humas Polda Kaltara"
    (150, 162, "PER", "Budi Rachmat"),
    (238, 251, "ORG", "Polda Kaltara"),
    (287, 302, "LOC", "Mapolda Kaltara"),  # the longer alias wins over "Polda Kaltara"
    (306, 314, "LOC", "Bulungan"),
    (1107, 1128, "ORG", "Komisi Pemilihan Umum"),
    (1130, 1133, "ORG", "Komisi Pemilihan Umum"),  # "KPU", an alias
    (1135, 1151, "LOC", "Kalimantan Utara"),
]


@pytest.fixture
def release(db_url: str, sample_release: Path, tmp_path: Path) -> Iterator[Workspace]:
    """The sample release imported, and a small gazetteer of its names."""
    ws = Workspace.open(db_url, "rilis", "ani")
    ws.import_paths([sample_release])
    names = tmp_path / "names.tsv"
    names.write_text(GAZETTEER, encoding="utf-8")
    assert KnowledgeBase(ws).import_gazetteer(names).problems == []
    yield ws
    ws.close()


def _doc_id(ws: Workspace) -> int:
    return ws.list_documents()[0].id


def test_preannotating_the_sample_release_finds_its_names_at_exact_offsets(
    release: Workspace,
) -> None:
    review = Review(release)
    doc_id = _doc_id(release)
    summary = review.preannotate([doc_id])
    doc = release.document(doc_id)
    assert doc is not None
    found = [
        (s.start, s.end, s.label, s.entity.name if s.entity else None) for s in doc.suggestions
    ]
    for start, end, label, name in EXPECTED:
        assert (start, end, label, name) in found
        assert doc.text[start:end] in (name, "KPU")
    assert summary.suggestions == len(found) == 15
    assert review.preannotate([doc_id]).suggestions == 0  # nothing offered twice


def test_reject_after_accept_removes_the_span_and_undo_brings_it_back(release: Workspace) -> None:
    review = Review(release)
    doc_id = _doc_id(release)
    review.preannotate([doc_id], fuzzy=False)
    kpu = [sid for sid, s, _, _, _, _ in review.pending(doc_id) if s == 1130]
    review.accept(doc_id, kpu)
    doc = release.document(doc_id)
    assert doc is not None and [(s.start, s.end) for s in doc.spans] == [(1130, 1133)]
    undo = review.reject(doc_id, kpu)
    doc = release.document(doc_id)
    assert doc is not None and doc.spans == ()
    assert kpu[0] not in review.of(doc_id)
    review.apply(undo)
    doc = release.document(doc_id)
    assert doc is not None and [(s.start, s.end) for s in doc.spans] == [(1130, 1133)]


def test_accept_all_of_one_entity_is_one_step(release: Workspace) -> None:
    review = Review(release)
    doc_id = _doc_id(release)
    review.preannotate([doc_id], fuzzy=False)
    polda = KnowledgeBase(release).rank("Polda Kaltara")[0].entity_id
    ids = review.of(doc_id, entity_id=polda)
    undo = review.accept(doc_id, ids)
    doc = release.document(doc_id)
    assert doc is not None and len(doc.spans) == len(ids) == 6
    assert {s.entity.id for s in doc.spans if s.entity} == {polda}
    assert undo.describe() == "Accept 6 suggestions"
    redo = review.apply(undo)
    doc = release.document(doc_id)
    assert (
        doc is not None and doc.spans == () and set(review.of(doc_id, entity_id=polda)) == set(ids)
    )
    review.apply(redo)
    assert len(review.pending(doc_id)) == 15 - 6


def test_label_all_occurrences_in_the_project_and_its_undo(
    release: Workspace, tmp_path: Path
) -> None:
    copy = tmp_path / "salinan.txt"
    copy.write_text("Pleno di Tarakan dan Tanjung Selor. Tarakan aman.", encoding="utf-8")
    release.import_paths([copy])
    doc_id = _doc_id(release)
    other = next(d.id for d in release.list_documents() if d.id != doc_id)
    Annotations(release).apply(AddSpan(doc_id, 0, 7, "LOC"))
    review = Review(release)
    assert review.label_occurrences(doc_id, 0, 7, "LOC") == []
    found = review.label_occurrences(doc_id, 0, 7, "LOC", whole_project=True)
    assert found == [(other, 9, 16), (other, 36, 43)]
    undo = review.label_all(doc_id, "LOC", found)
    assert undo.describe() == "Label 2 occurrences as LOC"
    spans = release.document(other).spans  # type: ignore[union-attr]
    assert [(s.start, s.end, s.label) for s in spans] == [(9, 16, "LOC"), (36, 43, "LOC")]
    assert all(s.entity and s.entity.name == "Tarakan" for s in spans)
    review.apply(undo)
    assert release.document(other).spans == ()  # type: ignore[union-attr]
    assert len(release.document(doc_id).spans) == 1  # type: ignore[union-attr]


def test_merge_and_split_alias(release: Workspace) -> None:
    kb = KnowledgeBase(release)
    polda = kb.rank("Polda Kaltara")[0].entity_id
    mapolda = kb.rank("Mapolda Kaltara")[0].entity_id
    assert polda is not None and mapolda is not None and polda != mapolda
    kb.merge(polda, [mapolda])
    assert kb.entity(mapolda) is None
    merged = kb.entity(polda)
    assert merged is not None
    assert {a.text for a in merged.aliases} >= {"Polda Kaltara", "Mapolda Kaltara"}
    assert kb.rank("Mapolda Kaltara")[0].entity_id == polda
    alias = next(a for a in merged.aliases if a.text == "Mapolda Kaltara")
    assert alias.id is not None
    new_id = kb.split_alias(alias.id, "Markas Polda Kaltara")
    split = kb.entity(new_id)
    assert split is not None and (split.name, split.type) == ("Markas Polda Kaltara", "ORG")
    assert kb.rank("Mapolda Kaltara")[0].name == "Markas Polda Kaltara"
    with pytest.raises(ValueError, match="not in this project"):
        kb.merge(polda, [999_999])
