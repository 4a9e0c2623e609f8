"""The store on SQLite and on the real PostgreSQL: what people save comes back."""

from __future__ import annotations

from sqlalchemy import inspect, text

from annotator.core import model
from annotator.core.textio import content_hash
from annotator.store.database import current_revision, head_revision
from annotator.store.documents import counts, list_documents, load_document
from annotator.store.ingest import Annotated, insert_batch, label_ids
from annotator.store.repository import Store

TEXT = "Kabid Humas Polda Kaltara 👍🏽 memimpin apel di Bulungan, Rabu.\r\nSelesai."
BUL = TEXT.index("Bulungan")


def _doc(text: str = TEXT, **kw: object) -> model.Document:
    spans = (
        model.Span(0, 11, "TITLE", "T1"),
        model.Span(12, 25, "ORG", "T2"),
        model.Span(6, 25, "ORG", "T3"),  # overlapping, nested
        model.Span(BUL, BUL + 8, "LOC", "T4"),
    )
    base = {"text": text, "title": "Apel siaga", "spans": spans, "content_hash": content_hash(text)}
    base.update(kw)
    return model.Document(**base)  # type: ignore[arg-type]


def test_new_database_is_at_the_newest_schema(db_url: str) -> None:
    store = Store.open(db_url)
    assert current_revision(store.engine) == head_revision()
    tables = set(inspect(store.engine).get_table_names())
    assert {
        "project",
        "document",
        "span",
        "event",
        "argument",
        "relation",
        "entity",
        "alias",
        "label",
        "role",
        "annotator",
        "note",
        "suggestion",
    } <= tables
    store.close()


def test_project_gets_the_default_schema_once(db_url: str) -> None:
    store = Store.open(db_url)
    first = store.project("berita")
    again = store.project("berita")
    assert first == again
    schema = store.schema(first.id)
    names = [lb.name for lb in schema.of_kind(model.LabelKind.ENTITY)]
    assert names[:5] == ["PER", "ORG", "LOC", "DATE", "TITLE"]
    event = schema.get("SECURITY_OPERATION", model.LabelKind.EVENT)
    assert event is not None and "agent" in [r.name for r in event.roles]
    store.close()


def test_document_with_overlapping_spans_and_emoji_round_trips(db_url: str) -> None:
    store = Store.open(db_url)
    project = store.project("berita")
    with store.engine.begin() as conn:
        [doc_id] = insert_batch(conn, project.id, [Annotated(_doc())], label_ids(conn, project.id))
    assert doc_id is not None
    with store.engine.connect() as conn:
        doc = load_document(conn, doc_id)
    assert doc is not None
    assert doc.text == TEXT  # stored exactly, CRLF and emoji included
    got = {(s.start, s.end, s.label) for s in doc.spans}
    assert got == {(0, 11, "TITLE"), (12, 25, "ORG"), (6, 25, "ORG"), (BUL, BUL + 8, "LOC")}
    assert {doc.text[s.start : s.end] for s in doc.spans} >= {"Kabid Humas", "Bulungan"}
    store.close()


def test_same_content_is_skipped_and_nothing_changes(db_url: str) -> None:
    store = Store.open(db_url)
    project = store.project("berita")
    with store.engine.begin() as conn:
        labels = label_ids(conn, project.id)
        insert_batch(conn, project.id, [Annotated(_doc())], labels)
        again = insert_batch(
            conn,
            project.id,
            [Annotated(_doc(title="other title", spans=())), Annotated(_doc("x"))],
            labels,
        )
    assert again[0] is None and again[1] is not None
    with store.engine.connect() as conn:
        rows = list_documents(conn, project.id)
        assert [r.title for r in rows] == ["Apel siaga", "Apel siaga"]
        assert [r.span_count for r in rows] == [4, 4]
        assert counts(conn, project.id)["spans_by_label"] == {"LOC": 2, "ORG": 4, "TITLE": 2}
    store.close()


def test_events_and_relations_are_stored_by_span_key(db_url: str) -> None:
    store = Store.open(db_url)
    project = store.project("berita")
    doc = _doc(
        events=(
            model.Event(
                "SECURITY_OPERATION",
                "T1",
                arguments=(model.Argument("agent", "T2"), model.Argument("place", "T4")),
            ),
        ),
        relations=(model.Relation("located_in", "T2", "T4"),),
    )
    with store.engine.begin() as conn:
        [doc_id] = insert_batch(conn, project.id, [Annotated(doc)], label_ids(conn, project.id))
    with store.engine.connect() as conn:
        back = load_document(conn, doc_id or 0)
    assert back is not None
    by_key = {s.key: s for s in back.spans}
    [event] = back.events
    assert by_key[event.trigger].label == "TITLE"
    assert [
        (a.role, back.text[by_key[a.span].start : by_key[a.span].end]) for a in event.arguments
    ] == [("agent", "Polda Kaltara"), ("place", "Bulungan")]
    [rel] = back.relations
    assert (by_key[rel.head].start, by_key[rel.tail].label) == (12, "LOC")
    store.close()


def test_deleting_a_document_removes_its_annotations(db_url: str) -> None:
    store = Store.open(db_url)
    project = store.project("berita")
    with store.engine.begin() as conn:
        [doc_id] = insert_batch(conn, project.id, [Annotated(_doc())], label_ids(conn, project.id))
        conn.execute(text("DELETE FROM document WHERE id = :i"), {"i": doc_id})
        left = conn.execute(text("SELECT count(*) FROM span")).scalar_one()
    assert left == 0
    store.close()
