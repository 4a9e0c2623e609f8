"""Token boundaries of spaCy's tokenizer, found run by run and remembered.

spaCy splits text at white space first and tokenises each run of other
characters on its own, so a token starts where such a run starts and ends
where it ends; inside a run, the run tokenised alone gives the same tokens,
wherever in whatever text it stands. A corpus repeats its words, so each
distinct run is tokenised once per export (:class:`RunBounds`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from itertools import filterfalse, pairwise
from typing import Any

from annotator.core.regex_firsts import FirstCharFinder, FirstCharGate, LastCharGate

SPACY_TOKENIZER = "spacy.Tokenizer.v1"
Bounds = tuple[tuple[int, ...], tuple[int, ...]]  # token starts, token ends, from the run's start
LIMIT = 100_000  # runs remembered before the memory starts over
_RUN_END = re.compile(r"\S*")
_SPACE = re.compile(r"\s")


class LazyTokenizer:
    """``spacy.blank(language)``'s tokenizer, its special cases added as texts need them.

    Building a blank pipeline loads every tokenizer exception of the language
    (about 16,000 for Indonesian, ~2 s). A special case can change the tokens
    of a text only where its string occurs: one without white space inside a
    run of non-space text, so such cases are added when a new run holds them;
    the few with white space, or with letters and digits only, are added up
    front. The tokens are the blank pipeline's (compared in the tests).
    Its words carry their text and norm alone (:func:`_norms_only`), and its
    prefix, suffix and infix rules are searched only in words that can start,
    end or hold one (:mod:`~annotator.core.regex_firsts`): a new word costs
    about two thirds of the time.
    """

    def __init__(self, language: str) -> None:
        from spacy.util import (
            compile_infix_regex,
            compile_prefix_regex,
            compile_suffix_regex,
            get_lang_class,
        )
        from spacy.vocab import create_vocab

        defaults = get_lang_class(language).Defaults
        self._rules: dict[str, Any] = dict(defaults.tokenizer_exceptions or {})
        self._longest = max(map(len, self._rules), default=0)
        self._odd = _odd_parts(self._rules)
        self._runs: set[str] = set()
        self._added: set[str] = set()
        prefixes, suffixes, infixes = defaults.prefixes, defaults.suffixes, defaults.infixes
        self.tokenizer = _cache_keeping()(  # as spacy.language.create_tokenizer, no rules
            _norms_only(create_vocab(language, defaults)),
            rules={},
            prefix_search=FirstCharGate(compile_prefix_regex(prefixes)) if prefixes else None,
            suffix_search=LastCharGate(compile_suffix_regex(suffixes)) if suffixes else None,
            infix_finditer=FirstCharFinder(compile_infix_regex(infixes)) if infixes else None,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
            max_cache_size=2 * LIMIT,  # spaCy's 10,000 would leave most of a corpus's runs out
        )
        self._add([key for key in self._rules if _SPACE.search(key) or key.isalnum()])
        self.tokenizer.flush()  # runs of cases with white space, cached as if no case applied

    def make_doc(self, text: str) -> Any:
        """The spaCy ``Doc`` of ``text``, as the blank pipeline's ``make_doc`` gives it."""
        runs, known = text.split(), self._runs
        if not known.issuperset(runs):  # a corpus soon repeats its runs: no set to build
            new = set(filterfalse(known.__contains__, runs))  # (faster than set(runs) - known)
            if len(known) > LIMIT:
                known.clear()
                self.tokenizer.flush()
            known |= new
            self._add([key for run in new for key in self._keys_in(run)])
            for run in new:  # each on its own, so that spaCy caches it (see _cache_keeping)
                self.tokenizer(run)
        return self.tokenizer(text)

    def _keys_in(self, run: str) -> Iterator[str]:
        """The keys in ``run`` not added up front: each holds a character that is not
        alphanumeric (the few that hold none are added up front, with those that hold
        white space), so only strings of ``run`` over such a character are looked up."""
        if not run or run.isalnum():
            return
        rules, longest, size, parts = self._rules, self._longest, len(run), self._odd
        odd = [at for at, char in enumerate(run) if not char.isalnum()]
        if not any(_around(run, at) & parts for at in odd):
            return  # no key is such a character, nor holds two characters of ``run`` over one
        k = 0
        for i in range(size):
            while odd[k] < i:  # the first such character at or after ``i``
                k += 1
                if k == len(odd):
                    return
            for j in range(odd[k] + 1, min(size, i + longest) + 1):
                if run[i:j] in rules:
                    yield run[i:j]

    def _add(self, keys: Iterable[str]) -> None:
        for key in sorted(set(keys) - self._added):
            self.tokenizer.add_special_case(key, self._rules[key])
            self._added.add(key)


def _odd_parts(rules: dict[str, Any]) -> frozenset[str]:
    """The keys of one character that is not alphanumeric, and the other keys' pairs of
    characters that hold one: a key found over such a character of a run is one, or
    holds one of the run's two pairs over that character (:func:`_around`)."""
    odd = [key for key in rules if not key.isalnum()]
    pairs = {key[i : i + 2] for key in odd for i in range(len(key) - 1)}
    singles = {key for key in odd if len(key) == 1}
    return frozenset(singles | {pair for pair in pairs if not pair.isalnum()})


def _around(run: str, at: int) -> set[str]:
    """The character of ``run`` at ``at`` and its pairs with the characters beside it."""
    return {run[at], run[max(at - 1, 0) : at + 1], run[at : at + 2]}


