"""The main window: layout only. Behaviour lives in the controllers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from annotator import APP_NAME
from annotator.gui.actions import build_actions, make_menus
from annotator.gui.i18n import N_, marked, translate
from annotator.gui.widgets.document_list_panel import DocumentListPanel
from annotator.gui.widgets.document_pane import DocumentPane
from annotator.gui.widgets.label_palette import LabelPalette
from annotator.gui.widgets.spans_panel import SpansPanel


class MainWindow(QMainWindow):
    """Article list on the left, the document in the middle, labels and spans on the right."""

    files_dropped = Signal(list)
    """Paths dropped on the window."""
    closing = Signal()

    def __init__(
        self,
        pane: DocumentPane,
        documents: DocumentListPanel,
        palette: LabelPalette,
        spans: SpansPanel,
        handlers: Mapping[str, Callable[[], None]],
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.pane, self.documents, self.label_palette, self.spans = pane, documents, palette, spans
        self.setCentralWidget(pane)
        self.left = self._dock(N_("Documents"), documents, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.labels_dock = self._dock(N_("Labels"), palette, Qt.DockWidgetArea.RightDockWidgetArea)
        self.spans_dock = self._dock(N_("Spans"), spans, Qt.DockWidgetArea.RightDockWidgetArea)
        self.menus = make_menus(self.menuBar())
        self.actions_by_name = build_actions(self, self.menus, handlers)
        for dock in (self.left, self.labels_dock, self.spans_dock):
            self.menus["View"].addAction(dock.toggleViewAction())
        self.saved = QLabel(translate("MainWindow", "All changes saved"))
        self.saved.setObjectName("savedState")
        self.counts = QLabel("")
        self.counts.setObjectName("progressCounts")
        self.statusBar().addPermanentWidget(self.counts)
        self.statusBar().addPermanentWidget(self.saved)

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(marked(title), self)
        dock.setObjectName(f"dock-{title.lower()}")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        return dock

    def fit_docks(self) -> None:
        """Share the width: the text gets at least half, the docks what is left."""
        width = self.width()
        left, right = min(430, int(width * 0.26)), min(300, int(width * 0.21))
        self.resizeDocks([self.left, self.labels_dock], [left, right], Qt.Orientation.Horizontal)
        palette_height = self.label_palette.sizeHint().height() + 30
        self.resizeDocks(
            [self.labels_dock, self.spans_dock], [palette_height, 600], Qt.Orientation.Vertical
        )

    def add_file_action(self, action: QAction) -> None:
        """Put a command (Export, for one) in the File menu after the import entries."""
        self.menus["File"].insertAction(self.actions_by_name["set_annotator"], action)

    def show_progress(self, done: int, total: int) -> None:
        """``done / total`` documents finished."""
        self.counts.setText(
            translate("MainWindow", "{done} / {total} done").format(done=done, total=total)
        )

    def show_message(self, text: str) -> None:
        """A transient message; the saved state when it is about saving."""
        if text == translate("MainWindow", "All changes saved"):
            self.saved.setText(text)
        else:
            self.statusBar().showMessage(text, 6000)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        """Accept files and folders."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        """Import what was dropped."""
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Every edit is already saved; just let the controllers finish."""
        self.closing.emit()
        super().closeEvent(event)
