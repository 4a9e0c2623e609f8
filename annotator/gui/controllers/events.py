"""Events, arguments and relations from the keyboard, as undoable edits on the open document.

An event key (the event type's shortcut: q, w, e, m in the default schema)
makes the selected span, or a new span over the selected text, the trigger of
a new event, which becomes the *current* event. A role key (a, r, p, t ...)
attaches the selected span(s), or a new span over the selected text, to the
current event in that role. Ctrl+R starts a relation from the selected span:
pick its type in a small popup, then click the tail span (or select it and
press Ctrl+R again).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from annotator.core.edits import (
    AddArgument,
    AddEvent,
    AddRelation,
    AddSpan,
    Batch,
    Edit,
    RemoveArgument,
    RemoveEvent,
    RemoveRelation,
    RemoveSpans,
    Rerole,
)
from annotator.core.model import Event, LabelKind, Schema
from annotator.core.tokens import snap_to_words
from annotator.gui.controllers.annotate import AnnotationController
from annotator.gui.controllers.document import DocumentController
from annotator.services.events import role_for_key, roles_left

TRIGGER_LABELS = ("TRIGGER", "MISC")
"""Entity labels a new trigger span gets over selected text (the first in the schema)."""
ROLE_LABELS = {
    "agent": "PER",
    "person": "PER",
    "participant": "PER",
    "candidate": "PER",
    "organiser": "ORG",
    "place": "LOC",
    "time": "DATE",
}
"""The entity label a new span gets when a role key is pressed over selected text."""


class EventController(QObject):
    """Turns event keys, role keys and the relation command into core edits."""

    current_changed = Signal(object)
    """The current event's id (or None)."""

    def __init__(
        self, docs: DocumentController, annotate: AnnotationController, schema: Schema
    ) -> None:
        super().__init__(docs)
        self.docs = docs
        self.annotate = annotate
        self.view = annotate.view
        self.schema = schema
        self.current_event: int | None = None
        self.pending_relation: tuple[int, str] | None = None
        self.relation_menu: QMenu | None = None
        docs.document_opened.connect(lambda _doc: self._forget())
        self.view.span_clicked.connect(self._span_clicked)

    def set_schema(self, schema: Schema) -> None:
        """Use another schema (after the schema editor changed it)."""
        self.schema = schema

    def event(self, event_id: int | None = None) -> Event | None:  # type: ignore[override]
        """The event ``event_id`` (default: the current one) of the open document."""
        wanted = self.current_event if event_id is None else event_id
        doc = self.docs.current
        if doc is None or wanted is None:
            return None
        return next((e for e in doc.events if e.id == wanted), None)

    def set_current(self, event_id: int | None) -> None:
        """Make ``event_id`` the event that role keys attach arguments to."""
        if event_id != self.current_event:
            self.current_event = event_id
            self.current_changed.emit(event_id)

    # events ----------------------------------------------------------------------

    def add_event(self, type_name: str) -> None:
        """Make the selected span (or new span over the selected text) trigger a new event."""
        doc_id = self.docs.doc_id
        if doc_id is None:
            return
        inverse: Edit | None = None
        with self._one_step(doc_id, self.tr("Add %1 event").replace("%1", type_name)):
            trigger = self._target_spans(self._trigger_label())
            if len(trigger) == 1:
                inverse = self.docs.apply(AddEvent(doc_id, trigger[0], type_name))
            else:
                self._say(self.tr("Select one span (or some text) as the trigger first"))
        if isinstance(inverse, RemoveEvent):
            self.set_current(inverse.event_id)
            self.annotate.select(frozenset())

    def attach(self, key: str) -> None:
        """Attach the selected span(s), or a new span over selected text, in the role of ``key``."""
        doc_id, event = self.docs.doc_id, self.event()
        if doc_id is None or event is None or event.id is None:
            self._say(self.tr("No current event: make one with its key, or pick one in the list"))
            return
        role = role_for_key(self.schema, event.type, key)
        if role is None:
            self._say(self.tr("%1 has no role on this key").replace("%1", event.type))
            return
        if role.name not in roles_left(self.schema, event):
            self._say(
                self.tr("The event already has as many %1 as it may").replace("%1", role.name)
            )
            return
        with self._one_step(doc_id, self.tr("Add %1 argument").replace("%1", role.name)):
            spans = [
                s for s in self._target_spans(self._role_label(role.name)) if s != event.trigger_id
            ]
            edits: list[Edit] = [AddArgument(doc_id, event.id, s, role.name) for s in spans]
            if not edits:
                self._say(self.tr("Select a span (or some text) to attach first"))
            elif len(edits) == 1:
                self.docs.apply(edits[0])
            else:
                self.docs.apply(Batch(doc_id, tuple(edits), edits[0].describe()))

    def rerole(self, argument_id: int, key: str) -> None:
        """Give an argument of the current document the role on ``key`` of its event type."""
        doc = self.docs.current
        if doc is None or doc.id is None:
            return
        found = [(e, a) for e in doc.events for a in e.arguments if a.id == argument_id]
        if not found:
            return
        event, arg = found[0]
        role = role_for_key(self.schema, event.type, key)
        if role is None:
            self._say(self.tr("%1 has no role on this key").replace("%1", event.type))
        elif role.name != arg.role:
            self.docs.apply(Rerole(doc.id, argument_id, role.name))

    def remove(self, kind: str, item_id: int) -> None:
        """Remove an argument, an event (its spans stay) or a relation."""
        doc_id = self.docs.doc_id
        if doc_id is None:
            return
        if kind == "argument":
            self.docs.apply(RemoveArgument(doc_id, item_id))
        elif kind == "event":
            self.docs.apply(RemoveEvent(doc_id, item_id))
        elif kind == "relation":
            self.docs.apply(RemoveRelation(doc_id, item_id))

    # relations -------------------------------------------------------------------

    def relation_command(self) -> None:
        """Ctrl+R: start a relation from the selected span, or finish one on it."""
        selected = sorted(self.annotate.selected)
        pending = self.pending_relation
        if pending is not None and len(selected) == 1 and selected[0] != pending[0]:
            self.finish_relation(selected[0])
            return
        if len(selected) != 1:
            self._say(self.tr("Select the head span of the relation first"))
            return
        self.relation_menu = self._relation_popup(selected[0])

    def choose_relation(self, head: int, label: str) -> None:
        """Remember the head and type; the next span clicked (or Ctrl+R on it) is the tail."""
        self.pending_relation = (head, label)
        self._say(
            self.tr("%1: now click the tail span (or select it and press Ctrl+R)").replace(
                "%1", label
            )
        )

    def finish_relation(self, tail: int) -> None:
        """Create the pending relation to ``tail``."""
        doc_id = self.docs.doc_id
        if self.pending_relation is None or doc_id is None:
            return
        head, label = self.pending_relation
        self.pending_relation = None
        self.docs.apply(AddRelation(doc_id, head, tail, label))

    def _relation_popup(self, head: int) -> QMenu:
        menu = QMenu(self.view)
        menu.setObjectName("relationTypes")
        for i, label in enumerate(self.schema.of_kind(LabelKind.RELATION), start=1):
            key = label.shortcut or (str(i) if i < 10 else "")
            text = f"&{key}  {label.name}" if key else label.name
            action = QAction(text, menu)
            action.setObjectName(f"relation:{label.name}")
            action.setToolTip(label.description)
            action.triggered.connect(lambda _=False, n=label.name: self.choose_relation(head, n))
            menu.addAction(action)
        rect = self.view.cursorRect()
        menu.popup(self.view.viewport().mapToGlobal(rect.bottomLeft() + QPoint(0, 4)))
        return menu

    def _span_clicked(self, span_id: int) -> None:
        if self.pending_relation is not None and span_id != self.pending_relation[0]:
            self.finish_relation(span_id)

    # helpers -----------------------------------------------------------------------

    def _target_spans(self, label: str) -> list[int]:
        """The selected spans, or a new ``label`` span over the selected text."""
        doc_id = self.docs.doc_id
        sel = self.view.selection()
        if sel is None or doc_id is None:
            return sorted(self.annotate.selected)
        start, end = sel if self.annotate.char_mode else snap_to_words(self.view.text(), *sel)
        if start >= end:
            return []
        existing = [s.id for s in self.view.spans() if (s.start, s.end) == (start, end) and s.id]
        if existing:
            self.view.clear_selection(at=end)
            return existing[:1]
        inverse = self.docs.apply(AddSpan(doc_id, start, end, label))
        self.view.clear_selection(at=end)
        return list(inverse.span_ids) if isinstance(inverse, RemoveSpans) else []

    def _trigger_label(self) -> str:
        return self._entity_label(TRIGGER_LABELS)

    def _role_label(self, role: str) -> str:
        wanted = ROLE_LABELS.get(role.lower())
        return self._entity_label((wanted,) if wanted else ()) if wanted else self._trigger_label()

    def _entity_label(self, names: tuple[str, ...]) -> str:
        entity = self.schema.of_kind(LabelKind.ENTITY)
        for name in (*names, *TRIGGER_LABELS):
            if any(label.name == name for label in entity):
                return name
        return entity[0].name if entity else "MISC"

    @contextmanager
    def _one_step(self, doc_id: int, text: str) -> Iterator[None]:
        """One undo step for a new span and the edit on it (a macro only when text is selected)."""
        if self.view.selection() is None:
            yield
            return
        self.docs.undo.activate(doc_id)
        stack = self.docs.undo.stack(doc_id)
        assert stack is not None
        stack.beginMacro(text)
        try:
            yield
        finally:
            stack.endMacro()
            last = stack.command(stack.count() - 1)
            if last is not None and last.childCount() == 0:
                stack.undo()  # nothing was applied: step back over the empty step

    def _forget(self) -> None:
        self.pending_relation = None
        self.set_current(None)

    def _say(self, text: str) -> None:
        self.docs.message.emit(text)
