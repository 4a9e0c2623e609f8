"""Labelling from the keyboard in the real window, checked in the database each step."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from annotator.gui.workbench import Workbench
from tests.gui.conftest import press, select_with_keys, stored


def test_partial_selection_snaps_to_words_and_is_labelled_by_key(
    qtbot: QtBot, bench: Workbench
) -> None:
    text = stored(bench).text
    start = text.index("Andi Saputra") + 1  # "ndi Sapu": a sloppy selection
    select_with_keys(qtbot, bench, start, 8)
    press(qtbot, bench, "1")
    (span,) = stored(bench).spans
    assert (span.label, text[span.start : span.end]) == ("PER", "Andi Saputra")
    assert span.annotator == "tester"
    assert bench.window.saved.text() == "All changes saved"


def test_undo_and_redo_label(qtbot: QtBot, bench: Workbench) -> None:
    text = stored(bench).text
    select_with_keys(qtbot, bench, text.index("Mapolda"), 7)
    press(qtbot, bench, "3")
    (added,) = stored(bench).spans
    press(qtbot, bench, "Ctrl+Z")
    assert stored(bench).spans == ()
    assert bench.pane.view.spans() == ()
    press(qtbot, bench, "Ctrl+Shift+Z")
    (again,) = stored(bench).spans
    assert (again.id, again.label, text[again.start : again.end]) == (added.id, "LOC", "Mapolda")


def test_relabel_selected_span_with_another_key(qtbot: QtBot, bench: Workbench) -> None:
    text = stored(bench).text
    select_with_keys(qtbot, bench, text.index("Rabu"), 4)
    press(qtbot, bench, "2")
    press(qtbot, bench, "4")  # the new span stays selected: this relabels it
    (span,) = stored(bench).spans
    assert (span.label, text[span.start : span.end]) == ("DATE", "Rabu")
    press(qtbot, bench, "Ctrl+Z")
    assert stored(bench).spans[0].label == "ORG"


def test_grow_and_shrink_from_the_keyboard(qtbot: QtBot, bench: Workbench) -> None:
    text = stored(bench).text
    select_with_keys(qtbot, bench, text.index("Polda Kaltara"), 5)
    press(qtbot, bench, "2")
    press(qtbot, bench, "Alt+Shift+Right")  # end grows a word
    (span,) = stored(bench).spans
    assert text[span.start : span.end] == "Polda Kaltara"
    press(qtbot, bench, "Alt+Shift+Left")  # start grows a word
    assert stored(bench).spans[0].text_in(text) == "Humas Polda Kaltara"
    press(qtbot, bench, "Alt+Right")  # start shrinks a word
    press(qtbot, bench, "Alt+Left")  # end shrinks a word
    assert stored(bench).spans[0].text_in(text) == "Polda"
    press(qtbot, bench, "Ctrl+Z")
    assert stored(bench).spans[0].text_in(text) == "Polda Kaltara"


def test_delete_selected_span_and_undo_brings_it_back(qtbot: QtBot, bench: Workbench) -> None:
    text = stored(bench).text
    select_with_keys(qtbot, bench, text.index("300"), 3)
    press(qtbot, bench, "7")
    (span,) = stored(bench).spans
    press(qtbot, bench, "Delete")
    assert stored(bench).spans == ()
    press(qtbot, bench, "Ctrl+Z")
    assert [(s.id, s.label) for s in stored(bench).spans] == [(span.id, "QTY")]


def test_overlapping_and_nested_spans_are_all_kept_and_painted(
    qtbot: QtBot, bench: Workbench
) -> None:
    text = stored(bench).text
    select_with_keys(qtbot, bench, text.index("Kabid Humas"), len("Kabid Humas Polda Kaltara"))
    press(qtbot, bench, "5")
    select_with_keys(qtbot, bench, text.index("Polda Kaltara"), len("Polda Kaltara"))
    press(qtbot, bench, "2")
    select_with_keys(qtbot, bench, text.index("Kaltara Kombes"), len("Kaltara Kombes"))
    press(qtbot, bench, "8")
    spans = stored(bench).spans
    assert sorted(s.text_in(text) for s in spans) == [
        "Kabid Humas Polda Kaltara",
        "Kaltara Kombes",
        "Polda Kaltara",
    ]
    painted = bench.pane.view._painted
    assert len(painted) == 3
    assert len({p.level for p in painted}) == 3  # three stacked underlines, none hidden


def test_delete_several_spans_from_the_list_is_one_undoable_edit(
    qtbot: QtBot, bench: Workbench
) -> None:
    text = stored(bench).text
    for word, key in (("Andi", "1"), ("Mapolda", "3"), ("Rabu", "4")):
        select_with_keys(qtbot, bench, text.index(word), len(word))
        press(qtbot, bench, key)
    before = stored(bench).spans
    panel = bench.spans_panel
    panel.setFocus()
    panel.selectAll()
    press(qtbot, bench, "Delete")
    assert stored(bench).spans == ()
    stack = bench.docs.undo.group.activeStack()
    assert stack.undoText() == "Delete 3 spans"
    press(qtbot, bench, "Ctrl+Z")
    assert stored(bench).spans == before
