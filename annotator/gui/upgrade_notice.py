"""A notice on screen while a database made by an older version is upgraded.

Opening such a database may remake what it stores before any window exists
(migration 0006 signs every document again: about 7 s for 100,000), so a
small window says what is happening and a busy cursor shows, instead of a
start that looks like a hang. A new database, or one already up to date,
shows nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QFrame, QLabel

from annotator import APP_NAME
from annotator.gui.i18n import translate


class UpgradeNotice:
    """Called (as ``Workspace.open``'s ``upgrading`` hook), it shows the notice."""

    def __init__(self) -> None:
        self.label: QLabel | None = None

    def __call__(self) -> None:
        title, detail = message()
        label = QLabel(f"<p><b>{escape(title)}</b></p><p>{escape(detail)}</p>")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.WindowStaysOnTopHint)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setMargin(24)
        label.setFixedWidth(540)
        label.setFrameStyle(QFrame.Shape.Panel | QFrame.Shadow.Raised)
        label.setLineWidth(1)
        label.setWindowTitle(APP_NAME)
        label.show()
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        QApplication.processEvents()  # painted now: the upgrade holds the event loop
        self.label = label

    def close(self) -> None:
        """Take the notice (and the busy cursor) away, if it was shown."""
        if self.label is not None:
            QApplication.restoreOverrideCursor()
            self.label.close()
            self.label.deleteLater()
            self.label = None


def message() -> tuple[str, str]:
    """What the notice says: a headline and a line of detail."""
    return (
        translate("UpgradeNotice", "Updating your database for this version of Annotator…"),
        translate("UpgradeNotice", "It happens once; a large collection can take a minute."),
    )


@contextmanager
def upgrade_notice() -> Iterator[UpgradeNotice]:
    """A notice to hand to ``Workspace.open``; gone when the block ends."""
    notice = UpgradeNotice()
    try:
        yield notice
    finally:
        notice.close()
