"""kb and preannotate: the knowledge base and pre-annotation from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator.cli.common import CliError, add_common, emit, open_workspace
from annotator.cli.progress import ProgressBar
from annotator.core.gazetteer import FORMATS
from annotator.services.knowledge import KnowledgeBase
from annotator.services.preannotate import Review


def register(sub: Any) -> None:
    """Add ``kb`` and ``preannotate`` to the subparsers ``sub``."""
    kb = sub.add_parser("kb", help="the knowledge base of known names")
    kb_sub = kb.add_subparsers(dest="kb_command", metavar="ACTION", required=True)
    imp = kb_sub.add_parser("import", help="add a gazetteer (TSV, CSV, JSONL, Prodigy patterns)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--format", choices=FORMATS, help="default: from the file's extension")
    imp.set_defaults(func=cmd_import)
    exp = kb_sub.add_parser("export", help="write every entity as JSON lines")
    exp.add_argument("--out", required=True, type=Path)
    exp.set_defaults(func=cmd_export)
    sug = kb_sub.add_parser("suggest", help="rank known entities for a text (JSON lines)")
    sug.add_argument("text", nargs="?", help="the query (or --stdin)")
    sug.add_argument("--stdin", action="store_true", help="one query per input line")
    sug.add_argument("--type", help="only entities of this type")
    sug.add_argument("--limit", type=int, default=10)
    sug.add_argument("--min-score", type=float, default=60.0)
    sug.set_defaults(func=cmd_suggest)
    for p in (imp, exp, sug):
        add_common(p)
    pre = sub.add_parser("preannotate", help="store pending suggestions of known names")
    which = pre.add_mutually_exclusive_group(required=True)
    which.add_argument("--doc", type=int, action="append", help="a document id (repeat)")
    which.add_argument("--all", action="store_true", help="every document of the project")
    pre.add_argument("--min-score", type=float, default=85.0)
    pre.add_argument("--exact-only", action="store_true", help="no fuzzy matches")
    add_common(pre)
    pre.set_defaults(func=cmd_preannotate)


def cmd_import(args: argparse.Namespace) -> int:
    """Import a gazetteer; bad lines named, nothing added when any."""
    if not args.file.is_file():
        raise CliError(f"{args.file}: no such file")
    ws = open_workspace(args)
    try:
        summary = KnowledgeBase(ws).import_gazetteer(args.file, args.format)
    finally:
        ws.close()
    for problem in summary.problems:
        print(str(problem), file=sys.stderr)
    if summary.problems:
        print(f"{len(summary.problems)} bad lines; nothing imported", file=sys.stderr)
        return 1
    print(f"{summary.rows} names read, {summary.entities_added} entities added", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Export the knowledge base as JSONL."""
    ws = open_workspace(args)
    try:
        n = KnowledgeBase(ws).export_jsonl(args.out)
    finally:
        ws.close()
    print(f"{n} entities written to {args.out}", file=sys.stderr)
    return 0


def cmd_suggest(args: argparse.Namespace) -> int:
    """Print the ranking of one query, or of every line of stdin, best first."""
    if not args.stdin and args.text is None:
        raise CliError("give a TEXT or --stdin", 2)
    ws = open_workspace(args)
    try:
        kb = KnowledgeBase(ws)
        queries = (line.rstrip("\n") for line in sys.stdin) if args.stdin else [args.text]
        for query in queries:
            for c in kb.rank(query, args.type, args.limit, args.min_score):
                emit(
                    {
                        "query": query,
                        "entity": c.entity_id,
                        "name": c.name,
                        "type": c.type,
                        "alias": c.alias,
                        "score": c.score,
                    }
                )
            if args.stdin:
                sys.stdout.write("\n")
                sys.stdout.flush()
    finally:
        ws.close()
    return 0


def cmd_preannotate(args: argparse.Namespace) -> int:
    """Pre-annotate documents with a progress bar and a summary."""
    ws = open_workspace(args)
    bar = ProgressBar("preannotate")
    try:
        review = Review(ws)
        summary = review.preannotate(
            None if args.all else args.doc,
            args.min_score,
            not args.exact_only,
            progress=bar.update,
        )
    finally:
        bar.close()
        ws.close()
    print(
        f"{summary.suggestions} suggestions stored for {summary.documents} documents",
        file=sys.stderr,
    )
    return 0
