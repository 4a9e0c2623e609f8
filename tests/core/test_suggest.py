"""Ranking knowledge-base entities for a selected text."""

from __future__ import annotations

import pytest

from annotator.core.model import Alias, Entity
from annotator.core.suggest import Candidate, Matcher


@pytest.fixture
def matcher() -> Matcher:
    return Matcher(
        [
            Entity(
                "Polda Kaltara",
                "ORG",
                aliases=(Alias("Polda Kaltara", 5), Alias("Polda Kalimantan Utara")),
                id=1,
            ),
            Entity("Mapolda Kaltara", "LOC", id=2),
            Entity("Budi Rachmat", "PER", aliases=(Alias("Kombes Pol. Budi Rachmat"),), id=3),
            Entity("Komisi Pemilihan Umum", "ORG", id=4),
            Entity("Komisi Pemberantasan Korupsi", "ORG", id=5),
            Entity("Kalimantan Utara", "LOC", aliases=(Alias("Kaltara", 3),), id=6),
            Entity("Tarakan", "LOC", id=7),
            Entity("Bulungan", "LOC", id=8),
            Entity("Polres Bulungan", "ORG", id=9),
        ]
    )


def top(matcher: Matcher, query: str) -> Candidate:
    ranked = matcher.rank(query)
    assert ranked, f"nothing for {query!r}"
    return ranked[0]


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Kaltara Polda", "Polda Kaltara"),
        ("Polda Kaltra", "Polda Kaltara"),
        ("Budi Rahmat", "Budi Rachmat"),
        ("Tarakn", "Tarakan"),
        ("Bulungan Polres", "Polres Bulungan"),
    ],
)
def test_rank_tolerates_word_order_and_typos(matcher: Matcher, query: str, name: str) -> None:
    best = top(matcher, query)
    assert best.name == name
    assert 80 <= best.score < 100


def test_rank_ignores_case_accents_and_punctuation(matcher: Matcher) -> None:
    best = top(matcher, "KOMBES POL BUDI RACHMAT")
    assert (best.entity_id, best.alias, best.score) == (3, "Kombes Pol. Budi Rachmat", 100)
    assert top(matcher, "tarakán").score == 100


def test_rank_finds_an_entity_through_its_alias(matcher: Matcher) -> None:
    best = top(matcher, "Polda Kalimantan Utara")
    assert (best.name, best.type, best.alias, best.score) == (
        "Polda Kaltara",
        "ORG",
        "Polda Kalimantan Utara",
        100,
    )


def test_rank_reads_acronyms_without_an_alias(matcher: Matcher) -> None:
    best = top(matcher, "KPU")
    assert best.name == "Komisi Pemilihan Umum"
    assert best.score >= 90
    assert top(matcher, "kpk").name == "Komisi Pemberantasan Korupsi"


def test_rank_reads_a_spelt_out_name_as_the_acronym_alias() -> None:
    matcher = Matcher([Entity("KPU", "ORG", id=1), Entity("Komisi Yudisial", "ORG", id=2)])
    assert top(matcher, "Komisi Pemilihan Umum").name == "KPU"


def test_exact_alias_ranks_first_over_a_frequent_near_match() -> None:
    matcher = Matcher(
        [
            Entity("Polda Kaltara", "ORG", aliases=(Alias("Polda Kaltara", 1000),), id=1),
            Entity("Polda Kaltar", "ORG", id=2),
        ]
    )
    ranked = matcher.rank("polda kaltar")
    assert [c.entity_id for c in ranked] == [2, 1]
    assert ranked[0].score == 100
    assert ranked[1].score < 100


def test_rank_gives_one_row_per_entity_with_its_best_alias(matcher: Matcher) -> None:
    ranked = matcher.rank("Polda Kaltara", limit=10)
    ids = [c.entity_id for c in ranked]
    assert len(ids) == len(set(ids))
    assert ranked[0].alias == "Polda Kaltara"


def test_rank_filters_by_type(matcher: Matcher) -> None:
    ranked = matcher.rank("Kaltara", type="LOC")
    assert ranked
    assert {c.type for c in ranked} == {"LOC"}
    assert "Polda Kaltara" not in [c.name for c in ranked]
    assert matcher.rank("Kaltara", type="EVENT") == []


def test_rank_respects_limit_and_sorts_by_score(matcher: Matcher) -> None:
    ranked = matcher.rank("Kaltara", limit=2, min_score=0)
    assert len(ranked) == 2
    scores = [c.score for c in matcher.rank("Kaltara", limit=10, min_score=0)]
    assert scores == sorted(scores, reverse=True)


def test_rank_of_nothing_is_empty(matcher: Matcher) -> None:
    assert matcher.rank("  ...  ") == []
    assert matcher.rank("Polda", limit=0) == []
    assert Matcher([]).rank("Polda") == []


def test_rank_drops_unrelated_entities(matcher: Matcher) -> None:
    assert matcher.rank("Xylofon Qwerty") == []
