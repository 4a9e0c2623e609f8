"""File ▸ Export… in the real window: dialog, worker, summary, cancel."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from annotator.gui.controllers.exporter import ExportWorker
from annotator.gui.workbench import Workbench
from annotator.services.export import ExportCancelledError, ExportRequest
from tests.gui.conftest import press, select_with_keys, stored


def _label_and_finish(qtbot: QtBot, bench: Workbench) -> str:
    """Label "Andi Saputra" PER and "Polda Kaltara" ORG in the first article, mark it done."""
    text = stored(bench).text
    select_with_keys(qtbot, bench, text.index("Andi Saputra"), 12)
    press(qtbot, bench, "1")
    select_with_keys(qtbot, bench, text.index("Kabid Humas Polda Kaltara"), 25)
    press(qtbot, bench, "5")  # TITLE over the whole phrase
    select_with_keys(qtbot, bench, text.index("Polda Kaltara"), 13)
    press(qtbot, bench, "2")  # ORG nested inside it
    press(qtbot, bench, "Ctrl+Return")
    return text


def _export_through_dialog(qtbot: QtBot, bench: Workbench, fmt: str, out: Path) -> str:
    press(qtbot, bench, "Ctrl+E")
    dialog = bench.exporter.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.set_format(fmt)
    dialog.out.setText(str(out))
    with qtbot.waitSignal(bench.exporter.exported, timeout=10_000):
        QTest.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    summary = bench.exporter.summary
    assert summary is not None and summary.isVisible()
    return summary.text()


def test_native_export_writes_done_documents_and_says_where(
    qtbot: QtBot, bench: Workbench, tmp_path: Path
) -> None:
    text = _label_and_finish(qtbot, bench)
    out = tmp_path / "out" / "train.jsonl"
    summary = _export_through_dialog(qtbot, bench, "native", out)
    (line,) = out.read_text(encoding="utf-8").splitlines()  # only the done article
    record = json.loads(line)
    assert record["text"] == text
    found = {(s["label"], text[s["start"] : s["end"]]) for s in record["spans"]}
    assert ("PER", "Andi Saputra") in found and ("ORG", "Polda Kaltara") in found
    assert str(out) in summary and "1 documents, 3 spans" in summary


def test_conll_export_reports_what_it_dropped(
    qtbot: QtBot, bench: Workbench, tmp_path: Path
) -> None:
    _label_and_finish(qtbot, bench)
    out = tmp_path / "ner.conll"
    summary = _export_through_dialog(qtbot, bench, "conll", out)
    assert "Andi\tB-PER" in out.read_text(encoding="utf-8").replace(" ", "\t")
    assert "overlapping span" in summary  # ORG inside TITLE cannot be carried


def test_dialog_builds_filters_labels_and_split(qtbot: QtBot, bench: Workbench) -> None:
    dialog = bench.exporter.make_dialog()
    qtbot.addWidget(dialog)
    assert dialog.request().selection.statuses == ("done",)  # done only by default
    dialog.every.setChecked(True)
    for box in dialog.label_boxes:
        box.setChecked(box.text() == "PER")
    dialog.split.setChecked(True)
    dialog.seed.setValue(7)
    dialog.set_format("brat")
    request = dialog.request()
    assert request.selection.statuses is None and tuple(request.selection.labels) == ("PER",)
    assert request.split is not None and request.split.seed == 7
    assert request.out.name == "export-brat" and request.format == "brat"
    dialog.label_boxes[0].setChecked(False)  # no label at all
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_cancelled_export_leaves_nothing(qtbot: QtBot, bench: Workbench, tmp_path: Path) -> None:
    _label_and_finish(qtbot, bench)
    folder = tmp_path / "cancel"
    worker = ExportWorker(bench.workspace, ExportRequest("native", folder / "x.jsonl"))
    worker.cancel()  # as if Cancel was pressed before the first document was written
    with qtbot.waitSignal(worker.finished_export, timeout=10_000) as done:
        worker.start()
    worker.wait()
    assert isinstance(done.args[0], ExportCancelledError)
    assert not folder.exists() or list(folder.iterdir()) == []
