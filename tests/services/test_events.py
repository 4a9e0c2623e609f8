"""Events, arguments, relations and notes on the sample release: saved at once, undone exactly.

Runs on SQLite and on PostgreSQL (when ANNOTATOR_TEST_PG_URL is set).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from annotator.core import edits as ed
from annotator.core import model
from annotator.core.schemas import DEFAULT
from annotator.services.annotate import Annotations, EditError
from annotator.services.events import (
    flagged_events,
    missing_roles,
    role_for_key,
    role_keys,
    roles_left,
    search_notes,
)
from annotator.services.workspace import Workspace
from annotator.store import tables as t

ARG = t.ARGUMENTS.c
SPANS = {
    "apel pagi siaga": "MISC",
    "Kabid Humas Polda Kaltara": "TITLE",
    "Budi Rachmat": "PER",
    "Lapangan Apel Mapolda Kaltara": "LOC",
    "Bulungan": "LOC",
    "Rabu": "DATE",
}
OTHER_SENTENCE = 400  # the Kabid Humas again, in the third sentence


@pytest.fixture
def ws(db_url: str, sample_release: Path) -> Iterator[Workspace]:
    """The sample release imported, with the spans of the roll-call labelled."""
    workspace = Workspace.open(db_url, "rilis", "ani")
    [doc_id] = workspace.import_paths([sample_release]).document_ids
    doc = workspace.document(doc_id)
    assert doc is not None
    ann = Annotations(workspace)
    for surface, label in SPANS.items():
        start = doc.text.index(surface)
        ann.apply(ed.AddSpan(doc_id, start, start + len(surface), label))
    again = doc.text.index("Kabid Humas Polda Kaltara", OTHER_SENTENCE)
    ann.apply(ed.AddSpan(doc_id, again, again + len("Kabid Humas Polda Kaltara"), "ORG"))
    yield workspace
    workspace.close()


def _doc(ws: Workspace) -> model.Document:
    doc = ws.document(1)
    assert doc is not None
    return doc


def _span(ws: Workspace, surface: str, label: str | None = None) -> int:
    doc = _doc(ws)
    label = label or SPANS[surface]
    [found] = [s.id for s in doc.spans if s.text_in(doc.text) == surface and s.label == label]
    assert found is not None
    return found


def _args(ws: Workspace) -> list[tuple[str, str]]:
    """The event's arguments as ``(role, text)``, read back from the database."""
    doc = _doc(ws)
    [event] = doc.events
    texts = {s.id: s.text_in(doc.text) for s in doc.spans}
    return [(a.role, texts[a.span_id or 0]) for a in event.arguments]


def _rows(ws: Workspace) -> list[tuple[int, int, str, int]]:
    with ws.store.engine.connect() as conn:
        q = select(ARG.id, ARG.span_id, ARG.role, ARG.position).order_by(ARG.id)
        return [(a, s, r, p) for a, s, r, p in conn.execute(q)]


def _undo_redo(ann: Annotations, undo: ed.Edit, after: Callable[[], object]) -> ed.Edit:
    """Undo (state as before), redo (state as after): return the new undo edit."""
    done = after()
    before_redo = ann.apply(undo)
    assert after() != done
    undo_again = ann.apply(before_redo)
    assert after() == done
    return undo_again


def _event(ws: Workspace) -> tuple[Annotations, int]:
    ann = Annotations(ws)
    undo = ann.apply(ed.AddEvent(1, _span(ws, "apel pagi siaga"), "SECURITY_OPERATION"))
    assert isinstance(undo, ed.RemoveEvent)
    return ann, undo.event_id


