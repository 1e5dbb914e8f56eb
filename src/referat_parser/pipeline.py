"""Glue of the stages: read -> clean -> segment -> extract -> resolve -> model."""

from __future__ import annotations

from dataclasses import dataclass

from .clean import Cleaned, clean
from .drafts import Found, MeetingDraft, SourceDraft
from .extract.meeting import extract
from .models import Meeting
from .outline import apply_outline, segment_from_outline
from .read import Document
from .resolve import resolve
from .segment import Segmented, segment


@dataclass
class Stages:
    """What every stage made of one document: the meeting, and what led to it (for the trace)."""

    cleaned: Cleaned
    segmented: Segmented
    found: Found
    draft: MeetingDraft
    meeting: Meeting


def run_stages(doc: Document, source: SourceDraft) -> Stages:
    cleaned = clean(doc)
    outline = doc.outline  # a meeting-system export states its structure (outline.py)
    segmented = segment_from_outline(cleaned, outline) if outline else segment(cleaned)
    found = extract(segmented, doc.tables)
    if outline:
        apply_outline(found, outline)
    draft = resolve(found, source)
    # The models are built once, from the settled draft, and validated in one pass.
    meeting = Meeting.model_validate(draft, from_attributes=True)
    return Stages(cleaned, segmented, found, draft, meeting)


def build_meeting(doc: Document, source: SourceDraft) -> Meeting:
    return run_stages(doc, source).meeting
