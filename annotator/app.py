"""Composition root of the desktop app: arguments, logging, store, window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The window's own options."""
    parser = argparse.ArgumentParser(prog="annotator", description="Open the Annotator window.")
    parser.add_argument("--db", metavar="URL", help="SQLAlchemy URL or SQLite file")
    parser.add_argument("--project", metavar="NAME", help="project to open")
    return parser.parse_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window (the workbench is being built)."""
    parse_args(sys.argv[1:] if argv is None else argv)
    print("annotator: the annotation window is not built yet; use the subcommands "
          "(annotator --help).", file=sys.stderr)
    return 0
