"""What spaCy's own calls make of a document's spans: the reference the spaCy writers
are compared with (``Doc.char_span`` strict, ``spacy.util.filter_spans``), on the spans
without the white space at their edges."""

from __future__ import annotations

import random
from typing import Any

from annotator.core.formats.base import TRIMMED, WriteReport
from annotator.core.formats.spacy_align import OVERLAPPING, UNALIGNED
from annotator.core.model import Document, Span

NEWS = (
    "Tarakan (ANTARA) - Kapolda Kaltara\xa0hadir 5 Jan. 2025 di Tarakan.\n\n"
    "Baca juga: Polres Nunukan siaga\t👮🏽\u200d♂️ e-KTP;  dll.\n"
)


def random_documents(count: int) -> list[Document]:
    """``count`` texts of news words, white space and emoji, with random spans: some
    edged with white space, some not on token boundaries, some overlapping."""
    rng = random.Random(7)
    words = [*NEWS.split(" "), "Andre\u0301", "🇮🇩", "S.I.K", "U.S.A.", "50%", "\n", ""]
    docs = []
    for _ in range(count):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 14)))
        spans = set()
        for _ in range(rng.randint(0, 6)):
            start = rng.randrange(len(text) + 1)
            end = min(len(text), start + rng.randint(1, 20))
            if start < end:
                spans.add((start, end, rng.choice("ABC")))
        docs.append(Document(text=text, spans=tuple(Span(*s) for s in sorted(spans))))
    return docs


def spacy_aligned(nlp: Any, doc: Document, report: WriteReport) -> tuple[Any, list[Any], list[Any]]:
    """A spaCy Doc of ``doc``, its aligned spans, and their non-overlapping subset."""
    from spacy.util import filter_spans

    sdoc = nlp.make_doc(doc.text)
    spans = []
    for span in doc.spans:
        start, end, piece = span.start, span.end, doc.text[span.start : span.end]
        if piece.strip() and piece != piece.strip():  # the writers align a span without
            start += len(piece) - len(piece.lstrip())  # the white space at its edges
            end -= len(piece) - len(piece.rstrip())
            report.drop(TRIMMED)
        found = sdoc.char_span(start, end, label=span.label, alignment_mode="strict")
        if found is None:
            report.drop(UNALIGNED)
        else:
            spans.append(found)
    ents = sorted(filter_spans(spans), key=lambda s: s.start_char)
    if len(ents) < len(spans):
        report.drop(OVERLAPPING, len(spans) - len(ents))
    report.spans += len(spans)
    return sdoc, spans, ents
