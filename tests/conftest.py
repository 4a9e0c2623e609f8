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
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point data and config directories at tmp_path; clear a stray ANNOTATOR_DB."""
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ANNOTATOR_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("ANNOTATOR_DB", raising=False)


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


def _fresh_pg_database(base_url: str) -> tuple[str, object]:
    """Create an empty database on the test server; return its URL and a dropper."""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"annotator_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return make_url(base_url).set(database=name).render_as_string(False), drop


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a SQLite file, and the real PostgreSQL when CI runs one."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    base = os.environ.get("ANNOTATOR_TEST_PG_URL")
    if not base:
        pytest.skip("ANNOTATOR_TEST_PG_URL is not set (.ci/run starts a PostgreSQL server)")
    url, drop = _fresh_pg_database(base)
    yield url
    drop()  # type: ignore[operator]


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A SQLite file URL in the test's private directory."""
    return f"sqlite:///{tmp_path / 'test.db'}"
