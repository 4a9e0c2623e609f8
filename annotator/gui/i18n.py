"""The interface language: English or Bahasa Indonesia, from Qt Linguist catalogues.

Sources live in ``resources/translations/*.ts``; the compiled ``.qm`` files
beside them are generated (``make qm``, and ``packaging/build.sh`` before
PyInstaller) and never committed. The language comes from, in order: the
``--lang`` option, ``ANNOTATOR_LANG``, the preference, the system locale.

Visible strings are written ``translate("Context", "Text")`` (lupdate finds
them); strings in module-level tables are marked ``N_("Text")`` and shown
through ``marked(text)``.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from annotator.paths import resources_dir

log = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "id": "Bahasa Indonesia"}
"""The languages the interface speaks, by ISO 639-1 code."""
SYSTEM = "system"
"""The preference value that follows the system locale."""
SOURCE_LANGUAGE = "en"
CATALOGUE = "annotator"
TABLE_CONTEXT = ""
"""lupdate's context for strings marked at module level."""
QT_CATALOGUES = ("qtbase",)


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the interface language (``%n`` is replaced by ``n`` when given)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def N_(text: str) -> str:  # noqa: N802 (gettext's name; lupdate reads it as QT_TR_NOOP)
    """Mark ``text`` in a module-level table for the catalogue; show it with :func:`marked`.

    Only at module level: lupdate files these under the empty context.
    """
    return text


def marked(text: str) -> str:
    """The translation of a string marked with :func:`N_`."""
    return QCoreApplication.translate(TABLE_CONTEXT, text)


def system_language(locale: QLocale | None = None) -> str:
    """The system locale's language if the interface speaks it, else English."""
    name = (locale or QLocale.system()).name()  # "id_ID", "en_GB", "C"
    code = name.split("_")[0].lower()
    return code if code in LANGUAGES else SOURCE_LANGUAGE


def choose_language(
    option: str | None = None,
    preference: str | None = None,
    locale: QLocale | None = None,
    env: str | None = None,
) -> str:
    """The language to use: option, then ``ANNOTATOR_LANG``, then preference, then system.

    Unknown codes are ignored (with a warning), as is ``"system"``.
    """
    from_env = os.environ.get("ANNOTATOR_LANG") if env is None else env
    for source, value in (("--lang", option), ("ANNOTATOR_LANG", from_env), ("pref", preference)):
        code = (value or "").strip().lower()
        if code in LANGUAGES:
            return code
        if code and code != SYSTEM:
            log.warning("%s=%r is not a language Annotator speaks; ignored", source, value)
    return system_language(locale)


def translations_dir() -> Path:
    """Where the compiled catalogues are: resources/translations (source or bundle)."""
    return resources_dir() / "translations"


def qt_translations_dir() -> Path:
    """Qt's own catalogues (standard buttons, context menus), as PySide6 ships them."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def install_translators(
    app: QCoreApplication, language: str, directory: Path | None = None
) -> list[QTranslator]:
    """Install Qt's and Annotator's catalogues for ``language``; keep the list alive.

    Nothing is installed for English (the source language) except plural
    forms, from ``annotator_en.qm``. A missing catalogue is logged, not fatal:
    the interface then shows the English source strings.
    """
    folder = directory or translations_dir()
    wanted = [(qt_translations_dir(), name) for name in QT_CATALOGUES]
    wanted += [(folder, "qt"), (folder, CATALOGUE)]  # qt_id: what Qt leaves untranslated
    installed: list[QTranslator] = []
    for where, name in wanted:
        translator = QTranslator(app)
        if translator.load(f"{name}_{language}", str(where)):
            app.installTranslator(translator)
            installed.append(translator)
        elif name == CATALOGUE and language != SOURCE_LANGUAGE:
            log.warning("no %s_%s.qm in %s: run `make qm`", name, language, where)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo :func:`install_translators` (tests switch languages)."""
    for translator in translators:
        app.removeTranslator(translator)
    translators.clear()
