"""Pre-annotation and review: pending suggestions, accepted or rejected as undoable steps.

:class:`Review` applies a :class:`SuggestionStep` (set suggestion states and
apply one span edit, in one transaction) and returns the step that undoes
it, so the window's undo stack can wrap it like any core edit. A rejected
suggestion stays in the table and is never offered again for its document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Connection, insert, select, update

from annotator.core import edits as ed
from annotator.core.model import Origin, SuggestionState
from annotator.core.suggest import find_mentions
from annotator.services.knowledge import KnowledgeBase, learning, restored_spans
from annotator.services.occurrences import search as occurrence_search
from annotator.store import tables as t
from annotator.store.edits import apply_edit

if TYPE_CHECKING:
    from annotator.services.workspace import Workspace

SG, S, D, L = t.SUGGESTIONS.c, t.SPANS.c, t.DOCUMENTS.c, t.LABELS.c
PENDING, REJECTED, ACCEPTED = (s.value for s in SuggestionState)


@dataclass(frozen=True, slots=True)
class SuggestionStep:
    """One undoable review step: set suggestion states and apply span edits.

    ``edits`` may touch several documents (label all occurrences in the
    project), each edit one document; everything happens in one transaction
    and the inverse is another step. ``document_id`` is the document the step
    was taken in (whose undo stack holds it).
    """

    document_id: int
    states: tuple[tuple[int, str], ...]
    edits: tuple[ed.Edit, ...] = ()
    text: str = ""

    def describe(self) -> str:
        """Text for the Undo menu."""
        return self.text or f"Review {len(self.states)} suggestions"


@dataclass(frozen=True, slots=True)
class PreannotateSummary:
    """What a pre-annotation run stored."""

    documents: int
    suggestions: int


class Review:
    """Pre-annotate documents and review their suggestions."""

    def __init__(self, workspace: Workspace, knowledge: KnowledgeBase | None = None) -> None:
        self._ws = workspace
        self.knowledge = knowledge or KnowledgeBase(workspace)

    def preannotate(
        self,
        doc_ids: Sequence[int] | None = None,
        min_score: float = 85.0,
        fuzzy: bool = True,
        progress: Callable[[int, int], None] | None = None,
    ) -> PreannotateSummary:
        """Store pending suggestions for the documents (all when ``None``)."""
        matcher = self.knowledge.matcher()
        pid = self._ws.project.id
        with self._ws.store.engine.connect() as conn:
            q = select(D.id).where(D.project_id == pid).order_by(D.id)
            ids = list(conn.execute(q).scalars()) if doc_ids is None else list(doc_ids)
        stored = 0
        for i in range(0, len(ids), 200):
            chunk = ids[i : i + 200]
            with self._ws.store.engine.begin() as conn:
                texts = dict(
                    conn.execute(
                        select(D.id, D.text).where(D.id.in_(chunk), D.project_id == pid)
                    ).all()
                )
                taken = _taken(conn, chunk)
                rows = []
                for doc_id, text in texts.items():
                    spans, seen = taken.get(doc_id, ([], set()))
                    for sg in find_mentions(text, matcher, min_score, fuzzy):
                        if (sg.start, sg.end, sg.label) in seen:
                            continue
                        if any(sg.start < e and s < sg.end for s, e in spans):
                            continue
                        rows.append(_row(doc_id, sg.start, sg.end, sg.label, sg.score, sg))
                if rows:
                    conn.execute(insert(t.SUGGESTIONS), rows)
                stored += len(rows)
            if progress is not None:
                progress(min(i + 200, len(ids)), len(ids))
        return PreannotateSummary(len(ids), stored)

    def pending(self, doc_id: int) -> list[tuple[int, int, int, str, int | None, float]]:
        """``(id, start, end, label, entity id, score)`` of a document's pending suggestions."""
        with self._ws.store.engine.connect() as conn:
            q = select(SG.id, SG.start, SG.end, SG.label, SG.entity_id, SG.score).where(
                SG.document_id == doc_id, SG.state == PENDING
            )
            return [tuple(r) for r in conn.execute(q.order_by(SG.start))]

    def accept(self, doc_id: int, ids: Sequence[int]) -> SuggestionStep:
        """Accept suggestions (spans with origin suggestion and entity link); the undo step."""
        with self._ws.store.engine.connect() as conn:
            q = select(SG.id, SG.start, SG.end, SG.label, SG.entity_id).where(
                SG.document_id == doc_id, SG.id.in_(ids), SG.state == PENDING
            )
            rows = list(conn.execute(q))
        adds = tuple(
            ed.AddSpan(doc_id, r.start, r.end, r.label, Origin.SUGGESTION, r.entity_id)
            for r in rows
        )
        states = tuple((r.id, ACCEPTED) for r in rows)
        text = f"Accept {_plural(len(rows))}"
        batch = (ed.Batch(doc_id, adds, text),) if adds else ()
        return self.apply(SuggestionStep(doc_id, states, batch, text))

    def reject(self, doc_id: int, ids: Sequence[int]) -> SuggestionStep:
        """Reject suggestions (remembered for this document); the undo step.

        A suggestion already accepted loses the span its acceptance made.
        """
        with self._ws.store.engine.connect() as conn:
            q = select(SG.id, SG.start, SG.end, SG.label, SG.state).where(
                SG.document_id == doc_id, SG.id.in_(ids)
            )
            rows = list(conn.execute(q))
            accepted = {(r.start, r.end, r.label) for r in rows if r.state == ACCEPTED}
            spans = _spans_made(conn, doc_id, accepted) if accepted else ()
        text = f"Reject {_plural(len(rows))}"
        removal = (ed.RemoveSpans(doc_id, spans),) if spans else ()
        return self.apply(
            SuggestionStep(doc_id, tuple((r.id, REJECTED) for r in rows), removal, text)
        )

    def of(self, doc_id: int, label: str | None = None, entity_id: int | None = None) -> list[int]:
        """Ids of pending suggestions of a document, of one label or entity if given."""
        return [
            sid
            for sid, _, _, lab, eid, _ in self.pending(doc_id)
            if (label is None or lab == label) and (entity_id is None or eid == entity_id)
        ]

    def apply(self, step: SuggestionStep) -> SuggestionStep:
        """Apply a step in one transaction; return the step that undoes it."""
        ws = self._ws
        who = ws.store.annotator_id(ws.annotator)
        with ws.store.engine.begin() as conn:
            old = dict(
                conn.execute(
                    select(SG.id, SG.state).where(SG.id.in_([i for i, _ in step.states]))
                ).all()
            )
            for sid, state in step.states:
                conn.execute(update(t.SUGGESTIONS).where(SG.id == sid).values(state=state))
            inverses: list[ed.Edit] = []
            if step.edits:
                docs = sorted(set().union(*(ed.documents_of(e) for e in step.edits)))
                restored = set().union(*(restored_spans(e) for e in step.edits))
                with learning(conn, ws.project.id, docs, restored):
                    for edit in step.edits:
                        inverses.append(apply_edit(conn, ws.project.id, who, edit))
        back = tuple((sid, old[sid]) for sid, _ in step.states if sid in old)
        return SuggestionStep(step.document_id, back, tuple(reversed(inverses)), step.text)

    def label_occurrences(
        self,
        doc_id: int,
        start: int,
        end: int,
        label: str,
        whole_project: bool = False,
        within: Sequence[int] | None = None,
        stop: Callable[[], bool] | None = None,
    ) -> list[tuple[int, int, int]]:
        """``(document, start, end)`` of every other unlabelled occurrence of a span's text.

        In the document, or in the whole project (only the documents the
        full-text index names are read), or in the documents ``within``.
        ``stop`` may end a project search early (asked between chunks).
        """
        with self._ws.store.engine.connect() as conn:
            surface = conn.execute(select(D.text).where(D.id == doc_id)).scalar_one()[start:end]
            if within is None and not whole_project:
                within = [doc_id]
            return occurrence_search(conn, self._ws.project.id, surface, within, stop)

    def label_all(
        self, doc_id: int, label: str, found: Sequence[tuple[int, int, int]]
    ) -> SuggestionStep:
        """Label every ``(document, start, end)`` of ``found`` as one step; the undo step.

        ``found`` comes from :meth:`label_occurrences` (so its count can be
        shown first); ``doc_id`` is the document the person labelled in.
        """
        by_doc: dict[int, list[ed.Edit]] = {}
        for other, s, e in found:
            by_doc.setdefault(other, []).append(ed.AddSpan(other, s, e, label))
        text = f"Label {_plural(len(found), 'occurrence')} as {label}"
        edits = tuple(ed.Batch(d, tuple(adds), text) for d, adds in sorted(by_doc.items()))
        return self.apply(SuggestionStep(doc_id, (), edits, text))


