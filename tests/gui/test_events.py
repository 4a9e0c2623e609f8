"""Events, arguments, relations and notes from the keyboard on the sample release.

Each step drives the real window and checks what the database holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from annotator.core.model import Document, Event
from annotator.gui.preferences import Preferences
from annotator.gui.workbench import Workbench
from annotator.services.workspace import Workspace
from tests.gui.conftest import press, stored


@pytest.fixture
def release(qtbot: QtBot, tmp_path: Path, sample_release: Path) -> Iterator[Workbench]:
    """The window over the sample release, open and focused on its text."""
    ws = Workspace.open(f"sqlite:///{tmp_path / 'ev.db'}", "rilis", "ani")
    ws.import_paths([sample_release])
    wb = Workbench(ws, Preferences())
    qtbot.addWidget(wb.window)
    wb.window.resize(1400, 900)
    wb.start()
    wb.window.activateWindow()
    qtbot.waitActive(wb.window)
    wb.pane.view.setFocus()
    yield wb
    ws.close()


def select(bench: Workbench, surface: str, nth: int = 0) -> None:
    """Select the ``nth`` occurrence of ``surface`` as if dragged over."""
    text, at = bench.pane.view.text(), -1
    for _ in range(nth + 1):
        at = text.index(surface, at + 1)
    bench.pane.view.select_range(at, at + len(surface))


def the_event(doc: Document) -> Event:
    (event,) = doc.events
    return event


def roles(bench: Workbench) -> list[tuple[str, str]]:
    """``(role, text)`` of the event's arguments, as stored."""
    doc = stored(bench)
    text = {s.id: s.text_in(doc.text) for s in doc.spans}
    return sorted((a.role, text[a.span_id]) for a in the_event(doc).arguments)


def build_roll_call(qtbot: QtBot, bench: Workbench) -> None:
    """The apel siaga with its agent, place and time, by keys only."""
    select(bench, "apel pagi siaga")
    press(qtbot, bench, "q")
    event = the_event(stored(bench))
    assert event.type == "SECURITY_OPERATION"
    assert bench.events_ui.events.current_event == event.id
    select(bench, "Kabid Humas Polda Kaltara")
    press(qtbot, bench, "5")  # TITLE span, still selected...
    press(qtbot, bench, "a")  # ...attached as agent
    select(bench, "Lapangan Apel Mapolda Kaltara")
    press(qtbot, bench, "p")  # a new LOC span over the text, as place
    select(bench, "Rabu")
    press(qtbot, bench, "t")


def test_event_with_three_arguments_rerole_remove_undo_redo(
    qtbot: QtBot, release: Workbench
) -> None:
    bench = release
    build_roll_call(qtbot, bench)
    assert roles(bench) == [
        ("agent", "Kabid Humas Polda Kaltara"),
        ("place", "Lapangan Apel Mapolda Kaltara"),
        ("time", "Rabu"),
    ]
    labels = {s.text_in(stored(bench).text): s.label for s in stored(bench).spans}
    assert labels["Lapangan Apel Mapolda Kaltara"] == "LOC"
    assert labels["Rabu"] == "DATE"
    assert len(bench.events_ui.links.links()) == 3  # drawn
    panel = bench.events_ui.panel
    (item,) = [i for i in panel._items() if i.text(0).startswith("agent:")]
    # re-role: the agent becomes a participant (key r on the selected argument)
    panel.setFocus()
    panel.setCurrentItem(item)
    QTest.keyClick(panel, Qt.Key.Key_R)
    assert ("participant", "Kabid Humas Polda Kaltara") in roles(bench)
    top = panel.topLevelItem(0)
    assert top is not None and "missing: agent" in top.text(0)  # agent is required
    press(qtbot, bench, "Ctrl+Z")
    assert ("agent", "Kabid Humas Polda Kaltara") in roles(bench)
    press(qtbot, bench, "Ctrl+Shift+Z")
    assert ("participant", "Kabid Humas Polda Kaltara") in roles(bench)
    # remove the time argument (Delete on it); its span stays
    (time_item,) = [i for i in panel._items() if i.text(0).startswith("time:")]
    panel.setFocus()
    panel.setCurrentItem(time_item)
    QTest.keyClick(panel, Qt.Key.Key_Delete)
    assert [r for r, _ in roles(bench)] == ["participant", "place"]
    assert any(s.text_in(stored(bench).text) == "Rabu" for s in stored(bench).spans)
    press(qtbot, bench, "Ctrl+Z")
    assert ("time", "Rabu") in roles(bench)
    press(qtbot, bench, "Ctrl+Shift+Z")
    assert ("time", "Rabu") not in roles(bench)


