"""``.spacy`` DocBin files, filled without spaCy's per-token ``DocBin.add`` loop.

``DocBin.add`` makes a Token object for every token and collects nine of its
strings, most of them empty for a tokenizer-only Doc: about two thirds of
an export's time. :class:`DocBinFile` fills a spaCy ``DocBin`` with what
``add`` would put there (token arrays, spaces, flags, cats, user data, span
groups, strings), built for the whole file at once: token arrays and
strings, the spans found among the tokens (:mod:`.docbin_align`), entities,
and span groups packed (:mod:`.docbin_groups`). It keeps only the
attributes such a Doc has (see :meth:`DocBinFile.to_disk`): spaCy reads an
attribute missing from the file as zero, which the others all are, so the
documents read back are the same as ``add``'s (compared in the tests).
Docs of other tokenizers than spaCy's rule-based one go through ``add``
itself (:class:`AddedDocBin`). The file holds the message spaCy's
``to_bytes`` packs, compressed faster than spaCy does (:func:`compress`);
where a spaCy packs another message, its own bytes. Stored documents are
written straight from their text and span triples
(:func:`write_docbin_rows`): the bytes written from their Document objects.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import Any

from annotator.core.formats.base import WriteContext, WriteReport
from annotator.core.formats.docbin_align import FileSpans, Placed, token_starts
from annotator.core.formats.docbin_groups import packed_groups
from annotator.core.formats.jsonout import drop_unsupported
from annotator.core.formats.nativerecord import TextRow
from annotator.core.formats.spacy_align import (
    OVERLAPPING,
    Aligned,
    Triple,
    aligned_ranges,
    counted_entities,
    entities,
    tokenizer,
    triples,
)
from annotator.core.formats.spacy_runs import LazyTokenizer
from annotator.core.model import Document

SPAN_KEY = "sc"
COLUMNS = ("ORTH", "NORM", "SPACY", "LENGTH")  # read from each Doc
_INSIDE, _OUTSIDE, _BEGIN = 1, 2, 3  # ENT_IOB values
Dumps = Callable[[Any], bytes]
Judged = tuple[list[Aligned], list[tuple[str, int]], bytes]  # aligned spans, what was counted
# (reason, count) and the packed span group of a Doc whose spans spaCy aligned
Entities = tuple[Any, Any, Any]  # numpy arrays: first token in the file, token end, label hash
LEVEL = 3  # zlib level of a written file. spaCy's to_bytes uses 6: about 3x the CPU on the
# string hashes of news text, for a file 20% smaller (60% for very repetitive text); spaCy
# reads any level alike
ISAL_LEVEL = 1  # with ISA-L (the isal package, in the spacy extra): the same zlib stream
# format about 4 times faster than zlib at LEVEL, for a file ~13% larger on Detik news


class DocBinFile:
    """What a spaCy ``DocBin`` of tokenizer-only Docs with entities and one span group
    holds, gathered a Doc at a time and written as one file (:meth:`to_disk`); the
    spans of all its Docs are aligned to their tokens at once (:class:`FileSpans`)."""

    def __init__(self) -> None:
        self.flags: list[dict[str, bool]] = []
        self.cats: list[dict[str, float]] = []
        self.user_data: list[bytes | None] = []
        self.strings: set[str] = set()
        self._tables: list[Any] = []  # ORTH, NORM, SPACY and LENGTH of each Doc
        self._sent_starts: list[int] = []  # SENT_START of each Doc's first token
        self._spans = FileSpans()
        self._judged: dict[int, Judged] = {}  # Docs whose spans spaCy aligned
        self._labels: dict[str, int] = {}  # label -> hash, its string in ``strings``
        self._vocab: Any = None  # the Docs' Vocab
        self.span_groups: list[bytes] = []  # of each Doc, packed by to_disk
        self._dumps: Dumps = _packer()

    def add(
        self, sdoc: Any, text: str, spans: list[Triple], user_data: Any, report: WriteReport
    ) -> None:
        """Add ``sdoc``, the Doc of ``text``, with ``spans`` as its span group and those
        that do not overlap as its entities (counted in ``report`` by :meth:`to_disk`)."""
        number, table = len(self._tables), sdoc.to_array(_columns())
        self._vocab = sdoc.vocab
        self._tables.append(table)
        self._sent_starts.append(_first_sent_start(sdoc))
        self.flags.append({"has_unknown_spaces": sdoc.has_unknown_spaces})
        self.cats.append(sdoc.cats)
        self.user_data.append(self._dumps(user_data))
        if not self._spans.add(number, text, spans):  # spaCy judges these spans
            self._judge(number, sdoc, text, spans, table)

    def _judge(self, number: int, sdoc: Any, text: str, spans: list[Triple], table: Any) -> None:
        """Align the spans of Doc ``number`` (one of them empty or reversed) with spaCy's
        own calls, and pack its span group with spaCy's Span objects."""
        from spacy.tokens import Span

        counted = WriteReport()
        aligned = aligned_ranges(sdoc, spans, counted, _offsets(table), text)
        labels = self._labelled(aligned)
        sdoc.spans[SPAN_KEY] = [Span(sdoc, s, e, label=labels[x]) for s, e, _, _, x in aligned]
        self._judged[number] = aligned, [*counted.dropped.items()], sdoc.spans.to_bytes()

    def to_disk(self, path: Path, report: WriteReport) -> None:
        """Write the file with spaCy's ``DocBin``, its token arrays made for all Docs at once.

        Its columns are the attributes a tokenizer-only Doc has: ORTH, NORM,
        ENT_IOB, ENT_TYPE, and SENT_START unless it is what spaCy gives a Doc
        read without it (1 for a first token, else 0; a first token of white
        space has 0).
        """
        import numpy as np
        from spacy.attrs import intify_attr
        from spacy.tokens import DocBin

        sizes = np.array([len(part) for part in self._tables], dtype=np.int64)
        firsts = np.cumsum(sizes) - sizes  # where each Doc's tokens start
        table = np.concatenate(self._tables) if self._tables else np.zeros((0, 4), np.uint64)
        sent_starts = np.zeros(len(table), dtype=table.dtype)
        has_tokens = firsts[sizes > 0]
        sent_starts[has_tokens] = np.array(self._sent_starts, dtype=table.dtype)[sizes > 0]
        read = np.zeros(len(table), dtype=table.dtype)
        read[has_tokens] = 1
        taken = ["ORTH", "NORM"] + ([] if (sent_starts == read).all() else ["SENT_START"])
        names = [*taken, "ENT_IOB", "ENT_TYPE"]
        bin_ = DocBin(attrs=names, store_user_data=True)
        where = [bin_.attrs.index(intify_attr(name)) for name in names]
        array = np.empty((len(table), len(names)), dtype=np.uint64)
        array[:, where[:2]] = table[:, :2]
        if len(taken) > 2:
            array[:, where[2]] = sent_starts
        placed = self._spans.aligned(table, firsts)
        labels = self._hashes(placed.labels)
        ents = self._entities(placed, labels, firsts.tolist(), report)
        self._set_entities(ents, array[:, where[-2]], array[:, where[-1]])
        self._pack_groups(placed, labels)
        spaces = table[:, 2:3].astype(bool)
        bin_.strings = self.strings | self._strings(table)
        bin_.flags, bin_.cats, bin_.user_data = self.flags, self.cats, self.user_data
        bin_.span_groups = self.span_groups
        if _payload_as_spacys():  # the message from the whole arrays, never split
            message = payload_of(bin_, array, spaces, sizes.astype(np.int32))
            path.write_bytes(compress(message))
            return
        bin_.tokens = np.split(array, firsts[1:])[: len(sizes)]
        bin_.spaces = np.split(spaces, firsts[1:])[: len(sizes)]
        path.write_bytes(bytes(bin_.to_bytes()))

    def _entities(
        self, placed: Placed, labels: Any, firsts: list[int], report: WriteReport
    ) -> Entities:
        """The file's entities (first token, token end, label hash), each Doc's aligned
        spans that do not overlap (``labels``: their label hashes), counting in
        ``report`` what ``aligned_ranges`` and ``counted_entities`` would count, Doc
        after Doc."""
        import numpy as np

        docs = placed.docs
        same = docs[1:] == docs[:-1]
        crossed = np.unique(docs[1:][same & (placed.end[:-1] > placed.first[1:])])
        counted = {number: list(drops) for number, drops in placed.drops.items()}
        report.spans += len(labels)
        extra: list[Aligned] = []  # entities of Docs whose spans overlap, or spaCy aligned
        for number in sorted({*crossed.tolist(), *self._judged}):
            judged = self._judged.get(number)
            spans = placed.aligned(number) if judged is None else judged[0]
            if judged is not None:
                counted[number] = [*judged[1]]
                report.spans += len(spans)
            ents = entities(spans)
            counted.setdefault(number, []).append((OVERLAPPING, len(spans) - len(ents)))
            at = firsts[number]
            extra += [(s + at, e + at, 0, 0, label) for s, e, _, _, label in ents]
        for number in sorted(counted):
            for reason, count in counted[number]:
                if count:
                    report.drop(reason, count)
        keep = ~np.isin(docs, crossed)
        shift = np.asarray(firsts, dtype=np.int64)[docs[keep]]
        more = len(extra)
        return (
            np.concatenate((placed.first[keep] + shift, _column(extra, 0, np.int64, more))),
            np.concatenate((placed.end[keep] + shift, _column(extra, 1, np.int64, more))),
            np.concatenate((labels[keep], self._hashes([ent[4] for ent in extra]))),
        )

    def _hashes(self, names: list[str]) -> Any:
        """The hash of each label of ``names`` (their strings added to ``strings``)."""
        import numpy as np

        table = self._labels
        for name in set(names) - table.keys():
            table[name] = self._vocab.strings.add(name)
            self.strings.add(name)
        return np.fromiter(map(table.__getitem__, names), np.uint64, len(names))

    def _labelled(self, spans: list[Aligned]) -> dict[str, int]:
        """The label hashes, those of ``spans`` added (and their strings)."""
        self._hashes([span[4] for span in spans])
        return self._labels

    def _pack_groups(self, placed: Placed, labels: Any) -> None:
        """Pack each Doc's span group into ``span_groups``: its aligned spans (``labels``:
        their label hashes)."""
        import numpy as np

        counts = np.bincount(placed.docs, minlength=len(self._tables)).tolist()
        columns = (labels, placed.first, placed.end, placed.start)
        packed = packed_groups(SPAN_KEY, counts, (*columns, placed.stop))
        for number, (_, _, judged) in self._judged.items():
            packed[number] = judged
        self.span_groups = packed

    @staticmethod
    def _set_entities(ents: Entities, iob: Any, types: Any) -> None:
        """Fill the ENT_IOB and ENT_TYPE columns of the file's tokens: each Doc's entities
        set as its ``Doc.ents``, the other tokens outside."""
        import numpy as np

        iob.fill(_OUTSIDE)
        types.fill(0)
        first, end, labels = ents
        real = np.flatnonzero(first < end)  # an entity of no tokens is none
        if not len(real):
            return
        first, end = first[real], end[real]
        number = np.arange(1, len(real) + 1)
        which = np.zeros(len(iob) + 1, dtype=np.int64)
        which[first] += number  # no two entities start, or end, at one token
        which[end] -= number
        which = np.cumsum(which[:-1], out=which[:-1])  # each token's entity number, or 0
        types_of = np.concatenate((np.zeros(1, np.uint64), labels[real]))
        np.take(types_of, which, out=types, mode="clip")
        iob[which > 0] = _INSIDE
        iob[first] = _BEGIN

    def _strings(self, table: Any) -> set[str]:
        """The strings of the token texts and norms (and "", as ``DocBin.add`` adds for a
        Doc's unset attributes)."""
        import numpy as np

        if not len(table):
            return set()
        ordered = np.sort(table[:, :2], axis=None)
        distinct = ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]
        strings = self._vocab.strings
        return {"", *(strings[key] for key in distinct.tolist())}


