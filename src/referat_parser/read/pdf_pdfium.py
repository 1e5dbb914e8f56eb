"""pypdfium2 backend: the page text in one call, geometry and font from a few calls per line.

Cost is kept to a handful of ctypes calls per printed line (not per character): the whole page
text comes from one ``FPDFText_GetText``; pdfium already marks line ends ("\\r\\n") and the word
gaps it filled with generated spaces. For each line we ask for the box of its first and last
character, the end of its first word, its font and size, and the boxes around generated spaces
(to tell a word gap from a table-column gap).

pdfium replaces a line-end hyphen by U+FFFE (FPDFText_GetText) / U+0002 (GetUnicode) and does
*not* end the line there; both are turned back into "-" plus a line break.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

from .pdf_layout import TAB_GAP, PageLines, VLine, is_bold_font

_HYPHEN_MARKS = "\ufffe\x02"
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"})


@dataclass
class PageStats:
    chars: int = 0  # non-space characters
    unmapped: int = 0  # characters without a Unicode value (no ToUnicode map)


class PdfiumPage:
    """Extract the visual lines of one page (the page and text page are closed by the caller)."""

    def __init__(self, raw, textpage, number: int, width: float, height: float) -> None:  # type: ignore[no-untyped-def]
        self.raw = raw
        self.tp = textpage
        self.number = number
        self.height = height
        self.width = width
        self._rect = raw.FS_RECTF()
        self._x = ctypes.c_double()
        self._y = ctypes.c_double()
        self._font_cache: dict[bytes, bool] = {}
        self._namebuf = ctypes.create_string_buffer(256)
        self._flags = ctypes.c_int()

    def box(self, index: int) -> tuple[float, float]:
        """(left, right) of one character's loose box (its advance, not its ink, so that line
        ends compare like pdfplumber's and do not depend on the glyph's side bearings)."""
        rect = self._rect
        self.raw.FPDFText_GetLooseCharBox(self.tp, index, rect)
        return rect.left, rect.right

    def origin_y(self, index: int) -> float:
        self.raw.FPDFText_GetCharOrigin(self.tp, index, self._x, self._y)
        return self._y.value

    def bold(self, index: int) -> bool:
        raw = self.raw
        n = raw.FPDFText_GetFontInfo(self.tp, index, self._namebuf, 256, self._flags)
        name = self._namebuf.raw[: max(0, n - 1)]
        known = self._font_cache.get(name)
        if known is None:
            # The name ("ABCDEF+Arial-BoldMT") or the descriptor's ForceBold flag (bit 19).
            known = is_bold_font(name.decode("latin-1")) or bool(self._flags.value & (1 << 18))
            self._font_cache[name] = known
        return known

    def text(self) -> str:
        raw = self.raw
        n = raw.FPDFText_CountChars(self.tp)
        if n <= 0:
            return ""
        buf = (ctypes.c_ushort * (n + 1))()
        raw.FPDFText_GetText(self.tp, 0, n, buf)
        text = bytes(buf)[: n * 2].decode("utf-16-le", errors="replace")
        if len(text) != n:  # characters outside the BMP: fall back to one call per character
            text = "".join(chr(raw.FPDFText_GetUnicode(self.tp, i) or 0) for i in range(n))
        return text

    def lines(self, stats: PageStats) -> list[VLine]:
        text = self.text()
        out: list[VLine] = []
        start = 0
        n = len(text)
        i = 0
        while i <= n:
            ch = text[i] if i < n else "\n"
            if ch in "\r\n" or ch in _HYPHEN_MARKS:
                end = i + 1 if ch in _HYPHEN_MARKS else i
                if end > start:
                    line = self._line(text, start, end, stats)
                    if line is not None:
                        out.append(line)
                start = i + 1
            i += 1
        return out

    def _line(self, text: str, start: int, end: int, stats: PageStats) -> VLine | None:
        raw = self.raw
        tp = self.tp
        # Trim spaces; remember character indexes (they are the indexes into the page text).
        s, e = start, end
        while s < e and text[s] in " \t\u00a0":
            s += 1
        while e > s and text[e - 1] in " \t\u00a0":
            e -= 1
        if s >= e:
            return None
        chunk = text[s:e]
        if chunk[-1] in _HYPHEN_MARKS:
            chunk = chunk[:-1] + "-"
        left = self.box(s)[0]
        right = self.box(e - 1)[1]
        size = raw.FPDFText_GetFontSize(tp, s)
        baseline = self.height - self.origin_y(s)
        visible = len(chunk) - chunk.count(" ")
        stats.chars += visible
        if "\x00" in chunk or "\ufffd" in chunk:
            stats.unmapped += chunk.count("\x00") + chunk.count("\ufffd")
        elif raw.FPDFText_HasUnicodeMapError(tp, s):
            stats.unmapped += visible
        # Word gaps pdfium filled with a generated space: a wide one is a table column.
        first_space = chunk.find(" ")
        first_word = right - left
        if first_space > 0:
            first_word = self.box(s + first_space - 1)[1] - left
        pieces: list[str] | None = None
        pos = first_space
        cut = 0
        while pos > 0:
            k = s + pos
            if raw.FPDFText_IsGenerated(tp, k):
                gap = self.box(k + 1)[0] - self.box(k - 1)[1]
                if gap > TAB_GAP * size:
                    if pieces is None:
                        pieces = []
                    pieces.append(chunk[cut:pos].strip())
                    cut = pos + 1
            pos = chunk.find(" ", pos + 1)
        if pieces is not None:
            pieces.append(chunk[cut:].strip())
            chunk = "\t".join(pieces)
        chunk = chunk.replace("\x00", "").translate(_LIGATURES)
        bold = self.bold(s) and self.bold(e - 1)
        return VLine(chunk, self.number, left, right, baseline, size, bold, first_word)


def count_rulings(raw, page) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """(horizontal, vertical) ruling lines among the page's path objects: table candidates."""
    horizontal = vertical = 0
    n = raw.FPDFPage_CountObjects(page)
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    path = raw.FPDF_PAGEOBJ_PATH
    for i in range(n):
        obj = raw.FPDFPage_GetObject(page, i)
        if raw.FPDFPageObj_GetType(obj) != path:
            continue
        raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        w, h = right.value - left.value, top.value - bottom.value
        if h <= 3 and w >= 15:
            horizontal += 1
        elif w <= 3 and h >= 8:
            vertical += 1
        elif w >= 15 and h >= 8:  # a rectangle: a cell or a box, four rulings' worth
            horizontal += 2
            vertical += 2
    return horizontal, vertical


def extract(pdf, pages: range) -> tuple[list[PageLines], list[int], PageStats]:  # type: ignore[no-untyped-def]
    """Visual lines of the given pages (0-based), the 1-based pages that look like they hold a
    ruled table, and character statistics."""
    import pypdfium2.raw as raw

    stats = PageStats()
    out: list[PageLines] = []
    table_pages: list[int] = []
    for index in pages:
        page = pdf[index]
        try:
            width, height = page.get_size()
            textpage = page.get_textpage()
            try:
                reader = PdfiumPage(raw, textpage, index + 1, width, height)
                lines = reader.lines(stats)
            finally:
                textpage.close()
            h, v = count_rulings(raw, page)
            if h >= 2 and v >= 2:
                table_pages.append(index + 1)
        finally:
            page.close()
        out.append(PageLines(index + 1, width, height, lines))
    return out, table_pages, stats
