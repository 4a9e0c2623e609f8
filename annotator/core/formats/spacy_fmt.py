"""spaCy training data: JSONL with character offsets, and ``.spacy`` DocBin files.

JSONL records are ``{"text", "entities": [[start, end, label]], "spans":
[[start, end, label]], "meta"}``: offsets in Python code points (which spaCy
uses), end-exclusive. ``spans`` holds every span; ``entities`` the
non-overlapping subset (:func:`spacy.util.filter_spans`, longest first) that
``doc.ents`` can hold. Every written span is one that ``Doc.char_span(start,
end, label, alignment_mode="strict")`` accepts with the tokenizer of
``spacy.blank(context.language)``; spans that do not fall on that tokenizer's
token boundaries are left out and counted in the report ("spans not aligned to
spaCy tokens"), never silently moved. Relations, events, entity links, notes
and suggestions are reported as dropped.

spaCy is optional: it is imported only when a writer runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar

from annotator.core.formats.base import WriteContext, WriteReport
from annotator.core.formats.jsonout import OFFSETS_NOTE, drop_unsupported, flat_meta, write_jsonl
from annotator.core.formats.nativerecord import TextRow
from annotator.core.formats.spacy_align import (
    OVERLAPPING,
    UNALIGNED,
    aligned_ranges,
    counted_entities,
    tokenizer,
    triples,
)
from annotator.core.formats.spacy_docbin import SPAN_KEY, write_docbin, write_docbin_rows
from annotator.core.formats.spacy_runs import RunBounds, boundary_aligned
from annotator.core.model import Document

__all__ = [
    "DOCBIN_WRITER",
    "OVERLAPPING",
    "SHARD",
    "SPAN_KEY",
    "UNALIGNED",
    "WRITER",
    "SpacyDocBinWriter",
    "SpacyJsonlWriter",
    "aligned_triples",
    "tokenizer",
    "write_docbin",
    "write_docbin_row_shards",
    "write_docbin_rows",
    "write_docbin_shards",
]
SHARD = 2_000  # documents a DocBin file holds at most (see SpacyDocBinWriter)
T = TypeVar("T")


def aligned_triples(
    nlp: Any, doc: Document, report: WriteReport, runs: RunBounds | None = None
) -> tuple[list[list[Any]], list[list[Any]]]:
    """``[start, end, label]`` of every aligned span, and of the ``doc.ents`` subset.

    The same spans and subset as spaCy's ``char_span`` and ``filter_spans`` give. Most
    documents need only the words at span boundaries tokenised (see
    :func:`~annotator.core.formats.spacy_runs.boundary_aligned`, remembered
    in ``runs`` across documents); the others are tokenised whole.
    """
    quick = boundary_aligned(runs or RunBounds(nlp), doc.text, doc.spans)
    if quick is not None:
        found = [
            [sp.start, sp.end, sp.label] for sp, ok in zip(doc.spans, quick, strict=True) if ok
        ]
        if len(found) < len(doc.spans):
            report.drop(UNALIGNED, len(doc.spans) - len(found))
        report.spans += len(found)
        return found, sorted(found, key=itemgetter(0))
    from spacy.attrs import IDX, LENGTH

    sdoc = nlp.make_doc(doc.text)
    offsets = sdoc.to_array([IDX, LENGTH])
    spans = aligned_ranges(sdoc, triples(doc), report, offsets, doc.text)
    ents = counted_entities(spans, report)
    return [[s[2], s[3], s[4]] for s in spans], [[s[2], s[3], s[4]] for s in ents]


class SpacyJsonlWriter:
    """Writes spaCy-aligned character-offset JSONL."""

    name: str = "spacy"
    suffix: str = ".jsonl"
    is_directory: bool = False

    def write(self, docs: Iterable[Document], target: Path, context: WriteContext) -> WriteReport:
        """Stream one record per document."""
        nlp = tokenizer(context.language)
        report = WriteReport(notes=[OFFSETS_NOTE, f"aligned to spacy.blank({context.language!r})"])
        runs = RunBounds(nlp)

        def records() -> Iterator[dict[str, Any]]:
            for doc in docs:
                drop_unsupported(report, doc, context, ())
                report.documents += 1
                spans, ents = aligned_triples(nlp, doc, report, runs)
                meta = flat_meta(doc, taken=())
                if doc.external_id is not None:
                    meta.setdefault("id", doc.external_id)
                yield {"text": doc.text, "entities": ents, "spans": spans, "meta": meta}

        write_jsonl(target, records())
        return report


def write_docbin_shards(
    docs: Iterable[Document], folder: Path, language: str = "id", size: int = 0, first: int = 1
) -> WriteReport:
    """Write DocBin files of ``size`` documents each (the last may hold fewer) into
    ``folder``, named ``0001.spacy``, ``0002.spacy``, ... from number ``first``; spaCy
    reads such a folder as one corpus (``spacy train --paths.train FOLDER``)."""
    return _shards(write_docbin, docs, folder, language, size, first)


def write_docbin_row_shards(
    items: Iterable[TextRow], folder: Path, language: str = "id", size: int = 0, first: int = 1
) -> WriteReport:
    """:func:`write_docbin_shards` of stored documents given as text rows."""
    return _shards(write_docbin_rows, items, folder, language, size, first)


def _shards(
    write: Callable[[list[T], Path, str, Any], WriteReport],
    items: Iterable[T],
    folder: Path,
    language: str,
    size: int,
    first: int,
) -> WriteReport:
    nlp, stream, report = tokenizer(language), iter(items), WriteReport()
    shard, n = list(islice(stream, size or SHARD)), first
    while shard:
        part = write(shard, folder / f"{n:04d}.spacy", language, nlp)
        report.documents += part.documents
        report.spans += part.spans
        for reason, dropped in part.dropped.items():
            report.drop(reason, dropped)
        report.notes = part.notes
        shard, n = list(islice(stream, size or SHARD)), n + 1
    return report


class SpacyDocBinWriter:
    """Writes a ``.spacy`` DocBin file, or a folder of them for a large export.

    A DocBin file is built whole in memory before it is written: about 45 MB
    at the peak for each 1,000 news articles, 4.5 GB for 100,000. So an export
    of more than :data:`SHARD` documents is written as a folder of DocBin
    files of that many documents each (peak ~125 MB above the app's own with
    spaCy loaded, whatever the size), which spaCy's trainer reads as one corpus.
    """

    name: str = "spacy-docbin"
    suffix: str = ".spacy"
    is_directory: bool = False
    text_rows: bool = True  # its row methods take TextRow items (text and span triples)

    @property
    def shard_size(self) -> int:
        """Documents a file of a folder export holds."""
        return SHARD

    def shards(self, count: int) -> bool:
        """Whether ``count`` documents are written as a folder of DocBin files."""
        return count > SHARD

    def write(self, docs: Iterable[Document], target: Path, context: WriteContext) -> WriteReport:
        """Write all documents into one DocBin, or into a folder of them (``target`` a folder)."""
        if target.is_dir():
            return self.write_shards(docs, target, context)
        return self._noted(write_docbin(docs, target, context.language), context)

    def write_shards(
        self, docs: Iterable[Document], folder: Path, context: WriteContext, first: int = 1
    ) -> WriteReport:
        """Write the files of a folder export from number ``first`` (the export's first
        file when 1; export workers write runs of whole files)."""
        report = write_docbin_shards(docs, folder, context.language, SHARD, first)
        return self._noted(report, context)

    def write_rows(
        self, items: Iterable[TextRow], target: Path, context: WriteContext
    ) -> WriteReport:
        """:meth:`write` of stored documents given as text rows (the same bytes)."""
        if target.is_dir():
            return self.write_row_shards(items, target, context)
        return self._noted(write_docbin_rows(items, target, context.language), context)

    def write_row_shards(
        self, items: Iterable[TextRow], folder: Path, context: WriteContext, first: int = 1
    ) -> WriteReport:
        """:meth:`write_shards` of stored documents given as text rows."""
        report = write_docbin_row_shards(items, folder, context.language, SHARD, first)
        return self._noted(report, context)

    @staticmethod
    def _noted(report: WriteReport, context: WriteContext) -> WriteReport:
        if context.with_suggestions:
            report.notes.append("suggestions are not written to DocBin files")
        return report


WRITER = SpacyJsonlWriter()
DOCBIN_WRITER = SpacyDocBinWriter()
