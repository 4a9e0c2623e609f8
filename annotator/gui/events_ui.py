"""Events, relations, notes, schema editor and statistics, added to the workbench.

:class:`EventsUI` adds the Events dock (events, arguments, relations, notes),
the links layer on the document view, an Events menu with the event-type and
role keys, and the Label ▸ Edit schema… and View ▸ Statistics commands. The
workbench makes one after its own wiring.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QSplitter

from annotator.core.model import Document, LabelKind
from annotator.gui.actions import build_label_actions
from annotator.gui.controllers.events import EventController
from annotator.gui.controllers.notes import NotesController
from annotator.gui.dialogs.schema_editor import SchemaEditorDialog, SchemaHistory
from annotator.gui.widgets.events_panel import EventsPanel
from annotator.gui.widgets.links_overlay import LinksLayer, links_of
from annotator.gui.widgets.notes_panel import NotesPanel

if TYPE_CHECKING:
    from annotator.gui.workbench import Workbench


class EventsUI(QObject):
    """The event, relation and note tools of one workbench window."""

    def __init__(self, bench: Workbench) -> None:
        super().__init__(bench.window)
        self.bench = bench
        self.schema_history = SchemaHistory(bench.workspace, self)
        """Schema edits: one project-level undo stack (the schema editor's Undo)."""
        self.schema_history.changed.connect(self.refresh_schema)
        self.panel = EventsPanel()
        self.notes_panel = NotesPanel()
        self.links = LinksLayer(bench.pane.view)
        self.events = EventController(bench.docs, bench.annotate, bench.schema)
        self.notes = NotesController(bench.workspace, bench.docs, self.notes_panel, bench.nav.open)
        self.dock = self._dock()
        self._key_actions: list[QAction] = []
        self._menu = self._make_menu()
        self._wire()
        self.rebuild_keys()
        self.show(bench.docs.current)

    def _dock(self) -> QDockWidget:
        window = self.bench.window
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.panel)
        split.addWidget(self.notes_panel)
        split.setStretchFactor(0, 3)
        dock = QDockWidget(self.tr("Events"), window)
        dock.setObjectName("dock-events")
        dock.setWidget(split)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        window.tabifyDockWidget(window.spans_dock, dock)
        window.menus["View"].addAction(dock.toggleViewAction())
        return dock

    def _action(self, menu: QMenu, name: str, text: str, keys: str = "") -> QAction:
        action = QAction(text, self.bench.window)
        action.setObjectName(name)
        if keys:
            action.setShortcut(QKeySequence(keys))
        self.bench.window.addAction(action)
        menu.addAction(action)
        return action

    def _make_menu(self) -> QMenu:
        window = self.bench.window
        menu = QMenu(self.tr("E&vents"), window)
        window.menuBar().insertMenu(window.menus["Document"].menuAction(), menu)
        rel = self._action(menu, "relation", self.tr("&Relation from the selected span…"), "Ctrl+R")
        rel.triggered.connect(self.events.relation_command)
        links = self._action(menu, "toggle_links", self.tr("Show &links"), "Ctrl+L")
        links.setCheckable(True)
        links.setChecked(True)
        links.toggled.connect(self.links.set_visible)
        note = self._action(menu, "edit_note", self.tr("Edit &note"), "Ctrl+Shift+N")
        note.triggered.connect(lambda: self._raise(self.notes_panel.editor))
        find = self._action(menu, "find_notes", self.tr("&Find in notes"), "Ctrl+Shift+F")
        find.triggered.connect(lambda: self._raise(self.notes_panel.search))
        menu.addSeparator()
        schema = self._action(window.menus["Label"], "edit_schema", self.tr("Edit &schema…"))
        schema.triggered.connect(self.edit_schema)
        stats = self._action(window.menus["View"], "statistics", self.tr("&Statistics"), "F9")
        stats.triggered.connect(self.show_statistics)
        return menu

    def _wire(self) -> None:
        docs = self.bench.docs
        docs.document_changed.connect(self.show)
        self.events.current_changed.connect(self._current_changed)
        self.panel.event_chosen.connect(self.events.set_current)
        self.panel.span_chosen.connect(self._span_chosen)
        self.panel.remove_requested.connect(self.events.remove)
        self.panel.rerole_requested.connect(self.events.rerole)
        self.panel.itemSelectionChanged.connect(self._note_target)
        self.bench.spans_panel.selection_changed.connect(lambda _ids: self._note_target())
        self.bench.pane.view.span_clicked.connect(lambda _id: self._note_target())

    # keys -----------------------------------------------------------------------

    def rebuild_keys(self) -> None:
        """One action per event type (its key) and per role key, from the schema."""
        for action in self._key_actions:
            self._menu.removeAction(action)
            self.bench.window.removeAction(action)
            action.deleteLater()
        self._key_actions = []
        schema = self.bench.schema
        for label in schema.of_kind(LabelKind.EVENT):
            text = self.tr("New %1 event").replace("%1", label.name)
            action = self._action(self._menu, f"event:{label.name}", text, label.shortcut or "")
            action.triggered.connect(lambda _=False, n=label.name: self.events.add_event(n))
            self._key_actions.append(action)
        self._key_actions.append(self._menu.addSeparator())
        roles: dict[str, list[str]] = {}
        for label in schema.of_kind(LabelKind.EVENT):
            for role in label.roles:
                if role.shortcut and role.name not in roles.setdefault(role.shortcut.lower(), []):
                    roles[role.shortcut.lower()].append(role.name)
        for key, names in roles.items():
            text = self.tr("Attach as %1").replace("%1", " / ".join(names))
            action = self._action(self._menu, f"role:{key}", text, key.upper())
            action.triggered.connect(lambda _=False, k=key: self.events.attach(k))
            self._key_actions.append(action)
        self.panel.role_keys = set(roles)

    # showing ----------------------------------------------------------------------

    def show(self, doc: Document | None) -> None:
        """Refresh the tree and the links after the document or its annotations changed."""
        self.panel.current_event = self.events.current_event
        self.panel.show_document(doc, self.bench.schema)
        self.links.current_event = self.events.current_event
        self.links.set_links(links_of(doc, self.bench.schema))

    def _current_changed(self, event_id: int | None) -> None:
        self.show(self.bench.docs.current)
        if event_id is not None:
            self.dock.raise_()
            if self.panel.selected_item() is None:
                self.panel.select_item("event", event_id)

    def _span_chosen(self, span_id: int) -> None:
        self.bench.annotate.select(frozenset({span_id}))
        self.bench.pane.view.reveal(span_id)

    def _note_target(self) -> None:
        chosen = self.panel.selected_item() if self.panel.hasFocus() else None
        selected = self.bench.annotate.selected
        if chosen is not None and chosen[0] == "event":
            self.notes.point_at(("event", chosen[1]))
        elif len(selected) == 1:
            self.notes.point_at(("span", next(iter(selected))))
        else:
            self.notes.point_at(("document", None))

    def _raise(self, widget: object) -> None:
        self.dock.show()
        self.dock.raise_()
        if hasattr(widget, "setFocus"):
            widget.setFocus()

    # schema and statistics --------------------------------------------------------

    def edit_schema(self) -> None:
        """Label ▸ Edit schema…: the schema editor dialog."""
        dialog = SchemaEditorDialog(self.schema_history, self.bench.window)
        dialog.exec()
        dialog.deleteLater()

    def show_statistics(self) -> None:
        """View ▸ Statistics: charts of the project's counts."""
        from annotator.gui.widgets.stats_view import StatisticsDialog

        StatisticsDialog(self.bench.workspace, self.bench.window).exec()

    def refresh_schema(self) -> None:
        """Re-read the schema: palette, label keys, colours, event keys, the open document."""
        bench = self.bench
        bench.schema = bench.workspace.schema()
        bench.labels = bench.schema.of_kind(LabelKind.ENTITY)
        bench.colors.clear()
        bench.colors.update({label.name: label.color for label in bench.labels})
        bench.palette.set_labels(bench.labels)
        bench.list_panel.set_labels([label.name for label in bench.labels])
        menu = bench.window.menus["Label"]
        for action in bench.window.actions():
            if action.objectName().startswith("label:"):
                menu.removeAction(action)
                bench.window.removeAction(action)
                action.deleteLater()
        made = build_label_actions(bench.window, menu, bench.labels, bench.annotate.label)
        first = menu.actions()[0] if menu.actions() else None
        if made and first is not None and first not in made:
            menu.insertActions(first, made)  # labels before Edit schema…
        self.events.set_schema(bench.schema)
        self.rebuild_keys()
        bench.docs.reload()
