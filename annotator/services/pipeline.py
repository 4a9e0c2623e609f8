"""Preparing import batches in worker processes while the store writes.

The first batch is prepared in-process (small imports never start a
process); from the second on, batches go to a pool of spawned workers, two
in flight, so parsing the next batch overlaps writing the last one.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from annotator.core import model
from annotator.services.prepare import Prepared, prepare_many

T = TypeVar("T")
Item = tuple[model.Document, bool]


def worker_count() -> int:
    """Workers to use: none on two cores or fewer, else the cores but two, at most four.

    Measured on two shared cores, one worker made imports slower (it competes
    with the writer), so small machines prepare in-process.
    ``ANNOTATOR_IMPORT_WORKERS`` overrides the choice.
    """
    chosen = os.environ.get("ANNOTATOR_IMPORT_WORKERS")
    if chosen is not None and chosen.isdigit():
        return int(chosen)
    return max(0, min(4, (os.cpu_count() or 2) - 2))


def prepared_batches(
    batches: Iterable[list[T]], items: Callable[[T], Item], workers: int | None = None
) -> Iterator[tuple[list[T], list[Prepared]]]:
    """Each batch with its prepared documents, in order."""
    pool: ProcessPoolExecutor | None = None
    workers = worker_count() if workers is None else workers
    window: deque[tuple[list[T], Future[list[Prepared]]]] = deque()
    try:
        for n, batch in enumerate(batches):
            work: Sequence[Item] = [items(x) for x in batch]
            if n == 0 or workers == 0:
                yield batch, prepare_many(work)
                continue
            if pool is None:
                context = multiprocessing.get_context("spawn")
                pool = ProcessPoolExecutor(workers, mp_context=context)
            window.append((batch, pool.submit(prepare_many, work)))
            if len(window) > 1:
                yield _result(*window.popleft(), items)
        while window:
            yield _result(*window.popleft(), items)
    finally:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


def _result(
    batch: list[T], future: Future[list[Prepared]], items: Callable[[T], Item]
) -> tuple[list[T], list[Prepared]]:
    """A worker's result; the batch prepared here if the worker could not run."""
    try:
        return batch, future.result()
    except BrokenProcessPool:  # e.g. a script without a __main__ guard under spawn
        return batch, prepare_many([items(x) for x in batch])
