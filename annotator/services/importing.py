"""The import service: files in, documents stored, problems named.

Every importer plugs in here through a format reader. Records stream in and
are written in batches, one transaction each; a bad record is reported with
its file and line and the rest still import; documents already in the project
(same content hash) are skipped; nothing already stored is changed.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import attrgetter, itemgetter
from pathlib import Path

from sqlalchemy import delete

from annotator.core import model
from annotator.core.formats import (
    READERS,
    Problem,
    ReadItem,
    ReadOptions,
    Record,
    Severity,
    UnknownFormatError,
    detect,
    plaintext,
)
from annotator.services.garbage import fewer_collections
from annotator.services.knowledge import learnt_on_insert, unlearn_imported
from annotator.services.neardups import NearDuplicate, NearDupTracker
from annotator.services.pipeline import Result, prepared_batches
from annotator.services.prepare import FileWork, Prepared, Work, applied, prepare_many, work_of
from annotator.store import tables as t
from annotator.store.checkpoints import checkpoints_aside
from annotator.store.ingest import Annotated, insert_batch, label_ids
from annotator.store.repository import ProjectInfo, Store, ensure_labels, load_schema

log = logging.getLogger(__name__)
BATCH = 1000
FIRST_BATCH = 125  # the first batches are small and double up to BATCH, so the workers start
# within milliseconds and the writer soon after, instead of both waiting for 2,000 records
SKIP_IN_FOLDERS = {".ann", ".conf"}
_TEXT = frozenset(plaintext.READER.extensions)  # files a worker may read (if one plain article)
# A corpus folder's README, licence or data card is not an article: left out of a folder
# (with a warning naming it), imported when named itself
CARD_NAMES = frozenset(
    "readme license licence source sources changelog changes contributing copying notice "
    "authors citation".split()
)


@dataclass
class ImportSummary:
    """What an import did: counts, problems by file and line, new ids."""

    imported: int = 0
    skipped: int = 0
    rejected: int = 0
    files: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    document_ids: list[int] = field(default_factory=list)
    labels_added: list[str] = field(default_factory=list)
    near_duplicates: list[NearDuplicate] = field(default_factory=list)
    cancelled: bool = False


@dataclass(frozen=True, slots=True)
class Progress:
    """Where an import is: files done of total, documents read so far."""

    files_done: int
    files_total: int
    documents: int
    current: str


@dataclass(frozen=True, slots=True)
class Unread:
    """A text file found in a folder (the ``number``-th file of the import), to be read by
    the worker process that prepares it."""

    path: Path
    number: int


class ImportCancelledError(Exception):
    """Raised inside the import loop when the person pressed Cancel."""


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, and the readable files of folders, recursively, in path order."""
    known = {ext for r in READERS.values() for ext in r.extensions} - SKIP_IN_FOLDERS
    for path in paths:
        if path.is_dir():
            found = sorted(_folder_files(path, known), key=_path_order)
            yield from map(Path, found)
        else:
            yield path


