"""Decimal item numbering: '1 First group' / '1.1 Sub-item' / '1.2 Sub-item' / '2 Second group' /
'2.1 Sub-item' / '3 Eventuelt'. Every entry of the sequence is an item, numbered as printed; a group
entry without a body of its own is an item too. Only a document whose own numbering is decimal reads
sub-numbers as items: a group number followed by its first sub-number, and a run of sub-items."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from ..clean import Line
from ..lexicon import patterns as P
from ..lineclass import NUMBERED, TEXT, Info
from .blocks import ItemBlock
from .lines import fill_sections, next_text

MIN_SUB_ITEMS = 2  # sub-items in the sequence that show the document numbers its items decimally
MAX_SUB_STEP = 2  # a sub-number may skip one (a sub-item's line lost across a page break)


@dataclass(frozen=True)
class _Entry:
    index: int
    top: int
    sub: int | None  # None for a group entry ('1 First group')
    title: str | None
    style: str  # the numbering rule of a group entry (how its number prints)

    @property
    def printed(self) -> str:
        return str(self.top) if self.sub is None else f"{self.top}.{self.sub}"


def decimal_items(infos: list[Info], lines: list[Line], toc_lines: set[int],
                  decisions: list[tuple[int, str]]) -> list[ItemBlock]:
    """The items of a decimally numbered document, or [] when the document is not numbered that way."""
    chain = _chain(_entries(infos, lines, toc_lines), infos)
    if sum(1 for entry in chain if entry.sub is not None) < MIN_SUB_ITEMS:
        return []
    items = []
    for position, entry in enumerate(chain):
        end = chain[position + 1].index if position + 1 < len(chain) else len(lines)
        item = ItemBlock(start=entry.index, end=end, number=entry.printed, title=entry.title, title_line=entry.index,
                         rule="decimal_numbering")
        fill_sections(item, infos, skip={entry.index})
        items.append(item)
        decisions.append((entry.index, "decimal_numbering"))
    return items


def _entries(infos: list[Info], lines: list[Line], toc_lines: set[int]) -> list[_Entry]:
    entries = []
    # The lines that may be entries, gathered by a comprehension first: numbered lines, and text lines
    # that start with a digit (item_decimal's first character).
    read = [index for index, (info, line) in enumerate(zip(infos, lines, strict=True))
            if info.kind is NUMBERED or (info.kind is TEXT and line.text[:1].isdigit())]
    for index in read:
        if index in toc_lines:
            continue
        info = infos[index]
        if info.kind is NUMBERED:
            if info.number is not None:
                entries.append(_Entry(index, int(info.number), None, info.title, info.rule))
        elif match := P.item_decimal.match(lines[index].text):
            entries.append(_Entry(index, int(match["top"]), int(match["sub"]), match["title"].strip(), "decimal"))
    return entries


def _chain(entries: list[_Entry], infos: list[Info]) -> list[_Entry]:
    """The sequence from the first group entry followed directly by its first sub-entry (a group has no
    body of its own; '1.1 Formål' under a section of item 1 is a paragraph): each next entry is the
    group's next sub-number (one may be missing) or the next group (printed like the first group); other
    lines are text. The first group is the document's first numbered line: an outline '1 Drift' / '1.1
    Skoler' inside the text of item '1. Budget' numbers that text, not the document."""
    start = next((i for i, (a, b) in enumerate(pairwise(entries))
                  if a.sub is None and b.top == a.top and b.sub == 1 and next_text(infos, a.index, 1) == b.index), None)
    if start is None or any(entry.sub is None for entry in entries[:start]):
        return []
    first = entries[start]
    chain = [first]
    for entry in entries[start + 1:]:
        last = chain[-1]
        next_sub = entry.sub is not None and entry.top == last.top and 0 < entry.sub - (last.sub or 0) <= MAX_SUB_STEP
        next_group = entry.sub is None and entry.top == last.top + 1 and entry.style == first.style
        if next_sub or next_group:
            chain.append(entry)
    return chain
