"""The annotate service: apply an edit, save it at once, hand back its inverse.

Undo applies the inverse; redo applies the inverse of the inverse (not the
original edit again), so ids stay stable: a span re-added by redo keeps the
id that later edits on the undo stack name.
"""

from __future__ import annotations

from contextlib import nullcontext

from annotator.core import model
from annotator.core.edits import (
    AddSpan,
    Batch,
    Edit,
    EditError,
    Relabel,
    RemoveSpans,
    Resize,
    Restore,
    documents_of,
)
from annotator.services.knowledge import learning, restored_spans
from annotator.services.workspace import Workspace
from annotator.store.edits import apply_edit

__all__ = ["Annotations", "EditError"]


class Annotations:
    """Edits of the workspace's project, each saved in one transaction."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def apply(self, edit: Edit) -> Edit:
        """Validate and save ``edit``; return the edit that undoes it.

        Raises:
            EditError: the edit is invalid; nothing was changed.
        """
        ws = self._workspace
        who = ws.store.annotator_id(ws.annotator)
        docs, restored = [*documents_of(edit)], restored_spans(edit)
        with ws.store.engine.begin() as conn:
            learns = _learns(edit)
            with learning(conn, ws.project.id, docs, restored) if learns else nullcontext():
                return apply_edit(conn, ws.project.id, who, edit)

    def document(self, doc_id: int) -> model.Document | None:
        """The document with its annotations as now saved (``None`` if not here)."""
        return self._workspace.document(doc_id)


def _learns(edit: Edit) -> bool:
    """Whether ``edit`` may change an entity span (events, notes and statuses do not)."""
    if isinstance(edit, Batch):
        return any(_learns(e) for e in edit.edits)
    return isinstance(edit, AddSpan | RemoveSpans | Relabel | Resize | Restore)
