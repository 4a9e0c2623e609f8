"""Preferences kept in an INI file under the configuration directory."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from annotator.paths import config_dir

DEFAULT_FONT = 11
MIN_FONT, MAX_FONT = 7, 32


class Preferences:
    """Typed access to the few settings the window remembers."""

    def __init__(self, settings: QSettings | None = None) -> None:
        path = str(config_dir() / "annotator.ini")
        self._s = settings or QSettings(path, QSettings.Format.IniFormat)

    @property
    def font_size(self) -> int:
        """The document font size in points."""
        value = self._s.value("view/font_size", DEFAULT_FONT)
        try:
            return max(MIN_FONT, min(MAX_FONT, int(str(value))))
        except ValueError:
            return DEFAULT_FONT

    @font_size.setter
    def font_size(self, points: int) -> None:
        self._s.setValue("view/font_size", max(MIN_FONT, min(MAX_FONT, points)))

    @property
    def annotator(self) -> str:
        """The name recorded on every annotation (empty until asked)."""
        return str(self._s.value("user/annotator", "") or "")

    @annotator.setter
    def annotator(self, name: str) -> None:
        self._s.setValue("user/annotator", name.strip())

    @property
    def char_mode(self) -> bool:
        """Whether selections keep their exact characters instead of snapping to words."""
        return str(self._s.value("edit/char_mode", "false")).lower() == "true"

    @char_mode.setter
    def char_mode(self, on: bool) -> None:
        self._s.setValue("edit/char_mode", "true" if on else "false")

    @property
    def language(self) -> str:
        """The interface language: "en", "id", or "system" (follow the system locale)."""
        return str(self._s.value("ui/language", "system") or "system")

    @language.setter
    def language(self, code: str) -> None:
        self._s.setValue("ui/language", code)

    @property
    def welcomed(self) -> bool:
        """Whether the welcome screen was shown once (first start is over)."""
        return str(self._s.value("ui/welcomed", "false")).lower() == "true"

    @welcomed.setter
    def welcomed(self, on: bool) -> None:
        self._s.setValue("ui/welcomed", "true" if on else "false")

    @property
    def last_project(self) -> str:
        """The project opened last from the welcome screen (empty: the default one)."""
        return str(self._s.value("user/project", "") or "")

    @last_project.setter
    def last_project(self, name: str) -> None:
        self._s.setValue("user/project", name)

    @property
    def export_format(self) -> str:
        """The format of the last export from the window (empty before the first)."""
        return str(self._s.value("export/format", "") or "")

    @export_format.setter
    def export_format(self, name: str) -> None:
        self._s.setValue("export/format", name)

    @property
    def export_folder(self) -> Path:
        """Where the last export from the window went (the home folder before the first,
        or when that folder is gone)."""
        folder = Path(str(self._s.value("export/folder", "") or Path.home()))
        return folder if folder.is_dir() else Path.home()

    @export_folder.setter
    def export_folder(self, folder: Path) -> None:
        self._s.setValue("export/folder", str(folder))

    def geometry(self) -> bytes | None:
        """The saved window geometry and dock state."""
        value = self._s.value("window/state")
        return bytes(value) if isinstance(value, (bytes, bytearray)) else None

    def sync(self) -> None:
        """Write to disk now."""
        self._s.sync()
