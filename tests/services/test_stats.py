"""Statistics on SQLite and PostgreSQL: what the statistics view and stats --json show."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import update

from annotator.core import edits as ed
from annotator.core import model
from annotator.core.textio import content_hash
from annotator.services.annotate import Annotations
from annotator.services.stats import project_stats
from annotator.services.workspace import Workspace
from annotator.store import tables as t
from annotator.store.ingest import Annotated, insert_batch, label_ids

TEXT = "Kapolda Kaltara memimpin rapat di Tarakan, Senin."


def _doc(n: int, spans: tuple[model.Span, ...] = ()) -> model.Document:
    return model.Document(TEXT, f"Rilis {n}", content_hash=content_hash(f"{n}"), spans=spans)


def test_counts_by_status_label_type_role_and_day(db_url: str) -> None:
    ws = Workspace.open(db_url, "berita", "ani")
    imported = (model.Span(0, 15, "ORG", "T1", model.Origin.IMPORTED),)
    with ws.store.engine.begin() as conn:
        docs = [Annotated(_doc(1, imported)), Annotated(_doc(2)), Annotated(_doc(3))]
        insert_batch(conn, ws.project.id, docs, label_ids(conn, ws.project.id))
    ann = Annotations(ws)
    spans = []
    for doc_id in (2, 3):
        for start, end, label in ((16, 24, "MISC"), (0, 15, "ORG"), (34, 41, "LOC")):
            undo = ann.apply(ed.AddSpan(doc_id, start, end, label))
            assert isinstance(undo, ed.RemoveSpans)
            spans.append(undo.span_ids[0])
        event = ann.apply(ed.AddEvent(doc_id, spans[-3], "MEETING"))
        assert isinstance(event, ed.RemoveEvent)
        ann.apply(ed.AddArgument(doc_id, event.event_id, spans[-2], "participant"))
    ann.apply(ed.AddArgument(3, 2, spans[-1], "place"))
    ann.apply(ed.SetStatus(3, model.Status.DONE))
    with ws.store.engine.begin() as conn:  # doc 2's work was yesterday's
        earlier = datetime(2024, 12, 11, 9, 30, tzinfo=UTC)
        conn.execute(update(t.SPANS).where(t.SPANS.c.document_id == 2).values(updated_at=earlier))
    stats = project_stats(ws)
    ws.close()
    assert (stats.documents, stats.by_status) == (3, {"done": 1, "in_progress": 1, "new": 1})
    assert stats.spans_by_label == {"LOC": 2, "MISC": 2, "ORG": 3}
    assert stats.events_by_type == {"MEETING": 2}
    assert stats.arguments_by_role == {"participant": 2, "place": 1}
    assert stats.arguments_by_type == {"MEETING": {"participant": 2, "place": 1}}
    today = datetime.now(UTC).date().isoformat()
    assert stats.annotated_per_day == {"2024-12-11": 1, today: 1}  # imported spans do not count
    assert list(stats.as_json()) == [
        "documents",
        "by_status",
        "spans_by_label",
        "events_by_type",
        "arguments_by_role",
        "annotated_per_day",
    ]


def test_projects_are_counted_apart(db_url: str) -> None:
    ws = Workspace.open(db_url, "berita", "ani")
    with ws.store.engine.begin() as conn:
        insert_batch(conn, ws.project.id, [Annotated(_doc(1))], label_ids(conn, ws.project.id))
    ann = Annotations(ws)
    undo = ann.apply(ed.AddSpan(1, 16, 24, "MISC"))
    assert isinstance(undo, ed.RemoveSpans)
    ann.apply(ed.AddEvent(1, undo.span_ids[0], "MEETING"))
    other = Workspace(ws.store, ws.store.project("lain"), "budi")
    stats = project_stats(other)
    ws.close()
    assert (stats.documents, stats.events_by_type, stats.annotated_per_day) == (0, {}, {})