def _column(rows: list[Aligned], at: int, dtype: Any, count: int) -> Any:
    """Item ``at`` of each of ``rows`` as a numpy array."""
    import numpy as np

    return np.fromiter(map(itemgetter(at), rows), dtype, count)


@cache
def _columns() -> list[int]:
    """The attribute ids of :data:`COLUMNS`."""
    from spacy.attrs import intify_attr

    return [intify_attr(name) for name in COLUMNS]


def _first_sent_start(sdoc: Any) -> int:
    """SENT_START of ``sdoc``'s first token as ``to_array`` gives it (0 without tokens).

    A tokenizer sets it on the first token alone (and a special case put
    there by its matcher unsets it); every other token has 0.
    """
    if not len(sdoc):
        return 0
    first = sdoc[0].is_sent_start
    return 0 if first is None else 1 if first else 2**64 - 1


def _offsets(table: Any) -> Any:
    """Each token's IDX and LENGTH, from a Doc's ``to_array(COLUMNS)``."""
    import numpy as np

    return np.column_stack((token_starts(table)[:-1], table[:, 3].astype(np.int64)))


def _packer() -> Dumps:
    """One srsly Packer's ``pack``: what ``srsly.msgpack_dumps`` packs with a new Packer
    each time (looking up the encoders each time)."""
    from srsly.msgpack import Packer

    pack: Dumps = Packer(use_bin_type=True).pack
    return pack


