"""Notes come in with an import: on their span, on their event or on the document, and a
native export imported back gives the same notes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.core import edits as ed
from annotator.core import model
from annotator.services.annotate import Annotations
from annotator.services.export import ExportRequest, export
from annotator.services.workspace import Workspace
from annotator.store.selection import Selection

TEXT = "Kapolda 👮🏽 Kaltara Irjen Pol. Hary memimpin apel di Tarakan, Rabu."
BARE = "Rilis tanpa anotasi, hanya catatan."


def _span(n: int, surface: str, label: str) -> dict[str, Any]:
    start = TEXT.index(surface)
    return {"id": f"T{n}", "start": start, "end": start + len(surface), "label": label}


def _record(notes: list[dict[str, Any]]) -> dict[str, Any]:
    """A release with a place, a person and an apel (the event) the person leads."""
    spans = [_span(1, "Tarakan", "LOC"), _span(2, "Irjen Pol. Hary", "PER")]
    spans.append(_span(3, "apel", "ATTEND"))
    agent = {"role": "agent", "span": "T2"}
    event = {"id": "E1", "type": "ATTEND", "trigger": "T3", "arguments": [agent]}
    return {"id": "rilis-1", "text": TEXT, "spans": spans, "events": [event], "notes": notes}


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def _imported(ws: Workspace, path: Path, fmt: str = "native") -> list[model.Document]:
    summary = ws.import_paths([path], fmt)
    assert summary.rejected == 0, summary.problems
    docs = [ws.document(i) for i in summary.document_ids]
    assert all(docs)
    return [d for d in docs if d is not None]


def _targets(doc: model.Document) -> list[tuple[str, str | None, str | None]]:
    """Each note's text, the text of the span it is on, and the type and trigger text of
    its event, from the stored ids."""
    spans = {s.id: s.text_in(doc.text) for s in doc.spans}
    events = {e.id: (e.type, spans[e.trigger_id]) for e in doc.events}
    return [
        (
            n.text,
            spans[n.span_id] if n.span_id is not None else None,
            "{} @ {}".format(*events[n.event_id]) if n.event_id is not None else None,
        )
        for n in doc.notes
    ]


def test_native_notes_land_on_their_span_their_event_and_the_document(
    tmp_path: Path, db_url: str
) -> None:
    notes = [
        {"text": "cek ejaan nama", "span": "T2", "annotator": "sari"},
        {"text": "apel pagi atau siang?", "event": "E1", "annotator": "sari"},
        {"text": "rilis lengkap", "annotator": "sari"},
    ]
    bare = {"id": "rilis-2", "text": BARE, "notes": [{"text": "baca ulang"}]}  # no spans at all
    ws = Workspace.open(db_url, "berita", "tester")
    doc, other = _imported(ws, _write(tmp_path / "in.jsonl", [_record(notes), bare]))
    assert _targets(doc) == [
        ("cek ejaan nama", "Irjen Pol. Hary", None),
        ("apel pagi atau siang?", None, "ATTEND @ apel"),
        ("rilis lengkap", None, None),
    ]
    assert [n.span for n in doc.notes] == ["T1", "", ""]  # loaded spans are keyed by start
    # the annotator of a note is whoever imported it, as for the spans and events
    assert {n.annotator for n in doc.notes} == {s.annotator for s in doc.spans} == {"tester"}
    assert [(n.text, n.span_id, n.event_id) for n in other.notes] == [("baca ulang", None, None)]
    ws.close()


def test_a_note_on_an_event_the_reader_dropped_stays_on_the_document(
    tmp_path: Path, sqlite_url: str
) -> None:
    (tmp_path / "r.txt").write_text("Hary memimpin apel.", "utf-8")
    ann = "T1\tPER 0 4\tHary\nE1\tATTEND:T9\n#1\tAnnotatorNotes E1\tsiapa pemimpinnya?\n"
    (tmp_path / "r.ann").write_text(ann, "utf-8")
    ws = Workspace.open(sqlite_url, "berita", "tester")
    [doc] = _imported(ws, tmp_path / "r.ann", "brat")
    assert doc.events == ()
    assert [(n.text, n.span_id, n.event_id) for n in doc.notes] == [
        ("siapa pemimpinnya?", None, None)
    ]
    ws.close()


def _exported_notes(ws: Workspace, out: Path) -> list[list[dict[str, Any]]]:
    export(ws, ExportRequest("jsonl", out, Selection(statuses=None)))
    return [json.loads(line)["notes"] for line in out.read_bytes().splitlines()]


def test_notes_survive_a_native_export_imported_into_a_fresh_project(
    tmp_path: Path, db_url: str
) -> None:
    ws = Workspace.open(db_url, "asal", "ani")
    [doc] = _imported(ws, _write(tmp_path / "in.jsonl", [_record([])]))
    assert doc.id is not None and doc.notes == ()
    [person] = [s.id for s in doc.spans if s.label == "PER"]
    ann = Annotations(ws)
    ann.apply(ed.SetNote(doc.id, "gelar lengkap?", span_id=person))
    ann.apply(ed.SetNote(doc.id, "jam berapa?", event_id=doc.events[0].id))
    ann.apply(ed.SetNote(doc.id, "rilis resmi"))
    first = _exported_notes(ws, tmp_path / "first.jsonl")
    assert [[(n["text"], n.get("span"), n.get("event")) for n in notes] for notes in first] == [
        [("gelar lengkap?", "T1", None), ("jam berapa?", None, "E1"), ("rilis resmi", None, None)]
    ]
    back = Workspace.open(db_url, "kembali", "ani")
    [again] = _imported(back, tmp_path / "first.jsonl")
    assert _targets(again) == _targets(ws.document(doc.id) or doc)
    assert _exported_notes(back, tmp_path / "second.jsonl") == first
    ws.close()
    back.close()
