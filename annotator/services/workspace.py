"""A workspace: one open database, one project, one annotator.

The composition every front end (window, command line, smoke test) starts
from; it hands out the services that do the work.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core import model
from annotator.core.formats import ReadOptions
from annotator.paths import default_db_url
from annotator.services.importing import Importer, ImportSummary
from annotator.services.neardups import NearDuplicate, all_near_duplicates
from annotator.store import documents
from annotator.store.doc_names import document_names
from annotator.store.documents import DocumentRow
from annotator.store.repository import ProjectInfo, Store

DEFAULT_PROJECT = "default"


@dataclass
class Workspace:
    """An open store with a current project and annotator."""

    store: Store
    project: ProjectInfo
    annotator: str | None = None
    url: str = field(default="")

    @classmethod
    def open(
        cls,
        db: str | None = None,
        project: str | None = None,
        annotator: str | None = None,
        upgrading: Callable[[], None] | None = None,
    ) -> Workspace:
        """Open ``db`` (default: the user's SQLite file) and the named project;
        ``upgrading`` is called before a database made by an older version is upgraded."""
        url = db or default_db_url()
        store = Store.open(url, upgrading)
        return cls(store, store.project(project or DEFAULT_PROJECT), annotator, url)

    def close(self) -> None:
        """Release the database."""
        self.store.close()

    def import_paths(
        self,
        paths: Sequence[Path],
        fmt: str | None = None,
        options: ReadOptions | None = None,
        **hooks: object,
    ) -> ImportSummary:
        """Import files and folders into the project."""
        importer = Importer(self.store, self.project, self.annotator)
        return importer.run(paths, fmt, options, **hooks)  # type: ignore[arg-type]

    def list_documents(
        self, status: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[DocumentRow]:
        """A page of the project's documents with span counts."""
        with self.store.engine.connect() as conn:
            return documents.list_documents(conn, self.project.id, status, limit, offset)

    def document(self, doc_id: int) -> model.Document | None:
        """One document of this project with all its annotations."""
        with self.store.engine.connect() as conn:
            return documents.load_document(conn, doc_id, self.project.id)

    def titles(self, ids: Sequence[int]) -> dict[int, str]:
        """The titles of the documents among ``ids`` that are still stored."""
        with self.store.engine.connect() as conn:
            return {doc_id: title or "" for doc_id, _, title in document_names(conn, ids)}

    def stats(self) -> dict[str, object]:
        """Counts by status and by label."""
        with self.store.engine.connect() as conn:
            return documents.counts(conn, self.project.id)

    def near_duplicates(self) -> list[NearDuplicate]:
        """Pairs of documents that nearly repeat each other."""
        with self.store.engine.connect() as conn:
            return all_near_duplicates(conn, self.project.id)

    def schema(self) -> model.Schema:
        """The project's label schema."""
        return self.store.schema(self.project.id)
