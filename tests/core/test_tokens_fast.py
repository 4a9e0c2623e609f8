"""The tokenizer finds exactly the matches of its pattern, text cut at spaces or not."""

from __future__ import annotations

import random

from annotator.core.tokens import TOKEN_RE, tokenize, tokenize_words

ALPHABET = [
    *"ab Z9_-'’.,;:!?()\"\t\n\r\x0b\x0c\x1c\x85\xa0\u2003\u3000  ",
    *["\u0301", "\u0903", "👮", "🏽", "\u200d", "♂", "\ufe0f", "🇮", "🇩", "\U000e0067"],
    *["é", "٣", "²", "½", "Ⅻ", "中", "\U0001d7d8"],
]


def _same(text: str) -> bool:
    starts, ends, words = tokenize_words(text)
    pairs = list(zip(starts, ends, strict=True))
    reference = [m.span() for m in TOKEN_RE.finditer(text)]
    return pairs == reference == tokenize(text) and words == [text[s:e] for s, e in pairs]


def test_press_release_text_tokenises_the_same() -> None:
    text = (
        "Kapolda 👮🏽\u200d♂️ Kaltara, Irjen Pol. Hary (S.I.K) hadir di Kab-Bulungan.\r\n"
        'Brigjen Andre\u0301 🇮🇩 berkata: "Aman!"  Rabu,\t5/1/2025; ’kita’ siap?  '
    )
    assert _same(text)
    assert tokenize_words("Polda, Kaltara.")[2] == ["Polda", ",", "Kaltara", "."]


def test_random_text_over_tricky_characters_tokenises_the_same() -> None:
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 24)))
        assert _same(text), repr(text)
