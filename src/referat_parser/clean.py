"""Clean stage: normalise characters, drop noise lines and running headers, rejoin broken paragraphs.

The output is the *cleaned text* (lines joined by newlines) and its lines with their offsets;
every span in the output model points into this text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from .lexicon import gates as G
from .lexicon import patterns as P
from .lexicon.data import abbreviations
from .lexicon.headings import match_heading
from .lexicon.residue import (
    inline_noise_lines,
    is_noise,
    menu_lines,
    normalise,
    normalise_all,
    normalise_joined,
    strip_inline_noise,
)
from .lexicon.words import ends_sentence, join_text
from .read import Document, RawLine
from .transcripts import cut_page, is_transcript, may_cut, page_lines, running_header, split_page


@dataclass(slots=True)
class Line:
    text: str
    start: int
    end: int
    page: int | None = None
    bold: bool | None = None
    size: float | None = None
    indent: bool = False
    gap_before: bool = False  # the reader saw a block-ending gap before this line (RawLine.gap_before)


@dataclass(slots=True)
class _Row:
    text: str
    page: int | None
    bold: bool | None
    size: float | None
    indent: bool
    # The sheet of text without page information, counted from "Side N af M" markers. Carried by
    # the row, not in a list beside the rows, so it stays with its line when rows are split
    # (transcripts) or dropped (a site footer).
    sheet: int = 1
    gap_before: bool = False  # the reader saw a block-ending gap before this line (RawLine.gap_before)


@dataclass
class Cleaned:
    text: str
    lines: list[Line]
    warnings: list[tuple[str, str]] = field(default_factory=list)
    footer: str = ""  # site footer and running lines cut as page furniture, kept for the municipality


def clean(doc: Document) -> Cleaned:
    if doc.outline is not None:  # an export's outline indexes its lines: normalise characters only
        rows = [_Row(text, line.page, line.bold, line.size, False)
                for line, text in zip(doc.lines, normalise_all([line.text for line in doc.lines]), strict=True)]
        return _assemble(rows, list(doc.warnings), collapse_blanks=False)
    raw: list[_Row] = []
    # Text converted from PDF without form feeds still prints "Side 3 af 12": where no page is
    # known, those markers delimit the sheets on which running headers are looked for.
    paged = any(line.page is not None for line in doc.lines)
    sheet = 1
    at_break = False  # the lines since the last page marker are all markers or marked running lines
    raw_texts = [line.text for line in doc.lines]
    source = _split_margin_headings(doc.lines, raw_texts)
    texts, joined = normalise_joined(raw_texts if source is doc.lines else [line.text for line in source])
    transcript = is_transcript(texts)  # before the viewer's boilerplate is dropped as noise
    recurring = _recurring_marked_lines(texts)
    # The lines with a menu separator, found in the whole text: is_noise tests no other line for a menu row.
    # (Stripping inline noise may take a separator away, never add one.)
    menus = None if joined is None else menu_lines(joined)
    _strip_inline_noise(texts, joined)
    append = raw.append
    for index, (line, text) in enumerate(zip(source, texts, strict=True)):
        if text and is_noise(text, menus is None or index in menus):
            if not paged and P.page_marker.match(text) and not at_break:
                sheet, at_break = sheet + 1, True
            continue
        numbered = text[-1:].isdigit()  # only such lines can be running lines with a page number
        if numbered and recurring and P.digits.sub("#", text) in recurring:
            if not paged and not at_break:  # "Assens Kommune Udvalget 10-06-2015 Side 3" on every page
                sheet += 1
            at_break = True
            continue
        # "Byrådet - Referat - 27. marts 2024     Side 3 af 9": a page marker and a running line, told
        # apart by the wide gap that normalising has closed, so the raw line is matched.
        marked = _marked_running_line(line.text.strip()) if numbered else None
        if marked is not None:
            if not paged and not at_break:  # a footer and a header, each with a marker, are one break
                sheet += 1
            at_break = True
            text = normalise(marked)
        elif text:
            at_break = False
        append(_Row(text, line.page, line.bold, line.size, line.text[:1] in _INDENTS, sheet, line.gap_before))
    raw = _restore_breaks(raw, transcript, doc.format)
    raw, footer = _drop_site_footer(raw)
    furniture = list(doc.furniture)  # what the reader dropped: a PDF's running lines, a page's footer
    # The PDF reader removes running lines by their position on the page; without pages or sheets
    # there is nothing to look for.
    if doc.format != "pdf" and (paged or sheet > 1):
        raw = _drop_running_lines(raw, sheet > 1, furniture)
    merged = _rejoin(raw)
    cleaned = _assemble(merged, list(doc.warnings))
    cleaned.footer = "\n".join(part for part in (footer, *dict.fromkeys(furniture)) if part)
    return cleaned


_INDENTS = frozenset((" ", "\t", "\u00a0"))  # a raw line that starts with one of these is indented


def _strip_inline_noise(texts: list[str], joined: str | None) -> None:
    """Strip inline noise from the lines that may hold some, found in the whole text at once (``joined``,
    where the caller has it): most documents have no such line, and none of their lines is read alone for it."""
    noisy = inline_noise_lines(texts, joined)
    for index in range(len(texts)) if noisy is None else noisy:
        if texts[index]:
            texts[index] = strip_inline_noise(texts[index])


def _restore_breaks(rows: list[_Row], transcript: bool, fmt: str) -> list[_Row]:
    """Line breaks the source lost: a PDF transcript's pages (or other very long lines) cut where their
    lines were, and in text and web pages two blocks glued on one line (a PDF's lines are its layout's)."""
    rows = _split_pages(rows) if transcript else _split_transcripts(rows)
    return _split_glued_blocks(rows) if fmt != "pdf" else rows


TRANSCRIPT_LINE = 300  # characters; a page-per-line transcript has far longer lines
MIN_TRANSCRIPT_SPLITS = 3


def _split_transcripts(rows: list[_Row]) -> list[_Row]:
    """A very long line of a text without the viewer's boilerplate may still be a transcript's page: cut
    where a transcript's lines were (transcripts.cut_page) when there are several such places."""
    # More than MIN_TRANSCRIPT_SPLITS pieces take that many cuts: may_cut rules out most lines in one scan.
    cut = {index: pieces for index, row in enumerate(rows) if len(row.text) >= TRANSCRIPT_LINE
           and may_cut(row.text, MIN_TRANSCRIPT_SPLITS) and len(pieces := cut_page(row.text)) > MIN_TRANSCRIPT_SPLITS}
    if not cut:  # most documents: no line to cut, the rows stay as they are
        return rows
    out: list[_Row] = []
    for index, row in enumerate(rows):
        if index not in cut:
            out.append(row)
            continue
        out.extend(_Row(piece, row.page, row.bold, row.size, False, row.sheet) for piece in cut[index] if not is_noise(piece))
    return out


