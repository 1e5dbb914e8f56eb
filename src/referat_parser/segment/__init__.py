"""Segment stage: find the meeting header, the table of contents and the agenda items, and split
each item into sections by its headings.

Two ways to find items, chosen per document (each a table of named rules, see numbered.py and
unnumbered.py):
- numbered: item title lines ("Punkt 41: Title", "41. Title", "Sag nr. 130" after its title line);
- unnumbered: an item begins at an opening heading once the current item has had its decision.
A document with neither, but consecutively numbered titles, is a decision protocol.
"""

from __future__ import annotations

from ..clean import Cleaned, Line
from ..lineclass import Info, classify
from .accordion import accordion_headings
from .blocks import ItemBlock, SectionBlock, Segmented, TocLine
from .contents import find_toc, numbers_from_contents
from .dated_lines import body_date_headings
from .decimal import decimal_items
from .lines import fill_sections, repeat_lines
from .numbered import join_wrapped_titles, numbered_starts, protocol_items, split_unnumbered_tail
from .typography import demote_body_style_headings
from .unnumbered import unnumbered_items

__all__ = ["ItemBlock", "SectionBlock", "Segmented", "TocLine", "segment"]


def segment(cleaned: Cleaned) -> Segmented:
    lines = cleaned.lines
    infos = [classify(line.text, line.bold) for line in lines]
    demote_body_style_headings(infos, lines)
    accordion_headings(infos, lines)
    join_wrapped_titles(infos, lines)
    toc = find_toc(infos, lines)
    toc_lines = {entry.line for entry in toc}
    decisions: list[tuple[int, str]] = []
    items = decimal_items(infos, lines, toc_lines, decisions) or _numbered_items(infos, lines, toc_lines, decisions)
    if items:
        # A "table of contents" after the first item is a numbered list inside an item.
        toc = [entry for entry in toc if entry.line < items[0].start]
    else:
        items = unnumbered_items(infos, lines, toc_lines, decisions) or protocol_items(infos, lines, toc_lines)
        numbers_from_contents(items, lines)
    header_end = items[0].start if items else len(lines)
    return Segmented(cleaned, infos, header_end, toc, items, decisions)


def _numbered_items(infos: list[Info], lines: list[Line], toc_lines: set[int],
                    decisions: list[tuple[int, str]]) -> list[ItemBlock]:
    starts = numbered_starts(infos, lines, toc_lines, decisions)
    if not starts:
        return []
    items = [ItemBlock(start=s.start, end=s.start, number=s.number, title=s.title, title_line=s.title_line, rule=s.rule)
             for s in starts]
    for item, nxt in zip(items, [*items[1:], None], strict=True):
        item.end = nxt.start if nxt else len(lines)
    for item in items:
        body_date_headings(item, infos, lines)
        fill_sections(item, infos, skip={item.title_line} | repeat_lines(item, infos, lines))
    items = [part for item in items for part in split_unnumbered_tail(item, infos, lines)]
    # A title with nothing after it (a closed item, or an excerpt that stops) has no body to parse.
    return [item for item in items if item.sections or any(i > (item.title_line or 0) for i in item.head)]
