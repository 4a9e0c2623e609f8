"""Writing one large output file of an export in worker processes.

The ids of the file are cut into contiguous runs, a few a worker, and the
workers take the runs in turn, each on a database connection of its own,
streaming a run exactly as the in-process export does (:func:`write_part`)
into a part file beside the target. Taking runs in turn, a worker slowed by
a neighbour on the machine holds the export up by one short run, not by
half of it. The parent sums the reports and joins the part files, in
order, into the export's temporary file as they come
(:class:`~annotator.services.part_join.PartJoiner`), so joining overlaps the
writing. The bytes are those of the in-process export.

Only formats whose output for documents A then B is output(A) + output(B)
inside a fixed frame are split (:data:`FRAMES`), and brat (:data:`DIRECTORIES`):
its file names, unique across the whole export, are chosen by the parent
from every document's external id and title before the workers start; the
workers write each run's pairs straight into the export's folder and send
back the labels they met, and the parent writes annotation.conf from them
all. A spaCy DocBin folder (a large DocBin export) is split at whole files,
a run a file, so each file holds what it would in-process. Inline (a note
that counts documents) and a DocBin of one file (one binary container) are
written in-process.
Workers are forked where the platform can (Linux) and run only Qt-free
store and format code; elsewhere they are spawned.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from queue import Empty
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine

from annotator.core.formats import WRITERS
from annotator.core.formats.base import WriteContext, Writer, WriteReport
from annotator.core.formats.brat_conf import Seen, merge_seen, write_conf
from annotator.core.formats.brat_writer import stems
from annotator.core.formats.spacy_fmt import tokenizer
from annotator.services import processes
from annotator.services.export_part import (
    ExportError,
    sharded,
    write_brat_run,
    write_part,
    write_shard_run,
)
from annotator.services.garbage import paused_gc
from annotator.services.part_join import Frame, PartJoiner
from annotator.store.database import make_engine
from annotator.store.doc_names import document_names

T = TypeVar("T")
ENV = "ANNOTATOR_EXPORT_WORKERS"
# Below this many documents a file is written in-process: forking, the
# workers' connections and the join cost about 0.1 s of CPU, and at 2,000
# documents two workers measured no faster than one process for native JSONL
# (bench/bench_export.py --crossover; prodigy gains from 2,000 on).
MIN_DOCS = 4_000
REPORT_EVERY = 200  # documents between a worker's progress messages
RUNS_PER_WORKER = 4  # runs of ids cut for each worker, taken in turn
MIN_RUN = 1_000  # documents a run holds at least (each run opens a part file of its own)
_INHERITED: list[object] = []  # a forked worker's copy of the parent's connection pool


# Single-file formats whose reports add up (notes are the same for every part).
FRAMES: dict[str, Frame] = {
    "native": Frame(),
    "doccano": Frame(),  # the shape is chosen up front from WriteContext.has_relations
    "prodigy": Frame(),
    "spacy": Frame(),
    "conll": Frame(),  # a -DOCSTART- line before each document, no file header
    "labelstudio": Frame(b"[", b",", b"\n]\n"),  # bodies start "\n"; items joined by ",\n"
}
# Folder formats whose workers write named files into the one folder.
DIRECTORIES = frozenset({"brat"})


@dataclass(frozen=True, slots=True)
class Job:
    """One run of ids, taken by whichever worker is free, and where to write it (brat: the
    file names too)."""

    index: int
    ids: Sequence[int]
    path: Path
    writer: str
    context: WriteContext
    labels: tuple[str, ...]
    url: str
    engine: Engine | None  # the parent's, inherited by a forked worker (never pickled)
    stems: Sequence[str] = ()  # a folder format's file names, one per id
    shard: int = 0  # a sharded folder's first file number for this job (0: not sharded)


def worker_count() -> int:
    """Worker processes for a large file: one a core, at most four; none on one core.

    ``ANNOTATOR_EXPORT_WORKERS`` overrides the choice (0 or 1: in-process).
    """
    return processes.worker_count(ENV)


def workers_for(writer: Writer, engine: Engine, count: int) -> int:
    """Worker processes to write a file of ``count`` documents with; 0 for in-process."""
    url = engine.url
    in_memory = url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")
    splits = writer.name in FRAMES or writer.name in DIRECTORIES or sharded(writer, count)
    if not splits or count < MIN_DOCS or in_memory:
        return 0
    workers = min(worker_count(), count)
    return workers if workers > 1 else 0


def write_parallel(
    engine: Engine,
    writer: Writer,
    ids: Sequence[int],
    target: Path,
    context: WriteContext,
    labels: Sequence[str],
    workers: int,
    tick: Callable[[int], None],
) -> WriteReport:
    """Write ``ids`` through ``writer`` into ``target`` with ``workers`` processes.

    ``target`` is the export's file, or its (existing) folder for a folder
    format. ``tick(n)`` is called with the documents written since the last
    call (0 while waiting) and may raise to stop: the workers are then ended
    and every part file removed (a folder's files are the caller's to remove).
    """
    is_sharded = sharded(writer, len(ids))
    folder = writer.name in DIRECTORIES or is_sharded
    forked = processes.forks()
    mp: Any = multiprocessing.get_context("fork" if forked else "spawn")
    if forked:
        preload(writer.name, context.language)
    jobs = _jobs(engine, writer, ids, target, context, labels, workers, forked, is_sharded)
    if folder:
        done = _run(mp, jobs, workers, tick, lambda _: None, [])
    else:
        parts = [job.path for job in jobs]
        with PartJoiner(parts, target, FRAMES[writer.name]) as joiner:
            done = _run(mp, jobs, workers, tick, joiner.ready, parts)
    if writer.name not in DIRECTORIES:
        return merged(done)
    write_conf(target, context.schema, merge_seen(seen for _, seen in done))
    return merged([report for report, _ in done])


def _run(
    mp: Any,
    jobs: Sequence[Job],
    workers: int,
    tick: Callable[[int], None],
    ready: Callable[[int], None],
    parts: Sequence[Path],
) -> list[Any]:
    """Every job's result, in order, from ``workers`` processes taking the jobs in turn;
    ``ready(n)`` as job ``n`` is done. Workers still running and ``parts`` are removed after."""
    queue: Any = mp.Queue()
    taken = mp.Value("i", 0)
    procs = [
        mp.Process(target=run_jobs, args=(jobs, taken, queue, n), daemon=True)
        for n in range(min(workers, len(jobs)))
    ]
    try:
        for proc in procs:
            proc.start()
        return _collect(queue, procs, len(jobs), tick, ready)
    finally:
        _end(procs, parts)
        queue.close()


def _jobs(
    engine: Engine,
    writer: Writer,
    ids: Sequence[int],
    target: Path,
    context: WriteContext,
    labels: Sequence[str],
    workers: int,
    forked: bool,
    is_sharded: bool,
) -> list[Job]:
    """Contiguous runs of ``ids``, a few a worker (:data:`RUNS_PER_WORKER`, of
    :data:`MIN_RUN` documents at least): into part files beside ``target``, or into the
    folder ``target`` (brat with its file names; DocBin a whole file a run);
    ``is_sharded``: whether ``writer`` writes these ids as a folder of files."""
    names: Sequence[str] = ()
    if writer.name in DIRECTORIES:
        ids, names = _named(engine, ids)
    if is_sharded:  # a run a file: the same files, whoever writes them (runs of several
        # files left a worker idle for up to a whole run at the end: 3 s of a 15 s export)
        files = size = int(getattr(writer, "shard_size", 1))
    else:
        runs = max(workers, min(workers * RUNS_PER_WORKER, len(ids) // MIN_RUN))
        size, files = max(1, -(-len(ids) // runs)), 1
    folder = writer.name in DIRECTORIES or is_sharded
    url = engine.url.render_as_string(hide_password=False)
    return [
        Job(n, ids[k : k + size], target if folder else target.with_name(f"{target.name}.{n}"),
            writer.name, context, tuple(labels), url, engine if forked else None,
            names[k : k + size], k // files + 1 if is_sharded else 0)
        for n, k in enumerate(range(0, len(ids), size))
    ]  # fmt: skip


def preload(writer: str, language: str) -> None:
    """Load in the parent what every forked worker would load alike.

    spaCy: importing it and building the tokenizer that every part then uses
    (``spacy_align.tokenizer`` keeps it) costs ~0.8 s of CPU, paid once here
    instead of once a worker. A failure is left for the workers to report.
    """
    if writer in ("spacy", "spacy-docbin"):
        with suppress(Exception):
            tokenizer(language)


def _named(engine: Engine, ids: Sequence[int]) -> tuple[list[int], list[str]]:
    """The ids still stored, in order, and the brat file name of each."""
    with engine.connect() as conn:
        rows = document_names(conn, ids)
    return [row[0] for row in rows], stems((external_id, title) for _, external_id, title in rows)


def _collect(
    queue: Any,
    procs: Sequence[Any],
    count: int,
    tick: Callable[[int], None],
    ready: Callable[[int], None],
) -> list[Any]:
    """The result of each of ``count`` jobs (see :func:`write_job`), in order; progress
    passed on to ``tick``; ``ready(n)`` as job ``n`` is done."""
    reports: dict[int, Any] = {}
    ended = False  # every worker had ended when the last wait for a message began
    while len(reports) < count:
        message = _next(queue)
        if message is None:
            tick(0)
            if ended:
                raise ExportError("the export workers ended before every part was written")
            ended = _ended(procs)
            continue
        kind, index, payload = message
        if kind == "done":
            reports[index] = payload
            ready(index)
        elif kind == "failed":
            error = ExportError(f"export worker {index + 1} failed: {payload.splitlines()[-1]}")
            error.add_note(payload)
            raise error
        else:
            tick(payload)
    return [reports[n] for n in range(count)]


def _ended(procs: Sequence[Any]) -> bool:
    """Whether every worker has ended; raises if one stopped abnormally."""
    for n, proc in enumerate(procs):
        if proc.exitcode not in (None, 0):
            raise ExportError(f"export worker {n + 1} stopped (exit code {proc.exitcode})")
    return all(proc.exitcode == 0 for proc in procs)


def _next(queue: Any) -> tuple[str, int, Any] | None:
    """The next worker message; None after a tenth of a second without one."""
    try:
        message: tuple[str, int, Any] = queue.get(timeout=0.1)
    except Empty:
        return None
    return message


def _end(procs: Sequence[Any], paths: Sequence[Path]) -> None:
    """Stop workers still running and remove every part file."""
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
        if proc.pid is not None:
            proc.join()
            proc.close()
    for path in paths:
        path.unlink(missing_ok=True)


def run_jobs(jobs: Sequence[Job], taken: Any, queue: Any, worker: int) -> None:
    """A worker: write the next job not yet taken until none is left; send progress and
    each job's report, or the error. ``taken``: the shared count of jobs taken."""
    try:
        processes.keep_freed_memory()
        with _connection(jobs[0]) as conn, paused_gc():
            while (n := _take(taken, len(jobs))) is not None:
                job = jobs[n]
                report = write_job(conn, job, lambda k: queue.put(("progress", n, k)))
                queue.put(("done", n, report))
    except BaseException:
        queue.put(("failed", worker, traceback.format_exc()))


