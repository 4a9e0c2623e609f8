"""Exports through the service: exact offsets in every format, filters, splits, atomicity."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.formats import READERS, Record
from annotator.core.formats.base import ReadOptions
from annotator.services.export import ExportCancelledError, ExportRequest, Split, export
from annotator.services.workspace import Workspace
from annotator.store.selection import Selection

TRICKY = (
    "Kapolda 👮🏽\u200d♂️ Kaltara Irjen Pol. Hary Sudwijanto hadir.\r\n"
    "Brigjen Pol. Andre\u0301 Setiawan 🇮🇩 memimpin apel di Tarakan, Rabu."
)
TRICKY_SPANS = [
    ("Kaltara", "LOC"),
    ("Irjen Pol.", "TITLE"),
    ("Hary Sudwijanto", "PER"),
    ("Andre\u0301 Setiawan", "PER"),
    ("Tarakan", "LOC"),
    ("Rabu", "DATE"),
    ("memimpin", "SECURITY_OPERATION"),
]
SAMPLE_SPANS = [
    ("Kabid Humas", "TITLE"),
    ("Polda Kaltara", "ORG"),
    ("Kombes Pol.", "TITLE"),
    ("Budi Rachmat", "PER"),
    ("Lapangan Apel Mapolda Kaltara", "LOC"),
    ("Bulungan", "LOC"),
    ("Rabu", "DATE"),
    ("memimpin", "SECURITY_OPERATION"),
]
TRICKY_ARGS = {"agent": "Hary Sudwijanto", "place": "Tarakan", "time": "Rabu"}
SAMPLE_ARGS = {"agent": "Budi Rachmat", "place": "Bulungan", "time": "Rabu"}


def _record(
    text: str,
    spans: list[tuple[str, str]],
    status: str = "done",
    args: dict[str, str] | None = None,
) -> dict[str, object]:
    out = []
    for n, (surface, label) in enumerate(spans, start=1):
        start = text.index(surface)
        end = start + len(surface)
        out.append({"id": f"T{n}", "start": start, "end": end, "label": label, "text": surface})
    key = {o["text"]: o["id"] for o in out}
    events = []
    if args is not None:
        arguments = [{"role": role, "span": key[surface]} for role, surface in args.items()]
        trigger = f"T{len(spans)}"
        events.append(
            {"id": "E1", "type": "SECURITY_OPERATION", "trigger": trigger, "arguments": arguments}
        )
    return {
        "text": text,
        "offsets": "codepoints, end-exclusive",
        "status": status,
        "meta": {"title": text[:30]},
        "spans": out,
        "events": events,
        "relations": [],
    }


@pytest.fixture
def ws(tmp_path: Path, sqlite_url: str) -> Workspace:
    records = [_record(TRICKY, TRICKY_SPANS, args=TRICKY_ARGS)]
    sample = (
        Path(__file__).resolve().parents[2].parent
        / "shared/samples/antara-kaltara-pilkada-2024.txt"
    )
    if sample.exists():
        records.append(_record(sample.read_text(encoding="utf-8"), SAMPLE_SPANS, args=SAMPLE_ARGS))
    records.append(_record("Dokumen belum selesai di Tarakan.", [("Tarakan", "LOC")], "new"))
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    workspace = Workspace.open(sqlite_url, "ekspor", "tester")
    summary = workspace.import_paths([path])
    assert summary.rejected == 0, summary.problems
    return workspace


def _pairs(text: str, spans: object) -> list[tuple[str, str]]:
    return sorted((text[s.start : s.end], s.label) for s in spans)  # type: ignore[attr-defined]


def _read_back(fmt: str, path: Path) -> list[Record]:
    reader = READERS["native" if fmt == "jsonl" else fmt]
    items = list(reader.read(path, ReadOptions()))
    assert all(isinstance(i, Record) for i in items), items
    return items  # type: ignore[return-value]


@pytest.mark.parametrize(
    "fmt", ["jsonl", "doccano", "labelstudio", "prodigy", "conll", "brat", "spacy"]
)
def test_every_format_gives_back_the_exact_span_texts(
    ws: Workspace, tmp_path: Path, fmt: str
) -> None:
    if fmt == "spacy":
        pytest.importorskip("spacy")
    expected = {}
    for row in ws.list_documents(status="done"):
        doc = ws.document(row.id)
        assert doc is not None
        expected["".join(doc.text.split())] = _pairs(doc.text, doc.spans)
    out = tmp_path / ("brat" if fmt == "brat" else f"out.{fmt}")
    result = export(ws, ExportRequest(fmt, out))
    assert result.documents == len(expected)
    paths = sorted(out.glob("*.txt")) if fmt == "brat" else [out]
    records = [r for p in paths for r in _read_back(fmt, p)]
    assert len(records) == len(expected)
    for rec in records:
        doc = rec.document
        for span in doc.spans:
            assert doc.text[span.start : span.end] == doc.text[span.start : span.end].strip()
        got = _pairs(doc.text, doc.spans)
        want = expected["".join(doc.text.split())]
        if fmt == "conll":  # CoNLL rebuilds the text from tokens joined by spaces
            got = [("".join(t.split()), lb) for t, lb in got]
            want = [("".join(t.split()), lb) for t, lb in want]
        assert got == want, fmt


def test_native_export_carries_the_event_and_states_the_offset_unit(
    ws: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "native.jsonl"
    export(ws, ExportRequest("jsonl", out))
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert first["offsets"] == "codepoints, end-exclusive"
    spans = {s["id"]: s for s in first["spans"]}
    [event] = first["events"]
    assert spans[event["trigger"]]["text"] == "memimpin"
    roles = {a["role"]: spans[a["span"]]["text"] for a in event["arguments"]}
    assert roles == {"agent": "Hary Sudwijanto", "place": "Tarakan", "time": "Rabu"}
    assert all(first["text"][s["start"] : s["end"]] == s["text"] for s in first["spans"])


def test_spacy_export_aligns_with_spacys_own_tokenizer(ws: Workspace, tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    out = tmp_path / "train.jsonl"
    result = export(ws, ExportRequest("spacy", out))
    assert "spans not aligned to spaCy tokens" not in result.outputs[out].dropped
    nlp = spacy.blank("id")
    docs = []
    for line in out.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        doc = nlp.make_doc(rec["text"])
        spans = [
            doc.char_span(s, e, label=lb, alignment_mode="strict") for s, e, lb in rec["spans"]
        ]
        assert all(span is not None for span in spans), rec["spans"]
        doc.spans["sc"] = spans
        docs.append(doc)
    DocBin(docs=docs, store_user_data=True).to_disk(tmp_path / "train.spacy")
    back = list(DocBin().from_disk(tmp_path / "train.spacy").get_docs(nlp.vocab))
    assert [len(d.spans["sc"]) for d in back] == [len(d.spans["sc"]) for d in docs]


def test_status_filter_defaults_to_done_and_all_takes_everything(
    ws: Workspace, tmp_path: Path
) -> None:
    done = export(ws, ExportRequest("jsonl", tmp_path / "a.jsonl"))
    every = export(ws, ExportRequest("jsonl", tmp_path / "b.jsonl", Selection(statuses=None)))
    assert every.documents == done.documents + 1


def test_label_filter_keeps_only_those_spans(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "per.jsonl"
    export(ws, ExportRequest("jsonl", out, Selection(labels=("PER",))))
    for line in out.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert {s["label"] for s in rec["spans"]} == {"PER"}
        assert rec["events"] == []  # the trigger was not kept


def test_split_is_by_document_reproducible_and_complete(sqlite_url: str, tmp_path: Path) -> None:
    ws = Workspace.open(sqlite_url, "pecah")
    path = tmp_path / "many.jsonl"
    rows = [
        {
            "text": f"Rilis {i} Polda Kaltara.",
            "status": "done",
            "spans": [],
            "offsets": "codepoints, end-exclusive",
            "meta": {},
        }
        for i in range(50)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    ws.import_paths([path])
    out = tmp_path / "data.jsonl"
    first = export(ws, ExportRequest("jsonl", out, split=Split((0.8, 0.1, 0.1), seed=3)))
    names = [p.name for p in first.outputs]
    assert names == ["data.train.jsonl", "data.dev.jsonl", "data.test.jsonl"]
    counts = [r.documents for r in first.outputs.values()]
    assert counts == [40, 5, 5]
    texts = [set(p.read_text().splitlines()) for p in first.outputs]
    assert not (texts[0] & texts[1]) and not (texts[0] & texts[2])
    export(ws, ExportRequest("jsonl", out, split=Split((0.8, 0.1, 0.1), seed=3)))
    assert [set(p.read_text().splitlines()) for p in first.outputs] == texts


def test_cancelled_export_leaves_the_old_file_untouched(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "keep.jsonl"
    out.write_text("old contents\n", encoding="utf-8")
    with pytest.raises(ExportCancelledError):
        export(ws, ExportRequest("jsonl", out), cancelled=lambda: True)
    assert out.read_text(encoding="utf-8") == "old contents\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
