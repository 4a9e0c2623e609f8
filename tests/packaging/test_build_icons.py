"""The icon rendered from the SVG: every PNG size, a Windows .ico and a macOS .icns."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from build_icons import ICNS_TYPES, ICO_SIZES, PNG_SIZES, build

SVG = Path(__file__).resolve().parents[2] / "resources" / "icons" / "annotator.svg"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture(scope="module")
def icons(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("icons")
    build(SVG, out)
    return out


def test_every_png_size_is_rendered_square_and_not_blank(icons: Path) -> None:
    for size in PNG_SIZES:
        data = (icons / "png" / f"annotator-{size}.png").read_bytes()
        assert _png_size(data) == (size, size)
    assert len((icons / "png" / "annotator-512.png").read_bytes()) > 5_000


def test_ico_directory_points_at_each_png(icons: Path) -> None:
    data = (icons / "annotator.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(ICO_SIZES))
    for i, size in enumerate(ICO_SIZES):
        width, height, _, _, _, bpp, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        assert (width, height, bpp) == (size % 256, size % 256, 32)
        assert _png_size(data[offset : offset + length]) == (size, size)


def test_icns_elements_hold_pngs_of_their_type_size(icons: Path) -> None:
    data = (icons / "annotator.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    seen, pos = {}, 8
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack(">I", data[pos + 4 : pos + 8])[0]
        seen[kind] = _png_size(data[pos + 8 : pos + length])
        pos += length
    assert seen == {kind: (size, size) for kind, size in ICNS_TYPES.items()}
