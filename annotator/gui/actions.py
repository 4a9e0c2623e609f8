"""Every menu command and its keys, as one table (the shortcut list in docs/ mirrors it).

The window builds QActions from :data:`ACTIONS` and connects each to the
handler of the same name; label keys come from the project's schema.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from annotator.core.model import Label

MENUS = ("File", "Edit", "Label", "Document", "View")
EXPORT_HOOK = "export"
"""The File menu keeps a slot named so for the export command, added when export lands."""


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One command: its name (the handler's), text, menu and keys."""

    name: str
    text: str
    menu: str
    keys: tuple[str, ...] = ()
    checkable: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("import_files", "&Import files…", "File", ("Ctrl+O",)),
    ActionSpec("import_folder", "Import &folder…", "File", ("Ctrl+Shift+O",)),
    ActionSpec("set_annotator", "Annotator &name…", "File"),
    ActionSpec("quit", "&Quit", "File", ("Ctrl+Q",)),
    ActionSpec("delete_spans", "&Delete selected spans", "Edit", ("Delete", "Backspace")),
    ActionSpec("grow_start", "Grow span at its start", "Edit", ("Alt+Shift+Left",)),
    ActionSpec("grow_end", "Grow span at its end", "Edit", ("Alt+Shift+Right",)),
    ActionSpec("shrink_start", "Shrink span at its start", "Edit", ("Alt+Right",)),
    ActionSpec("shrink_end", "Shrink span at its end", "Edit", ("Alt+Left",)),
    ActionSpec("next_span", "Select next span", "Edit", ("Alt+Down",)),
    ActionSpec("prev_span", "Select previous span", "Edit", ("Alt+Up",)),
    ActionSpec("clear_selection", "Clear span selection", "Edit", ("Escape",)),
    ActionSpec("char_mode", "&Character mode (no word snapping)", "Edit", ("Ctrl+M",), True),
    ActionSpec("mark_done", "Mark &done, go to next", "Document", ("Ctrl+Return", "Ctrl+Enter")),
    ActionSpec("mark_skipped", "Mark &skipped, go to next", "Document", ("Ctrl+Shift+Return",)),
    ActionSpec("next_unfinished", "&Next unfinished", "Document", ("Ctrl+Down",)),
    ActionSpec("prev_unfinished", "&Previous unfinished", "Document", ("Ctrl+Up",)),
    ActionSpec("focus_search", "&Search documents", "View", ("Ctrl+F",)),
    ActionSpec("focus_text", "Focus the &text", "View", ("Ctrl+T",)),
    ActionSpec("zoom_in", "&Larger text", "View", ("Ctrl++", "Ctrl+=")),
    ActionSpec("zoom_out", "S&maller text", "View", ("Ctrl+-",)),
    ActionSpec("zoom_reset", "&Normal text size", "View", ("Ctrl+0",)),
)


def make_menus(menubar: QMenuBar) -> dict[str, QMenu]:
    """The menus, in order."""
    return {name: menubar.addMenu(f"&{name}") for name in MENUS}


def build_actions(
    owner: QWidget, menus: Mapping[str, QMenu], handlers: Mapping[str, Callable[[], None]]
) -> dict[str, QAction]:
    """QActions for :data:`ACTIONS`, added to ``owner`` (so keys work) and their menus."""
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(spec.text, owner)
        action.setObjectName(spec.name)
        action.setShortcuts([QKeySequence(k) for k in spec.keys])
        action.setCheckable(spec.checkable)
        handler = handlers.get(spec.name)
        if handler is not None:
            action.triggered.connect(lambda _=False, h=handler: h())
        owner.addAction(action)
        menus[spec.menu].addAction(action)
        if spec.name == "set_annotator":
            menus[spec.menu].addSeparator()
        actions[spec.name] = action
    return actions


def build_label_actions(
    owner: QWidget, menu: QMenu, labels: Sequence[Label], choose: Callable[[str], None]
) -> list[QAction]:
    """One action per entity label, on the label's key."""
    made = []
    for label in labels:
        action = QAction(f"{label.name}  —  {label.description or label.name}", owner)
        action.setObjectName(f"label:{label.name}")
        if label.shortcut:
            action.setShortcut(QKeySequence(label.shortcut.upper()))
        action.triggered.connect(lambda _=False, n=label.name: choose(n))
        owner.addAction(action)
        menu.addAction(action)
        made.append(action)
    return made