def _folder_files(folder: Path, known: set[str]) -> Iterator[str]:
    """Files under ``folder`` with a known extension, hidden files and folders left out."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in known:
                yield os.path.join(root, name)


def _without_cards(files: list[Path], named: set[Path], summary: ImportSummary) -> list[Path]:
    """``files`` without the READMEs and data cards found in folders, each reported."""
    cards = [f for f in files if f.stem.lower() in CARD_NAMES and f not in named]
    for card in cards:
        msg = "left out: a README or data card, not an article (name the file to import it)"
        summary.warnings.append(Problem(str(card), msg, severity=Severity.WARNING))
    left_out = set(cards)
    return [f for f in files if f not in left_out] if cards else files


def _path_order(path: str) -> list[str]:
    """The order of ``Path`` objects (part by part), without making them."""
    return path.split(os.sep)


class Importer:
    """Imports files into one project of a store."""

    def __init__(self, store: Store, project: ProjectInfo, annotator: str | None = None) -> None:
        self.store = store
        self.project = project
        self.annotator_id = store.annotator_id(annotator)
        self._run_hashes: set[str] = set()
        self._files_done = self._files_total = 0
        self._neardups = NearDupTracker(project.id)
        self._missing: set[Path] = set()
        self._found: list[tuple[int, Problem]] = []  # by the number of the file named
        self._file_of: dict[str, int] = {}  # the number of the file each record came from

    def run(
        self,
        paths: Sequence[Path],
        fmt: str | None = None,
        options: ReadOptions | None = None,
        progress: Callable[[Progress], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportSummary:
        """Import every file; on cancel, remove what this run added."""
        summary = ImportSummary()
        options = options or ReadOptions()
        self._missing = {p for p in paths if not p.exists()}
        files = _without_cards(list(expand_paths(paths)), set(paths), summary)
        batches = self._batches(files, fmt, set(paths), options, summary, progress, cancelled)
        parse = options.press_release

        def task(item: Record | Unread) -> Work | FileWork:
            if isinstance(item, Unread):
                return FileWork(item.path, parse)
            return work_of(item.document, parse and not item.pre_annotated)

        try:
            with fewer_collections(), checkpoints_aside(self.store.engine) as committed:
                for batch, results in prepared_batches(batches, task, options):
                    records, prepared = self._resolved(batch, results, options, summary)
                    self._flush(records, prepared, options, summary)
                    committed()
                    last = str(batch[-1].path)
                    where = Progress(self._files_done, self._files_total, summary.imported, last)
                    self._tick(progress, cancelled, where)  # a long file can be cancelled too
        except ImportCancelledError:
            self._undo(summary)
        finally:
            self._publish(summary)
        return summary

    def _publish(self, summary: ImportSummary) -> None:
        """The problems and warnings found, in the order of the files (workers report late)."""
        for _, problem in sorted(self._found, key=itemgetter(0)):
            found = summary.warnings if problem.severity == Severity.WARNING else summary.problems
            found.append(problem)
        self._found, self._file_of = [], {}

    def _batches(
        self,
        files: list[Path],
        fmt: str | None,
        named: set[Path],
        options: ReadOptions,
        summary: ImportSummary,
        progress: Callable[[Progress], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> Iterator[list[Record | Unread]]:
        """Records of every file in batches; progress and cancel checks per file.

        A text file found in a folder is left for a worker process to read
        (:class:`Unread`): reading ten thousand files took a third of the
        writer's time.
        """
        batch: list[Record | Unread] = []
        size = FIRST_BATCH
        self._files_total = len(files)
        for n, path in enumerate(files):
            summary.files += 1
            self._files_done = n
            unread = fmt is None and path not in named and path.suffix.lower() in _TEXT
            items = [Unread(path, n)] if unread else self._records(path, n, fmt, options, summary)
            for item in items:
                batch.append(item)
                if len(batch) >= size:
                    yield batch
                    batch, size = [], min(BATCH, 2 * size)
            where = Progress(n + 1, len(files), summary.imported, str(path))
            self._tick(progress, cancelled, where)
        if batch:
            yield batch

    @staticmethod
    def _tick(
        progress: Callable[[Progress], None] | None,
        cancelled: Callable[[], bool] | None,
        where: Progress,
    ) -> None:
        if progress is not None:
            progress(where)
        if cancelled is not None and cancelled():
            raise ImportCancelledError

    def _records(
        self, path: Path, n: int, fmt: str | None, options: ReadOptions, summary: ImportSummary
    ) -> Iterator[Record]:
        """The records of the ``n``-th file; its problems reported."""
        if path in self._missing:  # files found in folders exist: no need to look again
            self._report(Problem(str(path), "no such file or folder"), n, summary)
            return
        try:
            for item in _read(path, fmt, options):
                if isinstance(item, Record):
                    self._file_of[item.path] = n
                    yield item
                else:
                    self._report(item, n, summary)
        except (UnknownFormatError, OSError, ValueError) as exc:
            self._report(Problem(str(path), str(exc)), n, summary)
        except Exception as exc:  # a reader bug must not lose the rest of the import
            log.exception("reader failed on %s", path)
            self._report(Problem(str(path), f"could not be read: {exc}"), n, summary)

    def _resolved(
        self,
        batch: list[Record | Unread],
        results: list[Result],
        options: ReadOptions,
        summary: ImportSummary,
    ) -> tuple[list[Record], list[Prepared]]:
        """The batch's records, each with the document as it is stored; a file read by a
        worker becomes its record (or its problems), one the worker left is read here."""
        records: list[Record] = []
        prepared: list[Prepared] = []
        for item, result in zip(batch, results, strict=True):
            if isinstance(item, Record):
                records.append(item)
                prepared.append(applied(item.document, result))  # type: ignore[arg-type]
            elif result is None:
                read = list(self._records(item.path, item.number, None, options, summary))
                raw = [(r.document, options.press_release and not r.pre_annotated) for r in read]
                records += read
                prepared += prepare_many(raw)
            else:
                problems, article, outcome = result  # type: ignore[misc]
                for problem in problems:
                    self._report(problem, item.number, summary)
                if article is not None and outcome is not None:
                    text, title, meta = article
                    doc = model.Document(text=text, title=title, meta=meta)
                    records.append(Record(doc, str(item.path)))
                    self._file_of[str(item.path)] = item.number
                    prepared.append(applied(doc, outcome))
        return records, prepared

    def _report(self, problem: Problem, n: int, summary: ImportSummary) -> None:
        """Count ``problem`` of the ``n``-th file; it is listed when the import ends."""
        self._found.append((n, problem))
        if problem.severity != Severity.WARNING:
            summary.rejected += 1

    def _flush(
        self,
        batch: list[Record],
        prepared: list[Prepared],
        options: ReadOptions,
        summary: ImportSummary,
    ) -> None:
        """Write one batch in one transaction: new labels, then new documents."""
        docs = [p.document for p in prepared]
        signed = {id(p.document): (p.signature, p.keys) for p in prepared}
        with self.store.session() as s:
            if options.strict:
                existing = {(lb.name, lb.kind) for lb in load_schema(s, self.project.id).labels}
                docs = self._reject_unknown(batch, docs, existing, summary)
            else:
                summary.labels_added += ensure_labels(s, self.project.id, _labels_of(docs))
            s.flush()
            conn = s.connection()
            batch_items = [Annotated(d, self.annotator_id) for d in docs]
            labels = label_ids(conn, self.project.id)
            ids = insert_batch(
                conn, self.project.id, batch_items, labels, self._run_hashes, learn=True
            )
            if any(d.spans for d in docs):
                learnt_on_insert(conn, self.project.id)
            new = [(i, *signed[id(d)]) for i, d in zip(ids, docs, strict=True) if i is not None]
            summary.near_duplicates += self._neardups.add(conn, new)
        for doc_id in ids:
            if doc_id is None:
                summary.skipped += 1
            else:
                summary.imported += 1
                summary.document_ids.append(doc_id)

    def _reject_unknown(
        self,
        batch: list[Record],
        docs: list[model.Document],
        existing: set[tuple[str, model.LabelKind]],
        summary: ImportSummary,
    ) -> list[model.Document]:
        kept = []
        for record, doc in zip(batch, docs, strict=True):
            unknown = sorted({n for n, k in _labels_of([doc]) if (n, k) not in existing})
            if unknown:
                msg = f"labels not in the project's schema (--strict): {', '.join(unknown)}"
                n = self._file_of.get(record.path, self._files_total)
                self._report(Problem(record.path, msg, record.line), n, summary)
            else:
                kept.append(doc)
        return kept

    def _undo(self, summary: ImportSummary) -> None:
        ids = summary.document_ids
        with self.store.engine.begin() as conn:
            unlearn_imported(conn, self.project.id, ids)
            for i in range(0, len(ids), 500):
                conn.execute(delete(t.Document).where(t.Document.id.in_(ids[i : i + 500])))  # type: ignore[union-attr]
        summary.cancelled = True
        summary.imported = 0
        summary.document_ids = []


def _read(path: Path, fmt: str | None, options: ReadOptions) -> Iterator[ReadItem]:
    """What the file's reader yields; a small file is opened once, for sniffing and reading."""
    reader, data = detect(path, fmt)
    read_data = getattr(reader, "read_data", None)
    if data is not None and read_data is not None:
        items: Iterator[ReadItem] = read_data(path, data, options)
        return items
    return reader.read(path, options)


_label = attrgetter("label")


def _labels_of(docs: Iterable[model.Document]) -> list[tuple[str, model.LabelKind]]:
    """The labels ``docs`` use, each once, in the order they first appear."""
    found: dict[tuple[str, model.LabelKind], None] = {}
    entity, event_kind = model.LabelKind.ENTITY, model.LabelKind.EVENT
    for doc in docs:
        if doc.events:
            triggers = {e.trigger for e in doc.events}
            for span in doc.spans:
                found[(span.label, event_kind if span.key in triggers else entity)] = None
        else:  # most documents: entity spans only, gathered in C
            found.update(dict.fromkeys(zip(map(_label, doc.spans), repeat(entity))))
        for event in doc.events:
            found[(event.type, model.LabelKind.EVENT)] = None
        for rel in doc.relations:
            found[(rel.label, model.LabelKind.RELATION)] = None
    return list(found)
