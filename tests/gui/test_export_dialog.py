"""File ▸ Export… in the real window: dialog, worker, summary, cancel."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialogButtonBox
from pytestqt.qtbot import QtBot

from annotator.core.formats.base import WriteReport
from annotator.gui.controllers.exporter import ExportWorker, summary_html
from annotator.gui.dialogs.export_dialog import ExportDialog
from annotator.gui.workbench import Workbench
from annotator.services.export import ExportCancelledError, ExportRequest, ExportResult, Split
from annotator.store.selection import FilterChoices
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
    assert request.split is not None and request.split.seed == 7 and request.split.together
    dialog.together.setChecked(False)
    assert dialog.request().split == Split((0.8, 0.1, 0.1), 7, together=False)
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


def _export_button_enabled(dialog: ExportDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_dialog_says_how_many_documents_and_will_not_export_none(
    qtbot: QtBot, bench: Workbench
) -> None:
    dialog = bench.exporter.make_dialog()
    qtbot.addWidget(dialog)
    none = "No documents match these filters"  # nothing is marked done yet
    qtbot.waitUntil(lambda: dialog.matching.text() == none)
    assert not _export_button_enabled(dialog)
    dialog.every.setChecked(True)
    qtbot.waitUntil(lambda: dialog.matching.text() == "3 documents will be exported")
    assert _export_button_enabled(dialog)
    for box in dialog.label_boxes:
        box.setChecked(box.text() == "PER")  # no article has a PER span yet
    qtbot.waitUntil(lambda: dialog.matching.text() == none)
    assert not _export_button_enabled(dialog)


def _items(box: QComboBox) -> list[str]:
    return [box.itemText(i) for i in range(box.count())]


def test_filters_offer_what_the_project_holds(qtbot: QtBot, bench: Workbench) -> None:
    dialog = bench.exporter.make_dialog()  # .txt releases: an agency, no publication date
    qtbot.addWidget(dialog)
    filters = dialog.filters
    assert _items(filters.annotator) == ["Anyone", "tester"]
    assert _items(filters.source) == ["Any source", "ANTARA"]  # from the datelines
    assert not filters.dated.isEnabled()
    selection = dialog.request().selection
    assert (selection.annotator, selection.source, selection.date_from) == (None, None, None)
    dialog.every.setChecked(True)
    filters.source.setCurrentIndex(1)
    assert dialog.request().selection.source == "ANTARA"
    qtbot.waitUntil(lambda: dialog.matching.text() == "3 documents will be exported")


def test_annotator_source_and_dates_reach_the_request(qtbot: QtBot, tmp_path: Path) -> None:
    sources = ["ANTARA", "Tribun Kaltara"]
    choices = FilterChoices(["budi", "sari"], sources, "2024-11-28", "2024-12-09")
    dialog = ExportDialog(["PER", "ORG"], tmp_path, choices=choices)
    qtbot.addWidget(dialog)
    filters = dialog.filters
    assert not filters.date_from.isEnabled()  # dates are off until ticked
    filters.annotator.setCurrentIndex(filters.annotator.findText("sari"))
    filters.source.setCurrentIndex(filters.source.findText("Tribun Kaltara"))
    filters.dated.setChecked(True)
    assert filters.date_from.isEnabled()
    assert filters.date_from.date().toString("yyyy-MM-dd") == "2024-11-28"  # the project's first
    filters.date_from.setDate(filters.date_to.date().addDays(3))  # from after to: swapped
    selection = dialog.request().selection
    assert (selection.annotator, selection.source) == ("sari", "Tribun Kaltara")
    assert (selection.date_from, selection.date_to) == ("2024-12-09", "2024-12-12")


def test_the_next_export_opens_on_the_last_format_and_folder(
    qtbot: QtBot, bench: Workbench, tmp_path: Path
) -> None:
    _label_and_finish(qtbot, bench)
    _export_through_dialog(qtbot, bench, "conll", tmp_path / "ner" / "train.conll")
    bench.exporter.summary.close()  # type: ignore[union-attr]
    dialog = bench.exporter.make_dialog()
    qtbot.addWidget(dialog)
    assert dialog.chosen_format() == "conll"
    assert Path(dialog.out.text()) == tmp_path / "ner" / "export-conll.conll"


def test_the_summary_lists_what_was_dropped_apart_from_what_was_changed(qtbot: QtBot) -> None:
    report = WriteReport(documents=2, spans=5)
    report.drop("span widened to token boundaries (kept)", 3)
    report.drop("overlapping span")
    html = summary_html(ExportResult({Path("out.conll"): report}))
    dropped, changed = html.split("The format changed, and kept:")
    assert "out.conll<br>The format dropped:<ul><li>1 × overlapping span</li></ul>" in dropped
    assert changed.startswith("<ul><li>3 × span widened to token boundaries</li></ul>")
