"""The schema editor on SQLite and PostgreSQL: renames keep spans, deletes undo completely."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from annotator.core import edits as ed
from annotator.core import model
from annotator.core import schema_edits as se
from annotator.services.annotate import Annotations
from annotator.services.schema import EditError, SchemaEditor, SchemaFileError
from annotator.services.workspace import Workspace

LK = model.LabelKind


@pytest.fixture
def ws(db_url: str, sample_release: Path) -> Iterator[Workspace]:
    """The sample release with LOC spans, an event with a place, a relation and a note."""
    workspace = Workspace.open(db_url, "rilis", "ani")
    [doc_id] = workspace.import_paths([sample_release]).document_ids
    doc = workspace.document(doc_id)
    assert doc is not None
    ann = Annotations(workspace)
    ids = {}
    for surface, label in (
        ("apel pagi siaga", "MISC"),
        ("Lapangan Apel Mapolda Kaltara", "LOC"),
        ("Bulungan", "LOC"),
    ):
        start = doc.text.index(surface)
        undo = ann.apply(ed.AddSpan(doc_id, start, start + len(surface), label))
        assert isinstance(undo, ed.RemoveSpans)
        ids[surface] = undo.span_ids[0]
    event = ann.apply(ed.AddEvent(doc_id, ids["apel pagi siaga"], "SECURITY_OPERATION"))
    assert isinstance(event, ed.RemoveEvent)
    ann.apply(ed.AddArgument(doc_id, event.event_id, ids["Bulungan"], "place"))
    field, town = ids["Lapangan Apel Mapolda Kaltara"], ids["Bulungan"]
    ann.apply(ed.AddRelation(doc_id, field, town, "located_in"))
    ann.apply(ed.SetNote(doc_id, "ibu kota Kaltara", span_id=town))
    ann.apply(ed.SetNote(doc_id, "apel rutin", event_id=event.event_id))
    yield workspace
    workspace.close()


def _label(editor: SchemaEditor, name: str, kind: LK = LK.ENTITY) -> model.Label:
    found = editor.schema().get(name, kind)
    assert found is not None
    return found


def _doc(ws: Workspace) -> model.Document:
    doc = ws.document(1)
    assert doc is not None
    return doc


def test_renaming_recolouring_and_rekeying_keeps_every_span(ws: Workspace) -> None:
    editor = SchemaEditor(ws)
    loc = _label(editor, "LOC")
    undo = editor.update(replace(loc, name="LOKASI", color="#123456", shortcut="l"))
    renamed = _label(editor, "LOKASI")
    assert (renamed.id, renamed.color, renamed.shortcut) == (loc.id, "#123456", "l")
    assert editor.schema().get("LOC") is None
    assert [s.label for s in _doc(ws).spans].count("LOKASI") == 2
    assert editor.apply(undo) == se.UpdateLabel(renamed)
    assert _label(editor, "LOC") == loc
    assert [s.label for s in _doc(ws).spans].count("LOC") == 2


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"shortcut": "1"}, "key '1' is already used by 'PER'"),
        ({"name": "PER"}, "already an entity label 'PER'"),
        ({"name": " "}, "needs a name"),
        ({"kind": LK.RELATION}, "kind cannot change"),
        ({"roles": (model.Role("x"),)}, "only event types have roles"),
    ],
)
def test_clashing_or_bad_label_edits_are_refused(
    ws: Workspace, change: dict[str, object], why: str
) -> None:
    editor = SchemaEditor(ws)
    before = editor.schema()
    with pytest.raises(EditError, match=why):
        editor.update(replace(_label(editor, "LOC"), **change))  # type: ignore[arg-type]
    assert editor.schema() == before


def test_keys_need_only_be_unique_within_a_kind(ws: Workspace) -> None:
    editor = SchemaEditor(ws)
    editor.add(model.Label("VEHICLE", LK.ENTITY, "#aa0000", "q"))  # q is an event type's key
    with pytest.raises(EditError, match="key 'Q' is already used by 'VEHICLE'"):
        editor.add(model.Label("VESSEL", LK.ENTITY, "#aa0000", "Q"))


def test_event_types_and_relation_types_are_added_and_edited(ws: Workspace) -> None:
    editor = SchemaEditor(ws)
    roles = (model.Role("victim", True, 3, "v"), model.Role("place", False, 1, "p"))
    undo = editor.add(model.Label("ACCIDENT", LK.EVENT, "#112233", "x", "Kecelakaan", roles))
    added = _label(editor, "ACCIDENT", LK.EVENT)
    assert added.roles == roles
    editor.update(replace(added, roles=(*roles, model.Role("time", shortcut="t"))))
    assert [r.name for r in _label(editor, "ACCIDENT", LK.EVENT).roles] == [
        "victim",
        "place",
        "time",
    ]
    with pytest.raises(EditError, match="share a key"):
        editor.update(replace(added, roles=(*roles, model.Role("time", shortcut="V"))))
    editor.add(model.Label("works_for", LK.RELATION, "#445566"))
    assert _label(editor, "works_for", LK.RELATION).kind == LK.RELATION
    assert isinstance(undo, se.DeleteLabel)


def test_a_role_with_arguments_cannot_be_dropped(ws: Workspace) -> None:
    editor = SchemaEditor(ws)
    sec = _label(editor, "SECURITY_OPERATION", LK.EVENT)
    with pytest.raises(EditError, match="role 'place' of SECURITY_OPERATION fills 1"):
        editor.update(replace(sec, roles=tuple(r for r in sec.roles if r.name != "place")))


def test_deleting_a_used_label_reports_usage_and_undo_restores_everything(ws: Workspace) -> None:
    editor = SchemaEditor(ws)
    before_doc, before_schema = _doc(ws), editor.schema()
    loc = _label(editor, "LOC")
    assert editor.usage(loc) == 2
    undo = editor.delete(loc)
    gone = _doc(ws)
    assert editor.schema().get("LOC") is None
    assert [s.label for s in gone.spans] == ["MISC"]
    assert (gone.relations, gone.events[0].arguments) == ((), ())
    assert [n.text for n in gone.notes] == ["apel rutin"]
    redo = editor.apply(undo)
    assert editor.schema() == before_schema  # same id, colour, key, position
    assert _doc(ws) == before_doc  # spans, argument, relation and note, ids and all
    editor.apply(redo)
    assert editor.schema().get("LOC") is None


def test_deleting_a_label_across_documents_undoes_each_of_them(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read, deleted and put back a few spans a statement (the store's chunks made tiny)."""
    from annotator.store import removal

    monkeypatch.setattr(removal, "CHUNK", 2)
    more = tmp_path / "more.jsonl"
    texts = [f"Polres Bulungan {n} di Tanjung Selor dan Tarakan." for n in range(3)]
    more.write_text("".join(json.dumps({"text": x}) + "\n" for x in texts), encoding="utf-8")
    ann = Annotations(ws)
    for doc_id in ws.import_paths([more]).document_ids:
        for surface in ("Tanjung Selor", "Tarakan"):
            text = _text(ws, doc_id)
            start = text.index(surface)
            undo = ann.apply(ed.AddSpan(doc_id, start, start + len(surface), "LOC"))
            assert isinstance(undo, ed.RemoveSpans)
        ann.apply(ed.SetNote(doc_id, "kota", span_id=undo.span_ids[0]))
    editor = SchemaEditor(ws)
    before = [ws.document(n) for n in range(1, 5)]
    undo = editor.delete(_label(editor, "LOC"))
    assert [len(d.spans) for d in map(ws.document, range(1, 5)) if d] == [1, 0, 0, 0]
    editor.apply(undo)
    assert [ws.document(n) for n in range(1, 5)] == before


