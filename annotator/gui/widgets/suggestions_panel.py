"""The suggestions dock: known names for the selected text, and the document's pending ones."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Suggestion
from annotator.core.suggest import Candidate


class SuggestionsPanel(QWidget):
    """Ranked candidates for a selection above the pending suggestions of the document."""

    candidate_chosen = Signal(int)
    """A candidate row was activated (its index in the ranking)."""
    suggestion_chosen = Signal(int)
    """A pending suggestion was clicked (its id)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionsPanel")
        self.heading = QLabel(self.tr("Select text to see known names"))
        self.heading.setWordWrap(True)
        self.candidates = QListWidget()
        self.candidates.setObjectName("candidateList")
        self.candidates.itemActivated.connect(
            lambda item: self.candidate_chosen.emit(self.candidates.row(item))
        )
        self.pending_heading = QLabel()
        self.pending = QListWidget()
        self.pending.setObjectName("pendingList")
        for lst in (self.candidates, self.pending):
            lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            lst.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.pending.itemClicked.connect(
            lambda item: self.suggestion_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))
        )
        self.accept_button = QPushButton(self.tr("Accept"))
        self.reject_button = QPushButton(self.tr("Reject"))
        self.accept_label_button = QPushButton(self.tr("Accept all of label"))
        self.accept_entity_button = QPushButton(self.tr("Accept all of entity"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.candidates, 2)
        layout.addWidget(self.pending_heading)
        layout.addWidget(self.pending, 3)
        for pair in (
            (self.accept_button, self.reject_button),
            (self.accept_label_button, self.accept_entity_button),
        ):
            row = QHBoxLayout()
            for button in pair:
                row.addWidget(button)
            layout.addLayout(row)
        self.show_pending((), "", None)

    def show_candidates(self, query: str, ranked: Sequence[Candidate]) -> None:
        """The ranking for ``query``, best first (type and score on each row)."""
        self.candidates.clear()
        if not query:
            self.heading.setText(self.tr("Select text to see known names"))
            return
        shown = query if len(query) <= 40 else query[:39] + "…"
        if not ranked:
            self.heading.setText(self.tr("No known name like “{0}”").format(shown))
            return
        self.heading.setText(
            self.tr("Known names for “{0}” — Enter labels and links the first").format(shown)
        )
        for c in ranked:
            self.candidates.addItem(f"{c.name}   ·  {c.type}  ·  {c.score:.0f}")
        self.candidates.setCurrentRow(0)

    def show_pending(
        self, suggestions: Sequence[Suggestion], text: str, current: int | None
    ) -> None:
        """The document's pending suggestions, ``current`` (an id) highlighted."""
        self.pending.clear()
        self.pending_heading.setText(
            self.tr("Pending suggestions: {0}").format(len(suggestions))
            if suggestions
            else self.tr("No pending suggestions (Document ▸ Pre-annotate)")
        )
        for s in suggestions:
            entity = s.entity.name if s.entity else ""
            shown = text[s.start : s.end]
            more = f"  → {entity}" if entity and entity != shown else ""
            item = QListWidgetItem(f"{shown}   ·  {s.label}  ·  {s.score:.0f}{more}")
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setToolTip(f"{shown} · {s.label} · {s.score:.0f}{more}")
            self.pending.addItem(item)
            if s.id == current:
                self.pending.setCurrentItem(item)
        for button in (
            self.accept_button,
            self.reject_button,
            self.accept_label_button,
            self.accept_entity_button,
        ):
            button.setEnabled(current is not None)
