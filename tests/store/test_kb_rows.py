"""Span rows about to be inserted are learnt and linked in one go (SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

from annotator.core import model
from annotator.services.workspace import Workspace
from annotator.store import kb
from annotator.store.ingest import label_ids

TEXTS = {
    1: "Polda Kaltara dan POLDA KALTARA menangkap dua orang di Tarakan ...",
    2: "Kapolda Kaltara tiba di Tarakan.",
}


def _row(doc: int, surface: str, label_id: int, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = TEXTS[doc].index(surface, start + 1)
    return {
        "document_id": doc,
        "start": start,
        "end": start + len(surface),
        "label_id": label_id,
        "entity_id": None,
    }


def test_rows_get_their_entities_and_the_aliases_their_counts(db_url: str) -> None:
    ws = Workspace.open(db_url, "berita", "ani")
    pid = ws.project.id
    ws.store.ensure_labels(
        pid,
        [
            ("ORG", model.LabelKind.ENTITY),
            ("LOC", model.LabelKind.ENTITY),
            ("PER", model.LabelKind.ENTITY),
            ("ARREST", model.LabelKind.EVENT),
        ],
    )
    with ws.store.engine.begin() as conn:
        labels = label_ids(conn, pid)
        org, loc, per = (labels[(n, "entity")] for n in ("ORG", "LOC", "PER"))
        [known] = kb.learn(conn, pid, [kb.Mention("Tarakan", "LOC")])
        rows = [
            _row(1, "Polda Kaltara", org),
            _row(1, "POLDA KALTARA", org),
            _row(1, "menangkap", labels[("ARREST", "event")]),
            _row(1, "Tarakan", loc),
            _row(1, "...", org),
            _row(2, "Kapolda Kaltara", per),
            _row(2, "Tarakan", loc),
        ]
        kb.learn_rows(conn, pid, rows, TEXTS, labels)
        entities = {
            e.id: (e.name, e.type, [(a.text, a.count) for a in e.aliases])
            for e in kb.all_entities(conn, pid)
        }
    named = [entities[r["entity_id"]][0] if r["entity_id"] else None for r in rows]
    assert named == [
        "Polda Kaltara",
        "Polda Kaltara",
        None,  # an event trigger is not learnt
        "Tarakan",
        None,  # normalises to nothing
        "Kapolda Kaltara",
        "Tarakan",
    ]
    assert rows[3]["entity_id"] == known
    assert sorted(entities.values()) == [
        ("Kapolda Kaltara", "PER", [("Kapolda Kaltara", 1)]),
        ("Polda Kaltara", "ORG", [("Polda Kaltara", 2)]),
        ("Tarakan", "LOC", [("Tarakan", 3)]),
    ]
    ws.close()
