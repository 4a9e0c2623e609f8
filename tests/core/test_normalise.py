"""Alias keys and word units: what makes "KOMBES POL." and "Kombes Pol" the same name."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.normalise import initials, normalise, strip_clitic, word_units


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("KOMBES POL BUDI RACHMAT", "kombes pol budi rachmat"),
        ("Kombes  Pol.\tBudi\nRachmat", "kombes pol budi rachmat"),
        ("Budi Rachmat, S.I.K, M.Si", "budi rachmat sik m si"),
        ("Café Jum'at", "cafe jumat"),
        ("Polda Kaltara-nya!", "polda kaltara nya"),
        ("“KPU”", "kpu"),
        ("ＫＰＵ", "kpu"),
        ("  ", ""),
    ],
)
def test_normalise_ignores_case_accents_and_punctuation(text: str, key: str) -> None:
    assert normalise(text) == key


def test_initials_of_capitalised_words_skip_function_words() -> None:
    assert initials("Komisi Pemilihan Umum") == {"kpu"}
    assert "dpupr" in initials("Dinas Pekerjaan Umum dan Penataan Ruang")
    assert initials("Tarakan") == set()


def test_strip_clitic_keeps_a_real_stem() -> None:
    assert strip_clitic("kaltaranya") == ("kaltara", 3)
    assert strip_clitic("nya") is None
    assert strip_clitic("tarakan") is None


def test_word_units_split_hyphens_and_skip_punctuation() -> None:
    text = "🎉 Polda Kaltara-nya, Kombes Pol. Budi"
    units = word_units(text)
    assert [text[u.start : u.end] for u in units] == [
        "Polda", "Kaltara", "nya", "Kombes", "Pol", "Budi",
    ]  # fmt: skip
    assert [u.joined for u in units] == [False, True, True, False, True, True]


def test_word_units_break_at_paragraphs() -> None:
    units = word_units("Polda\n\nKaltara")
    assert [u.joined for u in units] == [False, False]


_ALPHABET = st.sampled_from([*"aAbBéÉ zZ.-,'’/\n🎉İß", "e\u0301", "👍🏽"])


@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_joined_units_spell_the_key_of_the_text_they_cover(text: str) -> None:
    units = word_units(text)
    for first, unit in enumerate(units):
        key = unit.key
        assert normalise(text[unit.start : unit.end]) == key
        for last in range(first + 1, len(units)):
            if not units[last].joined:
                break
            key = f"{key} {units[last].key}"
            assert normalise(text[unit.start : units[last].end]) == key
