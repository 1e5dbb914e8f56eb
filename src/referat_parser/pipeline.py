"""Glue of the stages: read -> clean -> segment -> extract -> resolve -> model."""

from __future__ import annotations

from .clean import Cleaned, clean
from .extract.meeting import extract
from .models import Meeting, Source
from .outline import apply_outline, segment_from_outline, settle_outline_kind
from .read import Document
from .resolve import resolve
from .segment import segment


def build_meeting(doc: Document, source: Source) -> Meeting:
    cleaned = clean(doc)
    return meeting_from_cleaned(cleaned, source, doc)


def meeting_from_cleaned(cleaned: Cleaned, source: Source, doc: Document | None = None) -> Meeting:
    outline = doc.outline if doc else None  # a meeting-system export states its structure
    seg = segment_from_outline(cleaned, outline) if outline else segment(cleaned)
    found = extract(seg, doc.tables if doc else [])
    if outline:
        apply_outline(found, outline)
    draft = resolve(found, source)
    if outline:
        settle_outline_kind(draft)
    # The models are built once, from the settled draft, and validated in one pass.
    return Meeting.model_validate(draft, from_attributes=True)
