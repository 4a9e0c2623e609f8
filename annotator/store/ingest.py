"""Bulk insertion of imported documents with their annotations.

One call is one transaction over a batch: documents whose content hash the
project already holds are skipped, and nothing else in the database changes.
Rows go in through SQLAlchemy Core ``executemany`` (insertmanyvalues), which
keeps the import within a small factor of raw driver speed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import Connection, Table, insert, select

from annotator.core import model
from annotator.store import tables as t

LabelIds = dict[tuple[str, str], int]
_CHUNK = 500
ENTITY, EVENT = model.LabelKind.ENTITY.value, model.LabelKind.EVENT.value


@dataclass(frozen=True, slots=True)
class Annotated:
    """A document to insert, with who imported it."""

    document: model.Document
    annotator_id: int | None = None


def existing_hashes(conn: Connection, project_id: int, hashes: Sequence[str]) -> set[str]:
    """Which of ``hashes`` the project already holds."""
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


def _driver_rows(rows: list[dict[str, Any]], columns: list[str]) -> list[tuple[Any, ...]]:
    """``rows`` as the sqlite3 driver takes them, each value as SQLAlchemy would write it.

    Dates in the exact form SQLAlchemy's SQLite DateTime type writes; dicts
    and lists as JSON through orjson, as the engine's JSON serializer does.
    """
    first = rows[0]
    dated = [n for n, c in enumerate(columns) if isinstance(first[c], datetime)]
    json_cols = [n for n, c in enumerate(columns) if isinstance(first[c], dict | list)]
    stamps: dict[datetime, str] = {}

    def stamp(value: datetime) -> str:
        if value not in stamps:
            stamps[value] = value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        return stamps[value]

    if not dated and not json_cols:
        return [tuple(row[c] for c in columns) for row in rows]
    params = []
    for row in rows:
        values = [row[c] for c in columns]
        for n in dated:
            values[n] = stamp(values[n])
        for n in json_cols:
            values[n] = orjson.dumps(values[n]).decode()
        params.append(tuple(values))
    return params


def _insert_sql(table: Table, columns: list[str], count: int = 1) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    one = f"({', '.join('?' * len(columns))})"
    return f"INSERT INTO {table.name} ({names}) VALUES {', '.join([one] * count)}"


def bulk_insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """``executemany`` of ``rows`` (all with the same keys, and non-null JSON values).

    On SQLite the rows go straight to the driver, which halves the time of a
    large import: SQLAlchemy would process every value of every row.
    """
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), rows)
        return
    columns = list(rows[0])
    conn.exec_driver_sql(_insert_sql(table, columns), _driver_rows(rows, columns))


def _insert_returning_ids(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` in batches; their new ids, in the order of ``rows``.

    PostgreSQL returns ids in parameter order when asked. On SQLite the rows
    go to the driver as multi-row ``INSERT ... RETURNING`` statements, whose
    ids come back sorted: one writer assigns rowids in ascending VALUES order.
    """
    if conn.dialect.name != "sqlite":
        stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return list(conn.execute(stmt, rows).scalars())
    columns = list(rows[0])
    params = _driver_rows(rows, columns)
    step = max(1, 30_000 // len(columns))  # below SQLite's limit of bound variables
    ids: list[int] = []
    for i in range(0, len(params), step):
        chunk = params[i : i + step]
        sql = _insert_sql(table, columns, len(chunk)) + " RETURNING id"
        flat = [value for row in chunk for value in row]
        ids += sorted(row[0] for row in conn.exec_driver_sql(sql, tuple(flat)))
    return ids


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


def _doc_row(
    project_id: int, doc: model.Document, who: int | None, now: datetime
) -> dict[str, Any]:
    return {
        "project_id": project_id,
        "external_id": doc.external_id,
        "title": doc.title,
        "text": doc.text,
        "original_text": doc.original_text,
        "source": doc.source,
        "agency": doc.agency,
        "place": doc.place,
        "published_at": doc.published_at,
        "url": doc.url,
        "meta": doc.meta,
        "content_hash": doc.content_hash,
        "status": doc.status.value,
        "annotator_id": who,
        "created_at": now,
        "updated_at": now,
    }


def insert_batch(
    conn: Connection,
    project_id: int,
    batch: Sequence[Annotated],
    labels: LabelIds,
    own: set[str] | None = None,
) -> list[int | None]:
    """Insert the documents of ``batch`` the project does not hold yet.

    Returns the new id of each, ``None`` for one skipped because its content
    hash was already stored. Hashes in ``own`` (stored earlier by the same
    import run) do not count: a corpus that repeats a sentence keeps both.
    ``own`` grows by the hashes inserted.
    """
    now = datetime.now(UTC)
    own = set() if own is None else own
    seen = existing_hashes(conn, project_id, [a.document.content_hash for a in batch]) - own
    fresh = [i for i, item in enumerate(batch) if item.document.content_hash not in seen]
    own.update(batch[i].document.content_hash for i in fresh)
    result: list[int | None] = [None] * len(batch)
    if not fresh:
        return result
    rows = [_doc_row(project_id, batch[i].document, batch[i].annotator_id, now) for i in fresh]
    ids = _insert_returning_ids(conn, t.DOCUMENTS, rows)
    index_for_search(conn, ids)
    for i, doc_id in zip(fresh, ids, strict=True):
        result[i] = doc_id
    _insert_annotations(conn, [(ids[n], batch[i]) for n, i in enumerate(fresh)], labels, now)
    return result


def _insert_annotations(
    conn: Connection, docs: list[tuple[int, Annotated]], labels: LabelIds, now: datetime
) -> None:
    linked = [(d, a) for d, a in docs if a.document.spans]
    if not linked:
        return
    span_rows: list[dict[str, Any]] = []
    owners: list[tuple[int, Annotated, str]] = []
    for doc_id, item in linked:
        triggers = {e.trigger for e in item.document.events}
        for span in item.document.spans:
            kind = EVENT if span.key in triggers else ENTITY
            span_rows.append(
                {
                    "document_id": doc_id,
                    "start": span.start,
                    "end": span.end,
                    "label_id": labels.get((span.label, kind)) or labels[(span.label, ENTITY)],
                    "origin": span.origin.value,
                    "annotator_id": item.annotator_id,
                    "entity_id": span.entity.id if span.entity else None,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            owners.append((doc_id, item, span.key))
    needs_ids = any(a.document.events or a.document.relations for _, a in linked)
    if not needs_ids:
        bulk_insert(conn, t.SPANS, span_rows)
        return
    span_ids = _insert_returning_ids(conn, t.SPANS, span_rows)
    keys: dict[tuple[int, str], int] = {
        (doc_id, key): sid for (doc_id, _, key), sid in zip(owners, span_ids, strict=True)
    }
    _insert_links(conn, linked, keys, labels, now)


def _insert_links(
    conn: Connection,
    docs: list[tuple[int, Annotated]],
    keys: dict[tuple[int, str], int],
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
        for event in item.document.events:
            row = {
                "document_id": doc_id,
                "trigger_span_id": keys[(doc_id, event.trigger)],
                "label_id": labels[(event.type, model.LabelKind.EVENT.value)],
                "annotator_id": item.annotator_id,
                "created_at": now,
            }
            event_id = conn.execute(insert(t.EVENTS).returning(t.EVENTS.c.id), row).scalar_one()
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
    if rel_rows:
        conn.execute(insert(t.RELATIONS), rel_rows)
