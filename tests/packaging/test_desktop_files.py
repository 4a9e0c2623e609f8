"""The Linux desktop entry and AppStream metainfo pass the distributions' validators."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest

from annotator import __version__

LINUX = Path(__file__).resolve().parents[2] / "resources" / "linux"
DESKTOP = LINUX / "annotator.desktop"
METAINFO = LINUX / "io.github.annotator.Annotator.metainfo.xml"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian: desktop-file-utils, appstream)")
    return path


def test_desktop_entry_passes_desktop_file_validate() -> None:
    done = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == "", done.stdout  # not even a hint


def test_metainfo_passes_appstreamcli_validate() -> None:
    done = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "E:" not in done.stdout and "W:" not in done.stdout, done.stdout


def test_metainfo_names_the_desktop_entry_binary_and_current_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "annotator"
    versions = [r.get("version") for r in root.iterfind("releases/release")]
    assert __version__ in versions


def test_desktop_entry_starts_the_annotator_command_with_its_icon() -> None:
    entry = ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    group = entry["Desktop Entry"]
    assert group["Exec"].split()[0] == "annotator"
    assert group["Icon"] == "annotator"
    assert group["Name"] == "Annotator"
