"""``annotator --exit-when-shown``: open the window, say when it is up, and quit.

The window is opened by the real composition root (``annotator.app.main``);
an event filter on the application waits for the first main window to be
shown, lets the event loop turn once (the window is then painted and takes
input), prints ``SHOWN_PREFIX`` with the wall-clock time and quits. The
smoke test and ``bench/bench_startup.py`` use it.

``annotator.app.main`` must reuse an existing ``QApplication`` instance
(``QApplication.instance() or QApplication(...)``) for the filter to see it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

SHOWN_PREFIX = "annotator: window shown at "
EXIT_NOT_SHOWN = 3


class ShownWatcher(QObject):
    """Quits the application once a main window has been shown, or after a timeout."""

    def __init__(self, timeout_s: float) -> None:
        super().__init__()
        self.shown_at: float | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(int(timeout_s * 1000))
        self._timer.timeout.connect(self._give_up)
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        """Notice the first main window being shown; never swallow an event."""
        if (
            self.shown_at is None
            and event.type() == QEvent.Type.Show
            and watched.inherits("QMainWindow")
        ):
            self.shown_at = 0.0
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        self.shown_at = time.time()
        print(f"{SHOWN_PREFIX}{self.shown_at:.6f}", flush=True)
        self._timer.stop()
        QCoreApplication.exit(0)

    def _give_up(self) -> None:
        seconds = self._timer.interval() / 1000
        print(f"annotator: no main window after {seconds:g} s", file=sys.stderr, flush=True)
        QCoreApplication.exit(EXIT_NOT_SHOWN)


def open_and_exit(argv: Sequence[str], timeout_s: float = 60.0) -> int:
    """Run the window with ``argv``; 0 once it was shown, else non-zero."""
    from annotator.app import main as gui_main

    app = QApplication.instance() or QApplication([sys.argv[0]])
    watcher = ShownWatcher(timeout_s)
    app.installEventFilter(watcher)
    try:
        code = gui_main(list(argv))
    finally:
        app.removeEventFilter(watcher)
    if not watcher.shown_at:
        return code or EXIT_NOT_SHOWN
    return code
