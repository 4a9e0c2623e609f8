"""The command line: a thin layer over the services (the sqlite-utils pattern).

``annotator`` alone opens the window. Exit codes: 0 success, 1 when anything
was rejected or not found, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from annotator import __version__
from annotator.cli import data, export, gui_cmds, kb, schema_cmds
from annotator.cli.common import CliError


def build_parser() -> argparse.ArgumentParser:
    """The parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Label press releases and news as training data.",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    parser.add_argument(
        "--smoke-test", action="store_true", help="check this build end to end offscreen, exit"
    )
    parser.add_argument(
        "--exit-when-shown",
        action="store_true",
        help="open the window, print when it is shown, exit (start-up benchmark)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    data.register(sub)
    data.register_duplicates(sub)
    export.register(sub)
    kb.register(sub)
    schema_cmds.register(sub)
    gui_cmds.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; with none, open the window."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["--smoke-test"]:
        from annotator.smoke import run_smoke_test

        return run_smoke_test()
    if args_list[:1] == ["--exit-when-shown"]:
        from annotator.window_probe import open_and_exit

        return open_and_exit(args_list[1:])
    window_opts = ("--db", "--project", "--annotator", "--doc", "--lang")
    window_only = not args_list or args_list[0].split("=")[0] in window_opts
    if window_only and not {"-h", "--help", "--version"} & set(args_list):
        from annotator.app import main as gui_main

        return gui_main(args_list)
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except CliError as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("annotator: interrupted", file=sys.stderr)
        return 130
