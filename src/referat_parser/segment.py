"""Segment stage: find the meeting header, the table of contents and the agenda items, and split
each item into sections by its headings.

Two ways to find items, chosen per document:
- numbered: item title lines ("Punkt 41: Title", "41. Title", "Sag nr. 130" after its title line);
  numbered lists inside an item ("1. at ...", a restart at 1) and tables of contents are not items,
  and an item printed twice ("Punkt 42: X" ... "42. X") is one item;
- unnumbered: an item begins at an opening heading (Beslutningstema, Indstilling, Sagsfremstilling,
  Resumé, ...) once the current item has had its decision, or when an opening heading repeats.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from .clean import Cleaned, Line
from .extract.bodies import find_bodies, looks_like_body
from .extract.dates import iter_dates, iter_times
from .extract.decisions import classify_outcome
from .headings import Heading
from .lineclass import TOC_SUBHEADING, Info, Kind, classify
from .read.pdf_layout import join_text
from .vocabulary import fold, headings

MAX_NUMBER_GAP = 25  # a jump larger than this between item numbers needs a strong title line
LOOKAHEAD_LINES = 12  # how far an item title looks for the structure (heading, case number) of an item


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


def segment(cleaned: Cleaned) -> Segmented:
    lines = cleaned.lines
    infos = [classify(line.text, line.bold) for line in lines]
    toc = _find_toc(infos, lines)
    toc_lines = {entry.line for entry in toc}
    starts = _numbered_starts(infos, lines, toc_lines)
    if starts:
        # A "table of contents" after the first item is a numbered list inside an item.
        toc = [entry for entry in toc if entry.line < starts[0][0]]
        items = [_numbered_item(infos, lines, start, number, title, title_line)
                 for start, number, title, title_line in starts]
        for item, nxt in zip(items, [*items[1:], None], strict=True):
            item.end = nxt.start if nxt else len(lines)
        for item in items:
            _fill_sections(item, infos, skip={item.title_line} | _repeat_lines(item, infos, lines))
        items = [part for item in items for part in _split_unnumbered_tail(item, infos, lines)]
        # A title with nothing after it (a closed item, or an excerpt that stops) has no body to parse.
        items = [item for item in items if item.sections or any(i > (item.title_line or 0) for i in item.head)]
    else:
        items = _unnumbered_items(infos, lines, toc_lines) or _protocol_items(infos, lines, toc_lines)
    header_end = items[0].start if items else len(lines)
    return Segmented(cleaned, infos, header_end, toc, items)


# --- table of contents -------------------------------------------------------------------------

def _find_toc(infos: list[Info], lines: list[Line]) -> list[TocLine]:
    """Dot-leader lines; runs of two or more numbered title lines with nothing between them (a list
    of items before their bodies); and runs of lines ending in a page number (see _paged_run)."""
    toc = [TocLine(index, info.number, info.title or "", int(info.value or 0) or None)
           for index, info in enumerate(infos) if info.kind is Kind.TOC and info.title is not None]
    before_items = next((i for i, info in enumerate(infos) if info.kind is Kind.HEADING), len(infos))
    for run, marked in _runs(infos, lines, lambda index: infos[index].kind is Kind.NUMBERED):
        # After the first section heading, only a contents heading makes a numbered list contents:
        # "1. Kort over ..." under "Bilag" lists an item's attachments.
        for part in _consecutive(infos, run) if marked or run[0] < before_items else []:
            if len(part) >= 2:
                toc.extend(_numbered_entries(infos, part, marked))
    for run, marked in _runs(infos, lines, lambda index: infos[index].kind is Kind.TEXT
                             and _trailing_page(lines[index].text) is not None):
        toc.extend(_paged_run(lines, run, marked, run[-1] < before_items))
    for mark in (i for i, info in enumerate(infos) if info.kind is Kind.TOC and info.title is None):
        toc.extend(_stacked_entries(infos, lines, mark + 1))
    toc.sort(key=lambda entry: entry.line)
    return toc


_COLUMN_HEADS = frozenset({"punkt", "pkt.", "nr.", "sag", "sag nr.", "side", "titel", "sagens titel", "emne"})
MAX_TITLE_LINES = 3
STACKED_WINDOW = 300  # lines after a contents heading read for stacked entries


def _stacked_entries(infos: list[Info], lines: list[Line], start: int) -> list[TocLine]:
    """Contents after a contents heading whose number, title and page a PDF transcript prints on
    lines of their own ("1." / "Godkendelse af dagsorden" / "2"); the clean stage may have dropped
    the page lines as page numbers."""
    texts = [(i, lines[i].text) for i in range(start, min(len(lines), start + STACKED_WINDOW))
             if infos[i].kind is not Kind.BLANK]
    position = 0
    while position < len(texts) and texts[position][1].casefold() in _COLUMN_HEADS:
        position += 1
    entries: list[TocLine] = []
    while position < len(texts) and infos[texts[position][0]].kind is Kind.NUMBER_ONLY and texts[position][1][:1].isdigit():
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
    while (position < len(texts) and len(title) < MAX_TITLE_LINES and infos[texts[position][0]].kind is Kind.TEXT
           and not _is_page(texts[position][1])):
        title.append(texts[position][1])
        position += 1
    page = None
    if position < len(texts) and _is_page(texts[position][1]):
        page = int(texts[position][1])
        position += 1
    elif title and (position >= len(texts) or infos[texts[position][0]].kind is not Kind.NUMBER_ONLY):
        title, position = title[:1], position - len(title) + 1  # the last entry: its title, then the body
    if not title:
        return None, position
    return TocLine(index, infos[index].number, _join_wrapped(title), page), position


def _is_page(text: str) -> bool:
    return text.isascii() and text.isdigit() and len(text) <= PAGE_DIGITS


def _join_wrapped(parts: list[str]) -> str:
    """'Vindmøller ved Mo-' + 'sevej' -> 'Vindmøller ved Mosevej' (the PDF reader's rules)."""
    return functools.reduce(join_text, parts)


def _runs(infos: list[Info], lines: list[Line], member: Callable[[int], bool]) -> list[tuple[list[int], bool]]:
    """Runs of member lines with only blank lines, open/closed markers and subheadings ("Lukkede sager")
    between them, each with whether a contents heading ("Indholdsfortegnelse") comes right before it."""
    runs: list[tuple[list[int], bool]] = []
    run: list[int] = []
    marked = False
    for index, info in enumerate(infos):
        if member(index):
            run.append(index)
        elif info.kind is not Kind.BLANK and info.kind is not Kind.PUBLIC and not TOC_SUBHEADING.match(lines[index].text):
            if run:
                runs.append((run, marked))
                run = []
            marked = info.kind is Kind.TOC and info.title is None
    if run:
        runs.append((run, marked))
    return runs


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


# --- numbered items ----------------------------------------------------------------------------

def _similar(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    fa, fb = fold(a), fold(b)
    return fa == fb or fa.startswith(fb) or fb.startswith(fa)


def _has_item_structure(infos: list[Info], start: int) -> bool:
    """True when an item's structure (a heading, case number or open/closed marker) follows the line
    at ``start`` before the next numbered line."""
    seen = 0
    for index in range(start + 1, len(infos)):
        kind = infos[index].kind
        if kind is Kind.BLANK:
            continue
        if kind in (Kind.HEADING, Kind.PUBLIC) or (kind is Kind.FIELD and infos[index].field in (
                "case_number", "document_number", "competence")):
            return True
        if kind in (Kind.NUMBERED, Kind.NUMBER_ONLY):
            return False
        seen += 1
        if seen >= LOOKAHEAD_LINES:
            return False
    return False


_LABEL_VALUE = re.compile(r"^[^\s:]+(?:\s[^\s:]+)?:\s")


def _title_before(infos: list[Info], lines: list[Line], index: int) -> int | None:
    """The title line printed before a bare "Sag nr. 130" line."""
    for back in range(index - 1, max(-1, index - 4), -1):
        info = infos[back]
        if info.kind is Kind.BLANK:
            continue
        if info.kind is Kind.TEXT and is_title_like(lines[back].text) and not _LABEL_VALUE.match(lines[back].text):
            return back  # not "Fraværende: Jens Nygaard", a header line before the first item
        return None
    return None


def _title_after(infos: list[Info], lines: list[Line], index: int) -> int | None:
    """The title line printed after a bare "Punkt 5" line."""
    for ahead in range(index + 1, min(len(infos), index + 4)):
        info = infos[ahead]
        if info.kind is Kind.BLANK:
            continue
        return ahead if info.kind is Kind.TEXT and is_title_like(lines[ahead].text) else None
    return None


def _numbered_starts(infos: list[Info], lines: list[Line], toc_lines: set[int]) -> list[tuple[int, str, str | None, int]]:
    """(start line, number, title, title line) of each numbered item."""
    accepted: list[tuple[int, str, str | None, int]] = []
    list_next: int | None = None  # the next number of a numbered list running inside an item
    list_style = ""  # how that list prints its numbers (see _style)
    list_line = 0  # a line of that list
    pending: list[tuple[int, int, str | None, int]] = []  # numbered lines passed over before the first item
    for index, info in enumerate(infos):
        if info.kind is Kind.HEADING:
            list_next = None
            continue
        if info.kind not in (Kind.NUMBERED, Kind.NUMBER_ONLY) or (index in toc_lines and not accepted):
            continue
        number = int(info.number or 0)
        title, title_line, start = info.title, index, index
        if info.kind is Kind.NUMBER_ONLY:
            if info.value == "before":
                found = _title_before(infos, lines, index)
                if found is not None:
                    title, title_line, start = lines[found].text, found, found
                else:  # "Sag nr. 116" above its title, as other systems print it
                    found = _title_after(infos, lines, index)
                    if found is None:
                        continue
                    title, title_line = lines[found].text, found
            else:
                found = _title_after(infos, lines, index)
                title, title_line = (lines[found].text, found) if found is not None else (None, index)
        if list_next is not None and number == list_next and not (
                accepted and number == int(accepted[-1][1]) + 1 and list_style != _style(lines[index].text)
                and _style(lines[index].text) == _style(lines[accepted[-1][3]].text)) and not (
                not accepted and _has_item_structure(infos, index)) and not (
                accepted and number == int(accepted[-1][1]) + 1 and _bold_like_items(lines, index, list_line,
                                                                                      accepted[-1][3])):
            list_next += 1  # the list goes on, unless the line is styled like the items ("Punkt 3:" after "2. Bilag")
            if not accepted:
                pending.append((start, number, title, title_line))
            continue
        if not accepted:
            if info.public is not None or _has_item_structure(infos, index) or (
                    number == 1 and _ITEM_WORD.match(lines[index].text) and is_title_like(title or "")
                    and _body_follows(infos, index)):
                accepted.extend(_earlier_items(pending, number, infos, lines, _style(lines[index].text)))
                accepted.append((_pull_back(infos, start), str(number), title, title_line))
                list_next = None
            else:
                pending.append((start, number, title, title_line))
                if number == 1:
                    list_next, list_style, list_line = 2, _style(lines[index].text), index
            continue
        last_number = int(accepted[-1][1])
        if number == last_number and _similar(title, accepted[-1][2]):
            continue  # the same item printed again ("Punkt 42: X" ... "42. X")
        structured = info.public is not None or _has_item_structure(infos, index)  # "59 (L) Title" is marked
        near = number - last_number <= MAX_NUMBER_GAP
        if number > last_number and (structured or (near and number == last_number + 1 and is_title_like(title or ""))):
            accepted.append((_pull_back(infos, start), str(number), title, title_line))
            list_next = None
            continue
        # Not an item: a numbered list inside the current item.
        list_next, list_style, list_line = number + 1, _style(lines[index].text), index
    return accepted


_STYLE = re.compile(r"^\D*\d+\s*\S?")
# A number printed with a word that only items carry: item 1 so printed starts the items even when
# it has no headings ("Ad 1) Godkendelse af referat" in e-mailed minutes). Only 1: a note in the header
# about "Punkt 4 ..." must not become the first item and turn items 1-3 into a list inside it.
_ITEM_WORD = re.compile(r"^(?:Punkt|Pkt|Ad|Dagsordenspunkt)\b", re.IGNORECASE)


def _style(text: str) -> str:
    """How a numbered line prints its number: the words before it and the mark after it, digits
    folded ("Punkt 3:" -> "punkt 0:", "2. Bilag" -> "0.")."""
    match = _STYLE.match(text)
    return re.sub(r"\d+", "0", match.group()).casefold() if match else ""


def _bold_like_items(lines: list[Line], index: int, list_line: int, item_line: int) -> bool:
    """Typography tells an item title from a list entry: bold like the last item's title, while
    the list is not ('3. Kunstgræsbane' after a Bilag list '1. ...', '2. ...' in a PDF)."""
    return bool(lines[index].bold) and bool(lines[item_line].bold) and lines[list_line].bold is False


def _earlier_items(pending: list[tuple[int, int, str | None, int]], number: int, infos: list[Info],
                   lines: list[Line], style: str) -> list[tuple[int, str, str | None, int]]:
    """Items before the first one with structure: '1. Godkendelse af dagsorden' / 'Godkendt.' has no
    heading or case number, so it was passed over; it is an item when the lines passed over count
    down to it from the first item's number, print their numbers alike and each have a body."""
    found: list[tuple[int, str, str | None, int]] = []
    expected = number - 1
    for start, candidate, title, title_line in reversed(pending):
        if candidate != expected or _style(lines[title_line].text) != style or not is_title_like(title or "") \
                or not _body_follows(infos, title_line):
            break
        found.append((_pull_back(infos, start), str(candidate), title, title_line))
        expected -= 1
    return found[::-1]


def _body_follows(infos: list[Info], index: int) -> bool:
    """The next non-blank line after ``index`` is text of the item, not another title or list entry."""
    following = index + 1  # an index walk: a slice of the rest would copy it on every call
    while following < len(infos) and infos[following].kind is Kind.BLANK:
        following += 1
    return following < len(infos) and infos[following].kind is Kind.TEXT


def _closing_title(infos: list[Info], lines: list[Line], title: int, before: int) -> bool:
    """A title line such as 'Eventuelt': set off from the decision above by a blank line, not an
    outcome ('Anbefales') and not about a person ('Ib Holm (V) deltog ikke')."""
    text = lines[title].text
    return (infos[title].kind is Kind.TEXT and is_title_like(text) and title - before > 1
            and "(" not in text and classify_outcome(text) in (None, "other"))


def _split_unnumbered_tail(item: ItemBlock, infos: list[Info], lines: list[Line]) -> list[ItemBlock]:
    """'Eventuelt' printed without a number after the last numbered item: a title line after the
    item's decision, followed by a second plain decision heading, starts an item of its own.
    One pass over the sections (no recursion per split: a long run of such items must not
    exhaust the stack or copy the rest of the sections per item)."""
    sections = item.sections
    parts: list[ItemBlock] = []
    current, first = item, 0  # the part being built and the index of its first section
    decided = False  # the current part has a decision section with a body before section k
    for k, section in enumerate(sections):
        if k > first and decided:
            heading, previous = section.heading, sections[k - 1]
            title = previous.body[-1] if len(previous.body) >= 2 else None
            if (heading.key == "decision" and not heading.dated and title is not None
                    and _closing_title(infos, lines, title, previous.body[-2])):
                tail = ItemBlock(start=title, end=current.end, title=lines[title].text, title_line=title)
                previous.body = previous.body[:-1]
                current.sections, current.end = sections[first:k], title
                parts.append(current)
                current, first, decided = tail, k, False
        if section.heading.key == "decision" and section.body:
            decided = True
    current.sections = sections[first:]
    parts.append(current)
    return parts


def _pull_back(infos: list[Info], start: int) -> int:
    """Include an "Åbent punkt" marker printed just before an item title (Acadre prints the case
    number on the same line)."""
    back = start - 1
    while back >= 0 and infos[back].kind is Kind.BLANK:
        back -= 1
    if back >= 0 and infos[back].kind is Kind.PUBLIC:
        return back  # with its case number, if it prints one ("Åbent - 07.00.05A08 - 2023/19877")
    return start


def _numbered_item(infos: list[Info], lines: list[Line], start: int, number: str, title: str | None, title_line: int) -> ItemBlock:
    return ItemBlock(start=start, end=start, number=number, title=title, title_line=title_line)


def _repeat_lines(item: ItemBlock, infos: list[Info], lines: list[Line]) -> set[int]:
    """Lines that print the item's number and title again ("Punkt 42: X" then "42. X")."""
    repeats = set()
    for index in range(item.start, item.end):
        info = infos[index]
        if index != item.title_line and info.kind in (Kind.NUMBERED, Kind.TEXT) and (
                (info.kind is Kind.NUMBERED and info.number == item.number and _similar(info.title, item.title))
                or (info.kind is Kind.TEXT and item.title and fold(lines[index].text) == fold(item.title))):
            repeats.add(index)
    return repeats


def _fill_sections(item: ItemBlock, infos: list[Info], skip: set[int | None]) -> None:
    current: SectionBlock | None = None
    repeat_seen = False
    for index in range(item.start, item.end):
        info = infos[index]
        if index in skip:
            if index != item.title_line:
                repeat_seen = True
                # Headings with no text before the repeated title are running labels, not sections.
                item.sections = [s for s in item.sections if s.body]
                current = item.sections[-1] if item.sections else None
            continue
        if info.kind is Kind.BLANK:
            continue
        if info.kind is Kind.HEADING:
            current = SectionBlock(info.heading, index)  # type: ignore[arg-type]
            item.sections.append(current)
            continue
        if current is None or (repeat_seen and not item.sections):
            item.head.append(index)
        else:
            current.body.append(index)


def _protocol_items(infos: list[Info], lines: list[Line], toc_lines: set[int]) -> list[ItemBlock]:
    """Numbered items whose sections the vocabulary does not know: a decision protocol
    (beslutningsprotokol) with no headings at all, or a run of consecutively numbered titles
    (1, 2, 3, ...). An item without sections takes its decision from its text (assemble.py)."""
    candidates = [i for i, info in enumerate(infos) if info.kind is Kind.NUMBERED and i not in toc_lines
                  and is_title_like(info.title or "")]
    chain: list[int] = []
    for index in candidates:
        if not chain or int(infos[index].number or 0) == int(infos[chain[-1]].number or 0) + 1:
            chain.append(index)
    no_headings = not any(info.kind is Kind.HEADING for info in infos)
    if not chain or (len(chain) < 2 and not no_headings):
        return []
    items = []
    for position, start in enumerate(chain):
        info = infos[start]
        item = ItemBlock(start=start, end=chain[position + 1] if position + 1 < len(chain) else len(lines),
                         number=info.number, title=info.title, title_line=start)
        _fill_sections(item, infos, skip={start})
        items.append(item)
    return items


# --- unnumbered items --------------------------------------------------------------------------

_HEAD_FIELDS = ("case_number", "document_number", "case_worker")
_GRID_TOKEN = re.compile(r"^(?:[A-ZÆØÅ]{2,4}|X|x|-)$")
_LOCATION_WORDS = re.compile(r"\b(?:lokale|mødelokale|\w*salen|rådhus(?:et)?|teams|telefonmøde|\d{4}\s+[A-ZÆØÅ]\w+)\b",
                             re.IGNORECASE)
_FILE_NAME = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|txt|jpe?g|png)\s*(?:\(\d+\s*[kKmM]?B\))?$", re.IGNORECASE)
_HEADER_FILLER = frozenset({"referat", "dagsorden", "møde", "mødet", "fra", "i", "den", "d", "kl", "af", "for", "til",
                            "-", "–", "•", "ordinært", "ekstraordinært", "beslutningsprotokol", "mandag", "tirsdag",
                            "onsdag", "torsdag", "fredag", "lørdag", "søndag", "tillægsdagsorden", "referater",
                            "dagsordener", "og"})


def is_title_like(text: str) -> bool:
    """A line that could be an item title: short, capitalised, not a sentence or a header line."""
    text = text.strip()
    if not text or len(text) > 200 or not (text[0].isupper() or text[0].isdigit() or text[0] in "\"'“«"):
        return False
    if text.endswith((".", ",", ":", ";")) and not text.endswith((" (B).", " (O).", "..")):
        return False
    if _LOCATION_WORDS.search(text) or _FILE_NAME.search(text):
        return False
    return not is_meeting_line(text)


def is_meeting_line(text: str) -> bool:
    """'Byrådet 15. maj 2023', 'Referat - Kommunalbestyrelsen den 28. oktober 2014': a line that only
    names a body, a date or a time."""
    rest = text
    for _, start, end in sorted([*iter_dates(text), *iter_times(text)], key=lambda t: -t[1]):
        rest = rest[:start] + " " + rest[end:]
    for _name, start, end in sorted(find_bodies(rest, genitive=False), key=lambda t: -t[1]):
        rest = rest[:start] + " " + rest[end:]
    words = [w for w in re.split(r"[\s,.:]+", rest.casefold()) if w]
    return all(w in _HEADER_FILLER or w.isdigit() or looks_like_body(w.capitalize()) for w in words)


def _unnumbered_items(infos: list[Info], lines: list[Line], toc_lines: set[int]) -> list[ItemBlock]:
    opening = headings().opening
    decision_last = _decision_ends_items(infos, lines)
    items: list[ItemBlock] = []
    current: ItemBlock | None = None
    has_decision = False  # the current item has had the decision of this meeting
    opened = False  # ... and an opening section (Indstilling, Sagsfremstilling, ...) before it
    marker = False  # an "Åben"/"Lukket" line since the current item's last heading
    keys: set[str] = set()
    for index, info in enumerate(infos):
        if info.kind is Kind.PUBLIC and info.field is None and current is not None:
            marker = True
        if info.kind is not Kind.HEADING or info.heading is None:
            continue
        heading = info.heading
        if heading.key == "attendance" and current is None:
            continue
        new_item = current is None or marker
        if current is not None and not new_item:
            if heading.key in opening and ((has_decision and (opened or decision_last)) or heading.key in keys):
                new_item = True
            elif heading.key == "decision" and has_decision and not heading.item_number and (
                    _titled(infos, lines, index) or keys - {"decision"}):
                new_item = current.sections[-1].heading.key != "decision" or _titled(infos, lines, index)
        if new_item:
            floor = current.sections[-1].line + 1 if current else 0
            start = _walk_back(infos, lines, index, floor=floor, first=current is None)
            if current is not None:
                current.end = start
            current = ItemBlock(start=start, end=len(lines))
            items.append(current)
            has_decision = opened = marker = False
            keys = set()
        if heading.key == "decision" and not heading.item_number and not _quoted_elsewhere(heading):
            has_decision = True
        elif heading.key in opening and not has_decision:
            opened = True
        keys.add(heading.key)
        current.sections.append(SectionBlock(heading, index))  # type: ignore[union-attr]
    for item in items:
        sections, item.sections = item.sections, []
        _assign_lines(item, infos, sections, toc_lines)
        item.title_line = next((i for i in item.head if infos[i].kind is Kind.TEXT and is_title_like(lines[i].text)),
                               None)
        if item.title_line is not None:
            item.title = lines[item.title_line].text
            item.head.remove(item.title_line)
    return [part for item in items for part in _split_marked_tail(item, infos, lines)]


def _split_marked_tail(item: ItemBlock, infos: list[Info], lines: list[Line]) -> list[ItemBlock]:
    """An item with no headings after its last section's text: "Lukket punkt" / its title / "Sagsnr.: ..."
    printed after a decision is the next (closed) item, not more of the decision."""
    if not item.sections or not item.sections[-1].body:
        return [item]
    body = item.sections[-1].body
    for position, index in enumerate(body[1:-1], start=1):
        title = body[position + 1]
        if infos[index].kind is Kind.PUBLIC and infos[title].kind is Kind.TEXT and is_title_like(lines[title].text):
            tail = ItemBlock(start=index, end=item.end, title=lines[title].text, title_line=title,
                             head=[i for i in body[position:] if i != title])
            if len(tail.head) <= 1:
                return [item]  # a marker and a title with no body: no item, and nothing is cut
            item.sections[-1].body = body[:position]
            item.end = index
            return [item, tail]
    return [item]


def _titled(infos: list[Info], lines: list[Line], index: int) -> bool:
    """A closing-item title ('Orientering fra formanden') stands right before the heading at ``index``."""
    title = _title_before(infos, lines, index)
    if title is None or title != index - 1:
        return False
    before = next((i for i in range(title - 1, -1, -1) if infos[i].kind is not Kind.BLANK), None)
    return before is not None and _closing_title(infos, lines, title, before)


def _decision_ends_items(infos: list[Info], lines: list[Line]) -> bool:
    """True for layouts where an item's sections come first and its decision closes it (most
    systems); False where each item opens with its title and then its decision, the case following
    (e.g. Aarhus). Decided per document: does the first heading of the document and do most later
    decision headings come right after a title line?"""
    headings_at = [i for i, info in enumerate(infos)
                   if info.kind is Kind.HEADING and info.heading and info.heading.key != "attendance"]
    if not headings_at or infos[headings_at[0]].heading.key != "decision":  # type: ignore[union-attr]
        return True
    later = [i for i in headings_at[1:] if infos[i].heading.key == "decision"]  # type: ignore[union-attr]
    if not later:
        return True
    after_title = sum(1 for i in later if _title_before(infos, lines, i) is not None)
    return after_title * 2 <= len(later)  # a tie: the common layout


def _quoted_elsewhere(heading: Heading) -> bool:
    return heading.dated and heading.body is not None and fold(heading.printed).startswith("beslutning fra")


def _walk_back(infos: list[Info], lines: list[Line], index: int, floor: int, first: bool = False) -> int:
    """Move an item's start back over its head: case-number fields, open/closed markers, routing
    grids and one title line. The first item of a document may also have one paragraph between
    its title and its first heading (a short description under the title)."""
    start = index
    title_taken = False
    back = index - 1
    skipped_paragraph = not first
    while back >= floor:
        info = infos[back]
        text = lines[back].text
        if info.kind is Kind.BLANK:
            back -= 1
            continue
        if info.kind is Kind.PUBLIC or (info.kind is Kind.FIELD and info.field in _HEAD_FIELDS) or _GRID_TOKEN.match(text):
            start = back
        elif info.kind is Kind.TEXT and not title_taken and is_title_like(text):
            title_taken = True
            start = back
        elif info.kind is Kind.TEXT and not title_taken and not skipped_paragraph and not is_meeting_line(text):
            skipped_paragraph = True
            title = _title_before(infos, lines, back)
            if title is not None and title >= floor:
                return title
            break
        else:
            break
        back -= 1
    return start


def _assign_lines(item: ItemBlock, infos: list[Info], sections: list[SectionBlock], toc_lines: set[int]) -> None:
    current: SectionBlock | None = None
    by_line = {s.line: s for s in sections}
    for index in range(item.start, item.end):
        if index in by_line:
            current = by_line[index]
            item.sections.append(current)
            continue
        if infos[index].kind is Kind.BLANK or index in toc_lines:
            continue
        if current is None:
            item.head.append(index)
        else:
            current.body.append(index)
