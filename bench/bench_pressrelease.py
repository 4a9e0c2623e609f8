"""Press-release parsing and near-duplicate signatures: time per release.

Parses the 295 files of ../shared/corpora/press-release-archive-sample (skipped
when absent) and prints the mean and median time of ``parse_release`` and of
``signature`` per release, their time per 3 KB, and the time of a
``NearDupIndex.find`` among 100,000 indexed signatures.
Run: .venv/bin/python bench/bench_pressrelease.py
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from annotator.core.minhash import NUM_HASHES, signature
from annotator.core.neardup import NearDupIndex
from annotator.core.pressrelease import parse_release

ARCHIVE = Path(__file__).resolve().parents[2] / "shared/corpora/press-release-archive-sample"
REPEAT = 20


def per_call(texts: list[str], func: Callable[[str], object]) -> list[float]:
    """Seconds per call of ``func`` on each text (best of ``REPEAT`` runs)."""
    times = []
    for text in texts:
        best = float("inf")
        for _ in range(REPEAT):
            start = time.perf_counter()
            func(text)
            best = min(best, time.perf_counter() - start)
        times.append(best)
    return times


def report(name: str, texts: list[str], times: list[float]) -> None:
    """Print mean/median microseconds per release and per 3 KB."""
    mean_us = statistics.mean(times) * 1e6
    median_us = statistics.median(times) * 1e6
    per_3kb = sum(times) / sum(len(t) for t in texts) * 3000 * 1e6
    print(
        f"{name:15} mean {mean_us:7.1f} µs  median {median_us:7.1f} µs  per 3 KB {per_3kb:7.1f} µs"
    )


def bench_index(size: int = 100_000, lookups: int = 1000) -> None:
    """Time ``add`` and ``find`` with ``size`` random signatures indexed."""
    rng = random.Random(7)
    sigs = [tuple(rng.getrandbits(32) for _ in range(NUM_HASHES)) for _ in range(size)]
    index: NearDupIndex[int] = NearDupIndex()
    start = time.perf_counter()
    for i, sig in enumerate(sigs):
        index.add(i, sig)
    added = time.perf_counter() - start
    start = time.perf_counter()
    for sig in sigs[:lookups]:
        index.find(sig)
    found = time.perf_counter() - start
    print(
        f"NearDupIndex    add {added / size * 1e6:.1f} µs, find {found / lookups * 1e6:.1f} µs "
        f"with {size:,} documents"
    )


def main() -> None:
    """Run the benchmarks that have their data on this machine."""
    files = sorted(p for p in ARCHIVE.rglob("*.md") if p.name != "SOURCE.md")
    if files:
        texts = [p.read_text(encoding="utf-8") for p in files]
        mean_kb = statistics.mean(len(t) for t in texts) / 1000
        print(f"{len(texts)} archive releases, mean {mean_kb:.1f} k characters")
        report("parse_release", texts, per_call(texts, parse_release))
        report("signature", texts, per_call(texts, signature))
    else:
        print(f"skipped the archive: {ARCHIVE} is not on this machine")
    bench_index()


if __name__ == "__main__":
    main()
