"""Qt Linguist catalogues: refresh the .ts sources from the code, check them, compile .qm.

    python scripts/translations.py update    # lupdate: new strings unfinished, gone ones dropped
    python scripts/translations.py check     # list unfinished entries and placeholder mismatches
    python scripts/translations.py release   # lrelease: every .ts -> resources/translations/*.qm

``make translations`` runs update then check; ``make qm`` runs release (``make run`` and
packaging/build.sh do it for you). Strings are found in ``annotator/**/*.py``: calls of
``translate(context, text)`` / ``self.tr(text)``, and ``N_(text)`` marks in tables.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
SOURCES = ROOT / "annotator"
LANGUAGES = ("id", "en")
"""Indonesian in full; English (the source language) only for plural forms."""
PLACEHOLDER = re.compile(r"%n|%L?\d+|\{[A-Za-z0-9_]*\}")


def tool(name: str) -> str:
    """A Qt tool from PySide6 beside this Python (the venv), else on PATH."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def source_files(root: Path = SOURCES) -> list[str]:
    """Every Python file lupdate should read."""
    return sorted(str(p) for p in root.rglob("*.py") if "migrations" not in p.parts)


def ts_path(language: str, folder: Path = TS_DIR) -> Path:
    """``annotator_<language>.ts`` in ``folder``."""
    return folder / f"annotator_{language}.ts"


def lupdate(ts: Path, language: str, sources: Sequence[str] | None = None) -> None:
    """Bring ``ts`` in line with the code (kept translations stay, new ones are unfinished)."""
    args = [
        tool("pyside6-lupdate"),
        *(sources if sources is not None else source_files()),
        "-tr-function-alias",
        "QT_TR_NOOP+=N_",
        "-locations",
        "none",
        "-no-obsolete",
        "-source-language",
        "en",
        "-target-language",
        language,
        "-silent",
    ]
    if language == "en":
        args.append("-pluralonly")
    subprocess.run([*args, "-ts", str(ts)], check=True)


def lrelease(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm``."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


@dataclass(frozen=True)
class Issue:
    """A catalogue entry that is not ready to ship."""

    context: str
    source: str
    problem: str

    def __str__(self) -> str:
        return f"[{self.context or '-'}] {self.source!r}: {self.problem}"


def placeholders(text: str) -> list[str]:
    """The placeholders of ``text`` (``%n``, ``%1``, ``{name}``), sorted."""
    return sorted(PLACEHOLDER.findall(text))


def _forms(translation: ET.Element) -> list[str]:
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def issues(ts: Path) -> Iterator[Issue]:
    """Unfinished, vanished or empty entries, and translations whose placeholders differ."""
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                yield Issue(name, source, "no translation")
                continue
            kind = translation.get("type")
            if kind in ("unfinished", "vanished", "obsolete"):
                yield Issue(name, source, kind)
                continue
            for form in _forms(translation):
                if not form.strip():
                    yield Issue(name, source, "empty translation")
                elif set(placeholders(form)) != set(placeholders(source)):
                    yield Issue(name, source, f"placeholders differ in {form!r}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "check", "release"))
    parser.add_argument("--dir", type=Path, default=TS_DIR, help="folder of the .ts files")
    parser.add_argument("--out", type=Path, help="release: folder for the .qm (default: --dir)")
    args = parser.parse_args(argv)
    if args.command == "update":
        for language in LANGUAGES:
            lupdate(ts_path(language, args.dir), language)
        return 0
    catalogues = sorted(args.dir.glob("*.ts"))  # annotator_*.ts, and qt_*.ts (hand-written)
    if args.command == "release":
        for ts in catalogues:
            lrelease(ts, (args.out or args.dir) / f"{ts.stem}.qm")
        return 0
    found = [(ts.name, i) for ts in catalogues for i in issues(ts)]
    for name, issue in found:
        print(f"{name}: {issue}")
    print(f"{len(found)} entries to finish" if found else "catalogues complete")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
