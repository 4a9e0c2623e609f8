"""The schema editor and the statistics view in the real window, checked in the database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from annotator.core.model import Label, LabelKind, Role
from annotator.gui.dialogs.schema_editor import SchemaEditorDialog
from annotator.gui.widgets.stats_view import StatisticsDialog
from annotator.gui.workbench import Workbench
from tests.gui.conftest import press, select_with_keys, stored


@pytest.fixture
def dialog(qtbot: QtBot, bench: Workbench) -> SchemaEditorDialog:
    """The schema editor over the workbench's project (not shown modally)."""
    dlg = SchemaEditorDialog(bench.events_ui.schema_history, bench.window)
    qtbot.addWidget(dlg)
    return dlg


def label_span(qtbot: QtBot, bench: Workbench, word: str, key: str) -> None:
    text = stored(bench).text
    select_with_keys(qtbot, bench, text.index(word), len(word))
    press(qtbot, bench, key)


def test_rename_keeps_spans_and_the_window_follows(
    qtbot: QtBot, bench: Workbench, dialog: SchemaEditorDialog
) -> None:
    label_span(qtbot, bench, "Andi Saputra", "1")
    dialog.select("PER")
    dialog.name.setText("PERSON")
    dialog.save()
    (span,) = stored(bench).spans
    assert span.label == "PERSON"
    assert bench.schema.get("PERSON") is not None
    assert bench.window.findChild(QObject, "label-PERSON") is not None  # palette button
    label_span(qtbot, bench, "Rabu", "1")  # the key still labels, under the new name
    assert {s.label for s in stored(bench).spans} == {"PERSON"}
    dialog.undo.undo()  # rename undone (the Rabu span came later and stays)
    assert {s.label for s in stored(bench).spans} == {"PER"}


def test_key_clash_is_shown_inline_and_nothing_changes(
    qtbot: QtBot, bench: Workbench, dialog: SchemaEditorDialog
) -> None:
    dialog.select("LOC")
    dialog.key.setText("q")  # the SECURITY_OPERATION event key
    dialog.save()
    assert "SECURITY_OPERATION" in dialog.error.text()
    assert bench.workspace.schema().get("LOC").shortcut == "3"  # type: ignore[union-attr]


def test_delete_with_spans_asks_with_the_count_and_undo_restores(
    qtbot: QtBot, bench: Workbench, dialog: SchemaEditorDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    label_span(qtbot, bench, "Mapolda", "3")
    asked: list[int] = []

    def confirm(label: Label, uses: int) -> bool:
        asked.append(uses)
        return True

    monkeypatch.setattr(dialog, "confirm_delete", confirm)
    dialog.select("LOC")
    dialog.delete()
    assert asked == [1]
    assert stored(bench).spans == ()
    dialog.undo.undo()
    assert [s.label for s in stored(bench).spans] == ["LOC"]


def test_event_type_with_roles_added_and_keys_work(
    qtbot: QtBot, bench: Workbench, dialog: SchemaEditorDialog, tmp_path: Path
) -> None:
    dialog.show_kind(LabelKind.EVENT)
    dialog.name.setText("DONATION")
    dialog.key.setText("d")
    dialog.set_colour("#117733")
    dialog.roles.set_roles(())
    dialog.roles.add_role(Role("giver", required=True, shortcut="a"))
    dialog.add_new()
    assert dialog.error.text() == ""
    saved = bench.workspace.schema().get("DONATION", LabelKind.EVENT)
    assert saved is not None and saved.roles[0].required and saved.color == "#117733"
    assert bench.window.findChild(QObject, "event:DONATION") is not None
    out = tmp_path / "schema.json"
    dialog.export_json(out)
    names = {lb["name"] for lb in json.loads(out.read_text(encoding="utf-8"))["labels"]}
    assert {"DONATION", "PER", "located_in"} <= names


def test_statistics_view_counts_what_was_labelled(qtbot: QtBot, bench: Workbench) -> None:
    label_span(qtbot, bench, "Andi Saputra", "1")
    label_span(qtbot, bench, "Mapolda", "3")
    dlg = StatisticsDialog(bench.workspace, bench.window)
    qtbot.addWidget(dlg)
    view = dlg.view
    assert {n: v for n, v, _ in view.spans.values} == {"LOC": 1, "PER": 1}
    assert "3 documents" in view.summary.text()
    label_span(qtbot, bench, "Rabu", "4")
    view.refresh()
    assert ("DATE", 1) in [(n, v) for n, v, _ in view.spans.values]
    assert not dlg.grab().isNull()
