"""Moving through the project: done/skipped, next and previous unfinished, the list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from annotator.core.model import Status
from annotator.gui.models.document_list import COLUMNS
from annotator.gui.preferences import Preferences
from annotator.gui.workbench import Workbench
from annotator.services.browse import DocumentRow, Filters
from annotator.services.workspace import Workspace
from tests.gui.conftest import press, select_with_keys, stored


def test_mark_done_moves_to_the_next_unfinished_document(qtbot: QtBot, bench: Workbench) -> None:
    first = bench.docs.doc_id
    assert first is not None
    press(qtbot, bench, "Ctrl+Return")
    assert stored(bench, first).status == Status.DONE
    assert bench.docs.doc_id != first
    assert bench.window.counts.text() == "1 / 3 done"
    second = bench.docs.doc_id
    press(qtbot, bench, "Ctrl+Shift+Return")
    assert stored(bench, second).status == Status.SKIPPED
    third = bench.docs.doc_id
    assert third not in (first, second)
    press(qtbot, bench, "Ctrl+Down")  # nothing else is unfinished: stay
    assert bench.docs.doc_id == third
    press(qtbot, bench, "Ctrl+Z")  # the third document's own stack is empty
    assert stored(bench, second).status == Status.SKIPPED
    bench.nav.open(second)  # type: ignore[arg-type]
    press(qtbot, bench, "Ctrl+Z")  # its stack holds "Mark document skipped"
    assert stored(bench, second).status == Status.NEW


def test_next_and_previous_unfinished_skip_finished_documents(
    qtbot: QtBot, bench: Workbench
) -> None:
    ids = [bench.list_panel.model.document_id(r) for r in range(3)]
    bench.nav.open(ids[1])  # type: ignore[arg-type]
    press(qtbot, bench, "Ctrl+Return")  # second done; goes on to the third
    assert bench.docs.doc_id == ids[2]
    press(qtbot, bench, "Ctrl+Up")
    assert bench.docs.doc_id == ids[0]  # the finished second one is passed over
    press(qtbot, bench, "Ctrl+Down")
    assert bench.docs.doc_id == ids[2]
    assert bench.list_panel.table.currentIndex().row() == 2


def test_status_filter_and_search_narrow_the_list(qtbot: QtBot, bench: Workbench) -> None:
    press(qtbot, bench, "Ctrl+Return")
    panel = bench.list_panel
    panel.status.setCurrentIndex(panel.status.findData("done"))
    assert panel.model.rowCount() == 1
    panel.status.setCurrentIndex(0)
    QTest.keyClicks(panel.search, "pleno")
    panel.apply_filters()  # the debounce timer would do this 300 ms later
    assert panel.model.rowCount() == 1
    assert "pleno" in str(panel.model.index(0, 0).data()).lower()


def test_list_reads_only_the_pages_on_screen(
    qtbot: QtBot, tmp_path: Path, workspace: Workspace
) -> None:
    lines = "".join(
        f'{{"text": "Berita nomor {i} dari Kota Baru.", "title": "Berita {i}"}}\n'
        for i in range(1500)
    )
    (tmp_path / "many.jsonl").write_text(lines, encoding="utf-8")
    workspace.import_paths([tmp_path / "many.jsonl"])
    wb = Workbench(workspace, Preferences())
    qtbot.addWidget(wb.window)
    asked: list[tuple[int, int]] = []
    browser = wb.list_panel.model.browser
    real_page = browser.page

    def spy(filters: Filters, offset: int, limit: int, sort: str, desc: bool) -> list[DocumentRow]:
        asked.append((offset, limit))
        return real_page(filters, offset, limit, sort, desc)

    browser.page = spy  # type: ignore[method-assign, assignment]
    wb.start()
    qtbot.waitExposed(wb.window)
    assert wb.list_panel.model.rowCount() == 1503
    assert sum(limit for _, limit in asked) < 1503 / 2


def test_the_list_counts_a_new_span_once_the_edit_is_shown(qtbot: QtBot, bench: Workbench) -> None:
    model = bench.list_panel.model
    spans = model.index(0, len(COLUMNS) - 1)
    before = model.data(spans)
    select_with_keys(qtbot, bench, 0, 4)
    press(qtbot, bench, "1")
    qtbot.waitUntil(lambda: model.data(spans) != before)
    assert str(model.data(spans)) == str(int(str(before or 0)) + 1)
