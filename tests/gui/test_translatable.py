"""Every visible string in the GUI goes through the translation catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.gui.translatable import scan, scan_source

GUI = ROOT / "annotator" / "gui"


def test_no_visible_string_bypasses_the_catalogue() -> None:
    findings = scan(GUI)
    assert not findings, "wrap these in translate()/self.tr():\n" + "\n".join(map(str, findings))


@pytest.mark.parametrize(
    "source",
    [
        'label.setText("Nothing to show")',
        'self.setWindowTitle(f"Import {name}")',
        'QLabel("Who is annotating?", self)',
        'menubar.addMenu("&Tools")',
        'self.message.emit("An import is already running")',
        'QMessageBox.warning(self, "Import failed", str(exc))',
        'QFileDialog.getSaveFileName(self, "Export as")',
        'QLineEdit(placeholderText="Search…")',
        'item = QTreeWidgetItem(self, ["No events yet"])',
        'box.setToolTip("Saved " + path)',
        'ActionSpec("export", "&Export…", "File", ("Ctrl+E",))',
    ],
)
def test_the_scan_catches_an_untranslated_string(source: str) -> None:
    assert scan_source(source, Path("snippet.py"))


@pytest.mark.parametrize(
    "source",
    [
        'label.setText(translate("Pane", "Nothing to show"))',
        'label.setText(self.tr("Saved {0}").format(path))',
        'self.setWindowTitle(f"{title} — Annotator")',
        'self.counts.setText(f"{done} / {total}")',
        'ActionSpec("export", N_("&Export…"), "File", ("Ctrl+E",))',
        "label.setText(doc.title)",
        'self.message.emit(text.format(error="x"))',
    ],
)
def test_the_scan_accepts_translated_or_non_verbal_text(source: str) -> None:
    assert scan_source(source, Path("snippet.py")) == []
