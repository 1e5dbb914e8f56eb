"""Glue of the stages: read -> clean -> segment -> extract -> model."""

from __future__ import annotations

from . import __version__
from .models import Meeting, Source
from .read import Document


def build_meeting(doc: Document, source: Source) -> Meeting:
    # Placeholder while the stages land; replaced by the real pipeline.
    return Meeting(parser_version=__version__, source=source, kind="not_minutes")
