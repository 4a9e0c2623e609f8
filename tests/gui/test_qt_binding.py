"""The Qt binding survives a long session of painting (no refcount leak on None)."""

from __future__ import annotations

import subprocess
import sys

LOOP = """
from PySide6.QtGui import QColor
colour = QColor(1, 2, 3)
for _ in range(200_000):
    colour.setAlpha(5)  # a C++ method returning void
print("alive")
"""


def test_many_void_qt_calls_do_not_abort_python() -> None:
    result = subprocess.run(
        [sys.executable, "-c", LOOP], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "alive"
