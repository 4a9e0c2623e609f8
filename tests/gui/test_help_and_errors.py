"""Help ▸ Keyboard shortcuts (F1), Help ▸ About, the unexpected-error dialog, first run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from annotator import __version__
from annotator.app import demo_dir
from annotator.gui.dialogs.help import AboutDialog, ShortcutSheet, hidden_password
from annotator.gui.dialogs.welcome import WelcomeDialog
from annotator.gui.errors import ErrorReporter
from annotator.gui.first_run import apply_choice, wants_welcome
from annotator.gui.preferences import Preferences
from annotator.gui.workbench import Workbench
from annotator.paths import log_dir
from annotator.services.workspace import Workspace
from tests.gui.conftest import press, stored


def test_f1_lists_every_command_with_its_keys(qtbot: QtBot, bench: Workbench) -> None:
    press(qtbot, bench, "F1")
    sheet = bench.help.shown
    assert isinstance(sheet, ShortcutSheet) and sheet.isVisible()
    text = sheet.browser.toPlainText()
    for expected in ("Undo", "Ctrl+Z", "Mark done, go to next", "Export…", "Ctrl+E", "PER"):
        assert expected in text


def test_about_shows_version_database_and_log_folder(qtbot: QtBot, bench: Workbench) -> None:
    bench.help.about.trigger()
    about = bench.help.shown
    assert isinstance(about, AboutDialog) and about.isVisible()
    text = about.text.text()
    assert __version__ in text
    assert str(log_dir()) in text
    assert bench.workspace.url.removeprefix("sqlite:///") in text


def test_database_password_is_hidden() -> None:
    url = "postgresql+psycopg://ana:rahasia@db.example:5432/labels"
    assert hidden_password(url) == "postgresql+psycopg://ana:***@db.example:5432/labels"
    assert hidden_password("sqlite:////tmp/a.db") == "sqlite:////tmp/a.db"


def test_unexpected_error_shows_a_dialog_and_the_app_goes_on(
    qtbot: QtBot, bench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[QMessageBox] = []

    def record(box: QMessageBox) -> int:
        shown.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    reporter = ErrorReporter(tmp_path / "annotator.log")
    try:
        raise ZeroDivisionError("division by zero in a command")
    except ZeroDivisionError:
        reporter.handle(*sys.exc_info())
    qtbot.waitUntil(lambda: len(shown) == 1)
    box = shown[0]
    assert "ZeroDivisionError: division by zero in a command" in box.text()
    assert str(tmp_path / "annotator.log") in box.informativeText()
    assert "saved" in box.informativeText()
    assert "Traceback" in box.detailedText()
    # the window still works: a label key still saves
    bench.pane.view.select_range(0, 9)
    press(qtbot, bench, "3")
    assert len(stored(bench).spans) == 1
    assert QApplication.instance() is not None and bench.window.isVisible()


def test_welcome_is_skipped_offscreen_unless_asked(workspace: Workspace) -> None:
    prefs = Preferences()
    assert not prefs.welcomed
    assert not wants_welcome(prefs, workspace)  # tests run offscreen: never block
    assert wants_welcome(prefs, workspace, force=True)


def test_welcome_creates_a_project_from_a_template(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = WelcomeDialog("")
    qtbot.addWidget(dialog)
    assert not dialog.create_button.isEnabled()  # a name first
    dialog.name.setText("Sari")
    dialog.project.setText("Rilis Polda")
    QTest.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is not None and dialog.choice.template == "news"
    opened = apply_choice(workspace, dialog.choice, demo_dir()).workspace
    assert opened.project.name == "Rilis Polda" and opened.annotator == "Sari"
    names = {label.name for label in opened.schema().labels}
    assert {"PER", "ORG", "LOC"} <= names and "ARREST" not in names


def test_welcome_demo_opens_the_demo_corpus(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = WelcomeDialog("Sari")
    qtbot.addWidget(dialog)
    dialog.demo_button.click()
    assert dialog.choice is not None
    opened = apply_choice(workspace, dialog.choice, demo_dir()).workspace
    assert opened.project.name == "demo"
    assert len(opened.list_documents()) == len(list(demo_dir().glob("*.txt")))
