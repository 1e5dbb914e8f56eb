"""pypdfium2 backend: the page text in one call, geometry and font from a few calls per line.

Cost is kept to a handful of ctypes calls per printed line (not per character): the whole page
text comes from one ``FPDFText_GetText``; pdfium already marks line ends ("\\r\\n") and the word
gaps it filled with generated spaces. For each line we ask for the box of its first and last
character, the end of its first word, its font and size, and the rectangles of its text objects
(to tell a word gap from a table-column gap).

pdfium replaces a line-end hyphen by U+FFFE (FPDFText_GetText) and does *not* end the line
there; it is turned back into "-" plus a line break. Glyphs without a Unicode value come out as
control characters; they are counted (for the ``no_unicode`` check) and shown as U+FFFD.
"""

from __future__ import annotations

import ctypes
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import SimpleNamespace

from .pdf_layout import TAB_GAP, PageLines, VLine, is_bold_font, join_cell, justified_gaps

_BLANKS = " \t\u00a0"  # trimmed from the ends of a line
# Characters pdfium gives for glyphs it cannot map to Unicode (no ToUnicode map, custom encoding).
_UNMAPPED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]")
_LINE_BREAK = re.compile("[\r\n\ufffe]")  # inside a piece of the page text without "\r\n"
_LIGATURE_CHARS = "\ufb00\ufb01\ufb02\ufb03\ufb04"
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"})


@dataclass
class PageStats:
    chars: int = 0  # non-space characters
    unmapped: int = 0  # characters without a Unicode value (no ToUnicode map)
    damaged: list[int] = field(default_factory=list)  # 1-based pages that could not be read


def _prototype(bound, restype, argtypes):  # type: ignore[no-untyped-def]
    """A new prototype for the library function that pypdfium2's ``bound`` calls, with its calling
    convention (the flags of pypdfium2's own function class, so cdecl or stdcall as the library
    was loaded) and the given result and argument types (None: no argument conversion)."""
    # What ctypes.CFUNCTYPE does, with the flags taken from the library's own functions; the
    # class attributes are read when the class is made, so they go into its namespace.
    namespace = {"_flags_": type(bound)._flags_, "_restype_": restype}
    if argtypes is not None:
        namespace["_argtypes_"] = tuple(argtypes)
    prototype = type("PdfiumPrototype", (ctypes._CFuncPtr,), namespace)  # type: ignore[attr-defined]
    return prototype(ctypes.cast(bound, ctypes.c_void_p).value)


@functools.cache
def _native(raw):  # type: ignore[no-untyped-def]
    """FPDFText_GetFontInfo (once or twice a line) as a ctypes prototype over plain addresses
    (c_void_p): pypdfium2's own prototype takes typed pointers, which cost more to convert to
    (cachegrind). Same library function. The other per-line functions are in _untyped."""
    address, i = ctypes.c_void_p, ctypes.c_int

    def bind(name: str, restype, *argtypes):  # type: ignore[no-untyped-def]
        return _prototype(getattr(raw, name), restype, argtypes)

    # FPDFText_GetFontInfo takes an unsigned long, which _untyped cannot pass.
    return SimpleNamespace(
        font_info=bind("FPDFText_GetFontInfo", ctypes.c_ulong, address, i, address, ctypes.c_ulong, address),
    )


