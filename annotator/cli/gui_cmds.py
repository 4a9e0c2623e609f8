"""screenshot: the main window rendered offscreen to a PNG."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from annotator.cli.common import CliError, add_common, open_workspace


def _size(value: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in value.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, got {value!r}") from None
    return w, h


def register(sub: Any) -> None:
    """Add the GUI commands to the subparsers ``sub``."""
    p = sub.add_parser("screenshot", help="render the window offscreen to a PNG")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.png")
    p.add_argument("--doc", type=int, metavar="ID", help="document to open (default: the first)")
    p.add_argument("--size", type=_size, default=(1400, 900), metavar="WxH")
    add_common(p)
    p.set_defaults(func=cmd_screenshot)


def cmd_screenshot(args: argparse.Namespace) -> int:
    """Save the window with a document open."""
    from annotator.gui.screenshot import render

    ws = open_workspace(args)
    try:
        if args.doc is not None and ws.document(args.doc) is None:
            raise CliError(f"no document {args.doc} in project {ws.project.name}")
        render(ws, args.out, args.doc, args.size)
    finally:
        ws.close()
    print(args.out)
    return 0
