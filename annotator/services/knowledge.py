"""The knowledge-base service: learn from spans, rank, link, merge, split, import, export.

Learning runs inside the caller's transaction: :func:`learning` wraps an edit
(every labelled entity span added strengthens an alias of an entity of its
type and links the span; one removed weakens it again); an import batch is
learnt by the store as it inserts it (:func:`learnt_on_insert` follows). The
alias index of a project is kept warm in memory and cached on disk
(``marshal``) under a fingerprint of the KB, so opening a large project does
not rebuild it.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, select

from annotator.core import model
from annotator.core.edits import Batch, Edit, Restore
from annotator.core.formats.base import Problem
from annotator.core.gazetteer import GazetteerRow, read_gazetteer
from annotator.core.kbindex import AliasIndex
from annotator.core.normalise import normalise
from annotator.core.suggest import Candidate, Matcher
from annotator.paths import data_dir
from annotator.store import kb
from annotator.store import tables as t
from annotator.store.repository import ensure_labels

if TYPE_CHECKING:
    from annotator.services.workspace import Workspace

S, L, D = t.SPANS.c, t.LABELS.c, t.DOCUMENTS.c
_SpanState = tuple[int, int, str, int | None, int]  # start, end, label, entity id, document
_generation: dict[tuple[str, int], int] = {}


def _bump(conn: Connection, project_id: int) -> None:
    key = (str(conn.engine.url), project_id)
    _generation[key] = _generation.get(key, 0) + 1


def _entity_spans(conn: Connection, doc_ids: Sequence[int]) -> dict[int, _SpanState]:
    q = (
        select(S.id, S.start, S.end, L.name, S.entity_id, S.document_id)
        .join(t.LABELS, L.id == S.label_id)
        .where(S.document_id.in_(doc_ids), L.kind == model.LabelKind.ENTITY.value)
    )
    return {row[0]: tuple(row[1:]) for row in conn.execute(q).all()}


def _texts(conn: Connection, doc_ids: Sequence[int]) -> dict[int, str]:
    return dict(conn.execute(select(D.id, D.text).where(D.id.in_(doc_ids))).all())


def restored_spans(edit: Edit) -> set[int]:
    """Ids of spans an edit brings back as they were (undo of a delete)."""
    if isinstance(edit, Batch):
        return set().union(*(restored_spans(e) for e in edit.edits))
    if isinstance(edit, Restore):
        return {s.id for s in edit.spans}
    return set()


@contextmanager
def learning(
    conn: Connection, project_id: int, doc_ids: Sequence[int], restored: set[int] | None = None
) -> Iterator[None]:
    """Learn from what the edit inside the ``with`` did to the documents' entity spans.

    Spans in ``restored`` come back exactly as they were: their entity's alias
    is strengthened again, but one without an entity is not linked.
    """
    before = _entity_spans(conn, doc_ids)
    yield
    after = _entity_spans(conn, doc_ids)
    texts = _texts(conn, doc_ids)
    changes: list[tuple[int, str, int]] = []
    fresh: list[tuple[int, str, str]] = []
    for sid, old in before.items():
        if after.get(sid) != old and old[3] is not None:
            changes.append((old[3], texts[old[4]][old[0] : old[1]], -1))
    for sid, new in after.items():
        if before.get(sid) == new:
            continue
        surface = texts[new[4]][new[0] : new[1]]
        prior = before.get(sid)
        if new[3] is None and restored and sid in restored:
            continue
        if new[3] is not None and not (prior and prior[2] != new[2]):
            changes.append((new[3], surface, 1))
        else:
            fresh.append((sid, surface, new[2]))
    kb.adjust(conn, changes)
    _learn_fresh(conn, project_id, fresh)
    if changes or fresh:
        _bump(conn, project_id)


def _learn_fresh(conn: Connection, project_id: int, fresh: list[tuple[int, str, str]]) -> None:
    """Learn spans without a (fitting) entity and link them to what was learnt."""
    if not fresh:
        return
    ids = kb.learn_seen(conn, project_id, [(text, label) for _, text, label in fresh])
    kb.link_spans(conn, [(f[0], entity_id) for f, entity_id in zip(fresh, ids, strict=True)])


def learnt_on_insert(conn: Connection, project_id: int) -> None:
    """Note that an import batch taught the KB as it inserted its spans.

    ``store.ingest.insert_batch(..., learn=True)`` learns the entity spans and
    stores them linked; this tells the project's alias index to rebuild.
    """
    _bump(conn, project_id)


def unlearn_imported(conn: Connection, project_id: int, doc_ids: Sequence[int]) -> None:
    """Take back what a cancelled import taught: its linked spans' aliases count one less.

    Called before the documents are deleted, in the same transaction. Entities
    the import created stay, with their aliases dormant (count 0), as after
    deleting a span by hand.
    """
    changes: list[tuple[int, str, int]] = []
    for i in range(0, len(doc_ids), 400):
        chunk = doc_ids[i : i + 400]
        spans = [(a, b, e, d) for a, b, _, e, d in _entity_spans(conn, chunk).values() if e]
        if spans:
            texts = _texts(conn, chunk)
            changes += [(entity, texts[d][a:b], -1) for a, b, entity, d in spans]
    if changes:
        kb.adjust(conn, changes)
        _bump(conn, project_id)


@dataclass
class GazetteerSummary:
    """What a gazetteer import did."""

    rows: int = 0
    entities_added: int = 0
    problems: list[Problem] = field(default_factory=list)


class KnowledgeBase:
    """The knowledge base of the workspace's project."""

    def __init__(self, workspace: Workspace) -> None:
        self._ws = workspace
        self._matcher: Matcher | None = None
        self._seen: tuple[int, str] | None = None

    @property
    def _key(self) -> tuple[str, int]:
        return (str(self._ws.store.engine.url), self._ws.project.id)

    # matching ---------------------------------------------------------------

    def matcher(self) -> Matcher:
        """The project's alias matcher: in memory, else the disk cache, else built."""
        generation = _generation.get(self._key, 0)
        if self._matcher is not None and self._seen and self._seen[0] == generation:
            return self._matcher
        with self._ws.store.engine.connect() as conn:
            print_ = kb.fingerprint(conn, self._ws.project.id)
            if self._matcher is not None and self._seen and self._seen[1] == print_:
                self._seen = (generation, print_)
                return self._matcher
            matcher = _load_cache(self._cache_path(), print_)
            if matcher is None:
                matcher = Matcher(kb.load_entities(conn, self._ws.project.id))
                _save_cache(self._cache_path(), print_, matcher)
        self._matcher, self._seen = matcher, (generation, print_)
        return matcher

    def warm(self) -> None:
        """Build (or load) the alias index and cache it on disk.

        Called after imports, so the window finds the index cached when it
        opens the project instead of building it then.
        """
        self.matcher()

    def _cache_path(self) -> Path:
        digest = hashlib.sha1(self._key[0].encode()).hexdigest()[:12]
        return data_dir() / "kb-index" / f"{digest}-{self._ws.project.id}.marshal"

    def rank(
        self, query: str, type: str | None = None, limit: int = 10, min_score: float = 60.0
    ) -> list[Candidate]:
        """The best known entities for a selected text, best first."""
        return self.matcher().rank(query, type, limit, min_score=min_score)

    # editing the KB ---------------------------------------------------------

    def entity(self, entity_id: int) -> model.Entity | None:
        """One entity with all its aliases."""
        with self._ws.store.engine.connect() as conn:
            return kb.entity(conn, self._ws.project.id, entity_id)

    def merge(self, keep: int, others: Sequence[int]) -> None:
        """Fold ``others`` into ``keep`` (aliases, links)."""
        with self._ws.store.engine.begin() as conn:
            for entity_id in (keep, *others):
                if kb.entity(conn, self._ws.project.id, entity_id) is None:
                    raise ValueError(f"entity {entity_id} is not in this project")
            kb.merge(conn, self._ws.project.id, keep, others)
            _bump(conn, self._ws.project.id)

    def split_alias(self, alias_id: int, name: str | None = None) -> int:
        """Move an alias (and the spans that spell it) to a new entity of the same type."""
        pid = self._ws.project.id
        with self._ws.store.engine.begin() as conn:
            owner = kb.alias_owner(conn, pid, alias_id)
            if owner is None:
                raise ValueError(f"alias {alias_id} is not in this project")
            old_id, text, norm = owner
            old = kb.entity(conn, pid, old_id)
            assert old is not None
            new_id = kb.create_entity(conn, pid, name or text, old.type)
            kb.move_alias(conn, alias_id, new_id)
            spans = [sid for sid, s in kb.spans_of(conn, old_id) if normalise(s) == norm]
            kb.relink(conn, spans, new_id)
            _bump(conn, pid)
            return new_id

    def import_gazetteer(self, path: Path, fmt: str | None = None) -> GazetteerSummary:
        """Add a gazetteer's names; with any bad line, nothing is added."""
        rows, problems = read_gazetteer(path, fmt)
        summary = GazetteerSummary(len(rows), 0, problems)
        if problems or not rows:
            return summary
        pid = self._ws.project.id
        with self._ws.store.session() as s:
            types = [(r.type, model.LabelKind.ENTITY) for r in rows]
            ensure_labels(s, pid, types)
            s.flush()
            conn = s.connection()
            before = kb.fingerprint(conn, pid).split(":")[4]
            named = [r for r in rows if r.canonical]
            plain = [r for r in rows if not r.canonical]
            kb.learn(conn, pid, [kb.Mention(r.alias, r.type) for r in plain])
            _import_named(conn, pid, named)
            summary.entities_added = int(kb.fingerprint(conn, pid).split(":")[4]) - int(before)
            _bump(conn, pid)
        self.matcher()  # build and cache the index now, so opening the project is quick
        return summary

    def export_jsonl(self, out: Path) -> int:
        """Write every entity as one JSON line; return how many."""
        with self._ws.store.engine.connect() as conn:
            entities = kb.all_entities(conn, self._ws.project.id)
        tmp = out.with_name(out.name + ".tmp")
        with tmp.open("w", encoding="utf-8") as handle:
            for e in entities:
                record = {
                    "id": e.id,
                    "name": e.name,
                    "type": e.type,
                    "description": e.description,
                    "external_id": e.external_id,
                    "aliases": [{"text": a.text, "count": a.count} for a in e.aliases],
                }
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        os.replace(tmp, out)
        return len(entities)


