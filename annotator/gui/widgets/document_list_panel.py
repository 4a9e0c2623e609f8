"""The article list dock: filters, a debounced search box and the lazy table."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Status
from annotator.gui.i18n import marked, translate
from annotator.gui.models.document_list import STATUS_TEXT, DocumentListModel
from annotator.services.browse import Filters

SEARCH_DELAY_MS = 300


class DocumentListPanel(QWidget):
    """Filters above the article table; the current row is the open document."""

    document_chosen = Signal(int)

    def __init__(self, model: DocumentListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.status.addItem(translate("DocumentListPanel", "All statuses"), None)
        for status in Status:
            self.status.addItem(marked(STATUS_TEXT[status.value]), status.value)
        self.label = QComboBox()
        self.label.setObjectName("labelFilter")
        self.search = QLineEdit(
            placeholderText=translate("DocumentListPanel", "Search titles and text…")
        )
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.table = self._make_table(model)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.status.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.label.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self._layout()

    def _make_table(self, model: DocumentListModel) -> QTableView:
        table = QTableView(self)
        table.setObjectName("documentList")
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(22)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 82), (2, 80), (3, 78), (4, 46)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(col, max(width, header.sectionSizeHint(col)))  # fit titles
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(model.sort)
        table.selectionModel().currentRowChanged.connect(self._current_changed)
        return table

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.setSpacing(4)
        filters.addWidget(self.status)
        filters.addWidget(self.label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Drop the source, then the date column when the dock is narrow."""
        super().resizeEvent(event)
        width = event.size().width()
        self.table.setColumnHidden(2, width < 400)
        self.table.setColumnHidden(1, width < 320)

    def set_labels(self, names: Sequence[str]) -> None:
        """The entity labels the label filter offers."""
        self.label.blockSignals(True)
        self.label.clear()
        self.label.addItem(translate("DocumentListPanel", "Any label"), None)
        for name in names:
            self.label.addItem(
                translate("DocumentListPanel", "has {label}").format(label=name), name
            )
        self.label.blockSignals(False)

    def apply_filters(self) -> None:
        """Re-query the list with the current filters."""
        self._timer.stop()
        status = self.status.currentData()
        self.model.set_filters(
            Filters(
                status=status or None,
                label=self.label.currentData(),
                search=self.search.text().strip(),
            )
        )

    def select_document(self, doc_id: int) -> None:
        """Make ``doc_id``'s row current (if the filters show it)."""
        row = self.model.row_of(doc_id)
        if row is None:
            self.table.clearSelection()
            return
        index = self.model.index(row, 0)
        if self.table.currentIndex().row() != row:
            self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        doc_id = self.model.document_id(current.row()) if current.isValid() else None
        if doc_id is not None:
            self.document_chosen.emit(doc_id)
