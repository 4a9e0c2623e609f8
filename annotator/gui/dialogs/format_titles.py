"""The names people know the formats by, for the import and export dialogs alike."""

from __future__ import annotations

FORMAT_TITLES = {
    "native": "Annotator JSONL (native)",
    "doccano": "doccano",
    "spacy": "spaCy JSONL",
    "spacy-docbin": "spaCy DocBin",
    "prodigy": "Prodigy",
    "conll": "CoNLL / BIO",
    "brat": "brat",
    "labelstudio": "Label Studio",
    "inline": "Inline tags",
    "json": "JSON array",
    "csv": "CSV / TSV",
    "jsonl": "JSONL",
    "text": "Plain text / Markdown",
}
"""By reader and writer name (one name where a format is read and written); product
names, not translated."""


def format_title(name: str) -> str:
    """What the dialogs call the format ``name``."""
    return FORMAT_TITLES.get(name, name)
