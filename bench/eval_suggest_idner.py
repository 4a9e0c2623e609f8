"""Pre-annotation quality on idner-news-2k: learn from train, pre-annotate test as plain text.

Run: ``.venv/bin/python bench/eval_suggest_idner.py``. Imports train.txt with
the CoNLL reader (the KB learns every labelled span), reads test.txt's gold
spans, and prints precision and recall of exact-only and exact+fuzzy mentions
(a hit is the same start, end and type). Skips when ../shared is absent.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from annotator.core.formats import ReadOptions, reader_for
from annotator.core.formats.base import Record
from annotator.core.suggest import find_mentions
from annotator.services.knowledge import KnowledgeBase
from annotator.services.workspace import Workspace

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "idner-news-2k"


def _gold(path: Path) -> list[tuple[str, set[tuple[int, int, str]]]]:
    reader = reader_for(path, "conll")
    return [
        (r.document.text, {(s.start, s.end, s.label) for s in r.document.spans})
        for r in reader.read(path, ReadOptions())
        if isinstance(r, Record)
    ]


def _score(found: int, right: int, gold: int) -> str:
    p = right / found if found else 0.0
    r = right / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    counts = f"({right} right of {found} found, {gold} gold)"
    return f"precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  {counts}"


def main() -> int:
    """Learn, pre-annotate, print the figures."""
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is not on this machine")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(f"sqlite:///{tmp}/eval.db", "idner")
        ws.import_paths([CORPUS / "train.txt"], "conll")
        matcher = KnowledgeBase(ws).matcher()
        print(f"KB learnt from train: {len(matcher)} distinct aliases")
        test = _gold(CORPUS / "test.txt")
        gold = sum(len(g) for _, g in test)
        for name, fuzzy in (("exact", False), ("exact+fuzzy", True)):
            found = right = 0
            for text, spans in test:
                got = {(s.start, s.end, s.label) for s in find_mentions(text, matcher, fuzzy=fuzzy)}
                found += len(got)
                right += len(got & spans)
            print(f"{name:>12}: {_score(found, right, gold)}")
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
