"""The spaCy writer's cheap tokenizer and run memory give spaCy's own answers."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from annotator.core.formats import spacy_fmt
from annotator.core.formats.base import WriteContext, WriteReport
from annotator.core.formats.spacy_runs import LazyTokenizer, RunBounds, tokenizer_for
from annotator.core.model import Document, Span
from tests.conftest import shared_path
from tests.core.formats.spacy_reference import spacy_aligned

spacy = pytest.importorskip("spacy")


def _tokens(nlp: object, text: str) -> list[tuple[int, str]]:
    return [(t.idx, t.text) for t in nlp.make_doc(text)]  # type: ignore[attr-defined]


def test_lazy_tokenizer_splits_every_indonesian_exception_as_the_blank_pipeline() -> None:
    """Each special case, in a context that tempts the affix rules, and next to another."""
    from spacy.util import get_lang_class

    rng = random.Random(4)
    keys = sorted(get_lang_class("id").Defaults.tokenizer_exceptions)
    contexts = ["{k}", "({k}),", "x{k}.", '"{k}"-an', "{k}{k}", "Dr. {k}\n  {k}\t"]
    lazy, full = LazyTokenizer("id"), spacy.blank("id")
    for key in keys:
        text = rng.choice(contexts).format(k=key) + " " + rng.choice(keys) + rng.choice(".)-")
        assert _tokens(lazy, text) == _tokens(full, text), text


def test_every_key_a_run_holds_is_found_in_it() -> None:
    """Each special case without white space, inside runs around it, is among the keys
    the tokenizer looks for before it tokenises the run (none is skipped as absent)."""
    from spacy.util import get_lang_class

    keys = [k for k in get_lang_class("id").Defaults.tokenizer_exceptions if not k.isalnum()]
    lazy = LazyTokenizer("id")
    for key in keys:
        if not any(char.isspace() for char in key):
            for run in (key, f"x{key}9", f"({key}.", f"{key}{key}"):
                assert key in set(lazy._keys_in(run)), (key, run)


def test_runs_tokenised_before_a_case_was_added_tokenise_as_the_blank_pipeline_after() -> None:
    """The cache of tokenised runs outlives special cases added later (two passes over texts
    that bring new cases, each run also inside other runs and beside punctuation)."""
    from spacy.util import get_lang_class

    rng = random.Random(6)
    keys = rng.sample(sorted(get_lang_class("id").Defaults.tokenizer_exceptions), 400)
    texts = [f"{k} ({k}), x{k}. {k}{rng.choice(keys)} Dr. med {k}-an" for k in keys]
    lazy, full = LazyTokenizer("id"), spacy.blank("id")
    for text in [*texts, *texts[::-1]]:
        assert _tokens(lazy, text) == _tokens(full, text), text


def test_real_news_tokenises_as_the_blank_pipeline_twice_over() -> None:
    """Detik articles full of reduplications (special cases) and new words: the same
    tokens, norms and spaces as spaCy's own, on a first pass and from the cache after."""
    import csv
    import itertools

    path = shared_path("corpora", "detik-summarization-1k", "data_berita.csv")
    csv.field_size_limit(1 << 24)
    with path.open(encoding="utf-8", newline="") as fh:
        texts = [row["isi_berita"] for row in itertools.islice(csv.DictReader(fh), 150)]
    lazy, full = LazyTokenizer("id"), spacy.blank("id")
    expected = [_full_tokens(full, text) for text in texts]
    for _ in range(2):
        assert [_full_tokens(lazy, text) for text in texts] == expected


def _full_tokens(nlp: object, text: str) -> list[tuple[int, str, str, str]]:
    doc = nlp.make_doc(text)  # type: ignore[attr-defined]
    return [(t.idx, t.text, t.norm_, t.whitespace_) for t in doc]


def test_languages_with_their_own_tokenizer_get_the_blank_pipeline() -> None:
    assert isinstance(tokenizer_for("id"), LazyTokenizer)
    assert not isinstance(tokenizer_for("zh"), LazyTokenizer)


def test_run_bounds_are_the_runs_own_tokens_wherever_they_stand() -> None:
    nlp = spacy.blank("id")
    runs = RunBounds(LazyTokenizer("id"))
    words = ["Kaltara.", "(KPU)", "S.I.K,", "abu-abu", "Kaltara.", "👮🏽\u200d♂️!", "e-KTP;"]
    for word, (starts, ends) in zip(words, runs.of(words), strict=True):
        tokens = nlp.make_doc(word)
        assert list(starts) == [t.idx for t in tokens], word
        assert list(ends) == [t.idx + len(t) for t in tokens], word


def test_jsonl_writer_over_many_documents_agrees_with_char_span(tmp_path: Path) -> None:
    """One export remembers runs across documents; each still matches spaCy's char_span."""
    rng = random.Random(8)
    words = "Polda Kaltara. Kaltara, (KPU) S.I.K abu-abu e-KTP; dll. Rabu\n 5/1 “Kapolda”".split(
        " "
    )
    docs = []
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        spans = set()
        for _ in range(rng.randint(0, 5)):
            start = rng.randrange(len(text))
            spans.add((start, min(len(text), start + rng.randint(1, 15))))
        spans_ = tuple(Span(s, e, "X") for s, e in sorted(spans, key=lambda p: (p[0], -p[1])))
        docs.append(Document(text=text, spans=spans_))
    target = tmp_path / "out.jsonl"
    spacy_fmt.WRITER.write(docs, target, WriteContext(language="id"))
    nlp = spacy.blank("id")
    lines = target.read_text(encoding="utf-8").splitlines()
    for doc, line in zip(docs, lines, strict=True):
        _, aligned, ents = spacy_aligned(nlp, doc, WriteReport())
        record = json.loads(line)
        assert record["spans"] == [[s.start_char, s.end_char, s.label_] for s in aligned]
        assert record["entities"] == [[s.start_char, s.end_char, s.label_] for s in ents]