def _take(taken: Any, count: int) -> int | None:
    """The next job's number, counted in ``taken``; None when all ``count`` are taken."""
    with taken.get_lock():
        n: int = taken.value
        taken.value = n + 1
    return n if n < count else None


@contextmanager
def _connection(job: Job) -> Iterator[Connection]:
    """A database connection of this worker process's own."""
    engine = job.engine
    if engine is not None:  # forked: a fresh pool; the parent's connections stay its own,
        _INHERITED.append(engine.pool)  # held here so no finalizer closes them in this process
        engine.dispose(close=False)
    else:
        engine = make_engine(job.url)
    with engine.connect() as conn:
        yield conn


def write_job(
    conn: Connection, job: Job, progressed: Callable[[int], None]
) -> WriteReport | tuple[WriteReport, Seen]:
    """Write one job's part on ``conn``.

    A folder format's job returns the labels met beside its report.
    """
    counted = partial(_counting, progressed=progressed)
    if job.writer in DIRECTORIES:  # straight into the one folder: a folder a run, its
        # files moved up after, was slower (100,000 documents: 14.5-16.6 s against 11.4-13.9)
        return write_brat_run(conn, job.ids, job.stems, job.path, job.labels, counted)
    writer = WRITERS[job.writer]
    if job.shard:
        return write_shard_run(
            conn, writer, job.ids, job.path, job.context, job.labels, counted, job.shard
        )
    return write_part(conn, writer, job.ids, job.path, job.context, job.labels, counted)


def _counting(items: Iterator[T], progressed: Callable[[int], None]) -> Iterator[T]:
    """``items``, reporting every ``REPORT_EVERY`` and the rest at the end."""
    n = 0
    for item in items:
        yield item
        n += 1
        if n == REPORT_EVERY:
            progressed(n)
            n = 0
    if n:
        progressed(n)


def merged(reports: Sequence[WriteReport]) -> WriteReport:
    """One report for the parts: counts summed, notes once each."""
    out = WriteReport()
    for report in reports:
        out.documents += report.documents
        out.spans += report.spans
        for reason, count in report.dropped.items():
            out.drop(reason, count)
        out.notes.extend(note for note in report.notes if note not in out.notes)
    return out
