"""Gazetteer files: known names with their types, to seed the knowledge base.

Four layouts: TSV (``alias<TAB>type[<TAB>canonical name]``), CSV (a header
with ``alias``/``name``, ``type``/``label`` and optional ``canonical``,
``description``, ``external_id``; or the TSV columns without a header), JSONL
(one object a line with the same keys) and Prodigy patterns
(``{"label": "ORG", "pattern": "Polda Kaltara"}``, or a token pattern
``[{"lower": "polda"}, {"orth": "Kaltara"}]``). A bad line is a
:class:`Problem` named by file and line; nothing is half-read.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.formats.base import Problem

FORMATS = ("tsv", "csv", "jsonl", "patterns")
_ALIAS_KEYS = ("alias", "name", "text", "surface")
_TYPE_KEYS = ("type", "label")
_TOKEN_KEYS = ("orth", "text", "lower", "norm")


@dataclass(frozen=True, slots=True)
class GazetteerRow:
    """One known name: an alias of type ``type``, of the entity ``canonical`` if given."""

    alias: str
    type: str
    canonical: str | None = None
    description: str = ""
    external_id: str | None = None
    line: int = 0


def guess_format(path: Path) -> str:
    """The layout a file's extension suggests; patterns when JSONL lines hold a pattern."""
    suffix = path.suffix.lower()
    if suffix == ".tsv" or suffix == ".txt":
        return "tsv"
    if suffix == ".csv":
        return "csv"
    with path.open(encoding="utf-8-sig") as handle:
        for line in handle:
            if line.strip():
                return "patterns" if '"pattern"' in line else "jsonl"
    return "jsonl"


def read_gazetteer(path: Path, fmt: str | None = None) -> tuple[list[GazetteerRow], list[Problem]]:
    """Every row of a gazetteer file, and the problems of its bad lines."""
    fmt = fmt or guess_format(path)
    if fmt not in FORMATS:
        raise ValueError(f"unknown gazetteer format {fmt!r} (one of {', '.join(FORMATS)})")
    text = path.read_text(encoding="utf-8-sig")
    rows: list[GazetteerRow] = []
    problems: list[Problem] = []
    items: Iterable[tuple[int, Any]]
    if fmt == "csv":
        items = _csv_items(text)
    elif fmt == "tsv":
        items = ((n, line.rstrip("\r").split("\t")) for n, line in _lines(text))
    else:
        items = ((n, _json(line)) for n, line in _lines(text))
    for number, item in items:
        try:
            rows.append(_row(item, fmt, number))
        except ValueError as exc:
            problems.append(Problem(str(path), str(exc), number))
    return rows, problems


def _lines(text: str) -> list[tuple[int, str]]:
    return [
        (n, line)
        for n, line in enumerate(text.split("\n"), start=1)
        if line.strip() and not line.startswith("#")
    ]


def _json(line: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        return ValueError(f"not JSON: {exc.msg}")


def _csv_items(text: str) -> list[tuple[int, Any]]:
    reader = csv.reader(io.StringIO(text))
    rows = [(reader.line_num, r) for r in reader if any(c.strip() for c in r)]
    if not rows:
        return []
    header = [c.strip().casefold() for c in rows[0][1]]
    if not {"alias", "name", "text", "surface"} & set(header):
        return rows
    items: list[tuple[int, Any]] = []
    for number, cells in rows[1:]:
        if len(cells) != len(header):
            items.append(
                (number, ValueError(f"{len(cells)} columns, the header has {len(header)}"))
            )
        else:
            items.append((number, dict(zip(header, cells, strict=True))))
    return items


def _row(item: Any, fmt: str, line: int) -> GazetteerRow:
    if isinstance(item, ValueError):
        raise item
    if isinstance(item, list):
        return _columns(item, line)
    if not isinstance(item, dict):
        raise ValueError("expected a JSON object")
    if fmt == "patterns":
        return _pattern(item, line)
    alias = _first(item, _ALIAS_KEYS)
    type_ = _first(item, _TYPE_KEYS)
    if not alias or not type_:
        raise ValueError("needs an alias (or name) and a type (or label)")
    canonical = item.get("canonical") or item.get("canonical_name") or None
    ext = item.get("external_id") or item.get("qid") or item.get("id") or None
    return GazetteerRow(
        alias, type_, _str_or_none(canonical), str(item.get("description") or ""),
        _str_or_none(ext), line,
    )  # fmt: skip


def _columns(cells: list[str], line: int) -> GazetteerRow:
    cells = [c.strip() for c in cells]
    if len(cells) < 2 or len(cells) > 3 or not cells[0] or not cells[1]:
        raise ValueError("expected alias<TAB>type[<TAB>canonical name]")
    canonical = cells[2] if len(cells) == 3 and cells[2] else None
    return GazetteerRow(cells[0], cells[1], canonical, line=line)


def _pattern(item: dict[str, Any], line: int) -> GazetteerRow:
    label, pattern = item.get("label"), item.get("pattern")
    if not isinstance(label, str) or not label.strip():
        raise ValueError("a pattern needs a label")
    if isinstance(pattern, str) and pattern.strip():
        alias = pattern.strip()
    elif isinstance(pattern, list) and pattern:
        alias = " ".join(_token(tok) for tok in pattern)
    else:
        raise ValueError("a pattern needs a phrase or a list of token patterns")
    ext = item.get("id")
    return GazetteerRow(alias, label.strip(), external_id=_str_or_none(ext), line=line)


def _token(tok: Any) -> str:
    if isinstance(tok, dict):
        for key in _TOKEN_KEYS:
            for found_key, value in tok.items():
                if found_key.casefold() == key and isinstance(value, str) and value:
                    return value
    raise ValueError(f"token pattern {json.dumps(tok)} has no literal text (ORTH, TEXT, LOWER)")


def _first(item: dict[str, Any], keys: tuple[str, ...]) -> str:
    for key in keys:
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _str_or_none(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)
