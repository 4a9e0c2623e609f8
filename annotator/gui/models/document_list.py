"""The article list as a lazy Qt table over the browse service.

Rows are fetched a page at a time when the view first asks for them and
kept in a small cache, so a project of 100,000 documents costs one count
and the pages on screen.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from annotator.gui.i18n import N_, marked
from annotator.services.browse import Browser, Filters
from annotator.store.documents import DocumentRow

PAGE = 200
CACHED_PAGES = 16
COLUMNS = (
    (N_("Title"), "title"),
    (N_("Date"), "published_at"),
    (N_("Source"), "source"),
    (N_("Status"), "status"),
    (N_("Spans"), "spans"),
)
STATUS_TEXT = {
    "new": N_("new"),
    "in_progress": N_("in progress"),
    "done": N_("done"),
    "skipped": N_("skipped"),
}
"""Status names as shown (marked ``N_``: show them through ``marked``)."""
Index = QModelIndex | QPersistentModelIndex


class DocumentListModel(QAbstractTableModel):
    """A paged, sortable, filterable view of the project's documents."""

    def __init__(self, browser: Browser) -> None:
        super().__init__()
        self.browser = browser
        self.filters = Filters()
        self.sort_key = "id"
        self.descending = False
        self._count = browser.count(self.filters)
        self._pages: OrderedDict[int, list[DocumentRow]] = OrderedDict()

    # queries -----------------------------------------------------------------

    def set_filters(self, filters: Filters) -> None:
        """Show only the documents ``filters`` let through."""
        self.filters = filters
        self.refresh()

    def refresh(self) -> None:
        """Forget every cached page and count again."""
        self.beginResetModel()
        self._pages.clear()
        self._count = self.browser.count(self.filters)
        self.endResetModel()

    def refresh_document(self, doc_id: int) -> None:
        """Re-read the cached page holding ``doc_id`` (after an edit)."""
        for number, rows in list(self._pages.items()):
            for offset, row in enumerate(rows):
                if row.id == doc_id:
                    self._pages[number] = self._fetch(number)
                    r = number * PAGE + offset
                    self.dataChanged.emit(self.index(r, 0), self.index(r, len(COLUMNS) - 1))
                    return

    def row_of(self, doc_id: int) -> int | None:
        """The row showing ``doc_id`` under the current filters and order."""
        return self.browser.position_of(doc_id, self.filters, self.sort_key, self.descending)

    def document_id(self, row: int) -> int | None:
        """The id of the document on ``row``."""
        found = self._row(row)
        return found.id if found else None

    def _fetch(self, number: int) -> list[DocumentRow]:
        return self.browser.page(self.filters, number * PAGE, PAGE, self.sort_key, self.descending)

    def _row(self, row: int) -> DocumentRow | None:
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, PAGE)
        rows = self._pages.get(number)
        if rows is None:
            rows = self._fetch(number)
            self._pages[number] = rows
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return rows[offset] if offset < len(rows) else None

    # Qt model ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Every matching document (only the rows on screen are ever read)."""
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Title, date, source, status, spans."""
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Cell text, right-aligned counts, the full title as tooltip."""
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
        ):
            return None
        row = self._row(index.row()) if index.isValid() else None
        if row is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return (
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == 4
                else None
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.title if col == 0 else None
        date = (row.published_at or "")[:10]
        values = (
            row.title,
            date,
            row.source or "",
            marked(STATUS_TEXT.get(row.status, row.status)),
            row.span_count,
        )
        return values[col]

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return marked(COLUMNS[section][0])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the database by the clicked column."""
        key = COLUMNS[column][1] if 0 <= column < len(COLUMNS) else "id"
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.refresh()
