"""The events dock: each event with its arguments (role: text), then the relations.

Events lacking a required role are flagged. With an argument selected, a role
key re-roles it; Delete removes the selected argument, event or relation.
"""

from __future__ import annotations

from dataclasses import dataclass

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


Child = tuple[str, str, int | None, int | None]
"""A child row: text, kind ("argument" | "relation"), item id, span id."""


@dataclass(frozen=True, slots=True)
class _Row:
    """What one top-level row shows: an event with its arguments, or a group."""

    text: str
    kind: str | None
    item_id: int | None = None
    span: int | None = None
    tip: str = ""
    """Why the row is flagged (missing roles); empty when it is not."""
    bold: bool = False
    children: tuple[Child, ...] = ()


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
        self._doc_id: int | None = None
        self._rows: list[_Row] = []
        self.itemSelectionChanged.connect(self._selected)

    def show_document(self, doc: Document | None, schema: Schema) -> None:
        """Fill the tree from ``doc``, keeping the selected item where it still exists.

        After an edit of the same document only the rows that changed are
        rebuilt (an argument added redoes its event's row, not the tree).
        """
        keep = self.selected_item()
        rows = self._rows_of(doc, schema) if doc is not None else []
        self._quiet = True
        try:
            if doc is None or doc.id != self._doc_id or len(rows) != len(self._rows):
                self.clear()
                for row in rows:
                    self._put(QTreeWidgetItem(self), row)
            else:
                for i, (old, row) in enumerate(zip(self._rows, rows, strict=True)):
                    top = self.topLevelItem(i)
                    if old != row and top is not None:
                        self._put(top, row)
            self._rows = rows
            self._doc_id = doc.id if doc is not None else None
            if doc is not None:
                self._reselect(keep)
        finally:
            self._quiet = False

    def _rows_of(self, doc: Document, schema: Schema) -> list[_Row]:
        """The top-level rows of ``doc``: its events, then its relations (or a hint)."""
        text = {s.id: s.text_in(doc.text) for s in doc.spans}
        rows = []
        for event in doc.events:
            label = f"{event.type}  «{_short(text.get(event.trigger_id, '?'))}»"
            missing = missing_roles(schema, event)
            tip = ""
            if missing:
                label += "  ⚠ " + self.tr("missing: ") + ", ".join(missing)
                tip = self.tr("Required roles not filled: ") + ", ".join(missing)
            args = tuple(
                (f"{a.role}: {_short(text.get(a.span_id, '?'))}", "argument", a.id, a.span_id)
                for a in event.arguments
            )
            bold = event.id == self.current_event
            rows.append(_Row(label, "event", event.id, event.trigger_id, tip, bold, args))
        if doc.relations:
            rels = tuple(
                (
                    f"{_short(text.get(r.head_id, '?'), 24)} —{r.label}→ "
                    f"{_short(text.get(r.tail_id, '?'), 24)}",
                    "relation",
                    r.id,
                    None,
                )
                for r in doc.relations
            )
            rows.append(_Row(self.tr("Relations"), None, children=rels))
        if not doc.events and not doc.relations:
            rows.append(_Row(self.tr("No events yet: select a trigger, press its key"), None))
        return rows

    def _put(self, item: QTreeWidgetItem, row: _Row) -> None:
        """Make ``item`` show ``row`` (its children rebuilt)."""
        item.takeChildren()
        item.setText(0, row.text)
        item.setData(0, KIND, row.kind)
        item.setData(0, ID, row.item_id)
        item.setData(0, SPAN, row.span)
        item.setToolTip(0, row.tip or (row.text if row.kind else ""))
        item.setForeground(0, QBrush(FLAG) if row.tip else self.palette().text())
        font = QFont(self.font())
        font.setBold(row.bold)
        item.setFont(0, font)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if row.kind is None:
            flags = Qt.ItemFlag.ItemIsEnabled if row.children else Qt.ItemFlag.NoItemFlags
        item.setFlags(flags)
        for text, kind, item_id, span in row.children:
            child = QTreeWidgetItem(item, [text])
            child.setData(0, KIND, kind)
            child.setData(0, ID, item_id)
            child.setData(0, SPAN, span)
            child.setToolTip(0, text)
        item.setExpanded(True)

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
