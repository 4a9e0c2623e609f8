"""The events list keeps what the person did to it when an edit changes another event."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from annotator.core.model import Argument, Document, Event, Schema, Span
from annotator.gui.widgets.events_panel import EventsPanel

TEXT = "Kapolres Budi memimpin apel di Mapolres. Bupati Sari membuka rapat di Pendopo."


def _doc(extra: tuple[Argument, ...] = ()) -> Document:
    def span(surface: str, label: str, span_id: int) -> Span:
        at = TEXT.index(surface)
        return Span(at, at + len(surface), label, id=span_id)

    spans = (
        span("Budi", "PER", 1),
        span("apel", "MISC", 2),
        span("Mapolres", "LOC", 3),
        span("Sari", "PER", 4),
        span("rapat", "MISC", 5),
    )
    apel = Event(
        "SECURITY_OPERATION", trigger_id=2, arguments=(Argument("agent", span_id=1, id=10),), id=1
    )
    rapat = Event("MEETING", trigger_id=5, arguments=extra, id=2)
    return Document(TEXT, id=7, spans=spans, events=(apel, rapat))


def test_an_edit_to_one_event_leaves_the_others_collapsed_and_shows_the_new_argument(
    qtbot: QtBot,
) -> None:
    panel = EventsPanel()
    qtbot.addWidget(panel)
    panel.show_document(_doc(), Schema())
    first = panel.topLevelItem(0)
    assert first is not None
    first.setExpanded(False)  # the person folded the first event away
    panel.show_document(_doc((Argument("participant", span_id=4, id=11),)), Schema())
    first, second = panel.topLevelItem(0), panel.topLevelItem(1)
    assert first is not None and second is not None
    assert not first.isExpanded()
    children = [second.child(i) for i in range(second.childCount())]
    assert [c.text(0) for c in children if c is not None] == ["participant: Sari"]


def test_another_document_replaces_every_row(qtbot: QtBot) -> None:
    panel = EventsPanel()
    qtbot.addWidget(panel)
    panel.show_document(_doc(), Schema())
    panel.show_document(Document("Tidak ada peristiwa.", id=8), Schema())
    assert panel.topLevelItemCount() == 1
    hint = panel.topLevelItem(0)
    assert hint is not None and hint.text(0).startswith("No events yet")