def _norms_only(vocab: Any) -> Any:
    """``vocab``, its new words given their norm but none of the other lexical attributes.

    A word met for the first time gets some twenty attributes (shape,
    prefix, suffix, ``like_url``, ``is_stop``...), each a Python call: about
    20 µs, against 3 for the norm alone. Exports write a token's text and norm
    and its offsets, never the others; a corpus brings a new word every few
    sentences, and every number is one.
    """
    from spacy.attrs import NORM

    vocab.lex_attr_getters = {NORM: vocab.lex_attr_getters[NORM]}
    return vocab


@cache
def _cache_keeping() -> Any:
    """spaCy's ``Tokenizer`` class, but a new special case leaves the cache as it is.

    ``add_special_case`` empties the cache of tokenised runs each time, since
    a cached run may hold the new case's string. A :class:`LazyTokenizer`
    adds every case a run holds before the run is first tokenised, so no
    cached run holds a case added later and the cache stays right; emptying
    it each time made a corpus that brings thousands of distinct cases
    (Indonesian reduplications) tokenise about 3 times slower.

    spaCy caches no run of a text that comes after a special case in it, and
    an Indonesian article meets one early ("masing-masing"), so most of its
    runs would be split by the affix rules every time, at some 20 µs a
    regex. :meth:`LazyTokenizer.make_doc` therefore tokenises each new run
    on its own first, which caches it: 1,000 Detik articles take 0.3 s from
    the cache instead of 4-5 s (bench/bench_spacy_tokens.py).
    """
    from spacy.tokenizer import Tokenizer

    class CacheKeeping(Tokenizer):  # type: ignore[misc]  # spaCy is untyped here
        def _flush_cache(self) -> None:
            """Keep the cache (add_special_case calls this)."""

        def flush(self) -> None:
            """Empty the cache."""
            Tokenizer._flush_cache(self)

    return CacheKeeping


def tokenizer_for(language: str) -> Any:
    """An object whose ``make_doc`` tokenises as ``spacy.blank(language)``'s does, cheaply.

    Languages whose pipelines use another tokenizer (Chinese, Japanese, ...)
    get the blank pipeline itself.
    """
    import spacy
    from spacy.util import get_lang_class

    config = get_lang_class(language).default_config
    if config["nlp"]["tokenizer"].get("@tokenizers") != SPACY_TOKENIZER:
        return spacy.blank(language)
    return LazyTokenizer(language)


class RunBounds:
    """Token starts and ends inside runs of non-space text, by the run's text."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.known: dict[str, Bounds] = {}  # by the run's text

    def of(self, runs: Sequence[str]) -> list[Bounds]:
        """The bounds of each of ``runs``; new runs are tokenised in one call."""
        known = self.known
        if len(known) > LIMIT:
            known.clear()
        missing = [run for run in dict.fromkeys(runs) if run not in known]
        if missing:
            known.update(zip(missing, _tokenised(self.nlp, missing), strict=True))
        return [known[run] for run in runs]


def _tokenised(nlp: Any, runs: list[str]) -> list[Bounds]:
    """Token bounds of each run, from one ``make_doc`` of the runs joined by spaces."""
    from spacy.attrs import IDX, LENGTH

    table = nlp.make_doc(" ".join(runs)).to_array([IDX, LENGTH]).tolist()
    out: list[Bounds] = []
    at = n = 0
    for run in runs:  # each run's tokens lie within [at, at + len(run))
        starts: list[int] = []
        ends: list[int] = []
        while n < len(table) and table[n][0] < at + len(run):
            idx, length = table[n]
            starts.append(idx - at)
            ends.append(idx + length - at)
            n += 1
        out.append((tuple(starts), tuple(ends)))
        at += len(run) + 1
    return out


def _run(text: str, at: int) -> tuple[int, int]:
    """The run of non-space characters around ``text[at]``."""
    start = text.rfind(" ", 0, at) + 1
    if _SPACE.search(text, start, at) is not None:  # other white space nearer: step back
        start = at
        while start > 0 and not text[start - 1].isspace():
            start -= 1
    return start, _RUN_END.match(text, at).end()  # type: ignore[union-attr]


def boundary_aligned(runs: RunBounds, text: str, spans: Sequence[Any]) -> list[bool] | None:
    """Whether each span is aligned, tokenising only the runs its ends fall inside.

    None (tokenise the whole text) when a span starts or ends at white space,
    is empty, or the aligned spans overlap (``filter_spans`` then needs token
    counts). Runs met before are looked up; new ones are tokenised together
    at the end (``pending``: span index, run, 0 for its start or 1 for its
    end, offset in the run).
    """
    size, known = len(text), runs.known
    aligned: list[bool] = []
    pending: list[tuple[int, str, int, int]] = []
    for span in spans:
        start, end = span.start, span.end
        if not 0 <= start < end <= size or text[start].isspace() or text[end - 1].isspace():
            return None
        ok = True
        if start and not text[start - 1].isspace():
            a, b = _run(text, start)
            found = known.get(text[a:b])
            if found is None:
                pending.append((len(aligned), text[a:b], 0, start - a))
            else:
                ok = start - a in found[0]
        if end < size and not text[end].isspace():
            a, b = _run(text, end - 1)
            found = known.get(text[a:b])
            if found is None:
                pending.append((len(aligned), text[a:b], 1, end - a))
            elif end - a not in found[1]:
                ok = False
        aligned.append(ok)
    if pending:
        bounds = runs.of([run for _, run, _, _ in pending])
        for (index, _, side, offset), found in zip(pending, bounds, strict=True):
            if offset not in found[side]:
                aligned[index] = False
    kept = sorted([(sp.start, sp.end) for sp, ok in zip(spans, aligned, strict=True) if ok])
    if any(a[1] > b[0] for a, b in pairwise(kept)):
        return None
    return aligned
