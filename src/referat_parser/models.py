"""Pydantic models of a parsed meeting: the output contract, versioned by SCHEMA_VERSION.

Versioning policy (README, "Versions"): an output validates against the schema of its own major
version; readers ignore fields they do not know. So the models accept unknown fields (and drop
them) instead of forbidding them: a 1.0 reader takes a 1.1 output that only adds fields. Additive
changes bump the minor version, breaking ones (a field removed, renamed or retyped) the major.

Field names follow OParl where a counterpart exists (``number`` as printed, ``order`` as the
0-based position, ``public``); every extracted block carries a ``span`` into the cleaned text
(as CitiLink does) so that an analyst can trace each value back to its source.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .lexicon.outcomes import Outcome
from .version import SCHEMA_VERSION

Kind = Literal["minutes", "agenda_item", "not_minutes"]


class _Model(BaseModel):
    # defer_build: each model would otherwise build its validator at import, and every parent
    # rebuilds its children's schemas inside its own; deferred, the first validation of a Meeting
    # builds the whole tree once (~65 ms of start-up saved, same validation and JSON).
    model_config = ConfigDict(extra="ignore", defer_build=True)


class Span(_Model):
    """Character offsets [start, end) into the cleaned text, plus the 1-based page where known."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: int | None = None


class Source(_Model):
    path: str
    sha256: str
    format: Literal["text", "pdf", "html", "docx", "xml-edoc", "xml-sbsys", "xml-acadre", "xml-edoc-fujitsu"] = Field(
        description="The input's format; for meeting-system XML exports, the export family")
    encoding: str | None = None
    pages: int | None = None
    size: int = Field(ge=0, description="Size of the input in bytes")


class Participant(_Model):
    name: str
    party: str | None = None
    role: str | None = Field(None, description="e.g. 'formand', 'stedfortræder', 'suppleant'")
    present: bool | None = None
    substitute_for: str | None = None


class Person(_Model):
    name: str
    party: str | None = None


class Dissent(_Model):
    name: str | None = None
    party: str | None = None
    text: str


class VoteSide(_Model):
    count: int | None = None
    parties: list[str] = Field(default_factory=list)
    names: list[str] = Field(default_factory=list)


class Votes(_Model):
    for_: VoteSide | None = Field(None, alias="for")
    against: VoteSide | None = None
    abstain: VoteSide | None = None

    model_config = ConfigDict(extra="ignore", populate_by_name=True, defer_build=True)


class Decision(_Model):
    text: str | None
    outcome: Outcome | None
    body: str | None = None
    date: str | None = Field(None, description="ISO date")
    absent: list[Person] = Field(default_factory=list)
    substitutes: list[Participant] = Field(default_factory=list)
    dissents: list[Dissent] = Field(default_factory=list)
    votes: Votes | None = None
    span: Span


class Consultation(_Model):
    """An earlier body's decision quoted inside the item (OParl: Consultation)."""

    body: str | None
    date: str | None
    item_number: str | None = None
    text: str | None
    outcome: Outcome | None
    span: Span


class Section(_Model):
    key: str = Field(description="Canonical English key of the heading, e.g. 'decision'")
    heading: str = Field(description="The heading as printed")
    text: str
    span: Span


class Table(_Model):
    page: int | None = None
    rows: list[list[str | None]]


class Item(_Model):
    order: int = Field(ge=0)
    number: str | None = None
    title: str | None = None
    case_number: str | None = None
    document_number: str | None = None
    public: bool | None = None
    competence: str | None = None
    sections: list[Section] = Field(default_factory=list)
    recommendations: list[str] = Field(default_factory=list)
    attachments: list[str] = Field(default_factory=list)
    decision: Decision | None = None
    consultations: list[Consultation] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    span: Span


class TocEntry(_Model):
    number: str | None = None
    title: str
    page: int | None = None


class Warning(_Model):
    code: str
    message: str
    span: Span | None = None


class Meeting(_Model):
    schema_version: str = SCHEMA_VERSION
    parser_version: str
    source: Source
    kind: Kind
    language: str | None = None
    municipality: str | None = None
    committee: str | None = None
    date: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    location: str | None = None
    participants: list[Participant] = Field(default_factory=list)
    toc: list[TocEntry] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)

    def to_json(self) -> str:
        """Stable JSON text (by alias, UTF-8 characters kept, two-space indent, final newline)."""
        return self.model_dump_json(by_alias=True, indent=2) + "\n"
