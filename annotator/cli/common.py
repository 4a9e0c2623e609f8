"""What every command shares: --db and --project, JSON output, errors."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from annotator.services.workspace import DEFAULT_PROJECT, Workspace


class CliError(Exception):
    """A failure to report in one line, with an exit code."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def add_common(parser: argparse.ArgumentParser) -> None:
    """Add --db and --project to a subcommand."""
    parser.add_argument(
        "--db",
        metavar="URL",
        help="SQLAlchemy URL or SQLite file (default: ANNOTATOR_DB, "
        "else annotator.db in the user data directory)",
    )
    parser.add_argument(
        "--project",
        metavar="NAME",
        default=DEFAULT_PROJECT,
        help="project to work in; created when first named (default: %(default)s)",
    )
    parser.add_argument("--annotator", metavar="NAME", help="who is working (recorded)")


def db_url(value: str | None) -> str | None:
    """A URL from --db: a bare path means a SQLite file."""
    if value is None or "://" in value:
        return value
    return f"sqlite:///{value}"


def open_workspace(args: argparse.Namespace) -> Workspace:
    """The workspace the common options name."""
    try:
        return Workspace.open(db_url(args.db), args.project, args.annotator, _say_upgrading)
    except Exception as exc:  # a bad URL or unreachable server: one line, no traceback
        raise CliError(f"cannot open database {args.db or 'default'}: {exc}") from exc


UPGRADING = (
    "Updating the database for this version of Annotator "
    "(once; it can take a minute for a large collection)..."
)


def _say_upgrading() -> None:
    print(UPGRADING, file=sys.stderr, flush=True)


def emit(obj: Any) -> None:
    """Print one JSON object on one line."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