@functools.cache
def _untyped(raw):  # type: ignore[no-untyped-def]
    """The functions called most (per line, per rectangle, per page object) as prototypes
    without argument types: ctypes then passes each argument as the object it is, with no
    converter call (a format look-up and a new argument object for each), which halves the
    cost of a call (400 -> 200 ns). The price is that ctypes checks nothing, so the callers
    keep to the C signatures strictly: each of these functions takes pointers and C ints only;
    a pointer is passed as a ``ctypes.byref`` object (made once per page, see ``_ref``) or as
    the pointer object get_object returned, an int as a Python int (a C int; never an address:
    it would be cut to 32 bits)."""
    i, d = ctypes.c_int, ctypes.c_double

    def bind(name: str, restype):  # type: ignore[no-untyped-def]
        return _prototype(getattr(raw, name), restype, None)

    return SimpleNamespace(
        loose_box=bind("FPDFText_GetLooseCharBox", i),  # (FPDF_TEXTPAGE, int, FS_RECTF*) -> FPDF_BOOL
        font_size=bind("FPDFText_GetFontSize", d),  # (FPDF_TEXTPAGE, int) -> double
        origin=bind("FPDFText_GetCharOrigin", i),  # (FPDF_TEXTPAGE, int, double*, double*) -> FPDF_BOOL
        count_rects=bind("FPDFText_CountRects", i),  # (FPDF_TEXTPAGE, int, int) -> int
        # (FPDF_TEXTPAGE, int, double* left, double* top, double* right, double* bottom) -> FPDF_BOOL
        get_rect=bind("FPDFText_GetRect", i),
        # (FPDF_PAGE, int) -> FPDF_PAGEOBJECT, kept a ctypes pointer object (not made an int), so
        # that it passes on to the functions below as the pointer it is.
        get_object=bind("FPDFPage_GetObject", ctypes.POINTER(ctypes.c_char)),
        object_type=bind("FPDFPageObj_GetType", i),  # (FPDF_PAGEOBJECT) -> int
        # (FPDF_PAGEOBJECT, float* left, float* bottom, float* right, float* top) -> FPDF_BOOL
        object_bounds=bind("FPDFPageObj_GetBounds", i),
        remove_object=bind("FPDFPage_RemoveObject", i),  # (FPDF_PAGE, FPDF_PAGEOBJECT) -> FPDF_BOOL
        destroy_object=bind("FPDFPageObj_Destroy", None),  # (FPDF_PAGEOBJECT) -> void
    )


def _ref(address: int):  # type: ignore[no-untyped-def]
    """A pointer argument for the _untyped functions: a reference to the object at ``address``
    (a handle pdfium gave out; nothing is read from it here)."""
    return ctypes.byref(ctypes.c_char.from_address(address))


def _address(handle) -> int:  # type: ignore[no-untyped-def]
    """The address a pypdfium2 raw handle (a typed pointer) holds."""
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