def test_apel_siaga_roll_call_with_three_arguments_rerole_remove_undo_redo(ws: Workspace) -> None:
    ann = Annotations(ws)
    trigger = _span(ws, "apel pagi siaga")
    undo_event = ann.apply(ed.AddEvent(1, trigger, "SECURITY_OPERATION"))
    [event] = _doc(ws).events
    assert (event.type, event.trigger_id, event.annotator) == ("SECURITY_OPERATION", trigger, "ani")
    assert undo_event == ed.RemoveEvent(1, event.id or 0)
    undo_event = _undo_redo(ann, undo_event, lambda: [e.id for e in _doc(ws).events])
    eid = event.id or 0

    steps = [
        ("agent", "Kabid Humas Polda Kaltara"),
        ("place", "Lapangan Apel Mapolda Kaltara"),
        ("time", "Rabu"),
    ]
    for n, (role, surface) in enumerate(steps, start=1):
        undo = ann.apply(ed.AddArgument(1, eid, _span(ws, surface), role))
        assert _args(ws) == steps[:n]
        _undo_redo(ann, undo, lambda: _rows(ws))
        assert _args(ws) == steps[:n]
    ids = [row[0] for row in _rows(ws)]

    agent = ids[0]
    undo = ann.apply(ed.Rerole(1, agent, "participant"))
    assert undo == ed.Rerole(1, agent, "agent")
    assert _args(ws)[0] == ("participant", "Kabid Humas Polda Kaltara")
    assert missing_roles(ws.schema(), _doc(ws).events[0]) == ["agent"]
    _undo_redo(ann, undo, lambda: _rows(ws))
    ann.apply(ed.Rerole(1, agent, "agent"))  # back to the agent, for good

    undo = ann.apply(ed.RemoveArgument(1, ids[1]))
    assert _args(ws) == [steps[0], steps[2]]
    ann.apply(undo)
    assert _args(ws) == steps  # back in its place, under its id
    assert [row[0] for row in _rows(ws)] == ids
    redo = ann.apply(ed.RemoveArgument(1, ids[1]))
    ann.apply(redo)
    assert _rows(ws)[1] == (ids[1], _span(ws, "Lapangan Apel Mapolda Kaltara"), "place", 1)
    assert _doc(ws).status == model.Status.IN_PROGRESS


def test_removing_an_event_and_undoing_restores_arguments_and_notes(ws: Workspace) -> None:
    ann, eid = _event(ws)
    ann.apply(ed.AddArgument(1, eid, _span(ws, "Kabid Humas Polda Kaltara"), "agent"))
    ann.apply(ed.AddArgument(1, eid, _span(ws, "Bulungan"), "place"))
    ann.apply(ed.SetNote(1, "Apel dipimpin Kabid Humas", event_id=eid))
    before = _doc(ws)
    undo = ann.apply(ed.RemoveEvent(1, eid))
    gone = _doc(ws)
    assert (gone.events, gone.notes, _rows(ws)) == ((), (), [])
    assert len(gone.spans) == len(before.spans)  # the trigger and arguments stay
    redo = ann.apply(undo)
    assert (_doc(ws).events, _doc(ws).notes) == (before.events, before.notes)
    ann.apply(redo)
    assert _doc(ws).events == ()


def test_an_argument_may_sit_in_another_sentence(ws: Workspace) -> None:
    ann, eid = _event(ws)
    far = _span(ws, "Kabid Humas Polda Kaltara", "ORG")
    ann.apply(ed.AddArgument(1, eid, far, "agent"))
    [arg] = _doc(ws).events[0].arguments
    assert (arg.role, arg.span_id) == ("agent", far)


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (lambda s, e: ed.AddEvent(1, s("Rabu"), "LOC"), "not an event label"),
        (lambda s, e: ed.AddEvent(1, s("apel pagi siaga"), "SECURITY_OPERATION"), "already"),
        (lambda s, e: ed.AddEvent(1, 999, "ARREST"), "not in document 1"),
        (lambda s, e: ed.AddArgument(1, e, s("Rabu"), "candidate"), "no role 'candidate'"),
        (lambda s, e: ed.AddArgument(1, e, s("Bulungan"), "place"), "at most 1 place"),
        (lambda s, e: ed.AddArgument(1, e, s("Lapangan Apel Mapolda Kaltara"), "place"), "already"),
        (lambda s, e: ed.AddArgument(1, 999, s("Rabu"), "time"), "event 999 is not"),
        (lambda s, e: ed.AddArgument(1, e, 999, "time"), "span 999 is not"),
        (lambda s, e: ed.Rerole(1, 999, "time"), "argument 999 is not"),
        (lambda s, e: ed.AddRelation(1, s("Bulungan"), s("Rabu"), "ORG"), "not a relation label"),
        (lambda s, e: ed.AddRelation(1, s("Bulungan"), s("Bulungan"), "located_in"), "two"),
        (lambda s, e: ed.SetNote(1, "", span_id=s("Rabu")), "no note to delete"),
        (lambda s, e: ed.SetNote(1, "x", span_id=s("Rabu"), event_id=e), "not both"),
    ],
)
def test_invalid_event_edits_are_refused_and_change_nothing(
    ws: Workspace, make: Callable[[Callable[[str], int], int], ed.Edit], why: str
) -> None:
    ann, eid = _event(ws)
    ann.apply(ed.AddArgument(1, eid, _span(ws, "Lapangan Apel Mapolda Kaltara"), "place"))
    before = _doc(ws)
    with pytest.raises(EditError, match=why):
        ann.apply(make(lambda surface: _span(ws, surface), eid))
    assert _doc(ws) == before


