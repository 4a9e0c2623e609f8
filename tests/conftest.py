"""Test-wide settings: offscreen Qt, and no test touches a real user's files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE_RELEASE = SHARED / "samples" / "antara-kaltara-pilkada-2024.txt"
CORPORA = SHARED / "corpora"


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point data and config directories at tmp_path; clear a stray ANNOTATOR_DB."""
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ANNOTATOR_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("ANNOTATOR_DB", raising=False)
    yield


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip when the machine has none."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not on this machine")
    return path


@pytest.fixture
def sample_release() -> Path:
    """The real ANTARA release from ../shared/samples."""
    return shared_path("samples", "antara-kaltara-pilkada-2024.txt")
