"""Backend-independent half of the PDF reader: visual lines -> paragraph lines.

A backend (pdf_pdfium.py, pdf_plumber.py) turns each page into ``VLine``s: one per printed line
(or per table row), with geometry and font. This module, pure Python and free of PDF libraries,
then

0. orders each page's lines top to bottom, merging pieces printed on one baseline,
1. drops running headers and footers (lines recurring at the same height on most pages, digits
   normalised, and bare page numbers in the margins),
2. puts the rows of ruled tables in place of the text lines they cover, and records those and
   runs of tab-separated lines (tables without rulings) as tables,
3. joins the wrapped lines of each paragraph, also across page breaks, undoing line-end
   hyphenation but keeping Danish compound ellipsis ("Beskæftigelses- og ..."),

so that the Document looks like the text inputs: one paragraph, heading or item title a line.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter

from ..lexicon.words import join_text
from .document import RawLine

# A line starting with one of these glyphs and a space always starts a paragraph (a list item).
_BULLET_GLYPHS = "•▪◦●○■□✓➢"


def _glyph_bullet(text: str) -> bool:
    """True when ``text`` starts with a bullet glyph and a space. Tested for every line pair, so
    two string tests rather than a regex match (str.isspace is what the regex ``\\s`` tests)."""
    return text[1:2].isspace() and text[:1] in _BULLET_GLYPHS


# A dash or a number may start a list item, but also a wrapped line ("-9 mio. kr.", "31. marts"):
# for these, geometry decides.
_MAYBE_ITEM = re.compile(r"^(?:[-–—*]\s|\d{1,2}[.)]\s|[a-z][.)]\s)")
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^(?:side|page|s\.)?\s*\d{1,4}(?:\s*(?:af|/|of|ud af)\s*\d{1,4})?$", re.IGNORECASE)
# A gap wider than this many font sizes between two words is a column (tab), not a space.
TAB_GAP = 1.6
# The smallest line pitch believed, in font sizes: some PDFs report a font size larger than the type
# is set (pdfium gives 16 for text set 12.2 pt apart), so it is well under the usual 1.2.
PITCH_MIN = 0.7
# Share of the page height, at top and bottom, where running headers and footers live.
MARGIN_ZONE = 0.15
# ... and where they may live when set in a smaller type than the body ("Dato: 01.02.2012" / "Side 3"
# under a letterhead): small print that recurs at one height on most pages is page furniture.
SMALL_PRINT_ZONE = 0.25


@dataclass(slots=True)
class VLine:
    """One printed line of a page, in top-down coordinates (points)."""

    text: str
    page: int  # 1-based
    x0: float
    x1: float
    baseline: float  # distance of the baseline from the top of the page
    size: float  # font size in points, rounded to 0.1 by the backends (a style key)
    bold: bool
    first_word: float = 0.0  # width of the first word, for the "would it have fit" test
    table: bool = False  # a table row: never joined with neighbours

    @property
    def top(self) -> float:
        return self.baseline - self.size


@dataclass
class PageLines:
    number: int  # 1-based
    width: float
    height: float
    lines: list[VLine]
    # Ruled tables of this page: (x0, top, x1, bottom, rows); the rows replace the lines inside.
    tables: list[tuple[float, float, float, float, list[list[str | None]]]] = field(default_factory=list)


def justified_gaps(gaps: list[float]) -> bool:
    """True when a line's word gaps are all the same width (two or more of them): a justified
    line stretched over a few long words, not table columns, however wide the gaps."""
    return len(gaps) >= 2 and max(gaps) - min(gaps) <= 1.0


def is_bold_font(name: str | None) -> bool:
    if not name:
        return False
    low = name.lower()
    return any(mark in low for mark in ("bold", "black", "heavy", "semibold", "demi", ",bd", "-bd"))


# --- 0. reading order -------------------------------------------------------------------------

_READING_ORDER = attrgetter("baseline", "x0")  # top to bottom, then left to right


def merge_fragments(lines: list[VLine], tab_gap: float) -> list[VLine]:
    """Order a page's lines top to bottom and merge pieces printed on the same baseline (a
    bullet and its text, a table-of-contents title and its page number): a single text column
    is assumed. A wide gap between pieces becomes a tab."""
    if not lines:
        return lines
    ordered = sorted(lines, key=_READING_ORDER)
    out: list[VLine] = []
    for line in ordered:
        last = out[-1] if out else None
        if (last is not None and not last.table and not line.table
                and abs(line.baseline - last.baseline) <= 0.3 * min(line.size, last.size)
                and line.x0 >= last.x1 - 0.5):
            gap = line.x0 - last.x1
            sep = "\t" if gap > tab_gap * max(line.size, last.size) else " "
            last.text = f"{last.text}{sep}{line.text}"
            last.x1 = line.x1
            last.bold = last.bold and line.bold
            continue
        out.append(line)
    return out


# --- 1. running headers and footers ---------------------------------------------------------

def _running_text(line: VLine) -> str:
    return _DIGITS.sub("#", " ".join(line.text.split()).casefold())


def drop_running_lines(pages: list[PageLines], tolerance: float = 4.0, removed_texts: list[str] | None = None) -> int:
    """Remove headers/footers in place; returns how many lines were removed.

    A running line is one in the top or bottom margin whose text (digits normalised) recurs
    within ``tolerance`` points of the same height on at least half the pages (two or more)."""
    body = _body_size(pages)
    # Only margin lines can run: they and their normalised text are found once, for both passes.
    margins = [_margin_lines(page, body) for page in pages]
    running = _running_heights(pages, margins, tolerance)
    removed = 0
    for page, found in zip(pages, margins, strict=True):
        drop = {index for index, key in found if _is_running(page.lines[index], key, running, tolerance)}
        if not drop:
            continue
        removed += len(drop)
        if removed_texts is not None:
            removed_texts.extend(page.lines[index].text for index, _ in found if index in drop)
        page.lines = [line for index, line in enumerate(page.lines) if index not in drop]
    return removed


def _margin_lines(page: PageLines, body: float | None) -> list[tuple[int, str]]:
    """(index, running text) of the page's lines in its top or bottom margin: the outer
    MARGIN_ZONE of the page height, or SMALL_PRINT_ZONE for lines set smaller than the body."""
    height = page.height
    small = body - 0.5 if body is not None else None
    top, bottom = height * MARGIN_ZONE, height * (1 - MARGIN_ZONE)
    small_top, small_bottom = height * SMALL_PRINT_ZONE, height * (1 - SMALL_PRINT_ZONE)
    found = []
    for index, line in enumerate(page.lines):
        if small is not None and line.size < small:
            inside = line.baseline < small_top or line.baseline - line.size > small_bottom
        else:
            inside = line.baseline < top or line.baseline - line.size > bottom
        if inside:
            found.append((index, _running_text(line)))
    return found


def _running_heights(pages: list[PageLines], margins: list[list[tuple[int, str]]],
                     tolerance: float) -> dict[str, list[float]]:
    """Text (digits normalised) -> the heights at which it runs in the margins of enough pages."""
    seen: dict[str, list[tuple[int, float]]] = {}
    for page, found in zip(pages, margins, strict=True):
        for index, key in found:
            places = seen.get(key)
            if places is None:
                places = seen[key] = []
            places.append((page.number, page.lines[index].baseline))
    threshold = max(2, (len(pages) + 1) // 2)
    running: dict[str, list[float]] = {}
    for text, places in seen.items():
        if len({number for number, _ in places}) < threshold or _structural(text):
            continue
        heights = sorted(height for _, height in places)
        for height in sorted(set(heights)):
            # Lines of this text within the tolerance of this height (sorted: two bisections).
            if bisect.bisect_right(heights, height + tolerance) - bisect.bisect_left(heights, height - tolerance) >= threshold:
                running.setdefault(text, []).append(height)
    return running


def _is_running(line: VLine, key: str, running: dict[str, list[float]], tolerance: float) -> bool:
    heights = running.get(key, [])
    return any(abs(line.baseline - h) <= tolerance for h in heights) or _PAGE_NUMBER.match(line.text.strip()) is not None


def _structural(text: str) -> bool:
    """Headings ('Beslutning') start pages at the same height by nature, on two pages of a short
    document easily: never running lines."""
    from ..lexicon.headings import match_heading  # the vocabulary, loaded only when a PDF is read

    return match_heading(text) is not None


def _body_size(pages: list[PageLines]) -> float | None:
    """The font size most lines are set in."""
    sizes = Counter(line.size for page in pages for line in page.lines if not line.table)
    return sizes.most_common(1)[0][0] if sizes else None


# --- 2. tables --------------------------------------------------------------------------------

_LIST_MARKER = re.compile(r"^(?:[a-zæøå]|\d{1,2}|[ivx]{1,4})[.)]$|^[-–•▪◦*]$")


def marker_list(rows: list[list[str | None]]) -> bool:
    """A 'table' of two columns whose first column holds only list markers ('a.', 'b.', '1)', '-') is a
    list with a hanging indent laid out in an invisible grid: its lines are read as printed (a bold
    'Bilag' under a point stays a heading), not joined into cells."""
    if len(rows) < 2 or any(len(row) != 2 for row in rows):
        return False
    return all(_LIST_MARKER.match((row[0] or "").strip()) for row in rows)


def place_tables(page: PageLines) -> None:
    """Replace the lines a table covers by one line per table row (cells joined by tabs)."""
    if not page.tables:
        return
    lines = page.lines
    for x0, top, x1, bottom, rows in page.tables:
        inside = [i for i, ln in enumerate(lines)
                  if top - 1 <= ln.baseline - ln.size * 0.3 <= bottom + 1 and ln.x1 >= x0 - 1 and ln.x0 <= x1 + 1]
        at = inside[0] if inside else _insert_at(lines, top)
        size = lines[inside[0]].size if inside else 0.0
        row_lines = [VLine("\t".join(cell or "" for cell in row), page.number, x0, x1, top + size * (n + 1),
                           size, False, table=True) for n, row in enumerate(rows)]
        covered = set(inside)
        lines = [ln for i, ln in enumerate(lines) if i not in covered]
        lines[at:at] = row_lines
    page.lines = lines


def _insert_at(lines: list[VLine], top: float) -> int:
    for i, line in enumerate(lines):
        if line.baseline > top:
            return i
    return len(lines)


def join_cell(text: str) -> str:
    """Join the wrapped lines of a table cell the way paragraph lines are joined."""
    parts = [p.strip() for p in text.split("\n") if p.strip()]
    if not parts:
        return ""
    out = parts[0]
    for part in parts[1:]:
        out = join_text(out, part)
    return out


# --- 3. paragraphs ----------------------------------------------------------------------------

@dataclass
class _Metrics:
    pitch: dict[float, float]  # font size -> usual distance between baselines within a paragraph
    right: dict[int, float]  # page -> right edge of the text column
    justified: set[tuple[float, bool]]  # styles (size, bold) set justified


def _style(line: VLine) -> tuple[float, bool]:
    return line.size, line.bold


def _metrics(pages: list[PageLines]) -> _Metrics:
    right = _right_edges(pages)
    pitch = _pitches(pages)
    return _Metrics(pitch, right, _justified_styles(pages, pitch, right))


def _right_edges(pages: list[PageLines]) -> dict[int, float]:
    """Page -> the right edge of its text column."""
    right: dict[int, float] = {}
    clear: list[float] = []
    for page in pages:
        ends = [ln.x1 for ln in page.lines if not ln.table and "\t" not in ln.text]
        if ends:
            edge = max(ends)
            right[page.number] = edge
            if sum(1 for x in ends if x >= edge - 2) >= 3:  # lines pile up at the edge: trust it
                clear.append(edge)
    # Where no page shows its right edge (short lines only), assume margins as wide as the left.
    fallback = max(clear) if clear else None
    for page in pages:
        found = right.get(page.number)
        if found is not None and (not clear or found < (fallback or 0) - 2):
            starts = [ln.x0 for ln in page.lines if not ln.table]
            symmetric = page.width - min(starts) if starts else found
            right[page.number] = max(found, fallback if fallback is not None else symmetric)
    return right


def _pitches(pages: list[PageLines]) -> dict[float, float]:
    """Font size -> line pitch: the smallest common baseline distance within a style (the most common
    one is the paragraph distance when most paragraphs are one line long)."""
    deltas: dict[float, Counter[float]] = {}
    for page in pages:
        a: VLine | None = None  # the line before, table rows skipped
        for b in page.lines:
            if b.table:
                continue
            if a is not None and a.size == b.size and a.bold == b.bold and 0 < b.baseline - a.baseline < 3 * a.size:
                counter = deltas.get(a.size)
                if counter is None:
                    counter = deltas[a.size] = Counter()
                counter[round(b.baseline - a.baseline, 1)] += 1
            a = b
    pitch: dict[float, float] = {}
    for size, counter in deltas.items():
        common = [delta for delta, n in counter.items() if n >= 2 and delta >= PITCH_MIN * size]
        pitch[size] = min(common) if common else counter.most_common(1)[0][0]
        if pitch[size] > 1.5 * size:  # no wrapped paragraph seen: that is paragraph spacing
            pitch[size] = 1.25 * size
    return pitch


def _justified_styles(pages: list[PageLines], pitch: dict[float, float],
                      right: dict[int, float]) -> set[tuple[float, bool]]:
    """A style is justified when most of its lines that are followed by a line of the same
    paragraph (same style, one line pitch below) reach the right edge."""
    full: Counter[tuple[float, bool]] = Counter()
    total: Counter[tuple[float, bool]] = Counter()
    for page in pages:
        page_edge = right.get(page.number)
        if page_edge is None:
            continue
        a: VLine | None = None  # the line before, table rows skipped
        for b in page.lines:
            if b.table:
                continue
            if a is not None and a.size == b.size and a.bold == b.bold \
                    and 0 < b.baseline - a.baseline <= pitch.get(a.size, 0) + 0.5:
                key = (a.size, a.bold)
                total[key] += 1
                full[key] += a.x1 >= page_edge - 1.5
            a = b
    return {key for key, n in total.items() if n >= 5 and full[key] >= 0.5 * n}


def _paragraph_ends(prev: VLine, cur: VLine, first: VLine, m: _Metrics) -> bool:
    """True when ``cur`` cannot continue the paragraph whose first line is ``first`` and whose
    last line so far is ``prev``."""
    if _breaks_by_kind(prev, cur) or _breaks_by_gap(prev, cur, m) or _breaks_by_indent(prev, cur, first):
        return True
    # A word broken by a hyphen continues on the next line, whatever the geometry says.
    if prev.text.endswith("-") and prev.text[-2:-1].isalpha() and cur.text[:1].islower():
        return False
    # Would the first word of this line have fit on the previous one? Then the previous line
    # ended its paragraph (line breaking only wraps a word that does not fit).
    right = m.right.get(prev.page, prev.x1)
    if prev.x1 + 0.25 * prev.size + cur.first_word < right - 1.0:
        return True
    # Justified text: only the last line of a paragraph stops short of the right edge.
    return _style(prev) in m.justified and prev.x1 < right - 2.0


def _breaks_by_kind(prev: VLine, cur: VLine) -> bool:
    """Table rows, tab-separated columns, a change of style and a bullet never continue a paragraph."""
    if prev.table or cur.table or "\t" in prev.text or "\t" in cur.text:
        return True
    return prev.bold != cur.bold or abs(prev.size - cur.size) > 0.3 or _glyph_bullet(cur.text)


def _breaks_by_gap(prev: VLine, cur: VLine, m: _Metrics) -> bool:
    if prev.page != cur.page:
        return False
    gap = cur.baseline - prev.baseline
    pitch = m.pitch.get(prev.size, prev.size * 1.2)
    return gap > pitch + max(1.5, 0.25 * prev.size) or gap < 0


def _breaks_by_indent(prev: VLine, cur: VLine, first: VLine) -> bool:
    """Continuation lines start at the paragraph's text edge (after a list marker, under the first
    line otherwise; a first-line indent is allowed)."""
    if prev is not first:
        return abs(cur.x0 - prev.x0) > 2
    if _glyph_bullet(first.text) or first.text.startswith(("- ", "– ")):
        return cur.x0 <= first.x0 + 1
    return not _MAYBE_ITEM.match(first.text) and cur.x0 > first.x0 + 2


def _complete_heading(text: str) -> bool:
    """A paragraph so far that is a whole dated decision heading ("Xudvalgets beslutning den 01.02.2012
    Punkt 4") ends there: a heading that fills its line would otherwise take the next line's first
    words, which did not fit after it, for a wrapped continuation."""
    if not text[-1:].isdigit() or len(text) > HEADING_MAX:
        return False
    from ..lexicon.headings import match_heading  # the vocabulary, loaded only when a PDF is read

    heading = match_heading(text)
    return heading is not None and heading.key == "decision" and heading.dated and not heading.glued_text


HEADING_MAX = 160  # characters of a heading line
# A line that opens a numbered entry: "1.2 Status", "3. Title", "12 Title".
_NUMBERED_ENTRY = re.compile(r"^\d{1,3}(?:\.\d{1,2})*\.?\s+[A-ZÆØÅ]")


def _new_block_on_new_page(text: str, prev: VLine, cur: VLine) -> bool:
    """Across a page break no gap can be measured, and a full last line makes any first word "not fit":
    after a finished sentence, a heading ("Referat:") or a numbered entry ("1.2 Status ...") at the
    top of the next page starts a new block."""
    if prev.page == cur.page or not text.endswith((".", "!", "?", ":")):
        return False
    if _NUMBERED_ENTRY.match(cur.text):
        return True
    from ..lexicon.headings import match_heading  # the vocabulary, loaded only when a PDF is read

    return len(cur.text) <= HEADING_MAX and match_heading(cur.text) is not None


@dataclass(slots=True)
class _Start:
    """How a paragraph follows the one before it: the baseline gap (same page and style only), and
    whether the one before was prose (wrapped over two or more lines, ending a sentence)."""

    gap: float | None
    after_prose: bool


def paragraphs(pages: list[PageLines]) -> list[RawLine]:
    m = _metrics(pages)
    out: list[RawLine] = []
    starts: list[_Start] = []
    first: VLine | None = None
    prev: VLine | None = None
    wrapped = 0  # lines of the current paragraph
    for page in pages:
        for line in page.lines:
            text = line.text.strip()
            if not text:
                continue
            if prev is not None and first is not None and not _paragraph_ends(prev, line, first, m) \
                    and not _complete_heading(out[-1].text) and not _new_block_on_new_page(out[-1].text, prev, line):
                out[-1].text = join_text(out[-1].text, text)
                wrapped += 1
            else:
                same = prev is not None and prev.page == line.page and _style(prev) == _style(line)
                prose = wrapped >= 2 and bool(out) and out[-1].text.endswith((".", "!", "?"))
                starts.append(_Start(line.baseline - prev.baseline if same and prev else None, prose))
                out.append(RawLine(text, page=line.page, bold=line.bold, size=line.size,
                                   top=round(line.top, 1)))
                first = line
                wrapped = 1
            prev = line
    _mark_breaks(out, starts)
    return out


BREAK_FACTOR = 1.4  # a gap this many times the usual gap between prose paragraphs ends a block
MIN_PROSE_GAPS = 3  # prose paragraph gaps needed to know the usual one


def _mark_breaks(out: list[RawLine], starts: list[_Start]) -> None:
    """Set ``gap_before`` on paragraphs that follow a gap clearly wider than the usual gap between
    two prose paragraphs of their style (the most common one)."""
    usual: dict[tuple[float | None, bool | None], Counter[float]] = {}
    for line, start in zip(out, starts, strict=True):
        if start.gap is not None and start.after_prose:
            usual.setdefault((line.size, line.bold), Counter())[round(start.gap, 1)] += 1
    gaps = {style: counter.most_common(1)[0][0] for style, counter in usual.items()
            if counter.most_common(1)[0][1] >= MIN_PROSE_GAPS}
    for line, start in zip(out, starts, strict=True):
        usual_gap = gaps.get((line.size, line.bold))
        if start.gap is not None and usual_gap is not None and start.gap >= BREAK_FACTOR * usual_gap:
            line.gap_before = True


_LEADER = re.compile(r"(?:\.{3,}|…)\s*$")


def column_tables(page: PageLines) -> list[tuple[float, list[list[str | None]]]]:
    """Tables without rulings: two or more consecutive lines split by column gaps (tabs) into
    the same number of cells. A table of contents (dot leaders) is not a table."""
    found: list[tuple[float, list[list[str | None]]]] = []
    run: list[VLine] = []

    def flush() -> None:
        if len(run) >= 2:
            found.append((run[0].top, [list(ln.text.split("\t")) for ln in run]))
        run.clear()

    for line in page.lines:
        if line.table or "\t" not in line.text:  # one cell: no table row (most lines)
            if run:
                flush()
            continue
        cells = line.text.split("\t")
        if any(_LEADER.search(cell) for cell in cells):
            flush()
        elif run and len(cells) != run[-1].text.count("\t") + 1:
            flush()
            run.append(line)
        else:
            run.append(line)
    flush()
    return found


def build_lines(pages: list[PageLines], furniture: list[str] | None = None
                ) -> tuple[list[RawLine], list[tuple[int, list[list[str | None]]]]]:
    """All the steps; returns the paragraph lines and the tables (page, rows), ruled or not,
    in reading order. Table rows stay in the lines too, cells joined by tabs, as in text files."""
    for page in pages:
        page.lines = merge_fragments(page.lines, TAB_GAP)
    drop_running_lines(pages, removed_texts=furniture)
    tables: list[tuple[int, float, list[list[str | None]]]] = []
    for page in pages:
        page.tables = [table for table in page.tables if not marker_list(table[4])]
        for _, top, _, _, rows in page.tables:
            tables.append((page.number, top, rows))
        place_tables(page)
        tables.extend((page.number, top, rows) for top, rows in column_tables(page))
    tables.sort(key=lambda t: (t[0], t[1]))
    return paragraphs(pages), [(number, rows) for number, _, rows in tables]
