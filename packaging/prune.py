"""Leave out of the bundle what Annotator never loads, and the libraries only that needed.

Qt's wheels bring platform plugins for embedded screens (EGLFS, VNC, Linux
framebuffer), a GTK theme plugin that drags in half of GTK's stack (cairo,
pango, glib), and translations in ~30 languages; Annotator speaks English
and Indonesian and runs on X11, Wayland, Windows and macOS. A shared library
is dropped only when a dropped plugin needed it and no kept binary does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from fnmatch import fnmatch
from pathlib import PurePosixPath

Entry = tuple[str, str, str]  # PyInstaller TOC entry: (destination, source, type)

QT = "PySide6/Qt"
DROPPED_PLUGINS = (
    f"{QT}/plugins/platforms/libqeglfs.so",
    f"{QT}/plugins/platforms/libqlinuxfb.so",
    f"{QT}/plugins/platforms/libqminimalegl.so",
    f"{QT}/plugins/platforms/libqvnc.so",
    f"{QT}/plugins/platforms/libqvkkhrdisplay.so",
    f"{QT}/plugins/platformthemes/libqgtk3.so",
    f"{QT}/plugins/egldeviceintegrations/*",
    f"{QT}/plugins/generic/*",
)
KEPT_LANGUAGES = ("en", "id")
# Libraries that ``strip`` breaks: numpy's OpenBLAS then fails to load with "ELF load command
# address/offset not page-aligned" (pyinstaller/pyinstaller#9463)
UNSTRIPPED = ("numpy.libs/*",)


def _posix(dest: str) -> str:
    return str(PurePosixPath(*dest.replace("\\", "/").split("/")))


def _matches(dest: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch(_posix(dest), pattern) for pattern in patterns)


def prune_binaries(
    binaries: Sequence[Entry],
    deps: Callable[[str], set[str]],
    patterns: Sequence[str] = DROPPED_PLUGINS,
) -> tuple[list[Entry], list[str]]:
    """``binaries`` without the dropped plugins and libraries only they need.

    Args:
        binaries: the Analysis binaries.
        deps: file names of the shared libraries a binary loads (transitively).
        patterns: destinations (globs) of the plugins to drop.

    Returns:
        The kept entries and the destinations dropped.
    """
    dropped = [entry for entry in binaries if _matches(entry[0], patterns)]
    if not dropped:
        return list(binaries), []
    kept = [entry for entry in binaries if not _matches(entry[0], patterns)]
    wanted_by_dropped = set().union(*(deps(src) for _dest, src, _kind in dropped))
    libraries = {PurePosixPath(_posix(dest)).name for dest, _src, _kind in kept}
    candidates = wanted_by_dropped & libraries
    still_needed: set[str] = set()
    for dest, src, _kind in kept:
        if PurePosixPath(_posix(dest)).name not in candidates:
            still_needed |= deps(src)
    orphans = candidates - still_needed
    result = [e for e in kept if PurePosixPath(_posix(e[0])).name not in orphans]
    gone = [e[0] for e in dropped] + [e[0] for e in kept if e not in result]
    return result, gone


def prune_translations(datas: Sequence[Entry], keep: Sequence[str] = KEPT_LANGUAGES) -> list[Entry]:
    """``datas`` without Qt's catalogues in languages the app does not speak."""

    def wanted(dest: str) -> bool:
        path = PurePosixPath(_posix(dest))
        if not str(path).startswith(f"{QT}/translations/") or path.suffix != ".qm":
            return True
        return path.stem.rsplit("_", 1)[-1] in keep

    return [entry for entry in datas if wanted(entry[0])]


def unstripped(
    binaries: Sequence[Entry], patterns: Sequence[str] = UNSTRIPPED
) -> tuple[list[Entry], list[Entry]]:
    """``binaries`` split into those to strip and those to copy as they are (as data:
    PyInstaller strips only binaries), at the same place in the bundle."""
    keep = [(dest, src, "DATA") for dest, src, _kind in binaries if _matches(dest, patterns)]
    return [entry for entry in binaries if not _matches(entry[0], patterns)], keep


def ldd_deps(path: str) -> set[str]:
    """File names of the shared libraries ``path`` loads, from ``ldd`` (Linux only)."""
    import subprocess
    import sys

    if not sys.platform.startswith("linux"):
        return set()
    done = subprocess.run(["ldd", path], capture_output=True, text=True, check=False)
    return {
        PurePosixPath(line.split("=>")[1].split("(")[0].strip()).name
        for line in done.stdout.splitlines()
        if "=>" in line and "/" in line.split("=>")[1]
    }
