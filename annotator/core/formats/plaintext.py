"""Plain text and Markdown: one article a file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from annotator.core.formats.base import Problem, ReadItem, ReadOptions, Record, Severity
from annotator.core.model import Document
from annotator.core.textio import BinaryFileError, clean_raw_text, decode, is_blank

_MD_HEADING = re.compile(r"\A\s*#\s+(?P<title>[^\n]+)\n+")
_SEPARATORS = re.compile(r"[-_]+")
_NUMBERING = re.compile(r"^\d+[ .]+(?=\D)")


def read_text_file(path: Path) -> tuple[str | None, list[Problem]]:
    """Decode a whole file, returning its text (or ``None``) and any problems."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(str(path), f"cannot read: {exc.strerror or exc}")]
    return decode_file_data(path, data)


def decode_file_data(path: Path, data: bytes) -> tuple[str | None, list[Problem]]:
    """:func:`read_text_file` of bytes already read from ``path``."""
    if not data.strip():
        return None, [Problem(str(path), "empty file")]
    try:
        decoded = decode(data)
    except BinaryFileError as exc:
        return None, [Problem(str(path), str(exc))]
    problems = []
    if decoded.warning:
        problems.append(Problem(str(path), decoded.warning, severity=Severity.WARNING))
    return decoded.text, problems


def title_from_name(path: Path) -> str:
    """A readable title from a file name: ``01-apel_siaga.txt`` -> ``Apel siaga``."""
    words = _SEPARATORS.sub(" ", path.stem).strip()
    words = _NUMBERING.sub("", words)
    return words[:1].upper() + words[1:]


class PlainTextReader:
    """Reads ``.txt`` and ``.md`` files as one raw article each."""

    name: str = "text"
    extensions: tuple[str, ...] = (".txt", ".md", ".markdown", ".text")

    def sniff(self, path: Path, head: str) -> bool:
        return path.suffix.lower() in self.extensions

    def read(self, path: Path, options: ReadOptions) -> Iterator[ReadItem]:
        text, problems = read_text_file(path)
        yield from self._article(path, text, problems)

    def read_data(self, path: Path, data: bytes, options: ReadOptions) -> Iterator[ReadItem]:
        """:meth:`read` of the whole file's bytes, already read (when sniffing it)."""
        yield from self._article(path, *decode_file_data(path, data))

    @staticmethod
    def _article(path: Path, text: str | None, problems: list[Problem]) -> Iterator[ReadItem]:
        yield from problems
        if text is None:
            return
        text = clean_raw_text(text)
        if is_blank(text):
            yield Problem(str(path), "no text in file")
            return
        title = title_from_name(path)
        if path.suffix.lower() in (".md", ".markdown"):
            heading = _MD_HEADING.match(text)
            if heading:
                title = heading["title"].strip()
                text = text[heading.end() :]
        yield Record(Document(text=text, title=title, meta={"file": path.name}), str(path))


READER = PlainTextReader()
