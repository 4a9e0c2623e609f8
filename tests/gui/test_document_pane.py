"""The line of metadata above a document's title, and its links."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.core.model import Document
from annotator.gui.widgets.document_pane import metadata_line
from annotator.gui.workbench import Workbench


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


def test_a_near_duplicate_links_the_documents_it_repeats() -> None:
    flagged = [{"id": 4, "similarity": 0.934}, {"id": 12, "similarity": 0.8}]
    doc = Document(text="Berita.", meta={"near_duplicates": flagged}, id=15)
    line = metadata_line(doc)
    assert line.endswith(
        ' · #15 · nearly repeats <a href="doc:4">#4</a> (93%), <a href="doc:12">#12</a> (80%)'
    )
    broken = Document(text="Berita.", meta={"near_duplicates": "?"}, id=16)
    assert metadata_line(broken).endswith(" · #16")


def test_clicking_the_repeated_document_opens_it(
    qtbot: QtBot, bench: Workbench, tmp_path: Path
) -> None:
    story = " ".join(f"Personel regu {n} berjaga di pos pelabuhan Tarakan." for n in range(30))
    (tmp_path / "asli.txt").write_text(f"Tarakan (ANTARA) - {story}\n", encoding="utf-8")
    (tmp_path / "salinan.txt").write_text(f"Tarakan (ANTARA) - {story} Aman.\n", encoding="utf-8")
    first, copy = bench.workspace.import_paths([tmp_path]).document_ids
    bench.nav.refresh()
    bench.nav.open(copy)
    assert f'<a href="doc:{first}">#{first}</a>' in bench.pane.meta.text()
    bench.pane.meta.linkActivated.emit(f"doc:{first}")
    assert bench.docs.doc_id == first
    assert bench.list_panel.model.document_id(bench.list_panel.table.currentIndex().row()) == first
