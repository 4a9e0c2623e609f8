"""``annotator --smoke-test``: prove that a build works end to end, offscreen.

In a throwaway directory: create a project, import the demo corpus shipped
in the package (or a small built-in release when none is shipped), label a
span through the annotate service, export native JSONL, read it back and
check ``text[start:end]``; then open the main window through the
composition root and close it as soon as it is shown. Qt is imported only
for that last step. Exit 0 when every step passed, 1 otherwise.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import traceback
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from annotator import __version__
from annotator.core import model
from annotator.core.edits import AddSpan
from annotator.services.annotate import Annotations
from annotator.services.export import ExportRequest, export
from annotator.services.workspace import Workspace
from annotator.store.selection import Selection

PROJECT = "smoke"
WHO = "smoke-test"
_WORD = re.compile(r"\b[A-Z][a-z]{3,}\b")

BUILT_IN_RELEASE = """\
Kota Lembah Hijau (ANTARA) - Kepolisian Resor Lembah Hijau menggelar apel siaga \
di halaman Mapolres Lembah Hijau, Kamis (9/1/2025), menjelang rapat pleno KPU.
Kapolres AKBP Sari Wulandari mengatakan 180 personel gabungan disiagakan.
"""


class SmokeError(Exception):
    """A step of the smoke test did not do what it should."""


def _say(message: str) -> None:
    print(f"smoke test: {message}", flush=True)


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeError(message)


def demo_corpus(scratch: Path) -> Path:
    """The shipped demo corpus, or the built-in release written into ``scratch``."""
    demo = Path(str(resources.files("annotator") / "data" / "demo"))
    if demo.is_dir() and any(demo.iterdir()):
        _say(f"demo corpus: {sum(1 for _ in demo.iterdir())} files in {demo}")
        return demo
    path = scratch / "corpus" / "rilis-lembah-hijau.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(BUILT_IN_RELEASE, encoding="utf-8")
    _say("no demo corpus shipped; using the built-in release")
    return path


def import_corpus(ws: Workspace, corpus: Path) -> int:
    """Import ``corpus``; how many documents the project now holds."""
    summary = ws.import_paths([corpus])
    _check(not summary.problems, f"import rejected records: {summary.problems[:3]}")
    _check(summary.imported > 0, f"import stored nothing from {corpus}")
    _say(f"imported {summary.imported} documents")
    return summary.imported


def label_one_span(ws: Workspace) -> tuple[model.Document, model.Span]:
    """Label the first capitalised word of the first document; the saved span."""
    rows = ws.list_documents(limit=1)
    _check(bool(rows), "the project lists no document after the import")
    doc = ws.document(rows[0].id)
    if doc is None or doc.id is None:
        raise SmokeError(f"document {rows[0].id} cannot be loaded")
    found = _WORD.search(doc.text)
    if found is None:
        raise SmokeError("no word to label in the first document")
    label = ws.schema().of_kind(model.LabelKind.ENTITY)[0].name
    Annotations(ws).apply(AddSpan(doc.id, found.start(), found.end(), label))
    saved = ws.document(doc.id)
    spans = [s for s in saved.spans if (s.start, s.end) == found.span()] if saved else []
    _check(len(spans) == 1, "the labelled span was not saved")
    _say(f"labelled {found.group()!r} as {label} in document {doc.id}")
    return doc, spans[0]


def export_and_check(ws: Workspace, doc: model.Document, span: model.Span, out: Path) -> None:
    """Export every document as native JSONL and find ``span`` in it, offsets intact."""
    result = export(ws, ExportRequest("jsonl", out, Selection(statuses=None)))
    _check(out.is_file(), f"the export wrote no {out.name}")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    _check(len(records) == result.documents, "the export file and its report disagree")
    hits = [
        (record, item)
        for record in records
        for item in record.get("spans", [])
        if (item["start"], item["end"], item["label"]) == (span.start, span.end, span.label)
    ]
    _check(len(hits) == 1, f"the span is not in the export ({len(hits)} matches)")
    record, item = hits[0]
    expected = doc.text[span.start : span.end]
    got = record["text"][item["start"] : item["end"]]
    _check(got == expected == item["text"], f"text[start:end] is {got!r}, not {expected!r}")
    _say(f"exported {len(records)} records; text[start:end] == {got!r}")


def open_window(db_url: str) -> None:
    """Open the main window through the composition root; skip when no GUI is built in."""
    try:
        import annotator.gui.main_window  # noqa: F401
        from annotator.window_probe import open_and_exit
    except ModuleNotFoundError as exc:
        if (exc.name or "").startswith(("annotator.gui", "annotator.app")):
            _say(f"note: no GUI in this build ({exc.name} missing); window not opened")
            return
        raise
    code = open_and_exit(["--db", db_url, "--project", PROJECT, "--annotator", WHO])
    _check(code == 0, f"the main window did not open (exit {code})")
    _say("main window shown and closed")


def _private_environment(scratch: Path) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    for name, sub in (("DATA", "data"), ("CONFIG", "config"), ("LOG", "logs")):
        os.environ[f"ANNOTATOR_{name}_DIR"] = str(scratch / sub)
    os.environ.pop("ANNOTATOR_DB", None)


def _steps(scratch: Path) -> None:
    _private_environment(scratch)
    url = f"sqlite:///{scratch / 'smoke.db'}"
    ws = Workspace.open(url, PROJECT, WHO)
    try:
        import_corpus(ws, demo_corpus(scratch))
        doc, span = label_one_span(ws)
        export_and_check(ws, doc, span, scratch / "export" / "smoke.jsonl")
    finally:
        ws.close()
    open_window(url)


def run_smoke_test(steps: Callable[[Path], None] = _steps) -> int:
    """Run every step in a temporary directory; 0 when all passed, 1 otherwise."""
    _say(f"annotator {__version__}, Python {sys.version.split()[0]}, {sys.platform}")
    with tempfile.TemporaryDirectory(prefix="annotator-smoke-", ignore_cleanup_errors=True) as tmp:
        try:
            steps(Path(tmp))
        except SmokeError as exc:
            print(f"smoke test FAILED: {exc}", file=sys.stderr, flush=True)
            return 1
        except Exception:
            traceback.print_exc()
            print("smoke test FAILED: unexpected error (above)", file=sys.stderr, flush=True)
            return 1
    print("smoke test passed", flush=True)
    return 0
