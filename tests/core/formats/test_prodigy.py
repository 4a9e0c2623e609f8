"""Prodigy JSONL: tokens, spans with inclusive token_end, relations."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.formats import prodigy
from annotator.core.formats.base import WriteContext
from annotator.core.model import Document, Span
from annotator.core.tokens import tokenize_words
from tests.core.formats.annotated_sample import (
    TEXT,
    assert_same_spans,
    document,
    named_relations,
    read_all,
)


def _export(tmp_path: Path, docs: list[Document]) -> Path:
    target = tmp_path / "prodigy.jsonl"
    prodigy.WRITER.write(docs, target, WriteContext())
    return target


def test_token_end_is_inclusive_and_offsets_match_tokens(tmp_path: Path) -> None:
    task = json.loads(_export(tmp_path, [document()]).read_text(encoding="utf-8"))
    tokens = task["tokens"]
    for span in task["spans"]:
        first, last = tokens[span["token_start"]], tokens[span["token_end"]]
        assert (first["start"], last["end"]) == (span["start"], span["end"])
    kpu = next(s for s in task["spans"] if TEXT[s["start"] : s["end"]] == "KPU")
    assert kpu["token_start"] == kpu["token_end"]  # one token: end index included
    assert all(t["text"] == TEXT[t["start"] : t["end"]] for t in tokens)


def test_round_trip_keeps_spans_relations_and_tokens(tmp_path: Path) -> None:
    report = prodigy.WRITER.write([document()], tmp_path / "a.jsonl", WriteContext())
    assert report.dropped == {"events": 1, "entity links": 1, "notes": 2}
    records, problems = read_all(prodigy.READER, tmp_path / "a.jsonl")
    assert problems == []
    doc = records[0].document
    assert_same_spans(document(), doc)
    assert named_relations(doc) == named_relations(document())
    assert doc.external_id == "rilis-001" and doc.title == document().title
    again = json.loads(_export(tmp_path, [doc]).read_text(encoding="utf-8"))
    assert again["tokens"] == doc.meta["tokens"]  # stored tokens are reused


def test_a_span_inside_a_word_cuts_the_word_into_tokens(tmp_path: Path) -> None:
    """Prodigy takes the tokens it is given: "Venezuela’s" becomes "Venezuela" and "’s"."""
    text = "Ekspor Venezuela’s turun, unlikely naik."
    spans = (Span(7, 16, "COUNTRY"), Span(26, 28, "CUE"), Span(28, 34, "CUE"))
    target = tmp_path / "p.jsonl"
    report = prodigy.WRITER.write([Document(text=text, spans=spans)], target, WriteContext())
    assert report.dropped == {"token cut where a span starts or ends inside it (kept)": 2}
    task = json.loads(target.read_text(encoding="utf-8"))
    words = [(t["text"], t["ws"]) for t in task["tokens"]]
    assert words[1:3] == [("Venezuela", False), ("’s", True)]
    assert words[5:7] == [("un", False), ("likely", True)]
    tokens = task["tokens"]
    for span in task["spans"]:
        first, last = tokens[span["token_start"]], tokens[span["token_end"]]
        assert (first["start"], last["end"]) == (span["start"], span["end"])
    assert [text[s["start"] : s["end"]] for s in task["spans"]] == ["Venezuela", "un", "likely"]


def test_a_span_off_stored_tokens_is_reported_dropped(tmp_path: Path) -> None:
    """Tokens kept from an import are written as they came, never cut."""
    text = "Polda Kaltara siaga."
    bounds = [(0, 5), (6, 13), (14, 19), (19, 20)]
    meta = {"tokens": [{"start": a, "end": b} for a, b in bounds]}
    doc = Document(text=text, spans=(Span(0, 3, "ORG"), Span(0, 13, "ORG")), meta=meta)
    target = tmp_path / "p.jsonl"
    report = prodigy.WRITER.write([doc], target, WriteContext())
    assert report.dropped == {"spans not aligned to tokens": 1}
    assert [s["end"] for s in json.loads(target.read_text(encoding="utf-8"))["spans"]] == [13]


def test_reads_spans_with_or_without_tokens(tmp_path: Path) -> None:
    text = "Kombes Pol. Budi Rachmat hadir."
    tokens = [
        {"text": w, "start": text.index(w), "end": text.index(w) + len(w), "id": n, "ws": True}
        for n, w in enumerate(["Kombes", "Pol", ".", "Budi", "Rachmat", "hadir", "."])
    ]
    tokens[6]["start"], tokens[6]["end"] = 29, 30
    lines = [
        {"text": text, "spans": [{"start": 12, "end": 24, "label": "PER"}]},
        {
            "text": text,
            "tokens": tokens,
            "spans": [{"token_start": 3, "token_end": 4, "label": "PER"}],
        },
        {"text": text, "tokens": tokens, "spans": [{"start": 12, "end": 99, "label": "PER"}]},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n", encoding="utf-8")
    records, problems = read_all(prodigy.READER, path)
    assert [[r.document.text[s.start : s.end] for s in r.document.spans] for r in records] == [
        ["Budi Rachmat"],
        ["Budi Rachmat"],
    ]
    assert [p.line for p in problems] == [3, 4]
    assert all(str(p).startswith(f"{path}:") for p in problems)


TRICKY = " \t\n\r\u00a0\u2028\u200d\u0301\ufe0f🙂🇮🇩.,;:!?()'’-aZ09é_"


@given(st.text(alphabet=st.sampled_from(TRICKY) | st.characters(), max_size=60))
def test_white_space_after_a_token_is_told_from_the_gaps_alone(text: str) -> None:
    starts, ends, words = tokenize_words(text)
    by_gap = prodigy._token_records(text, starts, ends, words, gaps_are_space=True)
    by_char = prodigy._token_records(text, starts, ends, words, gaps_are_space=False)
    assert by_gap == by_char


EDGES = "Politikus Partai Demokrat Ruhut menilai."
EDGED = (Span(9, 25, "ORG"), Span(26, 32, "PER"), Span(9, 10, "X"))  # " Partai Demokrat", "Ruhut "


def test_white_space_at_span_edges_is_trimmed_not_dropped(tmp_path: Path) -> None:
    """Hand-annotated corpora hold " Partai Demokrat": no token starts at the space."""
    out = tmp_path / "p.jsonl"
    report = prodigy.WRITER.write([Document(text=EDGES, spans=EDGED)], out, WriteContext())
    task = json.loads(out.read_text(encoding="utf-8"))
    assert [(EDGES[s["start"] : s["end"]], s["label"]) for s in task["spans"]] == [
        ("Partai Demokrat", "ORG"),
        ("Ruhut", "PER"),
    ]
    assert report.dropped == {
        "span trimmed of white space at its edges (kept)": 2,
        "spans not aligned to tokens": 1,  # white space alone
    }
