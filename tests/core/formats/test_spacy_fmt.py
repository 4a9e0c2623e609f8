"""spaCy exports: every written span is one Doc.char_span(strict) accepts."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from annotator.core.formats import spacy_fmt
from annotator.core.formats.base import WriteContext, WriteReport
from annotator.core.model import Document, Span
from tests.core.formats.annotated_sample import document
from tests.core.formats.spacy_reference import spacy_aligned

spacy = pytest.importorskip("spacy")


def test_jsonl_spans_all_align_with_the_indonesian_tokenizer(tmp_path: Path) -> None:
    original = document()
    target = tmp_path / "spacy.jsonl"
    report = spacy_fmt.WRITER.write([original], target, WriteContext(language="id"))
    assert spacy_fmt.UNALIGNED not in report.dropped
    record = json.loads(target.read_text(encoding="utf-8"))
    nlp = spacy.blank("id")
    doc = nlp.make_doc(record["text"])
    built = [
        doc.char_span(s, e, label=lab, alignment_mode="strict") for s, e, lab in record["spans"]
    ]
    assert all(span is not None for span in built)
    assert [(s.text, s.label_) for s in built] == [
        (original.text[s.start : s.end], s.label) for s in original.spans
    ]
    doc.ents = [doc.char_span(s, e, label=lab) for s, e, lab in record["entities"]]
    assert "Kombes Pol. Budi Rachmat, S.I.K, M.Si" in [e.text for e in doc.ents]
    assert report.dropped[spacy_fmt.OVERLAPPING] == 1  # "Budi Rachmat" inside the title span


def test_unaligned_spans_are_reported_not_moved(tmp_path: Path) -> None:
    doc = Document(text="Polda Kaltara siaga.", spans=(Span(0, 3, "ORG"), Span(6, 13, "LOC")))
    target = tmp_path / "spacy.jsonl"
    report = spacy_fmt.WRITER.write([doc], target, WriteContext())
    assert report.dropped == {spacy_fmt.UNALIGNED: 1}
    assert json.loads(target.read_text(encoding="utf-8"))["spans"] == [[6, 13, "LOC"]]


def test_docbin_round_trip(tmp_path: Path) -> None:
    from spacy.tokens import DocBin

    original = document()
    path = tmp_path / "train.spacy"
    report = spacy_fmt.write_docbin([original], path, "id")
    assert report.documents == 1 and report.spans == len(original.spans)
    nlp = spacy.blank("id")
    (doc,) = DocBin().from_disk(path).get_docs(nlp.vocab)
    assert doc.text == original.text
    assert [(s.text, s.label_) for s in doc.spans["sc"]] == [
        (original.text[s.start : s.end], s.label) for s in original.spans
    ]
    assert len(doc.ents) == len(original.spans) - 1
    assert doc.user_data["id"] == "rilis-001"
    from srsly import msgpack

    assert "get_all" not in vars(msgpack.msgpack_encoders)  # srsly's lookups as they were


def test_jsonl_alignment_matches_spacys_char_span_and_filter_spans() -> None:
    """The JSONL writer aligns on token offsets; it must agree with spaCy's own calls."""
    rng = random.Random(3)
    base = "Polda Kaltara , apel di Tarakan . 👮🏽\u200d♂️ S.I.K Kab-Bulungan \n  (Rabu) 5/1"
    extra = ["Polres\xa0Nunukan", "\t", "“Kapolda”,", "dll.", "U.S.A.", "50%", "e-KTP;"]
    words = [*base.split(" "), *extra]
    nlp = spacy.blank("id")
    for _ in range(600):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
        starts = [0, *(n + 1 for n, ch in enumerate(text) if ch == " ")]
        spans = []
        for _ in range(rng.randint(0, 6)):
            start = rng.choice(starts) if rng.random() < 0.7 else rng.randrange(len(text) + 1)
            end = min(len(text), start + rng.randint(1, 20))
            if start < end:
                spans.append(Span(start, end, rng.choice("ABC")))
        doc = Document(text=text, spans=tuple(sorted(spans, key=lambda s: (s.start, -s.end))))
        by_spacy, ours = WriteReport(), WriteReport()
        _, aligned, ents = spacy_aligned(nlp, doc, by_spacy)
        expected = (
            [[s.start_char, s.end_char, s.label_] for s in aligned],
            [[s.start_char, s.end_char, s.label_] for s in ents],
        )
        assert spacy_fmt.aligned_triples(nlp, doc, ours) == expected, text
        assert ours == by_spacy


def test_white_space_at_span_edges_is_trimmed_for_spacy(tmp_path: Path) -> None:
    text = "Politikus Partai Demokrat Ruhut menilai."
    spans = (Span(9, 25, "ORG"), Span(26, 32, "PER"))  # " Partai Demokrat", "Ruhut "
    target = tmp_path / "spacy.jsonl"
    report = spacy_fmt.WRITER.write([Document(text=text, spans=spans)], target, WriteContext())
    record = json.loads(target.read_text(encoding="utf-8"))
    assert [text[s:e] for s, e, _ in record["spans"]] == ["Partai Demokrat", "Ruhut"]
    assert report.dropped == {"span trimmed of white space at its edges (kept)": 2}
