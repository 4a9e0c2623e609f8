"""The native export record (DESIGN §5), shared by ``show`` and the exports."""

from __future__ import annotations

from typing import Any

from annotator.core.formats.base import WriteContext, WriteReport
from annotator.core.formats.native import to_record
from annotator.core.model import Document


def native_record(doc: Document, with_suggestions: bool = False) -> dict[str, Any]:
    """The document as one native JSON-ready record."""
    return to_record(doc, WriteContext(with_suggestions=with_suggestions), WriteReport())
