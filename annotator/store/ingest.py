"""Bulk insertion of imported documents with their annotations.

One call is one transaction over a batch: documents whose content hash the
project already holds are skipped, and nothing else in the database changes.
Rows go in as tuples through :mod:`annotator.store.bulk` (straight to the
driver on SQLite); entity spans are learnt by the knowledge base before they
are inserted, so they are stored already linked; notes go on the stored span
or event whose key they name; SQLite's full-text index is written once a batch.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import Connection, insert, select

from annotator.core import model
from annotator.store import kb
from annotator.store import tables as t
from annotator.store.bulk import Row, insert_returning_ids, insert_rows

LabelIds = dict[tuple[str, str], int]
Keys = dict[tuple[int, str], int]  # (document id, key in the document) -> stored id
_CHUNK = 500
ENTITY, EVENT = model.LabelKind.ENTITY.value, model.LabelKind.EVENT.value
_ORIGIN = {origin: origin.value for origin in model.Origin}
_STATUS = {status: status.value for status in model.Status}


@dataclass(frozen=True, slots=True)
class Annotated:
    """A document to insert, with who imported it."""

    document: model.Document
    annotator_id: int | None = None


_STORED_HASHES = (
    "SELECT content_hash FROM document WHERE project_id = ? "
    "AND content_hash IN (SELECT value FROM json_each(?))"
)


def existing_hashes(conn: Connection, project_id: int, hashes: Sequence[str]) -> set[str]:
    """Which of ``hashes`` the project already holds.

    On SQLite the hashes go as one JSON array: an ``IN`` list of 500 bound
    values cost SQLAlchemy more than SQLite took to look them up.
    """
    if conn.dialect.name == "sqlite":
        listed = orjson.dumps(hashes).decode()
        return set(conn.exec_driver_sql(_STORED_HASHES, (project_id, listed)).scalars())
    found: set[str] = set()
    col = t.DOCUMENTS.c
    for i in range(0, len(hashes), _CHUNK):
        chunk = hashes[i : i + _CHUNK]
        q = select(col.content_hash).where(
            col.project_id == project_id, col.content_hash.in_(chunk)
        )
        found.update(conn.execute(q).scalars())
    return found


def label_ids(conn: Connection, project_id: int) -> LabelIds:
    """``(name, kind) -> id`` for every label of the project."""
    col = t.LABELS.c
    q = select(col.name, col.kind, col.id).where(col.project_id == project_id)
    return {(name, kind): id_ for name, kind, id_ in conn.execute(q)}


def index_for_search(conn: Connection, ids: Sequence[int]) -> None:
    """Add new documents to SQLite's full-text index, in one statement.

    Once a batch is twice as fast as a trigger a row (migration 0005). On
    PostgreSQL the GIN expression index keeps itself up to date.
    """
    if ids and conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            "INSERT INTO document_fts(rowid, title, text) SELECT id, title, text "
            "FROM document WHERE id IN (SELECT value FROM json_each(?))",
            (orjson.dumps(list(ids)).decode(),),
        )


DOC_COLUMNS = (
    "project_id", "external_id", "title", "text", "original_text", "source", "agency",
    "place", "published_at", "url", "meta", "content_hash", "status", "annotator_id",
)  # fmt: skip
SPAN_COLUMNS = ("document_id", "start", "end", "label_id", "origin", "annotator_id", "entity_id")
SpanRow = tuple[int, int, int, int, str, int | None, int | None]


def _doc_row(project_id: int, doc: model.Document, who: int | None) -> Row:
    """A document's values in the order of ``DOC_COLUMNS``."""
    return (
        project_id, doc.external_id, doc.title, doc.text, doc.original_text, doc.source,
        doc.agency, doc.place, doc.published_at, doc.url, doc.meta, doc.content_hash,
        _STATUS[doc.status], who,
    )  # fmt: skip


