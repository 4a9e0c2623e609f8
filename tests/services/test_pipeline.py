"""Import preparation in worker processes gives the same documents as in-process."""

from __future__ import annotations

from annotator.core.formats import ReadOptions
from annotator.core.model import Document
from annotator.services.pipeline import prepared_batches
from annotator.services.prepare import Prepared, applied, work_of

RELEASE = "Tarakan (ANTARA) - Polda Kaltara menggelar apel siaga nomor {n}.\nBaca juga: Lain\n"


def _batches() -> list[list[Document]]:
    return [[Document(text=RELEASE.format(n=b * 10 + i)) for i in range(10)] for b in range(8)]


def _prepared(workers: int) -> list[tuple[list[Document], list[Prepared]]]:
    found = prepared_batches(_batches(), lambda d: work_of(d, True), ReadOptions(), workers)
    return [
        (docs, [applied(d, o) for d, o in zip(docs, done, strict=True)]) for docs, done in found
    ]


def test_worker_processes_prepare_like_the_writer_does() -> None:
    here, pooled = _prepared(0), _prepared(1)
    assert [[p.document for p in ps] for _, ps in pooled] == [
        [p.document for p in ps] for _, ps in here
    ]
    first = pooled[2][1][0]
    assert first.document.place == "Tarakan"
    assert "Baca juga" not in first.document.text
    assert len(first.signature) == 64
    assert first.document.content_hash
