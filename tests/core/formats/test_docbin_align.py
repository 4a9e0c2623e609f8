"""A DocBin file's spans found among its tokens at once, as spaCy's calls find them one by one."""

from __future__ import annotations

import pytest

from annotator.core.formats import docbin_align
from annotator.core.formats.base import WriteReport
from annotator.core.formats.docbin_align import FileSpans
from annotator.core.formats.spacy_align import aligned_ranges, triples
from tests.core.formats.spacy_reference import random_documents

spacy = pytest.importorskip("spacy")


def test_spans_found_at_once_are_those_found_one_by_one_with_the_same_counts() -> None:
    import numpy as np
    from spacy.attrs import IDX, LENGTH, SPACY

    nlp = spacy.blank("id")
    gathered, tables, expected = FileSpans(), [], []
    for number, doc in enumerate(random_documents(400)):
        sdoc = nlp.make_doc(doc.text)
        tables.append(sdoc.to_array(["ORTH", "NORM", SPACY, LENGTH]))
        report = WriteReport()
        aligned = aligned_ranges(sdoc, triples(doc), report, sdoc.to_array([IDX, LENGTH]), doc.text)
        expected.append((aligned, report.dropped))
        assert gathered.add(number, doc.text, triples(doc))
    sizes = np.array([len(table) for table in tables])
    placed = gathered.aligned(np.concatenate(tables), np.cumsum(sizes) - sizes)
    for number, (aligned, dropped) in enumerate(expected):
        assert placed.aligned(number) == aligned, number
        counted = {reason: n for reason, n in placed.drops.get(number, []) if n}
        assert counted == dropped, number
    assert sum(bool(dropped) for _, dropped in expected) > 50  # trimmed and unaligned alike


def test_a_document_with_an_empty_or_reversed_span_is_left_to_spacy() -> None:
    gathered = FileSpans()
    assert not gathered.add(0, "Polda Kaltara", [(0, 5, "ORG"), (6, 6, "LOC")])
    assert not gathered.add(1, "Polda Kaltara", [(6, 5, "ORG")])
    assert gathered.add(2, "Polda Kaltara", [(0, 5, "ORG")])


def test_the_white_space_pattern_is_str_isspace() -> None:
    spaces = docbin_align._SPACE
    assert [c for c in range(0x110000) if bool(spaces.match(chr(c))) != chr(c).isspace()] == []
