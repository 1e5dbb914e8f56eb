"""The table of contents: dot-leader lines, runs of numbered titles before the items' bodies, runs
of lines ending in ascending page numbers, and stacked entries after a contents heading. Contents
entries are never items."""

from __future__ import annotations

import functools
import re
from functools import cache
from itertools import pairwise

from ..clean import Line
from ..lexicon import gates as G
from ..lexicon import patterns as P
from ..lexicon.data import words
from ..lexicon.words import join_text
from ..lineclass import BLANK, HEADING, NUMBER_ONLY, NUMBERED, PUBLIC, TEXT, TOC, Info
from .blocks import ItemBlock, TocLine
from .lines import next_text


def find_toc(infos: list[Info], lines: list[Line]) -> list[TocLine]:
    """Dot-leader lines; runs of two or more numbered title lines with nothing between them (a list
    of items before their bodies); and runs of lines ending in a page number (see _paged_run)."""
    toc: list[TocLine] = []
    marks: list[int] = []  # contents headings ('Indholdsfortegnelse'): contents lines without a title
    for index, info in enumerate(infos):
        if info.kind is TOC:
            if info.title is None:
                marks.append(index)
            else:
                toc.append(TocLine(index, info.number or _number_above(infos, index), info.title,
                                   int(info.value or 0) or None))
    before_items = next((i for i, info in enumerate(infos) if info.kind is HEADING), len(infos))
    numbered = [index for index, info in enumerate(infos) if info.kind is NUMBERED]
    for run, marked in _runs(infos, lines, numbered):
        # After the first section heading, only a contents heading makes a numbered list contents:
        # "1. Kort over ..." under "Bilag" lists an item's attachments.
        for part in _consecutive(infos, run) if marked or run[0] < before_items else []:
            if len(part) >= 2:
                toc.extend(_numbered_entries(infos, part, marked))
    for run, marked in _runs(infos, lines, _paged_lines(infos, lines)):
        toc.extend(_paged_run(lines, run, marked, run[-1] < before_items))
    for mark in marks:
        toc.extend(_stacked_entries(infos, lines, mark + 1))
    toc.sort(key=lambda entry: entry.line)
    return toc


def _number_above(infos: list[Info], index: int) -> str | None:
    """'01.' / 'Godkendelse af dagsorden ........ 4': a contents entry whose number stands alone above it."""
    above = next_text(infos, index, -1)
    return infos[above].number if above is not None and infos[above].kind is NUMBER_ONLY else None


_COLUMN_HEADS = frozenset(head.casefold() for head in words()["contents"]["column_heads"])


MAX_TITLE_LINES = 3


STACKED_WINDOW = 300  # lines after a contents heading read for stacked entries


def _stacked_entries(infos: list[Info], lines: list[Line], start: int) -> list[TocLine]:
    """Contents after a contents heading whose number, title and page a PDF transcript prints on
    lines of their own ("1." / "Godkendelse af dagsorden" / "2"); the clean stage may have dropped
    the page lines as page numbers."""
    texts = [(i, lines[i].text) for i in range(start, min(len(lines), start + STACKED_WINDOW))
             if infos[i].kind is not BLANK]
    position = 0
    while position < len(texts) and texts[position][1].casefold() in _COLUMN_HEADS:
        position += 1
    entries: list[TocLine] = []
    while position < len(texts) and infos[texts[position][0]].kind is NUMBER_ONLY and texts[position][1][:1].isdigit():
        entry, position = _stacked_entry(infos, texts, position)
        if entry is None:
            break
        entries.append(entry)
    pages = [entry.page for entry in entries if entry.page]
    if len(entries) < 2 or (pages and (len(pages) < len(entries) or not _pages_ascend(pages, True))):
        return []
    return entries


