"""Turning a read record into the document that is stored (DESIGN §6).

Raw articles go through the press-release parser (datelines, dates and
boilerplate into metadata; the original text kept beside the clean body);
every document gets its content hash and near-duplicate signature. This is
the CPU-heavy part of an import, so :mod:`annotator.services.pipeline` can
run it in worker processes: everything here is picklable and Qt-free.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core import model
from annotator.core.dates import parse_date
from annotator.core.neardup import signature
from annotator.core.pressrelease import parse_release
from annotator.core.textio import content_hash


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document ready to store, with its near-duplicate signature."""

    document: model.Document
    signature: tuple[int, ...]


def prepare_raw(doc: model.Document) -> model.Document:
    """The document with a clean body and what the release says about itself."""
    parsed = parse_release(doc.text)
    published = doc.published_at
    if published:
        published = parse_date(published) or published
    unchanged = not parsed.changed and not parsed.meta and parsed.place is None
    if unchanged and published == doc.published_at:
        return doc
    return dataclasses.replace(
        doc,
        text=parsed.body,
        original_text=doc.text if parsed.changed else doc.original_text,
        title=parsed.title or doc.title,
        place=doc.place or parsed.place,
        agency=doc.agency or parsed.agency,
        published_at=published or parsed.published_at,
        meta={**doc.meta, **parsed.meta},
    )


def prepare(doc: model.Document, raw: bool) -> Prepared:
    """Parse a raw article (``raw``), then hash and sign it."""
    if raw:
        doc = prepare_raw(doc)
    if not doc.content_hash:
        doc = dataclasses.replace(doc, content_hash=content_hash(doc.text))
    return Prepared(doc, signature(doc.text))


def prepare_many(items: Sequence[tuple[model.Document, bool]]) -> list[Prepared]:
    """:func:`prepare` over a batch (the unit sent to a worker process)."""
    return [prepare(doc, raw) for doc, raw in items]