def _glued_word(text: str) -> bool:
    """The first word holds a digit or a capital after its first letter, or ends in a dash: what a glued
    contents mark, header label or heading before a list looks like (a cheap first test). A word whose
    rest is letters in lower case cannot end in a dash, so the dash needs no test of its own."""
    space = text.find(" ")  # not split(): that copies the rest of a long line
    rest = text[1:space] if space >= 0 else text[1:]
    return not (rest.isalpha() and rest.islower())


def _sentence_then_word(text: str) -> bool:
    """A full stop glued to a last word ('... fortegnelse.Indstilling'): a cheap first test."""
    tail = text[-40:]
    return text[-1:].isalpha() and "." in tail and " " not in tail[tail.rfind("."):]


# Where a saved web page lost the break between two blocks, the first rule that matches cuts the line
# once: (pattern, cheap test that must pass first).
GLUE_RULES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("glued_contents_entry", _glued_word),  # "Indholdsfortegnelse1. Fraværende"
    ("glued_heading_after_sentence", _sentence_then_word),  # "... i henhold til en fortegnelse.Indstilling"
    ("glued_heading_before_list", _glued_word),  # "Fraværende- Anne Hansen ()"
    ("glued_header_value", _glued_word),  # "UdvalgKommunalbestyrelsen"
)
GLUE_PREFILTER = (_glued_word, _sentence_then_word)  # every cheap test of GLUE_RULES (a test checks)


def _split_glued_blocks(rows: list[_Row]) -> list[_Row]:
    # Most lines pass no cheap test (GLUE_PREFILTER's two, asked here without a loop over them) and
    # need no search; most documents have no glued line at all, and keep their rows as they are.
    glued_word, sentence_then_word = GLUE_PREFILTER
    found = {index: match for index, row in enumerate(rows)
             if row.text[:1].isalpha() and ((word := glued_word(row.text)) or sentence_then_word(row.text))
             and (match := _glued_match(row.text, word)) is not None}
    if not found:
        return rows
    out: list[_Row] = []
    for index, row in enumerate(rows):
        match = found.get(index)
        if match is None:
            out.append(row)
            continue
        cut = match.end("head")
        head, rest = row.text[:cut].strip(), row.text[cut:].strip()
        if match.re is P.glued_header_value:  # a label and its value stay one field: "Udvalg: Byrådet"
            out.append(_Row(f"{head}: {rest}", row.page, row.bold, row.size, row.indent, row.sheet))
            continue
        out.append(_Row(head, row.page, row.bold, row.size, row.indent, row.sheet))
        out.append(_Row(rest, row.page, row.bold, row.size, False, row.sheet))
    return out


