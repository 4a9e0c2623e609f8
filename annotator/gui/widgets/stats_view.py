"""View ▸ Statistics: the project's counts as bar charts painted with QPainter.

No QtCharts (PySide6-Essentials does not ship it) and no browser: each chart
is a :class:`BarChart` widget, horizontal bars with the number at the end, or
vertical bars for the days.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import LabelKind
from annotator.services.stats import ProjectStats, project_stats
from annotator.services.workspace import Workspace

BAR = 18  # px per horizontal bar
STATUS_COLORS = {
    "new": "#BBBBBB",
    "in_progress": "#E69F00",
    "done": "#009E73",
    "skipped": "#CC79A7",
}


class BarChart(QWidget):
    """A titled bar chart: horizontal (names) or vertical (days)."""

    def __init__(self, title: str, vertical: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.vertical = vertical
        self.values: list[tuple[str, int, str]] = []

    def set_values(
        self, values: Mapping[str, int], colors: Mapping[str, str] | None = None
    ) -> None:
        """Bars for ``name -> count`` (``colors`` by name; a default blue otherwise)."""
        colors = colors or {}
        self.values = [(k, v, colors.get(k, "#0072B2")) for k, v in values.items()]
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        """Room for every bar."""
        if self.vertical:
            return QSize(420, 230)
        return QSize(420, 34 + BAR * max(1, len(self.values)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """As tall as the bars need."""
        return QSize(260, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Title, then the bars."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRectF(4, 2, self.width() - 8, 20), self.title)
        font.setBold(False)
        painter.setFont(font)
        if not self.values:
            painter.setPen(QColor("#777777"))
            painter.drawText(QRectF(4, 24, self.width(), 20), self.tr("Nothing yet"))
        elif self.vertical:
            self._vertical(painter)
        else:
            self._horizontal(painter)
        painter.end()

    def _horizontal(self, painter: QPainter) -> None:
        metrics = QFontMetricsF(painter.font())
        names = max(metrics.horizontalAdvance(n) for n, _, _ in self.values) + 10
        numbers = max(metrics.horizontalAdvance(f"{v:,}") for _, v, _ in self.values) + 10
        top = max(v for _, v, _ in self.values) or 1
        width = max(10.0, self.width() - names - numbers - 8)
        for i, (name, value, color) in enumerate(self.values):
            y = 26 + i * BAR
            painter.setPen(QColor("#222222"))
            painter.drawText(
                QRectF(4, y, names - 6, BAR),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                name,
            )
            length = width * value / top
            painter.fillRect(QRectF(names, y + 3, max(length, 1.5), BAR - 6), QColor(color))
            painter.drawText(
                QRectF(names + length + 4, y, numbers, BAR),
                int(Qt.AlignmentFlag.AlignVCenter),
                f"{value:,}",
            )

    def _vertical(self, painter: QPainter) -> None:
        metrics = QFontMetricsF(painter.font())
        top = max(v for _, v, _ in self.values) or 1
        left, bottom = 40.0, self.height() - 22.0
        height = bottom - 40
        step = (self.width() - left - 8) / len(self.values)
        painter.setPen(QColor("#999999"))
        painter.drawLine(int(left), int(bottom), self.width() - 8, int(bottom))
        painter.drawText(QRectF(0, 32, left - 4, 14), int(Qt.AlignmentFlag.AlignRight), f"{top:,}")
        label_every = max(1, int(metrics.horizontalAdvance("2025-01-01") / max(step, 1)) + 1)
        for i, (day, value, color) in enumerate(self.values):
            x = left + i * step
            h = height * value / top
            painter.fillRect(
                QRectF(x + step * 0.15, bottom - h, max(step * 0.7, 1.5), h), QColor(color)
            )
            if len(self.values) <= 31 and step > metrics.horizontalAdvance(f"{value:,}"):
                painter.setPen(QColor("#222222"))
                painter.drawText(
                    QRectF(x, bottom - h - 15, step, 14),
                    int(Qt.AlignmentFlag.AlignCenter),
                    f"{value:,}",
                )
            if i % label_every == 0 and x + metrics.horizontalAdvance(day) < self.width():
                painter.setPen(QColor("#444444"))
                painter.drawText(QRectF(x, bottom + 3, 90, 16), day)


class StatisticsView(QWidget):
    """Every chart of the project's statistics."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsView")
        self.workspace = workspace
        self.summary = QLabel(self)
        self.summary.setObjectName("statsSummary")
        self.status = BarChart(self.tr("Documents by status"))
        self.per_day = BarChart(self.tr("Documents annotated per day"), vertical=True)
        self.spans = BarChart(self.tr("Spans by label"))
        self.events = BarChart(self.tr("Events by type"))
        self.roles = BarChart(self.tr("Arguments by role (filled roles)"))
        grid = QGridLayout(self)
        grid.addWidget(self.summary, 0, 0, 1, 2)
        grid.addWidget(self.status, 1, 0)
        grid.addWidget(self.spans, 1, 1, 2, 1)
        grid.addWidget(self.events, 2, 0)
        grid.addWidget(self.roles, 3, 0)
        grid.addWidget(self.per_day, 3, 1)
        grid.setRowStretch(4, 1)
        self.stats: ProjectStats | None = None

    def refresh(self) -> None:
        """Read the counts again and redraw."""
        stats = project_stats(self.workspace)
        self.stats = stats
        schema = self.workspace.schema()
        colours = {lb.name: lb.color for lb in schema.labels if lb.kind != LabelKind.RELATION}
        events = sum(stats.events_by_type.values())
        args = sum(stats.arguments_by_role.values())
        spans = sum(stats.spans_by_label.values())
        self.summary.setText(
            self.tr("%1 documents · %2 spans · %3 events · %4 arguments")
            .replace("%1", f"{stats.documents:,}")
            .replace("%2", f"{spans:,}")
            .replace("%3", f"{events:,}")
            .replace("%4", f"{args:,}")
        )
        names = {
            "new": self.tr("new"),
            "in_progress": self.tr("in progress"),
            "done": self.tr("done"),
            "skipped": self.tr("skipped"),
        }
        by_status = {names[s]: stats.by_status.get(s, 0) for s in names}
        self.status.set_values(by_status, {names[s]: c for s, c in STATUS_COLORS.items()})
        self.spans.set_values(_sorted(stats.spans_by_label), colours)
        self.events.set_values(_sorted(stats.events_by_type), colours)
        bars = _role_bars(stats)
        self.roles.set_values(bars, {k: colours.get(k.split(" · ")[0], "#0072B2") for k in bars})
        self.per_day.set_values(dict(sorted(stats.annotated_per_day.items())[-60:]))


def _sorted(counts: Mapping[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _role_bars(stats: ProjectStats) -> dict[str, int]:
    """``TYPE.role -> count``, event types in order of size."""
    out: dict[str, int] = {}
    for etype in _sorted(stats.events_by_type):
        for role, n in _sorted(stats.arguments_by_type.get(etype, {})).items():
            out[f"{etype} · {role}"] = n
    return out


class StatisticsDialog(QDialog):
    """The statistics view in a window, with a Refresh button."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Statistics"))
        self.resize(1000, 720)
        self.view = StatisticsView(workspace)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        refresh = buttons.addButton(self.tr("&Refresh"), QDialogButtonBox.ButtonRole.ActionRole)
        refresh.setObjectName("refreshStats")
        refresh.clicked.connect(self.view.refresh)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.view.refresh()
