"""Where Annotator keeps its files: the one platformdirs wrapper.

``ANNOTATOR_DATA_DIR`` and ``ANNOTATOR_CONFIG_DIR`` override the platform's
directories (tests and portable installs use them).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import PlatformDirs

from annotator import APP_ID, ORG_NAME

_DIRS = PlatformDirs(APP_ID, ORG_NAME)


def _dir(env: str, default: str) -> Path:
    path = Path(os.environ.get(env) or default)
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """The user data directory (the default database lives here)."""
    return _dir("ANNOTATOR_DATA_DIR", _DIRS.user_data_dir)


def config_dir() -> Path:
    """The user configuration directory (settings)."""
    return _dir("ANNOTATOR_CONFIG_DIR", _DIRS.user_config_dir)


def log_dir() -> Path:
    """Where logs go: beside the data when overridden, else the platform's."""
    if os.environ.get("ANNOTATOR_DATA_DIR") and not os.environ.get("ANNOTATOR_LOG_DIR"):
        return _dir("ANNOTATOR_LOG_DIR", str(data_dir() / "logs"))
    return _dir("ANNOTATOR_LOG_DIR", _DIRS.user_log_dir)


def default_db_url() -> str:
    """``ANNOTATOR_DB`` if set, else the SQLite file in the data directory."""
    return os.environ.get("ANNOTATOR_DB") or f"sqlite:///{data_dir() / 'annotator.db'}"


def resources_dir() -> Path:
    """The shipped resources: beside the package, or inside a frozen bundle."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base / "resources"