class AddedDocBin:
    """spaCy's own ``DocBin.add``, for the Docs of tokenizers that may set more than
    :class:`DocBinFile` writes (Japanese and Korean ones set tags and lemmas, for one)."""

    def __init__(self) -> None:
        from spacy.tokens import DocBin

        self.bin = DocBin(store_user_data=True)

    def add(
        self, sdoc: Any, text: str, spans: list[Triple], user_data: Any, report: WriteReport
    ) -> None:
        """As :meth:`DocBinFile.add`."""
        from spacy.attrs import IDX, LENGTH
        from spacy.tokens import Span

        aligned = aligned_ranges(sdoc, spans, report, sdoc.to_array([IDX, LENGTH]), text)
        ents = counted_entities(aligned, report)
        sdoc.ents = [Span(sdoc, s, e, label=lab) for s, e, _, _, lab in ents]
        sdoc.spans[SPAN_KEY] = [Span(sdoc, s, e, label=lab) for s, e, _, _, lab in aligned]
        sdoc.user_data.update(user_data)
        self.bin.add(sdoc)

    def to_disk(self, path: Path, report: WriteReport) -> None:
        """Write the file."""
        path.write_bytes(docbin_bytes(self.bin))


def docbin_bytes(bin_: Any) -> bytes:
    """``bin_.to_bytes()`` compressed by :func:`compress` (spaCy's own bytes when
    :func:`payload` does not pack as this spaCy does)."""
    if not _payload_as_spacys():
        return bytes(bin_.to_bytes())
    return compress(payload(bin_))


