"""The welcome screen: who is annotating, and a project to start from."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core import schemas
from annotator.core.model import Schema
from annotator.gui.i18n import N_, marked


class Start(StrEnum):
    """What the person chose to start with."""

    CREATE = "create"
    IMPORT = "import"
    DEMO = "demo"


TEMPLATES: tuple[tuple[str, str, Schema], ...] = (
    (
        "news",
        N_("Indonesian news entities: persons, organisations, places, dates, titles and ranks"),
        schemas.INDONESIAN_NEWS,
    ),
    (
        "events",
        N_("Press-release events: the entities plus events, their roles, and relations"),
        schemas.DEFAULT,
    ),
    ("blank", N_("Blank: no labels yet (add them in Label ▸ Edit schema)"), Schema()),
)
"""Project templates: key, description, schema."""


@dataclass(frozen=True, slots=True)
class WelcomeChoice:
    """The welcome screen's answer."""

    start: Start
    annotator: str
    project: str
    template: str

    @property
    def schema(self) -> Schema:
        """The chosen template's schema."""
        return next(s for key, _d, s in TEMPLATES if key == self.template)


class WelcomeDialog(QDialog):
    """Name, new project from a template, import, or the demo corpus."""

    def __init__(self, annotator: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(self.tr("Welcome to Annotator"))
        self.choice: WelcomeChoice | None = None
        self.name = QLineEdit(annotator)
        self.name.setObjectName("welcomeName")
        self.name.setPlaceholderText(self.tr("Your name, recorded on every span you make"))
        self.project = QLineEdit(self.tr("My project"))
        self.project.setObjectName("welcomeProject")
        self.templates = QButtonGroup(self)
        self.create_button = QPushButton(self.tr("Create project"))
        self.create_button.setObjectName("welcomeCreate")
        self.import_button = QPushButton(self.tr("Create and import files…"))
        self.import_button.setObjectName("welcomeImport")
        self.demo_button = QPushButton(self.tr("Open the demo corpus"))
        self.demo_button.setObjectName("welcomeDemo")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(lambda: self._choose(Start.CREATE))
        self.import_button.clicked.connect(lambda: self._choose(Start.IMPORT))
        self.demo_button.clicked.connect(lambda: self._choose(Start.DEMO))
        self.name.textChanged.connect(lambda _t: self._validate())
        self.project.textChanged.connect(lambda _t: self._validate())
        self._layout()
        self._validate()

    def _layout(self) -> None:
        intro = QLabel(
            self.tr(
                "<h2>Welcome to Annotator</h2>"
                "<p>Label Indonesian news and press releases as training data: select text, "
                "press a label's key, export for spaCy, Prodigy, doccano, CoNLL or brat. "
                "Every edit is saved at once.</p>"
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        who = QFormLayout()
        who.addRow(self.tr("Your name"), self.name)
        box = QGroupBox(self.tr("Start a new project"))
        inner = QVBoxLayout(box)
        form = QFormLayout()
        form.addRow(self.tr("Project name"), self.project)
        inner.addLayout(form)
        for i, (key, desc, _schema) in enumerate(TEMPLATES):
            radio = QRadioButton(marked(desc))
            radio.setObjectName(f"template-{key}")
            radio.setChecked(i == 0)
            self.templates.addButton(radio, i)
            inner.addWidget(radio)
        row = QHBoxLayout()
        row.addWidget(self.create_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        inner.addLayout(row)
        demo = QGroupBox(self.tr("Or look around first"))
        demo_row = QHBoxLayout(demo)
        hint = QLabel(self.tr("Eight fictional press releases, ready to label."))
        hint.setWordWrap(True)
        demo_row.addWidget(hint, 1)
        demo_row.addWidget(self.demo_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(who)
        layout.addWidget(box)
        layout.addWidget(demo)
        self.resize(640, self.sizeHint().height())

    def template(self) -> str:
        """The key of the chosen template."""
        return TEMPLATES[max(0, self.templates.checkedId())][0]

    def _validate(self) -> None:
        named = bool(self.name.text().strip())
        self.create_button.setEnabled(named and bool(self.project.text().strip()))
        self.import_button.setEnabled(self.create_button.isEnabled())
        self.demo_button.setEnabled(named)

    def _choose(self, start: Start) -> None:
        self.choice = WelcomeChoice(
            start, self.name.text().strip(), self.project.text().strip(), self.template()
        )
        self.accept()
