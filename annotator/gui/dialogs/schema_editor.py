"""Label ▸ Edit schema…: entity labels, event types with roles, relation types; JSON in and out.

Every change is a schema edit applied through :class:`SchemaEditor` and pushed
on the project's schema undo stack with the same generic adapter as document
edits. Refusals (a taken key, an empty name) show inline, under the form.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap, QUndoStack
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from annotator.core import schema_edits as se
from annotator.core.edits import EditError
from annotator.core.model import Label, LabelKind
from annotator.gui.dialogs.roles_table import RolesTable
from annotator.gui.dialogs.schema_keys import key_clash
from annotator.gui.undo import EditCommand
from annotator.services.schema import SchemaEditor, SchemaFileError
from annotator.services.workspace import Workspace

KINDS = (LabelKind.ENTITY, LabelKind.EVENT, LabelKind.RELATION)


def swatch(color: str) -> QIcon:
    """A small square of ``color``."""
    pix = QPixmap(14, 14)
    pix.fill(QColor(color))
    return QIcon(pix)


class SchemaHistory(QObject):
    """The project's schema edits and their undo stack (lives as long as the window)."""

    changed = Signal()
    """The schema was edited, undone or redone."""
    failed = Signal(str)
    """An undo or redo was refused (why)."""

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = SchemaEditor(workspace)
        self.stack = QUndoStack(self)

    def run(self, edit: se.SchemaEdit) -> None:
        """Apply ``edit`` and push it for undo.

        Raises:
            EditError: refused; nothing changed.
        """
        inverse = self.editor.apply(edit)
        self.pushed(edit, inverse)

    def pushed(self, done: se.SchemaEdit, inverse: se.SchemaEdit) -> None:
        """Put an edit already applied (``inverse`` undoes it) on the stack."""
        self.stack.push(EditCommand(self._reapply, done, inverse))
        self.changed.emit()

    def _reapply(self, edit: se.SchemaEdit) -> se.SchemaEdit:
        try:
            inverse = self.editor.apply(edit)
        except EditError as exc:
            self.failed.emit(str(exc))
            return edit
        self.changed.emit()
        return inverse


