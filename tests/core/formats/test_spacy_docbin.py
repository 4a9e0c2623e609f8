"""The DocBin writer's files read back as the documents spaCy's own ``DocBin.add`` writes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from annotator.core.formats import spacy_docbin, spacy_fmt
from annotator.core.formats.base import WriteReport
from annotator.core.formats.docbin_groups import packed_groups
from annotator.core.formats.nativerecord import TextRow
from annotator.core.formats.spacy_align import OVERLAPPING, UNALIGNED, aligned_ranges, triples
from annotator.core.model import Document, Span
from tests.core.formats.annotated_sample import document
from tests.core.formats.spacy_reference import NEWS, random_documents, spacy_aligned

spacy = pytest.importorskip("spacy")


def _span(text: str, needle: str, label: str, cut: int = 0) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle) - cut, label)


def _documents() -> list[Document]:
    """The annotated sample, news with special-case norms, unaligned, adjacent, reversed
    and overlapping spans, and documents without spans or text."""
    news = Document(
        text=NEWS,
        external_id="antara-7",
        spans=(
            _span(NEWS, "Tarakan", "LOC"),
            _span(NEWS, "(ANTARA)", "ORG"),
            _span(NEWS, "Kapolda Kaltara", "PER"),
            _span(NEWS, "Kaltara", "LOC"),
            _span(NEWS, "5 Jan. 2025", "DATE"),
            _span(NEWS, "Polres Nunukan", "ORG", cut=2),  # not on token boundaries
            _span(NEWS, "👮🏽\u200d♂️", "SYM"),
            _span(NEWS, "e-KTP", "MISC"),
            _span(NEWS, ";", "PUNCT"),  # an entity right after another
        ),
    )
    return [
        document(),
        news,
        Document(
            text="Polda Kaltara siaga.",
            spans=(Span(0, 3, "ORG"), Span(6, 13, "LOC"), Span(6, 5, "X")),  # X: end first
        ),
        Document(text="Tanpa anotasi.\n", external_id="kosong"),
        Document(text=""),
    ]


def _reference(docs: list[Document], path: Path) -> tuple[int, int, int]:
    """Write ``docs`` as spaCy's own calls do; the aligned, unaligned and overlapping counts."""
    from spacy.tokens import DocBin

    nlp, bin_, report = spacy.blank("id"), DocBin(store_user_data=True), WriteReport()
    for doc in docs:
        sdoc, spans, ents = spacy_aligned(nlp, doc, report)
        sdoc.ents = ents
        sdoc.spans["sc"] = spans
        if doc.external_id is not None:
            sdoc.user_data["id"] = doc.external_id
        bin_.add(sdoc)
    bin_.to_disk(path)
    dropped = report.dropped
    return report.spans, dropped.get(UNALIGNED, 0), dropped.get(OVERLAPPING, 0)


def _read(path: Path) -> list[Any]:
    from spacy.tokens import DocBin

    return list(DocBin().from_disk(path).get_docs(spacy.blank("id").vocab))


def _same_documents(ours: Path, theirs: Path) -> None:
    from spacy.tokens import DocBin
    from spacy.tokens._serialize import ALL_ATTRS  # type: ignore[attr-defined]

    columns = [*ALL_ATTRS, "SPACY"]
    read, expected = _read(ours), _read(theirs)
    assert len(read) == len(expected)
    for doc, want in zip(read, expected, strict=True):
        assert doc.text == want.text
        assert [t.text for t in doc] == [t.text for t in want]
        assert (doc.to_array(columns) == want.to_array(columns)).all(), doc.text
        assert [t.norm_ for t in doc] == [t.norm_ for t in want]
        ents = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in (doc, want)]
        assert ents[0] == ents[1]
        groups = [
            [(s.start, s.end, s.start_char, s.end_char, s.label_, s.kb_id_, s.id_) for s in g]
            for g in (doc.spans["sc"], want.spans["sc"])
        ]
        assert groups[0] == groups[1]
        assert doc.user_data == want.user_data
    assert DocBin().from_disk(ours).strings == DocBin().from_disk(theirs).strings