def _glued_match(text: str, word: bool) -> re.Match[str] | None:
    """The first glue rule's match in ``text`` among the rules whose cheap test it passes. ``word`` is
    what GLUE_PREFILTER's first test answered; a text that failed it passed the second (no other text
    is asked), so neither test is asked again, and the second only if a rule needs it."""
    glued_word, sentence_then_word = GLUE_PREFILTER
    passed = {glued_word: True} if word else {glued_word: False, sentence_then_word: True}
    for rule, test in GLUE_RULES:
        if test not in passed:
            passed[test] = test(text)
        if passed[test] and (match := getattr(P, rule).search(text)) is not None:
            return match
    return None


def _split_pages(rows: list[_Row]) -> list[_Row]:
    """A PDF transcript's page lines without their page numbers and running header, each cut into the
    lines it had (see transcripts.py); other lines as they are."""
    pages = page_lines([row.text for row in rows])
    header = running_header([text for number, text in pages.values() if number > 1])
    out: list[_Row] = []
    for index, row in enumerate(rows):
        if index not in pages:
            out.append(row)
            continue
        number, text = pages[index]
        if header and text.startswith(header + " "):
            text = text[len(header):].strip()
        out.extend(_Row(piece, row.page, row.bold, row.size, False, row.sheet)
                   for piece in split_page(text, first=number == 1) if not is_noise(piece))
    return out


FOOTER_WINDOW = 15  # non-blank lines at the end of a document where a web site's footer may start
FOOTER_LINE_MAX = 80  # characters; footer lines are addresses, phone numbers and links
FOOTER_ROW_MAX = 160  # characters of the line that starts a footer: it may be the whole footer in one row


def _drop_site_footer(rows: list[_Row]) -> tuple[list[_Row], str]:
    """Cut a web page's footer copied with the minutes ("Kontakt / Fredericia Kommune / Gothersgade
    20 / ...", "© Sorø Kommune · Rådhusvej 8"): from the first footer-start line among the last
    lines, when every line after it is short and none is a heading. Returns the rows kept and
    the footer's text (it may be the only place that names the municipality)."""
    tail = _last_texts(rows, FOOTER_WINDOW)
    starts = [_footer_start(rows[i].text) for i in tail]  # each line judged once, not once per start tried
    if True not in starts:  # most documents: no line after a start need be judged
        return rows, ""
    first = starts.index(True)  # lines before the first start are never read by the loop below
    fits = [position < first or start or _footer_line(rows[i].text)
            for position, (start, i) in enumerate(zip(starts, tail, strict=True))]
    for position, index in enumerate(tail):
        if starts[position] and all(fits[position + 1:]):
            return rows[:index], "\n".join(row.text for row in rows[index:] if row.text)
    return rows, ""


def _last_texts(rows: list[_Row], count: int) -> list[int]:
    """The indexes of the last ``count`` rows with text, in order (read from the end: a footer is short)."""
    found: list[int] = []
    for index in range(len(rows) - 1, -1, -1):
        if rows[index].text:
            found.append(index)
            if len(found) == count:
                break
    return found[::-1]


def _footer_start(text: str) -> bool:
    # The pattern backtracks over every line it is asked of; a dozen substring tests spare that on most.
    return (len(text) <= FOOTER_ROW_MAX and G.loosely("footer_start").match(text) is not None
            and match_heading(text) is None)


def _footer_line(text: str) -> bool:
    return len(text) <= FOOTER_LINE_MAX and match_heading(text) is None


MARGIN_HINT = "   "