def _plural(n: int, noun: str = "suggestion") -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _spans_made(conn: Connection, doc_id: int, where: set[tuple[int, int, str]]) -> tuple[int, ...]:
    """Ids of the spans of a document at these ``(start, end, label)``."""
    q = (
        select(S.id, S.start, S.end, L.name)
        .join(t.LABELS, L.id == S.label_id)
        .where(S.document_id == doc_id)
    )
    return tuple(sorted(r.id for r in conn.execute(q) if (r.start, r.end, r.name) in where))


def _taken(
    conn: Connection, doc_ids: Sequence[int]
) -> dict[int, tuple[list[tuple[int, int]], set]]:  # type: ignore[type-arg]
    """Per document: span ranges, and every suggestion already made (any state)."""
    out: dict[int, tuple[list[tuple[int, int]], set[tuple[int, int, str]]]] = {
        d: ([], set()) for d in doc_ids
    }
    for doc, s, e in conn.execute(
        select(S.document_id, S.start, S.end).where(S.document_id.in_(doc_ids))
    ):
        out[doc][0].append((s, e))
    q = select(SG.document_id, SG.start, SG.end, SG.label).where(SG.document_id.in_(doc_ids))
    for doc, s, e, label in conn.execute(q):
        out[doc][1].add((s, e, label))
    return out


def _row(
    doc_id: int, start: int, end: int, label: str, score: float, sg: object
) -> dict[str, object]:
    entity = getattr(sg, "entity", None)
    return {
        "document_id": doc_id,
        "start": start,
        "end": end,
        "label": label,
        "entity_id": entity.id if entity is not None else None,
        "score": score,
        "state": PENDING,
        "created_at": datetime.now(UTC),
    }
