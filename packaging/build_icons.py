"""Render the app icon from its SVG source: PNG sizes, a Windows .ico, a macOS .icns.

Usage: ``python packaging/build_icons.py [--svg resources/icons/annotator.svg]
[--out build/icons]``. Writes ``png/annotator-<n>.png`` for every size in
``PNG_SIZES``, ``annotator.ico`` and ``annotator.icns`` (both containers hold
PNG payloads). The outputs are build products and are never committed.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns element types holding PNG data, and the pixel size each one wants.
ICNS_TYPES = {
    b"icp4": 16,
    b"icp5": 32,
    b"icp6": 64,
    b"ic07": 128,
    b"ic08": 256,
    b"ic09": 512,
    b"ic10": 1024,
    b"ic11": 32,
    b"ic12": 64,
    b"ic13": 256,
    b"ic14": 512,
}


def render_pngs(svg: Path, sizes: Iterable[int]) -> dict[int, bytes]:
    """PNG bytes of ``svg`` rendered square at each size, antialiased, transparent."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"build_icons: {svg} is not a valid SVG")
    out: dict[int, bytes] = {}
    for size in sorted(set(sizes)):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub wants bytes
        out[size] = bytes(data.data())
    return out


def ico_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """A Windows icon file holding each PNG (sizes up to 256)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, payload = b"", b""
    for size in sizes:
        if size > 256:
            raise ValueError(f"an .ico entry cannot be {size} px")
        data = pngs[size]
        side = size % 256  # 256 is written as 0
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        payload += data
    return header + entries + payload


def icns_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """A macOS icon file with one PNG element per type in ``ICNS_TYPES``."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for kind, size in ICNS_TYPES.items()
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def build(svg: Path, out: Path) -> list[Path]:
    """Write every icon file under ``out``; the paths written."""
    pngs = render_pngs(svg, [*PNG_SIZES, *ICNS_TYPES.values()])
    (out / "png").mkdir(parents=True, exist_ok=True)
    written = []
    for size in PNG_SIZES:
        path = out / "png" / f"annotator-{size}.png"
        path.write_bytes(pngs[size])
        written.append(path)
    for name, data in (
        ("annotator.ico", ico_bytes({s: pngs[s] for s in ICO_SIZES})),
        ("annotator.icns", icns_bytes(pngs)),
    ):
        (out / name).write_bytes(data)
        written.append(out / name)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line entry."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=ROOT / "resources" / "icons" / "annotator.svg")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "icons")
    args = parser.parse_args(argv)
    written = build(args.svg, args.out)
    print(f"build_icons: {len(written)} files in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
