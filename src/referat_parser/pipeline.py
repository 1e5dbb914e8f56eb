"""Glue of the stages: read -> clean -> segment -> extract -> resolve -> model."""

from __future__ import annotations

from .clean import Cleaned, clean
from .extract.meeting import extract
from .models import Meeting, Source
from .read import Document
from .resolve import resolve
from .segment import segment


def build_meeting(doc: Document, source: Source) -> Meeting:
    cleaned = clean(doc)
    return meeting_from_cleaned(cleaned, source, doc)


def meeting_from_cleaned(cleaned: Cleaned, source: Source, doc: Document | None = None) -> Meeting:
    found = extract(segment(cleaned), doc.tables if doc else [])
    draft = resolve(found, source)
    # The models are built once, from the settled draft, and validated in one pass.
    return Meeting.model_validate(draft, from_attributes=True)
