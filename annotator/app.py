"""Composition root of the desktop app: arguments, logging, store, window.

``annotator`` with no arguments opens the user's SQLite database; when its
project is empty, the demo corpus shipped in ``annotator/data/demo`` is
imported so the window never opens on nothing.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from importlib import resources
from logging.handlers import RotatingFileHandler
from pathlib import Path

from annotator import APP_NAME, ORG_NAME, paths
from annotator.cli.common import db_url
from annotator.services.workspace import Workspace

log = logging.getLogger("annotator")


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The window's own options."""
    parser = argparse.ArgumentParser(prog="annotator", description="Open the Annotator window.")
    parser.add_argument("--db", metavar="URL", help="SQLAlchemy URL or SQLite file")
    parser.add_argument("--project", metavar="NAME", help="project to open")
    parser.add_argument("--annotator", metavar="NAME", help="who is annotating (recorded)")
    parser.add_argument("--doc", type=int, metavar="ID", help="document to open first")
    parser.add_argument(
        "--welcome", action="store_true", help="show the welcome screen (first-run choices)"
    )
    parser.add_argument(
        "--lang", choices=("en", "id"), help="interface language (default: preference, system)"
    )
    return parser.parse_args(list(argv))


def setup_logging() -> Path:
    """Log to a file in the log directory (and warnings to stderr)."""
    log_file = paths.log_dir() / "annotator.log"
    handler = RotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_file


def demo_dir() -> Path:
    """The fictional demo press releases shipped with the package."""
    return Path(str(resources.files("annotator") / "data" / "demo"))


def ensure_demo(workspace: Workspace) -> int:
    """Import the demo corpus when the project holds no document; how many were added."""
    if workspace.list_documents(limit=1):
        return 0
    summary = workspace.import_paths([demo_dir()])
    log.info("empty project: imported %d demo documents", summary.imported)
    return summary.imported


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window and run until it closes."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    log_file = setup_logging()
    from PySide6.QtWidgets import QApplication

    from annotator.gui.dialogs.annotator_name import ask_name
    from annotator.gui.errors import install_error_dialog, report_cannot_open
    from annotator.gui.first_run import run_welcome, wants_welcome
    from annotator.gui.i18n import choose_language, install_translators
    from annotator.gui.preferences import Preferences
    from annotator.gui.theme import apply_theme
    from annotator.gui.upgrade_notice import upgrade_notice
    from annotator.gui.workbench import Workbench

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    apply_theme(app)
    prefs = Preferences()
    install_translators(app, choose_language(args.lang, prefs.language))  # owned by app
    reporter = install_error_dialog(log_file)  # noqa: F841 (kept alive while the app runs)
    name = args.annotator or os.environ.get("ANNOTATOR_NAME") or prefs.annotator
    project = args.project or (prefs.last_project if args.db is None else None) or None
    try:
        with upgrade_notice() as upgrading:
            workspace = Workspace.open(db_url(args.db), project, name or None, upgrading)
    except Exception as exc:  # newer, damaged or unreachable: said plainly, nothing changed
        report_cannot_open(args.db or paths.default_db_url(), exc)
        return 1
    imports: list[Path] = []
    try:
        if not name and not wants_welcome(prefs, workspace, args.welcome):
            name = ask_name(None) or ""
            if name:
                prefs.annotator = name
                workspace.annotator = name
        opened = run_welcome(prefs, workspace, demo_dir(), args.welcome)
        if opened is not None:
            workspace, imports = opened.workspace, opened.imports
        elif args.db is None and project is None:
            ensure_demo(workspace)
        bench = Workbench(workspace, prefs)
        bench.window.resize(1400, 900)
        bench.start(args.doc)
        if imports:
            bench.importer.start(imports)
        return int(app.exec())
    finally:
        workspace.close()
