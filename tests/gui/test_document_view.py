"""Span highlights follow the text when it is laid out again."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from annotator.core.model import Document, Span
from annotator.gui.widgets.document_view import DocumentView

TEXT = "Kapolres Budi Santoso memimpin apel siaga di lapangan Mapolres pada Rabu pagi. " * 4


def test_highlights_move_with_the_words_when_the_view_narrows(qtbot: QtBot) -> None:
    view = DocumentView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    at = TEXT.rindex("Rabu")
    view.set_document(Document(TEXT, id=1, spans=(Span(at, at + 4, "DATE", id=5),)), {})
    view.viewport().grab()
    (p,) = view.painted_spans()
    (before,) = view._segments(p.start16, p.end16)
    view.resize(300, 400)
    view.viewport().grab()
    after = view._segments(p.start16, p.end16)
    fresh = view._layout_segments(p.start16, p.end16)
    assert after == fresh
    assert after[0][2] > before[2]  # the word wrapped further down
