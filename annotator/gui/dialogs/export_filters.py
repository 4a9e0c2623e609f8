"""The export dialog's filters beyond status and labels, and its count of what they select."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from annotator.store.selection import FilterChoices

ISO = "yyyy-MM-dd"
NO_CHOICES = FilterChoices([], [], None, None)
RECOUNT_MS = 150  # a burst of ticks and clicks is counted once


class DocumentFilters(QObject):
    """Annotated by, source and publication dates: the filters the command line has too."""

    changed = Signal()

    def __init__(self, choices: FilterChoices, parent: QWidget) -> None:
        super().__init__(parent)
        self.annotator = self._combo("exportAnnotator", self.tr("Anyone"), choices.annotators)
        self.source = self._combo("exportSource", self.tr("Any source"), choices.sources)
        self.dated = QCheckBox(self.tr("Between"))
        self.dated.setObjectName("exportDated")
        self.date_from = self._date(choices.first_date, "exportDateFrom")
        self.date_to = self._date(choices.last_date, "exportDateTo")
        if choices.first_date is None:
            self.dated.setEnabled(False)
            self.dated.setToolTip(self.tr("No document of this project has a publication date"))
        self.dated.toggled.connect(self._dated_toggled)
        self._dated_toggled(False)

    def _combo(self, name: str, anything: str, values: list[str]) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.addItem(anything, None)
        for value in values:
            box.addItem(value, value)
        box.setEnabled(bool(values))
        box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        return box

    def _date(self, iso: str | None, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(ISO)
        found = QDate.fromString(iso or "", ISO)
        edit.setDate(found if found.isValid() else QDate.currentDate())
        edit.dateChanged.connect(lambda _d: self.changed.emit())
        return edit

    def _dated_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.changed.emit()

    def add_rows(self, form: QFormLayout) -> None:
        """Put the filters into the dialog's form, a row each."""
        dates = QHBoxLayout()
        dates.addWidget(self.dated)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("and")))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        form.addRow(self.tr("Annotated by"), self.annotator)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Published"), dates)

    def values(self) -> dict[str, str | None]:
        """The filters as :class:`~annotator.store.selection.Selection` fields."""
        dated = self.dated.isChecked()
        first, last = sorted((self.date_from.date(), self.date_to.date()))
        return {
            "annotator": self.annotator.currentData(),
            "source": self.source.currentData(),
            "date_from": first.toString(ISO) if dated else None,
            "date_to": last.toString(ISO) if dated else None,
        }


_RUNNING: set[QThread] = set()


class _CountThread(QThread):
    counted = Signal(object, int)  # what was counted, how many (-1: the count failed)

    def __init__(self, count: Callable[[Any], int], what: object) -> None:
        super().__init__()
        self.count, self.what = count, what

    def run(self) -> None:
        try:
            found = self.count(self.what)
        except Exception:  # a locked or vanished database: the dialog just shows no count
            found = -1
        self.counted.emit(self.what, found)


class MatchCount(QObject):
    """Counts what the dialog selects off the GUI thread (a label filter over 100,000
    documents takes about half a second), once a burst of changes is over; only the
    count of the latest selection is reported."""

    counted = Signal(int)
    """The number of documents the latest selection holds (-1: unknown)."""

    def __init__(self, count: Callable[[Any], int], parent: QObject) -> None:
        super().__init__(parent)
        self._count = count
        self._wanted: object = None
        self._thread: _CountThread | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOUNT_MS)
        self._timer.timeout.connect(self._start)

    def request(self, what: object) -> None:
        """Count ``what`` soon (a later request replaces it)."""
        self._wanted = what
        self._timer.start()

    def _start(self) -> None:
        if self._thread is not None:  # counting an older selection: asked again when done
            return
        thread = _CountThread(self._count, self._wanted)
        thread.counted.connect(self._done)
        _RUNNING.add(thread)  # alive until it ends, even if the dialog goes first
        thread.finished.connect(lambda: _RUNNING.discard(thread))
        self._thread = thread
        thread.start()

    def _done(self, what: object, found: int) -> None:
        if self._thread is not None:
            self._thread.wait()
        self._thread = None
        if what == self._wanted:
            self.counted.emit(found)
        else:
            self._start()

    def wait(self) -> None:
        """Block until no count runs (before the dialog goes away)."""
        self._timer.stop()
        if self._thread is not None:
            self._thread.wait()
