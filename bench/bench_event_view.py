"""Event view: open a 300-span, 60-event document and draw its links; one argument key press.

Prints medians (ms) with floors beside them:

* open + paint, links shown (all 240 arcs laid out, visible ones painted)
  against the same with links hidden (the floor: the window without this work);
* an argument key press (the role key on a selected span) until the edit is
  saved, the document re-read and the view painted, against the annotate
  service applying the same edit with no window (the floor).

Run: ``.venv/bin/python bench/bench_event_view.py`` (offscreen).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core import edits as ed
from annotator.gui.preferences import Preferences
from annotator.gui.workbench import Workbench
from annotator.services.annotate import Annotations
from annotator.services.workspace import Workspace

SENTENCE = (
    "Kapolres {n} AKBP Budi Santoso memimpin apel siaga di Mapolres {n} "
    "pada Rabu bersama 120 personel gabungan dari Kodim {n}."
)
ROUNDS = 15


def build(folder: Path) -> tuple[Workspace, int, int]:
    """A workspace with the big document (300 spans, 60 events x 3 arguments) and one other."""
    text = "\n".join(SENTENCE.format(n=i) for i in range(60)) + "\n"
    (folder / "a-big.txt").write_text(text, encoding="utf-8")
    (folder / "b-small.txt").write_text("Rapat pleno KPU digelar Jumat.\n", encoding="utf-8")
    ws = Workspace.open(f"sqlite:///{folder / 'bench.db'}", "bench", "bench")
    big, small = ws.import_paths([folder / "a-big.txt", folder / "b-small.txt"]).document_ids
    doc = ws.document(big)
    assert doc is not None
    assert doc.text.count("Kapolres") == 60
    ann = Annotations(ws)
    words = (
        ("Budi Santoso", "PER"),
        ("apel siaga", "MISC"),
        ("Mapolres", "LOC"),
        ("Rabu", "DATE"),
        ("120 personel", "QTY"),
    )
    at, first_person = 0, None
    while at < len(doc.text):
        line_end = doc.text.find("\n", at)
        line_end = len(doc.text) if line_end < 0 else line_end
        ids = {}
        for surface, label in words:
            start = doc.text.index(surface, at, line_end)
            undo = ann.apply(ed.AddSpan(big, start, start + len(surface), label))
            assert isinstance(undo, ed.RemoveSpans)
            ids[label] = undo.span_ids[0]
        ev = ann.apply(ed.AddEvent(big, ids["MISC"], "SECURITY_OPERATION"))
        assert isinstance(ev, ed.RemoveEvent)
        first_person = first_person or ids["PER"]  # agent: a span in the first sentence
        for span, role in ((first_person, "agent"), (ids["LOC"], "place"), (ids["DATE"], "time")):
            ann.apply(ed.AddArgument(big, ev.event_id, span, role))
        at = line_end + 1
    return ws, big, small


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def open_and_paint(wb: Workbench, app: QApplication, big: int, small: int) -> float:
    wb.nav.open(small)
    app.processEvents()
    t0 = time.perf_counter()
    wb.nav.open(big)
    wb.pane.view.viewport().grab()
    return time.perf_counter() - t0


def main() -> None:
    try:  # PySide6 6.12 on Python 3.11 drops a reference to None per void call
        from annotator.gui.compat import keep_none_alive

        keep_none_alive()
    except ImportError:
        pass
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        ws, big, small = build(Path(tmp))
        wb = Workbench(ws, Preferences())
        wb.window.resize(1400, 900)
        wb.start(big)
        app.processEvents()
        layer = wb.events_ui.links
        shown, hidden, layout = [], [], []
        for _ in range(ROUNDS):
            layer.set_visible(True)
            shown.append(open_and_paint(wb, app, big, small))
            t0 = time.perf_counter()
            layer._key = None
            layer.shapes()
            layout.append(time.perf_counter() - t0)
            layer.set_visible(False)
            hidden.append(open_and_paint(wb, app, big, small))
        layer.set_visible(True)
        print(f"links laid out: {len(layer.shapes())} of {len(layer.links())}")
        print(f"open + paint, links shown : {median_ms(shown):6.1f} ms  (target < 80)")
        print(f"open + paint, links hidden: {median_ms(hidden):6.1f} ms  (floor)")
        print(f"lay out all links alone   : {median_ms(layout):6.1f} ms")
        key_press(wb, app, ws, big)
        wb.window.close()
        ws.close()


def key_press(wb: Workbench, app: QApplication, ws: Workspace, big: int) -> None:
    """The participant key on a selected span, to saved and painted; against the bare service."""
    wb.nav.open(big)
    doc = wb.docs.current
    assert doc is not None
    event, span = doc.events[30], doc.spans[7]
    assert event.id is not None and span.id is not None
    pressed, floor = [], []
    stack = wb.docs.undo.stack(big)
    assert stack is not None
    ann = Annotations(ws)
    for _ in range(ROUNDS):
        wb.events_ui.events.set_current(event.id)
        wb.annotate.select(frozenset({span.id}))
        app.processEvents()
        t0 = time.perf_counter()
        QTest.keyClick(wb.pane.view, Qt.Key.Key_R)
        wb.pane.view.viewport().repaint()
        pressed.append(time.perf_counter() - t0)
        stack.undo()
        t0 = time.perf_counter()
        undo = ann.apply(ed.AddArgument(big, event.id, span.id, "participant"))
        floor.append(time.perf_counter() - t0)
        ann.apply(undo)
    print(f"argument key -> saved+painted: {median_ms(pressed):6.1f} ms  (target < 30)")
    print(f"service apply alone          : {median_ms(floor):6.1f} ms  (floor)")


if __name__ == "__main__":
    main()