class PdfiumPage:
    """Extract the visual lines of one page (the page and text page are closed by the caller).

    A line costs a handful of pdfium calls; they go to the _native prototypes with the text
    page's address and the addresses of reused result buffers, bound once per page."""

    def __init__(self, raw, textpage, number: int, width: float, height: float) -> None:  # type: ignore[no-untyped-def]
        self.raw = raw
        self.tp = getattr(textpage, "raw", textpage)  # the FPDF_TEXTPAGE handle itself
        self.number = number
        self.height = height
        self.width = width
        self.native = _native(raw)
        self.untyped = _untyped(raw)
        self.at = _address(self.tp)
        self.ref = _ref(self.at)
        # Result buffers, kept alive with the page (pdfium writes to them), and references to them.
        self._rect = raw.FS_RECTF()
        self._rect_ref = ctypes.byref(self._rect)
        self._x, self._y = ctypes.c_double(), ctypes.c_double()
        self._xy_ref = (ctypes.byref(self._x), ctypes.byref(self._y))
        self._ltrb = (ctypes.c_double * 4)()  # left, top, right, bottom of a rectangle
        self._ltrb_ref = tuple(ctypes.byref(self._ltrb, 8 * k) for k in range(4))
        self._font_cache: dict[bytes, bool] = {}
        self._namebuf = ctypes.create_string_buffer(256)
        self._flags = ctypes.c_int()
        self._font_at = (ctypes.addressof(self._namebuf), 256, ctypes.addressof(self._flags))
        self._ligatures = False
        self._unmapped = False  # the page has characters without a Unicode value
        self._chars = 0
        self._unmapped_count = 0

    def bold(self, index: int) -> bool:
        n = self.native.font_info(self.at, index, *self._font_at)
        name = self._namebuf.raw[: max(0, n - 1)]
        known = self._font_cache.get(name)
        if known is None:
            # The name ("ABCDEF+Arial-BoldMT") or the descriptor's ForceBold flag (bit 19).
            known = is_bold_font(name.decode("latin-1")) or bool(self._flags.value & (1 << 18))
            self._font_cache[name] = known
        return known

    def _column_gaps(self, s: int, e: int, size: float, chunk: str) -> list[int]:
        """Positions in ``chunk`` (which holds a space) of the spaces that stand for a column
        gap (a tab).

        pdfium's rectangles for a character range break where the text object changes; a gap
        wider than TAB_GAP font sizes between two of them is a column. Its position is the
        space before the character found at the right-hand rectangle's left edge. Two calls for
        a line drawn as one text object; one per word when words are drawn separately."""
        untyped, tp = self.untyped, self.ref
        n = untyped.count_rects(tp, s, e - s)
        if n <= 1:
            return []
        get_rect = untyped.get_rect
        ltrb = self._ltrb
        left, top, right, bottom = self._ltrb_ref
        wide: list[tuple[float, float]] = []  # (x, y) of the right-hand side of each wide gap
        gaps: list[float] = []
        limit = TAB_GAP * size
        get_rect(tp, 0, left, top, right, bottom)
        prev_right = ltrb[2]
        for i in range(1, n):
            get_rect(tp, i, left, top, right, bottom)
            gap = ltrb[0] - prev_right
            gaps.append(gap)
            if gap > limit:
                wide.append((ltrb[0] + 0.5, (ltrb[1] + ltrb[3]) / 2))
            prev_right = ltrb[2]
        if not wide or justified_gaps(gaps):
            return []
        found: list[int] = []
        for x, y in wide:
            pos = self.raw.FPDFText_GetCharIndexAtPos(self.tp, x, y, 1.0, 1.0) - s - 1
            if 0 < pos < len(chunk) and chunk[pos] == " ":
                found.append(pos)
        return found

    def text(self) -> str:
        raw = self.raw
        n = raw.FPDFText_CountChars(self.tp)
        if n <= 0:
            return ""
        buf = (ctypes.c_ushort * (n + 1))()
        raw.FPDFText_GetText(self.tp, 0, n, buf)
        text = ctypes.string_at(buf, n * 2).decode("utf-16-le", errors="replace")
        if len(text) != n:  # characters outside the BMP: fall back to one call per character
            text = "".join(chr(raw.FPDFText_GetUnicode(self.tp, i) or 0) for i in range(n))
        return text

    def lines(self, stats: PageStats) -> list[VLine]:
        text = self.text()
        # Five substring tests are cheaper than a regex scan of the page (and nearly free for a
        # page of Latin-1 text, which cannot hold these characters).
        self._ligatures = any(ligature in text for ligature in _LIGATURE_CHARS)
        # Most pages have none: then no line needs looking at for them.
        self._unmapped = _UNMAPPED.search(text) is not None
        self._chars = self._unmapped_count = 0
        out: list[VLine] = []
        line = self._line
        for start, end in _line_spans(text):
            found = line(text, start, end)
            if found is not None:
                out.append(found)
        stats.chars += self._chars
        stats.unmapped += self._unmapped_count
        return out

    def _line(self, text: str, start: int, end: int) -> VLine | None:
        # Trim spaces; remember character indexes (they are the indexes into the page text).
        chunk = text[start:end].lstrip(_BLANKS)
        s = end - len(chunk)
        chunk = chunk.rstrip(_BLANKS)
        if not chunk:
            return None
        e = s + len(chunk)
        if chunk[-1] == "\ufffe":
            chunk = chunk[:-1] + "-"
        untyped, tp, rect, rect_at = self.untyped, self.ref, self._rect, self._rect_ref
        loose_box = untyped.loose_box
        loose_box(tp, s, rect_at)
        left = rect.left
        loose_box(tp, e - 1, rect_at)
        right = rect.right
        size = round(untyped.font_size(tp, s), 1)
        untyped.origin(tp, s, *self._xy_ref)
        baseline = self.height - self._y.value
        spaces = chunk.count(" ")
        self._chars += len(chunk) - spaces
        if self._unmapped:
            unmapped = len(_UNMAPPED.findall(chunk))
            if unmapped:
                self._unmapped_count += unmapped
                chunk = _UNMAPPED.sub("\ufffd", chunk)
        first_word = right - left
        if spaces:
            # Word gaps pdfium filled with a generated space: a wide one is a table column.
            loose_box(tp, s + chunk.find(" ") - 1, rect_at)
            first_word = rect.right - left
            cuts = self._column_gaps(s, e, size, chunk)
            if cuts:
                chunk = _cut_columns(chunk, cuts)
        if self._ligatures:
            chunk = chunk.translate(_LIGATURES)
        bold = self.bold(s) and (e - 1 == s or self.bold(e - 1))
        return VLine(chunk, self.number, left, right, baseline, size, bold, first_word)


