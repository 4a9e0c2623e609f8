"""The knowledge base in SQL: entities and aliases of a project (DESIGN §7).

Aliases carry a count of how often they were seen. Forgetting (undoing a
span) lowers the count; an alias at 0 stays as a dormant row, left out of
matching, so redoing the span finds the same entity again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from annotator.core import model
from annotator.core.normalise import normalise
from annotator.store import tables as t
from annotator.store.bulk import insert_returning_ids

E, AL, S = t.ENTITIES.c, t.table_of(t.Alias).c, t.SPANS.c
ALIASES = t.table_of(t.Alias)
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Mention:
    """A surface form seen as an entity of ``type`` (an alias to learn)."""

    text: str
    type: str


def fingerprint(conn: Connection, project_id: int) -> str:
    """A cheap summary of the project's KB that changes when the KB changes."""
    alias_q = (
        select(
            func.count(AL.id),
            func.coalesce(func.max(AL.id), 0),
            func.coalesce(func.sum(AL.count), 0),
            func.coalesce(func.sum(AL.entity_id * (AL.count + 1)), 0),
        )
        .select_from(ALIASES.join(t.ENTITIES, E.id == AL.entity_id))
        .where(E.project_id == project_id)
    )
    entity_q = select(
        func.count(E.id),
        func.coalesce(func.max(E.id), 0),
        func.coalesce(func.sum(func.length(E.name) + func.length(E.type) * 7), 0),
    ).where(E.project_id == project_id)
    parts = [*conn.execute(alias_q).one(), *conn.execute(entity_q).one()]
    return ":".join(str(int(p)) for p in parts)


def load_entities(conn: Connection, project_id: int) -> list[model.Entity]:
    """Every entity with its live aliases (count > 0); dormant-only entities are left out."""
    aliases: dict[int, list[model.Alias]] = {}
    q = (
        select(AL.entity_id, AL.id, AL.text, AL.count)
        .join(t.ENTITIES, E.id == AL.entity_id)
        .where(E.project_id == project_id, AL.count > 0)
        .order_by(AL.entity_id, AL.count.desc(), AL.id)
    )
    for entity_id, alias_id, text, count in conn.execute(q):
        aliases.setdefault(entity_id, []).append(model.Alias(text, count, alias_id))
    q2 = select(E.id, E.name, E.type, E.description, E.external_id).where(
        E.project_id == project_id
    )
    return [
        model.Entity(name, type_, desc or "", ext, tuple(aliases[eid]), eid)
        for eid, name, type_, desc, ext in conn.execute(q2.order_by(E.id))
        if eid in aliases
    ]


def entity(conn: Connection, project_id: int, entity_id: int) -> model.Entity | None:
    """One entity with all its aliases (dormant ones too), or ``None``."""
    row = conn.execute(
        select(E.id, E.name, E.type, E.description, E.external_id).where(
            E.id == entity_id, E.project_id == project_id
        )
    ).first()
    if row is None:
        return None
    q = select(AL.text, AL.count, AL.id).where(AL.entity_id == entity_id)
    aliases = tuple(model.Alias(*r) for r in conn.execute(q.order_by(AL.count.desc(), AL.id)))
    return model.Entity(row.name, row.type, row.description or "", row.external_id, aliases, row.id)


def create_entity(
    conn: Connection,
    project_id: int,
    name: str,
    type_: str,
    description: str = "",
    external_id: str | None = None,
) -> int:
    """A new entity (no aliases yet); its id."""
    values = {
        "project_id": project_id,
        "name": name,
        "type": type_,
        "description": description,
        "external_id": external_id,
        "created_at": datetime.now(UTC),
    }
    return int(conn.execute(insert(t.ENTITIES).returning(E.id), values).scalar_one())


def create_entities(
    conn: Connection, project_id: int, named: Sequence[tuple[str, str]]
) -> list[int]:
    """New entities ``(name, type)`` (no aliases yet) in few statements; their ids in order."""
    columns = ("project_id", "name", "type", "description", "external_id")
    rows = [(project_id, name, type_, "", None) for name, type_ in named]
    return insert_returning_ids(conn, t.ENTITIES, columns, rows, {"created_at": datetime.now(UTC)})


