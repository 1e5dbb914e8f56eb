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
class Document:
    lines: list[RawLine]
    format: str  # "text" or "pdf"
    encoding: str | None = None
    pages: int | None = None
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (code, message)
    # Tables found by a geometry-aware backend: (page, rows of cells).
    tables: list[tuple[int, list[list[str | None]]]] = field(default_factory=list)
    # Running headers and footers the reader removed: page furniture, but it may be the only place
    # that names the municipality.
    furniture: list[str] = field(default_factory=list)
