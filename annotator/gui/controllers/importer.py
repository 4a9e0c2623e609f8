"""Import from the window: file dialogs, drops, a progress dialog with Cancel."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from annotator.core.formats import ReadOptions
from annotator.gui.dialogs.import_options import (
    ImportOptionsDialog,
    ask_files,
    ask_folder,
)
from annotator.gui.dialogs.import_report import ImportReport, needs_report, sections
from annotator.gui.i18n import translate
from annotator.gui.workers import ImportWorker
from annotator.services.importing import ImportSummary
from annotator.services.workspace import Workspace


def summary_text(summary: ImportSummary) -> str:
    """One line on what an import did."""
    if summary.cancelled:
        return translate("ImportController", "Import cancelled: nothing was added")
    text = translate(
        "ImportController",
        "Imported %n document(s), {skipped} already there",
        None,
        summary.imported,
    ).format(skipped=summary.skipped)
    if summary.rejected:
        text += translate("ImportController", ", {rejected} rejected").format(
            rejected=summary.rejected
        )
    return text


class ImportController(QObject):
    """Runs imports on a worker thread behind a cancellable progress dialog."""

    imported = Signal(object)
    """An import finished (its ImportSummary)."""
    message = Signal(str)

    def __init__(self, workspace: Workspace, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.workspace = workspace
        self.parent_widget = parent_widget
        self.worker: ImportWorker | None = None
        self.dialog: QProgressDialog | None = None
        self.report: ImportReport | None = None
        self.options_dialog: ImportOptionsDialog | None = None

    def choose_files(self) -> None:
        """Ask for files and import them."""
        if chosen := ask_files(self.parent_widget):
            self.start(chosen)

    def choose_folder(self) -> None:
        """Ask for a folder and import everything readable in it."""
        if chosen := ask_folder(self.parent_widget):
            self.start(chosen)

    def choose_with_options(self) -> None:
        """Ask for files or a folder with the format, text field and reading choices."""
        dialog = ImportOptionsDialog(self.parent_widget)
        dialog.accepted.connect(
            lambda: self.start(dialog.paths, dialog.chosen_format(), dialog.options())
        )
        self.options_dialog = dialog
        dialog.open()

    def start(
        self, paths: Sequence[Path], fmt: str | None = None, options: ReadOptions | None = None
    ) -> None:
        """Import ``paths`` in the background (one import at a time)."""
        if self.worker is not None:
            self.message.emit(translate("ImportController", "An import is already running"))
            return
        dialog = QProgressDialog(
            translate("ImportController", "Importing…"),
            translate("ImportController", "Cancel"),
            0,
            0,
            self.parent_widget,
        )
        dialog.setWindowTitle(translate("ImportController", "Import"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        worker = ImportWorker(self.workspace, paths, fmt, options)
        worker.progressed.connect(self._progressed)
        worker.finished_import.connect(self._finished)
        dialog.canceled.connect(worker.cancel)
        self.worker, self.dialog = worker, dialog
        worker.start()

    def wait(self) -> None:
        """Block until the running import ends (tests, closing the window)."""
        if self.worker is not None:
            self.worker.wait()

    def _progressed(self, done: int, total: int, name: str) -> None:
        dialog = self.dialog  # setValue runs the event loop: the import may finish inside it
        if dialog is not None:
            text = translate("ImportController", "Importing {name} ({done} of {total} files)")
            dialog.setLabelText(text.format(name=name, done=done, total=total))
            dialog.setMaximum(total)
            dialog.setValue(done)

    def _finished(self, result: object) -> None:
        if self.worker is not None:
            self.worker.wait()
        if self.dialog is not None:
            self.dialog.canceled.disconnect()
            self.dialog.close()
            self.dialog.deleteLater()
        self.worker, self.dialog = None, None
        if isinstance(result, Exception):
            title = translate("ImportController", "Import failed")
            QMessageBox.warning(self.parent_widget, title, str(result))
            return
        if isinstance(result, ImportSummary):
            self.message.emit(summary_text(result))
            if needs_report(result):
                self._report(result)
            self.imported.emit(result)

    def _report(self, summary: ImportSummary) -> None:
        """Open the report of what the import rejected, warned about or found repeated."""
        repeats = summary.near_duplicates
        titles = self.workspace.titles(sorted({i for d in repeats for i in (d.doc_id, d.other)}))
        if self.report is not None:  # the last import's, closed by now
            self.report.deleteLater()
        report = ImportReport(summary_text(summary), sections(summary, titles), self.parent_widget)
        self.report = report
        report.open()
