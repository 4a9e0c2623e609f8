"""The export service: filtered, split, streamed and atomically written.

Exports are views of the same data (DESIGN §5). Documents stream from the
store chunk by chunk into a format writer; the output goes to a temporary
name beside the target and is renamed into place only when complete, so an
interrupted export never leaves a complete-looking half file.
"""

from __future__ import annotations

import dataclasses
import os
import random
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core import model
from annotator.core.formats import WRITERS
from annotator.core.formats.base import WriteContext, WriteReport
from annotator.core.formats.native import WRITER as NATIVE_WRITER
from annotator.core.formats.nativerecord import RowDocument, write_rows
from annotator.services.workspace import Workspace
from annotator.store.loading import stream_documents, stream_rows
from annotator.store.selection import Selection, has_relations, select_ids

ALIASES = {"jsonl": "native"}
ProgressFn = Callable[[int, int], None]


class ExportError(Exception):
    """An export that cannot start: unknown format, bad split, unwritable path."""


class ExportCancelledError(Exception):
    """The person pressed Cancel; nothing was written."""


@dataclass(frozen=True, slots=True)
class Split:
    """Train / dev / test ratios by document, with a fixed seed."""

    ratios: tuple[float, float, float] = (0.8, 0.1, 0.1)
    seed: int = 13

    def parts(self, ids: Sequence[int]) -> dict[str, list[int]]:
        """Ids for each part, shuffled reproducibly, each part in id order."""
        if any(r < 0 for r in self.ratios) or not sum(self.ratios):
            raise ExportError(f"bad split ratios {self.ratios}")
        shuffled = list(ids)
        random.Random(self.seed).shuffle(shuffled)
        total = sum(self.ratios)
        n_train = round(len(ids) * self.ratios[0] / total)
        n_dev = round(len(ids) * self.ratios[1] / total)
        cuts = {
            "train": shuffled[:n_train],
            "dev": shuffled[n_train : n_train + n_dev],
            "test": shuffled[n_train + n_dev :],
        }
        return {name: sorted(part) for name, part in cuts.items()}


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
    with ws.store.engine.connect() as conn:
        context = WriteContext(
            ws.schema(),
            ws.project.language,
            req.with_suggestions,
            req.label_priority,
            has_relations(conn, ws.project.id),
        )
        ids = select_ids(conn, ws.project.id, req.selection)
        parts = req.split.parts(ids) if req.split else {"": ids}
        total, done = len(ids), [0]

        def tick() -> None:
            done[0] += 1
            if progress is not None and (done[0] % 200 == 0 or done[0] == total):
                progress(done[0], total)
            if cancelled is not None and cancelled():
                raise ExportCancelledError

        def counted(part_ids: list[int]) -> Iterator[model.Document]:
            for doc in stream_documents(conn, part_ids):
                tick()
                yield _restrict(doc, req.selection.labels)

        def counted_rows(part_ids: list[int]) -> Iterator[RowDocument]:
            for item in stream_rows(conn, part_ids):
                tick()
                yield item

        fast = writer is NATIVE_WRITER and not req.selection.labels
        targets = {name: _target(req.out, name, writer.is_directory) for name in parts}
        for name, part_ids in parts.items():
            with atomic_target(targets[name], writer.is_directory) as tmp:
                if fast:  # the same bytes, straight from the rows
                    report = write_rows(counted_rows(part_ids), tmp, context)
                else:
                    report = writer.write(counted(part_ids), tmp, context)
                result.outputs[targets[name]] = report
    return result


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
    if is_dir and target.exists():
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


def _restrict(doc: model.Document, labels: Sequence[str]) -> model.Document:
    """Keep only spans with ``labels`` and what still stands on them."""
    if not labels:
        return doc
    spans = tuple(s for s in doc.spans if s.label in labels)
    keys = {s.key for s in spans}
    events = tuple(
        dataclasses.replace(e, arguments=tuple(a for a in e.arguments if a.span in keys))
        for e in doc.events
        if e.trigger in keys
    )
    relations = tuple(r for r in doc.relations if r.head in keys and r.tail in keys)
    return dataclasses.replace(doc, spans=spans, events=events, relations=relations)