def test_an_argument_from_another_document_is_refused(ws: Workspace, tmp_path: Path) -> None:
    (tmp_path / "lain.txt").write_text("Rapat pleno KPU di Tarakan.", encoding="utf-8")
    [other] = ws.import_paths([tmp_path / "lain.txt"]).document_ids
    ann, eid = _event(ws)
    foreign = ann.apply(ed.AddSpan(other, 0, 5, "EVENT"))
    assert isinstance(foreign, ed.RemoveSpans)
    with pytest.raises(EditError, match="not in document 1"):
        ann.apply(ed.AddArgument(1, eid, foreign.span_ids[0], "participant"))


def test_a_relation_is_added_relabelled_removed_and_undone(ws: Workspace) -> None:
    ann = Annotations(ws)
    field, town = _span(ws, "Lapangan Apel Mapolda Kaltara"), _span(ws, "Bulungan")

    def relations() -> list[tuple[int | None, str, int | None, int | None]]:
        return [(r.id, r.label, r.head_id, r.tail_id) for r in _doc(ws).relations]

    undo_add = ann.apply(ed.AddRelation(1, field, town, "located_in"))
    [(rid, *rest)] = relations()
    assert rest == ["located_in", field, town]
    undo_add = _undo_redo(ann, undo_add, relations)
    undo_relabel = ann.apply(ed.RelabelRelation(1, rid or 0, "member_of"))
    assert relations() == [(rid, "member_of", field, town)]
    _undo_redo(ann, undo_relabel, relations)
    ann.apply(undo_relabel)
    undo_remove = ann.apply(ed.RemoveRelation(1, rid or 0))
    assert relations() == []
    ann.apply(undo_remove)
    assert relations() == [(rid, "located_in", field, town)]
    with pytest.raises(EditError, match="already has this relation"):
        ann.apply(ed.AddRelation(1, field, town, "located_in"))


def test_notes_are_saved_found_rewritten_deleted_and_undone(ws: Workspace) -> None:
    ann, eid = _event(ws)
    undo_doc = ann.apply(ed.SetNote(1, "Cek ulang tanggal apel"))
    ann.apply(ed.SetNote(1, "Siapa komandan apel?", event_id=eid))
    ann.apply(ed.SetNote(1, "Nama lengkap dengan gelar", span_id=_span(ws, "Budi Rachmat")))
    found = search_notes(ws, "APEL")
    assert [(doc_id, n.text, n.event_id) for doc_id, n in found] == [
        (1, "Cek ulang tanggal apel", None),
        (1, "Siapa komandan apel?", eid),
    ]
    assert search_notes(ws, "100%") == []
    [doc_note] = [n for n in _doc(ws).notes if n.span_id is None and n.event_id is None]
    assert doc_note.annotator == "ani"
    undo_rewrite = ann.apply(ed.SetNote(1, "Tanggal sudah dicek"))
    assert search_notes(ws, "tanggal")[0][1].text == "Tanggal sudah dicek"
    ann.apply(undo_rewrite)
    assert search_notes(ws, "tanggal")[0][1] == doc_note
    undo_delete = ann.apply(ed.SetNote(1, "", note_id=doc_note.id))
    assert search_notes(ws, "tanggal") == []
    ann.apply(undo_delete)
    assert search_notes(ws, "tanggal")[0][1] == doc_note  # same id, same text
    ann.apply(undo_doc)
    assert search_notes(ws, "tanggal") == []


def test_events_missing_a_required_role_are_flagged(ws: Workspace) -> None:
    ann, eid = _event(ws)
    schema = ws.schema()
    [(event, missing)] = flagged_events(schema, _doc(ws))
    assert (event.id, missing) == (eid, ["agent"])
    assert roles_left(schema, event) == ["agent", "participant", "place", "time"]
    ann.apply(ed.AddArgument(1, eid, _span(ws, "Budi Rachmat"), "agent"))
    ann.apply(ed.AddArgument(1, eid, _span(ws, "Rabu"), "time"))
    assert flagged_events(schema, _doc(ws)) == []
    assert roles_left(schema, _doc(ws).events[0]) == ["agent", "participant", "place"]


def test_role_keys_come_from_the_schema() -> None:
    assert role_keys(DEFAULT, "ARREST") == {"a": "agent", "r": "person", "p": "place", "t": "time"}
    role = role_for_key(DEFAULT, "SECURITY_OPERATION", "P")
    assert role is not None and (role.name, role.max_count) == ("place", 1)
    assert role_for_key(DEFAULT, "SECURITY_OPERATION", "x") is None
    assert role_for_key(DEFAULT, "NOPE", "a") is None
