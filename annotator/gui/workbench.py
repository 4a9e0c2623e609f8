"""Putting the window together: services, controllers, widgets and their wiring."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence

from annotator.core.model import Document, LabelKind, Status
from annotator.gui.actions import build_label_actions
from annotator.gui.controllers.annotate import AnnotationController
from annotator.gui.controllers.document import DocumentController
from annotator.gui.controllers.exporter import ExportController
from annotator.gui.controllers.importer import ImportController
from annotator.gui.controllers.navigate import NavigationController
from annotator.gui.dialogs.annotator_name import ask_name
from annotator.gui.events_ui import EventsUI
from annotator.gui.help_menu import HelpMenu
from annotator.gui.i18n import translate
from annotator.gui.language_menu import add_language_menu
from annotator.gui.main_window import MainWindow
from annotator.gui.models.document_list import DocumentListModel
from annotator.gui.preferences import DEFAULT_FONT, Preferences
from annotator.gui.suggestions_ui import SuggestionsUI
from annotator.gui.widgets.document_list_panel import DocumentListPanel
from annotator.gui.widgets.document_pane import DocumentPane
from annotator.gui.widgets.label_palette import LabelPalette
from annotator.gui.widgets.spans_panel import SpansPanel
from annotator.services.annotate import Annotations
from annotator.services.browse import Browser
from annotator.services.importing import ImportSummary
from annotator.services.workspace import Workspace


class Workbench:
    """The annotation window and everything behind it, for one workspace."""

    def __init__(self, workspace: Workspace, prefs: Preferences | None = None) -> None:
        self.workspace = workspace
        self.prefs = prefs or Preferences()
        self.schema = workspace.schema()
        self.labels = self.schema.of_kind(LabelKind.ENTITY)
        self.colors = {label.name: label.color for label in self.labels}
        self.pane = DocumentPane()
        self.list_panel = DocumentListPanel(DocumentListModel(Browser(workspace)))
        self.palette = LabelPalette()
        self.spans_panel = SpansPanel()
        self.docs = DocumentController(Annotations(workspace))
        self.window = MainWindow(
            self.pane, self.list_panel, self.palette, self.spans_panel, self._handlers()
        )
        self.annotate = AnnotationController(self.docs, self.pane.view, self.spans_panel)
        self.nav = NavigationController(self.list_panel.model.browser, self.docs, self.list_panel)
        self.importer = ImportController(workspace, self.window)
        self._wire()
        self.events_ui = EventsUI(self)
        self.suggestions_ui = SuggestionsUI(self)
        self.exporter = ExportController(workspace, self.window, self.prefs)
        self.window.add_file_action(self.exporter.action)
        self.exporter.message.connect(self.window.show_message)
        self.help = HelpMenu(self.window, workspace.url)

    def _handlers(self) -> dict[str, Callable[[], None]]:
        return {
            "import_files": lambda: self.importer.choose_files(),
            "import_folder": lambda: self.importer.choose_folder(),
            "import_options": lambda: self.importer.choose_with_options(),
            "set_annotator": self.change_annotator,
            "quit": self._quit,
            "delete_spans": lambda: self.annotate.delete(),
            "grow_start": lambda: self.annotate.resize("start", grow=True),
            "grow_end": lambda: self.annotate.resize("end", grow=True),
            "shrink_start": lambda: self.annotate.resize("start", grow=False),
            "shrink_end": lambda: self.annotate.resize("end", grow=False),
            "next_span": lambda: self.annotate.step_span(forward=True),
            "prev_span": lambda: self.annotate.step_span(forward=False),
            "clear_selection": lambda: self.annotate.select(frozenset()),
            "char_mode": self._toggle_char_mode,
            "mark_done": lambda: self.finish(Status.DONE),
            "mark_skipped": lambda: self.finish(Status.SKIPPED),
            "next_unfinished": lambda: self.nav.step_unfinished(),
            "prev_unfinished": lambda: self.nav.step_unfinished(backwards=True),
            "focus_search": lambda: self.list_panel.search.setFocus(),
            "focus_text": lambda: self.pane.view.setFocus(),
            "zoom_in": lambda: self.zoom(+1),
            "zoom_out": lambda: self.zoom(-1),
            "zoom_reset": lambda: self.zoom(0),
        }

    def _wire(self) -> None:
        w = self.window
        self.palette.set_labels(self.labels)
        self.palette.label_chosen.connect(self.annotate.label)
        self.list_panel.set_labels([label.name for label in self.labels])
        build_label_actions(w, w.menus["Label"], self.labels, self.annotate.label)
        edit = w.menus["Edit"]
        first = edit.actions()[0] if edit.actions() else None
        undo = self.docs.undo.group.createUndoAction(w, translate("Workbench", "&Undo"))
        undo.setShortcut("Ctrl+Z")
        redo = self.docs.undo.group.createRedoAction(w, translate("Workbench", "&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.insertActions(first, [undo, redo])  # type: ignore[arg-type]
        edit.insertSeparator(first)  # type: ignore[arg-type]
        w.actions_by_name["char_mode"].setChecked(self.prefs.char_mode)
        self.annotate.char_mode = self.prefs.char_mode
        self.docs.document_changed.connect(self._show)
        self.docs.message.connect(w.show_message)
        self.importer.message.connect(w.show_message)
        self.importer.imported.connect(self._imported)
        self.pane.document_linked.connect(self.nav.open)
        self.nav.progress.connect(w.show_progress)
        w.files_dropped.connect(self.importer.start)
        w.closing.connect(self._closing)
        self.pane.set_font_size(self.prefs.font_size)
        self.pane.show_header(None)
        add_language_menu(w.menus["View"], self.prefs, w.show_message)

    def _imported(self, summary: ImportSummary) -> None:
        """Re-read the list; with no document open, open the first one imported."""
        self.nav.refresh()
        if self.docs.doc_id is None and summary.document_ids:
            self.nav.open(summary.document_ids[0])

    def _show(self, doc: Document | None) -> None:
        self.pane.show_header(doc)
        self.pane.view.set_document(doc, self.colors)
        spans = doc.spans if doc else ()
        self.spans_panel.span_model.set_spans(spans, doc.text if doc else "", self.colors)
        self.annotate.select(self.annotate.selected)
        title = doc.title if doc else ""
        self.window.setWindowTitle(f"{title} — Annotator" if title else "Annotator")

    # commands ------------------------------------------------------------------

    def finish(self, status: Status) -> None:
        """Mark the open document done or skipped and move on."""
        self.annotate.mark(status)
        self.nav.finish(status)

    def zoom(self, step: int) -> None:
        """Change the document font size (0: back to normal) and remember it."""
        size = DEFAULT_FONT if step == 0 else self.prefs.font_size + step
        self.prefs.font_size = size
        self.pane.set_font_size(self.prefs.font_size)

    def change_annotator(self) -> None:
        """Ask for the annotator's name and record edits under it from now on."""
        name = ask_name(self.window, self.prefs.annotator)
        if name:
            self.prefs.annotator = name
            self.workspace.annotator = name
            self.window.show_message(
                translate("Workbench", "Annotating as {name}").format(name=name)
            )

    def _toggle_char_mode(self) -> None:
        on = self.window.actions_by_name["char_mode"].isChecked()
        self.annotate.char_mode = on
        self.prefs.char_mode = on
        self.window.show_message(
            translate("Workbench", "Character mode: selections are kept exactly")
            if on
            else translate("Workbench", "Word mode: selections snap to whole words")
        )

    def _quit(self) -> None:
        self.window.close()

    def _closing(self) -> None:
        self.importer.wait()
        self.exporter.wait()
        self.suggestions_ui.controller.offer.wait()
        self.prefs.sync()

    def start(self, doc_id: int | None = None) -> None:
        """Show the window with a document open."""
        self.window.fit_docks()
        self.nav.open_first(doc_id)
        self.window.show()
