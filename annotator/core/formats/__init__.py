"""One module per format; each offers a ``READER`` (and later a ``WRITER``).

:func:`reader_for` picks the reader by ``--format`` name, else by content and
extension.
"""

from __future__ import annotations

import os
from pathlib import Path

from annotator.core.formats import (
    brat,
    conll,
    conll_writer,
    csvfile,
    doccano,
    inline,
    jsonarray,
    jsonl,
    labelstudio,
    native,
    plaintext,
    prodigy,
    spacy_fmt,
    spacy_jsonl,
)
from annotator.core.formats.base import (
    Problem,
    Reader,
    ReadItem,
    ReadOptions,
    Record,
    Severity,
    Writer,
)

# Specific pre-annotated readers first: the generic JSONL reader is the fallback.
READERS: dict[str, Reader] = {
    r.name: r
    for r in (
        native.READER,
        labelstudio.READER,
        prodigy.READER,
        doccano.READER,
        spacy_jsonl.READER,
        jsonarray.READER,
        csvfile.READER,
        jsonl.READER,
        brat.READER,
        conll.READER,
        inline.READER,
        plaintext.READER,
    )
}

WRITERS: dict[str, Writer] = {
    w.name: w
    for w in (
        native.WRITER,
        doccano.WRITER,
        labelstudio.WRITER,
        prodigy.WRITER,
        spacy_fmt.WRITER,
        spacy_fmt.DOCBIN_WRITER,
        conll_writer.WRITER,
        brat.WRITER,
        inline.WRITER,
    )
}

__all__ = [
    "READERS",
    "WRITERS",
    "Problem",
    "ReadItem",
    "ReadOptions",
    "Reader",
    "Record",
    "Severity",
    "detect",
    "reader_for",
]


class UnknownFormatError(ValueError):
    """No reader matches the file, or the named format does not exist."""


SNIFF_BYTES = 4096
WHOLE_FILE_BYTES = 1 << 16


def detect(path: Path, name: str | None = None) -> tuple[Reader, bytes | None]:
    """:func:`reader_for`, with the file's bytes when it is small enough to be read whole.

    Sniffing reads the start of the file anyway; a file of under 64 KB (an
    article) is read whole at once, so its reader need not open it again.
    """
    if name is not None:
        return reader_for(path, name), None
    data = _first_bytes(path, WHOLE_FILE_BYTES)
    head = data[:SNIFF_BYTES].decode("utf-8", errors="replace")
    return _sniffed(path, head), data if len(data) < WHOLE_FILE_BYTES else None


def reader_for(path: Path, name: str | None = None) -> Reader:
    """The reader for ``path``: the one named, else the first that sniffs it."""
    if name is not None:
        try:
            return READERS[name]
        except KeyError:
            known = ", ".join(sorted(READERS))
            raise UnknownFormatError(f"unknown format {name!r} (known: {known})") from None
    head = _first_bytes(path, SNIFF_BYTES).decode("utf-8", errors="replace")
    return _sniffed(path, head)


def _first_bytes(path: Path, size: int) -> bytes:
    """Up to ``size`` bytes from the start of ``path`` (os.read: half the cost of open())."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        return os.read(fd, size)
    finally:
        os.close(fd)


def _sniffed(path: Path, head: str) -> Reader:
    """The reader whose extensions and sniffing match first, else plain text."""
    suffix = path.suffix.lower()
    for reader in READERS.values():
        if suffix in reader.extensions and reader.sniff(path, head):
            return reader
    for reader in READERS.values():
        if reader.sniff(path, head):
            return reader
    return plaintext.READER
