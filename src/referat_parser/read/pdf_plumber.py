"""pdfplumber backend (pdfminer.six): slower, geometry-exact; also the table extractor for both
backends. Every page is closed after use (pdfplumber caches layout objects per page, and a
200-page file otherwise grows past 1 GB).

Characters are grouped into printed lines by baseline and joined with the same rules the
pdfium backend uses: a gap of a fraction of the font size is a space, a gap wider than
``TAB_GAP`` font sizes a tab (a table column).
"""

from __future__ import annotations

import re
from typing import Any

from .pdf_layout import TAB_GAP, PageLines, VLine, is_bold_font, join_cell, justified_gaps
from .pdf_pdfium import PageStats

# A gap wider than this share of the font size between two characters is a word space.
SPACE_GAP = 0.15
_CID = re.compile(r"\(cid:(\d+)\)")
# Glyph codes pdfminer cannot map for the standard (non-embedded) fonts: 127 is the bullet
# reportlab and others write with Helvetica.
_KNOWN_CIDS = {"127": "•"}
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"})


def _char_text(char: dict[str, Any], stats: PageStats) -> str:
    text = char["text"]
    if text.startswith("(cid:"):
        match = _CID.fullmatch(text)
        if match and match.group(1) in _KNOWN_CIDS:
            return _KNOWN_CIDS[match.group(1)]
        stats.unmapped += 1
        return "\ufffd"
    return text


def page_lines(page: Any, number: int, stats: PageStats) -> list[VLine]:
    height = float(page.height)
    chars = [c for c in page.chars if c.get("upright", True)]
    # Baseline (distance from the top) of each character, from its text matrix.
    items = sorted(((height - float(c["matrix"][5]), float(c["x0"]), c) for c in chars), key=lambda t: (t[0], t[1]))
    clusters: list[list[tuple[float, float, dict[str, Any]]]] = []
    for item in items:
        if clusters and item[0] - clusters[-1][0][0] <= 0.3 * float(item[2]["size"]):
            clusters[-1].append(item)
        else:
            clusters.append([item])
    out: list[VLine] = []
    for cluster in clusters:
        cluster.sort(key=lambda t: t[1])
        line = _line(cluster, number, stats)
        if line is not None:
            out.append(line)
    return out


def _line(cluster: list[tuple[float, float, dict[str, Any]]], number: int, stats: PageStats) -> VLine | None:
    parts: list[str] = []
    prev: dict[str, Any] | None = None
    first_word_end: float | None = None
    visible: list[dict[str, Any]] = []
    gaps: list[float] = []  # widths of the word gaps with no space character in them
    for _, _, char in cluster:
        text = _char_text(char, stats)
        if not text.strip():
            if parts and parts[-1] not in (" ", "\t"):
                parts.append(" ")
            continue
        if prev is not None:
            gap = float(char["x0"]) - float(prev["x1"])
            size = max(float(char["size"]), float(prev["size"]))
            # A gap holding a space character is a word space, however wide (justified text,
            # Tw word spacing); pdfium's rule is the same (only separate text objects are columns).
            if parts[-1] != " " and gap > SPACE_GAP * size:
                gaps.append(gap)
            if gap > TAB_GAP * size and parts[-1] != " ":
                parts.append("\t")
            elif gap > SPACE_GAP * size and parts and parts[-1] not in (" ", "\t"):
                parts.append(" ")
        if first_word_end is None and parts and parts[-1] in (" ", "\t") and prev is not None:
            first_word_end = float(prev["x1"])
        parts.append(text)
        visible.append(char)
        prev = char
    if not visible:
        return None
    if "\t" in parts and justified_gaps(gaps):
        parts = [" " if part == "\t" else part for part in parts]
    text = "".join(parts).strip(" ").translate(_LIGATURES)
    stats.chars += len(visible)
    first, last = visible[0], visible[-1]
    x0, x1 = float(first["x0"]), float(last["x1"])
    baseline = cluster[0][0]
    bold = is_bold_font(first.get("fontname")) and is_bold_font(last.get("fontname"))
    first_word = (first_word_end if first_word_end is not None else x1) - x0
    return VLine(text, number, x0, x1, baseline, round(float(first["size"]), 1), bold, first_word)


def has_rulings(page: Any) -> bool:
    """Same test as the pdfium backend's ``count_rulings``: two horizontal and two vertical rulings."""
    horizontal = vertical = 0
    for obj in (*page.lines, *page.rects):
        w, h = float(obj["width"]), float(obj["height"])
        if h <= 3 and w >= 15:
            horizontal += 1
        elif w <= 3 and h >= 8:
            vertical += 1
        elif w >= 15 and h >= 8:
            horizontal += 2
            vertical += 2
    return horizontal >= 2 and vertical >= 2


def tables(page: Any) -> list[tuple[float, float, float, float, list[list[str | None]]]]:
    """Ruled tables of one page: (x0, top, x1, bottom, rows), cells' wrapped lines joined."""
    found = []
    for table in page.find_tables():
        rows = [[join_cell(cell) if cell is not None else None for cell in row] for row in table.extract()]
        rows = [row for row in rows if any(cell for cell in row)]
        if len(rows) >= 2 and max(len(row) for row in rows) >= 2:
            x0, top, x1, bottom = (float(v) for v in table.bbox)
            found.append((x0, top, x1, bottom, rows))
    return found


def open_pdf(data: bytes) -> Any:
    import io

    import pdfplumber

    return pdfplumber.open(io.BytesIO(data))


def extract(data: bytes, pages: range) -> tuple[list[PageLines], PageStats]:
    stats = PageStats()
    out: list[PageLines] = []
    with open_pdf(data) as pdf:
        for index in pages:
            page = pdf.pages[index]
            try:
                lines = page_lines(page, index + 1, stats)
                try:
                    found = tables(page) if has_rulings(page) else []
                except Exception:  # tables are a bonus: keep the page's text
                    found = []
                out.append(PageLines(index + 1, float(page.width), float(page.height), lines, found))
            except Exception:  # pdfminer raises many types on a damaged page: keep the others
                stats.damaged.append(index + 1)
            finally:
                page.close()
    return out, stats


def grids_of(data: bytes, numbers: list[int]) -> dict[int, list[tuple[float, float, float, float, list[list[tuple[float, float, float, float] | None]]]]]:
    """Table grids (box, rows of cell boxes; None for a merged cell) of a PDF holding only the
    pages ``numbers`` (1-based numbers in the original document, in order), for the pdfium
    backend, which reads the cell text itself."""
    found: dict[int, list[tuple[float, float, float, float, list[list[tuple[float, float, float, float] | None]]]]] = {}
    with open_pdf(data) as pdf:
        for index, number in enumerate(numbers):
            page = pdf.pages[index]
            try:
                grids = []
                for table in page.find_tables():
                    x0, top, x1, bottom = (float(v) for v in table.bbox)
                    rows = [[tuple(float(v) for v in cell) if cell is not None else None for cell in row.cells]
                            for row in table.rows]
                    grids.append((x0, top, x1, bottom, rows))
                found[number] = grids  # type: ignore[assignment]
            finally:
                page.close()
    return found
