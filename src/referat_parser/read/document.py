"""The reader stage's output: a stream of raw lines, with typography where the format has it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class RawLine:
    text: str
    page: int | None = None  # 1-based
    bold: bool | None = None
    size: float | None = None  # font size in points
    top: float | None = None  # distance from the top of the page in points
    # A visibly larger gap than between the document's paragraphs stands before this line: a block
    # ends there (a decision and the item description printed after it without a heading).
    gap_before: bool = False


@dataclass
class OutlineSection:
    """A text field of an item as the export states it: its caption and its text."""

    caption: str
    first: int  # index in Document.lines of the caption line
    last: int  # index of the section's last line (inclusive); == first for an empty field
    key: str | None = None  # the canonical key where the export states the field's role ("decision")


@dataclass
class OutlineItem:
    """An agenda item as the export states it. Lines first..last (inclusive) of Document.lines are
    the item: its title line (first), then its sections, or its full text where the export gives
    one text without fields (those lines are read for headings as printed minutes are)."""

    number: str | None
    title: str | None
    case_number: str | None
    public: bool | None
    first: int
    last: int
    sections: list[OutlineSection] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)


@dataclass
class OutlinePerson:
    name: str
    party: str | None = None
    role: str | None = None
    present: bool | None = None


@dataclass
class Outline:
    """The structure a meeting-system export states, so that the parser need not guess it.
    Header values are None where the export does not give them (the header lines may)."""

    export: str  # the export family, as in Document.format ("xml-sbsys", ...)
    committee: str | None = None
    date: str | None = None  # ISO
    start_time: str | None = None  # HH:MM
    end_time: str | None = None
    location: str | None = None
    municipality: str | None = None
    participants: list[OutlinePerson] = field(default_factory=list)
    header_end: int = 0  # lines [0, header_end) are the meeting header
    items: list[OutlineItem] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # export fields with content that were not mapped


@dataclass
class Document:
    lines: list[RawLine]
    format: str  # "text", "pdf" or an export family ("xml-sbsys", ...)
    encoding: str | None = None
    pages: int | None = None
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (code, message)
    # Tables found by a geometry-aware backend: (page, rows of cells).
    tables: list[tuple[int, list[list[str | None]]]] = field(default_factory=list)
    # Running headers and footers the reader removed: page furniture, but it may be the only place
    # that names the municipality.
    furniture: list[str] = field(default_factory=list)
    # The structure a meeting-system export states (XML exports); None for printed documents.
    outline: Outline | None = None
