"""Asking who is annotating (first start, or File ▸ Annotator name)."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QInputDialog, QWidget

from annotator.gui.i18n import translate


def can_ask() -> bool:
    """False offscreen (tests, screenshots): never block on a dialog there."""
    return os.environ.get("QT_QPA_PLATFORM", "") not in ("offscreen", "minimal")


def ask_name(parent: QWidget | None, current: str = "") -> str | None:
    """The name typed, or None when cancelled or empty."""
    if not can_ask():
        return None
    name, ok = QInputDialog.getText(
        parent,
        translate("AnnotatorName", "Who is annotating?"),
        translate("AnnotatorName", "Your name is recorded on every span you make:"),
        text=current,
    )
    name = name.strip()
    return name if ok and name else None
