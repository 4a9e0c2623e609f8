"""MinHash signatures: the numpy hashing gives what its definition says, in any text."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core import minhash
from annotator.core.minhash import NUM_HASHES, SHINGLE, signature
from annotator.core.neardup import similarity
from annotator.core.textio import fold

_MOD = 1 << 64


def reference(text: str) -> tuple[int, ...]:
    """The signature as the module docstring defines it, one shingle and one bin at a time."""
    folded = fold(text).lower()
    if not folded:
        return ()
    words = folded.split(" ")
    shingles = [" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]
    bins: list[int | None] = [None] * NUM_HASHES
    for shingle in shingles or [folded]:
        poly = sum(ord(ch) * pow(minhash._BASE, k, _MOD) for k, ch in enumerate(shingle)) % _MOD
        value = (poly * minhash._MIX % _MOD) >> 32
        slot = value >> minhash._SLOT_SHIFT
        current = bins[slot]
        bins[slot] = value if current is None else min(current, value)
    out = []
    for i in range(NUM_HASHES):
        j = next(k for k in range(i, i + NUM_HASHES) if bins[k % NUM_HASHES] is not None)
        donor = bins[j % NUM_HASHES]
        assert donor is not None
        out.append(donor + (j - i) * (1 << 32))
    return tuple(out)


RELEASE = (
    "Tarakan (ANTARA) - Kepolisian Daerah Kalimantan Utara menggelar apel siaga pengamanan "
    "pemilihan kepala daerah di lapangan Mapolda Kaltara, Rabu. Seluruh personel diminta siap "
    "siaga selama tahap pemungutan dan rekapitulasi suara berlangsung."
)


@pytest.mark.parametrize(
    "text",
    [
        RELEASE,
        "Rapat pleno",  # fewer words than a shingle
        "İstanbul ÜBER straße 😀 kota\u0301 Jakarta Selatan   ramai\r\nsekali",
        "Satu",
    ],
)
def test_signature_is_what_the_definition_gives(text: str) -> None:
    assert signature(text) == reference(text)
    assert len(signature(text)) == NUM_HASHES


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=8), max_size=40).map(" ".join))
def test_any_text_gets_the_signature_of_its_definition(text: str) -> None:
    assert signature(text) == reference(text)


def test_a_long_article_is_hashed_in_chunks_with_the_same_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    long = " ".join(f"{RELEASE} Paragraf {n}." for n in range(40))
    whole = signature(long)
    monkeypatch.setattr(minhash, "_CHUNK", 256)
    assert signature(long) == whole == reference(long)


def test_a_word_longer_than_a_chunk_is_hashed_in_pieces_with_the_same_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    blob = "QUJD" * 120  # a pasted base64 blob: one "word" of 480 characters
    text = f"{RELEASE} {blob} lampiran {blob}x selesai"
    monkeypatch.setattr(minhash, "_CHUNK", 16)
    monkeypatch.setattr(minhash, "_tables", [np.ones(1, dtype=np.uint64)] * 2)
    assert signature(text) == reference(text)
    assert signature(blob) == reference(blob)
    assert len(minhash._powers(1)[0]) <= 4096  # the tables did not grow with the blob


def test_a_long_copy_with_an_edited_paragraph_is_still_similar() -> None:
    paragraphs = [f"{RELEASE} Paragraf nomor {n} tentang wilayah {n * 7}." for n in range(600)]
    edited = [*paragraphs]
    edited[300] = "Paragraf ini ditulis ulang sepenuhnya oleh redaksi media lain."
    first, second = signature(" ".join(paragraphs)), signature(" ".join(edited))
    assert len(" ".join(paragraphs)) > 2 * minhash._CHUNK
    assert similarity(first, second) >= 0.9
    assert similarity(first, signature(RELEASE)) < 0.5


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.text(min_size=1, max_size=8), max_size=30).map(" ".join), max_size=12))
def test_texts_signed_together_get_the_signature_each_gets_alone(texts: list[str]) -> None:
    folded = [fold(text) for text in texts]
    assert minhash.signatures_of_folded(folded) == [signature(text) for text in texts]


def test_groups_and_long_texts_in_one_batch_get_their_own_signatures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(minhash, "_CHUNK", 512)  # a group holds two or three releases
    texts = [RELEASE, "Satu", "", f"{RELEASE} {RELEASE} {RELEASE}", "Rapat pleno", RELEASE[::-1]]
    texts += [f"{RELEASE} nomor {n}" for n in range(8)]
    assert minhash.signatures_of_folded([fold(t) for t in texts]) == [reference(t) for t in texts]
