"""Export speed: a large annotated project to native JSONL and the other formats.

Builds a SQLite project of N documents (default 100,000) with 20 spans each
(2,000,000 spans), then times Annotator's export of every document against
the floor measured in the same run, just before each format: reading the
same rows with sqlite3 and writing them with orjson; CPU times are printed
too, steadier than wall time on a shared machine (an export's CPU includes
its worker processes'). Each format is timed in-process
(ANNOTATOR_EXPORT_WORKERS=0) and with the default worker processes; beside
brat, the file-creation floor: the same number of files of the same sizes
created with os.open/os.write/os.close in one process. Peak memory of each
export is measured in a fresh process.

brat's figures depend on what the disk went through: ext4 without a journal
(this machine's) passes over every inode deleted in the last minutes each
time it creates a file, so within about 6 minutes of deleting many files
(the end of a previous run of this bench deletes some 600,000) a brat export
took 44 s instead of 9-11; perf puts such time in ext4's find_inode_bit and
recently_deleted.
Run: .venv/bin/python bench/bench_export.py [DOCS] [--formats=a,b] [--no-memory]
``--crossover`` instead times jsonl and prodigy both ways at a few sizes up to
DOCS, whatever the size threshold, to choose export_parallel.MIN_DOCS.
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from itertools import groupby
from pathlib import Path

import orjson
from machine import parallel_capacity

from annotator.core import model
from annotator.core.formats import WRITERS
from annotator.core.textio import content_hash
from annotator.services import export_parallel
from annotator.services.export import ALIASES, ExportRequest, export
from annotator.services.export_parallel import ENV, worker_count, workers_for
from annotator.services.workspace import Workspace
from annotator.store.ingest import Annotated, insert_batch, label_ids
from annotator.store.selection import Selection, select_ids

WORDS = (
    "polisi apel siaga pengamanan pilkada personel wilayah patroli rapat pleno "
    "suara rekapitulasi koordinasi masyarakat"
).split()
NAMES = [
    ("Polda Kaltara", "ORG"),
    ("Budi Rachmat", "PER"),
    ("Tarakan", "LOC"),
    ("Rabu", "DATE"),
    ("Kabid Humas", "TITLE"),
]


def make_doc(rng: random.Random, n: int, spans: int = 20) -> model.Document:
    parts, out, pos = [], [], 0
    for k in range(spans):
        filler = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 8))) + " "
        name, label = NAMES[(n + k) % len(NAMES)]
        parts += [filler, name, ". "]
        start = pos + len(filler)
        out.append(model.Span(start, start + len(name), label, f"T{k + 1}"))
        pos = start + len(name) + 2
    text = f"Rilis {n}. " + "".join(parts)
    shift = len(f"Rilis {n}. ")
    spans_ = tuple(model.Span(s.start + shift, s.end + shift, s.label, s.key) for s in out)
    return model.Document(
        text=text,
        title=f"Rilis {n}",
        spans=spans_,
        status=model.Status.DONE,
        content_hash=content_hash(text),
    )


def build(db: Path, count: int) -> None:
    ws = Workspace.open(f"sqlite:///{db}", "bench")
    rng = random.Random(5)
    with ws.store.engine.begin() as conn:
        labels = label_ids(conn, ws.project.id)
    for i in range(0, count, 2000):
        batch = [Annotated(make_doc(rng, n)) for n in range(i, min(count, i + 2000))]
        with ws.store.engine.begin() as conn:
            insert_batch(conn, ws.project.id, batch, labels)
    ws.close()


def floor(db: Path, out: Path) -> tuple[float, float]:
    """sqlite3 reads the same documents and spans; orjson writes them (wall, CPU s)."""
    start, cpu = time.perf_counter(), time.process_time()
    conn = sqlite3.connect(db)
    spans = conn.execute(
        'SELECT s.document_id, s.id, s.start, s."end", l.name FROM span s '
        "JOIN label l ON l.id = s.label_id ORDER BY s.document_id, s.start"
    )
    by_doc = groupby(spans, key=lambda r: r[0])
    pending = next(by_doc, None)
    with out.open("wb") as fh:
        for doc_id, text, title, status in conn.execute(
            "SELECT id, text, title, status FROM document ORDER BY id"
        ):
            rows: list[tuple[int, int, int, int, str]] = []
            if pending is not None and pending[0] == doc_id:
                rows = list(pending[1])
                pending = next(by_doc, None)
            rec = {
                "id": str(doc_id),
                "text": text,
                "meta": {"title": title},
                "status": status,
                "spans": [
                    {"id": f"T{n}", "start": s, "end": e, "label": lb, "text": text[s:e]}
                    for n, (_, _, s, e, lb) in enumerate(rows, 1)
                ],
            }
            fh.write(orjson.dumps(rec) + b"\n")
    return time.perf_counter() - start, time.process_time() - cpu


def file_floor(folder: Path, sizes: list[int]) -> tuple[float, float]:
    """Create one file of each size with os.open/os.write/os.close in a fresh folder (wall, CPU s).

    What the filesystem itself costs a brat export of the same files, in one process.
    """
    folder.mkdir()
    base = os.path.join(folder, "")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    start, cpu = time.perf_counter(), time.process_time()
    for n, size in enumerate(sizes):
        data = b"x" * size
        fd = os.open(f"{base}f{n}.{n & 1}", flags, 0o666)
        os.write(fd, data)
        os.close(fd)
    return time.perf_counter() - start, time.process_time() - cpu


def _sizes(folder: Path) -> list[int]:
    return [entry.stat().st_size for entry in os.scandir(folder) if entry.name != "annotation.conf"]


def ours(db: Path, fmt: str, out: Path, workers: str | None) -> tuple[float, float, int]:
    """Annotator's export of every document (wall s, CPU s with workers', workers used)."""
    if workers is None:
        os.environ.pop(ENV, None)
    else:
        os.environ[ENV] = workers
    ws = Workspace.open(f"sqlite:///{db}", "bench")
    with ws.store.engine.connect() as conn:
        count = len(select_ids(conn, ws.project.id, Selection(statuses=None)))
    used = workers_for(WRITERS[ALIASES.get(fmt, fmt)], ws.store.engine, count)
    if out.is_dir():
        shutil.rmtree(out)  # replacing a folder would time deleting the old one too
    start, cpu, kids = time.perf_counter(), time.process_time(), _children_cpu()
    export(ws, ExportRequest(fmt, out, Selection(statuses=None)))
    took = time.perf_counter() - start
    spent = time.process_time() - cpu + _children_cpu() - kids
    ws.close()
    os.environ.pop(ENV, None)
    return took, spent, used


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def peak_mb(db: Path, fmt: str, out: Path) -> float:
    code = (
        "import resource; from pathlib import Path;"
        "from annotator.services.export import ExportRequest, export;"
        "from annotator.services.workspace import Workspace;"
        "from annotator.store.selection import Selection;"
        f"ws = Workspace.open('sqlite:///{db}', 'bench');"
        f"export(ws, ExportRequest('{fmt}', Path('{out}'), Selection(statuses=None)));"
        "status = Path('/proc/self/status');"
        "hwm = [ln for ln in status.read_text().splitlines() if ln.startswith('VmHWM:')]"
        " if status.exists() else [];"
        "rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss;"
        "print(hwm[0].split()[1] if hwm else rss)"
    )
    # VmHWM is this process's own peak; Linux carries ru_maxrss over from the
    # forking parent (this bench), which would hide the export's own figure.
    # In-process, so that one process holds everything the export streams.
    env = {**os.environ, ENV: "0"}
    res = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return int(res.stdout.strip()) / 1024


def crossover(tmp: Path, top: int) -> None:
    """In-process and worker exports of growing files, parallel at any size."""
    export_parallel.MIN_DOCS = 2
    for n in (top // 8, top // 4, top // 2, top):
        db = tmp / f"cross-{n}.db"
        build(db, n)
        for fmt in ("jsonl", "prodigy"):
            figures = []
            for workers in ("0", None):
                took, cpu, used = min(ours(db, fmt, tmp / "cross.out", workers) for _ in range(3))
                figures.append(f"{used or 'no'} workers {took:5.2f} s (CPU {cpu:5.2f} s)")
            print(f"{n:>7} documents, {fmt:<8} " + "   ".join(figures))


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(args[0]) if args else 100_000
    formats = "jsonl doccano spacy spacy-docbin prodigy conll labelstudio brat".split()
    for a in sys.argv[1:]:
        if a.startswith("--formats="):
            formats = a.split("=", 1)[1].split(",")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        if "--crossover" in sys.argv:
            crossover(tmp, count)
            return
        db = tmp / "big.db"
        t0 = time.perf_counter()
        build(db, count)
        print(f"built {count} documents, {count * 20:,} spans in {time.perf_counter() - t0:.0f} s")
        default = worker_count()
        print(f"default workers: {default} (ANNOTATOR_EXPORT_WORKERS=0: in-process)")
        if default > 1:
            cores = parallel_capacity(default)
            print(f"cores the machine gives a CPU loop now: {cores:.1f} of {default}")
        for fmt in formats:
            # the floor again before each format: this machine's speed drifts by 20% in minutes
            base, base_cpu = floor(db, tmp / "floor.jsonl")
            print(f"floor (sqlite3 read + orjson write): {base:.2f} s (CPU {base_cpu:.2f} s)")
            for workers in (None, "0"):
                # brat: a fresh folder each (deleting 40,000 files just before slows a run)
                out = tmp / (f"brat-out-{workers}" if fmt == "brat" else f"out.{fmt}")
                took, cpu, used = ours(db, fmt, out, workers)
                how = f"{used} workers" if used else "in-process"
                print(
                    f"export {fmt:<12} {how:<11} {took:6.2f} s  {took / base:4.1f}x the floor"
                    f"   (CPU {cpu:6.2f} s, {cpu / base_cpu:4.1f}x the floor's CPU)"
                )
                if workers is None and not used:
                    break  # the default is in-process: nothing more to time
            if fmt == "brat":
                sizes = _sizes(out)
                took, cpu = file_floor(tmp / "file-floor", sizes)
                print(
                    f"file-creation floor ({len(sizes)} files, same sizes, one process,"
                    f" os.open/write/close): {took:6.2f} s  (CPU {cpu:6.2f} s)"
                )
        if "--no-memory" in sys.argv:
            return
        for n in (count // 4, count):
            small = tmp / f"mem-{n}.db"
            build(small, n)
            print(
                f"peak memory exporting {n:>7} documents to jsonl in-process: "
                f"{peak_mb(small, 'jsonl', tmp / 'mem.jsonl'):.0f} MB"
            )
    print(f"(bench process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