def _stacked_entry(infos: list[Info], texts: list[tuple[int, str]], position: int) -> tuple[TocLine | None, int]:
    """The entry whose number line is ``texts[position]``, and the position after it."""
    index = texts[position][0]
    title: list[str] = []
    position += 1
    while (position < len(texts) and len(title) < MAX_TITLE_LINES and infos[texts[position][0]].kind is TEXT
           and not _is_page(texts[position][1])):
        title.append(texts[position][1])
        position += 1
    page = None
    if position < len(texts) and _is_page(texts[position][1]):
        page = int(texts[position][1])
        position += 1
    elif title and (position >= len(texts) or infos[texts[position][0]].kind is not NUMBER_ONLY):
        title, position = title[:1], position - len(title) + 1  # the last entry: its title, then the body
    if not title:
        return None, position
    return TocLine(index, infos[index].number, _join_wrapped(title), page), position


def _is_page(text: str) -> bool:
    return text.isascii() and text.isdigit() and len(text) <= PAGE_DIGITS


def _join_wrapped(parts: list[str]) -> str:
    """'Vindmøller ved Mo-' + 'sevej' -> 'Vindmøller ved Mosevej' (the PDF reader's rules)."""
    return functools.reduce(join_text, parts)


def _paged_lines(infos: list[Info], lines: list[Line]) -> list[int]:
    """The text lines that end in a page number (_trailing_page). The page's last digit is the line's
    last character: only the lines that end in a digit are read further."""
    return [i for i, (info, line) in enumerate(zip(infos, lines, strict=True))
            if line.text[-1:].isdigit() and info.kind is TEXT and _trailing_page(line.text) is not None]


def _between(info: Info, text: str) -> bool:
    """Whether a line may stand between the entries of a contents run: a blank line, an open/closed
    marker or a subheading ("Lukkede sager")."""
    return info.kind is BLANK or info.kind is PUBLIC \
        or _subheading().match(text) is not None


@cache
def _subheading() -> G.StartGate | re.Pattern[str]:
    """toc_subheading, behind a gate on the first character where it has one: most lines start with a
    letter that no subheading starts with."""
    return G.start_gate("toc_subheading") or P.toc_subheading


def _runs(infos: list[Info], lines: list[Line], members: list[int]) -> list[tuple[list[int], bool]]:
    """Runs of member lines (indexes, ascending) with only lines _between entries between them, each
    with whether a contents heading ("Indholdsfortegnelse") comes right before it. Only the lines from
    a member to the first line that ends its run are read, not every line of the document."""
    runs: list[tuple[list[int], bool]] = []
    run: list[int] = []
    for index in members:
        if run and not all(_between(infos[i], lines[i].text) for i in range(run[-1] + 1, index)):
            runs.append((run, _marked(infos, lines, run[0])))
            run = []
        run.append(index)
    if run:
        runs.append((run, _marked(infos, lines, run[0])))
    return runs


def _marked(infos: list[Info], lines: list[Line], first: int) -> bool:
    """Whether the line that ends runs right before the run from ``first`` (the last line before it
    not _between entries; no member stands between, or it would be in the run) is a contents heading."""
    back = first - 1
    while back >= 0 and _between(infos[back], lines[back].text):
        back -= 1
    return back >= 0 and infos[back].kind is TOC and infos[back].title is None


def _consecutive(infos: list[Info], run: list[int]) -> list[list[int]]:
    """Split a run of numbered lines where the numbering starts again (the list before was complete)."""
    parts = [[run[0]]]
    for before, after in pairwise(run):
        if 0 < int(infos[after].number or 0) - int(infos[before].number or 0) <= 5:
            parts[-1].append(after)
        else:
            parts.append([after])
    return parts


PAGE_DIGITS = 3  # "Budget 2024" and "Lokalplan 1045" do not end in a page number


MAX_FIRST_PAGE = 50  # contents are printed at the front: their first entry points to an early page


MIN_UNMARKED_PAGES = 3  # lines ending in ascending numbers, without a contents heading