def compress(message: bytes) -> bytes:
    """``message`` as a zlib stream, which spaCy's ``DocBin.from_bytes`` decompresses:
    by ISA-L when the isal package is installed, else by zlib at :data:`LEVEL`."""
    try:
        from isal import isal_zlib
    except ImportError:
        return zlib.compress(message, LEVEL)
    return bytes(isal_zlib.compress(message, ISAL_LEVEL))


def payload(bin_: Any) -> bytes:
    """The msgpack message that ``DocBin.to_bytes`` compresses, packed as spaCy 3 packs it."""
    import numpy as np

    tokens = np.vstack(bin_.tokens) if bin_.tokens else np.asarray([])
    spaces = np.vstack(bin_.spaces) if bin_.spaces else np.asarray([])
    lengths = np.asarray([len(part) for part in bin_.tokens], dtype="int32")
    return payload_of(bin_, tokens, spaces, lengths)


def payload_of(bin_: Any, tokens: Any, spaces: Any, lengths: Any) -> bytes:
    """:func:`payload` of ``bin_`` with its Docs' token rows, spaces and lengths (int32)
    given as whole arrays instead of in ``bin_.tokens`` and ``bin_.spaces``."""
    import srsly

    msg = {
        "version": bin_.version,
        "attrs": bin_.attrs,
        "tokens": _bytes_of(tokens),
        "spaces": _bytes_of(spaces),
        "lengths": _bytes_of(lengths),
        "strings": sorted(bin_.strings),
        "cats": bin_.cats,
        "flags": bin_.flags,
        "span_groups": bin_.span_groups,
    }
    if bin_.store_user_data:
        msg["user_data"] = bin_.user_data
    return bytes(srsly.msgpack_dumps(msg))


def _bytes_of(array: Any) -> memoryview:
    """``array.tobytes("C")`` without copying it (msgpack packs both as the same bin)."""
    import numpy as np

    whole = np.ascontiguousarray(array)
    return whole.data.cast("B") if whole.size else memoryview(b"")


