"""Real corpora exported in every format and imported back (skipped without ../shared).

The commodity news carry spans inside words ("[Venezuela]’s", "[un]likely") and
overlaps; the inline corpus carries names cut by a line break and spans with white
space at their edges. Each format gives back every span it can hold, with its text.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from annotator.services.export import ExportRequest, export
from annotator.services.workspace import Workspace
from annotator.store.selection import Selection
from tests.conftest import shared_path

pytest.importorskip("spacy")

SpanTexts = Counter[tuple[str, str]]
SUFFIX = {"brat": "", "labelstudio": ".json", "conll": ".conll"}


def _span_texts(ws: Workspace, squeeze: bool = False) -> SpanTexts:
    """(covered text, label) of every span of the project, without white space at its
    edges (token formats trim it); with ``squeeze``, without any, to compare with
    CoNLL, whose text is its tokens joined by spaces."""
    found: SpanTexts = Counter()
    for row in ws.list_documents():
        doc = ws.document(row.id)
        assert doc is not None
        for span in doc.spans:
            text = doc.text[span.start : span.end]
            found["".join(text.split()) if squeeze else text.strip(), span.label] += 1
    return found


def _round_trip(ws: Workspace, fmt: str, tmp_path: Path, db_url: str) -> Workspace:
    out = tmp_path / f"out-{fmt}{SUFFIX.get(fmt, '.jsonl')}"
    export(ws, ExportRequest(fmt, out, Selection(statuses=None)))
    back = Workspace.open(db_url, f"back-{fmt}")
    summary = back.import_paths([out], "native" if fmt == "jsonl" else fmt)
    assert (summary.rejected, summary.imported) == (0, ws.stats()["documents"]), summary.problems
    return back


@pytest.fixture
def commodity(sqlite_url: str) -> Workspace:
    folder = shared_path("corpora", "commodity-news-brat")
    ws = Workspace.open(sqlite_url, "commodity")
    assert ws.import_paths([folder]).rejected == 0
    return ws


@pytest.mark.parametrize("fmt", ["jsonl", "doccano", "labelstudio", "brat", "prodigy", "conll"])
def test_commodity_news_keep_every_span_and_its_text(
    commodity: Workspace, fmt: str, tmp_path: Path, sqlite_url: str
) -> None:
    back = _round_trip(commodity, fmt, tmp_path, sqlite_url)
    squeeze = fmt == "conll"
    assert _span_texts(back, squeeze) == _span_texts(commodity, squeeze)
    assert sum(_span_texts(back).values()) == 1403


def test_commodity_news_through_spacy_lose_only_what_spacys_tokens_cannot_hold(
    commodity: Workspace, tmp_path: Path, sqlite_url: str
) -> None:
    out = tmp_path / "out.jsonl"
    result = export(commodity, ExportRequest("spacy", out, Selection(statuses=None)))
    unaligned = result.outputs[out].dropped["spans not aligned to spaCy tokens"]
    back = Workspace.open(sqlite_url, "back-spacy")
    assert back.import_paths([out]).rejected == 0
    kept, original = _span_texts(back), _span_texts(commodity)
    assert not kept - original
    assert sum(kept.values()) == 1403 - unaligned and unaligned < 25


def test_inline_corpus_through_brat_reads_back_without_a_problem(
    sqlite_url: str, tmp_path: Path
) -> None:
    """Names cut by a line break ("E.\\nMangindaan") made broken .ann lines."""
    ws = Workspace.open(sqlite_url, "inline")
    path = shared_path("corpora", "indonesia-ner-inline", "data_test.txt")
    assert ws.import_paths([path]).rejected == 0
    back = _round_trip(ws, "brat", tmp_path, sqlite_url)
    assert _span_texts(back) == _span_texts(ws)
