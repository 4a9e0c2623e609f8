"""The spans dock: every span of the open document, several selectable at once."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotator.gui.models.span_table import SpanTableModel


class SpansPanel(QTableView):
    """A table of spans; its selection is the set of spans the keys act on."""

    selection_changed = Signal(frozenset)
    """The ids of the selected spans."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spansPanel")
        self.span_model = SpanTableModel()
        self.setModel(self.span_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(22)
        header = self.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: ResizeToContents asks every row of a 300-span document for its
        # text on each change, which cost more than the rest of opening it.
        digits = self.fontMetrics().horizontalAdvance("000000") + 12
        for col, width in ((0, self.fontMetrics().horizontalAdvance("MMMMMM") + 30), (2, digits),
                           (3, digits)):  # fmt: skip
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(col, width)
        self._quiet = False
        self.selectionModel().selectionChanged.connect(self._emit)

    def selected_ids(self) -> frozenset[int]:
        """Ids of the selected rows' spans."""
        rows = {i.row() for i in self.selectionModel().selectedRows()}
        ids = (self.span_model.span_at(r).id for r in rows)
        return frozenset(i for i in ids if i is not None)

    def select_ids(self, ids: frozenset[int]) -> None:
        """Select exactly these spans, without echoing the change back."""
        if ids == self.selected_ids():
            return
        self._quiet = True
        try:
            selection = QItemSelection()
            for span_id in ids:
                row = self.span_model.row_of(span_id)
                if row is not None:
                    left = self.span_model.index(row, 0)
                    right = self.span_model.index(row, self.span_model.columnCount() - 1)
                    selection.select(left, right)
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            self.selectionModel().select(selection, flags)
            if len(ids) == 1:
                row = self.span_model.row_of(next(iter(ids)))
                if row is not None:
                    self.scrollTo(self.span_model.index(row, 0))
        finally:
            self._quiet = False

    def _emit(self, *_: object) -> None:
        if not self._quiet:
            self.selection_changed.emit(self.selected_ids())
