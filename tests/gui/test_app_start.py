"""Starting the app as a person does: ``annotator`` on a machine that has never run it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from annotator.app import demo_dir

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


def test_first_start_opens_on_the_demo_project(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",  # offscreen there is no welcome screen to answer
        "ANNOTATOR_DATA_DIR": str(tmp_path / "data"),
        "ANNOTATOR_CONFIG_DIR": str(tmp_path / "config"),
    }
    run = subprocess.run(
        [sys.executable, "-c", START_AND_QUIT, "--annotator", "ani"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    title = run.stdout.split("window: ", 1)[1].strip()
    assert title.endswith(" — Annotator")  # the window opened on a demo release
    with sqlite3.connect(tmp_path / "data" / "annotator.db") as db:
        stored = db.execute(
            "SELECT count(*) FROM document JOIN project ON project.id = project_id "
            "WHERE project.name = 'default'"
        ).fetchone()[0]
    assert stored == len(list(demo_dir().iterdir())) > 0  # every demo release, ready to label
