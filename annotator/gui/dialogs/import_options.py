"""File ▸ Import with options…: what to import and how it is read (as the CLI's options)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.formats import READERS, ReadOptions
from annotator.core.formats.jsonl import TEXT_FIELDS
from annotator.gui.dialogs.format_titles import format_title
from annotator.gui.i18n import translate


def name_filters() -> str:
    """The file dialogs' filters: every extension a reader knows, then all files."""
    known = sorted({ext for reader in READERS.values() for ext in reader.extensions})
    articles = translate("ImportController", "Articles and annotations")
    everything = translate("ImportController", "All files")
    return f"{articles} ({' '.join('*' + ext for ext in known)});;{everything} (*)"


def ask_files(parent: QWidget | None) -> list[Path]:
    """Files chosen to import (none when the person cancels)."""
    title = translate("ImportController", "Import articles")
    files, _ = QFileDialog.getOpenFileNames(parent, title, "", name_filters())
    return [Path(f) for f in files]


def ask_folder(parent: QWidget | None) -> list[Path]:
    """The folder chosen to import, alone in a list (empty when the person cancels)."""
    folder = QFileDialog.getExistingDirectory(
        parent, translate("ImportController", "Import a folder")
    )
    return [Path(folder)] if folder else []


class ImportOptionsDialog(QDialog):
    """Files or a folder to import, the format, the text field, and how releases are read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importOptions")
        self.setWindowTitle(self.tr("Import with options"))
        self.paths: list[Path] = []
        self.chosen = QLabel(self.tr("Nothing chosen yet"))
        self.chosen.setObjectName("importChosen")
        self.chosen.setWordWrap(True)
        self.files = QPushButton(self.tr("Files…"))
        self.files.clicked.connect(self._choose_files)
        self.folder = QPushButton(self.tr("Folder…"))
        self.folder.clicked.connect(self._choose_folder)
        self.format = QComboBox()
        self.format.setObjectName("importFormat")
        self.format.addItem(self.tr("Detect from content and extension"), None)
        for name in READERS:
            self.format.addItem(format_title(name), name)
        self.text_field = QLineEdit()
        self.text_field.setObjectName("importTextField")
        hint = self.tr("detected: {names}, …")
        self.text_field.setPlaceholderText(hint.format(names=", ".join(TEXT_FIELDS[:4])))
        self.releases = QCheckBox(
            self.tr("Read press releases: dateline, agency, dates; boilerplate into metadata")
        )
        self.releases.setChecked(True)
        self.strict = QCheckBox(self.tr("Reject labels that are not in the project's schema"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self.set_paths([])

    def _layout(self) -> None:
        pick = QHBoxLayout()
        pick.addWidget(self.chosen, 1)
        pick.addWidget(self.files)
        pick.addWidget(self.folder)
        form = QFormLayout()
        form.addRow(self.tr("Import"), pick)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Text field or column"), self.text_field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.releases)
        layout.addWidget(self.strict)
        layout.addWidget(self.buttons)
        self.resize(600, self.sizeHint().height())

    def set_paths(self, paths: list[Path]) -> None:
        """What the import takes; Import is enabled once there is something."""
        self.paths = paths
        if paths:
            names = ", ".join(p.name for p in paths[:3])
            more = self.tr(" and {n} more").format(n=len(paths) - 3) if len(paths) > 3 else ""
            self.chosen.setText(names + more)
            self.chosen.setToolTip("\n".join(str(p) for p in paths))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(paths))

    def chosen_format(self) -> str | None:
        """The format named, or None to detect it."""
        data = self.format.currentData()
        return str(data) if data else None

    def options(self) -> ReadOptions:
        """How the files are read."""
        return ReadOptions(
            text_field=self.text_field.text().strip() or None,
            strict=self.strict.isChecked(),
            press_release=self.releases.isChecked(),
        )

    def _choose_files(self) -> None:
        if chosen := ask_files(self):
            self.set_paths(chosen)

    def _choose_folder(self) -> None:
        if chosen := ask_folder(self):
            self.set_paths(chosen)
