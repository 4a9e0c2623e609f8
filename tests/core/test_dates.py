"""Dates in Indonesian and English become ISO 8601."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.dates import find_date, find_date_at, parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Kamis, 12 Desember 2024 4:33", "2024-12-12T04:33"),
        ("Rabu, 11 Desember 2024 16:32", "2024-12-11T16:32"),
        ("5 Jan 2025", "2025-01-05"),
        ("12 Mei 2024", "2024-05-12"),
        ("1 Agt 2024", "2024-08-01"),
        ("1 Agu 2024", "2024-08-01"),
        ("3 Ags 2024", "2024-08-03"),
        ("9 Okt 2023", "2023-10-09"),
        ("25 Des 2023", "2023-12-25"),
        ("17 Agustus 1945", "1945-08-17"),
        ("Jumat, 6 Desember 2024 21:26 WIB", "2024-12-06T21:26"),
        ("17/6/2025", "2025-06-17"),
        ("05-01-2025", "2025-01-05"),
        ("2025-06-17", "2025-06-17"),
    ],
)
def test_indonesian_and_numeric_dates(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("June 17, 2025", "2025-06-17"),
        ("Aug. 5, 2025", "2025-08-05"),
        ("Sept. 04, 2025", "2025-09-04"),
        ("MAY 11, 2026", "2026-05-11"),
        ("01 Nov, 2024", "2024-11-01"),
        ("Thursday Dec 14, 2023 @ 7:00 PM", "2023-12-14T19:00"),
        ("January 26, 2024 16:30", "2024-01-26T16:30"),
        ("July, 2026", "2026-07"),
        ("6/17/2025", "2025-06-17"),
    ],
)
def test_english_dates(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text",
    ["Rabu", "Monday", "", "Polda Kaltara", "2024-02-30", "31 Juni 2024", "June 2025 was hot"],
)
def test_not_dates(text: str) -> None:
    assert parse_date(text) is None


def test_find_date_inside_a_sentence_keeps_the_weekday() -> None:
    found = find_date("kata Prabowo dalam keterangannya, Selasa (21/10/2025).")
    assert found is not None
    assert found.iso == "2025-10-21"
    sentence = "Hong Kong (Newsworthy.ai) Thursday Dec 14, 2023 @ 7:00 AM Pacific"
    found = find_date(sentence)
    assert found is not None
    assert (found.iso, found.weekday) == ("2023-12-14T07:00", "Thursday")
    assert sentence[found.start : found.end].startswith("Thursday Dec 14, 2023")


def test_find_date_skips_impossible_dates() -> None:
    found = find_date("on 31/02/2024 or rather 29/02/2024")
    assert found is not None
    assert found.iso == "2024-02-29"


_PIECES = (
    "Rabu", "Rabu,", "Monday,", "12", "31", "1", "5,", "Mei", "Februari", "Jan.", "June",
    "Sept", "2024", "1999", "1234:", "12/6/2024", "6/17/2025", "2024-06-12", "pukul",
    "10.30", "14:05", "PM", "WIB", "(ANTARA)", "-", "at", "1st", "Rilis", "x",
)  # fmt: skip


@given(
    st.lists(
        st.tuples(st.sampled_from(_PIECES), st.sampled_from(["", " ", "  ", ", "])),
        min_size=1,
        max_size=9,
    ),
    st.sampled_from([0, 2]),
)
def test_a_date_at_the_start_is_the_one_find_date_finds(
    parts: list[tuple[str, str]], limit: int
) -> None:
    s = "".join(piece + gap for piece, gap in parts)
    found = find_date(s)
    assert find_date_at(s, limit) == (found if found and found.start <= limit else None)


def test_numbers_that_cannot_be_years_do_not_hide_or_make_a_date() -> None:
    found = find_date("Rilis 5000: rapat pleno 5 Januari 2025 di Tarakan")
    assert found is not None and found.iso == "2025-01-05"
    assert find_date("Bantuan Rp 15000 untuk 3000 keluarga, 20245 paket") is None
    assert parse_date("Desember 3024") is None and parse_date("Desember 2024") == "2024-12"