def _trailing_page(text: str) -> tuple[str, int] | None:
    """("Godkendelse af dagsorden", 2) from "Godkendelse af dagsorden 2": a PDF transcript's
    right-aligned page number, once the spaces or tab before it are collapsed."""
    title, _, tail = text.rpartition(" ")
    if title and tail.isascii() and tail.isdigit() and len(tail) <= PAGE_DIGITS and int(tail) > 0:
        return title, int(tail)
    return None


def _pages_ascend(pages: list[int], marked: bool) -> bool:
    if not pages or pages[0] > MAX_FIRST_PAGE or any(b < a for a, b in pairwise(pages)):
        return False
    return marked or len(pages) >= MIN_UNMARKED_PAGES


def _numbered_entries(infos: list[Info], run: list[int], marked: bool) -> list[TocLine]:
    """Numbered contents lines; their titles end in a page number only when every one does (all but
    one after a contents heading) and the numbers ascend like pages."""
    paged = [_trailing_page(infos[i].title or "") for i in run]
    unpaged = paged.count(None)
    # After a contents heading one entry may lack its page (a closed item printed without one).
    if (unpaged == 0 or (marked and unpaged == 1 and len(run) >= 3)) and _pages_ascend([p[1] for p in paged if p], marked):
        return [TocLine(i, infos[i].number, p[0] if p else infos[i].title or "", p[1] if p else None)
                for i, p in zip(run, paged, strict=True)]
    return [TocLine(i, infos[i].number, infos[i].title or "", None) for i in run]


def _paged_run(lines: list[Line], run: list[int], marked: bool, early: bool) -> list[TocLine]:
    """Unnumbered lines ending in ascending page numbers are contents entries after a contents
    heading, or as a run of several lines before the first section heading."""
    paged = [p for p in (_trailing_page(lines[i].text) for i in run) if p]
    if not (marked or early) or not _pages_ascend([page for _, page in paged], marked):
        return []
    return [TocLine(i, None, title, page) for i, (title, page) in zip(run, paged, strict=True)]


# Characters before a title in which its number stands ("Side 246. "): only these are read, not all the
# text before each occurrence of the title.
NUMBER_WINDOW = 16
CONTENTS_TITLE_WORDS = 6  # words of a title looked up in the contents (a contents line may cut the rest)
MIN_PREFIX_WORDS = 4  # fewer words are too common to identify a title


def numbers_from_contents(items: list[ItemBlock], lines: list[Line]) -> None:
    """Items printed without their number take the number their title has in the contents before them
    ('Indholdsfortegnelse Side 246. Title ...': a PDF transcript prints the number only there); a
    one-letter code before a title that the contents print without it is dropped ('Ø Title'). Only the
    text from a contents mark on is read: elsewhere a number before a title is a date's year or a page's
    ('Sundhedsudvalget 05-02-2024' / 'Ny sundhedspolitik' over a one-item page)."""
    if not items:
        return
    # Behind its gate (gates.py): a header line without the pattern's words is passed over without the
    # search, which tries its column heads at every position of the line.
    opening = next((index for index in range(items[0].start) if G.contents_opening.search(lines[index].text)), None)
    if opening is None:
        return
    front = " ".join(lines[index].text for index in range(opening, items[0].start))
    for item in items:
        if item.number is not None or not item.title:
            continue
        code = P.title_code_prefix.match(item.title)
        if code is not None and code["rest"] in front:
            item.title = code["rest"]
        item.number = _number_in(front, item.title)


def _number_in(front: str, title: str) -> str | None:
    words = title.split()
    wanted = [title] + ([" ".join(words[:CONTENTS_TITLE_WORDS])] if len(words) > CONTENTS_TITLE_WORDS else [])
    for text in wanted:
        if len(text.split()) < MIN_PREFIX_WORDS and text != title:
            continue
        position = front.find(text)
        while position >= 0:
            number = P.number_before_title.search(front[max(0, position - NUMBER_WINDOW):position])
            if number is not None:
                return str(int(number["num"]))
            position = front.find(text, position + 1)
    return None
