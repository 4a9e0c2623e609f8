"""Starting the app as a person does: ``annotator`` on a machine that has never run it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from annotator.app import demo_dir
from tests.store.old_rows import old_database

START_AND_QUIT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from annotator import app

QApplication([])
def look():
    bench = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    print("window:", max(bench, key=lambda w: w.width() * w.height()).windowTitle())
    QApplication.instance().quit()
QTimer.singleShot(1500, look)
sys.exit(app.main(sys.argv[1:]))
"""


def _start(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The app started in a fresh process, looked at after 1.5 s, then closed."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",  # offscreen there is no welcome screen to answer
        "ANNOTATOR_DATA_DIR": str(tmp_path / "data"),
        "ANNOTATOR_CONFIG_DIR": str(tmp_path / "config"),
    }
    return subprocess.run(
        [sys.executable, "-c", START_AND_QUIT, "--annotator", "ani", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_first_start_opens_on_the_demo_project(tmp_path: Path) -> None:
    run = _start(tmp_path)
    assert run.returncode == 0, run.stderr
    title = run.stdout.split("window: ", 1)[1].strip()
    assert title.endswith(" — Annotator")  # the window opened on a demo release
    with sqlite3.connect(tmp_path / "data" / "annotator.db") as db:
        stored = db.execute(
            "SELECT count(*) FROM document JOIN project ON project.id = project_id "
            "WHERE project.name = 'default'"
        ).fetchone()[0]
    assert stored == len(list(demo_dir().iterdir())) > 0  # every demo release, ready to label


def test_a_database_of_a_newer_version_is_named_and_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "baru.db"
    old_database(f"sqlite:///{db}", "0005")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    run = _start(tmp_path, "--db", str(db))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert f"cannot open the database {db}" in run.stderr
    assert "newer version of Annotator" in run.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0099",)


def test_opening_a_database_does_not_load_numpy(tmp_path: Path) -> None:
    code = (
        "import sys; from annotator.services.workspace import Workspace;"
        f"Workspace.open('sqlite:///{tmp_path / 'a.db'}').close();"
        "print('numpy' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"  # numpy waits for the first import's signatures
