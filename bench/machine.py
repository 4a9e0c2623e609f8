"""What this shared machine gives a benchmark now."""

from __future__ import annotations

import multiprocessing
import time


def parallel_capacity(workers: int = 2) -> float:
    """How many cores the machine gives now: a CPU loop's speed-up in ``workers`` processes.

    On a shared machine this, not the core count, caps what worker processes
    can gain; an import or export with workers is slower against its
    one-process floor when another tenant takes part of a core.
    """
    alone = _spin(0)
    with multiprocessing.get_context().Pool(workers) as pool:
        start = time.perf_counter()
        pool.map(_spin, range(workers))
        together = time.perf_counter() - start
    return workers * alone / together


def _spin(_: int) -> float:
    start = time.perf_counter()
    total = 0
    for i in range(5_000_000):
        total += i
    return time.perf_counter() - start
