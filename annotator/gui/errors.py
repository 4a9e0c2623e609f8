"""Unexpected errors: logged with their traceback, then shown in a dialog; the app goes on.

Every edit is written to the database when it is made, so an error in one
command loses nothing; the dialog says so and where the log is. Errors on
worker threads are shown on the GUI thread. Qt's own warnings go to the log.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator import APP_NAME
from annotator.gui.dialogs.annotator_name import can_ask
from annotator.gui.i18n import translate

log = logging.getLogger("annotator.errors")
QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class ErrorReporter(QObject):
    """Installs itself as ``sys.excepthook`` and ``threading.excepthook``."""

    reported = Signal(str, str)
    """What happened (one line) and the traceback; shown on the GUI thread."""

    def __init__(self, log_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.dialog: QMessageBox | None = None
        self._showing = False
        self.reported.connect(self.show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        """Catch what nothing else caught, on every thread, and Qt's messages."""
        sys.excepthook = self.handle
        threading.excepthook = self._thread_hook
        qInstallMessageHandler(qt_message)

    def handle(
        self,
        kind: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        """Log the error and report it; Ctrl+C still ends the app."""
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.error("unexpected error", exc_info=(kind, exc, tb))
        what = "".join(traceback.format_exception_only(kind, exc)).strip()
        self.reported.emit(what, "".join(traceback.format_exception(kind, exc, tb)))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def show(self, what: str, details: str) -> None:
        """The dialog: what happened, that nothing was lost, where the log is."""
        if self._showing or QApplication.instance() is None:
            return  # one dialog at a time; an error inside it is only logged
        self._showing = True
        try:
            box = QMessageBox(QApplication.activeWindow())
            box.setObjectName("errorDialog")
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle(self.tr("Unexpected error"))
            box.setText(self.tr("Something went wrong: {what}").format(what=what))
            box.setInformativeText(
                self.tr(
                    "Your annotations are safe: every edit was saved when you made it. "
                    "You can keep working. The details are in the log:\n{path}"
                ).format(path=self.log_file)
            )
            box.setDetailedText(details)
            self.dialog = box
            box.exec()
        finally:
            self._showing = False


def qt_message(kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
    """Qt's debug output and warnings, into the log."""
    where = f" ({context.file}:{context.line})" if context.file else ""
    log.log(QT_LEVELS.get(kind, logging.WARNING), "Qt: %s%s", text, where)


def report_cannot_open(where: str, exc: Exception) -> None:
    """Why the database ``where`` cannot be opened: a line on stderr, and a dialog on screen
    (the window never opened, so nothing else would say it)."""
    log.error("cannot open database %s", where, exc_info=exc)
    text = translate("Errors", "Annotator cannot open the database {where}.").format(where=where)
    reason = str(exc)[:1].upper() + str(exc)[1:]
    print(f"annotator: {text} {reason}", file=sys.stderr)
    if can_ask():
        QMessageBox.critical(None, APP_NAME, f"{text}\n\n{reason}")


def install_error_dialog(log_file: Path) -> ErrorReporter:
    """Create and install the reporter (keep the returned object alive)."""
    reporter = ErrorReporter(log_file, QApplication.instance())
    reporter.install()
    return reporter
