"""Light or dark, following the system's colour scheme (Qt 6.5+)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

STYLE = """
QLabel#documentTitle {{ padding-top: 2px; }}
QLabel#documentMeta {{ color: {meta}; padding-bottom: 4px; }}
QTextEdit#documentView {{ border: none; }}
QLabel#progressCounts, QLabel#savedState {{ padding: 0 8px; }}
"""


def is_dark() -> bool:
    """Whether the system asks for a dark colour scheme."""
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def dark_palette() -> QPalette:
    """A calm dark palette on which the label colours stay readable."""
    p = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d30"), QColor("#dfe1e5")
    for role, color in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, window),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.Highlight, QColor("#3d6fb4")),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
        (QPalette.ColorRole.ToolTipBase, window),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.Mid, QColor("#8c8f94")),
    ):
        p.setColor(role, color)
    return p


def apply_theme(app: QApplication) -> None:
    """Fusion style, dark palette when the system is dark; follow later changes."""
    app.setStyle("Fusion")

    def follow(*_: object) -> None:
        dark = is_dark()
        app.setPalette(dark_palette() if dark else app.style().standardPalette())
        app.setStyleSheet(STYLE.format(meta="#a9adb3" if dark else "#505459"))

    follow()
    QGuiApplication.styleHints().colorSchemeChanged.connect(follow)
