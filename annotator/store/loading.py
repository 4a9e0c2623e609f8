"""Loading whole documents in chunks: a handful of queries per few hundred documents.

Exports stream the corpus through :func:`stream_documents`, so memory stays
flat whatever the corpus size; the window loads one document the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import chain, groupby, pairwise
from operator import itemgetter
from typing import Any

from sqlalchemy import BindParameter, Connection, bindparam, select
from sqlalchemy.sql.compiler import SQLCompiler

from annotator.core import model
from annotator.core.formats.nativerecord import RowDocument
from annotator.core.spanmaker import make_span as _make_span
from annotator.store import tables as t

D, S, L, A, E = t.DOCUMENTS.c, t.SPANS.c, t.LABELS.c, t.ANNOTATORS.c, t.ENTITIES.c
EV, ARG, R, N, SG = t.EVENTS.c, t.ARGUMENTS.c, t.RELATIONS.c, t.NOTES.c, t.SUGGESTIONS.c
CHUNK = 400
ORIGINS = {o.value: o for o in model.Origin}

Grouped = dict[int, list[Any]]
Filter = Callable[[Any], Any]  # a document-id column -> the chunk's WHERE clause
IDS: BindParameter[Any] = bindparam("ids", expanding=True)
LO: BindParameter[Any] = bindparam("lo")
HI: BindParameter[Any] = bindparam("hi")


class ChunkQuery:
    """One statement in two forms, each compiled once: ids listed, or an id range.

    A chunk of consecutive ids (an export of a whole project) reads by range,
    which spares binding hundreds of parameters; rows of documents outside
    the chunk are never looked up.
    """

    def __init__(self, build: Callable[[Filter], Any]) -> None:
        self.listed = build(lambda column: column.in_(IDS))
        self.ranged = build(lambda column: column.between(LO, HI))
        self._compiled: dict[str, SQLCompiler] = {}

    def run(self, conn: Connection, ids: Sequence[int]) -> Any:
        """The statement's result for the chunk ``ids``."""
        if _dense(ids):
            return conn.execute(self.ranged, {"lo": ids[0], "hi": ids[-1]})
        return conn.execute(self.listed, {"ids": list(ids)})

    def rows(self, conn: Connection, ids: Sequence[int]) -> list[Any]:
        """The statement's rows for the chunk ``ids``, as plain driver tuples.

        Only for statements whose columns need no result processing (numbers
        and strings): a dense chunk skips SQLAlchemy's row objects.
        """
        if not _dense(ids):
            return list(conn.execute(self.listed, {"ids": list(ids)}).all())
        compiled = self._compiled.get(conn.dialect.name)
        if compiled is None:
            compiled = self.ranged.compile(dialect=conn.dialect)
            assert isinstance(compiled, SQLCompiler)
            self._compiled[conn.dialect.name] = compiled
        params = compiled.construct_params({"lo": ids[0], "hi": ids[-1]})
        names = compiled.positiontup or ()
        args = tuple(params[name] for name in names) if compiled.positional else params
        cursor = conn.connection.cursor()
        try:
            cursor.execute(compiled.string, args)
            return list(cursor.fetchall())
        finally:
            cursor.close()


def _dense(ids: Sequence[int]) -> bool:
    """Whether ``ids`` rise and fill at least half of their range."""
    return ids[-1] - ids[0] < 2 * len(ids) and all(a < b for a, b in pairwise(ids))


def _grouped(conn: Connection, query: ChunkQuery, ids: Sequence[int]) -> Grouped:
    """Rows of ``query`` (ordered by its first column, a document id) grouped by it."""
    rows = query.rows(conn, ids)
    return {key: list(group) for key, group in groupby(rows, itemgetter(0))}


def _annotator_names(conn: Connection) -> dict[int, str]:
    return dict(conn.execute(select(A.id, A.name)).all())


_SPANS = ChunkQuery(  # rows as :data:`SpanRow`; entities are looked up once a chunk
    lambda ids: (
        select(S.document_id, S.id, S.start, S.end, L.name, S.origin, A.name, S.entity_id)
        .select_from(
            t.SPANS.join(t.LABELS, L.id == S.label_id).outerjoin(
                t.ANNOTATORS, A.id == S.annotator_id
            )
        )
        .where(ids(S.document_id))
        .order_by(S.document_id, S.start)
    )
)


def _spans(conn: Connection, ids: Sequence[int]) -> Grouped:
    """Span rows (:data:`SpanRow`) by document, ordered by start, longest first, id.

    The database orders by (document, start) along its index; the rare ties
    on start are ordered in Python, which is cheaper than a sort in SQL.
    """
    grouped = _grouped(conn, _SPANS, ids)
    for rows in grouped.values():
        if len({row[2] for row in rows}) < len(rows):
            rows.sort(key=_span_order)
    return grouped


