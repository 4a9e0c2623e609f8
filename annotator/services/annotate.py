"""The annotate service: apply an edit, save it at once, hand back its inverse.

Undo applies the inverse; redo applies the inverse of the inverse (not the
original edit again), so ids stay stable: a span re-added by redo keeps the
id that later edits on the undo stack name.
"""

from __future__ import annotations

from annotator.core import model
from annotator.core.edits import Edit, EditError, documents_of
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
        with ws.store.engine.begin() as conn, learning(conn, ws.project.id, docs, restored):
            return apply_edit(conn, ws.project.id, who, edit)

    def document(self, doc_id: int) -> model.Document | None:
        """The document with its annotations as now saved (``None`` if not here)."""
        return self._workspace.document(doc_id)
