"""The events dock: each event with its arguments (role: text), then the relations.

Events lacking a required role are flagged. With an argument selected, a role
key re-roles it; Delete removes the selected argument, event or relation.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from annotator.core.model import Document, Schema
from annotator.services.events import missing_roles

KIND = Qt.ItemDataRole.UserRole
ID = Qt.ItemDataRole.UserRole + 1
SPAN = Qt.ItemDataRole.UserRole + 2
FLAG = QColor("#B00020")


def _short(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class EventsPanel(QTreeWidget):
    """Events and relations of the open document."""

    event_chosen = Signal(int)
    """An event (or one of its arguments) was selected: the event's id."""
    span_chosen = Signal(int)
    """An argument or trigger was selected: its span's id."""
    remove_requested = Signal(str, int)
    """Delete on an item: ("argument" | "event" | "relation", id)."""
    rerole_requested = Signal(int, str)
    """A role key on a selected argument: (argument id, key)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventsPanel")
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setIndentation(14)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.role_keys: set[str] = set()
        self.current_event: int | None = None
        self._quiet = False
        self.itemSelectionChanged.connect(self._selected)

    def show_document(self, doc: Document | None, schema: Schema) -> None:
        """Fill the tree from ``doc``, keeping the selected item where it still exists."""
        keep = self.selected_item()
        self._quiet = True
        try:
            self.clear()
            if doc is not None:
                self._fill(doc, schema)
                self._reselect(keep)
        finally:
            self._quiet = False

    def _fill(self, doc: Document, schema: Schema) -> None:
        text = {s.id: s.text_in(doc.text) for s in doc.spans}
        bold = QFont(self.font())
        bold.setBold(True)
        for event in doc.events:
            trigger = _short(text.get(event.trigger_id, "?"))
            item = self._item(None, f"{event.type}  «{trigger}»", "event", event.id)
            item.setData(0, SPAN, event.trigger_id)
            missing = missing_roles(schema, event)
            if missing:
                item.setText(0, item.text(0) + "  ⚠ " + self.tr("missing: ") + ", ".join(missing))
                item.setForeground(0, QBrush(FLAG))
                item.setToolTip(0, self.tr("Required roles not filled: ") + ", ".join(missing))
            if event.id == self.current_event:
                item.setFont(0, bold)
            for arg in event.arguments:
                label = f"{arg.role}: {_short(text.get(arg.span_id, '?'))}"
                child = self._item(item, label, "argument", arg.id)
                child.setData(0, SPAN, arg.span_id)
            item.setExpanded(True)
        if doc.relations:
            group = QTreeWidgetItem(self, [self.tr("Relations")])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for rel in doc.relations:
                head, tail = (
                    _short(text.get(rel.head_id, "?"), 24),
                    _short(text.get(rel.tail_id, "?"), 24),
                )
                self._item(group, f"{head} —{rel.label}→ {tail}", "relation", rel.id)
            group.setExpanded(True)
        if not doc.events and not doc.relations:
            hint = QTreeWidgetItem(
                self, [self.tr("No events yet: select a trigger, press its key")]
            )
            hint.setFlags(Qt.ItemFlag.NoItemFlags)

    def _item(
        self, parent: QTreeWidgetItem | None, text: str, kind: str, item_id: int | None
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text]) if parent is not None else QTreeWidgetItem(self, [text])
        if parent is not None:
            parent.addChild(item)
        item.setData(0, KIND, kind)
        item.setData(0, ID, item_id)
        item.setToolTip(0, text)
        return item

    def _reselect(self, keep: tuple[str, int] | None) -> None:
        if keep is None:
            return
        for item in self._items():
            if (item.data(0, KIND), item.data(0, ID)) == keep:
                self.setCurrentItem(item)
                return

    def _items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            if top is None:
                continue
            out.append(top)
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None:
                    out.append(child)
        return out

    def selected_item(self) -> tuple[str, int] | None:
        """``(kind, id)`` of the selected row, if any."""
        items = self.selectedItems()
        if not items or items[0].data(0, KIND) is None:
            return None
        return str(items[0].data(0, KIND)), int(items[0].data(0, ID))

    def select_item(self, kind: str, item_id: int) -> None:
        """Select the row of an event, argument or relation."""
        self._reselect((kind, item_id))

    def _selected(self) -> None:
        if self._quiet:
            return
        items = self.selectedItems()
        if not items or items[0].data(0, KIND) is None:
            return
        item = items[0]
        kind = item.data(0, KIND)
        if kind == "event":
            self.event_chosen.emit(int(item.data(0, ID)))
        elif kind == "argument" and (parent := item.parent()) is not None:
            self.event_chosen.emit(int(parent.data(0, ID)))
        if item.data(0, SPAN) is not None:
            self.span_chosen.emit(int(item.data(0, SPAN)))

    # keys -------------------------------------------------------------------------

    def _is_mine(self, event: QKeyEvent) -> bool:
        chosen = self.selected_item()
        if chosen is None or event.modifiers() not in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            return False
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            return True
        return chosen[0] == "argument" and event.text().lower() in self.role_keys

    def event(self, event: QEvent) -> bool:
        """Claim Delete and role keys from the window's shortcuts while a row is selected."""
        override = event.type() == QEvent.Type.ShortcutOverride
        if override and isinstance(event, QKeyEvent) and self._is_mine(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Delete removes the selected row's item; a role key re-roles the selected argument."""
        chosen = self.selected_item()
        if chosen is not None and self._is_mine(event):
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.remove_requested.emit(*chosen)
            else:
                self.rerole_requested.emit(chosen[1], event.text().lower())
            return
        super().keyPressEvent(event)
