"""A small, fictional Indonesian release with every kind of annotation.

The text mixes astral emoji ("👍🏽", "🇮🇩"), a combining accent ("e\u0301") and
a CRLF line end, so any offset-unit mistake shows.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.formats.base import Problem, Reader, ReadItem, ReadOptions, Record
from annotator.core.model import (
    Argument,
    Document,
    EntityRef,
    Event,
    Note,
    Relation,
    Span,
    Status,
    Suggestion,
)

TEXT = (
    "Kapolda Metro Jaya Irjen Pol. Budi Santoso 👍🏽 menyatakan Komisi Pemilihan Umum (KPU) "
    "siap.\r\nKombes Pol. Budi Rachmat, S.I.K, M.Si, hadir di Jakarta 🇮🇩 bersama Andre\u0301 "
    "dari Polda Kaltara."
)

SPANS = [
    ("Irjen Pol. Budi Santoso", "PER", 0),
    ("👍🏽", "SYM", 0),
    ("menyatakan", "TRIGGER", 0),
    ("Komisi Pemilihan Umum", "ORG", 0),
    ("KPU", "ORG", 0),
    ("Kombes Pol. Budi Rachmat, S.I.K, M.Si", "PER", 0),
    ("Budi Rachmat", "PER", 0),
    ("Jakarta", "LOC", 0),
    ("🇮🇩", "SYM", 0),
    ("Andre\u0301", "PER", 0),
    ("Polda Kaltara", "ORG", 0),
]


def find(text: str, needle: str) -> tuple[int, int]:
    """Offsets of the first occurrence of ``needle``."""
    start = text.index(needle)
    return start, start + len(needle)


def spans() -> tuple[Span, ...]:
    """The sample's spans, keyed T1..T11; KPU is linked to the knowledge base."""
    out = []
    for n, (needle, label, _) in enumerate(SPANS, start=1):
        start, end = find(TEXT, needle)
        entity = EntityRef(7, "Komisi Pemilihan Umum", "ORG") if needle == "KPU" else None
        out.append(Span(start, end, label, key=f"T{n}", annotator="ani", entity=entity))
    return tuple(out)


def document() -> Document:
    """The fully annotated sample document."""
    start, end = find(TEXT, "Jakarta")
    return Document(
        text=TEXT,
        title="Polda Kaltara siap amankan Pilkada",
        external_id="rilis-001",
        source="Humas Polda Kaltara",
        place="Tarakan",
        published_at="2024-11-20",
        meta={"kategori": "keamanan"},
        status=Status.DONE,
        annotator="ani",
        spans=spans(),
        events=(
            Event(
                "STATEMENT",
                trigger="T3",
                arguments=(Argument("Agent", span="T1"), Argument("Theme", span="T4")),
                key="E1",
            ),
        ),
        relations=(
            Relation("alias_of", head="T5", tail="T4"),
            Relation("member_of", head="T7", tail="T11"),
        ),
        notes=(Note("cek ulang gelar"), Note("gelar lengkap?", span="T6")),
        suggestions=(Suggestion(start, end, "LOC", 0.875),),
    )


def assert_same_spans(original: Document, read: Document) -> None:
    """Read spans cover the same text with the same labels, in order."""
    assert read.text == original.text
    assert [(read.text[s.start : s.end], s.label) for s in read.spans] == [
        (original.text[s.start : s.end], s.label) for s in original.spans
    ]
    for span in read.spans:
        assert span.key, "every imported span has a key"


def named_relations(doc: Document) -> set[tuple[str, str, str]]:
    """Relations as (head text, label, tail text)."""
    by_key = {s.key: doc.text[s.start : s.end] for s in doc.spans}
    return {(by_key[r.head], r.label, by_key[r.tail]) for r in doc.relations}


def read_all(reader: Reader, path: Path) -> tuple[list[Record], list[Problem]]:
    """Records and problems of one file."""
    items: list[ReadItem] = list(reader.read(path, ReadOptions()))
    records = [i for i in items if isinstance(i, Record)]
    problems = [i for i in items if isinstance(i, Problem)]
    return records, problems
