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
from annotator.gui.i18n import N_, marked

MENUS = ("File", "Edit", "Label", "Document", "View")
"""Menu keys (stable English: code finds menus by them); their titles are in MENU_TITLES."""
MENU_TITLES = {
    "File": N_("&File"),
    "Edit": N_("&Edit"),
    "Label": N_("&Label"),
    "Document": N_("&Document"),
    "View": N_("&View"),
    "Help": N_("&Help"),
}
EXPORT_HOOK = "export"
"""The File menu keeps a slot named so for the export command, added when export lands."""


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One command: its name (the handler's), text (marked ``N_``), menu and keys."""

    name: str
    text: str
    menu: str
    keys: tuple[str, ...] = ()
    checkable: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("import_files", N_("&Import files…"), "File", ("Ctrl+O",)),
    ActionSpec("import_folder", N_("Import &folder…"), "File", ("Ctrl+Shift+O",)),
    ActionSpec("import_options", N_("Import &with options…"), "File", ("Ctrl+Alt+O",)),
    ActionSpec("set_annotator", N_("Annotator &name…"), "File"),
    ActionSpec("quit", N_("&Quit"), "File", ("Ctrl+Q",)),
    ActionSpec("delete_spans", N_("&Delete selected spans"), "Edit", ("Delete", "Backspace")),
    ActionSpec("grow_start", N_("Grow span at its start"), "Edit", ("Alt+Shift+Left",)),
    ActionSpec("grow_end", N_("Grow span at its end"), "Edit", ("Alt+Shift+Right",)),
    ActionSpec("shrink_start", N_("Shrink span at its start"), "Edit", ("Alt+Right",)),
    ActionSpec("shrink_end", N_("Shrink span at its end"), "Edit", ("Alt+Left",)),
    ActionSpec("next_span", N_("Select next span"), "Edit", ("Alt+Down",)),
    ActionSpec("prev_span", N_("Select previous span"), "Edit", ("Alt+Up",)),
    ActionSpec("clear_selection", N_("Clear span selection"), "Edit", ("Escape",)),
    ActionSpec("char_mode", N_("&Character mode (no word snapping)"), "Edit", ("Ctrl+M",), True),
    ActionSpec(
        "mark_done", N_("Mark &done, go to next"), "Document", ("Ctrl+Return", "Ctrl+Enter")
    ),
    ActionSpec("mark_skipped", N_("Mark &skipped, go to next"), "Document", ("Ctrl+Shift+Return",)),
    ActionSpec("next_unfinished", N_("&Next unfinished"), "Document", ("Ctrl+Down",)),
    ActionSpec("prev_unfinished", N_("&Previous unfinished"), "Document", ("Ctrl+Up",)),
    ActionSpec("focus_search", N_("&Search documents"), "View", ("Ctrl+F",)),
    ActionSpec("focus_text", N_("Focus the &text"), "View", ("Ctrl+T",)),
    ActionSpec("zoom_in", N_("&Larger text"), "View", ("Ctrl++", "Ctrl+=")),
    ActionSpec("zoom_out", N_("S&maller text"), "View", ("Ctrl+-",)),
    ActionSpec("zoom_reset", N_("&Normal text size"), "View", ("Ctrl+0",)),
)


def make_menus(menubar: QMenuBar) -> dict[str, QMenu]:
    """The menus, in order."""
    return {name: menubar.addMenu(marked(MENU_TITLES.get(name, f"&{name}"))) for name in MENUS}


def build_actions(
    owner: QWidget, menus: Mapping[str, QMenu], handlers: Mapping[str, Callable[[], None]]
) -> dict[str, QAction]:
    """QActions for :data:`ACTIONS`, added to ``owner`` (so keys work) and their menus."""
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(marked(spec.text), owner)
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
