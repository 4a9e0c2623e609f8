"""Known names in the real window: rank on selection, review suggestions, label all, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from annotator.core.model import Origin
from annotator.core.schemas import DEFAULT
from annotator.gui.actions import ACTIONS
from annotator.gui.preferences import Preferences
from annotator.gui.suggestions_ui import KEYS
from annotator.gui.workbench import Workbench
from annotator.services.knowledge import KnowledgeBase
from annotator.services.workspace import Workspace
from tests.gui.conftest import press, select_with_keys, stored

NAMES = "Polda Kaltara\tORG\nMapolda Kaltara\tLOC\nKota Baru\tLOC\nAndi Saputra\tPER\n"


@pytest.fixture
def kb_bench(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> Workbench:
    """The window over a project that knows four names."""
    names = tmp_path / "names.tsv"
    names.write_text(NAMES, encoding="utf-8")
    assert KnowledgeBase(workspace).import_gazetteer(names).problems == []
    wb = Workbench(workspace, Preferences())
    qtbot.addWidget(wb.window)
    wb.window.resize(1200, 800)
    wb.start()
    wb.window.activateWindow()
    qtbot.waitActive(wb.window)
    wb.pane.view.setFocus()
    return wb


def _preannotate(bench: Workbench) -> list[str]:
    bench.suggestions_ui.actions["preannotate_document"].trigger()
    text = stored(bench).text
    return [text[s.start : s.end] for s in stored(bench).suggestions]


def test_selecting_text_ranks_known_names_and_enter_labels_and_links(
    qtbot: QtBot, kb_bench: Workbench
) -> None:
    text = stored(kb_bench).text
    select_with_keys(qtbot, kb_bench, text.index("Polda Kaltara"), len("Polda Kaltara"))
    panel = kb_bench.suggestions_ui.panel
    assert panel.candidates.count() >= 1
    assert panel.candidates.item(0).text().startswith("Polda Kaltara   ·  ORG  ·  100")
    press(qtbot, kb_bench, "Return")
    (span,) = stored(kb_bench).spans
    assert (text[span.start : span.end], span.label) == ("Polda Kaltara", "ORG")
    assert span.entity is not None and span.entity.name == "Polda Kaltara"


def test_preannotate_draws_pending_suggestions_and_alt_a_accepts_with_undo(
    qtbot: QtBot, kb_bench: Workbench
) -> None:
    found = _preannotate(kb_bench)
    assert found == ["Kota Baru", "Polda Kaltara", "Andi Saputra", "Mapolda Kaltara"]
    assert len(kb_bench.pane.view._dashed) == 4
    assert kb_bench.suggestions_ui.panel.pending.count() == 4
    press(qtbot, kb_bench, "F8")  # the second becomes current
    press(qtbot, kb_bench, "Alt+A")
    (span,) = stored(kb_bench).spans
    assert span.origin == Origin.SUGGESTION and span.label == "ORG"
    assert [s.label for s in stored(kb_bench).suggestions] == ["LOC", "PER", "LOC"]
    press(qtbot, kb_bench, "Ctrl+Z")
    assert stored(kb_bench).spans == () and len(stored(kb_bench).suggestions) == 4
    press(qtbot, kb_bench, "Ctrl+Shift+Z")
    assert len(stored(kb_bench).spans) == 1 and len(stored(kb_bench).suggestions) == 3


def test_alt_r_rejects_for_good_and_undo_brings_it_back(qtbot: QtBot, kb_bench: Workbench) -> None:
    _preannotate(kb_bench)
    press(qtbot, kb_bench, "Alt+R")  # the first: "Kota Baru"
    doc = stored(kb_bench)
    assert doc.spans == () and doc.text[doc.suggestions[0].start :].startswith("Polda Kaltara")
    assert _preannotate(kb_bench)[0] == "Polda Kaltara"  # not offered again
    press(qtbot, kb_bench, "Ctrl+Z")
    assert len(stored(kb_bench).suggestions) == 4


def test_accept_all_of_one_label_is_one_undo_step(qtbot: QtBot, kb_bench: Workbench) -> None:
    _preannotate(kb_bench)
    press(qtbot, kb_bench, "Alt+Shift+A")  # the current one is a LOC
    doc = stored(kb_bench)
    assert sorted(doc.text[s.start : s.end] for s in doc.spans) == ["Kota Baru", "Mapolda Kaltara"]
    assert all(s.entity is not None for s in doc.spans)
    assert [s.label for s in doc.suggestions] == ["ORG", "PER"]
    press(qtbot, kb_bench, "Ctrl+Z")
    assert stored(kb_bench).spans == () and len(stored(kb_bench).suggestions) == 4


def test_label_all_occurrences_in_the_project_shows_counts_first_and_undoes_at_once(
    qtbot: QtBot, kb_bench: Workbench
) -> None:
    text = stored(kb_bench).text
    select_with_keys(qtbot, kb_bench, text.index("ANTARA"), len("ANTARA"))
    press(qtbot, kb_bench, "2")
    bar = kb_bench.suggestions_ui.bar
    qtbot.waitUntil(bar.isVisible)  # only other documents hold it: shown once counted
    qtbot.waitUntil(lambda: "(2)" in bar.in_project.text())  # counted off the window's thread
    assert "(0)" in bar.in_document.text()
    press(qtbot, kb_bench, "Alt+Shift+O")
    others = [d.id for d in kb_bench.workspace.list_documents() if d.id != kb_bench.docs.doc_id]
    for doc_id in others:
        doc = stored(kb_bench, doc_id)
        assert [(doc.text[s.start : s.end], s.label) for s in doc.spans] == [("ANTARA", "ORG")]
    assert not bar.isVisible()
    press(qtbot, kb_bench, "Ctrl+Z")
    assert all(stored(kb_bench, d).spans == () for d in others)
    assert len(stored(kb_bench).spans) == 1  # the span labelled by hand stays


def test_label_all_occurrences_in_the_document(qtbot: QtBot, kb_bench: Workbench) -> None:
    text = stored(kb_bench).text
    select_with_keys(qtbot, kb_bench, text.index("Kaltara"), len("Kaltara"))
    press(qtbot, kb_bench, "3")
    assert "(1)" in kb_bench.suggestions_ui.bar.in_document.text()
    press(qtbot, kb_bench, "Alt+O")
    assert [text[s.start : s.end] for s in stored(kb_bench).spans] == ["Kaltara", "Kaltara"]
    press(qtbot, kb_bench, "Ctrl+Z")
    assert len(stored(kb_bench).spans) == 1


def test_entity_panel_lists_aliases_and_occurrences_and_jumps(
    qtbot: QtBot, kb_bench: Workbench
) -> None:
    first = kb_bench.docs.doc_id
    assert first is not None
    other = next(d.id for d in kb_bench.workspace.list_documents() if d.id != first)
    text = stored(kb_bench).text
    select_with_keys(qtbot, kb_bench, text.index("ANTARA"), len("ANTARA"))
    press(qtbot, kb_bench, "2")
    press(qtbot, kb_bench, "Alt+Shift+O")
    (span,) = stored(kb_bench).spans
    kb_bench.annotate.select(frozenset({span.id or 0}))
    kb_bench.suggestions_ui.controller.show_entity()
    panel = kb_bench.suggestions_ui.entity_panel
    assert "ANTARA" in panel.title.text() and panel.aliases.count() == 1
    assert panel.occurrences.count() == 3
    rows = [panel.occurrences.item(i) for i in range(panel.occurrences.count())]
    row = next(i for i, item in enumerate(rows) if item.data(Qt.ItemDataRole.UserRole)[0] == other)
    panel.occurrences.itemClicked.emit(panel.occurrences.item(row))
    assert kb_bench.docs.doc_id == other
    assert kb_bench.annotate.selected == frozenset(s.id for s in stored(kb_bench).spans)


def test_preannotate_all_on_a_worker(qtbot: QtBot, kb_bench: Workbench) -> None:
    worker = kb_bench.suggestions_ui.preannotate_all()
    with qtbot.waitSignal(worker.done, timeout=20_000):
        pass
    assert len(stored(kb_bench).suggestions) == 4
    assert "new suggestions in 3 documents" in kb_bench.window.statusBar().currentMessage()


def test_keys_clash_with_no_other_command() -> None:
    ours = {QKeySequence(k).toString() for keys in KEYS.values() for k in keys}
    theirs = {QKeySequence(k).toString() for spec in ACTIONS for k in spec.keys}
    schema = DEFAULT
    labels = {QKeySequence(x.shortcut.upper()).toString() for x in schema.labels if x.shortcut}
    roles = {
        QKeySequence(r.shortcut.upper()).toString()
        for x in schema.labels
        for r in x.roles
        if r.shortcut
    }
    assert not ours & (theirs | labels | roles | {"Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y"})


def test_label_all_in_the_project_before_the_count_arrives(
    qtbot: QtBot, kb_bench: Workbench
) -> None:
    text = stored(kb_bench).text
    select_with_keys(qtbot, kb_bench, text.index("ANTARA"), len("ANTARA"))
    press(qtbot, kb_bench, "2")
    kb_bench.suggestions_ui.controller.offer._timer.stop()  # the count has not started
    assert not kb_bench.suggestions_ui.bar.isVisible()  # nothing else here: no offer yet
    press(qtbot, kb_bench, "Alt+Shift+O")
    others = [d.id for d in kb_bench.workspace.list_documents() if d.id != kb_bench.docs.doc_id]
    assert all(len(stored(kb_bench, d).spans) == 1 for d in others)
