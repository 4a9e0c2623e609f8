"""Render the main window offscreen to a PNG (docs, checks)."""

from __future__ import annotations

import os
from pathlib import Path

from annotator.services.workspace import Workspace


def render(
    workspace: Workspace, out: Path, doc_id: int | None = None, size: tuple[int, int] = (1400, 900)
) -> Path:
    """Open ``doc_id`` (default: the first document) in the window and save its image."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from annotator.gui.preferences import Preferences
    from annotator.gui.theme import apply_theme
    from annotator.gui.workbench import Workbench

    app = QApplication.instance() or QApplication(["annotator-screenshot"])
    assert isinstance(app, QApplication)
    apply_theme(app)
    bench = Workbench(workspace, Preferences())
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
    app.processEvents()
    return out
