"""The annotation window at 100,000 documents, offscreen, with the real MainWindow.

Builds (or reuses) a SQLite project of 100,000 ~1 KB releases (bench_browse's
generator) plus one 20 KB article with 300 spans, then prints medians:

- opening: Workspace.open + Workbench + start() + the window painted (grab),
  next to a floor: raw sqlite3 reading the same first page of 200 rows;
- switching to the 20 KB / 300-span article and painting it, next to a floor:
  QPlainTextEdit.setPlainText of the same text and a grab;
- a label key press (QTest on a selection) until the span row is in the
  database and the view is repainted, next to a floor: raw sqlite3 insert +
  commit of one row;
- resident memory (VmRSS) at the end.

Targets (issue 4): < 1 s, < 50 ms, < 30 ms, < 300 MB.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_workbench.py [COUNT] [DB_PATH]
[--without-occurrences]  (leave out the "label all occurrences" offer, which reads every
document of the project after each label key: a minute at 100,000 documents)
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_browse import build
from corpus import release
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from sqlalchemy import text as sql

from annotator.core import model
from annotator.core.textio import content_hash
from annotator.gui.preferences import Preferences
from annotator.gui.workbench import Workbench
from annotator.services.workspace import Workspace
from annotator.store.ingest import Annotated, insert_batch, label_ids

BIG_TITLE = "Bench: 20 KB article with 300 spans"
LABELS = ["PER", "ORG", "LOC", "DATE", "TITLE"]


def big_document() -> model.Document:
    """A 20 KB release with 300 one-word spans on every other word, up to the end."""
    text = release(random.Random(5), 0, size=20_000)["text"]
    words, pos = [], 0
    for word in text.split(" "):
        words.append((pos, pos + len(word)))
        pos += len(word) + 1
    step = len(words) // 300
    spans = tuple(
        model.Span(s, e, LABELS[i % len(LABELS)], f"T{i}")
        for i, (s, e) in enumerate(words[::step][:300])
    )
    return model.Document(
        text, BIG_TITLE, status=model.Status.NEW, spans=spans, content_hash=content_hash(text)
    )


def add_big(ws: Workspace) -> int:
    """The big article's id (inserted on first use)."""
    with ws.store.engine.begin() as conn:
        found = conn.execute(sql("SELECT id FROM document WHERE title = :t"), {"t": BIG_TITLE})
        row = found.first()
        if row is not None:
            return int(row[0])
        [doc_id] = insert_batch(
            conn, ws.project.id, [Annotated(big_document())], label_ids(conn, ws.project.id)
        )
    assert doc_id is not None
    return doc_id


