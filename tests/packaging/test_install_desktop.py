"""``make install-desktop`` puts a working entry, icons and metainfo in the user's menu."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "install_desktop.sh"

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("bash") is None,
    reason="the desktop entry is for Linux",
)


def _run(share: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(share), "PYTHON": sys.executable}
    return subprocess.run(
        ["bash", str(SCRIPT), *args], capture_output=True, text=True, env=env, check=False
    )


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _exec_path(desktop: Path) -> Path:
    lines = desktop.read_text(encoding="utf-8").splitlines()
    line = next(x for x in lines if x.startswith("Exec="))
    return Path(line.removeprefix("Exec=").split('"')[1])


def test_install_then_uninstall(tmp_path: Path) -> None:
    if not (ROOT / ".venv" / "bin" / "annotator").exists() and not (ROOT / "dist").exists():
        pytest.skip("no executable to point the entry at (make run or make package first)")
    share = tmp_path / "share"
    done = _run(share)
    assert done.returncode == 0, done.stderr
    desktop = share / "applications" / "annotator.desktop"
    exe = _exec_path(desktop)
    assert exe.is_absolute() and os.access(exe, os.X_OK)
    for size in (16, 32, 48, 128, 256, 512):
        icon = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "annotator.png"
        assert _png_size(icon) == (size, size)
    assert (share / "icons/hicolor/scalable/apps/annotator.svg").is_file()
    assert (share / "metainfo/io.github.annotator.Annotator.metainfo.xml").is_file()
    if validate := shutil.which("desktop-file-validate"):
        checked = subprocess.run([validate, str(desktop)], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout
    assert _run(share, "--uninstall").returncode == 0
    assert not desktop.exists()
    assert not list(share.rglob("annotator.png"))
