"""Editing annotations on SQLite and PostgreSQL: saved at once, undone exactly."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import insert, select

from annotator.core import edits as ed
from annotator.core import model
from annotator.core.textio import content_hash
from annotator.services.annotate import Annotations, EditError
from annotator.services.workspace import Workspace
from annotator.store import tables as t
from annotator.store.ingest import Annotated, insert_batch, label_ids

TEXT = "Kabid Humas Polda Kaltara 👍🏽 memimpin apel di Bulungan, Rabu.\nSelesai di kafe\u0301."
BUL = TEXT.index("Bulungan")
RABU = TEXT.index("Rabu")
ACUTE = TEXT.index("\u0301")


def _doc(text: str = TEXT) -> model.Document:
    return model.Document(
        text=text,
        title="Apel siaga",
        content_hash=content_hash(text),
        spans=(
            model.Span(0, 11, "TITLE", "T1"),
            model.Span(12, 25, "ORG", "T2"),
            model.Span(BUL, BUL + 8, "LOC", "T3"),
            model.Span(RABU, RABU + 4, "DATE", "T4"),
        ),
        events=(
            model.Event(
                "SECURITY_OPERATION",
                "T1",
                arguments=(model.Argument("agent", "T2"), model.Argument("place", "T3")),
            ),
        ),
        relations=(model.Relation("located_in", "T2", "T3"),),
    )


@pytest.fixture
def ws(db_url: str) -> Iterator[Workspace]:
    """A workspace with one annotated document (and a bare one)."""
    workspace = Workspace.open(db_url, "berita", "ani")
    with workspace.store.engine.begin() as conn:
        labels = label_ids(conn, workspace.project.id)
        insert_batch(
            conn,
            workspace.project.id,
            [Annotated(_doc()), Annotated(model.Document("Teks lain.", content_hash="h2"))],
            labels,
        )
    yield workspace
    workspace.close()


def _load(ws: Workspace, doc_id: int = 1) -> model.Document:
    doc = ws.document(doc_id)
    assert doc is not None
    return doc


def _spans(ws: Workspace, doc_id: int = 1) -> set[tuple[int, int, str]]:
    return {(s.start, s.end, s.label) for s in _load(ws, doc_id).spans}


def _span_id(ws: Workspace, label: str) -> int:
    [found] = [s.id for s in _load(ws).spans if s.label == label]
    assert found is not None
    return found


def test_add_span_is_saved_with_its_annotator_and_undone(ws: Workspace) -> None:
    ann = Annotations(ws)
    undo = ann.apply(ed.AddSpan(1, 26, 28, "MISC"))  # the emoji and its skin tone
    doc = _load(ws)
    [added] = [s for s in doc.spans if s.label == "MISC"]
    assert (added.text_in(doc.text), added.annotator) == ("👍🏽", "ani")
    assert doc.status == model.Status.IN_PROGRESS
    assert undo == ed.RemoveSpans(1, (added.id or 0,))  # the view selects the new span
    redo = ann.apply(undo)
    assert (26, 28, "MISC") not in _spans(ws)
    assert _load(ws).status == model.Status.IN_PROGRESS  # work has started all the same
    ann.apply(redo)
    again = [s for s in _load(ws).spans if s.label == "MISC"]
    assert [s.id for s in again] == [added.id]
    assert _load(ws).status == model.Status.IN_PROGRESS


def test_relabel_and_resize_round_trip(ws: Workspace) -> None:
    ann = Annotations(ws)
    org = _span_id(ws, "ORG")
    undo_relabel = ann.apply(ed.Relabel(1, org, "LOC"))
    assert (12, 25, "LOC") in _spans(ws)
    undo_resize = ann.apply(ed.Resize(1, org, 18, 25))
    assert (18, 25, "LOC") in _spans(ws)
    redo_resize = ann.apply(undo_resize)
    assert (12, 25, "LOC") in _spans(ws)
    ann.apply(undo_relabel)
    assert (12, 25, "ORG") in _spans(ws)
    ann.apply(redo_resize)
    assert (18, 25, "ORG") in _spans(ws)


def test_deleting_linked_spans_and_undoing_restores_everything(ws: Workspace) -> None:
    with ws.store.engine.begin() as conn:
        title = conn.execute(select(t.SPANS.c.id).where(t.SPANS.c.start == 0)).scalar_one()
        conn.execute(insert(t.NOTES), [{"document_id": 1, "span_id": title, "text": "cek"}])
        conn.execute(insert(t.NOTES), [{"document_id": 1, "event_id": 1, "text": "apel"}])
    before = _load(ws)
    ann = Annotations(ws)
    doomed = (_span_id(ws, "TITLE"), _span_id(ws, "ORG"), _span_id(ws, "LOC"))
    undo = ann.apply(ed.RemoveSpans(1, doomed))
    gone = _load(ws)
    assert [s.label for s in gone.spans] == ["DATE"]
    assert (gone.events, gone.relations, gone.notes) == ((), (), ())
    redo = ann.apply(undo)
    back = _load(ws)
    assert back.spans == before.spans
    assert back.events == before.events
    assert back.relations == before.relations
    assert back.notes == before.notes
    ann.apply(redo)
    assert [s.label for s in _load(ws).spans] == ["DATE"]


def test_deleting_an_argument_keeps_its_event(ws: Workspace) -> None:
    ann = Annotations(ws)
    undo = ann.apply(ed.RemoveSpans(1, (_span_id(ws, "LOC"),)))
    [event] = _load(ws).events
    assert [a.role for a in event.arguments] == ["agent"]
    ann.apply(undo)
    [event] = _load(ws).events
    assert [a.role for a in event.arguments] == ["agent", "place"]


def test_a_batch_applies_together_and_undoes_together(ws: Workspace) -> None:
    ann = Annotations(ws)
    batch = ed.Batch(
        1, (ed.AddSpan(1, 0, 5, "PER"), ed.Relabel(1, _span_id(ws, "DATE"), "MISC")), "Fix"
    )
    undo = ann.apply(batch)
    assert {(0, 5, "PER"), (RABU, RABU + 4, "MISC")} <= _spans(ws)
    ann.apply(undo)
    assert _spans(ws) == {
        (0, 11, "TITLE"),
        (12, 25, "ORG"),
        (BUL, BUL + 8, "LOC"),
        (RABU, RABU + 4, "DATE"),
    }
    assert _load(ws).status == model.Status.IN_PROGRESS


def test_a_status_the_person_set_is_kept_by_span_edits(ws: Workspace) -> None:
    ann = Annotations(ws)
    ann.apply(ed.SetStatus(1, model.Status.DONE))
    ann.apply(ed.AddSpan(1, 0, 5, "PER"))
    assert _load(ws).status == model.Status.DONE
    ann.apply(ed.Batch(2, (ed.SetStatus(2, model.Status.NEW), ed.AddSpan(2, 0, 4, "ORG"))))
    assert _load(ws, 2).status == model.Status.NEW


def test_a_failing_edit_in_a_batch_changes_nothing(ws: Workspace) -> None:
    before = _load(ws)
    batch = ed.Batch(
        1,
        (
            ed.AddSpan(1, 0, 5, "PER"),
            ed.RemoveSpans(1, (_span_id(ws, "ORG"),)),
            ed.Relabel(1, _span_id(ws, "DATE"), "NOT_A_LABEL"),
            ed.SetStatus(1, model.Status.DONE),
        ),
    )
    with pytest.raises(EditError, match="NOT_A_LABEL"):
        Annotations(ws).apply(batch)
    assert _load(ws) == before


@pytest.mark.parametrize(
    ("edit", "why"),
    [
        (ed.AddSpan(1, 60, 999, "ORG"), "outside the text"),
        (ed.AddSpan(1, 5, 5, "ORG"), "empty"),
        (ed.AddSpan(1, ACUTE - 4, ACUTE, "ORG"), "splits a character"),
        (ed.AddSpan(1, 0, 5, "ARREST"), "not an entity label"),
        (ed.AddSpan(1, 0, 11, "TITLE"), "already has this span"),
        (ed.AddSpan(99, 0, 1, "ORG"), "not in this project"),
        (ed.Relabel(2, 1, "ORG"), "not in document 2"),
        (ed.Resize(1, 1, 12, 25), "already has this span"),
        (ed.RemoveSpans(1, ()), "no spans"),
        (ed.Batch(1, (ed.SetStatus(2, model.Status.DONE),)), "one document"),
    ],
)
def test_invalid_edits_are_refused_and_change_nothing(
    ws: Workspace, edit: ed.Edit, why: str
) -> None:
    Annotations(ws).apply(ed.AddSpan(1, 12, 25, "TITLE"))  # span 5, for the resize case
    before = (_load(ws), _load(ws, 2))
    with pytest.raises(EditError, match=why):
        Annotations(ws).apply(edit)
    assert (_load(ws), _load(ws, 2)) == before


def test_status_is_set_and_undone(ws: Workspace) -> None:
    ann = Annotations(ws)
    undo = ann.apply(ed.SetStatus(2, model.Status.DONE))
    assert _load(ws, 2).status == model.Status.DONE
    ann.apply(undo)
    assert _load(ws, 2).status == model.Status.NEW


def test_documents_of_another_project_cannot_be_edited(ws: Workspace) -> None:
    other = Workspace(ws.store, ws.store.project("lain"), "budi")
    with pytest.raises(EditError, match="not in this project"):
        Annotations(other).apply(ed.SetStatus(1, model.Status.DONE))
    assert Annotations(other).document(1) is None


def test_undoing_a_delete_never_takes_over_another_documents_span(ws: Workspace) -> None:
    ann = Annotations(ws)
    newest = ann.apply(ed.AddSpan(1, 0, 5, "PER"))
    assert isinstance(newest, ed.RemoveSpans)
    undo_delete = ann.apply(newest)  # deletes the newest span of the database
    ann.apply(ed.AddSpan(2, 0, 4, "ORG"))  # ids are never handed out twice (AUTOINCREMENT)
    ann.apply(undo_delete)
    assert (0, 5, "PER") in _spans(ws)
    assert _spans(ws, 2) == {(0, 4, "ORG")}
