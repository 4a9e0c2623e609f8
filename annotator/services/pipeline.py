"""Preparing import batches in worker processes while the store writes.

Batches go to a pool of worker processes, a few in flight, so reading the
small files of a folder, parsing and signing the next batches overlaps
writing the last one. Where the platform can fork (Linux), workers are
forked: they start in milliseconds and run only the Qt-free, store-free
preparation code. Elsewhere they are spawned, which costs an interpreter
start, so the first batch is prepared in-process while they start (and
small imports never wait for one).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import TypeVar

from annotator.core.formats import ReadOptions
from annotator.services import processes
from annotator.services.prepare import FileOutcome, FileWork, Outcome, Work, task_outcomes

T = TypeVar("T")
Task = Work | FileWork
Result = Outcome | FileOutcome
Pending = tuple[list[T], "Future[list[Result]] | None"]


def worker_count() -> int:
    """Worker processes to prepare with: one a core, at most four; none on one core.

    On two cores two workers beside the writer measured fastest: the writer
    spends much of its time in SQLite, which does not need a core of its own
    all the time. ``ANNOTATOR_IMPORT_WORKERS`` overrides the choice.
    """
    return processes.worker_count("ANNOTATOR_IMPORT_WORKERS")


def prepared_batches(
    batches: Iterable[list[T]],
    task: Callable[[T], Task],
    options: ReadOptions,
    workers: int | None = None,
) -> Iterator[tuple[list[T], list[Result]]]:
    """Each batch with what :func:`~annotator.services.prepare.task_outcomes` made of
    its items' tasks, in order.

    An import of a single batch is prepared in-process: starting workers would
    cost more than they save.
    """
    workers = worker_count() if workers is None else workers
    stream = iter(batches)
    head = list(islice(stream, 2))
    if workers == 0 or len(head) < 2:
        for batch in chain(head, stream):
            yield batch, task_outcomes([task(x) for x in batch], options)
        return
    yield from _pooled(chain(head, stream), task, options, workers)


def _pooled(
    batches: Iterator[list[T]], task: Callable[[T], Task], options: ReadOptions, workers: int
) -> Iterator[tuple[list[T], list[Result]]]:
    """Batches prepared by ``workers`` processes, ``workers`` of them in flight."""
    forks = processes.forks()
    import annotator.core.minhash  # noqa: F401  # loaded once here, not in every forked worker

    context = multiprocessing.get_context("fork" if forks else "spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context)
    window: deque[Pending[T]] = deque()
    try:
        for n, batch in enumerate(batches):
            here = n == 0 and not forks  # spawned workers take a while to start
            window.append((batch, None if here else _submit(pool, batch, task, options)))
            if len(window) > workers:
                yield _result(*window.popleft(), task, options)
        while window:
            yield _result(*window.popleft(), task, options)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _submit(
    pool: ProcessPoolExecutor, batch: list[T], task: Callable[[T], Task], options: ReadOptions
) -> Future[list[Result]] | None:
    """The batch sent to a worker; None when the pool cannot take it."""
    try:
        return pool.submit(task_outcomes, [task(x) for x in batch], options)
    except (BrokenProcessPool, RuntimeError):  # e.g. a script without a __main__ guard
        return None


def _result(
    batch: list[T],
    future: Future[list[Result]] | None,
    task: Callable[[T], Task],
    options: ReadOptions,
) -> tuple[list[T], list[Result]]:
    """A worker's results for the batch; the batch prepared here if no worker could."""
    if future is not None:
        try:
            return batch, future.result()
        except BrokenProcessPool:
            pass
    return batch, task_outcomes([task(x) for x in batch], options)
