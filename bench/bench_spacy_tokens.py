"""spaCy tokens of real Indonesian news: the exports' tokenizer against spaCy's own.

Reads the 1,000 articles of ../shared/corpora/detik-summarization-1k (skipped
when absent) and prints the CPU seconds of ``make_doc`` over all of them,
twice in a row (a first pass meets every word new; the second finds them in
the tokenizer's cache, as the bulk of a large export does), for
``spacy.blank("id")`` and for the exports' ``LazyTokenizer``, then the
seconds to write the articles as one DocBin file both ways
(``DocBin.add``/``to_bytes`` against ``write_docbin``).
Run: .venv/bin/python bench/bench_spacy_tokens.py
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotator.core.formats.spacy_docbin import write_docbin
from annotator.core.formats.spacy_runs import LazyTokenizer
from annotator.core.model import Document

CORPUS = Path(__file__).resolve().parents[2] / "shared/corpora/detik-summarization-1k"


def cpu(func: Callable[[], Any]) -> tuple[float, Any]:
    """CPU seconds of ``func()`` and its result."""
    start = time.process_time()
    result = func()
    return time.process_time() - start, result


def texts() -> list[str]:
    """The articles' bodies."""
    csv.field_size_limit(1 << 24)
    with (CORPUS / "data_berita.csv").open(encoding="utf-8", newline="") as fh:
        return [row["isi_berita"] for row in csv.DictReader(fh)]


def passes(name: str, make: Callable[[], Any], bodies: list[str]) -> None:
    """Print the set-up and two passes of ``make()``'s ``make_doc`` over ``bodies``."""
    took, nlp = cpu(make)
    first, _ = cpu(lambda: [nlp.make_doc(text) for text in bodies])
    second, _ = cpu(lambda: [nlp.make_doc(text) for text in bodies])
    print(
        f"{name:<22} set-up {took:5.2f} s   first pass {first:5.2f} s"
        f"   second pass {second:5.2f} s   ({second / len(bodies) * 1e6:,.0f} µs an article)"
    )


def docbins(bodies: list[str]) -> None:
    """Print the seconds of one DocBin file of ``bodies``, spaCy's way and the export's."""
    import spacy
    from spacy.tokens import DocBin

    docs = [Document(text=text, external_id=str(n)) for n, text in enumerate(bodies)]
    with tempfile.TemporaryDirectory() as tmp:
        nlp = spacy.blank("id")
        took, _ = cpu(lambda: DocBin(docs=map(nlp.make_doc, bodies)).to_disk(f"{tmp}/a.spacy"))
        print(f"DocBin, spacy.blank + DocBin.to_disk: {took:5.2f} s (pipeline already loaded)")
        took, _ = cpu(lambda: write_docbin(docs, Path(tmp, "b.spacy")))
        print(f"DocBin, write_docbin (the export):   {took:5.2f} s (tokenizer set-up included)")


def main() -> None:
    if not CORPUS.exists():
        print(f"{CORPUS} is not on this machine: nothing to measure")
        sys.exit(0)
    import spacy

    bodies = texts()
    size = sum(map(len, bodies)) / len(bodies)
    print(f"{len(bodies)} Detik articles, {size:,.0f} characters each")
    passes("spacy.blank('id')", lambda: spacy.blank("id"), bodies)
    passes("LazyTokenizer('id')", lambda: LazyTokenizer("id"), bodies)
    docbins(bodies)


if __name__ == "__main__":
    main()
