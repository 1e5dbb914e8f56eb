"""The working form of a meeting between extraction and the models: plain mutable records.

Extraction fills them, the resolve stage settles meeting-level facts on them, and the model stage
validates them once into the pydantic output models (``Meeting.model_validate(draft,
from_attributes=True)``): a record carries at least the attributes of the model it becomes, read
by name, so there is no hand conversion, and working attributes the model does not have (a
decision's ``quoted``) are simply not read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .lexicon.attendance import ParticipantRef
from .lexicon.names import PersonRef
from .lexicon.outcomes import Outcome

if TYPE_CHECKING:
    from .segment import Segmented


@dataclass(slots=True)
class SpanRef:
    start: int
    end: int
    page: int | None = None


@dataclass
class DissentRef:
    name: str | None
    party: str | None
    text: str


@dataclass
class VoteSideRef:
    count: int | None = None
    parties: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)


@dataclass
class VotesRef:
    for_: VoteSideRef | None = None
    against: VoteSideRef | None = None
    abstain: VoteSideRef | None = None


@dataclass
class SectionDraft:
    key: str
    heading: str
    text: str
    span: SpanRef


@dataclass
class DecisionDraft:
    """A decision printed in an item: this meeting's (-> Decision) or an earlier body's quoted in the
    item (-> Consultation); the resolve stage tells which."""

    text: str | None
    body: str | None
    date: str | None
    span: SpanRef
    item_number: str | None = None  # "..., pkt. 42": another meeting's item
    quoted: bool = False  # printed as another meeting's ("Beslutning fra Direktionen ...")
    history: bool = False  # an entry of the case's history ("Sagsforløb"): never this meeting's decision
    heading_date: str | None = None  # the date its heading prints ("Beslutning i Byrådet den 3. maj 2021")
    outcome: Outcome | None = None
    absent: list[PersonRef] = field(default_factory=list)
    substitutes: list[ParticipantRef] = field(default_factory=list)
    dissents: list[DissentRef] = field(default_factory=list)
    votes: VotesRef | None = None


@dataclass
class TableDraft:
    page: int | None
    rows: list[list[str | None]]


@dataclass
class ItemDraft:
    order: int
    span: SpanRef
    number: str | None = None
    title: str | None = None
    case_number: str | None = None
    document_number: str | None = None
    public: bool | None = None
    competence: str | None = None
    sections: list[SectionDraft] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    tables: list[TableDraft] = field(default_factory=list)
    printed_decisions: list[DecisionDraft] = field(default_factory=list)  # every decision the item prints
    decision: DecisionDraft | None = None  # set by the resolve stage
    consultations: list[DecisionDraft] = field(default_factory=list)  # set by the resolve stage


@dataclass
class TocEntryDraft:
    number: str | None
    title: str
    page: int | None


@dataclass
class WarningDraft:
    code: str
    message: str
    span: SpanRef | None = None


@dataclass
class HeaderDraft:
    """The meeting header as extracted, before the resolve stage settles each field."""

    committee: str | None = None
    date: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    location: str | None = None
    participants: list[ParticipantRef] = field(default_factory=list)
    rules: dict[str, str] = field(default_factory=dict)  # field -> the header rule that found its value
    # field -> every (rule, value) the header rules offered, in order of precedence (resolve takes the
    # first plausible one)
    candidates: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    signs: list[str] = field(default_factory=list)  # signs of a meeting document (contents, member list, ...)


@dataclass(slots=True)
class SourceDraft:
    """What the input was (models.Source); a plain record, validated with the rest of the meeting."""

    path: str
    sha256: str
    format: str
    encoding: str | None
    pages: int | None
    size: int


@dataclass
class MeetingDraft:
    parser_version: str
    source: SourceDraft
    kind: str
    language: str | None
    municipality: str | None
    committee: str | None
    date: str | None
    start_time: str | None
    end_time: str | None
    location: str | None
    participants: list[ParticipantRef]
    toc: list[TocEntryDraft]
    items: list[ItemDraft]
    warnings: list[WarningDraft]
    sources: dict[str, str] = field(default_factory=dict)  # fact -> where the resolve stage took it from


@dataclass
class Found:
    """What extraction found: the input of the resolve stage."""

    seg: Segmented
    header: HeaderDraft
    header_lines: list[str]
    items: list[ItemDraft]
    item_absences: list[PersonRef]  # absences recorded in items' attendance sections and heads
    municipality: str | None
    warnings: list[WarningDraft]
    whole_meeting: bool = False  # the input states it is a whole meeting (a meeting-system export)
