"""Every shared corpus our formats cover imports with the counts its SOURCE.md gives."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from annotator.core.formats import brat, conll, conll_writer, csvfile, inline, jsonarray, reader_for
from annotator.core.formats.base import Reader, WriteContext
from tests.conftest import shared_path
from tests.core.formats.annotated_sample import read_all


def _labels(reader: Reader, path: Path) -> tuple[int, Counter[str]]:
    records, problems = read_all(reader, path)
    assert not [p for p in problems if p.severity == "error"]
    return len(records), Counter(s.label for r in records for s in r.document.spans)


@pytest.mark.parametrize(
    ("name", "docs", "per", "org", "loc"),
    [
        ("train.txt", 1464, 896, 721, 579),
        ("dev.txt", 367, 221, 189, 152),
        ("test.txt", 509, 515, 401, 103),
    ],
)
def test_idner_news_2k_crlf_three_columns(
    name: str, docs: int, per: int, org: int, loc: int
) -> None:
    path = shared_path("corpora", "idner-news-2k", name)
    assert reader_for(path) is conll.READER
    count, labels = _labels(conll.READER, path)
    assert (count, labels) == (docs, Counter(PER=per, ORG=org, LOC=loc))


@pytest.mark.parametrize(
    ("name", "docs", "tokens", "person", "place", "org"),
    [
        ("train_preprocess.txt", 1672, 56210, 1618, 2688, 1015),
        ("valid_preprocess.txt", 209, 6983, 213, 328, 121),
        ("test_preprocess.txt", 209, 6854, 207, 357, 124),
    ],
)
def test_nergrit_tab_two_columns(
    name: str, docs: int, tokens: int, person: int, place: int, org: int
) -> None:
    path = shared_path("corpora", "nergrit", name)
    assert reader_for(path) is conll.READER
    records, _ = read_all(conll.READER, path)
    labels = Counter(s.label for r in records for s in r.document.spans)
    assert len(records) == docs
    assert sum(len(r.document.meta["tokens"]) for r in records) == tokens
    assert labels == Counter(PERSON=person, PLACE=place, ORGANISATION=org)


def test_idner_conll_round_trip_gives_back_tokens_pos_and_tags(tmp_path: Path) -> None:
    path = shared_path("corpora", "idner-news-2k", "dev.txt")
    records, _ = read_all(conll.READER, path)
    out = tmp_path / "dev.conll"
    report = conll_writer.WRITER.write([r.document for r in records], out, WriteContext())
    assert report.documents == 367
    assert report.dropped == {}

    def rows(text: str) -> list[list[str]]:
        lines = (ln.rstrip("\r") for ln in text.split("\n"))
        return [ln.split() for ln in lines if ln.strip() and not ln.startswith("-DOCSTART-")]

    original = path.read_text(encoding="utf-8")
    assert rows(out.read_text(encoding="utf-8")) == rows(original)
    again, problems = read_all(conll.READER, out)
    assert problems == []
    assert [r.document.text for r in again] == [r.document.text for r in records]


@pytest.mark.parametrize(
    ("name", "lines", "counts"),
    [
        ("data_train.txt", 1835, (1054, 955, 677, 466, 359)),
        ("data_test.txt", 512, (442, 65, 146, 15, 75)),
    ],
)
def test_indonesia_ner_inline(name: str, lines: int, counts: tuple[int, ...]) -> None:
    path = shared_path("corpora", "indonesia-ner-inline", name)
    assert reader_for(path) is inline.READER
    records, problems = read_all(inline.READER, path)
    labels = Counter(s.label for r in records for s in r.document.spans)
    types = ("PERSON", "LOCATION", "ORGANIZATION", "QUANTITY", "TIME")
    assert tuple(labels[t] for t in types) == counts
    # Every line is a sentence; the 4 entities cut by a line break keep their
    # lines together in one document, with a warning naming the line.
    assert sum(r.document.text.count("\n") + 1 for r in records) == lines
    joined = sum(r.document.text.count("\n") for r in records)
    assert len(records) == lines - joined
    assert all(p.severity == "warning" and p.line for p in problems)
    assert len(problems) == joined


def test_indonesia_ner_inline_entity_across_a_line_break() -> None:
    path = shared_path("corpora", "indonesia-ner-inline", "data_train.txt")
    records, _ = read_all(inline.READER, path)
    doc = next(r.document for r in records if r.line == 65)
    names = [doc.text[s.start : s.end] for s in doc.spans if s.label == "PERSON"]
    assert "H. M.\nPrasetyo" in names


def test_commodity_news_brat() -> None:
    folder = shared_path("corpora", "commodity-news-brat")
    assert reader_for(folder / "embargo.ann") is brat.READER
    assert reader_for(folder / "embargo.txt") is brat.READER
    records, problems = read_all(brat.READER, folder)
    assert problems == []
    docs = [r.document for r in records]
    assert len(docs) == 13
    assert sum(len(d.text) for d in docs) == 31369
    assert sum(len(d.spans) for d in docs) == 1403
    assert sum(len(d.events) for d in docs) == 408
    assert sum(len(d.meta.get("brat_attributes", [])) for d in docs) == 116
    assert sum(len(d.relations) for d in docs) == 103
    events = Counter(e.type for d in docs for e in d.events)
    assert events.most_common(3) == [
        ("Movement-down-loss", 107),
        ("Movement-up-gain", 45),
        ("Cause-movement-down-loss", 40),
    ]
    spans = Counter(s.label for d in docs for s in d.spans)
    assert len(spans) == 41
    assert (spans["Commodity"], spans["Financial_attribute"], spans["DATE"]) == (195, 186, 122)
    roles = Counter(a.role for d in docs for e in d.events for a in e.arguments)
    # SOURCE.md counts raw roles; Difference2 (5x) folds into Difference here.
    assert (roles["Item"], roles["Attribute"], roles["Difference"]) == (180, 164, 60 + 5)


def test_detik_summarization_csv() -> None:
    path = shared_path("corpora", "detik-summarization-1k", "data_berita.csv")
    assert reader_for(path) is csvfile.READER
    records, problems = read_all(csvfile.READER, path)
    assert problems == []
    assert len(records) == 1000
    assert all(not r.pre_annotated for r in records)
    docs = [r.document for r in records]
    assert all(d.published_at and "2025-04-23" <= d.published_at < "2025-12-10" for d in docs)
    assert Counter(d.meta["aspek_target"] for d in docs)["Ekonomi & Keuangan"] == 200
    assert all(d.title and d.url and d.url.startswith("https://") for d in docs)
    assert all("\r" not in d.text for d in docs)


def test_antara_en_scrape_json_array() -> None:
    path = shared_path("corpora", "antara-en-scrape", "scrapeResult.json")
    assert reader_for(path) is jsonarray.READER
    records, problems = read_all(jsonarray.READER, path)
    assert problems == []
    assert len(records) == 15
    docs = [r.document for r in records]
    assert all(d.text.startswith("Jakarta (ANTARA) - ") for d in docs)
    assert all(d.url and "antaranews.com" in d.url for d in docs)
    assert sum(len(d.text.split()) for d in docs) == 5615
