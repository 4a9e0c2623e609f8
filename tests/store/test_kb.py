"""The knowledge base tables on SQLite and PostgreSQL: learn, forget, merge, move, fingerprint."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Connection

from annotator.services.workspace import Workspace
from annotator.store import kb


@pytest.fixture
def project(db_url: str) -> Iterator[tuple[Workspace, int]]:
    """An empty project and its id."""
    ws = Workspace.open(db_url, "kb", "ani")
    yield ws, ws.project.id
    ws.close()


def _aliases(conn: Connection, pid: int, entity_id: int) -> dict[str, int]:
    found = kb.entity(conn, pid, entity_id)
    assert found is not None
    return {a.text: a.count for a in found.aliases}


def test_learning_finds_the_entity_by_normalised_alias_and_type(
    project: tuple[Workspace, int],
) -> None:
    ws, pid = project
    with ws.store.engine.begin() as conn:
        first = kb.learn(conn, pid, [kb.Mention("Polda Kaltara", "ORG")])
        again = kb.learn(
            conn,
            pid,
            [
                kb.Mention("POLDA  Kaltara", "ORG"),  # same key: the same entity
                kb.Mention("Polda Kaltara", "LOC"),  # another type: another entity
                kb.Mention(" ... ", "ORG"),  # nothing to learn
            ],
        )
        assert again[0] == first[0] and again[1] != first[0] and again[2] is None
        # one alias per normalised key: its first spelling, seen twice
        assert _aliases(conn, pid, first[0] or 0) == {"Polda Kaltara": 2}


def test_a_name_across_a_line_break_is_kept_on_one_line(project: tuple[Workspace, int]) -> None:
    """An inline corpus keeps a name its sentence splitter cut ("E.\\nMangindaan") as one span."""
    ws, pid = project
    with ws.store.engine.begin() as conn:
        [cut] = kb.learn(conn, pid, [kb.Mention("E.\nMangindaan", "PERSON")])
        [whole] = kb.learn(conn, pid, [kb.Mention("E. Mangindaan", "PERSON")])
        assert cut is not None and whole == cut
        found = kb.entity(conn, pid, cut)
        assert found is not None and found.name == "E. Mangindaan"
        assert _aliases(conn, pid, cut) == {"E. Mangindaan": 2}


def test_a_name_known_in_another_project_is_a_new_entity_here(db_url: str) -> None:
    """Projects share the tables, not their names; counts stay with their own alias."""
    first, second = Workspace.open(db_url, "kb-a", "ani"), Workspace.open(db_url, "kb-b", "ani")
    try:
        with first.store.engine.begin() as conn:
            [theirs] = kb.learn(conn, first.project.id, [kb.Mention("Polres Bulungan", "ORG")])
            [ours] = kb.learn(conn, second.project.id, [kb.Mention("polres bulungan", "ORG")])
            [again] = kb.learn(conn, second.project.id, [kb.Mention("Polres Bulungan", "ORG")])
            assert theirs is not None and ours is not None
            assert ours != theirs and again == ours
            assert _aliases(conn, first.project.id, theirs) == {"Polres Bulungan": 1}
            assert _aliases(conn, second.project.id, ours) == {"polres bulungan": 2}
    finally:
        first.close()
        second.close()


def test_forgetting_leaves_a_dormant_alias_out_of_matching(
    project: tuple[Workspace, int],
) -> None:
    ws, pid = project
    with ws.store.engine.begin() as conn:
        [eid] = kb.learn(conn, pid, [kb.Mention("KPU", "ORG")])
        assert eid is not None
        before = kb.fingerprint(conn, pid)
        kb.adjust(conn, [(eid, "KPU", -1), (eid, "KPU", -5)])
        assert _aliases(conn, pid, eid) == {"KPU": 0}
        assert kb.load_entities(conn, pid) == []
        assert kb.fingerprint(conn, pid) != before
        assert kb.learn(conn, pid, [kb.Mention("kpu", "ORG")]) == [eid]  # found again


def test_merge_sums_counts_and_moves_links(project: tuple[Workspace, int]) -> None:
    ws, pid = project
    with ws.store.engine.begin() as conn:
        a, b = kb.learn(
            conn, pid, [kb.Mention("KPU", "ORG"), kb.Mention("Komisi Pemilihan", "ORG")]
        )
        assert a is not None and b is not None
        kb.adjust(conn, [(b, "KPU", 2)])
        kb.merge(conn, pid, a, [b, a])
        assert kb.entity(conn, pid, b) is None
        assert _aliases(conn, pid, a) == {"KPU": 3, "Komisi Pemilihan": 1}
        assert [e.id for e in kb.load_entities(conn, pid)] == [a]


def test_moving_an_alias_and_exporting_every_entity(project: tuple[Workspace, int]) -> None:
    ws, pid = project
    with ws.store.engine.begin() as conn:
        [a] = kb.learn(conn, pid, [kb.Mention("Bulungan", "LOC")])
        kb.adjust(conn, [(a or 0, "Kab. Bulungan", 1)])
        new = kb.create_entity(conn, pid, "Kabupaten Bulungan", "LOC", "kabupaten", "Q1234")
        alias_id = next(x.id for x in kb.all_entities(conn, pid)[0].aliases if x.text != "Bulungan")
        assert alias_id is not None
        assert kb.alias_owner(conn, pid, alias_id) == (a, "Kab. Bulungan", "kab bulungan")
        kb.move_alias(conn, alias_id, new)
        exported = {e.name: e for e in kb.all_entities(conn, pid)}
        assert [x.text for x in exported["Kabupaten Bulungan"].aliases] == ["Kab. Bulungan"]
        assert exported["Kabupaten Bulungan"].external_id == "Q1234"
        assert kb.alias_owner(conn, pid + 1, alias_id) is None  # another project's view
