"""export: labelled data in the formats people train with."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator.cli.common import CliError, add_common, open_workspace
from annotator.cli.progress import ProgressBar
from annotator.core.model import Status
from annotator.services.export import (
    ExportError,
    ExportRequest,
    Split,
    export,
    format_names,
)
from annotator.store.selection import Selection


def register(sub: Any) -> None:
    """Add ``export`` to the subparsers ``sub``."""
    p = sub.add_parser("export", help="export labelled documents")
    p.add_argument(
        "--format",
        required=True,
        choices=format_names(),
        help="jsonl is the native record; see the README for each format",
    )
    p.add_argument("--out", required=True, type=Path, help="output file (a folder for brat)")
    p.add_argument(
        "--status", default="done", help="comma-separated statuses, or 'all' (default: done)"
    )
    p.add_argument("--label", action="append", default=[], help="only these labels (repeat)")
    p.add_argument("--annotated-by", metavar="NAME", help="only work of this annotator")
    p.add_argument("--since", metavar="DATE", help="published on or after (ISO date)")
    p.add_argument("--until", metavar="DATE", help="published on or before (ISO date)")
    p.add_argument("--source", help="only this source or agency")
    p.add_argument("--split", metavar="TRAIN,DEV,TEST", help="ratios, e.g. 0.8,0.1,0.1")
    p.add_argument("--seed", type=int, default=13, help="seed of the split (default: 13)")
    p.add_argument(
        "--duplicates-together",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="keep near-duplicates (syndicated copies) in one part of the split (default: yes)",
    )
    p.add_argument(
        "--with-suggestions", action="store_true", help="write pending suggestions beside the spans"
    )
    p.add_argument(
        "--without-pending",
        action="store_true",
        help="leave out documents with pending suggestions",
    )
    p.add_argument(
        "--label-priority",
        default="",
        help="for CoNLL: which label wins an overlap, e.g. PER,ORG,LOC",
    )
    add_common(p)
    p.set_defaults(func=cmd_export)


def _statuses(value: str) -> tuple[str, ...] | None:
    if value == "all":
        return None
    names = tuple(s.strip() for s in value.split(",") if s.strip())
    known = {s.value for s in Status}
    bad = [n for n in names if n not in known]
    if bad:
        raise CliError(
            f"unknown status {', '.join(bad)} (known: all, {', '.join(sorted(known))})", 2
        )
    return names


def _split(value: str | None, seed: int, together: bool) -> Split | None:
    if not value:
        return None
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError:
        raise CliError(f"--split takes three numbers, got {value!r}", 2) from None
    if len(parts) != 3:
        raise CliError(f"--split takes three numbers, got {value!r}", 2)
    return Split((parts[0], parts[1], parts[2]), seed, together)


def cmd_export(args: argparse.Namespace) -> int:
    """Export and print what was written and what the format dropped."""
    selection = Selection(
        statuses=_statuses(args.status),
        annotator=args.annotated_by,
        date_from=args.since,
        date_to=args.until,
        source=args.source,
        labels=tuple(args.label),
        without_pending=args.without_pending,
    )
    request = ExportRequest(
        args.format,
        args.out,
        selection,
        _split(args.split, args.seed, args.duplicates_together),
        args.with_suggestions,
        tuple(x for x in args.label_priority.split(",") if x),
    )
    ws = open_workspace(args)
    bar = ProgressBar("exporting")
    try:
        result = export(ws, request, progress=bar.update)
    except (ExportError, OSError) as exc:
        raise CliError(str(exc)) from exc
    finally:
        bar.close()
        ws.close()
    for path, report in result.outputs.items():
        print(f"{report.documents} documents, {report.spans} spans -> {path}")
        dropped, changed = report.split()
        for reason, count in dropped:
            print(f"  dropped {count} {reason}", file=sys.stderr)
        for reason, count in changed:
            print(f"  kept {count} {reason}", file=sys.stderr)
        for note in report.notes:
            print(f"  {note}", file=sys.stderr)
    return 0
