"""Turning a read record into the document that is stored (DESIGN §6).

Raw articles go through the press-release parser (datelines, dates and
boilerplate into metadata; the original text kept beside the clean body);
every document gets its content hash and near-duplicate signature. This is
the CPU-heavy part of an import, so :mod:`annotator.services.pipeline` runs
:func:`task_outcomes` in worker processes; they also read the small text
files of a folder (:class:`FileWork`). What crosses between processes is
plain tuples and strings (:data:`Work`, :data:`Outcome`, :data:`FileOutcome`):
pickling the documents themselves cost the writer more than a third of the
time it saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core import model
from annotator.core.dates import parse_date
from annotator.core.formats import Problem, ReadOptions, Record, detect, plaintext
from annotator.core.neardup import NUM_HASHES, band_keys
from annotator.core.pressrelease import parse_release
from annotator.core.textio import content_hash, fold

# (text, published_at as given, content hash if known, parse as a release)
Work = tuple[str, str | None, str, bool]
# The parsed release as (body, place, agency, published_at, title, meta, changed); the
# body is None when it is the text itself (most articles), so it does not travel back
Parsed = tuple[str | None, str | None, str | None, str | None, str | None, dict[str, Any], bool]
# (the parsed release or None, published_at as ISO or None, content hash, signature,
#  the signature's LSH band keys)
Outcome = tuple[Parsed | None, str | None, str, tuple[int, ...], list[int]]
Article = tuple[str, str, dict[str, Any]]  # a plain-text article's text, title, metadata
# What a worker made of such a file: its problems, its article and the article's outcome (None
# and None for a file without one); None when the file is not a plain article: the writer reads it
FileOutcome = tuple[list[Problem], Article | None, Outcome | None] | None


@dataclass(frozen=True, slots=True)
class FileWork:
    """A small file found in a folder, read by the worker that prepares it (``raw``: parse it
    as a release)."""

    path: Path
    raw: bool


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document ready to store, with its near-duplicate signature and its band keys."""

    document: model.Document
    signature: tuple[int, ...]
    keys: list[int]


def work_of(doc: model.Document, raw: bool) -> Work:
    """What a worker needs of ``doc`` to prepare it."""
    return (doc.text, doc.published_at, doc.content_hash, raw)


def outcomes(works: Sequence[Work]) -> list[Outcome]:
    """Parse each raw article, then hash and sign its body (folded once for both).

    The batch is signed at once: numpy signs twenty releases together in
    half the time it takes to sign them one by one.
    """
    from annotator.core.minhash import signatures_of_folded  # numpy loads with the first import

    firsts = [_parsed(work) for work in works]
    signed = signatures_of_folded([folded for *_, folded in firsts])
    return [
        (parsed, iso, digest, sig, band_keys(sig) if len(sig) == NUM_HASHES else [])
        for (parsed, iso, digest, _), sig in zip(firsts, signed, strict=True)
    ]


def task_outcomes(
    tasks: Sequence[Work | FileWork], options: ReadOptions
) -> list[Outcome | FileOutcome]:
    """:func:`outcomes` of the documents and :func:`read_article` of the files among
    ``tasks``, in order: the unit sent to a worker process."""
    reads: list[tuple[list[Problem], Article | None] | None] = []
    works: list[Work] = []
    for task in tasks:
        if isinstance(task, FileWork):
            got = read_article(task.path, options)
            reads.append(got)
            if got is not None and got[1] is not None:
                works.append((got[1][0], None, "", task.raw))
        else:
            reads.append(None)
            works.append(task)
    done = iter(outcomes(works))
    out: list[Outcome | FileOutcome] = []
    for task, got in zip(tasks, reads, strict=True):
        if not isinstance(task, FileWork):
            out.append(next(done))
        elif got is None:
            out.append(None)
        else:
            out.append((got[0], got[1], next(done) if got[1] is not None else None))
    return out


def read_article(path: Path, options: ReadOptions) -> tuple[list[Problem], Article | None] | None:
    """The problems and the article of a small plain-text file; None for any other file,
    and for one that fails to read (the writer reads it again and names what is wrong)."""
    try:
        reader, data = detect(path)
        if reader is not plaintext.READER or data is None:
            return None
        items = list(reader.read_data(path, data, options))
    except Exception:
        return None
    problems = [item for item in items if isinstance(item, Problem)]
    docs = [item.document for item in items if isinstance(item, Record)]
    return problems, (docs[0].text, docs[0].title, docs[0].meta) if docs else None


def _parsed(work: Work) -> tuple[Parsed | None, str | None, str, str]:
    """The parsed release (if asked for), the date as ISO, the hash and the folded body."""
    text, published, digest, raw = work
    parsed: Parsed | None = None
    if raw:
        p = parse_release(text)
        body = p.body if p.changed else None
        parsed = (body, p.place, p.agency, p.published_at, p.title, p.meta, p.changed)
        text = p.body
    folded = fold(text)
    digest = digest or content_hash(text, folded)
    iso = parse_date(published) if raw and published else None
    return parsed, iso, digest, folded


def applied(doc: model.Document, result: Outcome) -> Prepared:
    """``doc`` as it is stored: clean body, what the release says, hash and signature."""
    parsed, iso, digest, sig, keys = result
    if parsed is not None:
        body, place, agency, published_at, title, meta, changed = parsed
        published = iso or doc.published_at
        if changed or meta or place is not None or published != doc.published_at:
            cleaned = _as_stored(
                doc,
                text=doc.text if body is None else body,
                original_text=doc.text if changed else doc.original_text,
                title=title or doc.title,
                place=doc.place or place,
                agency=doc.agency or agency,
                published_at=published or published_at,
                meta={**doc.meta, **meta},
                content_hash=digest,
            )
            return Prepared(cleaned, sig, keys)
    if digest == doc.content_hash:
        return Prepared(doc, sig, keys)
    stored = _as_stored(
        doc, doc.text, doc.original_text, doc.title, doc.place, doc.agency, doc.published_at,
        doc.meta, digest,
    )  # fmt: skip
    return Prepared(stored, sig, keys)


def _as_stored(
    doc: model.Document,
    text: str,
    original_text: str | None,
    title: str,
    place: str | None,
    agency: str | None,
    published_at: str | None,
    meta: dict[str, Any],
    content_hash: str,
) -> model.Document:
    """``doc`` with what import sets, every field given in order (half the time of
    ``dataclasses.replace``, which looks each one up by name)."""
    return model.Document(
        text, title, doc.external_id, doc.source, agency, place, published_at, doc.url, meta,
        doc.status, doc.spans, doc.events, doc.relations, doc.notes, doc.suggestions,
        original_text, content_hash, doc.annotator, doc.id,
    )  # fmt: skip


def prepare_many(items: Sequence[tuple[model.Document, bool]]) -> list[Prepared]:
    """Each document as it is stored (parsed as a release where its flag says so),
    prepared in this process."""
    done = outcomes([work_of(doc, raw) for doc, raw in items])
    return [applied(doc, result) for (doc, _), result in zip(items, done, strict=True)]
