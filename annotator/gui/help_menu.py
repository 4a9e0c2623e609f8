"""The Help menu: keyboard shortcuts (F1) and About."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from annotator.gui.actions import MENU_TITLES
from annotator.gui.dialogs.help import AboutDialog, ShortcutSheet
from annotator.gui.i18n import marked, translate
from annotator.gui.main_window import MainWindow


class HelpMenu(QObject):
    """Adds Help ▸ Keyboard shortcuts and Help ▸ About to the window."""

    def __init__(self, window: MainWindow, db_url: str) -> None:
        super().__init__(window)
        self.window = window
        self.db_url = db_url
        self.shown: QDialog | None = None
        """The help dialog open now (tests look at it)."""
        menu = window.menus.get("Help")
        if menu is None:
            menu = window.menuBar().addMenu(marked(MENU_TITLES["Help"]))
            window.menus["Help"] = menu
        self.shortcuts = QAction(translate("HelpMenu", "&Keyboard shortcuts"), window)
        self.shortcuts.setObjectName("shortcut_sheet")
        self.shortcuts.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        if self.shortcuts.shortcut().isEmpty():
            self.shortcuts.setShortcut(QKeySequence("F1"))
        self.shortcuts.triggered.connect(lambda _=False: self.show_shortcuts())
        self.about = QAction(translate("HelpMenu", "&About Annotator"), window)
        self.about.setObjectName("about")
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.about.triggered.connect(lambda _=False: self.show_about())
        for action in (self.shortcuts, self.about):
            window.addAction(action)
            menu.addAction(action)

    def show_shortcuts(self) -> ShortcutSheet:
        """Open the shortcut sheet (not modal: keep it beside the text)."""
        menus = [m for name, m in self.window.menus.items() if name != "Help"]
        sheet = ShortcutSheet(menus, self.window)
        self._show(sheet)
        sheet.show()
        return sheet

    def show_about(self) -> AboutDialog:
        """Open the About dialog."""
        about = AboutDialog(self.db_url, self.window)
        self._show(about)
        about.open()
        return about

    def _show(self, dialog: QDialog) -> None:
        if self.shown is not None:
            self.shown.close()
        self.shown = dialog
