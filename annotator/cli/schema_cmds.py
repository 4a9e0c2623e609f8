"""schema export / schema import: the label schema as a JSON file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator.cli.common import CliError, add_common, open_workspace
from annotator.services.schema import SchemaEditor, SchemaFileError


def register(sub: Any) -> None:
    """Add ``schema export`` and ``schema import`` to the subparsers ``sub``."""
    schema = sub.add_parser("schema", help="the label schema as JSON")
    actions = schema.add_subparsers(dest="schema_command", metavar="ACTION", required=True)
    exp = actions.add_parser("export", help="write the schema (labels, event roles) as JSON")
    exp.add_argument("--out", required=True, type=Path)
    exp.set_defaults(func=cmd_export)
    imp = actions.add_parser("import", help="merge a JSON schema: add labels, update keys")
    imp.add_argument("file", type=Path)
    imp.set_defaults(func=cmd_import)
    for p in (exp, imp):
        add_common(p)


def cmd_export(args: argparse.Namespace) -> int:
    """Write the project's schema to --out."""
    ws = open_workspace(args)
    try:
        editor = SchemaEditor(ws)
        editor.export_json(args.out)
        count = len(editor.schema().labels)
    except OSError as exc:
        raise CliError(f"cannot write {args.out}: {exc}") from exc
    finally:
        ws.close()
    print(f"{count} labels written to {args.out}", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Merge the schema file into the project's schema."""
    ws = open_workspace(args)
    try:
        result = SchemaEditor(ws).import_json(args.file)
    except SchemaFileError as exc:
        raise CliError(str(exc)) from exc
    finally:
        ws.close()
    print(f"added: {', '.join(result.added) or 'none'}")
    print(f"updated: {', '.join(result.updated) or 'none'}")
    return 0
