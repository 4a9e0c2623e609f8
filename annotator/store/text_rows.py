"""Documents as a spaCy export reads them: text, external id and span triples.

A DocBin needs none of a document's other fields, nor its span ids, origins
or annotators, and carries no events, relations or notes, which it only
counts. So it reads two narrow queries a chunk (and three counts) instead of
the whole documents :mod:`annotator.store.loading` assembles: 35-39 µs a
document of 20 spans against 68-71, and about 34 since it names the labels
in Python instead of joining the label table.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, func, select

from annotator.core.formats.nativerecord import TextRow
from annotator.store import tables as t
from annotator.store.loading import CHUNK, ChunkQuery, Grouped

D, S, L = t.DOCUMENTS.c, t.SPANS.c, t.LABELS.c
EV, R, N = t.EVENTS.c, t.RELATIONS.c, t.NOTES.c

_TEXTS = ChunkQuery(lambda ids: select(D.id, D.text, D.external_id).where(ids(D.id)))
_SPANS = ChunkQuery(  # a span's start, end, label id, entity and id, by document (its
    # label's name is looked up in Python: a join with the labels cost ~3 µs a document)
    lambda ids: (
        select(S.document_id, S.start, S.end, S.label_id, S.entity_id, S.id)
        .where(ids(S.document_id))
        .order_by(S.document_id, S.start)
    )
)


def _counted(column: Any) -> ChunkQuery:
    """How many rows each document has, by its id ``column``."""
    return ChunkQuery(lambda ids: select(column, func.count()).where(ids(column)).group_by(column))


_COUNTS = (  # what a spaCy export counts as dropped, in the order it reports them
    ("events", _counted(EV.document_id)),
    ("relations", _counted(R.document_id)),
    ("notes", _counted(N.document_id)),
)


def stream_text_rows(conn: Connection, ids: Sequence[int]) -> Iterator[TextRow]:
    """A :class:`TextRow` for each of ``ids`` that exists, in the order given, chunk by
    chunk; spans in the order the store's loader gives them."""
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
        texts = {row[0]: row for row in _TEXTS.rows(conn, chunk)}
        spans = _spans(conn, chunk)
        names: dict[int, str] = dict(conn.execute(select(L.id, L.name)).all())  # after the
        # spans: every label they name (a teammate may add one while a long export reads)
        counts = {what: dict(query.rows(conn, chunk)) for what, query in _COUNTS}
        held = any(counts.values())  # what the chunk's documents hold besides spans
        for doc_id in chunk:
            found = texts.get(doc_id)
            if found is None:
                continue
            rows = spans.get(doc_id, [])
            links = len(rows) - list(map(itemgetter(4), rows)).count(None)
            uncarried = _uncarried(doc_id, links, counts) if held else _links(links)
            triples = [(start, end, names[label]) for _, start, end, label, _, _ in rows]
            yield TextRow(found[1], found[2], triples, uncarried)


def _spans(conn: Connection, ids: Sequence[int]) -> Grouped:
    """Span rows by document: by start, then longest first, then id (as the loader)."""
    grouped: Grouped = {}
    for doc_id, group in groupby(_SPANS.rows(conn, ids), itemgetter(0)):
        rows = list(group)
        if len({row[1] for row in rows}) < len(rows):
            rows.sort(key=_tie_order)
        grouped[doc_id] = rows
    return grouped


def _tie_order(row: Any) -> tuple[int, int, int]:
    return row[1], -row[2], row[5]


def _uncarried(
    doc_id: int, links: int, counts: dict[str, dict[int, int]]
) -> tuple[tuple[str, int], ...]:
    """How many events, relations, entity links and notes the document holds (those it
    holds), in the order ``drop_unsupported`` counts them."""
    events, relations, notes = (counts[what].get(doc_id, 0) for what, _ in _COUNTS)
    found = (("events", events), ("relations", relations), ("entity links", links))
    return tuple((what, n) for what, n in (*found, ("notes", notes)) if n)


def _links(links: int) -> tuple[tuple[str, int], ...]:
    return (("entity links", links),) if links else ()
