"""Read a PDF into a Document of paragraph lines, like the text inputs: one paragraph, heading or
item title a line, with page, font size, bold and position.

    read_pdf_bytes(data)                          # pypdfium2: fast, the default
    read_pdf_bytes(data, backend="pdfplumber")    # pdfminer geometry, ~100x slower

Both backends produce printed lines (pdf_pdfium.py, pdf_plumber.py); pdf_layout.py turns them
into paragraphs. Tables are read with pdfplumber, only on pages with ruling lines. Every
problem with the file is a one-line ReferatError; PDF libraries are imported here, lazily.
"""

from __future__ import annotations

import gc

from ..errors import ReferatError
from .document import Document
from .pdf_layout import PageLines, build_lines
from .pdf_pdfium import HeldPages, PageStats

BACKENDS = ("pypdfium2", "pdfplumber")
NO_TEXT = "no text layer — scanned PDF? OCR is not supported"
# Share of characters without a Unicode value above which the text is useless (an error), and
# above which it is worth a warning.
UNMAPPED_ERROR = 0.3
UNMAPPED_WARNING = 0.005

# pdfium error codes (FPDF_GetLastError)
_ERR_PASSWORD, _ERR_SECURITY = 4, 6


def read_pdf_bytes(data: bytes, *, backend: str = "pypdfium2", max_pages: int | None = None) -> Document:
    if backend not in BACKENDS:
        raise ReferatError("bad_option", f"unknown PDF backend {backend!r} (choose {' or '.join(BACKENDS)})")
    # Reading makes tens of objects a printed line (ctypes values, lines, paragraphs) and no
    # reference cycles worth collecting: the cyclic collector's passes over the whole heap cost
    # about a tenth of the reading (as for the pipeline, api._no_cyclic_gc).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _read(data, backend, max_pages)
    finally:
        if enabled:
            gc.enable()


def _read(data: bytes, backend: str, max_pages: int | None) -> Document:
    import pypdfium2 as pdfium

    pdf = _open(pdfium, data)
    try:
        count = len(pdf)
        if count == 0:
            raise ReferatError("corrupt_pdf", "corrupt PDF: no pages")
        if max_pages is not None and count > max_pages:
            raise ReferatError("too_many_pages", f"PDF has {count:,} pages, over the limit of {max_pages:,}")
        warnings: list[tuple[str, str]] = []
        pages, stats = _extract(pdf, data, backend, count, warnings)
    finally:
        pdf.close()
    _check_text(stats, pages, warnings)
    furniture: list[str] = []
    lines, tables = build_lines(pages, furniture)
    if not lines:
        raise ReferatError("no_text", NO_TEXT)
    return Document(lines=lines, format="pdf", pages=count, warnings=warnings, tables=tables,
                    furniture=list(dict.fromkeys(furniture)))


def _open(pdfium, data: bytes):  # type: ignore[no-untyped-def]
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (_ERR_PASSWORD, _ERR_SECURITY):
            raise ReferatError("encrypted", "encrypted PDF: it needs a password to open") from None
        if b"%%EOF" not in data[-2048:]:
            raise ReferatError("corrupt_pdf", "corrupt PDF: truncated (no end-of-file marker), cannot be opened") from None
        raise ReferatError("corrupt_pdf", "corrupt PDF: cannot be opened (damaged, or not really a PDF)") from None


def _extract(pdf, data: bytes, backend: str, count: int,  # type: ignore[no-untyped-def]
             warnings: list[tuple[str, str]]) -> tuple[list[PageLines], PageStats]:
    if backend == "pdfplumber":
        from . import pdf_plumber

        try:
            pages, stats = pdf_plumber.extract(data, range(count))
        except Exception as exc:  # pdfminer raises many types on damaged files
            raise ReferatError("corrupt_pdf", f"corrupt PDF: pdfplumber cannot read it ({type(exc).__name__})") from None
        _check_damaged(stats, count, warnings)
        return pages, stats
    from . import pdf_pdfium

    held = HeldPages()
    try:
        pages, table_pages, stats = pdf_pdfium.extract(pdf, range(count), held)
        _check_damaged(stats, count, warnings)
        if table_pages:
            _read_tables(pdf, pages, list(table_pages), held, warnings)
    finally:
        held.close()  # before the document is closed
    return pages, stats


def _read_tables(pdf, pages: list[PageLines], numbers: list[int], held: HeldPages,  # type: ignore[no-untyped-def]
                 warnings: list[tuple[str, str]]) -> None:
    """Ruled tables of the pages ``numbers``: grids by pdfplumber, cell text by pdfium."""
    from . import pdf_pdfium, pdf_plumber

    try:
        grids = pdf_plumber.grids_of(pdf_pdfium.table_subset(pdf, numbers), numbers)
        found = pdf_pdfium.fill_tables(pdf, grids, held)
    except Exception as exc:  # tables are a bonus: a damaged file keeps its text
        warnings.append(("tables_skipped", f"tables not read ({type(exc).__name__})"))
    else:
        for page in pages:
            page.tables = found.get(page.number, [])


def _check_damaged(stats: PageStats, count: int, warnings: list[tuple[str, str]]) -> None:
    if stats.damaged:
        if len(stats.damaged) == count:
            raise ReferatError("corrupt_pdf", "corrupt PDF: no page can be read")
        shown = ", ".join(map(str, stats.damaged[:10])) + (" ..." if len(stats.damaged) > 10 else "")
        warnings.append(("damaged_pages", f"{len(stats.damaged)} page(s) could not be read: {shown}"))


def _check_text(stats: PageStats, pages: list[PageLines], warnings: list[tuple[str, str]]) -> None:
    if stats.chars == 0:
        raise ReferatError("no_text", NO_TEXT)
    share = stats.unmapped / stats.chars
    if share > UNMAPPED_ERROR:
        raise ReferatError("no_unicode", f"fonts without a Unicode map: {share:.0%} of the characters cannot be "
                                         "decoded (they come out as (cid:NN) glyph codes)")
    if share > UNMAPPED_WARNING:
        warnings.append(("no_unicode", f"{stats.unmapped} character(s) in fonts without a Unicode map were not decoded"))
    empty = [page.number for page in pages if not page.lines]
    if empty:
        shown = ", ".join(map(str, empty[:10])) + (" ..." if len(empty) > 10 else "")
        warnings.append(("pages_without_text", f"{len(empty)} page(s) without a text layer (scanned?): {shown}"))
