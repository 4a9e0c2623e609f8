"""The interface in Bahasa Indonesia: choosing the language, and the window speaking it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMenu
from pytestqt.qtbot import QtBot

from annotator.app import parse_args
from annotator.gui.actions import ACTIONS, MENUS
from annotator.gui.i18n import choose_language, install_translators, remove_translators
from annotator.gui.preferences import Preferences
from annotator.gui.workbench import Workbench
from annotator.services.workspace import Workspace
from tests.conftest import ROOT

SAME_IN_BOTH = {"&Label", "Label", "Status"}
"""Words Indonesian borrows unchanged."""


@pytest.fixture(scope="module")
def qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The catalogues compiled as the build does it (lrelease), into a temp folder."""
    out = tmp_path_factory.mktemp("qm")
    script = ROOT / "scripts" / "translations.py"
    subprocess.run([sys.executable, str(script), "release", "--out", str(out)], check=True)
    return out


@pytest.fixture
def indonesian(qapp: QApplication, qm_dir: Path) -> Iterator[None]:
    """Bahasa Indonesia installed for the test, removed after it."""
    translators = install_translators(qapp, "id", qm_dir)
    assert translators, "annotator_id.qm did not load"
    yield
    remove_translators(qapp, translators)


def window_texts(qtbot: QtBot, workspace: Workspace) -> dict[str, str]:
    """What the window shows: menu titles, command texts, dock titles, column titles."""
    bench = Workbench(workspace, Preferences())
    qtbot.addWidget(bench.window)
    bench.start()
    w = bench.window
    texts = {f"menu:{key}": menu.title() for key, menu in w.menus.items()}
    texts |= {f"action:{s.name}": w.actions_by_name[s.name].text() for s in ACTIONS}
    texts |= {f"dock:{d.objectName()}": d.windowTitle() for d in w.findChildren(QDockWidget)}
    for name, model in (("list", bench.list_panel.model), ("spans", bench.spans_panel.span_model)):
        for col in range(model.columnCount()):
            texts[f"{name}:{col}"] = str(model.headerData(col, Qt.Orientation.Horizontal))
    texts["saved"] = w.saved.text()
    texts["search"] = bench.list_panel.search.placeholderText()
    texts["status-filter"] = bench.list_panel.status.itemText(0)
    return texts


def test_the_window_speaks_indonesian(qtbot: QtBot, workspace: Workspace, indonesian: None) -> None:
    texts = window_texts(qtbot, workspace)
    assert texts["menu:File"] == "&Berkas"
    assert texts["menu:Edit"] == "&Sunting"
    assert texts["action:import_files"] == "&Impor berkas…"
    assert texts["action:mark_done"] == "Tandai &selesai, lanjut ke berikutnya"
    assert texts["dock:dock-documents"] == "Dokumen"
    assert texts["saved"] == "Semua perubahan tersimpan"
    assert texts["search"] == "Cari judul dan teks…"


def test_nothing_in_the_window_is_left_in_english(
    qtbot: QtBot, workspace: Workspace, qapp: QApplication, qm_dir: Path
) -> None:
    english = window_texts(qtbot, workspace)
    translators = install_translators(qapp, "id", qm_dir)
    try:
        indonesian = window_texts(qtbot, workspace)
    finally:
        remove_translators(qapp, translators)
    assert set(english) == set(indonesian)
    left = {k: v for k, v in indonesian.items() if v == english[k] and v not in SAME_IN_BOTH}
    assert not left, f"still English under Bahasa Indonesia: {left}"
    assert {f"menu:{m}" for m in MENUS} <= set(indonesian)


def test_english_is_the_source_and_keeps_its_plurals(
    qtbot: QtBot, workspace: Workspace, qapp: QApplication, qm_dir: Path
) -> None:
    from annotator.gui.controllers.importer import summary_text
    from annotator.services.importing import ImportSummary

    translators = install_translators(qapp, "en", qm_dir)
    try:
        one, three = ImportSummary(imported=1), ImportSummary(imported=3)
        assert summary_text(one).startswith("Imported 1 document,")
        assert summary_text(three).startswith("Imported 3 documents,")
        assert window_texts(qtbot, workspace)["menu:File"] == "&File"
    finally:
        remove_translators(qapp, translators)


def test_the_option_beats_the_environment_which_beats_the_preference() -> None:
    indonesia, france = QLocale("id_ID"), QLocale("fr_FR")
    assert choose_language("en", "id", indonesia, env="id") == "en"
    assert choose_language(None, "en", indonesia, env="id") == "id"
    assert choose_language(None, "en", indonesia, env="") == "en"
    assert choose_language(None, "system", indonesia, env="") == "id"
    assert choose_language(None, "system", france, env="") == "en"
    assert choose_language(None, "xx", indonesia, env="") == "id"  # unknown: ignored


def test_the_language_preference_is_remembered() -> None:
    assert Preferences().language == "system"
    Preferences().language = "id"
    assert Preferences().language == "id"


def test_lang_is_a_window_option() -> None:
    assert parse_args(["--lang", "id"]).lang == "id"
    with pytest.raises(SystemExit):
        parse_args(["--lang", "fr"])


def test_qt_own_buttons_and_context_menus_speak_indonesian(indonesian: None) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    button = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert button is not None and button.text() == "Batal"


def test_view_language_stores_the_choice_for_the_next_start(
    qtbot: QtBot, workspace: Workspace
) -> None:
    bench = Workbench(workspace, Preferences())
    qtbot.addWidget(bench.window)
    menu = bench.window.menus["View"].findChild(QMenu, "languageMenu")
    assert menu is not None
    checked = [a.objectName() for a in menu.actions() if a.isChecked()]
    assert checked == ["language:system"]
    next(a for a in menu.actions() if a.objectName() == "language:id").trigger()
    assert Preferences().language == "id"
    assert "starts again" in bench.window.statusBar().currentMessage()
