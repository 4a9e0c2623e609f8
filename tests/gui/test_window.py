"""Import from the window, preferences, the screenshot command."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from annotator.cli import main as cli_main
from annotator.gui.dialogs.import_options import name_filters
from annotator.gui.preferences import DEFAULT_FONT, Preferences
from annotator.gui.workbench import Workbench
from annotator.gui.workers import ImportWorker
from annotator.services.importing import ImportSummary
from annotator.services.workspace import Workspace
from tests.gui.conftest import press


def _articles(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"baru-{i}.txt").write_text(
            f"Kota Baru (ANTARA) - Berita baru nomor {i} tentang apel pagi.\n", encoding="utf-8"
        )
    return folder


def test_articles_dropped_on_an_empty_window_open_the_first_for_labelling(
    qtbot: QtBot, tmp_path: Path
) -> None:
    ws = Workspace.open(f"sqlite:///{tmp_path / 'kosong.db'}", "baru", "tester")
    wb = Workbench(ws, Preferences())
    qtbot.addWidget(wb.window)
    wb.start()
    assert wb.docs.doc_id is None
    with qtbot.waitSignal(wb.importer.imported, timeout=10_000) as done:
        wb.window.files_dropped.emit([_articles(tmp_path / "drop", 3)])
    first = done.args[0].document_ids[0]
    assert wb.docs.doc_id == first
    assert wb.pane.view.toPlainText().startswith("Kota Baru (ANTARA) - Berita baru nomor 0")
    with qtbot.waitSignal(wb.importer.imported, timeout=10_000):  # one open stays open
        wb.window.files_dropped.emit([_articles(tmp_path / "lagi", 2)])
    assert wb.docs.doc_id == first
    ws.close()


def test_dropped_folder_is_imported_and_listed(
    qtbot: QtBot, bench: Workbench, tmp_path: Path
) -> None:
    folder = _articles(tmp_path / "drop", 4)
    with qtbot.waitSignal(bench.importer.imported, timeout=10_000) as done:
        bench.window.files_dropped.emit([folder])
    assert isinstance(done.args[0], ImportSummary) and done.args[0].imported == 4
    assert bench.list_panel.model.rowCount() == 7
    assert bench.window.counts.text() == "0 / 7 done"


def test_a_large_file_dropped_on_the_window_imports_with_worker_processes(
    qtbot: QtBot, bench: Workbench, tmp_path: Path
) -> None:
    path = tmp_path / "banyak.jsonl"  # three batches: prepared by worker processes
    rows = [
        json.dumps({"text": f"Tarakan (ANTARA) - Polda Kaltara menggelar apel nomor {i}.\n"})
        for i in range(2500)
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with qtbot.waitSignal(bench.importer.imported, timeout=60_000) as done:
        bench.window.files_dropped.emit([path])
    assert done.args[0].imported == 2500
    assert bench.window.counts.text() == "0 / 2503 done"
    first = bench.workspace.document(bench.workspace.list_documents()[3].id)
    assert first is not None and first.place == "Tarakan" and first.agency == "ANTARA"


def test_cancelled_import_leaves_nothing_behind(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    folder = _articles(tmp_path / "cancel", 5)
    worker = ImportWorker(workspace, [folder])
    worker.cancel()  # as if Cancel was pressed before the first file finished
    with qtbot.waitSignal(worker.finished_import, timeout=10_000) as done:
        worker.start()
    worker.wait()
    assert done.args[0].cancelled
    assert len(workspace.list_documents()) == 3


def test_font_size_keys_are_remembered(qtbot: QtBot, bench: Workbench) -> None:
    press(qtbot, bench, "Ctrl++")
    press(qtbot, bench, "Ctrl++")
    assert bench.pane.view.font().pointSize() == DEFAULT_FONT + 2
    assert Preferences().font_size == DEFAULT_FONT + 2  # read back from the settings file
    press(qtbot, bench, "Ctrl+0")
    assert Preferences().font_size == DEFAULT_FONT


def test_screenshot_command_writes_the_window(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    url = workspace.url
    workspace.close()
    out = tmp_path / "shot.png"
    code = cli_main(["screenshot", "--out", str(out), "--size", "1024x700", "--db", url,
                     "--project", "test"])  # fmt: skip
    assert code == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 700)


def test_an_import_with_bad_records_opens_a_report_naming_file_and_line(
    qtbot: QtBot, bench: Workbench, tmp_path: Path
) -> None:
    folder = tmp_path / "kiriman"
    (folder / "jsonl").mkdir(parents=True)
    good = json.dumps({"text": "Tarakan (ANTARA) - Polres Tarakan menggelar patroli malam."})
    lines = [good, '{"text": "Nunukan (ANTARA) - KPU', json.dumps({"title": "tanpa teks"})]
    (folder / "jsonl" / "berita.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "foto.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 50)
    story = " ".join(f"Personel gabungan regu {n} berjaga di pos pelabuhan." for n in range(30))
    (folder / "asli.txt").write_text(f"Tarakan (ANTARA) - {story}\n", encoding="utf-8")
    (folder / "ulang.txt").write_text(f"Tarakan (ANTARA) - {story} Aman.\n", encoding="utf-8")
    with qtbot.waitSignal(bench.importer.imported, timeout=10_000):
        bench.window.files_dropped.emit([folder])
    report = bench.importer.report
    assert report is not None and report.isVisible()
    headline = report.headline.text()  # "document(s)" without the English plural catalogue
    assert headline.startswith("Imported 3 document") and headline.endswith(", 3 rejected")
    details = report.details.toPlainText().splitlines()
    assert details[:4] == [
        "Rejected (3)",
        "foto.txt: binary file, not text",
        "jsonl/berita.jsonl:2: malformed JSON: Unterminated string starting (column 10)",
        "jsonl/berita.jsonl:3: no text field "
        "(text / content / body / isi_berita / isi / article / data)",
    ]
    assert details[-2] == "Nearly repeat a stored document (1)"
    assert details[-1].startswith("«Ulang» nearly repeats «Asli» (")  # and the similarity
    report.copy()
    assert QGuiApplication.clipboard().text().startswith(f"{headline}\n\nRejected (3)")


def test_a_clean_import_only_says_its_line(qtbot: QtBot, bench: Workbench, tmp_path: Path) -> None:
    folder = _articles(tmp_path / "bersih", 2)
    with qtbot.waitSignal(bench.importer.imported, timeout=10_000):
        bench.window.files_dropped.emit([folder])
    assert bench.importer.report is None


def test_the_file_dialog_offers_every_known_extension_then_all_files() -> None:
    articles, everything = name_filters().split(";;")
    assert articles.startswith("Articles and annotations (") and everything == "All files (*)"
    assert {"*.txt", "*.md", "*.jsonl", "*.json", "*.csv", "*.conll", "*.ann"} <= set(
        articles[articles.index("(") + 1 : -1].split()
    )


def test_import_with_options_reads_the_chosen_column(
    qtbot: QtBot, bench: Workbench, tmp_path: Path
) -> None:
    path = tmp_path / "kiriman.csv"
    rows = ["judul,naskah", "Patroli,Tarakan (ANTARA) - Polres Tarakan menggelar patroli malam."]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with qtbot.waitSignal(bench.importer.imported, timeout=10_000) as plain:
        bench.window.files_dropped.emit([path])  # "naskah" is no text column it knows
    assert plain.args[0].imported == 0 and plain.args[0].rejected == 1
    bench.importer.report.close()  # type: ignore[union-attr]
    bench.window.activateWindow()  # the window is active again once the report is closed
    qtbot.waitUntil(lambda: QApplication.activeWindow() is bench.window)
    press(qtbot, bench, "Ctrl+Alt+O")
    dialog = bench.importer.options_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.set_paths([path])
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.text_field.setText("naskah")
    dialog.releases.setChecked(False)  # keep the dateline in the body
    with qtbot.waitSignal(bench.importer.imported, timeout=10_000) as chosen:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert chosen.args[0].imported == 1
    doc = bench.workspace.document(chosen.args[0].document_ids[0])
    assert doc is not None and doc.title == "Patroli"
    assert doc.text.startswith("Tarakan (ANTARA) - ") and doc.place is None
