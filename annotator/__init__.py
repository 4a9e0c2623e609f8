"""Annotator: turn press-release and news corpora into labelled training data."""

__version__ = "0.1.0"
APP_NAME = "Annotator"
APP_ID = "annotator"
ORG_NAME = "Annotator"