def _split_margin_headings(lines: list[RawLine], texts: list[str]) -> list[RawLine]:
    """Split 'Heading   Text' lines, but only in a document laid out that way: two or more such lines
    whose text starts at the same column (a vote table's 'Forslag   For   Imod' or a justified
    line's wide gaps are not a margin). ``texts`` are the lines' texts."""
    found: dict[int, tuple[str, list[str], int]] = {}  # index -> (heading, texts, lines used)
    columns: dict[int, int] = {}  # index -> column of the text beside the heading
    after = 0  # the first line not used by the last split
    for index in _gapped_lines(texts):
        split = _margin_heading(lines, index) if index >= after else None
        if split is not None:
            found[index], columns[index] = split, _text_column(lines[index].text, split[1][0])
            after = index + split[2]
    if len(columns) < 2:  # most documents: no margin heading, or one (a margin takes two)
        return lines
    margin = {column for column, count in Counter(columns.values()).items() if count >= 2}
    if not margin:
        return lines
    out: list[RawLine] = []
    splits = {i: split for i, split in found.items() if columns[i] in margin}
    index = 0
    while index < len(lines):
        line = lines[index]
        if index not in splits:
            out.append(line)
            index += 1
            continue
        heading, texts, used = splits[index]
        out.extend(RawLine(text, line.page, line.bold, line.size, line.top) for text in (heading, *texts))
        index += used
    return out


def _gapped_lines(texts: list[str]) -> list[int]:
    """The indexes of the lines with a wide gap or a tab, in order: only they can start with a margin
    heading, so _margin_heading is asked of no other line. Two substring tests per line: no join of the
    whole text (normalise_joined makes its own), and less time than one in timeit (fixtures, small documents)."""
    return [i for i, text in enumerate(texts) if MARGIN_HINT in text or "\t" in text]


def _text_column(line: str, text: str) -> int:
    """Where the text beside a margin heading starts; -1 for a tab (the PDF reader's mark of a wide
    gap, whose column the characters do not tell)."""
    return -1 if "\t" in line[: line.index(text)] else line.index(text)


def _margin_heading(lines: list[RawLine], index: int) -> tuple[str, list[str], int] | None:
    """(heading, texts beside it, lines used) when the line at ``index`` starts with a heading in a
    left margin ('Sagsfrem-' / 'stilling' may take two lines). Asked only of the lines _gapped_lines
    finds: the line holds a wide gap or a tab."""
    match = P.margin.match(lines[index].text)
    if match is None:
        return None
    left, rights = match["left"].strip(), [match["right"]]
    following = P.margin.match(lines[index + 1].text) if left.endswith("-") and index + 1 < len(lines) else None
    if following is not None:
        left, rights = left[:-1] + following["left"].strip(), [*rights, following["right"]]
    # A contents line ("Underskriftsark.....<TAB>22") or a lower-case continuation is no margin text.
    if left.endswith("..") or not rights[0][:1].isupper():
        return None
    heading = match_heading(left)
    if heading is None or heading.glued_text:
        return None
    return left, rights, 2 if following is not None else 1


PAGE_SUFFIX_MAX = 24  # characters of "Side 12 af 345" and its spacing
RUNNING_REST_MAX = 150


def _recurring_marked_lines(texts: list[str]) -> set[str]:
    """Lines (digits folded) that end in a page marker after other text and recur: a running header
    or footer printed on one line with its page number, whatever the spacing."""
    marked = [P.digits.sub("#", text) for text in texts
              if text[-1:].isdigit() and len(text) >= 15 and P.page_suffix.search(text[-PAGE_SUFFIX_MAX:])
              and not P.page_marker.match(text)]
    if len(marked) < 2:  # most documents: nothing can recur
        return set()
    return {key for key, count in Counter(marked).items() if count >= 2}


def _marked_running_line(raw: str) -> str | None:
    """The running line before a page marker set off by a wide gap or a bar ("Byrådet  ...  Side 3 af
    9" -> "Byrådet"); None for other lines. String operations on the line's end keep this linear."""
    tail = raw[-PAGE_SUFFIX_MAX:]
    match = P.page_suffix.search(tail)
    if match is None:
        return None
    before = raw[: len(raw) - len(tail) + match.start()]
    rest = before.rstrip(" \t|·•")
    gap = before[len(rest):]
    if not rest or len(rest) > RUNNING_REST_MAX or not (len(gap) >= 2 or "\t" in gap):
        return None
    return rest.strip()