def test_each_step_undoes_and_redoes_with_the_same_ids(qtbot: QtBot, release: Workbench) -> None:
    bench = release
    build_roll_call(qtbot, bench)
    full = stored(bench)
    for expected in (2, 1, 0):  # undo time, place (span and argument as one step), agent
        press(qtbot, bench, "Ctrl+Z")
        assert len(the_event(stored(bench)).arguments) == expected
    press(qtbot, bench, "Ctrl+Z")  # the TITLE span
    press(qtbot, bench, "Ctrl+Z")  # the event and its new trigger span, one step
    assert stored(bench).events == () and stored(bench).spans == ()
    for _ in range(5):
        press(qtbot, bench, "Ctrl+Shift+Z")
    again = stored(bench)
    assert again.events == full.events and again.spans == full.spans


def test_argument_in_another_sentence(qtbot: QtBot, release: Workbench) -> None:
    bench = release
    build_roll_call(qtbot, bench)
    select(bench, "Kabid Humas Polda Kaltara", nth=1)  # third sentence
    press(qtbot, bench, "r")
    assert roles(bench).count(("participant", "Kabid Humas Polda Kaltara")) == 1
    doc = stored(bench)
    spans = {s.id: s for s in doc.spans}
    (arg,) = [a for a in the_event(doc).arguments if a.role == "participant"]
    assert spans[arg.span_id].start > doc.text.index("\n")


def test_relation_from_the_keyboard_is_listed_and_undoable(
    qtbot: QtBot, release: Workbench
) -> None:
    bench = release
    select(bench, "Budi Rachmat")
    press(qtbot, bench, "1")
    head = stored(bench).spans[0].id
    press(qtbot, bench, "Ctrl+R")
    menu = bench.events_ui.events.relation_menu
    assert menu is not None and menu.isVisible()
    QTest.keyClick(menu, Qt.Key.Key_3)  # holds_title
    select(bench, "Kabid Humas Polda Kaltara")
    press(qtbot, bench, "5")
    press(qtbot, bench, "Ctrl+R")  # the selected span is the tail
    (rel,) = stored(bench).relations
    assert (rel.label, rel.head_id) == ("holds_title", head)
    assert any("holds_title" in i.text(0) for i in bench.events_ui.panel._items())
    assert bench.events_ui.links.links()[0].relation
    press(qtbot, bench, "Ctrl+Z")
    assert stored(bench).relations == ()
    press(qtbot, bench, "Ctrl+Shift+Z")
    assert stored(bench).relations[0].id == rel.id


def test_notes_on_document_and_event_are_saved_and_found(qtbot: QtBot, release: Workbench) -> None:
    bench = release
    notes = bench.events_ui.notes_panel
    notes.editor.setFocus()
    QTest.keyClicks(notes.editor, "cek tanggal apel")
    notes.save_now()
    (note,) = stored(bench).notes
    assert (note.text, note.span_id, note.event_id) == ("cek tanggal apel", None, None)
    select(bench, "apel pagi siaga")
    press(qtbot, bench, "q")
    event = the_event(stored(bench))
    bench.events_ui.notes.point_at(("event", event.id))
    notes.editor.setPlainText("siaga pilkada")
    notes.save_now()
    on_event = [n for n in stored(bench).notes if n.event_id == event.id]
    assert [n.text for n in on_event] == ["siaga pilkada"]
    QTest.keyClicks(notes.search, "SIAGA")
    assert notes.results.count() == 1
    assert "siaga pilkada" in notes.results.item(0).text()


def test_links_can_be_hidden(qtbot: QtBot, release: Workbench) -> None:
    bench = release
    build_roll_call(qtbot, bench)
    layer = bench.events_ui.links
    assert len(layer.shapes()) == 3
    press(qtbot, bench, "Ctrl+L")
    assert not layer.visible
    press(qtbot, bench, "Ctrl+L")
    assert layer.visible


def _text_lines(bench: Workbench) -> list[QRectF]:
    """Where each line's words are, in document coordinates."""
    doc = bench.pane.view.document()
    out, block = [], doc.begin()
    while block.isValid():
        origin = doc.documentLayout().blockBoundingRect(block).topLeft()
        for i in range(block.layout().lineCount()):
            line = block.layout().lineAt(i)
            height = line.ascent() + line.descent()
            out.append(
                QRectF(
                    origin.x() + line.x(), origin.y() + line.y(), line.naturalTextWidth(), height
                )
            )
        block = block.next()
    return out


def test_role_labels_stay_clear_of_the_words_and_of_each_other(
    qtbot: QtBot, release: Workbench
) -> None:
    bench = release
    build_roll_call(qtbot, bench)
    select(bench, "Budi Rachmat")
    press(qtbot, bench, "r")  # participant, next to the agent near the trigger
    boxes = [s.label_rect for s in bench.events_ui.links.shapes()]
    assert len(boxes) == 4
    lines = _text_lines(bench)
    for i, box in enumerate(boxes):
        assert not [line for line in lines if line.intersects(box)]
        assert not [other for other in boxes[i + 1 :] if other.intersects(box)]
