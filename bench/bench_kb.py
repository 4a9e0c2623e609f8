"""Knowledge-base targets on a real store with 100,000 known aliases, each beside a floor.

Run: ``.venv/bin/python bench/bench_kb.py [--aliases 100000] [--articles 10000]``.
Builds a SQLite project in a temporary folder (a gazetteer of synthetic
Indonesian-like names imported through the service, the articles imported as
JSONL) and prints, with the floor measured in the same run:

- the alias index ready after opening the project, built and from the cache
  (floor: opening the workspace alone);
- a suggestion for a selection, median and p99 (floor: normalising the query
  and one dict lookup);
- ``annotator kb suggest --stdin`` with 2,000 queries in a real process, per query
  including start-up (floor: ``annotator --version``, per query);
- pre-annotating a 3,000-character article (floor: tokenising it and one dict
  lookup per token);
- pre-annotating every article, stored, with the CLI's progress bar (floor:
  reading every text from the store and tokenising it);
- learning names as a save in the window does (3) and as an import batch
  does (1,000, half of them known), rolled back after (floor: the same in an
  empty project).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_suggest import _queries, build_kb, make_document
from sqlalchemy import select

from annotator.cli.progress import ProgressBar
from annotator.core.model import Entity
from annotator.core.normalise import normalise
from annotator.core.suggest import find_mentions
from annotator.core.tokens import tokenize
from annotator.services.knowledge import KnowledgeBase
from annotator.services.preannotate import Review
from annotator.services.workspace import Workspace
from annotator.store import kb as store_kb
from annotator.store import tables as t


def _ms(fn: Callable[[], object], repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def _line(what: str, value: str, target: str, floor: str) -> None:
    print(f"{what:<44} {value:>12}   target {target:<9} floor {floor}")


def make_project(folder: Path, entities: list[Entity], articles: int) -> tuple[str, list[str]]:
    """A SQLite project with the gazetteer and the articles; its URL and the texts."""
    names = folder / "names.tsv"
    with names.open("w", encoding="utf-8") as out:
        for e in entities:
            for a in e.aliases:
                out.write(f"{a.text}\t{e.type}\t{e.name}\n")
    rng = random.Random(5)
    texts = [make_document(rng, entities, 3000) for _ in range(articles)]
    corpus = folder / "articles.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for n, text in enumerate(texts):
            out.write(json.dumps({"id": f"r{n}", "title": f"Rilis {n}", "text": text}) + "\n")
    url = f"sqlite:///{folder / 'kb.db'}"
    ws = Workspace.open(url, "bench", "bench")
    start = time.perf_counter()
    summary = KnowledgeBase(ws).import_gazetteer(names)
    print(f"setup: gazetteer import {time.perf_counter() - start:.1f} s, {summary.rows} rows")
    start = time.perf_counter()
    ws.import_paths([corpus])
    print(f"setup: {articles} articles imported in {time.perf_counter() - start:.1f} s")
    ws.close()
    return url, texts


def index_ready(url: str) -> None:
    """Open the project and get its alias index: built (no cache), then cached."""
    from annotator.services.knowledge import _generation

    def ready() -> None:
        _generation.clear()
        ws = Workspace.open(url, "bench", "bench")
        KnowledgeBase(ws).matcher()
        ws.close()

    def open_only() -> None:
        Workspace.open(url, "bench", "bench").close()

    cache = Path(os.environ["ANNOTATOR_DATA_DIR"]) / "kb-index"
    for f in cache.glob("*"):
        f.unlink()
    built = _ms(ready, repeat=1)
    cached = _ms(ready, repeat=5)
    floor = _ms(open_only)
    _line(
        "alias index ready, built (first open)", f"{built:.0f} ms", "< 1000 ms", f"{floor:.0f} ms"
    )
    _line("alias index ready, cached", f"{cached:.0f} ms", "< 1000 ms", f"{floor:.0f} ms (open)")


def selection(kb: KnowledgeBase, entities: list[Entity]) -> list[str]:
    """Median and p99 of a suggestion for a selected text; the queries used."""
    queries = [q for _, q, _ in _queries(random.Random(11), entities, 2000)]
    table = {normalise(a.text): 1 for e in entities for a in e.aliases}
    kb.rank(queries[0])
    times = []
    for q in queries:
        start = time.perf_counter()
        kb.rank(q)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    floor = []
    for q in queries:
        start = time.perf_counter()
        table.get(normalise(q))
        floor.append((time.perf_counter() - start) * 1000)
    p50, p99 = statistics.median(times), times[int(len(times) * 0.99)]
    fl = f"{statistics.median(floor) * 1000:.1f} µs (normalise + dict)"
    _line("suggestion for a selection, median", f"{p50:.2f} ms", "< 2 ms", fl)
    _line("suggestion for a selection, p99", f"{p99:.2f} ms", "< 10 ms", fl)
    return queries


def stdin_queries(url: str, queries: list[str]) -> None:
    """``annotator kb suggest --stdin`` with the queries in a real process."""
    base = [sys.executable, "-m", "annotator"]
    lines = "\n".join(queries[:2000]) + "\n"
    start = time.perf_counter()
    done = subprocess.run(
        [*base, "kb", "suggest", "--stdin", "--db", url, "--project", "bench"],
        input=lines,
        capture_output=True,
        text=True,
        check=True,
    )
    total = time.perf_counter() - start
    assert done.stdout.count("\n\n") >= 1
    start = time.perf_counter()
    subprocess.run([*base, "--version"], capture_output=True, check=True)
    floor = time.perf_counter() - start
    per = total * 1000 / 2000
    _line(
        "kb suggest --stdin, 2,000 queries, per query",
        f"{per:.2f} ms",
        "< 5 ms",
        f"{floor * 1000 / 2000:.2f} ms (--version start-up {floor * 1000:.0f} ms)",
    )
    print(f"{'':<44} {total:>10.2f} s   in all")


def one_article(kb: KnowledgeBase, texts: list[str], entities: list[Entity]) -> None:
    """Pre-annotating one 3,000-character article."""
    matcher = kb.matcher()
    table = {a.text.casefold() for e in entities for a in e.aliases}
    text = texts[0]

    def floor() -> None:
        for s, e in tokenize(text):
            _ = text[s:e].casefold() in table

    value = _ms(partial(find_mentions, text, matcher))
    exact = _ms(partial(find_mentions, text, matcher, fuzzy=False))
    _line(
        f"pre-annotate one {len(text)}-char article",
        f"{value:.1f} ms",
        "< 30 ms",
        f"{_ms(floor):.2f} ms (tokens + dict); exact only {exact:.1f} ms",
    )


def all_articles(url: str) -> None:
    """Pre-annotating every article of the project, stored, with a progress bar."""
    ws = Workspace.open(url, "bench", "bench")
    review = Review(ws)
    review.knowledge.matcher()
    bar = ProgressBar("preannotate")
    bar.enabled = True
    start = time.perf_counter()
    summary = review.preannotate(None, progress=bar.update)
    total = time.perf_counter() - start
    bar.close()
    start = time.perf_counter()
    with ws.store.engine.connect() as conn:
        for (text,) in conn.execute(select(t.DOCUMENTS.c.text)):
            tokenize(text)
    floor = time.perf_counter() - start
    ws.close()
    _line(
        f"pre-annotate {summary.documents} articles (stored)",
        f"{total:.1f} s",
        "< 60 s",
        f"{floor:.1f} s (read + tokenise); {summary.suggestions} suggestions",
    )


def learning(url: str, empty: str, entities: list[Entity]) -> None:
    """Learning 3 and 1,000 names in the project and in an empty one, each rolled back."""
    rng = random.Random(9)
    known = [(e.aliases[0].text, e.type) for e in rng.sample(entities, 500)]
    new = [(f"Nama Baru {n}", "PER") for n in range(500)]
    for seen, what in ((known[:2] + new[:1], "a save"), (known + new, "an import batch")):
        took = [_learned(where, seen) for where in (url, empty)]
        _line(
            f"learn {len(seen)} names ({what})",
            f"{took[0]:.1f} ms",
            "",
            f"{took[1]:.1f} ms (empty project)",
        )


def _learned(url: str, seen: list[tuple[str, str]]) -> float:
    """Median milliseconds of learning ``seen`` in the project at ``url``, rolled back."""
    ws = Workspace.open(url, "bench", "bench")
    with ws.store.engine.connect() as conn:

        def once() -> None:
            with conn.begin() as trans:
                store_kb.learn_seen(conn, ws.project.id, seen)
                trans.rollback()

        took = _ms(once)
    ws.close()
    return took


def main() -> None:
    """Build the project, then print every figure."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--aliases", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-kb-") as tmp:
        folder = Path(tmp)
        os.environ["ANNOTATOR_DATA_DIR"] = str(folder / "data")
        entities = build_kb(args.aliases)
        url, texts = make_project(folder, entities, args.articles)
        index_ready(url)
        ws = Workspace.open(url, "bench", "bench")
        kb = KnowledgeBase(ws)
        print(f"KB: {len(kb.matcher())} distinct alias keys")
        queries = selection(kb, entities)
        one_article(kb, texts, entities)
        ws.close()
        stdin_queries(url, queries)
        all_articles(url)
        empty = f"sqlite:///{folder / 'empty.db'}"
        Workspace.open(empty, "bench", "bench").close()
        learning(url, empty, entities)


if __name__ == "__main__":
    main()
