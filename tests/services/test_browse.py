"""The article list on SQLite and PostgreSQL: search, filters, sorting, next document."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from annotator.core import model
from annotator.core.edits import SetStatus
from annotator.services.annotate import Annotations
from annotator.services.browse import Browser, Filters
from annotator.services.workspace import Workspace
from annotator.store.ingest import Annotated, insert_batch, label_ids

S = model.Status
ARTICLES = [
    # title, body, status, published_at, labels
    (
        "Apel siaga Pilkada",
        "Polda Kaltara memimpin apel di Tarakan.",
        S.DONE,
        "2024-11-02",
        ["ORG"],
    ),
    ("Banjir di Bulungan", "Warga mengungsi karena banjir bandang.", S.NEW, "2024-12-01", []),
    ("Operasi Zebra", "Satlantas menilang 300 pengendara.", S.IN_PROGRESS, None, ["ORG", "QTY"]),
    ("Cuaca ekstrem", "BMKG memperingatkan hujan lebat di Tarakan.", S.SKIPPED, "2024-10-05", []),
    ("Pelantikan bupati", "Gubernur melantik bupati Nunukan.", S.NEW, "2025-01-07", ["PER"]),
    ("Kebakaran pasar", "Api melalap kios pedagang di pasar Tenguyun.", S.DONE, "2024-09-30", []),
]


@pytest.fixture
def ws(db_url: str) -> Iterator[Workspace]:
    """A project holding ARTICLES, with ids 1..6 in that order."""
    workspace = Workspace.open(db_url, "berita", "ani")
    docs = [
        model.Document(
            text=body,
            title=title,
            status=status,
            published_at=published,
            content_hash=f"h{n}",
            spans=tuple(model.Span(0, 3, label, f"T{i}") for i, label in enumerate(labels)),
        )
        for n, (title, body, status, published, labels) in enumerate(ARTICLES)
    ]
    with workspace.store.engine.begin() as conn:
        labels = label_ids(conn, workspace.project.id)
        insert_batch(conn, workspace.project.id, [Annotated(d) for d in docs], labels)
    yield workspace
    workspace.close()


def _titles(browser: Browser, filters: Filters, **kw: object) -> list[str]:
    return [r.title for r in browser.page(filters, 0, 100, **kw)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("search", "titles"),
    [
        ("tarakan", ["Apel siaga Pilkada", "Cuaca ekstrem"]),  # a body word, any case
        ("ZEBRA", ["Operasi Zebra"]),  # a title word
        ("banjir", ["Banjir di Bulungan"]),  # title and body
        ("apel Tarakan", ["Apel siaga Pilkada"]),  # every word must occur
        ("apel, banjir!", []),
        ("kalimantan", []),
        ("  ?! ", [a[0] for a in ARTICLES]),  # no words: no search
    ],
)
def test_search_finds_words_in_titles_and_bodies(
    ws: Workspace, search: str, titles: list[str]
) -> None:
    browser = Browser(ws)
    assert _titles(browser, Filters(search=search)) == titles
    assert browser.count(Filters(search=search)) == len(titles)


def test_documents_added_later_are_searchable(ws: Workspace) -> None:
    with ws.store.engine.begin() as conn:
        doc = model.Document("Nelayan menemukan paus terdampar.", "Paus", content_hash="new")
        insert_batch(conn, ws.project.id, [Annotated(doc)], label_ids(conn, ws.project.id))
    assert _titles(Browser(ws), Filters(search="terdampar")) == ["Paus"]


def test_status_edits_leave_search_alone(ws: Workspace) -> None:
    Annotations(ws).apply(SetStatus(2, S.DONE))
    assert _titles(Browser(ws), Filters(search="mengungsi", status="done")) == [
        "Banjir di Bulungan"
    ]


def test_label_and_status_filters(ws: Workspace) -> None:
    browser = Browser(ws)
    assert _titles(browser, Filters(label="ORG")) == ["Apel siaga Pilkada", "Operasi Zebra"]
    assert _titles(browser, Filters(label="PER", status="new")) == ["Pelantikan bupati"]
    assert _titles(browser, Filters(label="ORG", status="new")) == []
    assert browser.count(Filters(status="done")) == 2
    assert browser.count(Filters(label="LOC")) == 0


def test_pages_sort_by_each_column_and_know_where_a_document_is(ws: Workspace) -> None:
    browser = Browser(ws)
    everything = Filters()
    assert _titles(browser, everything, sort="title")[:2] == [
        "Apel siaga Pilkada",
        "Banjir di Bulungan",
    ]
    by_spans = browser.page(everything, 0, 3, sort="spans", descending=True)
    assert [(r.title, r.span_count) for r in by_spans] == [
        ("Operasi Zebra", 2),
        ("Pelantikan bupati", 1),  # ties go by id, descending too
        ("Apel siaga Pilkada", 1),
    ]
    assert [r.id for r in browser.page(everything, 2, 2)] == [3, 4]
    assert [r.id for r in browser.page(everything, 0, 2, descending=True)] == [6, 5]
    for sort in ("id", "title", "published_at", "source", "status", "spans"):
        for descending in (False, True):
            rows = browser.page(everything, 0, 100, sort=sort, descending=descending)
            assert len(rows) == 6
            for n, row in enumerate(rows):
                assert browser.position_of(row.id, everything, sort, descending) == n


def test_position_of_a_document_the_filters_hide_is_none(ws: Workspace) -> None:
    browser = Browser(ws)
    assert browser.position_of(2, Filters(status="done")) is None
    assert browser.position_of(2, Filters(status="done"), "title") is None
    assert browser.position_of(6, Filters(status="done")) == 1


def test_unknown_sort_is_refused(ws: Workspace) -> None:
    with pytest.raises(ValueError, match="cannot sort by"):
        Browser(ws).page(Filters(), 0, 10, sort="text; DROP TABLE document")


def test_next_unfinished_wraps_around_both_ways(ws: Workspace) -> None:
    browser = Browser(ws)  # unfinished: 2 (new), 3 (in progress), 5 (new)
    assert browser.next_unfinished(None) == 2
    assert browser.next_unfinished(3) == 5
    assert browser.next_unfinished(5) == 2
    assert browser.next_unfinished(6) == 2
    assert browser.next_unfinished(2, backwards=True) == 5
    assert browser.next_unfinished(5, backwards=True) == 3
    assert browser.next_unfinished(None, backwards=True) == 5


def test_next_unfinished_is_none_when_nothing_else_is_left(ws: Workspace) -> None:
    ann = Annotations(ws)
    for doc_id in (2, 3):
        ann.apply(SetStatus(doc_id, S.DONE))
    browser = Browser(ws)
    assert browser.next_unfinished(5) is None
    assert browser.next_unfinished(1) == 5
    assert browser.progress() == (5, 6)  # skipped counts as finished
