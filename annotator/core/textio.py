"""Turning bytes into the text an article is stored as."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


class BinaryFileError(ValueError):
    """Raised for content that is not text at all."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and, when a fallback encoding was used, a warning."""

    text: str
    encoding: str
    warning: str | None = None


def looks_binary(data: bytes) -> bool:
    """Whether ``data`` is a binary file (NUL bytes or mostly control bytes)."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls / len(head) > 0.1


def decode(data: bytes) -> Decoded:
    """Decode file bytes: UTF-8 (BOM stripped), else cp1252 with a warning.

    Raises:
        BinaryFileError: the bytes are not text.
    """
    if looks_binary(data):
        raise BinaryFileError("binary file, not text")
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError as exc:
        where = f"byte at offset {exc.start}"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        return Decoded(text, "latin-1", f"not UTF-8 (first bad {where}); read as Latin-1")
    return Decoded(text, "cp1252", f"not UTF-8 (first bad {where}); read as Windows-1252")


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a leading BOM goes."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def clean_raw_text(text: str) -> str:
    """The one normalisation a raw-text import applies before storing."""
    return normalise_newlines(text).strip("\n")


def fold(text: str) -> str:
    """``text`` NFC-normalised, its white space runs folded to single spaces.

    Most articles only have single spaces and single line breaks between
    words; for those, replacing the line breaks is enough (a printable string
    holds no white space but the ASCII space), which spares splitting the text
    into words.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    flat = text.replace("\n", " ")
    if _printable(flat) and "  " not in flat and flat[:1] != " " and flat[-1:] != " ":
        return flat
    return " ".join(text.split())


_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))


def _printable(text: str) -> bool:
    """``text.isprintable()``, found for ASCII text by deleting its printable bytes
    (2 µs for 3 KB, against 12: isprintable looks up every character)."""
    if text.isascii():
        return not text.encode("ascii").translate(None, _PRINTABLE_ASCII)
    return text.isprintable()


def content_hash(text: str, folded: str | None = None) -> str:
    """The identity of an article's text, for skipping re-imports.

    NFC-normalised and whitespace-folded, so the same article saved with other
    line endings or trailing spaces is still recognised. ``folded`` is
    ``fold(text)`` when the caller has it already.
    """
    folded = fold(text) if folded is None else folded
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def is_blank(text: str) -> bool:
    """Whether nothing but white space and control characters remains."""
    return not text.strip() or all(ch.isspace() or ch in _CONTROL_OK for ch in text)
