"""import, list, show, stats."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator.cli.common import CliError, add_common, emit, open_workspace
from annotator.cli.progress import ProgressBar
from annotator.core.formats import READERS, ReadOptions
from annotator.core.model import Status
from annotator.services.importing import Progress
from annotator.services.knowledge import KnowledgeBase


def register(sub: Any) -> None:
    """Add the data commands to the subparsers ``sub``."""
    p = sub.add_parser("import", help="import files and folders of articles")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--format", choices=sorted(READERS), help="input format (default: detect)")
    p.add_argument("--text-field", help="name of the text field or column")
    p.add_argument("--strict", action="store_true", help="reject labels not in the schema")
    p.add_argument("--raw", action="store_true", help="keep press-release boilerplate in the body")
    add_common(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list", help="list documents")
    p.add_argument("--status", choices=[s.value for s in Status])
    p.add_argument("--json", action="store_true", help="one JSON object a line")
    p.add_argument("--limit", type=int)
    add_common(p)
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="show one document as its native record")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true", help="the native JSON record")
    add_common(p)
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("stats", help="counts by status, label, event type and role")
    p.add_argument("--json", action="store_true")
    add_common(p)
    p.set_defaults(func=cmd_stats)


def cmd_import(args: argparse.Namespace) -> int:
    """Import and print a summary; exit 1 when anything was rejected."""
    ws = open_workspace(args)
    bar = ProgressBar("importing")

    def show(p: Progress) -> None:
        bar.update(p.files_done, p.files_total, f"{p.documents} docs  {Path(p.current).name}")

    options = ReadOptions(
        text_field=args.text_field, strict=args.strict, press_release=not args.raw
    )
    try:
        summary = ws.import_paths(args.paths, args.format, options, progress=show)
        if summary.imported:
            KnowledgeBase(ws).warm()
    finally:
        bar.close()
        ws.close()
    for warning in summary.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for problem in summary.problems:
        print(f"rejected: {problem}", file=sys.stderr)
    if summary.labels_added:
        print(f"labels added to the schema: {', '.join(summary.labels_added)}", file=sys.stderr)
    if summary.near_duplicates:
        repeating = len({d.doc_id for d in summary.near_duplicates})
        print(
            f"{repeating} new document(s) nearly repeat stored ones "
            "(annotator duplicates lists them)",
            file=sys.stderr,
        )
    print(
        f"{summary.imported} imported, {summary.skipped} skipped (already there), "
        f"{summary.rejected} rejected, from {summary.files} file(s)"
    )
    return 1 if summary.rejected else 0


def cmd_list(args: argparse.Namespace) -> int:
    """Print the documents, as JSON lines or a table."""
    ws = open_workspace(args)
    try:
        rows = ws.list_documents(args.status, args.limit)
    finally:
        ws.close()
    for row in rows:
        if args.json:
            emit(
                {
                    "id": row.id,
                    "title": row.title,
                    "status": row.status,
                    "published_at": row.published_at,
                    "source": row.source,
                    "spans": row.span_count,
                }
            )
        else:
            print(f"{row.id:>7}  {row.status:<11} {row.span_count:>4}  {row.title[:70]}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """Print one document."""
    ws = open_workspace(args)
    try:
        doc = ws.document(args.id)
    finally:
        ws.close()
    if doc is None:
        raise CliError(f"no document {args.id} in project {args.project!r}")
    from annotator.services.records import native_record

    record = native_record(doc)
    if args.json:
        emit(record)
    else:
        print(f"# {doc.title}\n{doc.text}\n")
        for span in record["spans"]:
            print(f"{span['id']}\t{span['label']}\t{span['start']}-{span['end']}\t{span['text']}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Print counts (documents, statuses, spans, events, filled roles, work per day)."""
    from annotator.services.stats import project_stats

    ws = open_workspace(args)
    try:
        stats = project_stats(ws).as_json()
    finally:
        ws.close()
    if args.json:
        emit(stats)
    else:
        for key, value in stats.items():
            print(f"{key}: {value}")
    return 0


def register_duplicates(sub: Any) -> None:
    """Add ``duplicates`` to the subparsers ``sub``."""
    p = sub.add_parser("duplicates", help="list near-duplicate documents (syndicated copies)")
    p.add_argument("--json", action="store_true", help="one JSON object a line")
    add_common(p)
    p.set_defaults(func=cmd_duplicates)


def cmd_duplicates(args: argparse.Namespace) -> int:
    """Print pairs of near-duplicate documents, most similar first."""
    ws = open_workspace(args)
    try:
        pairs = ws.near_duplicates()
        titles = {r.id: r.title for r in ws.list_documents()} if pairs else {}
    finally:
        ws.close()
    for p in pairs:
        if args.json:
            emit({"id": p.doc_id, "duplicate_of": p.other, "similarity": round(p.similarity, 3)})
        else:
            print(
                f"{p.doc_id:>7} ~ {p.other:<7} {p.similarity:.2f}  {titles.get(p.doc_id, '')[:60]}"
            )
    if not args.json:
        print(f"{len(pairs)} near-duplicate pair(s)", file=sys.stderr)
    return 0
