"""Render the main window offscreen to a PNG (docs, checks)."""

from __future__ import annotations

import os
from pathlib import Path

from annotator.services.workspace import Workspace


def render(
    workspace: Workspace, out: Path, doc_id: int | None = None, size: tuple[int, int] = (1400, 900)
) -> Path:
    """Open ``doc_id`` (default: the first document) in the window and save its image.

    The interface language is ``ANNOTATOR_LANG``, else the preference, else the system's.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from annotator.gui.i18n import choose_language, install_translators, remove_translators
    from annotator.gui.preferences import Preferences
    from annotator.gui.theme import apply_theme
    from annotator.gui.workbench import Workbench

    app = QApplication.instance() or QApplication(["annotator-screenshot"])
    assert isinstance(app, QApplication)
    apply_theme(app)
    prefs = Preferences()
    translators = install_translators(app, choose_language(preference=prefs.language))
    bench = Workbench(workspace, prefs)
    bench.window.resize(*size)
    first = doc_id or bench.list_panel.model.document_id(0)
    bench.start(first)
    for _ in range(5):
        app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not bench.window.grab().save(str(out)):
        raise OSError(f"could not write {out}")
    bench.window.close()
    bench.window.deleteLater()
    remove_translators(app, translators)
    app.processEvents()
    return out