def _span_order(row: Any) -> tuple[int, int, int]:
    return row[2], -row[3], row[1]


_EVENTS = ChunkQuery(
    lambda ids: (
        select(EV.document_id, EV.id, EV.trigger_span_id, L.name, EV.annotator_id)
        .select_from(t.EVENTS.join(t.LABELS, L.id == EV.label_id))
        .where(ids(EV.document_id))
        .order_by(EV.document_id, EV.id)
    )
)
_ARGUMENTS = ChunkQuery(
    lambda ids: (
        select(ARG.event_id, ARG.id, ARG.span_id, ARG.role)
        .join(t.EVENTS, EV.id == ARG.event_id)
        .where(ids(EV.document_id))
        .order_by(ARG.event_id, ARG.position, ARG.id)
    )
)
_RELATIONS = ChunkQuery(
    lambda ids: (
        select(R.document_id, R.id, R.head_span_id, R.tail_span_id, L.name, R.annotator_id)
        .select_from(t.RELATIONS.join(t.LABELS, L.id == R.label_id))
        .where(ids(R.document_id))
        .order_by(R.document_id, R.id)
    )
)
_NOTES = ChunkQuery(
    lambda ids: (
        select(N.document_id, N.id, N.text, N.span_id, N.event_id, N.annotator_id)
        .where(ids(N.document_id))
        .order_by(N.document_id, N.id)
    )
)
_SUGGESTIONS = ChunkQuery(
    lambda ids: (
        select(SG.document_id, SG.id, SG.start, SG.end, SG.label, SG.score, SG.state)
        .add_columns(E.id, E.name, E.type)
        .select_from(t.SUGGESTIONS.outerjoin(t.ENTITIES, E.id == SG.entity_id))
        .where(ids(SG.document_id), SG.state == model.SuggestionState.PENDING.value)
        .order_by(SG.document_id, SG.start, SG.id)
    )
)


_COLUMNS = (
    D.id,
    D.text,
    D.title,
    D.external_id,
    D.source,
    D.agency,
    D.place,
    D.published_at,
    D.url,
    D.meta,
    D.status,
    D.original_text,
    D.content_hash,
    D.annotator_id,
)
_DOCUMENTS = ChunkQuery(lambda ids: select(*_COLUMNS).where(ids(D.id)))


def _entities(conn: Connection, spans: Grouped) -> dict[int, model.EntityRef]:
    """The entities that span rows link to, by id."""
    wanted = sorted(set(map(itemgetter(7), chain.from_iterable(spans.values()))) - {None})
    found: dict[int, model.EntityRef] = {}
    for i in range(0, len(wanted), 500):
        query = select(E.id, E.name, E.type).where(E.id.in_(wanted[i : i + 500]))
        found.update(
            (eid, model.EntityRef(eid, name, kind)) for eid, name, kind in conn.execute(query)
        )
    return found


def _chunk(conn: Connection, ids: Sequence[int]) -> tuple[list[Any], _Parts]:
    """The document rows of ``ids`` in the order given, and their annotation rows."""
    found = _DOCUMENTS.run(conn, ids).mappings().all()
    rows = {r["id"]: r for r in found}
    spans = _spans(conn, ids)
    parts = _Parts(
        _annotator_names(conn),
        _entities(conn, spans),
        spans,
        _grouped(conn, _EVENTS, ids),
        _grouped(conn, _ARGUMENTS, ids),
        _grouped(conn, _RELATIONS, ids),
        _grouped(conn, _NOTES, ids),
        _grouped(conn, _SUGGESTIONS, ids),
    )
    return [rows[i] for i in ids if i in rows], parts


def load_chunk(conn: Connection, ids: Sequence[int]) -> list[model.Document]:
    """Whole documents for ``ids`` (at most a few hundred), in the order given."""
    if not ids:
        return []
    rows, parts = _chunk(conn, ids)
    return [parts.document(row, parts.spans_of(row["id"])) for row in rows]


def stream_documents(conn: Connection, ids: Sequence[int]) -> Iterator[model.Document]:
    """Whole documents for ``ids``, loaded chunk by chunk."""
    for i in range(0, len(ids), CHUNK):
        yield from load_chunk(conn, ids[i : i + CHUNK])


