"""``annotator --smoke-test`` and ``--exit-when-shown``, run as a person or CI would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.smoke import SmokeError, run_smoke_test
from annotator.window_probe import SHOWN_PREFIX


def _annotator(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "annotator", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_smoke_test_passes_from_source() -> None:
    done = _annotator("--smoke-test")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "smoke test passed" in done.stdout
    assert "text[start:end] ==" in done.stdout
    assert "main window shown and closed" in done.stdout


def test_a_failing_step_exits_1_with_its_reason(capsys: pytest.CaptureFixture[str]) -> None:
    def broken(_scratch: Path) -> None:
        raise SmokeError("the span is not in the export (0 matches)")

    assert run_smoke_test(broken) == 1
    out, err = capsys.readouterr()
    assert "smoke test FAILED: the span is not in the export" in err
    assert "passed" not in out


def test_an_unexpected_error_exits_1_with_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    def crashing(_scratch: Path) -> None:
        raise ImportError("libQt6XcbQpa.so.6: cannot open shared object file")

    assert run_smoke_test(crashing) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and "libQt6XcbQpa" in err
    assert "smoke test FAILED: unexpected error" in err


def test_exit_when_shown_opens_the_window_and_quits(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'probe.db'}"
    done = _annotator("--exit-when-shown", "--db", db, "--project", "p", "--annotator", "Ani")
    assert done.returncode == 0, done.stdout + done.stderr
    shown = [line for line in done.stdout.splitlines() if line.startswith(SHOWN_PREFIX)]
    assert len(shown) == 1
    assert float(shown[0].removeprefix(SHOWN_PREFIX)) > 0
