"""Known names in the workbench: the Suggestions and Entity docks, the keys, pre-annotation.

The workbench makes one :class:`SuggestionsUI` after its own wiring. Keys
(docs/shortcuts.md): Enter in the text accepts the best known name for the
selection; F8 / Shift+F8 step through pending suggestions; Alt+A / Alt+R
accept / reject the current one; Alt+Shift+A / Alt+Shift+E accept all of its
label / entity; Alt+O / Alt+Shift+O label all occurrences of what was just
labelled in the document / project. Plain letters are left to the schema's
label, event and role keys.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QProgressDialog, QVBoxLayout, QWidget

from annotator.gui.controllers.suggestions import PreannotateWorker, SuggestionController
from annotator.gui.i18n import marked
from annotator.gui.widgets.entity_panel import EntityPanel
from annotator.gui.widgets.occurrences_bar import OccurrencesBar
from annotator.gui.widgets.suggestions_panel import SuggestionsPanel
from annotator.services.preannotate import PreannotateSummary

if TYPE_CHECKING:
    from annotator.gui.workbench import Workbench

KEYS: dict[str, tuple[str, ...]] = {
    "accept_candidate": ("Return", "Enter"),
    "next_suggestion": ("F8",),
    "prev_suggestion": ("Shift+F8",),
    "accept_suggestion": ("Alt+A",),
    "reject_suggestion": ("Alt+R",),
    "accept_label": ("Alt+Shift+A",),
    "accept_entity": ("Alt+Shift+E",),
    "label_all_document": ("Alt+O",),
    "label_all_project": ("Alt+Shift+O",),
    "preannotate_document": ("Ctrl+Shift+P",),
    "preannotate_all": (),
}
"""Every key this module binds, by action name (tests check them against the others)."""


class SuggestionsUI(QObject):
    """The knowledge-base tools of one workbench window."""

    def __init__(self, bench: Workbench) -> None:
        super().__init__(bench.window)
        self.bench = bench
        self.panel = SuggestionsPanel()
        self.entity_panel = EntityPanel()
        self.bar = OccurrencesBar()
        layout = bench.pane.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(layout.indexOf(bench.pane.view), self.bar)
        self.controller = SuggestionController(
            bench.docs, bench.annotate, bench.workspace, (self.panel, self.entity_panel, self.bar)
        )
        self.dock = self._dock(self.tr("Suggestions"), "dock-suggestions", self.panel)
        self.entity_dock = self._dock(self.tr("Entity"), "dock-entity", self.entity_panel)
        bench.window.tabifyDockWidget(bench.window.spans_dock, self.dock)
        bench.window.tabifyDockWidget(self.dock, self.entity_dock)
        self.dock.raise_()  # ranked names show as soon as text is selected
        self.actions: dict[str, QAction] = {}
        self._worker: PreannotateWorker | None = None
        self._progress: QProgressDialog | None = None
        self._make_actions()
        self._wire()
        self.controller.refresh()

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        window = self.bench.window
        dock = QDockWidget(title, window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        window.menus["View"].addAction(dock.toggleViewAction())
        return dock

    def _make_actions(self) -> None:
        c, menus = self.controller, self.bench.window.menus
        tr = marked  # lupdate files these bare tr() calls under the empty context
        edit: list[tuple[str, str, Callable[[], object]]] = [
            ("accept_candidate", tr("Label and link the best &known name"), c.accept_candidate),
            ("next_suggestion", tr("Ne&xt suggestion"), lambda: c.step(True)),
            ("prev_suggestion", tr("Pre&vious suggestion"), lambda: c.step(False)),
            ("accept_suggestion", tr("&Accept suggestion"), c.accept_current),
            ("reject_suggestion", tr("&Reject suggestion"), c.reject_current),
            ("accept_label", tr("Accept all of this &label"), lambda: c.accept_all("label")),
            ("accept_entity", tr("Accept all of this &entity"), lambda: c.accept_all("entity")),
        ]
        label = [
            (
                "label_all_document",
                tr("Label all occurrences in this &document"),
                lambda: c.label_all(False),
            ),
            (
                "label_all_project",
                tr("Label all occurrences in the &project"),
                lambda: c.label_all(True),
            ),
        ]
        document = [
            ("preannotate_document", tr("Pre-&annotate this document"), self.preannotate_document),
            ("preannotate_all", tr("Pre-annotate &all documents…"), lambda: self.preannotate_all()),
        ]
        for menu_name, entries in (("Edit", edit), ("Label", label), ("Document", document)):
            menu = menus[menu_name]
            menu.addSeparator()
            for name, text, handler in entries:
                self.actions[name] = self._action(menu, name, text, handler)
        enter = self.actions["accept_candidate"]
        enter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the text only
        self.bench.pane.view.addAction(enter)
        self.panel.candidates.addAction(enter)

    def _action(self, menu: QMenu, name: str, text: str, handler: Callable[[], object]) -> QAction:
        action = QAction(text, self.bench.window)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in KEYS[name]])
        action.triggered.connect(lambda _=False: handler())
        if name != "accept_candidate":
            self.bench.window.addAction(action)
        menu.addAction(action)
        return action

    def _wire(self) -> None:
        b, c = self.bench, self.controller
        b.pane.view.span_clicked.connect(lambda _i: c.show_entity())
        b.spans_panel.selection_changed.connect(lambda _ids: c.show_entity())
        self.entity_panel.occurrence_chosen.connect(self.jump)

    def jump(self, doc_id: int, span_id: int) -> None:
        """Open the document of an occurrence and select its span."""
        self.bench.nav.open(doc_id)
        self.bench.annotate.select(frozenset({span_id}))
        self.bench.pane.view.reveal(span_id)

    # pre-annotation -----------------------------------------------------------------

    def preannotate_document(self) -> None:
        """Pre-annotate the open document (fast: on the window's thread)."""
        doc_id = self.bench.docs.doc_id
        if doc_id is None:
            return
        summary = self.controller.review.preannotate([doc_id])
        self.bench.docs.reload()
        self._report(summary)

    def preannotate_all(self, doc_ids: Sequence[int] | None = None) -> PreannotateWorker:
        """Pre-annotate every document on a worker thread, with a progress dialog."""
        progress = QProgressDialog(
            self.tr("Pre-annotating with known names…"), self.tr("Hide"), 0, 0, self.bench.window
        )
        progress.setWindowTitle(self.tr("Pre-annotate"))
        progress.setMinimumDuration(300)
        worker = PreannotateWorker(self.controller.review, doc_ids)
        worker.progressed.connect(self._progressed)
        worker.done.connect(self._finished)
        self._worker, self._progress = worker, progress
        worker.start()
        return worker

    def _progressed(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setMaximum(total)
            self._progress.setValue(done)

    def _finished(self, result: object) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
        if self._worker is not None:
            self._worker.wait()
            self._worker.deleteLater()
        self._worker = self._progress = None
        if isinstance(result, PreannotateSummary):
            self.bench.docs.reload()
            self._report(result)
        else:
            self.bench.window.show_message(self.tr("Pre-annotation failed: {0}").format(result))

    def _report(self, summary: PreannotateSummary) -> None:
        self.bench.window.show_message(
            self.tr("{0} new suggestions in {1} documents").format(
                summary.suggestions, summary.documents
            )
        )
