"""Near-duplicates: syndicated copies with small edits are found, other stories are not."""

from __future__ import annotations

import json

from annotator.core.minhash import NUM_HASHES, signature
from annotator.core.neardup import BANDS, BUCKET_LIMIT, NearDupIndex, band_keys, similarity

RELEASE = """Tarakan (ANTARA) - Kepolisian Daerah Kalimantan Utara menggelar apel siaga
pengamanan pemilihan kepala daerah di lapangan Mapolda Kaltara di Bulungan, Rabu.
Kepala Bidang Humas Polda Kaltara mengatakan seluruh personel diminta siap siaga dan
tidak meninggalkan markas selama tahap pemungutan dan rekapitulasi suara berlangsung.
Strategi pengamanan meliputi patroli di tempat pemungutan suara, penjagaan objek vital,
deteksi dini intelijen, serta koordinasi dengan Komisi Pemilihan Umum Kalimantan Utara.
Langkah-langkah ini diharapkan mampu menciptakan suasana kondusif selama pilkada.
Polda Kaltara juga mengajak masyarakat menjaga ketertiban dan tidak mudah terprovokasi
oleh kabar bohong yang beredar di media sosial menjelang penetapan hasil pemilihan.
Menurut dia, sebanyak seribu dua ratus personel gabungan dari kepolisian dan tentara
disiagakan di lima kabupaten dan satu kota, termasuk di wilayah perbatasan dengan Malaysia.
Personel yang bertugas di daerah terpencil dibekali perlengkapan komunikasi satelit agar
laporan situasi dapat diterima pusat pengendalian operasi setiap enam jam sekali.
Ia menambahkan kepolisian telah memetakan tempat pemungutan suara yang rawan, terutama
yang sulit dijangkau karena akses sungai dan cuaca buruk pada musim hujan tahun ini.
Pengawasan juga dilakukan bersama Badan Pengawas Pemilu untuk memastikan distribusi
logistik, mulai dari surat suara hingga kotak suara, tiba tepat waktu dan dalam keadaan utuh.
Kapolda berharap seluruh tahapan berjalan damai sehingga warga Kalimantan Utara dapat
menggunakan hak pilihnya dengan tenang tanpa tekanan dari pihak mana pun."""

EDITED = RELEASE.replace(
    "Langkah-langkah ini diharapkan mampu menciptakan suasana kondusif selama pilkada.",
    "Upaya tersebut diyakini bisa menjaga situasi tetap aman hingga akhir pilkada.",
)

OTHER = """Jakarta - Bank Indonesia mempertahankan suku bunga acuan pada rapat dewan gubernur
bulan ini untuk menjaga stabilitas nilai tukar rupiah di tengah ketidakpastian global.
Gubernur bank sentral menyebut inflasi inti tetap terkendali dan pertumbuhan kredit
perbankan masih sejalan dengan perkiraan, sementara cadangan devisa meningkat tipis.
Para ekonom memperkirakan pelonggaran kebijakan baru akan terjadi pada semester depan."""


def test_signatures_are_stable_json_lists() -> None:
    sig = signature(RELEASE)
    assert len(sig) == NUM_HASHES
    assert signature(RELEASE) == sig
    assert tuple(json.loads(json.dumps(sig))) == sig
    assert signature("") == ()


def test_a_copy_with_a_changed_sentence_is_found() -> None:
    index: NearDupIndex[str] = NearDupIndex()
    index.add("antara-1", signature(RELEASE))
    index.add("bi-1", signature(OTHER))
    hits = index.find(signature(EDITED))
    assert [doc_id for doc_id, _ in hits] == ["antara-1"]
    assert 0.8 <= hits[0][1] < 1.0


def test_an_unrelated_story_is_not_found() -> None:
    index: NearDupIndex[int] = NearDupIndex()
    index.add(1, signature(RELEASE))
    assert index.find(signature(OTHER), threshold=0.3) == []
    assert similarity(signature(RELEASE), signature(OTHER)) < 0.2


def test_case_and_spacing_do_not_matter() -> None:
    noisy = "  ".join(RELEASE.upper().split())
    assert similarity(signature(RELEASE), signature(noisy)) == 1.0


def test_remove_and_replace() -> None:
    index: NearDupIndex[str] = NearDupIndex()
    index.add("a", signature(RELEASE))
    index.add("a", signature(OTHER))
    assert len(index) == 1
    assert index.find(signature(RELEASE)) == []
    index.remove("a")
    assert "a" not in index
    assert index.find(signature(OTHER)) == []


def test_empty_and_foreign_signatures_are_ignored() -> None:
    index: NearDupIndex[str] = NearDupIndex()
    index.add("empty", ())
    assert len(index) == 0
    assert index.find(()) == []
    assert index.find([1, 2, 3]) == []


def test_short_texts_match_only_themselves() -> None:
    index: NearDupIndex[str] = NearDupIndex()
    index.add("short", signature("Rapat pleno digelar hari ini"))
    assert index.find(signature("Rapat pleno digelar hari ini")) == [("short", 1.0)]
    assert index.find(signature("Rapat pleno ditunda besok pagi")) == []


def test_find_and_add_matches_find_then_add() -> None:
    texts = [RELEASE, OTHER, EDITED, RELEASE + " Tambahan kalimat.", OTHER.upper()]
    one: NearDupIndex[int] = NearDupIndex()
    two: NearDupIndex[int] = NearDupIndex()
    for n, text in enumerate(texts):
        sig = signature(text)
        expected = one.find(sig, 0.5)
        one.add(n, sig)
        assert two.find_and_add(n, sig, band_keys(sig), 0.5) == expected
    assert two.find(signature(EDITED), 0.5) == one.find(signature(EDITED), 0.5)
    assert [hit[0] for hit in two.find(signature(RELEASE), 0.5)][:1] == [0]


def test_a_large_cluster_of_templated_releases_is_still_flagged_without_comparing_all() -> None:
    words = RELEASE.split()
    index: NearDupIndex[int] = NearDupIndex()
    flagged = 0
    for n in range(400):
        copy = [*words]
        copy[n % len(words)] = f"nomor{n}"
        sig = signature(" ".join(copy))
        flagged += bool(index.find_and_add(n, sig, band_keys(sig), 0.8))
        assert len(index.find(sig, 0.0)) <= BANDS * BUCKET_LIMIT  # candidates stay bounded
    assert flagged == 399
    index.remove(399)  # a document left out of full buckets can still be forgotten
    assert 399 not in index
