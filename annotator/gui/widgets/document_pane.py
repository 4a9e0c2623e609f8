"""The central pane: the document's title and metadata above its annotated body."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from annotator.core.model import Document
from annotator.gui.i18n import marked, translate
from annotator.gui.models.document_list import STATUS_TEXT
from annotator.gui.widgets.document_view import DocumentView


def metadata_line(doc: Document) -> str:
    """Place · agency · date · source · status, whichever are known; a source that
    is the agency (an ANTARA release from ANTARA) is named once; then the stored
    documents it nearly repeated when it was imported, as links (``doc:ID``)."""
    source = None if doc.source == doc.agency else doc.source
    parts = [doc.place, doc.agency, doc.published_at, source]
    shown = [escape(p) for p in parts if p]
    shown.append(f"<b>{marked(STATUS_TEXT.get(doc.status.value, doc.status.value))}</b>")
    shown.append(f"#{doc.id}")
    repeats = _repeats(doc.meta.get("near_duplicates"))
    if repeats:
        text = translate("DocumentPane", "nearly repeats {documents}")
        shown.append(text.format(documents=", ".join(repeats)))
    return " · ".join(shown)


def _repeats(flagged: object) -> list[str]:
    """Links to the documents of a ``near_duplicates`` flag, with their similarity."""
    if not isinstance(flagged, list):
        return []
    found = []
    for item in flagged:
        if isinstance(item, dict) and isinstance(item.get("id"), int):
            similarity = item.get("similarity")
            ratio = f" ({similarity:.0%})" if isinstance(similarity, int | float) else ""
            found.append(f'<a href="doc:{item["id"]}">#{item["id"]}</a>{ratio}')
    return found


class DocumentPane(QWidget):
    """Title, metadata line and the document view."""

    document_linked = Signal(int)
    """A document named in the metadata line was clicked (its id)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("documentTitle")
        self.title.setWordWrap(True)
        self.meta = QLabel()
        self.meta.setObjectName("documentMeta")
        self.meta.setWordWrap(True)
        self.meta.linkActivated.connect(self._link)
        self.view = DocumentView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.view, 1)
        self.set_font_size(11)

    def show_header(self, doc: Document | None) -> None:
        """Fill the title and metadata lines."""
        if doc is None:
            self.title.setText(translate("DocumentPane", "No document open"))
            self.meta.setText(
                translate("DocumentPane", "Import articles with File ▸ Import or drop files here.")
            )
            return
        self.title.setText(escape(doc.title or translate("DocumentPane", "(untitled)")))
        self.meta.setText(metadata_line(doc))

    def _link(self, target: str) -> None:
        kind, _, number = target.partition(":")
        if kind == "doc" and number.isdigit():
            self.document_linked.emit(int(number))

    def set_font_size(self, points: int) -> None:
        """The body's font size; the title follows it."""
        font = QFont(self.view.font())
        font.setPointSize(points)
        self.view.setFont(font)
        self.view.document().setDefaultFont(font)
        title = QFont(font)
        title.setPointSize(points + 4)
        title.setBold(True)
        self.title.setFont(title)
