"""Other occurrences of a labelled text: in the document as loaded, in the project by index."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.edits import AddSpan
from annotator.services import occurrences
from annotator.services.annotate import Annotations
from annotator.services.preannotate import Review
from annotator.services.workspace import Workspace

TEXTS = {
    "a.txt": "Rapat KPU Tarakan. Ketua KPU Tarakan hadir.",
    "b.txt": "Pleno KPU di Tarakan; kpu tarakan siap.",
    "c.txt": "Tidak ada nama di sini.",
    "d.txt": "KPU-Tarakan dan KPUTarakan bukan sama.",
}


@pytest.fixture
def project(db_url: str, tmp_path: Path) -> Iterator[tuple[Workspace, dict[str, int]]]:
    """Four small documents, by file name."""
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    ws = Workspace.open(db_url, "kpu", "ani")
    ids = ws.import_paths([tmp_path / n for n in TEXTS]).document_ids
    yield ws, {n: i for n, i in zip(TEXTS, ids, strict=True) if i is not None}
    ws.close()


def test_project_search_finds_whole_word_occurrences_in_any_case_and_skips_labelled_ones(
    project: tuple[Workspace, dict[str, int]],
) -> None:
    ws, ids = project
    a, b = ids["a.txt"], ids["b.txt"]
    Annotations(ws).apply(AddSpan(a, 6, 17, "ORG"))  # "KPU Tarakan", the first one
    found = Review(ws).label_occurrences(a, 6, 17, "ORG", whole_project=True)
    assert found == [(a, 25, 36), (b, 22, 33)]  # "KPU di Tarakan" is not one
    doc = ws.document(a)
    assert doc is not None
    assert occurrences.in_document(doc, 6, 17) == [(a, 25, 36)]


def test_project_search_within_some_documents_or_stopped_early(
    project: tuple[Workspace, dict[str, int]],
) -> None:
    ws, ids = project
    a, d = ids["a.txt"], ids["d.txt"]
    review = Review(ws)
    assert review.label_occurrences(a, 6, 9, "ORG", True, within=[d]) == [(d, 0, 3)]
    assert review.label_occurrences(a, 6, 9, "ORG", True, stop=lambda: True) == []
