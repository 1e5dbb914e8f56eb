"""The segment stage's output: the header's extent, the contents, and item blocks of line indexes."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..clean import Cleaned
from ..lexicon.headings import Heading
from ..lineclass import Info


@dataclass
class SectionBlock:
    heading: Heading
    line: int  # index of the heading line
    body: list[int] = field(default_factory=list)  # indexes of content lines (blank lines excluded)


@dataclass
class ItemBlock:
    start: int  # first line index
    end: int  # one past the last line index
    number: str | None = None
    title: str | None = None
    title_line: int | None = None
    head: list[int] = field(default_factory=list)  # non-blank lines before the first heading
    sections: list[SectionBlock] = field(default_factory=list)
    rule: str = ""  # the rule that started the item here (see numbered.py, unnumbered.py)


@dataclass
class TocLine:
    line: int
    number: str | None
    title: str
    page: int | None


@dataclass
class Segmented:
    cleaned: Cleaned
    infos: list[Info]
    header_end: int  # lines [0, header_end) are the meeting header
    toc: list[TocLine]
    items: list[ItemBlock]
    # (line, rule) for every numbered or heading line the boundary rules decided about: why a line
    # did or did not start an item ("list_inside_item", "printed_again", ...).
    decisions: list[tuple[int, str]] = field(default_factory=list)