def find_by_alias(
    conn: Connection, project_id: int, norms: Sequence[str]
) -> dict[tuple[str, str], int]:
    """``(norm, type) -> entity id`` for aliases (dormant too), most seen entity first.

    The aliases are looked up by norm alone and the project is checked here: asked
    for both, SQLite (without statistics) walks every entity of the project and
    probes each for every norm, 0.36 s for 500 names among 4,400 entities and
    growing with the knowledge base.
    """
    found: dict[tuple[str, str], tuple[int, int]] = {}
    for i in range(0, len(norms), _CHUNK):
        q = (
            select(AL.norm, E.type, AL.entity_id, AL.count, E.project_id)
            .join(t.ENTITIES, E.id == AL.entity_id)
            .where(AL.norm.in_(norms[i : i + _CHUNK]))
        )
        for norm, type_, entity_id, count, project in conn.execute(q):
            if project != project_id:
                continue
            best = found.get((norm, type_))
            if best is None or (count, -entity_id) > (best[1], -best[0]):
                found[(norm, type_)] = (entity_id, count)
    return {key: entity_id for key, (entity_id, _) in found.items()}


def adjust(conn: Connection, changes: Iterable[tuple[int, str, int]]) -> None:
    """Add ``delta`` to the alias ``text`` of each entity (creating it; never below 0)."""
    totals: Counter[tuple[int, str]] = Counter()
    texts: dict[tuple[int, str], str] = {}
    for entity_id, text, delta in changes:
        norm = normalise(text)
        if norm:
            totals[(entity_id, norm)] += delta
            texts.setdefault((entity_id, norm), text)
    if not totals:
        return
    keys = list(totals)
    have: dict[tuple[int, str], tuple[int, int]] = {}
    for i in range(0, len(keys), _CHUNK):
        chunk = keys[i : i + _CHUNK]  # by norm alone: entity ids and norms both IN probe each pair
        q = select(AL.entity_id, AL.norm, AL.id, AL.count).where(AL.norm.in_({n for _, n in chunk}))
        have.update(((e, n), (aid, c)) for e, n, aid, c in conn.execute(q) if (e, n) in totals)
    counts, new_rows = [], []
    for key, delta in totals.items():
        if key in have:
            alias_id, count = have[key]
            if delta:
                counts.append({"alias": alias_id, "n": max(0, count + delta)})
        else:
            new_rows.append(
                {"entity_id": key[0], "text": texts[key], "norm": key[1], "count": max(0, delta)}
            )
    if counts:
        stmt = update(ALIASES).where(AL.id == bindparam("alias")).values(count=bindparam("n"))
        conn.execute(stmt, counts)
    if new_rows:
        conn.execute(insert(ALIASES), new_rows)


def learn(
    conn: Connection,
    project_id: int,
    mentions: Sequence[Mention],
    counts: Sequence[int] | None = None,
) -> list[int | None]:
    """The entity of each mention, strengthening its alias or creating the entity.

    An entity matches when it has the mention's exact normalised alias and
    type; otherwise a new entity is named after the mention. Mentions that
    normalise to nothing get ``None``. ``counts`` (parallel to ``mentions``)
    says how often each was seen, once when not given.
    """
    norms = [normalise(m.text) for m in mentions]
    known = find_by_alias(conn, project_id, sorted({n for n in norms if n}))
    unknown: dict[tuple[str, str], str] = {}  # (norm, type) -> name, in order of first mention
    for mention, norm in zip(mentions, norms, strict=True):
        key = (norm, mention.type)
        if norm and key not in known and key not in unknown:
            unknown[key] = _one_line(mention.text)
    created = create_entities(conn, project_id, [(n, k[1]) for k, n in unknown.items()])
    known.update(zip(unknown, created, strict=True))
    result: list[int | None] = [
        known[(norm, m.type)] if norm else None for m, norm in zip(mentions, norms, strict=True)
    ]
    seen = [1] * len(mentions) if counts is None else counts
    adjust(
        conn,
        (
            (eid, _one_line(m.text), n)
            for eid, m, n in zip(result, mentions, seen, strict=True)
            if eid is not None
        ),
    )
    return result


def _one_line(text: str) -> str:
    """A name as the knowledge base keeps it: a span across a line break ("E.\\nMangindaan")
    is one name on one line, its white space runs folded to single spaces."""
    return " ".join(text.split())