def test_sample_documents_read_back_as_spacys_own_docbin_writes_them(tmp_path: Path) -> None:
    docs = _documents()
    report = spacy_fmt.write_docbin(docs, tmp_path / "ours.spacy", "id")
    aligned, unaligned, overlapping = _reference(docs, tmp_path / "theirs.spacy")
    _same_documents(tmp_path / "ours.spacy", tmp_path / "theirs.spacy")
    assert report.documents == len(docs) and report.spans == aligned
    assert report.dropped[spacy_fmt.UNALIGNED] == unaligned == 2
    assert report.dropped[spacy_fmt.OVERLAPPING] == overlapping == 3
    (sample, news, *_) = _read(tmp_path / "ours.spacy")
    assert "Kombes Pol. Budi Rachmat, S.I.K, M.Si" in [e.text for e in sample.ents]
    assert [t.norm_ for t in news if t.text == "Jan."] == ["Januari"]  # a special case's norm
    assert news.user_data == {"id": "antara-7"}


def test_random_documents_read_back_as_spacys_own_docbin_writes_them(tmp_path: Path) -> None:
    docs = random_documents(300)
    assert any(doc.text[:1].isspace() for doc in docs)  # a first token of white space
    report = spacy_fmt.write_docbin(docs, tmp_path / "ours.spacy", "id")
    aligned, unaligned, overlapping = _reference(docs, tmp_path / "theirs.spacy")
    _same_documents(tmp_path / "ours.spacy", tmp_path / "theirs.spacy")
    assert report.spans == aligned
    assert report.dropped.get(spacy_fmt.UNALIGNED, 0) == unaligned > 0
    assert report.dropped.get(spacy_fmt.OVERLAPPING, 0) == overlapping > 0


def test_span_groups_are_packed_as_spacy_packs_them() -> None:
    from spacy.attrs import IDX, LENGTH
    from spacy.tokens import Span as SpacySpan

    nlp = spacy.blank("id")
    many = Document(
        text="Polda " * 20, spans=tuple(Span(6 * n, 6 * n + 5, "ORG") for n in range(20))
    )
    docs = [*_documents(), *random_documents(40), many]
    counts, rows, theirs = [], [], []
    for doc in docs:
        sdoc = nlp.make_doc(doc.text)
        offsets = sdoc.to_array([IDX, LENGTH])
        aligned = aligned_ranges(sdoc, triples(doc), WriteReport(), offsets, doc.text)
        spans = [span for span in aligned if span[2] < span[3]]  # what the writer packs
        labels = {s[4]: nlp.vocab.strings.add(s[4]) for s in spans}
        sdoc.spans["sc"] = [SpacySpan(sdoc, s[0], s[1], label=s[4]) for s in spans]
        theirs.append(sdoc.spans.to_bytes())
        counts.append(len(spans))
        rows += [(labels[s[4]], *s[:4]) for s in spans]
    assert max(counts) >= 16  # a longer msgpack list too
    columns = list(zip(*rows, strict=True))
    assert packed_groups("sc", counts, columns) == theirs


def test_a_spacy_that_packs_span_groups_otherwise_gets_its_own_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        spacy_docbin, "packed_groups", lambda _, counts, __: [b"\x90"] * len(counts)
    )
    docs = _documents()
    spacy_docbin._groups_as_spacys.cache_clear()
    try:
        spacy_fmt.write_docbin(docs, tmp_path / "ours.spacy", "id")
    finally:
        spacy_docbin._groups_as_spacys.cache_clear()
    _reference(docs, tmp_path / "theirs.spacy")
    _same_documents(tmp_path / "ours.spacy", tmp_path / "theirs.spacy")


