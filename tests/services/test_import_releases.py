"""Raw press releases: structure understood on import, copies flagged, real corpora counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.services.workspace import Workspace
from tests.conftest import shared_path


def test_sample_release_imports_with_its_structure(sample_release: Path, sqlite_url: str) -> None:
    ws = Workspace.open(sqlite_url, "rilis")
    summary = ws.import_paths([sample_release])
    doc = ws.document(summary.document_ids[0])
    assert doc is not None
    assert (doc.place, doc.agency) == ("Tarakan", "ANTARA")
    related = doc.meta["related"]
    assert len(related) == 8
    assert related[0]["published_at"] == "2024-12-12T04:33"
    assert related[-1] == {
        "title": "Polda Kaltara akan pelajari putusan PN Tarakan terkait kasus TPPU Hasbudi",
        "published_at": "2024-12-06T04:37",
    }
    assert "Baca juga" not in doc.text and "Berita Terkait" not in doc.text
    assert doc.text.startswith("Tarakan (ANTARA) - Dalam upaya")
    assert doc.original_text == sample_release.read_text(encoding="utf-8")
    ws.close()


def test_syndicated_copy_is_flagged_and_listed(
    tmp_path: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    base = (
        "Tarakan (ANTARA) - Kepolisian Daerah Kalimantan Utara menggelar apel siaga "
        "pengamanan pemungutan suara di lapangan Mapolda Kaltara, Rabu. Kapolda meminta "
        "seluruh personel menjaga netralitas dan memastikan distribusi logistik pemilu "
        "berjalan aman sampai ke tempat pemungutan suara di wilayah perbatasan. Patroli "
        "gabungan bersama TNI akan digelar setiap malam hingga rekapitulasi selesai. "
        "Masyarakat diimbau segera melapor kepada petugas terdekat apabila menemukan "
        "gangguan keamanan, dan tidak mudah terpengaruh kabar bohong di media sosial."
    )
    copy = base.replace("setiap malam", "setiap malam hari")
    other = "Samarinda (ANTARA) - Pemerintah kota meresmikan pasar tradisional baru hari ini."
    for name, text in (("a.txt", base), ("b.txt", copy), ("c.txt", other)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = sqlite_url.removeprefix("sqlite:///")
    assert main(["import", str(tmp_path / "a.txt"), str(tmp_path / "c.txt"), "--db", db]) == 0
    assert main(["import", str(tmp_path / "b.txt"), "--db", db]) == 0
    capsys.readouterr()
    assert main(["duplicates", "--json", "--db", db]) == 0
    [pair] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (pair["id"], pair["duplicate_of"]) == (3, 1)
    assert pair["similarity"] >= 0.8
    ws = Workspace.open(sqlite_url)
    doc = ws.document(3)
    assert doc is not None
    assert doc.meta["near_duplicates"][0]["id"] == 1
    ws.close()


CORPORA = [  # corpus, files, documents, entities (from each SOURCE.md)
    ("idner-news-2k", ["train.txt", "dev.txt", "test.txt"], 2340, 3777),
    (
        "nergrit",
        ["train_preprocess.txt", "valid_preprocess.txt", "test_preprocess.txt"],
        2090,
        6671,
    ),
    ("indonesia-ner-inline", ["data_train.txt", "data_test.txt"], 2347, 4254),
    ("detik-summarization-1k", ["data_berita.csv"], 1000, 0),
    ("antara-en-scrape", ["scrapeResult.json"], 15, 0),
]


@pytest.mark.parametrize(("corpus", "files", "docs", "entities"), CORPORA)
def test_real_corpora_import_with_their_counts(
    sqlite_url: str, corpus: str, files: list[str], docs: int, entities: int
) -> None:
    paths = [shared_path("corpora", corpus, f) for f in files]
    ws = Workspace.open(sqlite_url, corpus)
    summary = ws.import_paths(paths)
    assert summary.rejected == 0, summary.problems[:3]
    stats = ws.stats()
    if corpus == "indonesia-ner-inline":  # 4 entities cross a line break: 5 lines join others
        assert stats["documents"] == docs - 5
    else:
        assert stats["documents"] == docs
    assert sum(stats["spans_by_label"].values()) == entities  # type: ignore[attr-defined]
    ws.close()


def test_brat_folder_and_markdown_releases_import(sqlite_url: str) -> None:
    brat = shared_path("corpora", "commodity-news-brat")
    releases = shared_path("corpora", "press-release-archive-sample")
    ws = Workspace.open(sqlite_url, "campur")
    summary = ws.import_paths([*sorted(brat.glob("*.txt")), releases])
    assert summary.rejected == 0, summary.problems[:3]
    rows = ws.list_documents()
    assert len(rows) == 13 + 295  # 13 brat documents and 295 releases: not the SOURCE.md
    assert [w.path for w in summary.warnings] == [str(releases / "SOURCE.md")]
    assert sum(r.span_count for r in rows) == 1403
    with_place = [ws.document(r.id) for r in rows[13:]]
    found = sum(1 for d in with_place if d is not None and (d.place or d.agency))
    assert found >= 257  # the 38 others have no dateline at all (see the closing note)
    ws.close()
