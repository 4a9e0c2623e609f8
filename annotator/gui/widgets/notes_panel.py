"""A small note editor (document, span or event) and a Find-in-notes box.

The note is saved shortly after typing stops and when the editor loses focus;
the controller turns each save into an undoable SetNote edit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

SAVE_AFTER_MS = 700


class NotesPanel(QWidget):
    """What the note is on, its text, and a search over every note of the project."""

    note_edited = Signal(str)
    """The note's text after typing paused (empty: delete it)."""
    search_changed = Signal(str)
    """The Find-in-notes text."""
    result_chosen = Signal(int)
    """A search hit was activated: its document id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.target = QLabel(self)
        self.target.setObjectName("noteTarget")
        self.target.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("noteEditor")
        self.editor.setPlaceholderText(self.tr("Note (saved as you type)"))
        self.editor.setMaximumHeight(72)
        self.search = QLineEdit(self)
        self.search.setObjectName("findNotes")
        self.search.setPlaceholderText(self.tr("Find in notes…"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("noteResults")
        self.results.setMaximumHeight(90)
        self.results.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        for widget in (self.target, self.editor, self.search, self.results):
            layout.addWidget(widget)
        self._saved = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_AFTER_MS)
        self._timer.timeout.connect(self.save_now)
        self.editor.textChanged.connect(self._timer.start)
        self.editor.installEventFilter(self)
        self.search.textChanged.connect(self.search_changed.emit)
        self.results.itemActivated.connect(self._chosen)
        self.results.itemClicked.connect(self._chosen)

    def show_note(self, where: str, text: str) -> None:
        """Show the note of a new target (saving the old one first)."""
        self.save_now()
        self.target.setText(where)
        if text != self.editor.toPlainText():
            self.editor.blockSignals(True)
            self.editor.setPlainText(text)
            self.editor.blockSignals(False)
        self._saved = text

    def save_now(self) -> None:
        """Emit the note if it changed since it was last saved."""
        self._timer.stop()
        text = self.editor.toPlainText().strip()
        if text != self._saved:
            self._saved = text
            self.note_edited.emit(text)

    def show_results(self, hits: list[tuple[int, str, str]]) -> None:
        """Fill the hit list with ``(document id, title, note text)``."""
        self.results.clear()
        for doc_id, title, text in hits:
            item = QListWidgetItem(f"#{doc_id} {title[:40]}: {' '.join(text.split())[:60]}")
            item.setData(Qt.ItemDataRole.UserRole, doc_id)
            item.setToolTip(text)
            self.results.addItem(item)
        self.results.setVisible(bool(self.search.text()))

    def _chosen(self, item: QListWidgetItem) -> None:
        self.result_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Save when the editor loses focus."""
        if watched is self.editor and event.type() == QEvent.Type.FocusOut:
            self.save_now()
        return super().eventFilter(watched, event)
