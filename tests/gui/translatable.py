"""Find user-visible strings in GUI code that are not translatable (an AST scan).

A string literal (or f-string, or ``"..." + x``) with words in it, passed as
the text argument of a Qt text setter or widget constructor, is a finding;
``translate(...)``, ``self.tr(...)``, ``N_(...)`` and ``marked(...)`` (and
``.format``/``.replace`` on them) are fine, as are variables.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT_ARGS: dict[str, tuple[int, ...]] = {
    **dict.fromkeys(
        (
            "setText setWindowTitle setToolTip setStatusTip setWhatsThis setPlaceholderText"
            " setLabelText setTitle setCancelButtonText setInformativeText setPrefix setSuffix"
            " setSpecialValueText showMessage show_message addMenu addItem addRow"
            " setHeaderLabels setHorizontalHeaderLabels setVerticalHeaderLabels addItems"
            " QAction QLabel QPushButton QCheckBox QRadioButton QGroupBox QDockWidget QMenu"
            " QListWidgetItem QTableWidgetItem QStandardItem QCommandLinkButton"
        ).split(),
        (0,),
    ),
    **dict.fromkeys("setTabText addTab setItemText QTreeWidgetItem".split(), (0, 1)),
    **dict.fromkeys("QProgressDialog QMessageBox".split(), (0, 1, 2)),
    **dict.fromkeys(
        (
            "warning information critical question about getText getItem getInt getDouble"
            " getMultiLineText"
        ).split(),
        (1, 2),
    ),
    **dict.fromkeys(
        (
            "getOpenFileName getOpenFileNames getSaveFileName getExistingDirectory"
            " createUndoAction createRedoAction"
        ).split(),
        (1,),
    ),
}
"""Call name -> positions of its visible-text arguments."""
TEXT_KEYWORDS = frozenset(
    "text windowTitle toolTip statusTip placeholderText title caption labelText".split()
)
MESSAGE_SIGNALS = frozenset({"message", "status", "status_message"})
"""Signals whose ``emit`` carries a status-bar line."""
TRANSLATORS = frozenset({"translate", "tr", "N_", "marked", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"})
UNTRANSLATED_NAMES = ("Annotator",)
"""Words that stay as they are in every language (the product's name)."""
WORDS = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Finding:
    """A visible string that bypasses the catalogue."""

    path: Path
    line: int
    call: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.call}({self.text})"


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _has_words(text: str) -> bool:
    for name in UNTRANSLATED_NAMES:
        text = text.replace(name, "")
    return bool(WORDS.search(text))


def untranslated(node: ast.expr) -> bool:
    """Whether ``node`` builds visible text from literal words without the catalogue."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and _has_words(node.value)
    if isinstance(node, ast.JoinedStr):
        return any(untranslated(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):
        return untranslated(node.left) or untranslated(node.right)
    if isinstance(node, ast.IfExp):
        return untranslated(node.body) or untranslated(node.orelse)
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(untranslated(e) for e in node.elts)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return _name(node.func) in ("format", "replace", "strip") and untranslated(node.func.value)
    return False


def _text_args(call: ast.Call) -> Iterator[ast.expr]:
    name = _name(call.func)
    if name == "emit":
        func = call.func
        if isinstance(func, ast.Attribute) and _name(func.value) in MESSAGE_SIGNALS:
            yield from call.args[:1]
        return
    for i in TEXT_ARGS.get(name, ()):
        if i < len(call.args):
            yield call.args[i]
    yield from (k.value for k in call.keywords if k.arg in TEXT_KEYWORDS)


def _action_spec_text(call: ast.Call) -> Iterator[ast.expr]:
    """ActionSpec(name, text, ...): the text must be marked ``N_``."""
    if _name(call.func) == "ActionSpec" and len(call.args) > 1:
        text = call.args[1]
        marked = isinstance(text, ast.Call) and _name(text.func) in TRANSLATORS
        if not marked:
            yield text


def scan_source(source: str, path: Path) -> list[Finding]:
    """The findings in one module's source."""
    found = []
    for node in ast.walk(ast.parse(source, str(path))):
        if not isinstance(node, ast.Call):
            continue
        bad = [a for a in _text_args(node) if untranslated(a)] + list(_action_spec_text(node))
        found += [Finding(path, a.lineno, _name(node.func), ast.unparse(a)) for a in bad]
    return found


def scan(root: Path) -> list[Finding]:
    """The findings in every module under ``root``."""
    found = []
    for path in sorted(root.rglob("*.py")):
        found += scan_source(path.read_text(encoding="utf-8"), path)
    return found
