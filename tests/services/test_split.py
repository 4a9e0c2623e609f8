"""Train / dev / test splits: document by document, near-duplicates kept in one part."""

from __future__ import annotations

import json
import random
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from annotator.services.export import ExportRequest, Split, export
from annotator.services.neardups import NearDuplicate
from annotator.services.split import near_duplicate_groups
from annotator.services.workspace import Workspace
from annotator.store.selection import Selection

EVERY = Selection(statuses=None)


def _by_document(ids: list[int], ratios: tuple[float, float, float], seed: int) -> list[list[int]]:
    """The split as it was before groups: shuffle the ids, cut by counts."""
    shuffled = list(ids)
    random.Random(seed).shuffle(shuffled)
    n_train = round(len(ids) * ratios[0] / sum(ratios))
    n_dev = round(len(ids) * ratios[1] / sum(ratios))
    cuts = [shuffled[:n_train], shuffled[n_train : n_train + n_dev], shuffled[n_train + n_dev :]]
    return [sorted(c) for c in cuts]


@given(st.integers(0, 300), st.integers(0, 10_000))
def test_without_near_duplicates_the_parts_are_the_document_by_document_ones(
    count: int, seed: int
) -> None:
    ids = list(range(1, 2 * count + 1, 2))
    ratios = (0.7, 0.2, 0.1)
    parts = Split(ratios, seed).parts(ids)
    assert list(parts.values()) == _by_document(ids, ratios, seed)


@given(st.lists(st.tuples(st.integers(1, 80), st.integers(1, 80)), max_size=40), st.integers())
def test_each_group_lands_whole_in_one_part(links: list[tuple[int, int]], seed: int) -> None:
    ids = list(range(1, 81))
    pairs = [NearDuplicate(a, b, 0.9) for a, b in links if a != b]
    groups = near_duplicate_groups(ids, pairs)
    parts = Split((0.8, 0.1, 0.1), seed).parts(ids, groups)
    assert sorted(i for part in parts.values() for i in part) == ids
    home = {i: name for name, part in parts.items() for i in part}
    for a, b in ((p.doc_id, p.other) for p in pairs):
        assert home[a] == home[b]


def test_groups_join_pairs_through_shared_documents_within_the_selection() -> None:
    pairs = [NearDuplicate(5, 2, 0.9), NearDuplicate(9, 5, 0.95), NearDuplicate(7, 30, 0.9)]
    assert near_duplicate_groups([2, 5, 7, 9, 11], pairs) == [[2, 5, 9]]  # 30 not selected


def test_an_export_keeps_a_syndicated_copy_with_its_original(
    sqlite_url: str, tmp_path: Path
) -> None:
    ws = Workspace.open(sqlite_url, "pecah")
    story = " ".join(f"Personel regu {n} berjaga di pos pelabuhan Tarakan." for n in range(30))
    rows = [{"text": f"Rilis {i}: Polda Kaltara menggelar apel nomor {i}."} for i in range(40)]
    rows += [{"text": f"Tarakan (ANTARA) - {story}"}, {"text": f"TARAKAN - {story} Aman."}]
    path = tmp_path / "rilis.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    ws.import_paths([path])
    out = tmp_path / "data.jsonl"
    for seed in range(12):
        result = export(ws, ExportRequest("jsonl", out, EVERY, Split(seed=seed)))
        holding = [p.name for p in result.outputs if story in p.read_text(encoding="utf-8")]
        assert len(holding) == 1, (seed, holding)  # both copies in one file
        (report,) = {tuple(r.notes) for r in result.outputs.values()}
        assert "near-duplicates kept in one part: 1 group(s), 2 documents" in report
    apart = [
        export(ws, ExportRequest("jsonl", out, EVERY, Split(seed=seed, together=False)))
        for seed in range(12)
    ]
    files = [[p for p in r.outputs if story in p.read_text(encoding="utf-8")] for r in apart]
    assert any(len(holding) == 2 for holding in files)  # left alone, some seed parts them
    ws.close()