def insert_batch(
    conn: Connection,
    project_id: int,
    batch: Sequence[Annotated],
    labels: LabelIds,
    own: set[str] | None = None,
    learn: bool = False,
) -> list[int | None]:
    """Insert the documents of ``batch`` the project does not hold yet.

    Returns the new id of each, ``None`` for one skipped because its content
    hash was already stored. Hashes in ``own`` (stored earlier by the same
    import run) do not count: a corpus that repeats a sentence keeps both.
    ``own`` grows by the hashes inserted. With ``learn``, the knowledge base
    learns the entity spans and they are stored linked to what it learnt.
    """
    now = datetime.now(UTC)
    own = set() if own is None else own
    seen = existing_hashes(conn, project_id, [a.document.content_hash for a in batch]) - own
    fresh = [i for i, item in enumerate(batch) if item.document.content_hash not in seen]
    own.update(batch[i].document.content_hash for i in fresh)
    result: list[int | None] = [None] * len(batch)
    if not fresh:
        return result
    rows = [_doc_row(project_id, batch[i].document, batch[i].annotator_id) for i in fresh]
    stamped = {"created_at": now, "updated_at": now}
    ids = insert_returning_ids(conn, t.DOCUMENTS, DOC_COLUMNS, rows, stamped)
    index_for_search(conn, ids)
    for i, doc_id in zip(fresh, ids, strict=True):
        result[i] = doc_id
    inserted = [(ids[n], batch[i]) for n, i in enumerate(fresh)]
    _insert_annotations(conn, project_id if learn else None, inserted, labels, now)
    return result


def _insert_annotations(
    conn: Connection,
    learn_for: int | None,
    docs: list[tuple[int, Annotated]],
    labels: LabelIds,
    now: datetime,
) -> None:
    """Spans (learnt by the KB of project ``learn_for``, if any), then events, relations
    and notes."""
    linked = [(d, a) for d, a in docs if a.document.spans]
    noted = [(d, a) for d, a in docs if a.document.notes]
    if not linked and not noted:
        return
    keys = _insert_spans(conn, learn_for, linked, labels, now) if linked else {}
    events = _insert_links(conn, linked, keys, labels, now) if keys else {}
    if noted:
        _insert_notes(conn, noted, keys, events, now)


def _insert_spans(
    conn: Connection,
    learn_for: int | None,
    linked: list[tuple[int, Annotated]],
    labels: LabelIds,
    now: datetime,
) -> Keys:
    """Insert the spans of ``linked``; their new ids by ``(document id, span key)`` when
    events, relations or notes point at them, else none (a plain insert is faster)."""
    entity_ids = {name: i for (name, kind), i in labels.items() if kind == ENTITY}
    rows = [row for doc_id, item in linked for row in _span_rows(doc_id, item, labels, entity_ids)]
    if learn_for is not None:
        texts = {doc_id: item.document.text for doc_id, item in linked}
        rows = _learn(conn, learn_for, rows, texts, labels)
    stamped = {"created_at": now, "updated_at": now}
    if not any(_points_at_spans(a.document) for _, a in linked):
        insert_rows(conn, t.SPANS, SPAN_COLUMNS, rows, stamped)
        return {}
    span_ids = insert_returning_ids(conn, t.SPANS, SPAN_COLUMNS, rows, stamped)
    owners = [(doc_id, span.key) for doc_id, item in linked for span in item.document.spans]
    return dict(zip(owners, span_ids, strict=True))


def _points_at_spans(doc: model.Document) -> bool:
    """Whether anything of ``doc`` besides its spans names one of them."""
    return bool(doc.events or doc.relations or any(note.span for note in doc.notes))


def _span_rows(
    doc_id: int, item: Annotated, labels: LabelIds, entity_ids: Mapping[str, int]
) -> list[SpanRow]:
    """A document's spans as rows in the order of ``SPAN_COLUMNS``; event triggers take
    the event label of their name when there is one (``entity_ids``: entity labels by name)."""
    doc, who = item.document, item.annotator_id
    if not doc.events:  # most documents: entity spans only
        return [
            (doc_id, s.start, s.end, entity_ids[s.label], _ORIGIN[s.origin], who,
             s.entity.id if s.entity else None)
            for s in doc.spans
        ]  # fmt: skip
    triggers = {e.trigger for e in doc.events}
    rows = []
    for s in doc.spans:
        label_id = labels.get((s.label, EVENT)) if s.key in triggers else None
        entity = s.entity.id if s.entity else None
        label_id = label_id or entity_ids[s.label]
        rows.append((doc_id, s.start, s.end, label_id, _ORIGIN[s.origin], who, entity))
    return rows


