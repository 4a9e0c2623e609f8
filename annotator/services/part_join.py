"""Joining the part files of a parallel export into one file, in order, as they come.

Each part is a whole file of its format (a head, its documents' bodies, a
tail). The first part ready in order becomes the target; the bodies of the
next are copied onto its end (in the kernel where it can) as soon as every
part before them is there, so joining overlaps the writing of later parts.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from annotator.services.export_part import ExportError

_COPY = 1 << 24  # bytes a copy call moves at most


@dataclass(frozen=True, slots=True)
class Frame:
    """What a format writes around its documents: ``head``, bodies joined by ``sep``, ``tail``."""

    head: bytes = b""
    sep: bytes = b""
    tail: bytes = b""


class PartJoiner:
    """The part files ``parts`` joined as ``target``, each when it and those before it are ready.

    Used as a context manager: leaving it without an error writes the tail.
    A joined part (but the first, which became ``target``) is removed.
    """

    def __init__(self, parts: Sequence[Path], target: Path, frame: Frame) -> None:
        self.parts, self.target, self.frame = parts, target, frame
        self._ready: set[int] = set()
        self._next = 0
        self._out: BinaryIO | None = None
        self._any_body = False

    def __enter__(self) -> PartJoiner:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, _e: BaseException | None, _t: TracebackType | None
    ) -> None:
        if self._out is None:
            return
        try:
            if kind is None:
                self._out.write(self.frame.tail)
        finally:
            self._out.close()

    def ready(self, n: int) -> None:
        """Part ``n`` is complete: join it, and the ready parts after it, if their turn came."""
        self._ready.add(n)
        while self._next in self._ready:
            self._join(self.parts[self._next])
            self._next += 1

    def _join(self, path: Path) -> None:
        frame = self.frame
        if self._out is None:
            os.replace(path, self.target)
            self._out = out = self.target.open("r+b", buffering=0)
            end = _body_end(out.fileno(), frame)
            self._any_body = end > len(frame.head)
            out.seek(end)
            out.truncate()
            return
        with path.open("rb", buffering=0) as part:
            length = _body_end(part.fileno(), frame) - len(frame.head)
            if length > 0:
                if self._any_body:
                    self._out.write(frame.sep)
                self._any_body = True
                copy_range(part.fileno(), self._out.fileno(), len(frame.head), length)
        path.unlink()


def _body_end(fd: int, frame: Frame) -> int:
    """Where the tail of a part file starts; raises if the part is not framed so."""
    size = os.fstat(fd).st_size
    end = size - len(frame.tail)
    framed = end >= len(frame.head) and _read_at(fd, end, size) == frame.tail
    if not framed or _read_at(fd, 0, len(frame.head)) != frame.head:
        raise ExportError(f"a part file is not framed by {frame.head!r} and {frame.tail!r}")
    return end


def _read_at(fd: int, start: int, stop: int) -> bytes:
    os.lseek(fd, start, os.SEEK_SET)
    return os.read(fd, stop - start) if stop > start else b""


def copy_range(src: int, dst: int, offset: int, length: int) -> None:
    """``length`` bytes of file ``src`` from ``offset`` written at ``dst``'s position."""
    if hasattr(os, "copy_file_range"):
        try:
            while length > 0:
                moved = os.copy_file_range(src, dst, min(length, _COPY), offset)
                if not moved:
                    raise ExportError("a part file ended early")
                offset, length = offset + moved, length - moved
        except OSError as exc:
            if exc.errno not in (errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
                raise
    os.lseek(src, offset, os.SEEK_SET)
    while length > 0:
        data = os.read(src, min(length, 1 << 20))
        if not data:
            raise ExportError("a part file ended early")
        length -= len(data)
        while data:
            data = data[os.write(dst, data) :]
