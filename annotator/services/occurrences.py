"""Other unlabelled occurrences of a span's text, in its document or in the project.

The project search never reads every document: the full-text index names the
documents that may hold the words (``store.browse.mentioning``), and only
those are verified with :func:`~annotator.core.mentions.occurrences`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from sqlalchemy import Connection, select

from annotator.core.mentions import occurrences
from annotator.core.model import Document
from annotator.store import browse
from annotator.store import tables as t

D, S = t.DOCUMENTS.c, t.SPANS.c
Found = list[tuple[int, int, int]]
"""``(document, start, end)`` of each occurrence."""
CHUNK = 200


def unlabelled(text: str, spans: Iterable[tuple[int, int]], surface: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every occurrence of ``surface`` in ``text`` overlapping no span."""
    taken = list(spans)
    return [
        (s, e)
        for s, e in occurrences(text, surface)
        if not any(s < se and ss < e for ss, se in taken)
    ]


def in_document(doc: Document, start: int, end: int) -> Found:
    """The occurrences of ``doc.text[start:end]`` in ``doc`` as loaded (no database read)."""
    if doc.id is None:
        return []
    spans = [(s.start, s.end) for s in doc.spans]
    return [(doc.id, s, e) for s, e in unlabelled(doc.text, spans, doc.text[start:end])]


def search(
    conn: Connection,
    project_id: int,
    surface: str,
    within: Sequence[int] | None = None,
    stop: Callable[[], bool] | None = None,
) -> Found:
    """Occurrences of ``surface`` in the project's documents (or those ``within``), by id.

    ``stop`` is asked between chunks of documents; when it says yes, the
    search ends early with what it found so far.
    """
    q = select(D.id).where(D.project_id == project_id)
    if within is not None:
        q = q.where(D.id.in_(list(within)))
    else:
        narrow = browse.mentioning(conn, surface)
        q = q if narrow is None else q.where(narrow)
    ids = list(conn.execute(q.order_by(D.id)).scalars())
    found: Found = []
    for i in range(0, len(ids), CHUNK):
        if stop is not None and stop():
            break
        chunk = ids[i : i + CHUNK]
        texts = dict(conn.execute(select(D.id, D.text).where(D.id.in_(chunk))).all())
        taken: dict[int, list[tuple[int, int]]] = {d: [] for d in chunk}
        rows = conn.execute(select(S.document_id, S.start, S.end).where(S.document_id.in_(chunk)))
        for doc, s, e in rows:
            taken[doc].append((s, e))
        for doc in chunk:
            found += [(doc, s, e) for s, e in unlabelled(texts[doc], taken[doc], surface)]
    return found