def _learn(
    conn: Connection,
    project_id: int,
    rows: list[SpanRow],
    texts: Mapping[int, str],
    labels: LabelIds,
) -> list[SpanRow]:
    """``rows`` with each entity span linked to what the KB learnt from it.

    Linking before the insert spares updating every span row after it.
    """
    names = {i: name for (name, kind), i in labels.items() if kind == ENTITY}
    picked = [row for row in rows if row[3] in names]
    seen = [(texts[d][s:e], names[label]) for d, s, e, label, _, _, _ in picked]
    learnt = kb.learn_seen(conn, project_id, seen)
    if len(picked) == len(rows):  # the usual batch: entity spans only
        return [
            (d, s, e, lb, o, w, i) for (d, s, e, lb, o, w, _), i in zip(rows, learnt, strict=True)
        ]
    linked = iter(learnt)
    return [(*row[:6], next(linked)) if row[3] in names else row for row in rows]


def _insert_links(
    conn: Connection,
    docs: list[tuple[int, Annotated]],
    keys: Keys,
    labels: LabelIds,
    now: datetime,
) -> Keys:
    """Events with their arguments, then relations; the events' new ids by
    ``(document id, event key)``."""
    event_ids = _insert_events(conn, docs, keys, labels, now)
    _insert_relations(conn, docs, keys, labels, now)
    return event_ids


def _insert_relations(
    conn: Connection,
    docs: list[tuple[int, Annotated]],
    keys: Keys,
    labels: LabelIds,
    now: datetime,
) -> None:
    rel_rows: list[dict[str, Any]] = []
    for doc_id, item in docs:
        for rel in item.document.relations:
            rel_rows.append(
                {
                    "document_id": doc_id,
                    "head_span_id": keys[(doc_id, rel.head)],
                    "tail_span_id": keys[(doc_id, rel.tail)],
                    "label_id": labels[(rel.label, model.LabelKind.RELATION.value)],
                    "annotator_id": item.annotator_id,
                    "created_at": now,
                }
            )
    if rel_rows:
        conn.execute(insert(t.RELATIONS), rel_rows)


def _insert_events(
    conn: Connection,
    docs: list[tuple[int, Annotated]],
    keys: Keys,
    labels: LabelIds,
    now: datetime,
) -> Keys:
    event_ids: Keys = {}
    for doc_id, item in docs:
        for event in item.document.events:
            row = {
                "document_id": doc_id,
                "trigger_span_id": keys[(doc_id, event.trigger)],
                "label_id": labels[(event.type, model.LabelKind.EVENT.value)],
                "annotator_id": item.annotator_id,
                "created_at": now,
            }
            event_id = conn.execute(insert(t.EVENTS).returning(t.EVENTS.c.id), row).scalar_one()
            event_ids[(doc_id, event.key)] = event_id
            args = [
                {
                    "event_id": event_id,
                    "span_id": keys[(doc_id, a.span)],
                    "role": a.role,
                    "position": n,
                }
                for n, a in enumerate(event.arguments)
            ]
            if args:
                conn.execute(insert(t.ARGUMENTS), args)
    return event_ids


NOTE_COLUMNS = ("document_id", "span_id", "event_id", "text", "annotator_id")


def _insert_notes(
    conn: Connection,
    docs: list[tuple[int, Annotated]],
    spans: Keys,
    events: Keys,
    now: datetime,
) -> None:
    """The notes of ``docs``, on the stored span or event whose key they name; a key the
    document does not hold (a brat note on an event its reader dropped) leaves the note
    on the document, as one naming neither is."""
    rows = [
        (
            doc_id,
            spans.get((doc_id, note.span)) if note.span else None,
            events.get((doc_id, note.event)) if note.event else None,
            note.text,
            item.annotator_id,
        )
        for doc_id, item in docs
        for note in item.document.notes
    ]
    insert_rows(conn, t.NOTES, NOTE_COLUMNS, rows, {"created_at": now})
