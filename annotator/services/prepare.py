"""Turning a raw article into the document people annotate (DESIGN §6).

The press-release parser takes datelines, dates and boilerplate out into
metadata; the original text is kept beside the clean body.
"""

from __future__ import annotations

import dataclasses

from annotator.core import model
from annotator.core.dates import parse_date
from annotator.core.pressrelease import parse_release


def prepare_raw(doc: model.Document) -> model.Document:
    """The document with a clean body and what the release says about itself."""
    parsed = parse_release(doc.text)
    published = doc.published_at
    if published:
        published = parse_date(published) or published
    if (
        not parsed.changed
        and not parsed.meta
        and parsed.place is None
        and published == doc.published_at
    ):
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