class SchemaEditorDialog(QDialog):
    """Add, rename, recolour, re-key and delete labels; event roles; import and export."""

    def __init__(self, history: SchemaHistory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("schemaEditor")
        self.setWindowTitle(self.tr("Edit schema"))
        self.resize(760, 520)
        self.history = history
        self.editor = history.editor
        self.undo = history.stack
        self.kind = LabelKind.ENTITY
        self.color = "#999999"
        self.tabs = QTabBar(self)
        for text in (self.tr("Entity labels"), self.tr("Event types"), self.tr("Relation types")):
            self.tabs.addTab(text)
        self.list = QListWidget(self)
        self.list.setObjectName("schemaLabels")
        self.name = QLineEdit(self)
        self.key = QLineEdit(self)
        self.key.setMaxLength(1)
        self.key.setMaximumWidth(40)
        self.colour_button = QPushButton(self)
        self.description = QLineEdit(self)
        self.roles = RolesTable(self)
        self.error = QLabel(self)
        self.error.setObjectName("schemaError")
        self.error.setStyleSheet("color: #B00020;")
        self.error.setWordWrap(True)
        self._layout()
        self.tabs.currentChanged.connect(lambda i: self.show_kind(KINDS[i]))
        self.list.currentRowChanged.connect(lambda _r: self._fill_form())
        self.colour_button.clicked.connect(self._pick_colour)
        history.changed.connect(self.refresh)
        history.failed.connect(self.error.setText)
        self.refresh()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Key"), self.key)
        form.addRow(self.tr("Colour"), self.colour_button)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Roles"), self.roles)
        buttons = QHBoxLayout()
        for text, slot, name in (
            (self.tr("&Save changes"), self.save, "saveLabel"),
            (self.tr("&Add as new"), self.add_new, "addLabel"),
            (self.tr("&Delete…"), self.delete, "deleteLabel"),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(buttons)
        right.addWidget(self.error)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        body.addLayout(right, 3)
        bottom = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        bottom.rejected.connect(self.reject)
        for text, slot in (
            (self.tr("Undo"), self.undo.undo),
            (self.tr("Redo"), self.undo.redo),
            (self.tr("Import JSON…"), self.import_json),
            (self.tr("Export JSON…"), self.export_json),
        ):
            button = bottom.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(slot)
        main = QVBoxLayout(self)
        main.addWidget(self.tabs)
        main.addLayout(body, 1)
        main.addWidget(bottom)

    # showing ------------------------------------------------------------------------

    def labels(self) -> tuple[Label, ...]:
        """The labels of the tab shown, as saved."""
        return self.editor.schema().of_kind(self.kind)

    def show_kind(self, kind: LabelKind) -> None:
        """Show entity labels, event types or relation types."""
        self.kind = kind
        self.tabs.setCurrentIndex(KINDS.index(kind))
        self.roles.setVisible(kind == LabelKind.EVENT)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the schema into the list, keeping the selected row."""
        row = max(self.list.currentRow(), 0)
        self.list.blockSignals(True)
        self.list.clear()
        for label in self.labels():
            uses = self.editor.usage(label)
            key = (label.shortcut or " ").upper()
            item = QListWidgetItem(swatch(label.color), f"{key}  {label.name}   ({uses})")
            item.setData(Qt.ItemDataRole.UserRole, label.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(min(row, self.list.count() - 1))
        self._fill_form()

    def selected(self) -> Label | None:
        """The label of the selected row."""
        row = self.list.currentRow()
        labels = self.labels()
        return labels[row] if 0 <= row < len(labels) else None

    def select(self, name: str) -> None:
        """Select the label called ``name`` in the tab shown."""
        for row, label in enumerate(self.labels()):
            if label.name == name:
                self.list.setCurrentRow(row)

    def _fill_form(self) -> None:
        label = self.selected()
        self.name.setText(label.name if label else "")
        self.key.setText(label.shortcut or "" if label else "")
        self.description.setText(label.description if label else "")
        self.set_colour(label.color if label else "#999999")
        self.roles.set_roles(label.roles if label else ())
        self.error.clear()

    def set_colour(self, color: str) -> None:
        """The colour the form will save."""
        self.color = color
        self.colour_button.setIcon(swatch(color))
        self.colour_button.setText(color)

    def _pick_colour(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.color), self, self.tr("Label colour"))
        if chosen.isValid():
            self.set_colour(chosen.name())

    # changing ------------------------------------------------------------------------

    def form_label(self, base: Label | None) -> Label | None:
        """The label the form describes (with ``base``'s id), or None after showing why not."""
        roles = self.roles.roles() if self.kind == LabelKind.EVENT else ()
        if isinstance(roles, str):
            self.error.setText(roles)
            return None
        label = Label(
            self.name.text().strip(),
            self.kind,
            self.color,
            self.key.text().strip() or None,
            self.description.text().strip(),
            roles,
            base.id if base else None,
        )
        clash = key_clash(self.editor.schema(), label)
        if clash:
            self.error.setText(clash)
            return None
        return label

    def save(self) -> None:
        """Save the form over the selected label (rename, recolour, re-key, roles)."""
        base = self.selected()
        label = self.form_label(base) if base else None
        if label is not None and label != base:
            self.run(se.UpdateLabel(label))

    def add_new(self) -> None:
        """Add the form as a new label of the tab's kind."""
        label = self.form_label(None)
        if label is not None and self.run(se.AddLabel(label)):
            self.select(label.name)

    def delete(self) -> None:
        """Delete the selected label, asking first when annotations use it."""
        label = self.selected()
        if label is None or label.id is None:
            return
        uses = self.editor.usage(label)
        if uses and not self.confirm_delete(label, uses):
            return
        self.run(se.DeleteLabel(label.id))

    def confirm_delete(self, label: Label, uses: int) -> bool:
        """Ask before deleting a label that annotations use."""
        text = (
            self.tr("%1 is used by %2 annotations. Delete it and them? (Undo brings both back.)")
            .replace("%1", label.name)
            .replace("%2", str(uses))
        )
        answer = QMessageBox.question(self, self.tr("Delete label"), text)
        return answer == QMessageBox.StandardButton.Yes

    def run(self, edit: se.SchemaEdit) -> bool:
        """Apply ``edit`` (undoable); show a refusal inline."""
        try:
            self.history.run(edit)
        except EditError as exc:
            self.error.setText(str(exc))
            return False
        return True

    # files ---------------------------------------------------------------------------

    def export_json(self, path: Path | None = None) -> None:
        """Write the schema as JSON."""
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export schema"), "schema.json", self.tr("JSON (*.json)")
            )
            path = Path(name) if name else None
        if path is not None:
            self.editor.export_json(path)
            self.error.setText(self.tr("Saved %1").replace("%1", str(path)))

    def import_json(self, path: Path | None = None) -> None:
        """Merge a schema JSON file (new labels added, existing ones updated); undoable."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import schema"), "", self.tr("JSON (*.json)")
            )
            path = Path(name) if name else None
        if path is None:
            return
        try:
            result = self.editor.import_json(path)
        except SchemaFileError as exc:
            self.error.setText(str(exc))
            return
        if result.undo is not None:
            done = se.SchemaBatch((), f"Import schema {path.name}")
            self.history.pushed(done, result.undo)
        self.error.setText(
            self.tr("Added %1, updated %2")
            .replace("%1", ", ".join(result.added) or "-")
            .replace("%2", ", ".join(result.updated) or "-")
        )
