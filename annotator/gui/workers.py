"""Work that must not freeze the window, run on its own thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from annotator.core.formats import ReadOptions
from annotator.services.importing import ImportSummary, Progress
from annotator.services.knowledge import KnowledgeBase
from annotator.services.workspace import Workspace

log = logging.getLogger(__name__)


class ImportWorker(QThread):
    """Imports files into the workspace; cancelling removes what it added."""

    progressed = Signal(int, int, str)
    """Files done, files in all, the current file."""
    finished_import = Signal(object)
    """The ImportSummary (or an Exception when the import failed)."""

    def __init__(
        self,
        workspace: Workspace,
        paths: Sequence[Path],
        fmt: str | None = None,
        options: ReadOptions | None = None,
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.paths = list(paths)
        self.fmt, self.options = fmt, options
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the import to stop and undo itself."""
        self._cancel.set()

    def run(self) -> None:
        """Runs on the worker thread."""
        result: ImportSummary | Exception
        try:
            result = self.workspace.import_paths(
                self.paths,
                self.fmt,
                self.options,
                progress=self._report,
                cancelled=self._cancel.is_set,
            )
            if result.imported:
                KnowledgeBase(self.workspace).warm()  # suggestions ready at once
        except Exception as exc:  # shown to the person, not lost in a thread
            log.exception("import failed")
            result = exc
        self.finished_import.emit(result)

    def _report(self, where: Progress) -> None:
        self.progressed.emit(where.files_done, where.files_total, Path(where.current).name)
