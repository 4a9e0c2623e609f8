"""The GUI boundary: what the person selected is exactly what the database stores."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from annotator.gui.preferences import Preferences
from annotator.gui.workbench import Workbench
from annotator.services.workspace import Workspace
from tests.gui.conftest import press, select_with_keys, stored

# Astral emoji (one with a skin-tone modifier), a ZWJ family, combining marks
# (e + U+0301, a + U+0308), a tab, and CRLF line ends in the file.
TRICKY = (
    "Kota Baru (ANTARA) - 🎉 Perayaan 👍🏽 di Balai Kota 👨‍👩‍👧 "
    "dihadiri Re\u0301ne\u0301 Ma\u0308rz.\r\n"
    "Wali\tKota 🙂 Siti Aminah membuka acara.\r\n"
)


@pytest.fixture
def tricky_bench(qtbot: QtBot, tmp_path: Path) -> Workbench:
    (tmp_path / "tricky.txt").write_bytes(TRICKY.encode("utf-8"))
    ws = Workspace.open(f"sqlite:///{tmp_path / 'e.db'}", "emoji", "tester")
    ws.import_paths([tmp_path / "tricky.txt"])
    wb = Workbench(ws, Preferences())
    qtbot.addWidget(wb.window)
    wb.start()
    wb.window.activateWindow()
    qtbot.waitActive(wb.window)
    wb.pane.view.setFocus()
    return wb


@pytest.mark.parametrize(
    ("target", "key", "label"),
    [
        ("Perayaan", "6", "EVENT"),
        ("Balai Kota", "3", "LOC"),
        ("Re\u0301ne\u0301 Ma\u0308rz", "1", "PER"),
        ("Siti Aminah", "1", "PER"),
        ("Kota 🙂 Siti", "8", "MISC"),
    ],
)
def test_span_after_emoji_stores_exactly_the_selected_text(
    qtbot: QtBot, tricky_bench: Workbench, target: str, key: str, label: str
) -> None:
    text = stored(tricky_bench).text
    assert "\r" not in text  # CRLF was normalised once, at import
    start = text.index(target)
    view = tricky_bench.pane.view
    view.clear_selection(at=start)
    # Shift+Right moves one grapheme at a time: count the person's key presses.
    presses = 0
    while view.selection() is None or view.selection()[1] < start + len(target):  # type: ignore[index]
        QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
        presses += 1
        assert presses < 40
    assert view.textCursor().selectedText() == target
    press(qtbot, tricky_bench, key)
    (span,) = stored(tricky_bench).spans
    assert (span.label, text[span.start : span.end]) == (label, target)


def test_spans_are_painted_where_the_text_is(qtbot: QtBot, tricky_bench: Workbench) -> None:
    text = stored(tricky_bench).text
    select_with_keys(qtbot, tricky_bench, text.index("Siti"), len("Siti Aminah"))
    press(qtbot, tricky_bench, "1")
    view = tricky_bench.pane.view
    (painted,) = view._painted
    cursor = view.textCursor()
    cursor.setPosition(painted.start16)
    cursor.setPosition(painted.end16, cursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "Siti Aminah"
