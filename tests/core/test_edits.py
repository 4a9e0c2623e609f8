"""Core edits: what the Undo menu says, and which edits start work on a document."""

from __future__ import annotations

import pytest

from annotator.core import edits as ed
from annotator.core.model import Origin, Status


@pytest.mark.parametrize(
    ("edit", "text"),
    [
        (ed.AddSpan(1, 0, 4, "ORG"), "Add ORG span"),
        (ed.RemoveSpans(1, (3, 4, 5)), "Delete 3 spans"),
        (ed.RemoveSpans(1, (3,)), "Delete 1 span"),
        (ed.Relabel(1, 3, "LOC"), "Relabel span as LOC"),
        (ed.Resize(1, 3, 0, 2), "Resize span"),
        (ed.SetStatus(1, Status.IN_PROGRESS), "Mark document in progress"),
        (
            ed.Restore(1, (ed.SpanRecord(3, 0, 4, "ORG", Origin.MANUAL, None, None),)),
            "Restore 1 span",
        ),
        (ed.Batch(1, (ed.AddSpan(1, 0, 4, "PER"),)), "Add PER span"),
        (ed.Batch(1, (ed.AddSpan(1, 0, 4, "PER"), ed.Relabel(1, 3, "LOC"))), "2 edits"),
        (ed.Batch(1, (), "Accept all suggestions"), "Accept all suggestions"),
    ],
)
def test_every_edit_describes_itself_for_the_undo_menu(edit: ed.Edit, text: str) -> None:
    assert edit.describe() == text


def test_status_changes_do_not_count_as_span_work() -> None:
    status = ed.SetStatus(1, Status.DONE)
    add = ed.AddSpan(1, 0, 4, "ORG")
    assert not ed.touches_spans(status)
    assert ed.touches_spans(ed.Batch(1, (status, add)))
    assert ed.sets_status(ed.Batch(1, (ed.Batch(1, (status,)),)))
    assert not ed.sets_status(add)


def test_a_batch_names_every_document_it_touches() -> None:
    batch = ed.Batch(1, (ed.AddSpan(1, 0, 4, "ORG"), ed.Batch(1, (ed.SetStatus(2, Status.DONE),))))
    assert ed.documents_of(batch) == {1, 2}


def test_edits_are_values() -> None:
    assert ed.AddSpan(1, 0, 4, "ORG") == ed.AddSpan(1, 0, 4, "ORG")
    assert len({ed.RemoveSpans(1, (2, 3)), ed.RemoveSpans(1, (2, 3))}) == 1
