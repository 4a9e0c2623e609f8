"""The line of metadata above a document's title."""

from __future__ import annotations

from annotator.core.model import Document
from annotator.gui.widgets.document_pane import metadata_line


def test_a_release_whose_source_is_its_agency_names_it_once() -> None:
    doc = Document(
        text="Tarakan (ANTARA) - Polda Kaltara siaga.",
        place="Tarakan",
        agency="ANTARA",
        source="ANTARA",
        published_at="2024-12-12T04:33:00",
        id=7,
    )
    line = metadata_line(doc)
    assert line.count("ANTARA") == 1
    assert line.startswith("Tarakan · ANTARA · 2024-12-12T04:33:00 · <b>")
    assert line.endswith(" · #7")


def test_a_source_other_than_the_agency_is_kept() -> None:
    doc = Document(text="Berita.", agency="ANTARA", source="antara-feed.jsonl", id=3)
    assert metadata_line(doc).startswith("ANTARA · antara-feed.jsonl · <b>")
