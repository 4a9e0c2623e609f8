"""Imported entity spans teach the knowledge base: aliases, counts, new entities, links."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from annotator.core import model
from annotator.core.textio import content_hash
from annotator.services.importing import FIRST_BATCH
from annotator.services.knowledge import KnowledgeBase, learnt_on_insert
from annotator.services.workspace import Workspace
from annotator.store import kb
from annotator.store.ingest import Annotated, insert_batch, label_ids
from annotator.store.repository import ensure_labels

ENTITY, EVENT = model.LabelKind.ENTITY, model.LabelKind.EVENT
FIRST = "Polda Kaltara dan POLDA KALTARA siaga di Tarakan ... kata Budi."
SECOND = "Kapolda Kaltara tiba di Tarakan; Polda Kaltara menangkap dua orang."


def _doc(text: str, *spans: tuple[str, str], events: Sequence[model.Event] = ()) -> model.Document:
    found, pos = [], 0
    for n, (surface, label) in enumerate(spans, start=1):
        start = text.index(surface, pos)
        found.append(model.Span(start, start + len(surface), label, f"T{n}", model.Origin.IMPORTED))
        pos = start + 1
    return model.Document(
        text=text, spans=tuple(found), events=tuple(events), content_hash=content_hash(text)
    )


def _batches() -> list[list[model.Document]]:
    first = _doc(
        FIRST,
        ("Polda Kaltara", "ORG"),
        ("POLDA KALTARA", "ORG"),  # the same alias, spelt otherwise
        ("Tarakan", "LOC"),
        ("...", "ORG"),  # normalises to nothing: learnt as nothing, left unlinked
        ("Budi", "PER"),
    )
    second = _doc(
        SECOND,
        ("Kapolda Kaltara", "PER"),
        ("Tarakan", "LOC"),
        ("Polda Kaltara", "ORG"),
        ("menangkap", "ARREST"),  # an event trigger: not an entity
        events=[model.Event("ARREST", trigger="T4")],
    )
    return [[first], [second, first]]  # the repeated first document is skipped


def _import(ws: Workspace, docs: list[model.Document]) -> list[int | None]:
    """What the importer does with a batch: labels, then documents learnt as inserted."""
    pid = ws.project.id
    with ws.store.session() as s:
        kinds = [(s.label, ENTITY) for d in docs for s in d.spans] + [("ARREST", EVENT)]
        ensure_labels(s, pid, kinds)
        s.flush()
        conn = s.connection()
        batch = [Annotated(d) for d in docs]
        ids = insert_batch(conn, pid, batch, label_ids(conn, pid), learn=True)
        learnt_on_insert(conn, pid)
    return ids


def _state(ws: Workspace, doc_ids: list[int]) -> tuple[object, ...]:
    with ws.store.engine.connect() as conn:
        entities = [
            (e.name, e.type, [(a.text, a.count) for a in e.aliases])
            for e in kb.all_entities(conn, ws.project.id)
        ]
    links = []
    for doc_id in doc_ids:
        doc = ws.document(doc_id)
        assert doc is not None
        links += [(s.text_in(doc.text), s.entity.name if s.entity else None) for s in doc.spans]
    return entities, links


def test_imported_spans_are_learnt_counted_and_linked(db_url: str) -> None:
    ws = Workspace.open(db_url, "berita", "ani")
    first, second = _batches()
    ids = _import(ws, first) + _import(ws, second)
    assert ids[2] is None  # the repeated document
    entities, links = _state(ws, [i for i in ids if i is not None])
    assert entities == [
        ("Polda Kaltara", "ORG", [("Polda Kaltara", 3)]),
        ("Tarakan", "LOC", [("Tarakan", 2)]),
        ("Budi", "PER", [("Budi", 1)]),
        ("Kapolda Kaltara", "PER", [("Kapolda Kaltara", 1)]),
    ]
    assert links == [
        ("Polda Kaltara", "Polda Kaltara"),
        ("POLDA KALTARA", "Polda Kaltara"),
        ("Tarakan", "Tarakan"),
        ("...", None),
        ("Budi", "Budi"),
        ("Kapolda Kaltara", "Kapolda Kaltara"),
        ("Tarakan", "Tarakan"),
        ("Polda Kaltara", "Polda Kaltara"),
        ("menangkap", None),
    ]
    kb_ = KnowledgeBase(ws)
    assert kb_.rank("polda kaltra")[0].name == "Polda Kaltara"
    _import(ws, [_doc("Budi Rachmat hadir.", ("Budi Rachmat", "PER"))])
    assert kb_.rank("Budi Rachmat")[0].name == "Budi Rachmat"  # the open index saw it
    ws.close()


def test_imports_strengthen_entities_the_knowledge_base_already_knows(db_url: str) -> None:
    ws = Workspace.open(db_url, "berita", "ani")
    with ws.store.engine.begin() as conn:
        [known] = kb.learn(conn, ws.project.id, [kb.Mention("polda kaltara", "ORG")])
    first, _ = _batches()
    _import(ws, first)
    with ws.store.engine.connect() as conn:
        entity = kb.entity(conn, ws.project.id, known or 0)
    assert entity is not None and [(a.text, a.count) for a in entity.aliases] == [
        ("polda kaltara", 3)
    ]
    ws.close()


def test_a_name_seen_in_many_documents_is_one_entity(db_url: str) -> None:
    ws = Workspace.open(db_url, "berita", "ani")
    docs = [_doc(f"Rilis {n}: KPU Kaltara rapat pleno.", ("KPU Kaltara", "ORG")) for n in range(40)]
    ids = _import(ws, docs)
    entities, links = _state(ws, [i for i in ids if i is not None])
    assert entities == [("KPU Kaltara", "ORG", [("KPU Kaltara", 40)])]
    assert links == [("KPU Kaltara", "KPU Kaltara")] * 40
    ws.close()


def _release(text: str) -> dict[str, object]:
    names = ("Sutrisno", "Wulandari Hartono")
    spans = [[text.index(n), text.index(n) + len(n), "PER"] for n in names]
    return {"text": text, "label": spans}


def test_a_cancelled_import_takes_back_what_it_taught(db_url: str, tmp_path: Path) -> None:
    ws = Workspace.open(db_url, "batal", "ani")
    keep = tmp_path / "tetap.jsonl"  # stays: its name keeps one live sighting
    keep.write_text(
        json.dumps({"text": "Kompol Sutrisno hadir.", "label": [[7, 15, "PER"]]}) + "\n",
        encoding="utf-8",
    )
    assert ws.import_paths([keep]).imported == 1
    rows = [
        _release(f"Rilis {i}: Kompol Sutrisno dan Bripka Wulandari Hartono.") for i in range(2500)
    ]
    path = tmp_path / "batal.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    calls: list[int] = []
    summary = ws.import_paths(
        [path], progress=lambda p: calls.append(p.documents), cancelled=lambda: len(calls) >= 2
    )
    assert summary.cancelled and calls[-1] >= FIRST_BATCH  # a batch was learnt before Cancel
    base = KnowledgeBase(ws)
    assert [c.name for c in base.rank("Wulandari Hartono", "PER")] == []
    kept = base.rank("Sutrisno", "PER")
    assert [c.name for c in kept] == ["Sutrisno"]
    entity = base.entity(kept[0].entity_id)
    assert entity is not None and [a.count for a in entity.aliases] == [1]
    ws.close()