def _line_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty line of a page's text. Lines end at "\r\n", at a lone
    "\r" or "\n", and at a hyphen mark (U+FFFE), which belongs to its line. Splitting at "\r\n"
    first, and scanning only the pieces that hold another line end, is cheaper than one
    regex scan of the whole text (the pieces are the lines, mostly)."""
    start = 0
    for piece in text.split("\r\n"):
        end = start + len(piece)
        if "\ufffe" in piece or "\r" in piece or "\n" in piece:
            yield from _inner_spans(text, start, end)
        elif piece:
            yield start, end
        start = end + 2


def _inner_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The lines of text[start:end] (no "\r\n" in it), as _line_spans."""
    for match in _LINE_BREAK.finditer(text, start, end):
        cut = match.start()
        stop = cut + 1 if text[cut] == "\ufffe" else cut  # a hyphen mark belongs to its line
        if stop > start:
            yield start, stop
        start = cut + 1
    if start < end:
        yield start, end


def _cut_columns(chunk: str, cuts: list[int]) -> str:
    """The line with the spaces at ``cuts`` (column gaps) made tabs, the cells stripped."""
    pieces: list[str] = []
    cut = 0
    for pos in cuts:
        pieces.append(chunk[cut:pos].strip())
        cut = pos + 1
    pieces.append(chunk[cut:].strip())
    return "\t".join(pieces)


Region = tuple[float, float, float, float]  # left, bottom, right, top (PDF coordinates)


def ruled_region(raw, page) -> Region | None:  # type: ignore[no-untyped-def]
    """The box around the page's table rulings, or None when the page has no ruled table: at
    least two vertical and two horizontal rulings (path objects) crossing the same region. A
    rule under a running header, or a box around a paragraph, is not a table."""
    bounds = (ctypes.c_float * 4)()  # left, bottom, right, top
    corners = tuple(ctypes.byref(bounds, 4 * k) for k in range(4))
    path = raw.FPDF_PAGEOBJ_PATH
    horizontal: list[Region] = []
    vertical: list[Region] = []
    # Hundreds of text objects a page are looked at, for a few paths: _untyped's prototypes.
    untyped = _untyped(raw)
    get_object, object_type, object_bounds = untyped.get_object, untyped.object_type, untyped.object_bounds
    handle = getattr(page, "raw", page)
    count = raw.FPDFPage_CountObjects(handle)
    if count <= 0:
        return None
    at_page = _ref(_address(handle))
    for i in range(count):
        obj = get_object(at_page, i)
        if object_type(obj) != path:
            continue
        object_bounds(obj, *corners)
        box = (bounds[0], bounds[1], bounds[2], bounds[3])
        w, h = box[2] - box[0], box[3] - box[1]
        if h <= 3 and w >= 15:
            horizontal.append(box)
        elif w <= 3 and h >= 8:
            vertical.append(box)
        elif w >= 15 and h >= 8:  # a rectangle (a cell): two rulings each way
            horizontal += [box, box]
            vertical += [box, box]
    if len(vertical) < 2 or len(horizontal) < 2:
        return None
    y0, y1 = min(b[1] for b in vertical), max(b[3] for b in vertical)
    x0, x1 = min(b[0] for b in vertical), max(b[2] for b in vertical)
    crossing = [b for b in horizontal if y0 - 2 <= b[1] <= y1 + 2 and b[0] <= x1 and b[2] >= x0]
    if len(crossing) < 2:
        return None
    return (min(x0, *(b[0] for b in crossing)), y0, max(x1, *(b[2] for b in crossing)), y1)


