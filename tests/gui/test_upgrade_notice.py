"""Opening a database made by an older version shows why the start takes a while."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from annotator.gui.upgrade_notice import message, upgrade_notice
from annotator.services.workspace import Workspace
from tests.store.old_rows import old_database


def _visible_notices() -> list[str]:
    headline = message()[0]
    return [
        w.text()
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QLabel) and w.isVisible() and headline in w.text()
    ]


def test_the_notice_shows_while_an_old_database_is_upgraded(qtbot: QtBot, sqlite_url: str) -> None:
    old_database(sqlite_url, "0005")
    during: list[tuple[list[str], bool]] = []
    with upgrade_notice() as notice:

        def upgrading() -> None:
            notice()
            cursor = QApplication.overrideCursor()
            busy = cursor is not None and cursor.shape() == Qt.CursorShape.WaitCursor
            during.append((_visible_notices(), busy))

        ws = Workspace.open(sqlite_url, "lama", upgrading=upgrading)
    assert len(during) == 1
    shown, busy = during[0]
    assert len(shown) == 1 and busy  # one notice on screen, with a busy cursor
    assert ws.list_documents()[0].title == "Lama"  # the upgrade kept the article
    ws.close()
    assert _visible_notices() == [] and QApplication.overrideCursor() is None


def test_an_up_to_date_database_opens_without_a_notice(qtbot: QtBot, sqlite_url: str) -> None:
    Workspace.open(sqlite_url).close()  # made by this version
    with upgrade_notice() as notice:
        ws = Workspace.open(sqlite_url, upgrading=notice)
        assert notice.label is None and _visible_notices() == []
    ws.close()
