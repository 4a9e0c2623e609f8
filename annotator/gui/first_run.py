"""First run: when to show the welcome screen, and carrying out what was chosen."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from annotator.core import schemas
from annotator.gui.dialogs.annotator_name import can_ask
from annotator.gui.dialogs.welcome import Start, WelcomeChoice, WelcomeDialog
from annotator.gui.i18n import translate
from annotator.gui.preferences import Preferences
from annotator.services.workspace import Workspace

log = logging.getLogger(__name__)
DEMO_PROJECT = "demo"


@dataclass
class Opened:
    """The workspace to open the window on, and files to import once it shows."""

    workspace: Workspace
    imports: list[Path] = field(default_factory=list)


def wants_welcome(prefs: Preferences, workspace: Workspace, force: bool = False) -> bool:
    """First start (no flag in the settings) or an empty project; never offscreen unless forced."""
    if force:
        return True
    if not can_ask():
        return False
    return not prefs.welcomed or not workspace.list_documents(limit=1)


def apply_choice(
    workspace: Workspace, choice: WelcomeChoice, demo: Path, imports: list[Path] | None = None
) -> Opened:
    """Open (creating if new) the chosen project; import the demo corpus for the demo."""
    store = workspace.store
    if choice.start is Start.DEMO:
        opened = Workspace(
            store, store.project(DEMO_PROJECT, schemas.DEFAULT), choice.annotator, workspace.url
        )
        if not opened.list_documents(limit=1):
            opened.import_paths([demo])
        return Opened(opened)
    project = store.project(choice.project, choice.schema)
    opened = Workspace(store, project, choice.annotator, workspace.url)
    return Opened(opened, list(imports or []) if choice.start is Start.IMPORT else [])


def run_welcome(
    prefs: Preferences, workspace: Workspace, demo: Path, force: bool = False
) -> Opened | None:
    """Show the welcome screen when it is wanted; None when it was not shown or was closed."""
    if not wants_welcome(prefs, workspace, force):
        return None
    dialog = WelcomeDialog(prefs.annotator)
    dialog.exec()
    prefs.welcomed = True
    choice = dialog.choice
    if choice is None:
        return None
    prefs.annotator = choice.annotator
    files: list[Path] = []
    if choice.start is Start.IMPORT:
        chosen, _ = QFileDialog.getOpenFileNames(
            None,
            translate("FirstRun", "Import articles into {project}").format(project=choice.project),
        )
        files = [Path(f) for f in chosen]
    log.info("welcome: %s %r (%s)", choice.start.value, choice.project, choice.template)
    opened = apply_choice(workspace, choice, demo, files)
    prefs.last_project = opened.workspace.project.name
    return opened
