"""The entity dock: the selected span's entity, its aliases, and where else it occurs."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from annotator.core.model import Entity
from annotator.services.entity_usage import Occurrence


class EntityPanel(QWidget):
    """Name, type and aliases of an entity, and its occurrences (click one to go there)."""

    occurrence_chosen = Signal(int, int)
    """An occurrence was clicked: its document id and span id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entityPanel")
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.aliases = QListWidget()
        self.aliases.setObjectName("aliasList")
        self.where = QLabel()
        self.occurrences = QListWidget()
        self.occurrences.setObjectName("occurrenceList")
        self.occurrences.itemActivated.connect(self._chosen)
        self.occurrences.itemClicked.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.title)
        layout.addWidget(QLabel(self.tr("Aliases")))
        layout.addWidget(self.aliases, 1)
        layout.addWidget(self.where)
        layout.addWidget(self.occurrences, 2)
        self.show_entity(None, ())

    def show_entity(self, entity: Entity | None, found: Sequence[Occurrence]) -> None:
        """Show ``entity`` (None: nothing selected) and its occurrences."""
        self.aliases.clear()
        self.occurrences.clear()
        if entity is None:
            self.title.setText(self.tr("Select a span to see its entity"))
            self.where.setText("")
            return
        extra = f" · {escape(entity.external_id)}" if entity.external_id else ""
        self.title.setText(f"<b>{escape(entity.name)}</b> · {escape(entity.type)}{extra}")
        for alias in entity.aliases:
            self.aliases.addItem(self.tr("{0}  (seen {1}×)").format(alias.text, alias.count))
        self.where.setText(self.tr("Occurs {0} times in the project").format(len(found)))
        for occ in found:
            item = QListWidgetItem(f"{occ.title or '#' + str(occ.document_id)}: {occ.context}")
            item.setData(Qt.ItemDataRole.UserRole, (occ.document_id, occ.span_id))
            item.setToolTip(occ.context)
            self.occurrences.addItem(item)

    def _chosen(self, item: QListWidgetItem) -> None:
        doc_id, span_id = item.data(Qt.ItemDataRole.UserRole)
        self.occurrence_chosen.emit(int(doc_id), int(span_id))
