"""Event, relation, note and schema edits: what the Undo menu says; which start work."""

from __future__ import annotations

import pytest

from annotator.core import edits as ed
from annotator.core import schema_edits as se
from annotator.core.model import Label, LabelKind

EVENT = ed.EventRecord(4, 2, "ARREST", None)


@pytest.mark.parametrize(
    ("edit", "text"),
    [
        (ed.AddEvent(1, 2, "ARREST"), "Add ARREST event"),
        (ed.RemoveEvent(1, 4), "Delete event"),
        (ed.RestoreEvent(1, EVENT), "Restore ARREST event"),
        (ed.AddArgument(1, 4, 3, "agent"), "Add agent argument"),
        (ed.Rerole(1, 7, "place"), "Change argument role to place"),
        (ed.RemoveArgument(1, 7), "Remove argument"),
        (ed.AddRelation(1, 2, 3, "located_in"), "Add located_in relation"),
        (ed.RemoveRelation(1, 9), "Delete relation"),
        (
            ed.RestoreRelation(1, ed.RelationRecord(9, 2, 3, "member_of", None)),
            "Restore member_of relation",
        ),
        (ed.RelabelRelation(1, 9, "holds_title"), "Relabel relation as holds_title"),
        (ed.SetNote(1, "cek"), "Edit note"),
        (ed.SetNote(1, "", note_id=5), "Delete note"),
        (ed.Batch(1, (ed.AddEvent(1, 2, "ARREST"), ed.AddArgument(1, 4, 3, "agent"))), "2 edits"),
    ],
)
def test_event_edits_describe_themselves(edit: ed.Edit, text: str) -> None:
    assert edit.describe() == text


def test_event_and_relation_edits_start_work_but_notes_do_not() -> None:
    assert ed.touches_spans(ed.AddArgument(1, 4, 3, "agent"))
    assert ed.touches_spans(ed.Batch(1, (ed.AddRelation(1, 2, 3, "located_in"),)))
    assert not ed.touches_spans(ed.SetNote(1, "cek"))
    assert ed.documents_of(ed.Batch(1, (ed.RemoveEvent(2, 4),))) == {1, 2}


@pytest.mark.parametrize(
    ("edit", "text"),
    [
        (se.AddLabel(Label("VEHICLE")), "Add entity label VEHICLE"),
        (se.UpdateLabel(Label("ARREST", LabelKind.EVENT, id=3)), "Edit label ARREST"),
        (se.DeleteLabel(3), "Delete label"),
        (se.RestoreLabel(Label("LOC", id=3), 2), "Restore label LOC"),
        (se.SchemaBatch((se.DeleteLabel(3),), "Import schema a.json"), "Import schema a.json"),
        (se.SchemaBatch((se.DeleteLabel(3), se.DeleteLabel(4))), "2 schema edits"),
    ],
)
def test_schema_edits_describe_themselves(edit: se.SchemaEdit, text: str) -> None:
    assert edit.describe() == text
