"""brat standoff: reading pairs, writing a folder back, and bad lines."""

from __future__ import annotations

from pathlib import Path

from annotator.core.formats import brat, reader_for
from annotator.core.formats.base import Severity, WriteContext
from annotator.core.model import Document, EntityRef, Label, LabelKind, Role, Schema, Span
from tests.core.formats.annotated_sample import (
    assert_same_spans,
    document,
    named_relations,
    read_all,
)

SCHEMA = Schema(
    (
        Label("PER"),
        Label("STATEMENT", LabelKind.EVENT, roles=(Role("Agent", required=True, max_count=1),)),
        Label("member_of", LabelKind.RELATION),
    )
)


def test_write_then_read_keeps_text_spans_events_relations(tmp_path: Path) -> None:
    original = document()
    report = brat.WRITER.write([original], tmp_path, WriteContext(schema=SCHEMA))
    assert report.documents == 1
    assert report.dropped == {"note without a span or event": 1}
    assert (tmp_path / "rilis-001.txt").read_bytes() == original.text.encode()
    records, problems = read_all(brat.READER, tmp_path / "rilis-001.ann")
    assert problems == []
    doc = records[0].document
    assert_same_spans(original, doc)
    assert named_relations(doc) == named_relations(original)
    event = doc.events[0]
    by_key = {s.key: doc.text[s.start : s.end] for s in doc.spans}
    assert (event.type, by_key[event.trigger]) == ("STATEMENT", "menyatakan")
    assert [(a.role, by_key[a.span]) for a in event.arguments] == [
        ("Agent", "Irjen Pol. Budi Santoso"),
        ("Theme", "Komisi Pemilihan Umum"),
    ]
    kpu = next(s for s in doc.spans if doc.text[s.start : s.end] == "KPU")
    assert kpu.entity is not None
    assert kpu.entity.name == "Komisi Pemilihan Umum"
    assert [(n.text, by_key[n.span]) for n in doc.notes] == [
        ("gelar lengkap?", "Kombes Pol. Budi Rachmat, S.I.K, M.Si")
    ]


def test_a_linked_span_across_a_line_break_reads_back_without_problems(tmp_path: Path) -> None:
    """Its T line is cut into fragments at the break; its N line keeps the name on one line,
    even a name stored with the break in it."""
    text = "Menurut E.\nMangindaan, apel digelar di Tarakan."
    start = text.index("E.")
    name = EntityRef(7, "E.\nMangindaan", "PER")
    span = Span(start, start + len("E.\nMangindaan"), "PER", "T1", entity=name)
    original = Document(text=text, title="rilis", spans=(span,))
    brat.WRITER.write([original], tmp_path, WriteContext(schema=SCHEMA))
    ann = next(tmp_path.glob("*.ann"))
    assert ann.read_text(encoding="utf-8").splitlines()[1:] == [
        "N1\tReference T1 KB:7\tE. Mangindaan"
    ]
    records, problems = read_all(brat.READER, ann)
    assert problems == []
    [back] = records[0].document.spans
    assert (back.start, back.end, back.label) == (span.start, span.end, "PER")


def test_annotation_conf_declares_the_schema(tmp_path: Path) -> None:
    brat.WRITER.write([document()], tmp_path, WriteContext(schema=SCHEMA))
    conf = (tmp_path / "annotation.conf").read_text(encoding="utf-8")
    sections = conf.split("\n\n")
    assert sections[0].split("\n")[:2] == ["[entities]", "PER"]
    assert "ORG" in sections[0].split("\n")
    assert "STATEMENT\tAgent:<ENTITY>" in conf
    assert "member_of\tArg1:<ANY>, Arg2:<ANY>" in conf


def test_either_file_of_a_pair_reads_and_sniffs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Polda Kaltara siaga.", encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tORG 0 13\tPolda Kaltara\n", encoding="utf-8")
    for name in ("a.txt", "a.ann"):
        assert reader_for(tmp_path / name) is brat.READER
        records, _ = read_all(brat.READER, tmp_path / name)
        assert [(s.start, s.end, s.label, s.key) for s in records[0].document.spans] == [
            (0, 13, "ORG", "T1")
        ]


def test_bad_lines_are_named_and_the_rest_imports(tmp_path: Path) -> None:
    text = "Gubernur 🎉 Zainal hadir di Tarakan\r\nbersama Andre\u0301."
    (tmp_path / "b.txt").write_bytes(text.encode())
    ann = (
        "T1\tPER 11 17\tZainal\n"
        "T2\tLOC 27 999\tTarakan\n"
        "T3\tPER 44 49\tAndre\n"
        "X1\tnonsense\n"
        "T4\tLOC 27 30;31 34\tTar kan\n"
        "E1\tVISIT:T1 Participant2:T1 Place:T9\n"
        "R1\tnear Arg1:T1 Arg2:T4\n"
    )
    (tmp_path / "b.ann").write_text(ann, encoding="utf-8")
    records, problems = read_all(brat.READER, tmp_path / "b.ann")
    where = str(tmp_path / "b.ann")
    found = {(p.path, p.line, p.severity) for p in problems}
    assert (where, 2, Severity.ERROR) in found  # outside the text
    assert (where, 3, Severity.ERROR) in found  # splits Andre + combining accent
    assert (where, 4, Severity.ERROR) in found  # not a brat line
    assert (where, 5, Severity.WARNING) in found  # discontinuous
    assert (where, 6, Severity.WARNING) in found  # argument T9 missing
    assert "covering range [27, 34)" in next(p.message for p in problems if p.line == 5)
    doc = records[0].document
    assert doc.text == text
    assert [doc.text[s.start : s.end] for s in doc.spans] == ["Zainal", "Tarakan"]
    assert [(a.role, a.span) for a in doc.events[0].arguments] == [("Participant", "T1")]
    assert len(doc.relations) == 1


def test_an_ann_without_its_txt_is_named(tmp_path: Path) -> None:
    (tmp_path / "c.ann").write_text("", encoding="utf-8")
    records, problems = read_all(brat.READER, tmp_path / "c.ann")
    assert records == []
    assert "c.txt" in problems[0].message
