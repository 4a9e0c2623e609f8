"""The open document's spans as a Qt table: label, text, offsets."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from annotator.core.model import Span
from annotator.gui.i18n import N_, marked

HEADERS = (N_("Label"), N_("Text"), N_("Start"), N_("End"))
Index = QModelIndex | QPersistentModelIndex


class SpanTableModel(QAbstractTableModel):
    """A thin adapter over a document's spans (code-point offsets)."""

    def __init__(self) -> None:
        super().__init__()
        self._spans: tuple[Span, ...] = ()
        self._text = ""
        self._colors: dict[str, str] = {}

    def set_spans(self, spans: tuple[Span, ...], text: str, colors: dict[str, str]) -> None:
        """Show these spans of ``text``."""
        self.beginResetModel()
        self._spans, self._text, self._colors = spans, text, colors
        self.endResetModel()

    def span_at(self, row: int) -> Span:
        """The span on ``row``."""
        return self._spans[row]

    def row_of(self, span_id: int) -> int | None:
        """The row of the span with this id."""
        for row, span in enumerate(self._spans):
            if span.id == span_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """One row per span."""
        return 0 if parent.isValid() else len(self._spans)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Label, text, start, end."""
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Cell text, the label colour as a swatch, the full text as tooltip."""
        if not index.isValid():
            return None
        span = self._spans[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (span.label, span.text_in(self._text).replace("\n", " "), span.start, span.end)
            return values[col]
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return QColor(self._colors.get(span.label, "#999999"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{span.label} [{span.start}, {span.end}) {span.origin.value}"
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return marked(HEADERS[section])
        return None
