"""The export service: filtered, split, streamed and atomically written.

Exports are views of the same data (DESIGN §5). Documents stream from the
store chunk by chunk into a format writer; the output goes to a temporary
name beside the target and is renamed into place only when complete, so an
interrupted export never leaves a complete-looking half file. A large file
in a format that can be split is written by worker processes, one run of
documents each, and joined into the same bytes; a large brat folder too,
each worker writing its documents' pairs under names the parent chose
(export_parallel).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection

from annotator.core.formats import WRITERS
from annotator.core.formats.base import WriteContext, WriteReport
from annotator.services.export_parallel import workers_for, write_parallel
from annotator.services.export_part import (
    ExportCancelledError,
    ExportError,
    sharded,
    write_part,
)
from annotator.services.garbage import paused_gc
from annotator.services.neardups import all_near_duplicates
from annotator.services.split import Split, near_duplicate_groups
from annotator.services.workspace import Workspace
from annotator.store.selection import (
    FilterChoices,
    Selection,
    count_selected,
    filter_choices,
    has_relations,
    select_ids,
)

__all__ = [
    "ALIASES",
    "ExportCancelledError",
    "ExportError",
    "ExportRequest",
    "ExportResult",
    "FilterChoices",
    "Split",
    "atomic_target",
    "count_documents",
    "export",
    "export_choices",
    "format_names",
    "paused_gc",
]

ALIASES = {"jsonl": "native"}
ProgressFn = Callable[[int, int], None]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What to export, where, and how."""

    format: str
    out: Path
    selection: Selection = field(default_factory=Selection)
    split: Split | None = None
    with_suggestions: bool = False
    label_priority: tuple[str, ...] = ()


@dataclass
class ExportResult:
    """Per output file: its path and what was written or dropped."""

    outputs: dict[Path, WriteReport] = field(default_factory=dict)

    @property
    def documents(self) -> int:
        """Documents written over every output."""
        return sum(r.documents for r in self.outputs.values())


def export_choices(ws: Workspace) -> FilterChoices:
    """What the annotator, source and date filters can be set to in ``ws``'s project."""
    with ws.store.engine.connect() as conn:
        return filter_choices(conn, ws.project.id)


def count_documents(ws: Workspace, selection: Selection) -> int:
    """How many documents of ``ws``'s project ``selection`` holds."""
    with ws.store.engine.connect() as conn:
        return count_selected(conn, ws.project.id, selection)


def format_names() -> list[str]:
    """Every format ``export`` accepts."""
    return sorted([*WRITERS, *ALIASES])


def export(
    ws: Workspace,
    req: ExportRequest,
    progress: ProgressFn | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write the selected documents of the workspace's project in ``req.format``."""
    writer = WRITERS.get(ALIASES.get(req.format, req.format))
    if writer is None:
        raise ExportError(f"unknown format {req.format!r} (known: {', '.join(format_names())})")
    result = ExportResult()
    with ws.store.engine.connect() as conn, paused_gc():
        context = WriteContext(
            ws.schema(),
            ws.project.language,
            req.with_suggestions,
            req.label_priority,
            has_relations(conn, ws.project.id),
        )
        ids = select_ids(conn, ws.project.id, req.selection)
        parts, notes = _parts(conn, ws.project.id, ids, req.split)
        counter = _Counter(len(ids), progress, cancelled)
        labels, engine = req.selection.labels, ws.store.engine
        for name, part_ids in parts.items():
            target = _target(req.out, name, writer.is_directory)
            workers = workers_for(writer, engine, len(part_ids))
            as_folder = writer.is_directory or sharded(writer, len(part_ids))
            with atomic_target(target, as_folder) as tmp:
                if workers:
                    report = write_parallel(
                        engine, writer, part_ids, tmp, context, labels, workers, counter.add
                    )
                else:
                    report = write_part(
                        conn, writer, part_ids, tmp, context, labels, counter.counted
                    )
                report.notes += notes
                result.outputs[target] = report
    return result


def _parts(
    conn: Connection, project_id: int, ids: list[int], split: Split | None
) -> tuple[dict[str, list[int]], list[str]]:
    """The ids of each output file (named by its part), and what the split says of itself."""
    if split is None:
        return {"": ids}, []
    pairs = all_near_duplicates(conn, project_id) if split.together else []
    groups = near_duplicate_groups(ids, pairs)
    notes = []
    if groups:
        held = sum(map(len, groups))
        notes.append(f"near-duplicates kept in one part: {len(groups)} group(s), {held} documents")
    return split.parts(ids, groups), notes


@dataclass
class _Counter:
    """Counts streamed documents for progress and checks for Cancel."""

    total: int
    progress: ProgressFn | None
    cancelled: Callable[[], bool] | None
    done: int = 0

    def counted(self, items: Iterator[T]) -> Iterator[T]:
        """``items``, reporting progress every 200 and checking Cancel after each."""
        for item in items:
            self.done += 1
            if self.progress is not None and (self.done % 200 == 0 or self.done == self.total):
                self.progress(self.done, self.total)
            if self.cancelled is not None and self.cancelled():
                raise ExportCancelledError
            yield item

    def add(self, count: int) -> None:
        """``count`` more documents written elsewhere (0: none yet); checks Cancel."""
        self.done += count
        if count and self.progress is not None:
            self.progress(self.done, self.total)
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelledError


def _target(out: Path, part: str, is_dir: bool) -> Path:
    if not part:
        return out
    if is_dir:
        return out / part
    return out.with_name(f"{out.stem}.{part}{out.suffix}")


@contextmanager
def atomic_target(target: Path, is_dir: bool) -> Iterator[Path]:
    """A temporary path beside ``target``, renamed onto it only on success."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.part-{os.getpid()}")
    _remove(tmp)
    if is_dir:
        tmp.mkdir()
    try:
        yield tmp
    except BaseException:
        _remove(tmp)
        raise
    if target.is_dir() or (is_dir and target.exists()):  # a folder replaces, or is replaced
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        target.rename(old)
        tmp.rename(target)
        _remove(old)
    else:
        os.replace(tmp, target)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
