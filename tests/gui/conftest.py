"""A real workbench window over a tmp SQLite workspace with a few fictional articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from annotator.core.model import Document
from annotator.gui.preferences import Preferences
from annotator.gui.workbench import Workbench
from annotator.services.workspace import Workspace

ARTICLES = {
    "a-apel.txt": (
        "Kota Baru (ANTARA) - Kabid Humas Polda Kaltara Kombes Pol. Andi Saputra memimpin apel "
        "pagi di Mapolda Kaltara, Rabu.\nApel itu diikuti 300 personel gabungan.\n"
    ),
    "b-pleno.txt": (
        "Tanjung Harapan (ANTARA) - KPU Kota Tanjung Harapan menggelar rapat pleno terbuka.\n"
    ),
    "c-debat.txt": "Bukit Mas (ANTARA) - Debat publik calon wali kota digelar Jumat malam.\n",
}


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A SQLite workspace holding the three articles (ids in file order)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    ws = Workspace.open(f"sqlite:///{tmp_path / 'gui.db'}", "test", "tester")
    ws.import_paths([folder])
    yield ws
    ws.close()


@pytest.fixture
def bench(qtbot: QtBot, workspace: Workspace) -> Workbench:
    """The real window, shown offscreen, with the first article open."""
    wb = Workbench(workspace, Preferences())
    qtbot.addWidget(wb.window)
    wb.window.resize(1200, 800)
    wb.start()
    wb.window.activateWindow()
    qtbot.waitActive(wb.window)
    wb.pane.view.setFocus()
    return wb


def stored(bench: Workbench, doc_id: int | None = None) -> Document:
    """The document as the database now holds it."""
    target = doc_id if doc_id is not None else bench.docs.doc_id
    assert target is not None
    doc = bench.workspace.document(target)
    assert doc is not None
    return doc


def select_with_keys(qtbot: QtBot, bench: Workbench, start: int, count: int) -> None:
    """Put the caret at code point ``start`` and press Shift+Right ``count`` times."""
    view = bench.pane.view
    view.clear_selection(at=start)
    for _ in range(count):
        QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)


def press(qtbot: QtBot, bench: Workbench, key: str) -> None:
    """Press a key sequence such as "1", "Ctrl+Z" or "Alt+Shift+Right" on the view."""
    QTest.keySequence(bench.pane.view, QKeySequence(key))
