"""Many rows into one table at once, as fast as the database driver allows.

Rows are tuples in the order of a column list, plus ``constants`` that are
the same in every row (a batch's timestamps). On SQLite they go straight to
the sqlite3 driver as multi-row ``INSERT`` statements (executemany was 40%
slower for 200,000 spans), each value written exactly as SQLAlchemy's types
would write it (dates as text, JSON through orjson): SQLAlchemy would process
every value of every row, which halved the speed of a large import. On
PostgreSQL they go through SQLAlchemy Core (insertmanyvalues).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from itertools import chain, repeat
from operator import add
from typing import Any

import orjson
from sqlalchemy import Connection, Table, insert

Row = tuple[Any, ...]
_MAX_VARIABLES = 30_000  # below SQLite's limit of bound variables in one statement


def driver_value(value: Any) -> Any:
    """A value as SQLAlchemy's SQLite types write it: dates as text, dicts and lists as JSON."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dict | list):
        return orjson.dumps(value).decode()
    return value


def driver_params(rows: Sequence[Row], constants: Mapping[str, Any]) -> list[Row]:
    """``rows``, then ``constants``, as the sqlite3 driver takes them.

    Columns whose first value needs converting (:func:`driver_value`) are
    converted in every row; the constants are converted once and appended in C.
    """
    params = list(rows)
    first = params[0]
    special = [n for n, value in enumerate(first) if driver_value(value) is not value]
    if special:
        for i, values in enumerate(params):
            fixed = list(values)
            for n in special:
                fixed[n] = driver_value(fixed[n])
            params[i] = tuple(fixed)
    if constants:
        tail = tuple(driver_value(v) for v in constants.values())
        params = list(map(add, params, repeat(tail)))
    return params


def insert_sql(table: Table, columns: Sequence[str], count: int = 1) -> str:
    """``INSERT`` of ``count`` rows of ``columns`` with ``?`` placeholders."""
    names = ", ".join(f'"{c}"' for c in columns)
    one = f"({', '.join('?' * len(columns))})"
    return f"INSERT INTO {table.name} ({names}) VALUES {', '.join([one] * count)}"


def _as_dicts(
    columns: Sequence[str], rows: Sequence[Row], constants: Mapping[str, Any]
) -> list[dict[str, Any]]:
    return [{**dict(zip(columns, row, strict=True)), **constants} for row in rows]


def insert_rows(
    conn: Connection,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[Row],
    constants: Mapping[str, Any] | None = None,
) -> None:
    """Insert ``rows`` (values in the order of ``columns``), each with ``constants``."""
    if not rows:
        return
    constants = constants or {}
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), _as_dicts(columns, rows, constants))
        return
    params = driver_params(rows, constants)
    names = [*columns, *constants]
    step = max(1, _MAX_VARIABLES // len(names))
    for i in range(0, len(params), step):
        chunk = params[i : i + step]
        sql = insert_sql(table, names, len(chunk))
        conn.exec_driver_sql(sql, tuple(chain.from_iterable(chunk)))


def insert_returning_ids(
    conn: Connection,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[Row],
    constants: Mapping[str, Any] | None = None,
) -> list[int]:
    """:func:`insert_rows`, returning the new ids in the order of ``rows``.

    PostgreSQL returns ids in parameter order when asked. On SQLite the rows
    go as multi-row ``INSERT ... RETURNING`` statements, whose ids come back
    sorted: one writer assigns rowids in ascending VALUES order.
    """
    if not rows:
        return []
    constants = constants or {}
    if conn.dialect.name != "sqlite":
        stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return list(conn.execute(stmt, _as_dicts(columns, rows, constants)).scalars())
    params = driver_params(rows, constants)
    width = len(columns) + len(constants)
    step = max(1, _MAX_VARIABLES // width)
    ids: list[int] = []
    for i in range(0, len(params), step):
        chunk = params[i : i + step]
        sql = insert_sql(table, [*columns, *constants], len(chunk)) + " RETURNING id"
        flat = tuple(chain.from_iterable(chunk))
        ids += sorted(row[0] for row in conn.exec_driver_sql(sql, flat))
    return ids
