"""Import preparation in worker processes gives the same documents as in-process."""

from __future__ import annotations

from annotator.core.model import Document
from annotator.services.pipeline import prepared_batches

RELEASE = "Tarakan (ANTARA) - Polda Kaltara menggelar apel siaga nomor {n}.\nBaca juga: Lain\n"


def _batches() -> list[list[Document]]:
    return [[Document(text=RELEASE.format(n=b * 10 + i)) for i in range(10)] for b in range(3)]


def test_worker_processes_prepare_like_the_writer_does() -> None:
    here = list(prepared_batches(_batches(), lambda d: (d, True), workers=0))
    pooled = list(prepared_batches(_batches(), lambda d: (d, True), workers=1))
    assert [[p.document for p in ps] for _, ps in pooled] == [
        [p.document for p in ps] for _, ps in here
    ]
    first = pooled[2][1][0]
    assert first.document.place == "Tarakan"
    assert "Baca juga" not in first.document.text
    assert len(first.signature) == 64
    assert first.document.content_hash