def _import_named(conn: Connection, project_id: int, rows: Sequence[GazetteerRow]) -> None:
    """Rows naming their entity: found by canonical name and type, else created."""
    e = t.ENTITIES.c
    q = select(e.name, e.type, e.id).where(e.project_id == project_id).order_by(e.id.desc())
    ids: dict[tuple[str, str], int] = {(n, ty): i for n, ty, i in conn.execute(q)}
    seen: set[tuple[str, str]] = set()
    changes: list[tuple[int, str, int]] = []
    for row in rows:
        key = (str(row.canonical), row.type)
        if key not in ids:
            ids[key] = kb.create_entity(
                conn, project_id, key[0], key[1], row.description, row.external_id
            )
        if key not in seen:
            seen.add(key)
            changes.append((ids[key], key[0], 1))
        changes.append((ids[key], row.alias, 1))
    kb.adjust(conn, changes)


def _load_cache(path: Path, fingerprint: str) -> Matcher | None:
    try:
        # one read, then loads: marshal.load on a file reads in small pieces (5x slower)
        stored, state = marshal.loads(path.read_bytes())
        if stored != fingerprint:
            return None
        matcher = Matcher(())
        matcher.index = AliasIndex.from_state(state)
        return matcher
    except (OSError, ValueError, EOFError, TypeError):
        return None


def _save_cache(path: Path, fingerprint: str, matcher: Matcher) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            marshal.dump((fingerprint, matcher.index.to_state()), handle)
        os.replace(tmp, path)
    except OSError:
        pass
