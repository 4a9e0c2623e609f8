"""Export from the window: the dialog, a worker thread, a progress dialog with Cancel, a summary."""

from __future__ import annotations

import html
import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from annotator.core.model import LabelKind
from annotator.gui.dialogs.export_dialog import ExportDialog
from annotator.gui.i18n import translate
from annotator.gui.preferences import Preferences
from annotator.services.export import (
    ExportCancelledError,
    ExportRequest,
    ExportResult,
    count_documents,
    export,
    export_choices,
)
from annotator.services.workspace import Workspace

log = logging.getLogger(__name__)


class ExportWorker(QThread):
    """Runs one export; Cancel makes the service stop and remove its temporary output."""

    progressed = Signal(int, int)
    """Documents written, documents selected."""
    finished_export = Signal(object)
    """The ExportResult, or the exception (ExportCancelledError when cancelled)."""

    def __init__(self, workspace: Workspace, request: ExportRequest) -> None:
        super().__init__()
        self.workspace = workspace
        self.request = request
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the export to stop; nothing is left behind."""
        self._cancel.set()

    def run(self) -> None:
        """Runs on the worker thread."""
        result: ExportResult | Exception
        try:
            result = export(self.workspace, self.request, self.progressed.emit, self._cancel.is_set)
        except ExportCancelledError as exc:
            result = exc
        except Exception as exc:  # shown to the person, not lost in a thread
            log.exception("export failed: %s", self.request)
            result = exc
        self.finished_export.emit(result)


def summary_html(result: ExportResult) -> str:
    """What was written where, and what each output's format could not carry."""
    parts = []
    for path, report in result.outputs.items():
        line = translate("Export", "{documents} documents, {spans} spans written to {path}")
        parts.append(
            "<p>"
            + html.escape(line.format(documents=report.documents, spans=report.spans, path=path))
        )
        dropped, changed = report.split()
        for title, items in (
            (translate("Export", "The format dropped:"), dropped),
            (translate("Export", "The format changed, and kept:"), changed),
        ):
            if items:
                listed = "".join(f"<li>{html.escape(f'{n} × {r}')}</li>" for r, n in items)
                gap = "" if parts[-1].endswith("</ul>") else "<br>"  # a list ends its line
                parts.append(f"{gap}{html.escape(title)}<ul>{listed}</ul>")
        parts.extend(f"<br>{html.escape(note)}" for note in report.notes)
        parts.append("</p>")
    if not result.outputs or not result.documents:
        parts.append("<p>" + html.escape(translate("Export", "No document matched the filters.")))
    return "".join(parts)


class ExportController(QObject):
    """File ▸ Export… (Ctrl+E): one export at a time, off the GUI thread."""

    exported = Signal(object)
    """An export finished (its ExportResult)."""
    message = Signal(str)

    def __init__(
        self, workspace: Workspace, parent_widget: QWidget, prefs: Preferences | None = None
    ) -> None:
        super().__init__(parent_widget)
        self.workspace = workspace
        self.prefs = prefs
        self.parent_widget = parent_widget
        self.worker: ExportWorker | None = None
        self.progress: QProgressDialog | None = None
        self.dialog: ExportDialog | None = None
        self.summary: QMessageBox | None = None
        self.action = QAction(translate("ExportController", "&Export…"), parent_widget)
        self.action.setObjectName("export")
        self.action.setShortcut(QKeySequence("Ctrl+E"))
        self.action.triggered.connect(lambda _=False: self.ask())

    def make_dialog(self) -> ExportDialog:
        """The export dialog for this project (kept as :attr:`dialog`), on the format and in
        the folder of the last export."""
        ws = self.workspace
        labels = [label.name for label in ws.schema().of_kind(LabelKind.ENTITY)]
        folder = self.prefs.export_folder if self.prefs is not None else Path.home()
        dialog = ExportDialog(
            labels,
            folder,
            self.parent_widget,
            export_choices(ws),
            lambda selection: count_documents(ws, selection),
        )
        if self.prefs is not None and self.prefs.export_format:
            dialog.set_format(self.prefs.export_format)
        self.dialog = dialog
        return dialog

    def ask(self) -> None:
        """Show the dialog; export when the person presses Export."""
        dialog = self.make_dialog()
        dialog.accepted.connect(lambda: self.start(dialog.request()))
        dialog.open()

    def start(self, request: ExportRequest) -> None:
        """Export in the background behind a progress dialog with Cancel."""
        if self.worker is not None:
            self.message.emit(translate("ExportController", "An export is already running"))
            return
        progress = QProgressDialog(
            translate("ExportController", "Exporting…"),
            translate("ExportController", "Cancel"),
            0,
            0,
            self.parent_widget,
        )
        progress.setWindowTitle(translate("ExportController", "Export"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        if self.prefs is not None:
            self.prefs.export_format = request.format
            self.prefs.export_folder = request.out.parent
        worker = ExportWorker(self.workspace, request)
        worker.progressed.connect(self._progressed)
        worker.finished_export.connect(self._finished)
        progress.canceled.connect(worker.cancel)
        self.worker, self.progress = worker, progress
        worker.start()

    def wait(self) -> None:
        """Block until the running export ends (tests, closing the window)."""
        if self.worker is not None:
            self.worker.wait()

    def _progressed(self, done: int, total: int) -> None:
        progress = self.progress
        if progress is not None:
            text = translate("ExportController", "Exporting {done} of {total} documents")
            progress.setLabelText(text.format(done=done, total=total))
            progress.setMaximum(total)
            progress.setValue(done)

    def _finished(self, result: object) -> None:
        if self.worker is not None:
            self.worker.wait()
        if self.progress is not None:
            self.progress.canceled.disconnect()
            self.progress.close()
            self.progress.deleteLater()
        self.worker, self.progress = None, None
        if isinstance(result, ExportCancelledError):
            self.message.emit(translate("ExportController", "Export cancelled: nothing written"))
        elif isinstance(result, Exception):
            self._show(
                QMessageBox.Icon.Warning,
                translate("ExportController", "Export failed"),
                html.escape(str(result)),
            )
        elif isinstance(result, ExportResult):
            title = translate("ExportController", "Export finished")
            self._show(QMessageBox.Icon.Information, title, summary_html(result))
            self.message.emit(
                translate("ExportController", "Exported {n} documents").format(n=result.documents)
            )
            self.exported.emit(result)

    def _show(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        """A window-modal summary that does not block the caller (:attr:`summary`)."""
        box = QMessageBox(icon, title, "", QMessageBox.StandardButton.Ok, self.parent_widget)
        box.setObjectName("exportSummary")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(text)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.summary = box
        box.open()