@cache
def _groups_as_spacys() -> bool:
    """Whether :func:`packed_groups` packs span groups as this spaCy's ``to_bytes`` does:
    of three Docs with no span, three spans and twenty (a longer msgpack list)."""
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    vocab, words = Vocab(), ["Polda", "Kaltara", "siaga"] * 8
    labels = [vocab.strings.add(name) for name in ("ORG", "LOC")]
    ours, theirs = [], []
    for count in (0, 3, 20):
        doc = Doc(vocab, words=words)
        spans = [Span(doc, n, n + 1 + n % 2, label=labels[n % 2]) for n in range(count)]
        doc.spans[SPAN_KEY] = spans
        theirs.append(doc.spans.to_bytes())
        ours += [(s.label, s.start, s.end, s.start_char, s.end_char) for s in spans]
    columns = list(zip(*ours, strict=True))
    return packed_groups(SPAN_KEY, [0, 3, 20], columns) == theirs


@cache
def _payload_as_spacys() -> bool:
    """Whether :func:`payload` packs a small DocBin as this spaCy's ``to_bytes`` does."""
    from spacy.tokens import Doc, DocBin, Span
    from spacy.vocab import Vocab

    doc = Doc(Vocab(), words=["Polda", "Kaltara", "siaga"], spaces=[True, True, False])
    doc.ents = [Span(doc, 0, 2, label="ORG")]
    doc.spans[SPAN_KEY] = [doc[0:2], doc[2:3]]
    doc.user_data["id"] = "rilis-1"
    bin_ = DocBin(store_user_data=True, docs=[doc, doc])
    return zlib.decompress(bin_.to_bytes()) == payload(bin_)


Text = tuple[str, str | None, list[Triple]]  # a document's text, external id and spans
_CONTEXT = WriteContext()  # what drop_unsupported counts: suggestions are never written


def write_docbin(
    docs: Iterable[Document], path: Path, language: str = "id", nlp: Any = None
) -> WriteReport:
    """Write a ``.spacy`` DocBin: ``doc.ents`` non-overlapping, ``doc.spans["sc"]`` all."""
    report = WriteReport(notes=[f"aligned to spacy.blank({language!r})"])
    write_texts(document_texts(docs, report), path, nlp or tokenizer(language), report)
    return report


def write_docbin_rows(
    items: Iterable[TextRow], path: Path, language: str = "id", nlp: Any = None
) -> WriteReport:
    """:func:`write_docbin` of stored documents given as text rows (the same bytes)."""
    report = WriteReport(notes=[f"aligned to spacy.blank({language!r})"])
    write_texts(row_texts(items, report), path, nlp or tokenizer(language), report)
    return report


def document_texts(docs: Iterable[Document], report: WriteReport) -> Iterator[Text]:
    """The text, external id and spans of each of ``docs``, counted in ``report`` with
    what a DocBin cannot carry."""
    for doc in docs:
        drop_unsupported(report, doc, _CONTEXT, ())
        report.documents += 1
        yield doc.text, doc.external_id, triples(doc)


def row_texts(items: Iterable[TextRow], report: WriteReport) -> Iterator[Text]:
    """:func:`document_texts` of stored documents read as text rows."""
    for item in items:
        for what, count in item.uncarried:
            report.drop(what, count)
        report.documents += 1
        yield item.text, item.external_id, item.spans


def write_texts(texts: Iterable[Text], path: Path, nlp: Any, report: WriteReport) -> None:
    """Write the DocBin of ``texts`` tokenised by ``nlp``, counting spans in ``report``."""
    ours = isinstance(nlp, LazyTokenizer) and _groups_as_spacys()
    out = DocBinFile() if ours else AddedDocBin()
    with _encoders_looked_up_once():
        for text, external_id, spans in texts:
            user_data = {} if external_id is None else {"id": external_id}
            out.add(nlp.make_doc(text), text, spans, user_data, report)
        out.to_disk(path, report)


@contextmanager
def _encoders_looked_up_once() -> Iterator[None]:
    """Let srsly find its msgpack encoders once for a whole DocBin, not thrice a document.

    spaCy's ``DocBin.add`` and ``SpanGroups.to_bytes`` pack with new srsly
    Packers, and each Packer asks catalogue for the encoders, which scans
    every installed package's entry points: about 1 ms a document. The
    encoders cannot change while the export runs; afterwards srsly looks
    them up as before.
    """
    try:
        from srsly import msgpack as packing

        registry = packing.msgpack_encoders
        found = registry.get_all()
    except (ImportError, AttributeError):  # another srsly: leave it alone
        yield
        return
    registry.get_all = lambda: found
    try:
        yield
    finally:
        del registry.get_all
