"""A JSON array of article objects (``[{"text": ...}, ...]``), raw text.

Fields map as in JSON Lines (:func:`~annotator.core.formats.jsonl.document_from_object`):
``content``/``text``/... is the text, ``link``/``url`` the URL, the rest meta.
Problems name the array index and the line the item starts on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.formats.annotated import first_json_object
from annotator.core.formats.base import Problem, ReadItem, ReadOptions, Record
from annotator.core.formats.jsonl import TEXT_FIELDS, document_from_object
from annotator.core.formats.plaintext import read_text_file

_SPACE = re.compile(r"\s*")
ANNOTATION_KEYS = frozenset(
    {"label", "labels", "spans", "entities", "annotations", "predictions", "tokens", "relations"}
)


class _Lines:
    """Line numbers of offsets met in increasing order, counted once."""

    def __init__(self, text: str) -> None:
        self.text, self.pos, self.line = text, 0, 1

    def at(self, offset: int) -> int:
        self.line += self.text.count("\n", self.pos, offset)
        self.pos = offset
        return self.line


def iter_array(text: str, where: str) -> Iterator[tuple[int, int, Any] | Problem]:
    """``(index, line, value)`` of every item of a top-level JSON array."""
    decoder, lines = json.JSONDecoder(), _Lines(text)
    pos = _SPACE.match(text).end()  # type: ignore[union-attr]
    if not text.startswith("[", pos):
        yield Problem(where, "not a JSON array", lines.at(pos))
        return
    pos, index = pos + 1, 0
    while True:
        pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
        if text.startswith("]", pos):
            return
        try:
            value, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            message = f"item {index}: malformed JSON ({exc.msg}); reading stopped"
            yield Problem(where, message, lines.at(exc.pos), offset=exc.pos)
            return
        yield index, lines.at(pos), value
        pos = _SPACE.match(text, end).end()  # type: ignore[union-attr]
        if text.startswith(",", pos):
            pos, index = pos + 1, index + 1
        elif not text.startswith("]", pos):
            yield Problem(where, f"item {index}: expected , or ] after it", lines.at(pos))
            return


class JsonArrayReader:
    """Reads raw articles from one JSON array of objects."""

    name: str = "json"
    extensions: tuple[str, ...] = (".json",)

    def sniff(self, path: Path, head: str) -> bool:
        if not head.lstrip("\ufeff").lstrip().startswith("["):
            return False
        first = first_json_object(path, head)
        if first is None or ANNOTATION_KEYS.intersection(first):
            return False
        return any(isinstance(first.get(name), str) for name in TEXT_FIELDS)

    def read(self, path: Path, options: ReadOptions) -> Iterator[ReadItem]:
        text, problems = read_text_file(path)
        yield from problems
        if text is None:
            return
        where = str(path)
        for item in iter_array(text, where):
            if isinstance(item, Problem):
                yield item
                continue
            index, line, obj = item
            if not isinstance(obj, dict):
                yield Problem(where, f"item {index}: expected a JSON object", line)
                continue
            doc = document_from_object(obj, options)
            if isinstance(doc, str):
                yield Problem(where, f"item {index}: {doc}", line)
            else:
                yield Record(doc, where, line)


READER = JsonArrayReader()
