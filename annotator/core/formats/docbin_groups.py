"""Span groups of many Docs packed at once, as spaCy's ``SpanGroups.to_bytes`` packs them.

spaCy packs a Doc's span group as a msgpack map (its name, its attributes
and its spans, each a ``struct`` of seven numbers) inside a map from those
bytes to the group's keys. :func:`packed_groups` makes the spans of a whole
file one numpy array of such structs and frames each Doc's part: the bytes
``to_bytes`` gives, which the DocBin writer checks against spaCy's own once
a process before it uses them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

_BIN8 = 0xC4  # msgpack: binary of up to 255 bytes, its size in one byte
_ITEM = [  # a span as SpanGroup.to_bytes packs it (">QQQllll"), as a msgpack binary
    ("bin8", "u1"),
    ("size", "u1"),
    ("id", ">u8"),
    ("kb_id", ">u8"),
    ("label", ">u8"),
    ("start", ">i4"),
    ("end", ">i4"),
    ("start_char", ">i4"),
    ("end_char", ">i4"),
]
_SPAN_SIZE = 40  # bytes of the struct
_COLUMNS = ("label", "start", "end", "start_char", "end_char")  # the ones given


def packed_groups(key: str, counts: Sequence[int], spans: Sequence[Any]) -> list[bytes]:
    """``SpanGroups.to_bytes()`` of Docs whose only group, ``key``, holds ``counts[i]``
    spans, the spans of all Docs given in order as five arrays: label hashes, first
    token, token end, start and end character."""
    import numpy as np

    items = np.zeros(len(spans[0]), dtype=_ITEM)
    items["bin8"], items["size"] = _BIN8, _SPAN_SIZE
    for name, column in zip(_COLUMNS, spans, strict=True):
        items[name] = column
    whole, width = items.tobytes(), items.dtype.itemsize
    head = _map(3) + _str("name") + _str(key) + _str("attrs") + _map(0) + _str("spans")
    tail = _array(1) + _str(key)
    starts: dict[int, bytes] = {}  # what comes before the spans, by their count
    out, at = [], 0
    for count in counts:
        start = starts.get(count)
        if start is None:
            size = len(head) + len(_array(count)) + count * width  # of the group's bytes
            start = starts[count] = _map(1) + _bin(size) + head + _array(count)
        out.append(b"".join((start, whole[at : at + count * width], tail)))
        at += count * width
    return out


def _map(size: int) -> bytes:
    return bytes((0x80 | size,)) if size < 16 else b"\xde" + size.to_bytes(2, "big")


def _str(text: str) -> bytes:
    data = text.encode()
    size = len(data)
    if size < 32:
        return bytes((0xA0 | size,)) + data
    return (b"\xd9" + bytes((size,)) if size < 256 else b"\xda" + size.to_bytes(2, "big")) + data


def _array(size: int) -> bytes:
    if size < 16:
        return bytes((0x90 | size,))
    if size < 1 << 16:
        return b"\xdc" + size.to_bytes(2, "big")
    return b"\xdd" + size.to_bytes(4, "big")


def _bin(size: int) -> bytes:
    if size < 1 << 8:
        return bytes((_BIN8, size))
    if size < 1 << 16:
        return b"\xc5" + size.to_bytes(2, "big")
    return b"\xc6" + size.to_bytes(4, "big")
