"""Pre-annotation: every mention of a known alias, with code-point offsets."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from annotator.core.model import Alias, Entity, Suggestion
from annotator.core.suggest import Matcher, find_mentions, occurrences

GAZETTEER = [
    Entity("Polda Kaltara", "ORG", id=1),
    Entity("Kabid Humas", "TITLE", id=2),
    Entity("Budi Rachmat", "PER", aliases=(Alias("Kombes Pol. Budi Rachmat"),), id=3),
    Entity("Kalimantan Utara", "LOC", id=4),
    Entity("Bulungan", "LOC", id=5),
    Entity("Komisi Pemilihan Umum", "ORG", aliases=(Alias("KPU"),), id=6),
    Entity("Mapolda Kaltara", "LOC", id=7),
    Entity("Tarakan", "LOC", id=8),
]


@pytest.fixture
def matcher() -> Matcher:
    return Matcher(GAZETTEER)


def spans(text: str, found: list[Suggestion]) -> list[tuple[str, str, float]]:
    return [(text[s.start : s.end], s.label, s.score) for s in found]


def assert_no_overlap(found: list[Suggestion]) -> None:
    for before, after in itertools.pairwise(found):
        assert before.end <= after.start


def whole_words(text: str, surface: str) -> list[int]:
    return [m.start() for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)]


def test_sample_release_exact_mentions(sample_release: Path, matcher: Matcher) -> None:
    text = sample_release.read_text(encoding="utf-8")
    found = find_mentions(text, matcher, fuzzy=False)
    assert_no_overlap(found)
    by_start = {s.start: s for s in found}
    for start in whole_words(text, "Polda Kaltara"):
        hit = by_start[start]
        assert (hit.end, hit.label) == (start + 13, "ORG")
        assert hit.entity is not None and hit.entity.id == 1
    assert len(whole_words(text, "Polda Kaltara")) == 10
    for start in whole_words(text, "Mapolda Kaltara"):
        assert text[by_start[start].start : by_start[start].end] == "Mapolda Kaltara"
        assert by_start[start].label == "LOC"
    assert len(whole_words(text, "Mapolda Kaltara")) == 2
    assert not [s for s in found if text[s.start - 2 : s.start] in ("Ma", "Ka")]
    assert all(s.score == 100 for s in found)
    assert text[138:162] == "Kombes Pol. Budi Rachmat"
    assert by_start[138].label == "PER" and by_start[138].end == 162
    assert text[0:7] == "Tarakan" and by_start[0].end == 7
    for surface, label in [
        ("Kabid Humas", "TITLE"),
        ("Kalimantan Utara", "LOC"),
        ("Bulungan", "LOC"),
        ("Komisi Pemilihan Umum", "ORG"),
        ("KPU", "ORG"),
        ("Tarakan", "LOC"),
    ]:
        starts = whole_words(text, surface)
        assert starts, surface
        for start in starts:
            assert spans(text, [by_start[start]]) == [(surface, label, 100)]


def test_sample_release_fuzzy_adds_only_variants(sample_release: Path, matcher: Matcher) -> None:
    text = sample_release.read_text(encoding="utf-8")
    exact = find_mentions(text, matcher, fuzzy=False)
    both = find_mentions(text, matcher)
    assert_no_overlap(both)
    assert set(exact) <= set(both)
    added = spans(text, [s for s in both if s not in exact])
    assert set(added) == {("Kabidhumas", "TITLE", 97.0)}  # "Kabid Humas" without the space
    assert len(added) == 2


def test_longest_alias_wins_then_earliest() -> None:
    matcher = Matcher(
        [
            Entity("Polda Kaltara", "ORG"),
            Entity("Kaltara", "LOC"),
            Entity("Kabid Humas Polda", "TITLE"),
            Entity("Humas Polda", "ORG"),
            Entity("Bulungan Tarakan", "LOC"),
            Entity("Tarakan Nunukan", "LOC"),
        ]
    )
    text = "Kabid Humas Polda Kaltara hadir di Bulungan Tarakan Nunukan."
    assert spans(text, find_mentions(text, matcher)) == [
        ("Kabid Humas Polda", "TITLE", 100),
        ("Kaltara", "LOC", 100),
        ("Bulungan Tarakan", "LOC", 100),
    ]


def test_words_are_whole_and_clitics_split_at_hyphens(matcher: Matcher) -> None:
    text = "Polda Kaltara-nya, KPU-nya, KPUD dan Tarakannya."
    found = find_mentions(text, matcher, fuzzy=False)
    assert spans(text, found) == [("Polda Kaltara", "ORG", 100), ("KPU", "ORG", 100)]


def test_offsets_are_code_points_after_emoji(matcher: Matcher) -> None:
    text = "🎉👍🏽👨‍👩‍👧 Kabid Humas Polda Kaltara 🇮🇩 di Tarakan"
    found = find_mentions(text, matcher)
    assert spans(text, found) == [
        ("Kabid Humas", "TITLE", 100),
        ("Polda Kaltara", "ORG", 100),
        ("Tarakan", "LOC", 100),
    ]
    assert found[0].start == 9


def test_fuzzy_finds_misspelt_and_glued_variants(matcher: Matcher) -> None:
    text = (
        "Kemarin Polda Kaltra bersama Komisi Pemilhan Umum dan KabidHumas "
        "Kombes Pol Budi Rachmat meninjau Bulungn serta diTarakan; Polda Kaltaranya siap."
    )
    found = find_mentions(text, matcher)
    got = {(text[s.start : s.end], s.entity.name if s.entity else "") for s in found}
    assert got == {
        ("Polda Kaltra", "Polda Kaltara"),
        ("Komisi Pemilhan Umum", "Komisi Pemilihan Umum"),
        ("KabidHumas", "Kabid Humas"),
        ("Kombes Pol Budi Rachmat", "Budi Rachmat"),
        ("Bulungn", "Bulungan"),
        ("Tarakan", "Tarakan"),
        ("Polda Kaltara", "Polda Kaltara"),
    }
    assert all(85 <= s.score <= 100 for s in found)
    assert find_mentions(text, matcher, fuzzy=False) == [
        s for s in found if text[s.start : s.end] == "Kombes Pol Budi Rachmat"
    ]


def test_fuzzy_leaves_common_words_and_prefixed_names_alone() -> None:
    matcher = Matcher(
        [Entity("Saga", "LOC"), Entity("Polda Kaltara", "ORG"), Entity("Mapolda Kaltara", "LOC")]
    )
    text = "Personel siaga di depan Kapolda Kaltara."
    assert find_mentions(text, matcher) == []


def test_fuzzy_respects_min_score(matcher: Matcher) -> None:
    text = "Polda Kaltra"
    assert find_mentions(text, matcher, min_score=99) == []
    assert find_mentions(text, matcher, fuzzy=False) == []


def test_occurrences_are_whole_words_in_any_case() -> None:
    text = "KPU dan kpu, bukan KPUD; Polda\nKaltara dan Mapolda Kaltara. KPU-nya."
    assert occurrences(text, "kpu") == [(0, 3), (8, 11), (60, 63)]
    assert occurrences(text, "Polda Kaltara") == [(25, 38)]
    assert occurrences(text, "  ") == []
