"""Counting queries for the statistics view: one GROUP BY each, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, distinct, func, select

from annotator.core.model import Origin
from annotator.store import tables as t

D, S, L, EV, ARG = t.DOCUMENTS.c, t.SPANS.c, t.LABELS.c, t.EVENTS.c, t.ARGUMENTS.c


def _pairs(conn: Connection, query: Any) -> dict[str, int]:
    return {str(key): int(n) for key, n in conn.execute(query)}


def events_by_type(conn: Connection, project_id: int) -> dict[str, int]:
    """Event type -> number of events."""
    q = (
        select(L.name, func.count())
        .select_from(t.EVENTS.join(t.LABELS, L.id == EV.label_id))
        .where(L.project_id == project_id)
        .group_by(L.name)
        .order_by(L.name)
    )
    return _pairs(conn, q)


def arguments_by_type_and_role(conn: Connection, project_id: int) -> dict[str, dict[str, int]]:
    """Event type -> role -> number of arguments filling it."""
    q = (
        select(L.name, ARG.role, func.count())
        .select_from(
            t.ARGUMENTS.join(t.EVENTS, EV.id == ARG.event_id).join(t.LABELS, L.id == EV.label_id)
        )
        .where(L.project_id == project_id)
        .group_by(L.name, ARG.role)
        .order_by(L.name, ARG.role)
    )
    out: dict[str, dict[str, int]] = {}
    for kind, role, n in conn.execute(q):
        out.setdefault(kind, {})[role] = int(n)
    return out


def annotated_per_day(conn: Connection, project_id: int) -> dict[str, int]:
    """UTC day (``YYYY-MM-DD``) -> documents with a span a person added or changed that day.

    A span's ``updated_at`` is when it was last added, relabelled or resized;
    imported spans are left out. A document worked on over three days counts
    on each of them (on the day of each span's latest change).
    """
    day = func.date(S.updated_at)
    q = (
        select(day, func.count(distinct(S.document_id)))
        .select_from(t.SPANS.join(t.DOCUMENTS, D.id == S.document_id))
        .where(D.project_id == project_id, S.origin != Origin.IMPORTED.value)
        .group_by(day)
        .order_by(day)
    )
    return _pairs(conn, q)