def table_subset(pdf, numbers: list[int]) -> bytes:  # type: ignore[no-untyped-def]
    """A PDF of only the given pages (1-based, in order) with their text objects removed:
    pdfplumber finds the table grids from the rulings alone, without parsing fonts and text
    (which cost it more than the rest of the reader); the cell text comes from pdfium."""
    import io

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    untyped = _untyped(raw)
    get_object, object_type, text = untyped.get_object, untyped.object_type, raw.FPDF_PAGEOBJ_TEXT
    sub = pdfium.PdfDocument.new()
    try:
        sub.import_pages(pdf, [n - 1 for n in numbers])
        for index in range(len(numbers)):
            page = sub[index]
            try:
                at = _ref(_address(page.raw))
                for i in range(raw.FPDFPage_CountObjects(page) - 1, -1, -1):
                    obj = get_object(at, i)
                    if object_type(obj) == text and untyped.remove_object(at, obj):
                        untyped.destroy_object(obj)
                raw.FPDFPage_GenerateContent(page)
            finally:
                page.close()
        buf = io.BytesIO()
        sub.save(buf)
    finally:
        sub.close()
    return buf.getvalue()


# Pages with a ruled region kept open for the table step: each adds the memory of its parsed
# page and text page to the peak (0.5 MB each measured on a 120-page file with 80 table pages:
# peak RSS 90 MB, 107 MB with 32 held), so a document with tables on more pages loads the rest
# again when their cells are read.
HELD_PAGES_MAX = 16


@dataclass(slots=True)
class HeldPage:
    page: object  # FPDF_PAGE
    textpage: object  # FPDF_TEXTPAGE
    height: float


@dataclass
class HeldPages:
    """Open pages (by 1-based number) that may hold a ruled table: the table step reads their
    cells from the text page the line extraction made, instead of parsing the page again (a
    page and text page load is most of the cost of reading a table's cells). The owner closes
    them, before the document."""

    limit: int = HELD_PAGES_MAX
    pages: dict[int, HeldPage] = field(default_factory=dict)

    def keep(self, number: int, page, textpage, height: float) -> bool:  # type: ignore[no-untyped-def]
        """Take over the page and text page handles, unless the limit is reached."""
        if len(self.pages) >= self.limit:
            return False
        self.pages[number] = HeldPage(page, textpage, height)
        return True

    def close(self) -> None:
        import pypdfium2.raw as raw

        for kept in self.pages.values():
            raw.FPDFText_ClosePage(kept.textpage)
            raw.FPDF_ClosePage(kept.page)
        self.pages.clear()


Cell = tuple[float, float, float, float]  # x0, top, x1, bottom (top-down, as pdfplumber)
Grid = tuple[float, float, float, float, list[list[Cell | None]]]  # table box, rows of cells


def fill_tables(pdf, grids: dict[int, list[Grid]], held: HeldPages | None = None,  # type: ignore[no-untyped-def]
                ) -> dict[int, list[tuple[float, float, float, float, list[list[str | None]]]]]:
    """The text of every cell of the given table grids (by 1-based page), read with pdfium;
    wrapped cell lines are joined like paragraph lines. A page ``held`` open from the line
    extraction is read from its text page; another is loaded again."""
    import pypdfium2.raw as raw

    filled: dict[int, list[tuple[float, float, float, float, list[list[str | None]]]]] = {}
    for number, tables in grids.items():
        if not tables:
            filled[number] = []
            continue
        kept = held.pages.get(number) if held is not None else None
        if kept is not None:
            filled[number] = _fill_page(raw, kept.textpage, kept.height, tables)
            continue
        page = pdf[number - 1]
        try:
            height = page.get_size()[1]
            textpage = page.get_textpage()
            try:
                filled[number] = _fill_page(raw, textpage, height, tables)
            finally:
                textpage.close()
        finally:
            page.close()
    return filled


