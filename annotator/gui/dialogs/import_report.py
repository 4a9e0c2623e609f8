"""What an import from the window rejected, warned about and found repeated, to read and copy.

A clean import only says its one line in the status bar; an import with
anything to look at also opens this report: every rejected record by file
and line with the reason, the warnings, the new documents that nearly repeat
stored ones (by title), and the labels added to the schema.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.formats import Problem
from annotator.gui.i18n import translate
from annotator.services.importing import ImportSummary

SHOWN = 500  # lines of one section; the rest are counted
Section = tuple[str, list[str]]


def needs_report(summary: ImportSummary) -> bool:
    """Whether the import has more to say than its one line."""
    return not summary.cancelled and bool(
        summary.problems or summary.warnings or summary.near_duplicates or summary.labels_added
    )


def sections(summary: ImportSummary, titles: Mapping[int, str]) -> list[Section]:
    """The report's headed sections, the empty ones left out (``titles`` by document id)."""
    where = _namer([p.path for p in (*summary.problems, *summary.warnings)])
    found: list[Section] = [
        (translate("ImportReport", "Rejected"), [_problem(p, where) for p in summary.problems]),
        (translate("ImportReport", "Warnings"), [_problem(p, where) for p in summary.warnings]),
        (translate("ImportReport", "Nearly repeat a stored document"), _repeats(summary, titles)),
        (
            translate("ImportReport", "Labels added to the schema"),
            [", ".join(summary.labels_added)],
        ),
    ]
    return [(head, lines) for head, lines in found if any(lines)]


def _namer(paths: Sequence[str]) -> dict[str, str]:
    """Each path as it is shown: relative to the folder all of them share."""
    if not paths:
        return {}
    common = os.path.commonpath([os.path.dirname(p) for p in paths])
    return {p: os.path.relpath(p, common) for p in paths}


def _problem(problem: Problem, where: Mapping[str, str]) -> str:
    return str(replace(problem, path=where.get(problem.path, Path(problem.path).name)))


def _repeats(summary: ImportSummary, titles: Mapping[int, str]) -> list[str]:
    line = translate("ImportReport", "«{new}» nearly repeats «{old}» ({similarity:.0%})")
    return [
        line.format(
            new=titles.get(d.doc_id, f"#{d.doc_id}"),
            old=titles.get(d.other, f"#{d.other}"),
            similarity=d.similarity,
        )
        for d in summary.near_duplicates
    ]


def report_text(found: list[Section]) -> str:
    """The sections as plain text, each list cut at :data:`SHOWN` lines."""
    parts = []
    for head, lines in found:
        shown = lines[:SHOWN]
        if len(lines) > SHOWN:
            more = translate("ImportReport", "… and {n} more").format(n=len(lines) - SHOWN)
            shown.append(more)
        parts.append("\n".join([f"{head} ({len(lines)})", *shown]))
    return "\n\n".join(parts)


class ImportReport(QDialog):
    """The report of one import: its summary line over the sections, selectable text."""

    def __init__(self, headline: str, found: list[Section], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(translate("ImportReport", "Import finished"))
        self.headline = QLabel(headline)
        self.headline.setWordWrap(True)
        self.details = QPlainTextEdit(report_text(found))
        self.details.setObjectName("importDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(
            translate("ImportReport", "Copy"), QDialogButtonBox.ButtonRole.ActionRole
        )
        copy.clicked.connect(self.copy)
        copy.setAutoDefault(False)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(760, 420)

    def copy(self) -> None:
        """Put the summary line and the whole report on the clipboard."""
        text = f"{self.headline.text()}\n\n{self.details.toPlainText()}"
        QGuiApplication.clipboard().setText(text)
