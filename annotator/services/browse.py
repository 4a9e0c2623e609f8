"""The article list: filtered, sorted pages of a large project, and where to go next.

Every call is a few indexed queries, so the list stays quick at 100,000
documents; nothing here loads every row.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import Status
from annotator.services.workspace import Workspace
from annotator.store import browse
from annotator.store.documents import DocumentRow

__all__ = ["SORTS", "Browser", "DocumentRow", "Filters"]

SORTS = browse.SORTS


@dataclass(frozen=True)
class Filters:
    """What the list shows: one status, documents with a label, a search."""

    status: str | None = None
    label: str | None = None
    search: str = ""


class Browser:
    """Queries of the workspace project's article list."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def _query(self, filters: Filters, sort: str = "id", descending: bool = False) -> browse.Query:
        return browse.Query(
            self._workspace.project.id,
            filters.status,
            filters.label,
            filters.search,
            sort,
            descending,
        )

    def count(self, filters: Filters) -> int:
        """How many documents match ``filters``."""
        with self._workspace.store.engine.connect() as conn:
            return browse.count(conn, self._query(filters))

    def page(
        self,
        filters: Filters,
        offset: int,
        limit: int,
        sort: str = "id",
        descending: bool = False,
    ) -> list[DocumentRow]:
        """Rows ``offset`` to ``offset + limit`` of the sorted, filtered list.

        ``sort`` is one of id, title, published_at, source, status, spans;
        ties go by id.

        Raises:
            ValueError: ``sort`` is none of those.
        """
        with self._workspace.store.engine.connect() as conn:
            return browse.page(conn, self._query(filters, sort, descending), offset, limit)

    def progress(self) -> tuple[int, int]:
        """Finished documents (done or skipped) and all documents."""
        with self._workspace.store.engine.connect() as conn:
            counts = browse.by_status(conn, self._workspace.project.id)
        finished = counts.get(Status.DONE.value, 0) + counts.get(Status.SKIPPED.value, 0)
        return finished, sum(counts.values())

    def next_unfinished(self, after_id: int | None, backwards: bool = False) -> int | None:
        """The next (or previous) new or in-progress document by id, wrapping around.

        Never ``after_id`` itself: ``None`` means no other document is unfinished.
        """
        with self._workspace.store.engine.connect() as conn:
            return browse.next_unfinished(conn, self._workspace.project.id, after_id, backwards)

    def position_of(
        self, doc_id: int, filters: Filters, sort: str = "id", descending: bool = False
    ) -> int | None:
        """The 0-based row of ``doc_id`` in the list (an offset for :meth:`page`)."""
        with self._workspace.store.engine.connect() as conn:
            return browse.position(conn, self._query(filters, sort, descending), doc_id)
