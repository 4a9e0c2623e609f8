"""A non-blocking bar offering to label every other occurrence of what was just labelled."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class OccurrencesBar(QFrame):
    """ "Label 3 more “KPU” as ORG?  [In this document (1)] [In the project (3)] [×]"."""

    chosen = Signal(bool)
    """A button was pressed: True for the whole project, False for this document."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("occurrencesBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#occurrencesBar { background: #fff6d6; }")
        self.text = QLabel()
        self.in_document = QPushButton()
        self.in_project = QPushButton()
        close = QPushButton("×")
        close.setFlat(True)
        close.setToolTip(self.tr("Not now"))
        close.clicked.connect(self.hide)
        self.in_document.clicked.connect(lambda: self.chosen.emit(False))
        self.in_project.clicked.connect(lambda: self.chosen.emit(True))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 2, 4, 2)
        row.addWidget(self.text, 1)
        for button in (self.in_document, self.in_project, close):
            row.addWidget(button)
        self.hide()

    def offer(self, surface: str, label: str, in_document: int, in_project: int | None) -> None:
        """Show the counts first; a button with nothing to label is disabled.

        ``in_project`` is None while the project is still being counted.
        """
        self.text.setText(
            self.tr("Label the other unlabelled “{0}” as {1} too?").format(surface, label)
        )
        self.in_document.setText(self.tr("In this document ({0}) Alt+O").format(in_document))
        shown = "…" if in_project is None else in_project
        self.in_project.setText(self.tr("In the project ({0}) Alt+Shift+O").format(shown))
        self.in_document.setEnabled(in_document > 0)
        self.in_project.setEnabled(in_project is None or in_project > 0)
        self.show()
