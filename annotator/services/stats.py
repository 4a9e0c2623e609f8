"""Project statistics: documents by status and per day, spans, events and filled roles.

The statistics view draws these; ``annotator stats --json`` prints
:meth:`ProjectStats.as_json`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.services.workspace import Workspace
from annotator.store import documents
from annotator.store import stats as queries


@dataclass(frozen=True, slots=True)
class ProjectStats:
    """Counts over one project (keys sorted; absent means zero)."""

    documents: int
    by_status: dict[str, int]
    spans_by_label: dict[str, int]
    events_by_type: dict[str, int]
    arguments_by_role: dict[str, int]
    arguments_by_type: dict[str, dict[str, int]]
    annotated_per_day: dict[str, int]

    def as_json(self) -> dict[str, Any]:
        """The ``stats --json`` object."""
        return {
            "documents": self.documents,
            "by_status": self.by_status,
            "spans_by_label": self.spans_by_label,
            "events_by_type": self.events_by_type,
            "arguments_by_role": self.arguments_by_role,
            "annotated_per_day": self.annotated_per_day,
        }


def project_stats(ws: Workspace) -> ProjectStats:
    """Every count of the workspace's project, read in one connection."""
    pid = ws.project.id
    with ws.store.engine.connect() as conn:
        counts: dict[str, Any] = documents.counts(conn, pid)
        by_type = queries.arguments_by_type_and_role(conn, pid)
        by_role: dict[str, int] = {}
        for roles in by_type.values():
            for role, n in roles.items():
                by_role[role] = by_role.get(role, 0) + n
        return ProjectStats(
            documents=counts["documents"],
            by_status=counts["by_status"],
            spans_by_label=counts["spans_by_label"],
            events_by_type=queries.events_by_type(conn, pid),
            arguments_by_role=dict(sorted(by_role.items())),
            arguments_by_type=by_type,
            annotated_per_day=queries.annotated_per_day(conn, pid),
        )
