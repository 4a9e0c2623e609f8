"""Press releases: datelines, boilerplate out of the body and into metadata."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.pressrelease import _has_rule, parse_release

BODY = (
    "Tarakan (ANTARA) - Polda Kaltara menggelar apel siaga di Bulungan, Rabu.\n"
    "Apel ini bagian dari pengamanan Pilkada 2024."
)


def test_the_sample_release(sample_release: Path) -> None:
    text = sample_release.read_text(encoding="utf-8")
    parsed = parse_release(text)
    assert (parsed.place, parsed.agency) == ("Tarakan", "ANTARA")
    assert parsed.body.startswith("Tarakan (ANTARA) - Dalam upaya")
    related = parsed.meta["related"]
    assert len(related) == 8
    assert related[0]["published_at"] == "2024-12-12T04:33"
    assert all(item["published_at"] and item["title"] for item in related)
    assert related[-1]["title"].startswith("Polda Kaltara akan pelajari putusan PN Tarakan")
    assert len(parsed.meta["read_also"]) == 2
    assert "Baca juga" not in parsed.body
    assert "Berita Terkait" not in parsed.body
    assert "Kamis, 12 Desember 2024" not in parsed.body
    assert parsed.body.endswith("Polres Jajaran.")
    assert parsed.meta["weekday"] == "Rabu"
    assert parsed.changed
    json.dumps(parsed.meta)


@pytest.mark.parametrize(
    "text",
    [
        "Ini hanya teks biasa tanpa struktur siaran pers.\nBaris kedua juga biasa.",
        "A plain paragraph.\n\n\nAnother one, with  odd   spacing.  \n",
        "",
        "About 200 people attended the meeting on Monday.\nThey left at noon.",
        "Contact us today to learn more about the programme.",
    ],
)
def test_text_without_structure_comes_back_unchanged(text: str) -> None:
    parsed = parse_release(text)
    assert parsed.body == text
    assert not parsed.changed
    assert parsed.meta == {}
    assert parsed.title is None
    assert (parsed.place, parsed.agency, parsed.published_at) == (None, None, None)


@pytest.mark.parametrize(
    ("opening", "place", "agency", "published_at"),
    [
        ("Tarakan (ANTARA) - ", "Tarakan", "ANTARA", None),
        ("Jakarta (ANTARA) - ", "Jakarta", "ANTARA", None),
        ("JAKARTA, 5 Jan 2025 /PRNewswire/ -- ", "Jakarta", "PRNewswire", "2025-01-05"),
        ("CHICAGO, June 17, 2025 /PRNewswire/ — ", "Chicago", "PRNewswire", "2025-06-17"),
        ("SAN FRANCISCO--(BUSINESS WIRE)--", "San Francisco", "Business Wire", None),
        ("VIENNA, Va.–(BUSINESS WIRE)–", "Vienna, Va.", "Business Wire", None),
        ("NEW YORK, June 17, 2025 (GLOBE NEWSWIRE) -- ", "New York", "GlobeNewswire", "2025-06-17"),
        (
            "Denver, CO (Newsworthy.ai) Tuesday Jun 17, 2025 @ 7:00 AM Eastern — ",
            "Denver, CO",
            "Newsworthy.ai",
            "2025-06-17T07:00",
        ),
        ("JAKARTA, KOMPAS.com - ", "Jakarta", "Kompas.com", None),
        ("Jakarta, CNN Indonesia -- ", "Jakarta", "CNN Indonesia", None),
        ("Liputan6.com, Jakarta - ", "Jakarta", "Liputan6.com", None),
        (
            "NASHVILLE, TN - (NewMediaWire) - September 05, 2024 - ",
            "Nashville, TN",
            "NewMediaWire",
            "2024-09-05",
        ),
        (
            "ST. LOUIS, MO / PR Karma / May 28, 2025 14:30\n\n",
            "St. Louis, MO",
            "PR Karma",
            "2025-05-28T14:30",
        ),
        ("Toronto, Ontario – September 23, 2024 – ", "Toronto, Ontario", None, "2024-09-23"),
    ],
)
def test_datelines(opening: str, place: str, agency: str | None, published_at: str | None) -> None:
    text = f"# Acme opens an office\n\n{opening}Acme Inc. today opened an office."
    parsed = parse_release(text)
    assert (parsed.place, parsed.agency, parsed.published_at) == (place, agency, published_at)
    assert parsed.title == "Acme opens an office"
    assert parsed.body.startswith(opening.rstrip("\n"))
    assert parsed.meta["dateline"] == opening.strip()


@pytest.mark.parametrize(
    "text",
    [
        "Polyrizon (NASDAQ: PLRZ), a biotech company, has announced a deal.",
        "- Warga Negara Indonesia (WNI)- wajib lapor",
        "Menteri Perencanaan Pembangunan Nasional (PPN)/Kepala Bappenas hadir.",
        "PT Bank Central Asia Tbk (BBCA)\nnaik 2 persen.",
        "In March 2024, the company opened a plant.",
    ],
)
def test_names_in_parentheses_and_dates_in_sentences_are_not_datelines(text: str) -> None:
    parsed = parse_release(text)
    assert (parsed.place, parsed.agency) == (None, None)


def test_dateline_after_a_subtitle_and_bullets() -> None:
    text = (
        "# Acme grows\n\nA subtitle that says more\n\n* first point\n* second point\n\n"
        " ANNA, Ohio, July 21, 2025 /PRNewswire/ — Acme will mark its anniversary."
    )
    parsed = parse_release(text)
    assert (parsed.place, parsed.agency, parsed.published_at) == (
        "Anna, Ohio",
        "PRNewswire",
        "2025-07-21",
    )


def test_baca_juga_lines_go_to_read_also() -> None:
    text = (
        BODY
        + "\nBaca juga: Kapolda cek kesiapan personel\nBACA JUGA : Apel Power On Hand\nPenutup."
    )
    parsed = parse_release(text)
    assert parsed.meta["read_also"] == ["Kapolda cek kesiapan personel", "Apel Power On Hand"]
    assert parsed.body == BODY + "\nPenutup."


def test_berita_terkait_block_goes_to_related() -> None:
    text = (
        BODY + "\nBerita Terkait\nJudul satu\nSenin, 2 Desember 2024 9:05\nJudul dua\n3 Des 2024\n"
    )
    parsed = parse_release(text)
    assert parsed.meta["related"] == [
        {"title": "Judul satu", "published_at": "2024-12-02T09:05"},
        {"title": "Judul dua", "published_at": "2024-12-03"},
    ]
    assert parsed.body == BODY


def test_scroll_marker_and_video_trailers_are_removed() -> None:
    text = (
        "Paragraf satu.\nSCROLL TO CONTINUE WITH CONTENT\nParagraf dua.\n\n"
        "Simak juga Video 'Menkeu bicara inflasi':\n\n[Gambas:Video 20detik]\n\n"
    )
    parsed = parse_release(text)
    assert parsed.body == "Paragraf satu.\nParagraf dua."
    assert "Simak juga Video 'Menkeu bicara inflasi':" in parsed.meta["boilerplate"]["trailer"]
    saksikan = parse_release("Isi berita.\nSaksikan juga tayangan lengkapnya di kanal kami")
    assert saksikan.body == "Isi berita."


def test_about_and_contacts_leave_the_body() -> None:
    text = (
        "CHICAGO, June 17, 2025 /PRNewswire/ — Kin announced a launch.\n\n"
        "More news about the launch.\n\nAbout Kin Insurance\n\n"
        "Kin is a home insurer.\n\nMedia Contact:\nJane Doe\njane@example.com\n"
    )
    parsed = parse_release(text)
    assert parsed.body == (
        "CHICAGO, June 17, 2025 /PRNewswire/ — Kin announced a launch.\n\n"
        "More news about the launch."
    )
    boilerplate = parsed.meta["boilerplate"]
    assert boilerplate["about"] == "About Kin Insurance\n\nKin is a home insurer."
    assert boilerplate["contacts"].startswith("Media Contact:\nJane Doe")


def test_an_about_heading_mid_article_stays() -> None:
    sections = "\n".join(f"Section {n}\nText of section {n}." for n in range(8))
    text = f"Intro paragraph.\nAbout the Programme\n{sections}\nContact:\nJane"
    parsed = parse_release(text)
    assert "About the Programme" in parsed.body
    assert parsed.body.endswith("Text of section 7.")
    assert parsed.meta["boilerplate"] == {"contacts": "Contact:\nJane"}


def test_everything_after_the_end_mark_goes() -> None:
    text = "Body of the release.\n\n###\n\nNotes to editors: call us.\n"
    parsed = parse_release(text)
    assert parsed.body == "Body of the release."
    assert parsed.meta["boilerplate"]["trailer"] == "Notes to editors: call us."


def test_credits_and_signoff() -> None:
    text = BODY + " (ant)\nPewarta: Budi Santoso\nEditor: Siti Aminah"
    parsed = parse_release(text)
    assert parsed.body == BODY
    boilerplate = parsed.meta["boilerplate"]
    assert boilerplate["reporter"] == "Budi Santoso"
    assert boilerplate["editor"] == "Siti Aminah"
    assert boilerplate["signoff"] == "(ant)"
    reporter = parse_release("Isi berita di sini.\n(ita/ita)\nReporter: Ani")
    assert reporter.body == "Isi berita di sini."
    assert reporter.meta["boilerplate"] == {"signoff": "(ita/ita)", "reporter": "Ani"}


def test_newsramp_footer_links() -> None:
    text = (
        "# Headline\n\nBody text.\n\n---\n\n[Original/Source Press Release](https://wire.example/a)\n"
        "\n[Newsramp.com TLDR](https://newsramp.example/b) \n\nPickup - [site](https://c.example/c)\n"
    )
    parsed = parse_release(text)
    assert parsed.body == "Body text."
    assert parsed.title == "Headline"
    assert [link["url"] for link in parsed.meta["links"]] == [
        "https://wire.example/a",
        "https://newsramp.example/b",
        "https://c.example/c",
    ]
    assert parsed.meta["links"][0]["text"] == "Original/Source Press Release"


def test_a_markdown_rule_alone_is_not_a_footer() -> None:
    text = "Part one.\n\n---\n\nPart two."
    assert parse_release(text).body == text


@given(st.text(alphabet="-a \n", max_size=40))
def test_a_rule_of_three_dashes_is_found_among_any_dashes(text: str) -> None:
    assert _has_rule(text) == ("---" in text)


def test_a_footer_after_other_dashes_is_still_cut() -> None:
    text = (
        "JAKARTA - Polda siaga -- apel digelar.\n\n---\n\n"
        "[Original/Source Press Release](https://example.com/a)\n"
    )
    parsed = parse_release(text)
    assert "Original/Source" not in parsed.body
    assert parsed.meta["links"][0]["url"] == "https://example.com/a"
