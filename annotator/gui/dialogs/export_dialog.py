"""File ▸ Export…: format, target, filters and split, as an ExportRequest.

The dialog says how many documents its filters select as they change (counted
by a callback off the GUI thread) and will not export none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.formats import WRITERS
from annotator.core.model import Status
from annotator.gui.dialogs.export_filters import NO_CHOICES, DocumentFilters, MatchCount
from annotator.gui.dialogs.format_titles import format_title
from annotator.gui.i18n import N_, marked
from annotator.services.export import ALIASES, ExportRequest, Split
from annotator.store.selection import FilterChoices, Selection

FORMATS: tuple[tuple[str, str], ...] = (
    ("native", N_("Native JSONL: everything (spans, entity links, events, relations, notes)")),
    ("doccano", N_("doccano JSONL: text and [start, end, label] (entities and relations form)")),
    ("spacy", N_("spaCy JSONL: character offsets that Doc.char_span accepts")),
    (
        "spacy-docbin",
        N_(
            "spaCy DocBin (.spacy) for spacy train, a folder of them past 2,000 documents;"
            " needs spaCy installed"
        ),
    ),
    ("prodigy", N_("Prodigy JSONL: text, tokens and spans (token_end inclusive)")),
    ("conll", N_("CoNLL-2003 IOB2, a token a line; overlapping spans cannot be carried")),
    ("brat", N_("brat standoff: a folder of .txt and .ann files with annotation.conf")),
    ("labelstudio", N_("Label Studio JSON tasks with results and relations")),
    ("inline", N_("Inline tags in the text, one document a line; no overlaps")),
)
"""Formats offered, in order, with a one-line description each."""


def known_formats() -> list[tuple[str, str]]:
    """The formats of :data:`FORMATS` that the export service knows."""
    return [(name, desc) for name, desc in FORMATS if ALIASES.get(name, name) in WRITERS]


def default_target(folder: Path, fmt: str) -> Path:
    """``folder/export.<suffix>`` (a folder ``export-brat`` for folder formats)."""
    writer = WRITERS[ALIASES.get(fmt, fmt)]
    if writer.is_directory:
        return folder / f"export-{fmt}"
    return folder / f"export-{fmt}{writer.suffix}"


class ExportDialog(QDialog):
    """Choose what to export and where; :meth:`request` builds the ExportRequest.

    ``choices`` fill the annotator, source and date filters; ``count`` says how
    many documents a selection holds (no count shown without it).
    """

    def __init__(
        self,
        labels: Sequence[str],
        folder: Path,
        parent: QWidget | None = None,
        choices: FilterChoices = NO_CHOICES,
        count: Callable[[Selection], int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self.folder = folder
        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        for name, desc in known_formats():
            self.format.addItem(format_title(name), name)
            self.format.setItemData(
                self.format.count() - 1, marked(desc), Qt.ItemDataRole.ToolTipRole
            )
        self.description = QLabel()
        self.description.setObjectName("formatDescription")
        self.description.setWordWrap(True)
        self.out = QLineEdit()
        self.out.setObjectName("exportTarget")
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.clicked.connect(self._choose_target)
        self.done_only = QRadioButton(self.tr("Documents marked done"))
        self.done_only.setChecked(True)
        self.every = QRadioButton(self.tr("All documents"))
        self.label_boxes: list[QCheckBox] = []
        self.labels = self._label_grid(labels)
        self.filters = DocumentFilters(choices, self)
        self.matching = QLabel()
        self.matching.setObjectName("exportCount")
        self.matches: int | None = None  # documents the filters select; None: not known
        self.split = QGroupBox(self.tr("Split into train / dev / test by document"))
        self.split.setCheckable(True)
        self.split.setChecked(False)
        self.ratios = [self._ratio(v) for v in (0.8, 0.1, 0.1)]
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setValue(13)
        self.seed.setMaximumWidth(120)
        self.together = QCheckBox(self.tr("Keep near-duplicates (syndicated copies) in one part"))
        self.together.setChecked(True)
        self.with_suggestions = QCheckBox(self.tr("Write pending suggestions beside the spans"))
        self.without_pending = QCheckBox(self.tr("Leave out documents with pending suggestions"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.format.currentIndexChanged.connect(lambda _i: self._format_changed())
        self.out.textChanged.connect(lambda _t: self._validate())
        self.counter = None if count is None else MatchCount(count, self)
        self._watch_filters()
        self._layout()
        self._format_changed()

    def _ratio(self, value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(0.0, 1.0)
        box.setSingleStep(0.05)
        box.setDecimals(2)
        box.setValue(value)
        return box

    def _label_grid(self, labels: Sequence[str]) -> QWidget:
        grid = QWidget()
        grid.setObjectName("exportLabels")
        layout = QGridLayout(grid)
        layout.setContentsMargins(0, 0, 0, 0)
        for i, name in enumerate(labels):
            box = QCheckBox(name)  # a label name from the schema
            box.setChecked(True)
            layout.addWidget(box, i // 4, i % 4)
            self.label_boxes.append(box)
        return grid

    def _layout(self) -> None:
        target = QHBoxLayout()
        target.addWidget(self.out, 1)
        target.addWidget(self.browse)
        status = QHBoxLayout()
        status.addWidget(self.done_only)
        status.addWidget(self.every)
        status.addStretch(1)
        split = QFormLayout(self.split)
        ratios = QHBoxLayout()
        for box in self.ratios:
            ratios.addWidget(box)
        split.addRow(self.tr("Train, dev, test"), ratios)
        split.addRow(self.tr("Seed"), self.seed)
        split.addRow("", self.together)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow("", self.description)
        form.addRow(self.tr("Save to"), target)
        form.addRow(self.tr("Documents"), status)
        form.addRow(self.tr("Labels"), self.labels)
        self.filters.add_rows(form)
        bottom = QHBoxLayout()
        bottom.addWidget(self.matching, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.split)
        layout.addWidget(self.without_pending)
        layout.addWidget(self.with_suggestions)
        layout.addLayout(bottom)
        self.resize(620, self.sizeHint().height())

    # state -----------------------------------------------------------------------

    def set_format(self, name: str) -> None:
        """Choose the format called ``name`` (if the dialog offers it)."""
        found = self.format.findData(name)
        if found >= 0:
            self.format.setCurrentIndex(found)

    def chosen_format(self) -> str:
        """The chosen format's name."""
        return str(self.format.currentData())

    def checked_labels(self) -> list[str]:
        """The labels ticked."""
        return [box.text() for box in self.label_boxes if box.isChecked()]

    def chosen_labels(self) -> tuple[str, ...]:
        """The checked labels; empty when all are checked (no restriction)."""
        checked = self.checked_labels()
        return () if len(checked) == len(self.label_boxes) else tuple(checked)

    def selection(self) -> Selection:
        """The documents the filters select."""
        statuses = (Status.DONE.value,) if self.done_only.isChecked() else None
        return Selection(
            statuses=statuses,
            labels=self.chosen_labels(),
            without_pending=self.without_pending.isChecked(),
            **self.filters.values(),
        )

    def request(self) -> ExportRequest:
        """What the dialog says, as the export service takes it."""
        selection = self.selection()
        split = None
        if self.split.isChecked():
            a, b, c = (box.value() for box in self.ratios)
            split = Split((a, b, c), self.seed.value(), self.together.isChecked())
        return ExportRequest(
            self.chosen_format(),
            Path(self.out.text().strip()).expanduser(),
            selection,
            split,
            self.with_suggestions.isChecked(),
        )

    def _format_changed(self) -> None:
        fmt = self.chosen_format()
        desc = dict(FORMATS).get(fmt, "")
        self.description.setText(marked(desc) if desc else "")
        current = Path(self.out.text().strip()) if self.out.text().strip() else None
        if current is None or current.name.startswith("export-"):
            self.out.setText(str(default_target(current.parent if current else self.folder, fmt)))
        self._validate()

    def _validate(self) -> None:
        ok = bool(self.out.text().strip()) and (not self.label_boxes or bool(self.checked_labels()))
        ok = ok and self.matches != 0
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def _watch_filters(self) -> None:
        """Recount (and revalidate) whenever a filter changes."""
        for box in (*self.label_boxes, self.done_only, self.without_pending):
            box.toggled.connect(lambda _on: self._filters_changed())
        self.filters.changed.connect(self._filters_changed)
        if self.counter is not None:
            self.counter.counted.connect(self._counted)
            self.counter.request(self.selection())

    def _filters_changed(self) -> None:
        if self.counter is not None:
            self.counter.request(self.selection())
        self._validate()

    def _counted(self, found: int) -> None:
        self.matches = None if found < 0 else found
        if found < 0:
            text = ""
        elif found == 0:
            text = self.tr("No documents match these filters")
        elif found == 1:
            text = self.tr("1 document will be exported")
        else:
            text = self.tr("{n} documents will be exported").format(n=QLocale().toString(found))
        self.matching.setText(text)
        self._validate()

    def done(self, result: int) -> None:
        """Close, once no count is running."""
        if self.counter is not None:
            self.counter.wait()
        super().done(result)

    def _choose_target(self) -> None:
        fmt = self.chosen_format()
        start = self.out.text().strip() or str(self.folder)
        if WRITERS[ALIASES.get(fmt, fmt)].is_directory:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Export into a folder"), start)
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to a file"), start)
        if chosen:
            self.out.setText(chosen)