def test_other_tokenizers_documents_are_added_by_spacy(tmp_path: Path) -> None:
    docs = [*_documents(), *random_documents(50)]
    nlp = spacy.blank("id")  # a whole pipeline, as languages with their own tokenizer get
    report = spacy_fmt.write_docbin(docs, tmp_path / "ours.spacy", "id", nlp)
    aligned, unaligned, overlapping = _reference(docs, tmp_path / "theirs.spacy")
    _same_documents(tmp_path / "ours.spacy", tmp_path / "theirs.spacy")
    assert report.spans == aligned
    assert report.dropped[spacy_fmt.UNALIGNED] == unaligned
    assert report.dropped[spacy_fmt.OVERLAPPING] == overlapping


def test_isal_and_zlib_both_compress_a_stream_zlib_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import zlib

    message = b"Polda Kaltara siaga. " * 5000
    by_isal = spacy_docbin.compress(message)
    monkeypatch.setitem(sys.modules, "isal", None)  # as if the isal package were missing
    by_zlib = spacy_docbin.compress(message)
    assert by_zlib == zlib.compress(message, spacy_docbin.LEVEL)
    assert by_isal != by_zlib  # isal is installed with the test extra
    assert zlib.decompress(by_isal) == zlib.decompress(by_zlib) == message


def test_no_documents_make_a_docbin_spacy_reads_as_empty(tmp_path: Path) -> None:
    report = spacy_fmt.write_docbin([], tmp_path / "none.spacy", "id")
    assert report.documents == 0 and _read(tmp_path / "none.spacy") == []


def test_files_hold_spacys_own_message_compressed_faster(tmp_path: Path) -> None:
    import zlib

    from spacy.tokens import DocBin

    _reference(_documents(), tmp_path / "theirs.spacy")
    theirs = DocBin(store_user_data=True).from_disk(tmp_path / "theirs.spacy")
    assert spacy_docbin.payload(theirs) == zlib.decompress(theirs.to_bytes())
    spacy_fmt.write_docbin(_documents(), tmp_path / "ours.spacy", "id")
    ours = DocBin(store_user_data=True).from_disk(tmp_path / "ours.spacy")
    written = (tmp_path / "ours.spacy").read_bytes()
    assert zlib.decompress(written) == zlib.decompress(ours.to_bytes())


def test_a_spacy_whose_message_differs_writes_its_own_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spacy_docbin, "payload", lambda bin_: b"\xc0")
    docs = _documents()
    spacy_docbin._payload_as_spacys.cache_clear()
    try:
        spacy_fmt.write_docbin(docs, tmp_path / "ours.spacy", "id")
    finally:
        spacy_docbin._payload_as_spacys.cache_clear()
    _reference(docs, tmp_path / "theirs.spacy")
    _same_documents(tmp_path / "ours.spacy", tmp_path / "theirs.spacy")


def _as_rows(doc: Document) -> TextRow:
    """``doc`` as the store streams it for a DocBin: text, span triples, and counts of
    what the DocBin cannot carry."""
    held = {
        "events": len(doc.events),
        "relations": len(doc.relations),
        "entity links": sum(s.entity is not None for s in doc.spans),
        "notes": len(doc.notes),
    }
    uncarried = tuple((what, n) for what, n in held.items() if n)
    return TextRow(doc.text, doc.external_id, triples(doc), uncarried)


def test_a_docbin_written_from_rows_holds_the_bytes_written_from_documents(
    tmp_path: Path,
) -> None:
    docs = [*_documents(), *random_documents(300)]
    assert docs[0].events and not docs[1].events  # both kinds of rows
    from_docs = spacy_fmt.write_docbin(docs, tmp_path / "docs.spacy", "id")
    rows = [_as_rows(doc) for doc in docs]
    from_rows = spacy_docbin.write_docbin_rows(rows, tmp_path / "rows.spacy", "id")
    assert (tmp_path / "rows.spacy").read_bytes() == (tmp_path / "docs.spacy").read_bytes()
    assert from_rows == from_docs
    assert from_rows.dropped[spacy_fmt.UNALIGNED] > 0 and from_rows.dropped["events"] > 0
