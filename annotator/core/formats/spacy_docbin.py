"""``.spacy`` DocBin files, filled without spaCy's per-token ``DocBin.add`` loop.

``DocBin.add`` makes a Token object for every token and collects nine of its
strings, most of them empty for a tokenizer-only Doc: about two thirds of
an export's time. :class:`DocBinFile` fills a spaCy ``DocBin`` with what
``add`` would put there (token array, spaces, flags, cats, user data, span
groups, strings) from a few array operations a document, and spaCy writes
the file. It keeps only the attributes such a Doc has (:data:`ATTRS`): spaCy
reads an attribute missing from the file as zero, which the others all are,
so the documents read back are the same as ``add``'s (compared in the tests).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from annotator.core.formats.base import WriteContext, WriteReport
from annotator.core.formats.jsonout import drop_unsupported
from annotator.core.formats.spacy_align import Aligned, aligned_ranges, counted_entities, tokenizer
from annotator.core.model import Document

SPAN_KEY = "sc"
TAKEN = ("ORTH", "NORM", "SENT_START")  # DocBin columns read from the Doc (SENT_START: the
# first token's is 1, or 0 when it is white space); ENT_IOB and ENT_TYPE are set from the spans
ATTRS = (*TAKEN, "ENT_IOB", "ENT_TYPE")
COLUMNS = (*TAKEN, "SPACY", "IDX", "LENGTH")  # read from each Doc in one array
_INSIDE, _OUTSIDE, _BEGIN = 1, 2, 3  # ENT_IOB values


class DocBinFile:
    """A spaCy ``DocBin`` of tokenizer-only Docs with entities and one span group."""

    def __init__(self) -> None:
        from spacy.attrs import ENT_IOB, ENT_TYPE, intify_attr
        from spacy.tokens import DocBin

        self.bin = DocBin(attrs=ATTRS, store_user_data=True)
        where = self.bin.attrs.index
        self._taken = [where(intify_attr(name)) for name in TAKEN]
        self._iob, self._type = where(ENT_IOB), where(ENT_TYPE)
        self._seen: set[int] = set()  # hashes whose strings are in the DocBin
        self._labels: dict[str, int] = {}  # label -> hash, its string in the DocBin

    def add(
        self, sdoc: Any, table: Any, spans: list[Aligned], ents: list[Aligned], user_data: Any
    ) -> None:
        """Add ``sdoc`` with ``spans`` as its span group and ``ents`` as its entities.

        ``table`` is ``sdoc.to_array(COLUMNS)``; ``ents`` are non-overlapping,
        ordered by start.
        """
        import numpy as np
        import srsly
        from spacy.tokens import Span

        bin_, strings = self.bin, sdoc.vocab.strings
        labels = self._labels
        for name in {span[4] for span in spans} - labels.keys():
            labels[name] = strings.add(name)
            bin_.strings.add(name)
        iob, types = _entity_columns(len(table), [(s, e, labels[lab]) for s, e, _, _, lab in ents])
        array = np.empty((len(table), len(ATTRS)), dtype=np.uint64)
        array[:, self._taken] = table[:, : len(TAKEN)]
        array[:, self._iob] = iob
        array[:, self._type] = types
        bin_.tokens.append(array)
        bin_.spaces.append(table[:, len(TAKEN) : len(TAKEN) + 1].astype(bool))
        bin_.flags.append({"has_unknown_spaces": sdoc.has_unknown_spaces})
        bin_.cats.append(sdoc.cats)
        bin_.user_data.append(srsly.msgpack_dumps(user_data))
        sdoc.spans[SPAN_KEY] = [Span(sdoc, s, e, label=labels[lab]) for s, e, _, _, lab in spans]
        bin_.span_groups.append(sdoc.spans.to_bytes())
        self._add_strings(strings, table)

    def _add_strings(self, strings: Any, table: Any) -> None:
        """Add the strings of the token texts and norms not added before (and "", as
        ``DocBin.add`` does for a Doc's unset attributes)."""
        if not len(table):
            return
        new = set(table[:, :2].ravel().tolist()) - self._seen  # ORTH and NORM
        if new:
            self._seen |= new
            self.bin.strings.update(strings[key] for key in new)
        if 0 not in self._seen:
            self._seen.add(0)
            self.bin.strings.add("")


def _entity_columns(size: int, ents: list[tuple[int, int, int]]) -> tuple[list[int], list[int]]:
    """ENT_IOB and ENT_TYPE of ``size`` tokens with ``ents`` (first, end, label hash) set
    as ``Doc.ents``: every other token is outside an entity."""
    iob, types = [_OUTSIDE] * size, [0] * size
    for start, end, label in ents:
        iob[start:end] = [_BEGIN] + [_INSIDE] * (end - start - 1)
        types[start:end] = [label] * (end - start)
    return iob, types


def write_docbin(
    docs: Iterable[Document], path: Path, language: str = "id", nlp: Any = None
) -> WriteReport:
    """Write a ``.spacy`` DocBin: ``doc.ents`` non-overlapping, ``doc.spans["sc"]`` all."""
    nlp = nlp or tokenizer(language)
    from spacy.attrs import intify_attr

    columns = [intify_attr(name) for name in COLUMNS]
    report = WriteReport(notes=[f"aligned to spacy.blank({language!r})"])
    context = WriteContext(language=language)
    out = DocBinFile()
    with _encoders_looked_up_once():
        for doc in docs:
            drop_unsupported(report, doc, context, ())
            report.documents += 1
            sdoc = nlp.make_doc(doc.text)
            table = sdoc.to_array(columns)
            spans = aligned_ranges(sdoc, doc, report, table[:, -2:])
            ents = counted_entities(spans, report)
            user_data = {} if doc.external_id is None else {"id": doc.external_id}
            out.add(sdoc, table, spans, ents, user_data)
        out.bin.to_disk(path)
    return report


@contextmanager
def _encoders_looked_up_once() -> Iterator[None]:
    """Let srsly find its msgpack encoders once for a whole DocBin, not thrice a document.

    Each document's user data and span groups are packed with new srsly
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