def _text(ws: Workspace, doc_id: int) -> str:
    doc = ws.document(doc_id)
    assert doc is not None
    return doc.text


def test_deleting_an_event_type_and_a_relation_type_undoes(ws: Workspace) -> None:
    editor = SchemaEditor(ws)
    before = _doc(ws)
    sec = _label(editor, "SECURITY_OPERATION", LK.EVENT)
    assert editor.usage(sec) == 1
    undo_event = editor.delete(sec)
    undo_relation = editor.delete(_label(editor, "located_in", LK.RELATION))
    gone = _doc(ws)
    assert (gone.events, gone.relations, len(gone.spans)) == ((), (), 3)
    editor.apply(undo_relation)
    editor.apply(undo_event)
    assert _doc(ws) == before


def test_schema_round_trips_through_json_and_import_merges(ws: Workspace, tmp_path: Path) -> None:
    editor = SchemaEditor(ws)
    out = tmp_path / "schema.json"
    editor.export_json(out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"name", "kind", "color", "shortcut", "description", "roles"} <= set(data["labels"][0])
    assert editor.import_json(out).undo is None  # nothing new
    data["labels"] = [
        {"name": "LOC", "color": "#000000", "shortcut": "0"},
        {"name": "VEHICLE", "kind": "entity", "color": "#aa0000"},
        {"name": "SECURITY_OPERATION", "kind": "event", "roles": [{"name": "weapon"}]},
    ]
    out.write_text(json.dumps(data), encoding="utf-8")
    result = editor.import_json(out)
    assert (result.added, result.updated) == (["VEHICLE"], ["LOC", "SECURITY_OPERATION"])
    assert (_label(editor, "LOC").color, _label(editor, "LOC").shortcut) == ("#000000", "0")
    roles = [r.name for r in _label(editor, "SECURITY_OPERATION", LK.EVENT).roles]
    assert roles == ["agent", "participant", "place", "time", "weapon"]
    assert result.undo is not None
    editor.apply(result.undo)
    assert editor.schema().get("VEHICLE") is None
    assert _label(editor, "LOC").shortcut == "3"


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("{not json", "not JSON"),
        ('{"labels": [{"kind": "entity"}]}', "label 1: a label must be an object with a name"),
        ('{"labels": [{"name": "X", "kind": "place"}]}', "kind must be entity, event or"),
        ('{"labels": [{"name": "X", "color": "red"}]}', "color must look like"),
        ('{"labels": [{"name": "LOC", "shortcut": "1"}]}', "key '1' is already used by 'PER'"),
        ("[1, 2]", 'expected an object with a "labels" list'),
    ],
)
def test_bad_schema_files_are_refused_naming_the_file(
    ws: Workspace, tmp_path: Path, text: str, why: str
) -> None:
    path = tmp_path / "rusak.json"
    path.write_text(text, encoding="utf-8")
    editor = SchemaEditor(ws)
    before = editor.schema()
    with pytest.raises(SchemaFileError, match=r"rusak\.json") as exc:
        editor.import_json(path)
    assert why in str(exc.value)
    assert editor.schema() == before
