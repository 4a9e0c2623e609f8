"""CoNLL / BIO: reading, writing back, and bad lines."""

from __future__ import annotations

from pathlib import Path

from annotator.core.formats import conll, conll_writer, reader_for
from annotator.core.formats.base import Severity, WriteContext
from annotator.core.model import Document, Span
from tests.core.formats.annotated_sample import read_all

TEXT = (
    "Bupati Andre\u0301 Syarwani 🎉 hadir di Tanjung Selor .\r\n"
    "Kapolda Kaltara meresmikan Pos 👍🏽 Pantau Sekatak ."
)
NAMES = [
    ("Andre\u0301 Syarwani", "PER"),
    ("🎉", "SYM"),
    ("Tanjung Selor", "LOC"),
    ("Kaltara", "ORG"),
    ("Pos 👍🏽 Pantau Sekatak", "FAC"),
]


def _doc() -> Document:
    spans = []
    for needle, label in NAMES:
        start = TEXT.index(needle)
        spans.append(Span(start, start + len(needle), label))
    return Document(text=TEXT, spans=tuple(spans))


def test_write_then_read_keeps_span_texts_and_labels(tmp_path: Path) -> None:
    out = tmp_path / "out.conll"
    report = conll_writer.WRITER.write([_doc(), _doc()], out, WriteContext())
    assert (report.documents, report.spans, report.dropped) == (2, 10, {})
    records, problems = read_all(conll.READER, out)
    assert problems == []
    assert len(records) == 2
    doc = records[0].document
    assert [(doc.text[s.start : s.end], s.label) for s in doc.spans] == NAMES
    assert doc.text.split("\n")[1].startswith("Kapolda")  # one sentence a line
    assert records[0].pre_annotated


def test_writer_keeps_the_outermost_of_overlapping_spans(tmp_path: Path) -> None:
    start = TEXT.index("Tanjung Selor")
    inner = Span(start, start + len("Tanjung"), "LOC")
    outer = Span(start, start + len("Tanjung Selor"), "LOC")
    doc = Document(text=TEXT, spans=(inner, outer))
    report = conll_writer.WRITER.write([doc], tmp_path / "o.conll", WriteContext())
    assert report.dropped == {"overlapping span": 1}
    rows = (tmp_path / "o.conll").read_text(encoding="utf-8").split("\n")
    assert "Tanjung B-LOC" in rows
    assert "Selor I-LOC" in rows


def test_label_priority_decides_overlaps(tmp_path: Path) -> None:
    start = TEXT.index("Tanjung Selor")
    doc = Document(
        text=TEXT,
        spans=(Span(start, start + 13, "LOC"), Span(start, start + 7, "PER")),
    )
    context = WriteContext(label_priority=("PER",))
    conll_writer.WRITER.write([doc], tmp_path / "o.conll", context)
    rows = (tmp_path / "o.conll").read_text(encoding="utf-8").split("\n")
    assert "Tanjung B-PER" in rows
    assert "Selor O" in rows


def test_writer_cuts_a_word_where_a_span_starts_or_ends_in_it_and_says_so(
    tmp_path: Path,
) -> None:
    """The span keeps its exact text ("[Venezuela]’s", "[un]likely"); tokens kept from a
    CoNLL import are never cut (see the idner round trip)."""
    start = TEXT.index("Kaltara")
    doc = Document(text=TEXT, spans=(Span(start, start + 4, "ORG"),))
    report = conll_writer.WRITER.write([doc], tmp_path / "o.conll", WriteContext())
    assert report.dropped == {"token cut where a span starts or ends inside it (kept)": 1}
    lines = (tmp_path / "o.conll").read_text(encoding="utf-8").split("\n")
    assert lines[lines.index("Kalt B-ORG") + 1] == "ara O"


def test_writer_trims_white_space_at_span_edges_and_says_so(tmp_path: Path) -> None:
    start = TEXT.index("Kaltara")
    doc = Document(text=TEXT, spans=(Span(start - 1, start + 7, "ORG"),))
    report = conll_writer.WRITER.write([doc], tmp_path / "o.conll", WriteContext())
    assert report.dropped == {"span trimmed of white space at its edges (kept)": 1}
    assert "Kaltara B-ORG" in (tmp_path / "o.conll").read_text(encoding="utf-8").split("\n")


def test_reads_iob1_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "iob1.txt"
    lines = ["Gubernur O", "Zainal I-PER", "Paliwang I-PER", "Arifin B-PER", "tiba O", ""]
    path.write_bytes("\r\n".join(lines).encode())
    records, problems = read_all(conll.READER, path)
    assert problems == []
    doc = records[0].document
    assert doc.text == "Gubernur Zainal Paliwang Arifin tiba"
    assert [doc.text[s.start : s.end] for s in doc.spans] == ["Zainal Paliwang", "Arifin"]


def test_docstart_sections_are_documents(tmp_path: Path) -> None:
    path = tmp_path / "d.conll"
    text = "-DOCSTART- -X- -X- O\n\nA B-ORG\n\nB O\n\n-DOCSTART- -X- -X- O\n\nC O\n"
    path.write_text(text, encoding="utf-8")
    records, _ = read_all(conll.READER, path)
    assert [r.document.text for r in records] == ["A\nB", "C"]
    assert reader_for(path) is conll.READER


def test_a_bad_line_is_named_and_other_sentences_still_read(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(
        "Polda NOUN B-ORG\nKaltara PROPN I-ORG\n\nsiaga\n\nTarakan PROPN B-LOC\n",
        encoding="utf-8",
    )
    records, problems = read_all(conll.READER, path)
    assert [r.document.text for r in records] == ["Polda Kaltara", "Tarakan"]
    assert records[0].document.meta["conll_columns"] == [["NOUN"], ["PROPN"]]
    assert [(p.path, p.line, p.severity) for p in problems] == [(str(path), 4, Severity.ERROR)]
    assert "1 columns" in problems[0].message


def test_an_i_tag_after_o_is_a_warning_in_iob2(tmp_path: Path) -> None:
    path = tmp_path / "i.txt"
    path.write_text("Kapolda B-PER\nDaniel I-PER\ndi O\nTarakan I-LOC\n", encoding="utf-8")
    records, problems = read_all(conll.READER, path)
    assert [(p.line, p.severity) for p in problems] == [(4, Severity.WARNING)]
    doc = records[0].document
    assert [doc.text[s.start : s.end] for s in doc.spans] == ["Kapolda Daniel", "Tarakan"]
