"""Help ▸ Keyboard shortcuts (F1) and Help ▸ About.

The shortcut sheet is read from the window's own actions, so it is always
what the keys really do (schema keys and every dock's commands included) and
in the interface language; docs/shortcuts.md explains the same keys at length.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator import APP_NAME, __version__
from annotator.paths import log_dir


def hidden_password(url: str) -> str:
    """``url`` with any password replaced by ``***``."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    creds, _, host = rest.rpartition("@")
    if ":" not in creds:
        return url
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}"


def shortcut_rows(menus: Iterable[QMenu]) -> list[tuple[str, str, str]]:
    """``(menu, keys, command)`` for every action with keys, menu by menu."""
    rows = []
    for menu in menus:
        title = menu.title().replace("&", "")
        for action in _actions(menu):
            keys = action.shortcuts()
            if keys:
                text = action.text().replace("&", "").split("\t")[0]
                shown = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
                rows.append((title, shown, text))
    return rows


def _actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            found.extend(_actions(sub))
        elif not action.isSeparator():
            found.append(action)
    return found


def shortcut_html(rows: list[tuple[str, str, str]], intro: str) -> str:
    """The rows as one table per menu."""
    out = [f"<p>{html.escape(intro)}</p>"]
    current = None
    for menu, keys, text in rows:
        if menu != current:
            if current is not None:
                out.append("</table>")
            out.append(f"<h3>{html.escape(menu)}</h3><table cellpadding='3'>")
            current = menu
        out.append(
            f"<tr><td width='190'><b>{html.escape(keys)}</b></td><td>{html.escape(text)}</td></tr>"
        )
    if current is not None:
        out.append("</table>")
    return "".join(out)


class ShortcutSheet(QDialog):
    """Every command with keys, grouped by menu (F1)."""

    def __init__(self, menus: Iterable[QMenu], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutSheet")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        intro = self.tr(
            "Select text with Shift+arrows or the mouse, then press a label's key. "
            "Every edit is saved at once."
        )
        self.browser = QTextBrowser()
        self.browser.setHtml(shortcut_html(shortcut_rows(menus), intro))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 720)


class AboutDialog(QDialog):
    """Version, database, log folder."""

    def __init__(self, db_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Annotator"))
        rows = (
            (self.tr("Version"), __version__),
            (self.tr("Database"), hidden_password(db_url)),
            (self.tr("Logs"), str(log_dir())),
        )
        body = "".join(
            f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>" for k, v in rows
        )
        blurb = self.tr("Label Indonesian news and press releases as training data.")
        page = (
            f"<h2>{APP_NAME}</h2><p>{html.escape(blurb)}</p><table cellpadding='3'>{body}</table>"
        )
        self.text = QLabel(page)
        self.text.setObjectName("aboutText")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())