def median_ms(
    call: Callable[[], object], repeat: int = 15, before: Callable[[], object] | None = None
) -> float:
    """Median wall time of ``call`` in ms (one warm-up); ``before`` runs untimed first."""
    times = []
    for i in range(repeat + 1):
        if before:
            before()
        start = time.perf_counter()
        call()
        if i:
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def rss_mb() -> float:
    """Resident memory of this process now (VmRSS)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def paint(app: QApplication, bench: Workbench) -> None:
    """Process pending events and render the window (as the screen would)."""
    app.processEvents()
    bench.window.grab()


def measure_open(app: QApplication, url: str) -> tuple[float, Workbench, Workspace]:
    """Median ms from opening the database to the window painted; the last bench stays open."""
    opened: list[tuple[Workbench, Workspace]] = []

    def open_window() -> None:
        ws = Workspace.open(url, "bench", "bench")
        bench = Workbench(ws, Preferences())
        bench.window.resize(1400, 900)
        bench.start()
        paint(app, bench)
        opened.append((bench, ws))

    def close_last() -> None:
        while opened:
            bench, ws = opened.pop()
            bench.window.close()
            bench.window.deleteLater()
            app.processEvents()
            ws.close()

    ms = median_ms(open_window, repeat=5, before=close_last)
    bench, ws = opened.pop()
    return ms, bench, ws


def measure_switch(app: QApplication, bench: Workbench, big: int, small: int) -> float:
    """Median ms to open the big article and paint its view."""
    view = bench.pane.view

    def switch() -> None:
        bench.nav.open(big)
        app.processEvents()
        view.grab()

    def back() -> None:
        bench.nav.open(small)
        app.processEvents()

    return median_ms(switch, before=back)


def measure_label(app: QApplication, bench: Workbench, db: Path, big: int) -> float:
    """Median ms from the label key on a selection to the row saved and the view painted."""
    view = bench.pane.view
    raw = sqlite3.connect(db)
    text = view.text()
    taken = {s.start for s in view.spans()}
    starts = [i + 1 for i in range(len(text) - 1) if text[i] == " " and i + 1 not in taken]
    targets = iter(starts[10:])

    def count() -> int:
        row = raw.execute("SELECT count(*) FROM span WHERE document_id=?", (big,)).fetchone()
        return int(row[0])

    state = {"n": count()}

    def select() -> None:
        start = next(targets)
        end = text.find(" ", start)
        view.select_range(start, end)
        state["n"] = count()

    def press() -> None:
        QTest.keyClick(view, Qt.Key.Key_1)
        deadline = time.perf_counter() + 5
        while count() == state["n"]:  # saved: the row is in the database
            app.processEvents()
            if time.perf_counter() > deadline:
                raise RuntimeError("the label key saved nothing")
        view.grab()

    ms = median_ms(press, repeat=21, before=select)
    raw.close()
    return ms


def floors(app: QApplication, db: Path, text: str) -> dict[str, float]:
    """Raw sqlite3 page read, raw insert + commit, a plain text edit's setPlainText + grab."""
    raw = sqlite3.connect(db, isolation_level=None)
    raw.execute("CREATE TABLE IF NOT EXISTS floor (id INTEGER PRIMARY KEY, v TEXT)")
    page = (
        "SELECT d.id, d.title, d.published_at, d.source, d.status, "
        "(SELECT count(*) FROM span s WHERE s.document_id = d.id) "
        "FROM document d ORDER BY d.id LIMIT 200"
    )

    def insert() -> None:
        raw.execute("BEGIN")
        raw.execute("INSERT INTO floor (v) VALUES ('x')")
        raw.execute("COMMIT")

    plain = QPlainTextEdit()
    plain.resize(700, 800)

    def set_plain() -> None:
        plain.setPlainText(text)
        app.processEvents()
        plain.grab()

    out = {
        "page": median_ms(lambda: raw.execute(page).fetchall()),
        "insert": median_ms(insert),
        "plain": median_ms(set_plain, before=lambda: plain.setPlainText("")),
    }
    raw.close()
    return out


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(args[0]) if args else 100_000
    tmp = tempfile.TemporaryDirectory()
    db = Path(args[1]) if len(args) > 1 else Path(tmp.name) / "workbench.db"
    url = f"sqlite:///{db}"
    if not db.exists():
        ws = Workspace.open(url, "bench", "bench")
        print(f"built {count:,} documents in {build(ws, count):.1f} s")
        ws.close()
    ws = Workspace.open(url, "bench", "bench")
    big = add_big(ws)
    small = ws.list_documents(limit=1)[0].id
    ws.close()
    app = QApplication.instance() or QApplication(["bench"])
    assert isinstance(app, QApplication)
    open_ms, bench, ws = measure_open(app, url)
    switch_ms = measure_switch(app, bench, big, small)
    bench.nav.open(big)
    if "--without-occurrences" in sys.argv:  # the "label all occurrences" offer scans the project
        bench.docs.applied.disconnect(bench.suggestions_ui.controller.offer.after_edit)
    label_ms = measure_label(app, bench, db, big)
    text = bench.pane.view.text()
    rss = rss_mb()
    floor = floors(app, db, text)
    print(f"{bench.list_panel.model.rowCount():,} documents; big article {len(text):,} chars")
    print(f"open to window painted:   {open_ms:8.1f} ms  (target < 1000; floor: raw first page "
          f"{floor['page']:.1f} ms)")  # fmt: skip
    print(f"switch to 20 KB/300 spans:{switch_ms:8.1f} ms  (target < 50; floor: "
          f"QPlainTextEdit.setPlainText + grab {floor['plain']:.1f} ms)")  # fmt: skip
    print(f"label key to saved+painted:{label_ms:7.1f} ms  (target < 30; floor: raw insert + "
          f"commit {floor['insert']:.2f} ms)")  # fmt: skip
    print(f"resident memory (VmRSS):  {rss:8.1f} MB  (target < 300)")
    bench.window.close()
    ws.close()
    tmp.cleanup()


if __name__ == "__main__":
    main()
