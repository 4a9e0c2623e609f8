"""Inline tags: ``<PERSON>Arie</PERSON>``, one document a line."""

from __future__ import annotations

from pathlib import Path

from annotator.core.formats import inline, reader_for
from annotator.core.formats.base import Severity, WriteContext
from annotator.core.model import Document, Span
from tests.core.formats.annotated_sample import read_all

TAGGED = (
    "Gubernur <PERSON>Zainal 🎉 Paliwang</PERSON> tiba di <LOCATION>Tarakan</LOCATION>.\r\n"
    "<PERSON>Andre\u0301</PERSON> dari <ORGANIZATION>Polda <LOCATION>Kaltara</LOCATION>"
    "</ORGANIZATION> 👍🏽 hadir.\r\n"
)
EXPECTED = [
    [("Zainal 🎉 Paliwang", "PERSON"), ("Tarakan", "LOCATION")],
    [("Andre\u0301", "PERSON"), ("Polda Kaltara", "ORGANIZATION"), ("Kaltara", "LOCATION")],
]


def _surfaces(doc: Document) -> list[tuple[str, str]]:
    return [(doc.text[s.start : s.end], s.label) for s in doc.spans]


def test_reads_crlf_lines_with_exact_offsets(tmp_path: Path) -> None:
    path = tmp_path / "tagged.txt"
    path.write_bytes(TAGGED.encode())
    assert reader_for(path) is inline.READER
    records, problems = read_all(inline.READER, path)
    assert problems == []
    assert [r.document.text for r in records] == [
        "Gubernur Zainal 🎉 Paliwang tiba di Tarakan.",
        "Andre\u0301 dari Polda Kaltara 👍🏽 hadir.",
    ]
    assert [_surfaces(r.document) for r in records] == EXPECTED
    assert [r.line for r in records] == [1, 2]


def test_write_then_read_gives_back_texts_and_spans(tmp_path: Path) -> None:
    path = tmp_path / "tagged.txt"
    path.write_bytes(TAGGED.encode())
    docs = [r.document for r in read_all(inline.READER, path)[0]]
    out = tmp_path / "out.txt"
    report = inline.WRITER.write(docs, out, WriteContext())
    assert (report.documents, report.spans, report.dropped) == (2, 5, {})
    again = [r.document for r in read_all(inline.READER, out)[0]]
    assert [d.text for d in again] == [d.text for d in docs]
    assert [_surfaces(d) for d in again] == EXPECTED


def test_writer_drops_crossing_spans(tmp_path: Path) -> None:
    doc = Document(text="Polda Kaltara Tarakan", spans=(Span(0, 13, "ORG"), Span(6, 21, "LOC")))
    report = inline.WRITER.write([doc], tmp_path / "o.txt", WriteContext())
    assert report.dropped == {"overlapping span": 1}
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == (
        "<ORG>Polda Kaltara</ORG> Tarakan\n"
    )


def test_a_tag_open_across_a_line_break_joins_the_lines(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_text("Jaksa <PERSON>H. M.\nPrasetyo</PERSON> hadir.\nSatu.\n", encoding="utf-8")
    records, problems = read_all(inline.READER, path)
    assert [r.document.text for r in records] == ["Jaksa H. M.\nPrasetyo hadir.", "Satu."]
    assert _surfaces(records[0].document) == [("H. M.\nPrasetyo", "PERSON")]
    assert [(p.line, p.severity) for p in problems] == [(1, Severity.WARNING)]


def test_a_mismatched_tag_is_named_and_other_lines_read(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(
        "<PERSON>Ani</PERSON> hadir.\n<PERSON>Budi</LOCATION> pergi.\n<LOCATION>Bali</LOCATION>\n",
        encoding="utf-8",
    )
    records, problems = read_all(inline.READER, path)
    assert [r.document.text for r in records] == ["Ani hadir.", "Bali"]
    assert [(p.path, p.line, p.severity) for p in problems] == [(str(path), 2, Severity.ERROR)]
    assert "</LOCATION>" in problems[0].message


def test_an_unclosed_tag_at_the_end_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "open.txt"
    path.write_text("Satu.\n<PERSON>Ani hadir.\n", encoding="utf-8")
    records, problems = read_all(inline.READER, path)
    assert [r.document.text for r in records] == ["Satu."]
    assert problems[-1].severity == Severity.ERROR
    assert problems[-1].line == 2


def test_writer_says_when_a_text_holds_what_reads_as_a_tag(tmp_path: Path) -> None:
    doc = Document(text="Format: token<TAB>label di Tarakan", spans=(Span(26, 33, "LOC"),))
    report = inline.WRITER.write([doc], tmp_path / "o.txt", WriteContext())
    assert report.notes == [
        "1 documents hold text that reads as a tag (such as <TAB>); it reads back as one"
    ]
    plain = inline.WRITER.write(
        [Document(text="Apel di Tarakan")], tmp_path / "p.txt", WriteContext()
    )
    assert plain.notes == []
