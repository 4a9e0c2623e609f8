"""Bulk insertion of imported documents with their annotations.

One call is one transaction over a batch: documents whose content hash the
project already holds are skipped, and nothing else in the database changes.
Rows go in through SQLAlchemy Core ``executemany`` (insertmanyvalues), which
keeps the import within a small factor of raw driver speed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import repeat
from operator import add, itemgetter
from typing import Any

import orjson
from sqlalchemy import Connection, Table, insert, select

from annotator.core import model
from annotator.store import kb
from annotator.store import tables as t

LabelIds = dict[tuple[str, str], int]
_CHUNK = 500
ENTITY, EVENT = model.LabelKind.ENTITY.value, model.LabelKind.EVENT.value
_ORIGIN = {origin: origin.value for origin in model.Origin}
_STATUS = {status: status.value for status in model.Status}


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


def _driver_value(value: Any) -> Any:
    """A value as SQLAlchemy's SQLite types write it: dates as text, dicts and lists as JSON."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dict | list):
        return orjson.dumps(value).decode()
    return value


def _driver_rows(
    rows: list[dict[str, Any]], columns: list[str], constants: Mapping[str, Any]
) -> list[tuple[Any, ...]]:
    """``rows`` (then ``constants``, the same in every row) as the sqlite3 driver takes them.

    Values are written as SQLAlchemy would (:func:`_driver_value`): dates and
    JSON are converted in columns whose first value needs it; the other values
    are gathered in C (``itemgetter``), as are the constants added to each row.
    """
    get = itemgetter(*columns)
    params = [(v,) for v in map(get, rows)] if len(columns) == 1 else list(map(get, rows))
    first = rows[0]
    special = [n for n, c in enumerate(columns) if _driver_value(first[c]) is not first[c]]
    if special:
        for i, values in enumerate(params):
            fixed = list(values)
            for n in special:
                fixed[n] = _driver_value(fixed[n])
            params[i] = tuple(fixed)
    if constants:
        tail = tuple(_driver_value(v) for v in constants.values())
        params = list(map(add, params, repeat(tail)))
    return params


def _insert_sql(table: Table, columns: list[str], count: int = 1) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    one = f"({', '.join('?' * len(columns))})"
    return f"INSERT INTO {table.name} ({names}) VALUES {', '.join([one] * count)}"


def bulk_insert(
    conn: Connection,
    table: Table,
    rows: list[dict[str, Any]],
    constants: Mapping[str, Any] | None = None,
) -> None:
    """``executemany`` of ``rows`` (all with the same keys), each with ``constants`` added.

    On SQLite the rows go straight to the driver, which halves the time of a
    large import: SQLAlchemy would process every value of every row.
    """
    if not rows:
        return
    constants = constants or {}
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), [{**row, **constants} for row in rows])
        return
    columns = list(rows[0])
    sql = _insert_sql(table, columns + list(constants))
    conn.exec_driver_sql(sql, _driver_rows(rows, columns, constants))


def _insert_returning_ids(
    conn: Connection,
    table: Table,
    rows: list[dict[str, Any]],
    constants: Mapping[str, Any] | None = None,
) -> list[int]:
    """Insert ``rows`` (with ``constants``) in batches; their new ids, in the order of ``rows``.

    PostgreSQL returns ids in parameter order when asked. On SQLite the rows
    go to the driver as multi-row ``INSERT ... RETURNING`` statements, whose
    ids come back sorted: one writer assigns rowids in ascending VALUES order.
    """
    constants = constants or {}
    if conn.dialect.name != "sqlite":
        stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return list(conn.execute(stmt, [{**row, **constants} for row in rows]).scalars())
    columns = list(rows[0])
    params = _driver_rows(rows, columns, constants)
    width = len(columns) + len(constants)
    step = max(1, 30_000 // width)  # below SQLite's limit of bound variables
    ids: list[int] = []
    for i in range(0, len(params), step):
        chunk = params[i : i + step]
        sql = _insert_sql(table, columns + list(constants), len(chunk)) + " RETURNING id"
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


def _doc_row(project_id: int, doc: model.Document, who: int | None) -> dict[str, Any]:
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
        "status": _STATUS[doc.status],
        "annotator_id": who,
    }


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
    ids = _insert_returning_ids(conn, t.DOCUMENTS, rows, {"created_at": now, "updated_at": now})
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
    """Spans (learnt by the KB of project ``learn_for``, if any), then events and relations."""
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
                    "origin": _ORIGIN[span.origin],
                    "annotator_id": item.annotator_id,
                    "entity_id": span.entity.id if span.entity else None,
                }
            )
            owners.append((doc_id, item, span.key))
    needs_ids = any(a.document.events or a.document.relations for _, a in linked)
    if learn_for is not None:
        texts = {doc_id: item.document.text for doc_id, item in linked}
        kb.learn_rows(conn, learn_for, span_rows, texts, labels)
    stamped = {"created_at": now, "updated_at": now}
    if not needs_ids:
        bulk_insert(conn, t.SPANS, span_rows, stamped)
        return
    span_ids = _insert_returning_ids(conn, t.SPANS, span_rows, stamped)
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