def learn_seen(
    conn: Connection, project_id: int, seen: Sequence[tuple[str, str]]
) -> list[int | None]:
    """:func:`learn` for many ``(text, type)`` sightings: each distinct one is learnt once."""
    counts = Counter(seen)  # news repeats its names
    mentions = [Mention(text, type_) for text, type_ in counts]
    ids = learn(conn, project_id, mentions, list(counts.values()))
    entity_of = dict(zip(counts, ids, strict=True))
    return list(map(entity_of.__getitem__, seen))


def merge(conn: Connection, project_id: int, keep: int, others: Sequence[int]) -> None:
    """Fold ``others`` into ``keep``: aliases (counts summed), span and suggestion links."""
    others = [o for o in others if o != keep]
    if not others:
        return
    q = select(AL.entity_id, AL.id, AL.text, AL.count).where(AL.entity_id.in_(others))
    moved = [(keep, text, count) for _, _, text, count in conn.execute(q)]
    conn.execute(delete(ALIASES).where(AL.entity_id.in_(others)))
    adjust(conn, moved)
    conn.execute(update(t.SPANS).where(S.entity_id.in_(others)).values(entity_id=keep))
    sg = t.SUGGESTIONS.c
    conn.execute(update(t.SUGGESTIONS).where(sg.entity_id.in_(others)).values(entity_id=keep))
    conn.execute(delete(t.ENTITIES).where(E.id.in_(others), E.project_id == project_id))


def alias_owner(conn: Connection, project_id: int, alias_id: int) -> tuple[int, str, str] | None:
    """``(entity id, alias text, norm)`` of an alias of this project."""
    row = conn.execute(
        select(AL.entity_id, AL.text, AL.norm)
        .join(t.ENTITIES, E.id == AL.entity_id)
        .where(AL.id == alias_id, E.project_id == project_id)
    ).first()
    return None if row is None else (row[0], row[1], row[2])


def move_alias(conn: Connection, alias_id: int, entity_id: int) -> None:
    """Give an alias to another entity."""
    conn.execute(update(ALIASES).where(AL.id == alias_id).values(entity_id=entity_id))


def spans_of(conn: Connection, entity_id: int) -> list[tuple[int, str]]:
    """``(span id, covered text)`` of every span linked to an entity."""
    d = t.DOCUMENTS.c
    q = (
        select(S.id, S.start, S.end, d.text)
        .join(t.DOCUMENTS, d.id == S.document_id)
        .where(S.entity_id == entity_id)
    )
    return [(sid, text[start:end]) for sid, start, end, text in conn.execute(q)]


def relink(conn: Connection, span_ids: Sequence[int], entity_id: int | None) -> None:
    """Point spans at another entity (or none)."""
    for i in range(0, len(span_ids), _CHUNK):
        conn.execute(
            update(t.SPANS).where(S.id.in_(span_ids[i : i + _CHUNK])).values(entity_id=entity_id)
        )


def link_spans(conn: Connection, links: Sequence[tuple[int, int | None]]) -> None:
    """Point each span ``(span id, entity id or None)`` at its entity, in one executemany."""
    if links:
        stmt = (
            update(t.SPANS).where(S.id == bindparam("span")).values(entity_id=bindparam("entity"))
        )
        conn.execute(stmt, [{"span": span, "entity": entity} for span, entity in links])


def all_entities(conn: Connection, project_id: int) -> list[model.Entity]:
    """Every entity with every alias (dormant included), for export."""
    aliases: dict[int, list[model.Alias]] = {}
    q = (
        select(AL.entity_id, AL.text, AL.count, AL.id)
        .join(t.ENTITIES, E.id == AL.entity_id)
        .where(E.project_id == project_id)
        .order_by(AL.entity_id, AL.count.desc(), AL.id)
    )
    for entity_id, text, count, alias_id in conn.execute(q):
        aliases.setdefault(entity_id, []).append(model.Alias(text, count, alias_id))
    q2 = select(E.id, E.name, E.type, E.description, E.external_id).where(
        E.project_id == project_id
    )
    return [
        model.Entity(name, type_, desc or "", ext, tuple(aliases.get(eid, ())), eid)
        for eid, name, type_, desc, ext in conn.execute(q2.order_by(E.id))
    ]
