"""The catalogues cover every string in the code: none unfinished, placeholders intact."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT


def load_script() -> ModuleType:
    """scripts/translations.py as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "scripts" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


tr = load_script()


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Copies of the committed .ts files, brought up to date with the code by lupdate."""
    folder = tmp_path_factory.mktemp("ts")
    for language in tr.LANGUAGES:
        shutil.copy(tr.ts_path(language), folder)
        tr.lupdate(tr.ts_path(language, folder), language)
    return folder


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_string_in_the_code_is_translated(refreshed: Path, language: str) -> None:
    issues = [str(i) for i in tr.issues(tr.ts_path(language, refreshed))]
    assert not issues, (
        f"annotator_{language}.ts is not complete; run `make translations`, translate these"
        " in Qt Linguist (or the .ts), then `make qm`:\n" + "\n".join(issues)
    )


def test_the_indonesian_catalogue_covers_the_menus(refreshed: Path) -> None:
    text = tr.ts_path("id", refreshed).read_text(encoding="utf-8")
    assert "<source>&amp;File</source>" in text
    assert "<translation>&amp;Berkas</translation>" in text


def write_ts(folder: Path, source: str, translation: str, unfinished: bool = False) -> Path:
    kind = ' type="unfinished"' if unfinished else ""
    path = folder / "annotator_id.ts"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="id">'
        f"<context><name>Ctx</name><message><source>{source}</source>"
        f"<translation{kind}>{translation}</translation></message></context></TS>",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("source", "translation", "unfinished"),
    [
        ("Saved {name}", "Tersimpan", False),
        ("Added %1, updated %2", "%1 ditambahkan, %3 diperbarui", False),
        ("Import", "", False),
        ("Import", "Impor", True),
    ],
)
def test_the_check_refuses_unfinished_entries_and_lost_placeholders(
    tmp_path: Path, source: str, translation: str, unfinished: bool
) -> None:
    assert list(tr.issues(write_ts(tmp_path, source, translation, unfinished)))


def test_the_check_accepts_a_finished_entry_with_its_placeholders(tmp_path: Path) -> None:
    path = write_ts(
        tmp_path, "Importing {name} ({done} of {total})", "Mengimpor {name} ({done}/{total})"
    )
    assert list(tr.issues(path)) == []


def test_the_hand_written_qt_catalogue_is_complete() -> None:
    assert list(tr.issues(tr.TS_DIR / "qt_id.ts")) == []