def _fill_page(raw, textpage, height: float,  # type: ignore[no-untyped-def]
               tables: list[Grid]) -> list[tuple[float, float, float, float, list[list[str | None]]]]:
    """The filled tables of one page, the grids that keep two rows of two cells with text."""
    out = []
    buf = (ctypes.c_ushort * CELL_BUFFER)()  # one buffer for the page's cells
    for x0, top, x1, bottom, rows in tables:
        cells = [[_cell_text(raw, textpage, cell, height, buf) if cell is not None else None for cell in row]
                 for row in rows]
        cells = [row for row in cells if any(row)]
        if len(cells) >= 2 and max(len(row) for row in cells) >= 2:
            out.append((x0, top, x1, bottom, cells))
    return out


# UTF-16 units of a cell's text read in one FPDFText_GetBoundedText call; a longer text is
# read the two-call way (length, then text).
CELL_BUFFER = 4096


def _cell_text(raw, textpage, cell: Cell, height: float, buf) -> str:  # type: ignore[no-untyped-def]
    x0, top, x1, bottom = cell
    args = (textpage, x0, height - top, x1, height - bottom)
    # pdfium looks through every character of the page for each call. One call into a buffer
    # large enough gives the text the two-call way gives (length in wchar_t, then that many
    # UTF-16 units and one more) whenever there is no surrogate pair, where the two differ
    # (wchar_t is 32 bits on Linux and the text was cut short); otherwise the two calls.
    units = raw.FPDFText_GetBoundedText(*args, buf, CELL_BUFFER)
    if units <= 0:
        return ""
    text = ctypes.string_at(buf, units * 2).decode("utf-16-le", errors="replace")
    if units >= CELL_BUFFER or len(text) != units:
        text = _cell_text_two_calls(raw, args)
    return _cell_lines(text.rstrip("\x00"))


def _cell_text_two_calls(raw, args) -> str:  # type: ignore[no-untyped-def]
    n = raw.FPDFText_GetBoundedText(*args, None, 0)
    if n <= 0:
        return ""
    buf = (ctypes.c_ushort * (n + 1))()
    n = raw.FPDFText_GetBoundedText(*args, buf, n + 1)
    return bytes(buf)[: max(0, n) * 2].decode("utf-16-le", errors="replace")


def _cell_lines(text: str) -> str:
    # Line ends ("\r\n") and hyphen marks (U+0002 here, U+FFFE in GetText) become line breaks.
    text = text.replace("\r\n", "\n").replace("\x02", "-\n").replace("\ufffe", "-\n")
    return join_cell(_UNMAPPED.sub("\ufffd", text))


def extract(pdf, pages: range, held: HeldPages | None = None,  # type: ignore[no-untyped-def]
            ) -> tuple[list[PageLines], dict[int, Region], PageStats]:
    """Visual lines of the given pages (0-based), the ruled regions of pages that look like
    they hold a table (by 1-based page), and character statistics. Pages with a ruled region
    are given to ``held`` (which may keep them open for the table step) instead of closed."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    stats = PageStats()
    out: list[PageLines] = []
    table_pages: dict[int, Region] = {}
    # Raw page and text page handles: pypdfium2's wrapper objects (parent links, finalizers) are
    # not needed for pages opened and closed here. The document has no form environment, so
    # FPDF_LoadPage is all PdfDocument.get_page does.
    doc = pdf.raw
    for index in pages:
        page = raw.FPDF_LoadPage(doc, index)
        if not page:  # a damaged page object: keep the rest of the document
            stats.damaged.append(index + 1)
            continue
        kept = False
        try:
            width, height = raw.FPDF_GetPageWidthF(page), raw.FPDF_GetPageHeightF(page)
            textpage = raw.FPDFText_LoadPage(page)
            if not textpage:
                raise pdfium.PdfiumError("Failed to load text page.")
            try:
                reader = PdfiumPage(raw, textpage, index + 1, width, height)
                lines = reader.lines(stats)
                region = ruled_region(raw, page)
                if region is not None:
                    table_pages[index + 1] = region
                    kept = held is not None and held.keep(index + 1, page, textpage, height)
            finally:
                if not kept:
                    raw.FPDFText_ClosePage(textpage)
        finally:
            if not kept:
                raw.FPDF_ClosePage(page)
        out.append(PageLines(index + 1, width, height, lines))
    return out, table_pages, stats
