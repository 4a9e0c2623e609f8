"""Text normalisation for knowledge-base matching, and word units of a text.

``normalise`` turns a surface form into the key aliases are stored and looked
up under: case-, accent- and punctuation-insensitive, white space folded.
``word_units`` cuts a text into offset-exact words whose keys, joined by one
space, equal the ``normalise`` of the text they cover, so token n-grams of a
document can be looked up in a dict of normalised aliases.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from annotator.core.tokens import tokenize

_NON_WORD = re.compile(r"[\W_]+")
_APOSTROPHE = re.compile(r"(?<=\w)['’`ʼ](?=\w)")
_INITIALISM = re.compile(r"\b(?:[^\W\d_]\.)+[^\W\d_]\b\.?")  # s.i.k -> sik, u.s.a. -> usa
_LETTERS = re.compile(r"[^\W\d_]+")
_HYPHEN_PARTS = re.compile(r"[^-]+")
_PARAGRAPH = re.compile(r"\n[^\S\n]*\n")
_ATTACHED_PREFIX = re.compile(r"(?:di|ke)(?=[A-Z])")

#: Function words that never start or end a fuzzy mention, nor count as initials.
_STOPWORD_TEXT = """
yang dan di ke dari dalam untuk dengan pada ini itu atau oleh serta akan juga tidak sebagai
bahwa para kepada adalah karena telah sudah bisa dapat ada saat setelah hingga agar bagi sejak
tersebut lain secara namun jika maka kami kita ia dia mereka nya pun
the of and in on at to for by a an from with as
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
#: Enclitics written onto a name ("Kaltaranya", "KPU-lah").
CLITICS = ("nya", "lah", "kah", "pun")


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """The matching key of ``text``: no case, accents or punctuation; spaces folded.

    Dotted initialisms collapse ("S.I.K" -> "sik"); apostrophes inside words
    vanish ("Jum'at" -> "jumat"); every other run of punctuation, symbols and
    white space becomes one space. Cached: news repeats the same names.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHE.sub("", text.casefold())
    text = _INITIALISM.sub(lambda m: m.group().replace(".", ""), text)
    return _NON_WORD.sub(" ", text).strip()


def sorted_key(key: str) -> str:
    """A normalised key with its words sorted, for order-insensitive comparison."""
    return " ".join(sorted(key.split()))


def initials(text: str) -> set[str]:
    """Indonesian-style acronyms of a multi-word name ("Komisi Pemilihan Umum" -> "kpu").

    Two readings: the first letters of the capitalised words, and of all words
    that are not function words. Names of fewer than two words have none.
    """
    words = _LETTERS.findall(normalise_accents(text))
    found: set[str] = set()
    capitalised = [w for w in words if w[0].isupper()]
    content = [w for w in words if w.casefold() not in STOPWORDS]
    for group in (capitalised, content):
        if len(group) >= 2:
            found.add("".join(w[0] for w in group).casefold())
    return found


def normalise_accents(text: str) -> str:
    """``text`` without combining marks, case kept."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def strip_clitic(key: str) -> tuple[str, int] | None:
    """The stem of a key ending in an enclitic, and the clitic's length."""
    for clitic in CLITICS:
        if key.endswith(clitic) and len(key) - len(clitic) >= 3:
            return key[: -len(clitic)], len(clitic)
    return None


def attached_prefix(surface: str) -> int:
    """Length of a preposition glued onto a name ("diKaltara" -> 2), else 0."""
    match = _ATTACHED_PREFIX.match(surface)
    return match.end() if match else 0


class WordUnit(NamedTuple):
    """A word of a text: ``[start, end)`` code points and its normalised key.

    ``joined`` says whether an alias may run on from the previous unit into
    this one (False after most punctuation and at paragraph breaks).
    """

    start: int
    end: int
    key: str
    joined: bool


def word_units(text: str) -> list[WordUnit]:
    """The words of ``text``: tokens split at inner hyphens, punctuation dropped.

    A punctuation token glued to words on both sides ("092/Maharajalila") or
    a full stop after a short word ("Pol. Budi") lets an alias run across it.
    """
    units: list[WordUnit] = []
    cache: dict[str, str] = {}
    joined = False
    for start, end in tokenize(text):
        surface = text[start:end]
        key = cache.get(surface)
        if key is None:
            key = cache[surface] = normalise(surface)
        if not key:
            joined = joined and _transparent(text, start, end, units)
            continue
        if units and _PARAGRAPH.search(text, units[-1].end, start):
            joined = False
        if "-" not in surface:
            units.append(WordUnit(start, end, key, joined))
        else:
            for part in _HYPHEN_PARTS.finditer(surface):
                part_key = normalise(part.group())
                if part_key:
                    units.append(
                        WordUnit(start + part.start(), start + part.end(), part_key, joined)
                    )
                    joined = True
        joined = True
    return units


def _transparent(text: str, start: int, end: int, units: list[WordUnit]) -> bool:
    """Whether an alias may span the punctuation token ``text[start:end]``."""
    if not units or units[-1].end != start:
        return False
    glued_right = end < len(text) and not text[end].isspace()
    short_stop = text[start:end] == "." and units[-1].end - units[-1].start <= 4
    return glued_right or short_stop