def stream_rows(conn: Connection, ids: Sequence[int]) -> Iterator[RowDocument]:
    """Documents for ``ids`` with their spans left as rows (the native export's fast path)."""
    for i in range(0, len(ids), CHUNK):
        rows, parts = _chunk(conn, ids[i : i + CHUNK])
        for row in rows:
            doc_id = row["id"]
            fields = {**row, "annotator": parts.who.get(row["annotator_id"])}
            linked = parts.document(row, ()) if parts.has_links(doc_id) else None
            yield RowDocument(fields, parts.spans.get(doc_id, []), linked, parts.entities)


class _Parts:
    """The annotation rows of one chunk, assembled into documents."""

    def __init__(
        self,
        who: dict[int, str],
        entities: dict[int, model.EntityRef],
        spans: Grouped,
        events: Grouped,
        args: Grouped,
        relations: Grouped,
        notes: Grouped,
        suggestions: Grouped,
    ) -> None:
        self.who, self.entities, self.spans = who, entities, spans
        self.events, self.args = events, args
        self.relations, self.notes, self.suggestions = relations, notes, suggestions

    def document(self, row: Any, spans: tuple[model.Span, ...]) -> model.Document:
        """The document of ``row`` with ``spans`` and the rest of its annotations."""
        doc_id = row["id"]
        linked = doc_id in self.events or doc_id in self.relations or doc_id in self.notes
        keys = self._keys(doc_id) if linked else {}
        return model.Document(
            id=doc_id,
            text=row["text"],
            title=row["title"],
            external_id=row["external_id"],
            source=row["source"],
            agency=row["agency"],
            place=row["place"],
            published_at=row["published_at"],
            url=row["url"],
            meta=dict(row["meta"] or {}),
            status=model.Status(row["status"]),
            original_text=row["original_text"],
            content_hash=row["content_hash"],
            annotator=self.who.get(row["annotator_id"]),
            spans=spans,
            events=self._events(doc_id, keys) if linked else (),
            relations=self._relations(doc_id, keys) if linked else (),
            notes=self._notes(doc_id, keys) if linked else (),
            suggestions=self._suggestions(doc_id) if doc_id in self.suggestions else (),
        )

    def has_links(self, doc_id: int) -> bool:
        """Whether the document has events, relations, notes or suggestions."""
        parts = (self.events, self.relations, self.notes, self.suggestions)
        return any(doc_id in part for part in parts)

    def _keys(self, doc_id: int) -> dict[int, str]:
        return {row[1]: f"T{n}" for n, row in enumerate(self.spans.get(doc_id, ()), start=1)}

    def spans_of(self, doc_id: int) -> tuple[model.Span, ...]:
        """The document's spans as model objects, keyed ``T1``.. in order."""
        make, origin, entity = _make_span, ORIGINS.__getitem__, self.entities.get
        return tuple(
            make(start, end, label, f"T{n}", origin(org), who, entity(eid), sid)
            for n, (_, sid, start, end, label, org, who, eid) in enumerate(
                self.spans.get(doc_id, ()), start=1
            )
        )

    def _events(self, doc_id: int, keys: dict[int, str]) -> tuple[model.Event, ...]:
        out = []
        for n, (_, eid, trig, label, aid) in enumerate(self.events.get(doc_id, ()), start=1):
            args = tuple(
                model.Argument(role, keys.get(sid, ""), sid, arg_id)
                for _, arg_id, sid, role in self.args.get(eid, ())
            )
            out.append(
                model.Event(label, keys.get(trig, ""), trig, args, f"E{n}", self.who.get(aid), eid)
            )
        return tuple(out)

    def _relations(self, doc_id: int, keys: dict[int, str]) -> tuple[model.Relation, ...]:
        return tuple(
            model.Relation(
                label, keys.get(h, ""), keys.get(tl, ""), h, tl, f"R{n}", self.who.get(aid), rid
            )
            for n, (_, rid, h, tl, label, aid) in enumerate(self.relations.get(doc_id, ()), 1)
        )

    def _notes(self, doc_id: int, keys: dict[int, str]) -> tuple[model.Note, ...]:
        return tuple(
            model.Note(
                text,
                span_id=sid,
                event_id=evid,
                annotator=self.who.get(aid),
                id=nid,
                span=keys.get(sid, "") if sid else "",
            )
            for _, nid, text, sid, evid, aid in self.notes.get(doc_id, ())
        )

    def _suggestions(self, doc_id: int) -> tuple[model.Suggestion, ...]:
        return tuple(
            model.Suggestion(
                start,
                end,
                label,
                score,
                model.EntityRef(eid, ename, etype) if eid is not None else None,
                model.SuggestionState(state),
                sid,
            )
            for _, sid, start, end, label, score, state, eid, ename, etype in self.suggestions.get(
                doc_id, ()
            )
        )
