"""The roles of an event type as an editable table: name, key, required, max count."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Role

NAME, KEY, REQUIRED, MAX = range(4)


class RolesTable(QWidget):
    """Rows of roles with Add / Remove buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("rolesTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Role"), self.tr("Key"), self.tr("Required"), self.tr("Max (empty: any)")]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(150)
        add = QPushButton(self.tr("Add role"), self)
        add.clicked.connect(lambda: self.add_role(Role("")))
        remove = QPushButton(self.tr("Remove role"), self)
        remove.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_roles(self, roles: Sequence[Role]) -> None:
        """Show ``roles``."""
        self.table.setRowCount(0)
        for role in roles:
            self.add_role(role)

    def add_role(self, role: Role) -> None:
        """Append a row for ``role``."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, NAME, QTableWidgetItem(role.name))
        self.table.setItem(row, KEY, QTableWidgetItem(role.shortcut or ""))
        required = QTableWidgetItem()
        required.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        required.setCheckState(Qt.CheckState.Checked if role.required else Qt.CheckState.Unchecked)
        self.table.setItem(row, REQUIRED, required)
        count = "" if role.max_count is None else str(role.max_count)
        self.table.setItem(row, MAX, QTableWidgetItem(count))

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _text(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item is not None else ""

    def roles(self) -> tuple[Role, ...] | str:
        """The roles in the table, or why they are not valid."""
        out = []
        for row in range(self.table.rowCount()):
            name, key, count = self._text(row, NAME), self._text(row, KEY), self._text(row, MAX)
            if not name:
                return self.tr("Row %1: a role needs a name").replace("%1", str(row + 1))
            if len(key) > 1:
                return self.tr("Row %1: a role key is one key").replace("%1", str(row + 1))
            if count and (not count.isdigit() or int(count) < 1):
                return self.tr("Row %1: max count is a number from 1").replace("%1", str(row + 1))
            check = self.table.item(row, REQUIRED)
            required = check is not None and check.checkState() == Qt.CheckState.Checked
            out.append(Role(name, required, int(count) if count else None, key or None))
        return tuple(out)
