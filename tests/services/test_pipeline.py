"""Import preparation in worker processes gives the same documents as in-process."""

from __future__ import annotations

from dataclasses import fields

from annotator.core.formats import ReadOptions
from annotator.core.model import Document, Event, Note, Relation, Span, Status, Suggestion
from annotator.services.pipeline import prepared_batches
from annotator.services.prepare import Prepared, applied, outcomes, work_of

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


def test_what_import_does_not_set_is_kept_in_every_field() -> None:
    doc = Document(
        text="Tarakan (ANTARA) - Polda Kaltara siaga.\nBaca juga: Lain\n",
        title="Judul",
        external_id="x-1",
        source="antara",
        url="https://example.com/a",
        meta={"kanal": "hukum"},
        status=Status.DONE,
        spans=(Span(19, 32, "ORG", "T1"),),
        events=(Event("Apel", "T1"),),
        relations=(Relation("rel", "T1", "T1"),),
        notes=(Note("cek"),),
        suggestions=(Suggestion(0, 7, "LOC", 0.9),),
        annotator="ani",
        id=7,
    )
    names = [f.name for f in fields(Document)]
    set_here = "text title external_id source url meta status spans events relations notes"
    left = "suggestions annotator id agency place published_at original_text content_hash"
    assert sorted(names) == sorted(f"{set_here} {left}".split()), "carry it in _as_stored"
    for raw in (True, False):
        (done,) = outcomes([work_of(doc, raw)])
        stored = applied(doc, done).document
        changed = {"text", "original_text", "place", "agency", "meta", "content_hash"}
        for field in fields(Document):
            if field.name not in changed:
                assert getattr(stored, field.name) == getattr(doc, field.name), field.name
        assert stored.content_hash and stored.meta["kanal"] == "hukum"
        assert (stored.place, "Baca juga" in stored.text) == (
            ("Tarakan", False) if raw else (None, True)
        )
