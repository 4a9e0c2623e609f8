"""View ▸ Language: English, Bahasa Indonesia, or the system's; applied at the next start."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from annotator.gui.i18n import LANGUAGES, SYSTEM, translate
from annotator.gui.preferences import Preferences


def add_language_menu(menu: QMenu, prefs: Preferences, notify: Callable[[str], None]) -> QMenu:
    """A submenu of ``menu`` that stores the choice in ``prefs`` and says when it applies."""
    sub = menu.addMenu(translate("LanguageMenu", "&Language"))
    sub.setObjectName("languageMenu")
    group = QActionGroup(sub)
    choices = [(SYSTEM, translate("LanguageMenu", "System language")), *LANGUAGES.items()]
    for code, name in choices:  # language names are written in their own language
        action = QAction(name, sub, checkable=True)
        action.setObjectName(f"language:{code}")
        action.setChecked(prefs.language == code)
        action.triggered.connect(lambda _=False, c=code: _choose(prefs, c, notify))
        group.addAction(action)
        sub.addAction(action)
    return sub


def _choose(prefs: Preferences, code: str, notify: Callable[[str], None]) -> None:
    prefs.language = code
    prefs.sync()
    notify(translate("LanguageMenu", "The new language is used when Annotator starts again"))