def _drop_running_lines(lines: list[_Row], sheets: bool = False,
                        removed: list[str] | None = None) -> list[_Row]:
    """Remove running headers/footers: the first or last lines of a page that recur, digits aside,
    on at least half of the pages (and on three or more). With ``sheets``, the pages are the rows'
    sheets, found from "Side N af M" markers in text without page information; there two
    recurrences suffice for a line of some length that is not a heading."""
    pages: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        page = line.sheet if sheets else line.page
        if page is not None and line.text:
            pages.setdefault(page, []).append(index)
    minimum = 2 if sheets else 3
    if len(pages) < minimum:
        return lines
    edge_counts: Counter[str] = Counter()
    edges: dict[int, str] = {}
    for indexes in pages.values():
        seen = set()
        for index in indexes[:2] + indexes[-2:]:
            key = P.digits.sub("#", lines[index].text.casefold())
            edges[index] = key
            if key not in seen:
                edge_counts[key] += 1
                seen.add(key)
    threshold = max(minimum, len(pages) // 2)
    running = {key for key, count in edge_counts.items() if count >= threshold}
    # Headings, item titles and the case numbers under them recur at page edges by nature ("Beslutning i
    # Byrådet den ...", "Sagsnr. 12/5120" when each item starts a page): never running.
    structural = {edges[i] for i in edges if match_heading(lines[i].text) or P.item_start.match(lines[i].text)
                  or P.field_case_number.match(lines[i].text)}
    running -= structural
    drop: set[int] = set()
    if sheets:
        # Short lines ("Byrådet", "25. marts 2013") recur at page edges by chance too; they are running
        # lines only as a block: the two first or two last lines of a page, both recurring.
        for indexes in pages.values():
            for pair in (indexes[:2], indexes[-2:]):
                if len(pair) == 2 and all(edges[i] in running and _header_like(lines[i].text) for i in pair):
                    drop.update(pair)
        running = {key for key in running if len(key) >= 15}
    kept = [line for index, line in enumerate(lines) if edges.get(index) not in running and index not in drop]
    if removed is not None:
        removed.extend(line.text for index, line in enumerate(lines)
                       if edges.get(index) in running or index in drop)
    return kept


def _header_like(text: str) -> bool:
    """A line a running header could be: no sentence end, no 'Label:' (a recurring 'Godkendt.' or
    'Fraværende: ...' at the end of every page is content)."""
    return not text.endswith((".", "!", "?", ":", ";")) and ":" not in text


def _rejoin(lines: list[_Row]) -> list[_Row]:
    """Join paragraphs broken by a page break or a hard wrap: a line that does not end a sentence,
    followed (after blank lines at most) by one that starts in lower case."""
    out: list[_Row] = []
    blanks_since_text = 0
    for line in lines:
        if not line.text:
            blanks_since_text += 1
            out.append(line)
            continue
        # The cheap test first: most lines start in upper case, and only a lower-case start continues.
        previous = _last_text(out) if line.text[0].islower() else None
        if previous is not None and _continues(out[previous], line, blanks_since_text):
            prev = out[previous]
            prev.text = join_text(prev.text, line.text)
            del out[previous + 1:]
        else:
            out.append(line)
        blanks_since_text = 0
    return out


def _last_text(lines: list[_Row]) -> int | None:
    for back in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
        if lines[back].text:
            return back
    return None


def _continues(prev: _Row, line: _Row, blanks: int) -> bool:
    """Whether ``line``, which starts in lower case (_rejoin asks no other), continues ``prev``."""
    if P.open_closed_entry.match(line.text):
        return False  # "åbent 2 Title": an entry of a list of items, not a continuation
    if ends_sentence(prev.text):
        return False
    if prev.bold != line.bold and prev.bold is not None:
        return False
    if blanks == 0:
        # A hard-wrapped line; "at ..." lines are clauses of a recommendation list, kept apart.
        return len(prev.text) >= 30 and not line.text.startswith(("at ", "- ", "• "))
    # Broken by a page break or a blank line: only long prose lines continue.
    prose = len(prev.text.split()) >= 8
    return blanks <= 2 and prose and (prev.text[-1].isalnum() or prev.text.endswith((",", "-", *abbreviations())))


def _assemble(raw: list[_Row], warnings: list[tuple[str, str]], collapse_blanks: bool = True) -> Cleaned:
    # One pass: with collapse_blanks, a blank row after a blank row (or at the start) is dropped, so runs
    # of blank lines collapse; the lines and their texts are built as the rows are read.
    lines: list[Line] = []
    texts: list[str] = []
    append, add_text = lines.append, texts.append
    offset = 0
    before = ""  # the text of the row before (a dropped row's too): blank lines at the start are dropped
    for line in raw:
        text = line.text
        if not text and not before and collapse_blanks:
            continue  # ``before`` stays blank, as this row is
        before = text
        end = offset + len(text)
        append(Line(text, offset, end, line.page, line.bold, line.size, line.indent, line.gap_before))
        add_text(text)
        offset = end + 1
    return Cleaned("\n".join(texts), lines, warnings)
