"""The label palette: one button per entity label, with its colour and key."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QSizePolicy, QVBoxLayout, QWidget

from annotator.core.model import Label


def text_color_on(background: str) -> str:
    """Black or white, whichever reads better on ``background``."""
    c = QColor(background)
    luminance = 0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()
    return "#000000" if luminance > 140 else "#ffffff"


def button_text(label: Label) -> str:
    """``1  PER  Person (orang)`` - key, name and the first words of the description."""
    key = (label.shortcut or " ").upper()
    desc = label.description.split(":")[0]
    return f"{key}   {label.name}   {desc}".rstrip()


class LabelPalette(QWidget):
    """Buttons that label the selection (or relabel the selected span)."""

    label_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 6, 6, 6)
        self._layout.setSpacing(3)
        self._buttons: list[QPushButton] = []

    def set_labels(self, labels: Sequence[Label]) -> None:
        """Rebuild the buttons for ``labels``."""
        for button in self._buttons:
            button.deleteLater()
        self._buttons = []
        for label in labels:
            button = QPushButton(button_text(label), self)
            button.setObjectName(f"label-{label.name}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(120)
            button.setToolTip(label.description or label.name)
            fg = text_color_on(label.color)
            button.setStyleSheet(
                f"QPushButton {{ background: {label.color}; color: {fg}; text-align: left;"
                f" padding: 4px 8px; border: 1px solid {QColor(label.color).darker(140).name()};"
                f" border-radius: 3px; }}"
            )
            button.clicked.connect(lambda _=False, name=label.name: self.label_chosen.emit(name))
            self._layout.addWidget(button)
            self._buttons.append(button)
        self._layout.addStretch(1)
