"""Writing one output part of an export: shared by the in-process and worker paths.

Both paths stream the same way (straight from the store's rows for writers
that can, else whole documents restricted to the chosen labels), so a part
written by worker processes holds the same bytes as one written here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection

from annotator.core import model
from annotator.core.formats.base import WriteContext, Writer, WriteReport
from annotator.core.formats.brat_conf import Seen
from annotator.core.formats.brat_writer import write_run
from annotator.store.loading import stream_documents, stream_rows
from annotator.store.text_rows import stream_text_rows

T = TypeVar("T")
Counted = Callable[[Iterator[Any]], Iterator[Any]]


class ExportError(Exception):
    """An export that cannot start: unknown format, bad split, unwritable path."""


class ExportCancelledError(Exception):
    """The person pressed Cancel; nothing was written."""


def write_part(
    conn: Connection,
    writer: Writer,
    ids: Sequence[int],
    target: Path,
    context: WriteContext,
    labels: Sequence[str],
    counted: Counted,
) -> WriteReport:
    """Stream the documents ``ids`` through ``writer`` into ``target``.

    ``counted`` wraps the stream (progress, Cancel). A writer with
    ``write_rows`` (native, Prodigy, DocBin) writes the same bytes straight from
    the store's rows (text rows for DocBin) when no label filter applies.
    """
    rows_writer = getattr(writer, "write_rows", None)
    if rows_writer is not None and not labels:  # the same bytes, without span objects
        rows = counted(_row_stream(writer)(conn, ids))
        report: WriteReport = rows_writer(rows, target, context)
        return report
    docs = counted(stream_documents(conn, ids))
    return writer.write((restrict(doc, labels) for doc in docs), target, context)


def _row_stream(writer: Writer) -> Callable[[Connection, Sequence[int]], Iterator[Any]]:
    """What a writer's row methods read: text rows (``text_rows``), else the store's rows."""
    return stream_text_rows if getattr(writer, "text_rows", False) else stream_rows


def sharded(writer: Writer, count: int) -> bool:
    """Whether ``writer`` writes ``count`` documents as a folder of whole files (a DocBin)."""
    shards: Callable[[int], bool] | None = getattr(writer, "shards", None)
    return shards is not None and shards(count)


def write_shard_run(
    conn: Connection,
    writer: Writer,
    ids: Sequence[int],
    folder: Path,
    context: WriteContext,
    labels: Sequence[str],
    counted: Counted,
    first: int,
) -> WriteReport:
    """Write the files of a sharded folder format (DocBin) for ``ids``, from file ``first``
    (straight from the store's rows when the writer can and no label filter applies)."""
    rows_writer = getattr(writer, "write_row_shards", None)
    if rows_writer is not None and not labels:
        rows = counted(_row_stream(writer)(conn, ids))
        done: WriteReport = rows_writer(rows, folder, context, first)
        return done
    docs = counted(stream_documents(conn, ids))
    restricted = (restrict(doc, labels) for doc in docs)
    report: WriteReport = getattr(writer, "write_shards")(restricted, folder, context, first)  # noqa: B009
    return report


def write_brat_run(
    conn: Connection,
    ids: Sequence[int],
    stems: Sequence[str],
    folder: Path,
    labels: Sequence[str],
    counted: Counted,
) -> tuple[WriteReport, Seen]:
    """Write the brat pairs of ``ids``, named ``stems`` (one each), into ``folder``.

    Returns the report and the labels met; the caller writes annotation.conf.
    """
    stem_of = dict(zip(ids, stems, strict=True))
    if labels:
        docs = counted(stream_documents(conn, ids))
        named = ((restrict(doc, labels), stem_of[doc.id]) for doc in docs if doc.id in stem_of)
        return write_run(named, folder)
    items = counted(stream_rows(conn, ids))  # the same files, without span objects
    return write_run(((item, stem_of[item.fields["id"]]) for item in items), folder)


def restrict(doc: model.Document, labels: Sequence[str]) -> model.Document:
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
