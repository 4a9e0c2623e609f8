"""Applying schema edits; each returns its inverse (runs in the caller's transaction).

Keys are unique among labels of one kind, and role keys within one event type.
Deleting a label snapshots what uses it, document by document, with the
machinery of span removal (:mod:`annotator.store.removal`), so the inverse
puts everything back under its old ids.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from sqlalchemy import Connection, delete, func, insert, select, update

from annotator.core import edits as ed
from annotator.core import schema_edits as se
from annotator.core.model import Label, LabelKind, Role
from annotator.store import removal
from annotator.store import tables as t
from annotator.store.ingest import label_ids

L, S, EV, ARG, R, N = (
    t.LABELS.c,
    t.SPANS.c,
    t.EVENTS.c,
    t.ARGUMENTS.c,
    t.RELATIONS.c,
    t.NOTES.c,
)
ROLES = t.table_of(t.Role)
RO = ROLES.c


def apply_schema_edit(conn: Connection, project_id: int, edit: se.SchemaEdit) -> se.SchemaEdit:
    """Apply ``edit`` to the schema of ``project_id``; return its inverse."""
    if isinstance(edit, se.SchemaBatch):
        inverses = [apply_schema_edit(conn, project_id, e) for e in edit.edits]
        return se.SchemaBatch(tuple(reversed(inverses)), edit.text)
    if isinstance(edit, se.AddLabel):
        return _add(conn, project_id, edit.label)
    if isinstance(edit, se.UpdateLabel):
        return _update(conn, project_id, edit.label)
    if isinstance(edit, se.DeleteLabel):
        return _delete(conn, project_id, edit.label_id)
    return _restore(conn, project_id, edit)


def label_row(conn: Connection, project_id: int, label_id: int) -> tuple[Label, int]:
    """The label ``label_id`` of the project with its roles, and its position."""
    row = conn.execute(
        select(L.name, L.kind, L.color, L.shortcut, L.description, L.position).where(
            L.id == label_id, L.project_id == project_id
        )
    ).first()
    if row is None:
        raise ed.EditError(f"label {label_id} is not in this project")
    name, kind, color, shortcut, description, position = row
    roles = tuple(
        Role(*r)
        for r in conn.execute(
            select(RO.name, RO.required, RO.max_count, RO.shortcut)
            .where(RO.label_id == label_id)
            .order_by(RO.position, RO.id)
        )
    )
    return Label(name, LabelKind(kind), color, shortcut, description, roles, label_id), position


def usage(conn: Connection, label_id: int) -> int:
    """How many spans, events or relations (by the label's kind) use the label."""
    counts = [
        conn.execute(select(func.count()).where(col == label_id)).scalar_one()
        for col in (S.label_id, EV.label_id, R.label_id)
    ]
    return int(sum(counts))


def _check(conn: Connection, project_id: int, label: Label) -> None:
    """Refuse an empty or taken name, a taken key, or bad roles."""
    if not label.name.strip():
        raise ed.EditError("a label needs a name")
    same_kind = select(L.id, L.name, L.shortcut).where(
        L.project_id == project_id, L.kind == label.kind.value
    )
    for other_id, name, shortcut in conn.execute(same_kind):
        if other_id == label.id:
            continue
        if name == label.name:
            article = "an" if label.kind != LabelKind.RELATION else "a"
            raise ed.EditError(f"there is already {article} {label.kind.value} label {name!r}")
        if label.shortcut and shortcut and shortcut.lower() == label.shortcut.lower():
            raise ed.EditError(f"key {label.shortcut!r} is already used by {name!r}")
    if label.roles and label.kind != LabelKind.EVENT:
        raise ed.EditError("only event types have roles")
    names = [r.name for r in label.roles]
    keys = [r.shortcut.lower() for r in label.roles if r.shortcut]
    if len(set(names)) != len(names) or not all(n.strip() for n in names):
        raise ed.EditError(f"the roles of {label.name} need distinct names")
    if len(set(keys)) != len(keys):
        raise ed.EditError(f"two roles of {label.name} share a key")
    if any(r.max_count is not None and r.max_count < 1 for r in label.roles):
        raise ed.EditError("a role's max count must be at least 1")


def _write_roles(conn: Connection, label_id: int, roles: tuple[Role, ...]) -> None:
    conn.execute(delete(ROLES).where(RO.label_id == label_id))
    rows = [
        {
            "label_id": label_id,
            "name": r.name,
            "required": r.required,
            "max_count": r.max_count,
            "shortcut": r.shortcut,
            "position": n,
        }
        for n, r in enumerate(roles)
    ]
    if rows:
        conn.execute(insert(ROLES), rows)


def _insert(conn: Connection, project_id: int, label: Label, position: int) -> int:
    values: dict[str, object] = {
        "project_id": project_id,
        "name": label.name,
        "kind": label.kind.value,
        "color": label.color,
        "shortcut": label.shortcut,
        "description": label.description,
        "position": position,
    }
    if label.id is not None:
        values["id"] = label.id
    label_id = int(conn.execute(insert(t.LABELS).returning(L.id), values).scalar_one())
    _write_roles(conn, label_id, label.roles)
    return label_id


def _add(conn: Connection, project_id: int, label: Label) -> se.SchemaEdit:
    label = replace(label, id=None)
    _check(conn, project_id, label)
    top = conn.execute(select(func.max(L.position)).where(L.project_id == project_id)).scalar()
    new_id = _insert(conn, project_id, label, 0 if top is None else int(top) + 1)
    return se.DeleteLabel(new_id)


def _update(conn: Connection, project_id: int, label: Label) -> se.SchemaEdit:
    if label.id is None:
        raise ed.EditError("the label to edit has no id")
    old, _ = label_row(conn, project_id, label.id)
    if old.kind != label.kind:
        raise ed.EditError(f"{old.name} is an {old.kind.value} label; its kind cannot change")
    _check(conn, project_id, label)
    dropped = {r.name for r in old.roles} - {r.name for r in label.roles}
    if dropped:
        used = conn.execute(
            select(ARG.role, func.count())
            .join(t.EVENTS, EV.id == ARG.event_id)
            .where(EV.label_id == label.id, ARG.role.in_(sorted(dropped)))
            .group_by(ARG.role)
        ).all()
        if used:
            role, n = used[0]
            raise ed.EditError(f"role {role!r} of {old.name} fills {n} argument(s); keep it")
    conn.execute(
        update(t.LABELS)
        .where(L.id == label.id)
        .values(
            name=label.name,
            color=label.color,
            shortcut=label.shortcut,
            description=label.description,
        )
    )
    if label.roles != old.roles:
        _write_roles(conn, label.id, label.roles)
    return se.UpdateLabel(old)


def _snapshots(conn: Connection, label: Label) -> tuple[ed.Restore, ...]:
    """What deleting ``label`` takes away, one :class:`Restore` per document."""
    lid = label.id
    if label.kind == LabelKind.ENTITY:
        by_doc: dict[int, list[int]] = defaultdict(list)
        for doc_id, span_id in conn.execute(
            select(S.document_id, S.id).where(S.label_id == lid).order_by(S.document_id, S.id)
        ):
            by_doc[doc_id].append(span_id)
        return tuple(removal.snapshots(conn, by_doc))
    if label.kind == LabelKind.EVENT:
        return _event_snapshots(conn, label)
    out: dict[int, list[ed.RelationRecord]] = defaultdict(list)
    for doc_id, *rest in conn.execute(
        select(R.document_id, R.id, R.head_span_id, R.tail_span_id, R.annotator_id)
        .add_columns(R.created_at)
        .where(R.label_id == lid)
        .order_by(R.id)
    ):
        rid, head, tail, who, created = rest
        out[doc_id].append(ed.RelationRecord(rid, head, tail, label.name, who, created))
    return tuple(ed.Restore(d, (), relations=tuple(rs)) for d, rs in out.items())


def _event_snapshots(conn: Connection, label: Label) -> tuple[ed.Restore, ...]:
    events: dict[int, list[ed.EventRecord]] = defaultdict(list)
    for doc_id, eid, trig, who, created in conn.execute(
        select(EV.document_id, EV.id, EV.trigger_span_id, EV.annotator_id, EV.created_at)
        .where(EV.label_id == label.id)
        .order_by(EV.id)
    ):
        events[doc_id].append(ed.EventRecord(eid, trig, label.name, who, created))
    out = []
    for doc_id, evs in events.items():
        ids = [e.id for e in evs]
        args = tuple(
            ed.ArgumentRecord(*row)
            for row in conn.execute(
                select(ARG.id, ARG.event_id, ARG.span_id, ARG.role, ARG.position)
                .where(ARG.event_id.in_(ids))
                .order_by(ARG.id)
            )
        )
        notes = tuple(
            ed.NoteRecord(*row)
            for row in conn.execute(
                select(N.id, N.span_id, N.event_id, N.text, N.annotator_id, N.created_at)
                .where(N.event_id.in_(ids))
                .order_by(N.id)
            )
        )
        out.append(ed.Restore(doc_id, (), tuple(evs), args, (), notes))
    return tuple(out)


def _delete(conn: Connection, project_id: int, label_id: int) -> se.SchemaEdit:
    label, position = label_row(conn, project_id, label_id)
    documents = _snapshots(conn, label)
    removal.delete_snapshots(conn, documents)
    conn.execute(delete(ROLES).where(RO.label_id == label_id))
    conn.execute(delete(t.LABELS).where(L.id == label_id))
    return se.RestoreLabel(label, position, documents)


def _restore(conn: Connection, project_id: int, edit: se.RestoreLabel) -> se.SchemaEdit:
    label = edit.label
    if label.id is None:
        raise ed.EditError("the label to restore has no id")
    if removal.taken_ids(conn, t.LABELS, [label.id]):
        raise ed.EditError(f"cannot restore {label.name}: label id {label.id} is in use")
    _check(conn, project_id, label)
    _insert(conn, project_id, label, edit.position)
    removal.restore_all(conn, label_ids(conn, project_id), edit.documents)
    return se.DeleteLabel(label.id)
