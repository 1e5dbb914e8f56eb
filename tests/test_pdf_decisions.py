"""The PDF reader's part in reading decisions (issue 9 family 6, issue 10): a dated decision heading
that fills its line ends its paragraph, a block-ending gap marks where a decision's text ends, the
line pitch of PDFs that report a larger font size than the type is set in, and running lines in
small print below a letterhead. All snippets are invented."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from referat_parser.api import ParseOptions, parse_bytes
from referat_parser.read.pdf import read_pdf_bytes
from referat_parser.read.pdf_layout import (
    PageLines,
    VLine,
    _new_block_on_new_page,
    drop_running_lines,
    paragraphs,
)

# --- paragraphs: a dated heading that fills its line, the pitch, block-ending gaps ----------------

RIGHT = 500.0


def _page(rows: list[tuple[str, float, float, bool]], size: float = 10.0) -> PageLines:
    """Lines (text, baseline, right end, bold) at the left margin 50; the first word's width is rough."""
    lines = [VLine(text, 1, 50.0, x1, baseline, size, bold, first_word=6.0 * len(text.split()[0]))
             for text, baseline, x1, bold in rows]
    return PageLines(1, 595.0, 842.0, lines)


FILLED = [("Forvaltningen har gennemgået sagen og foreslår en ny plan for stierne i", 100, RIGHT, False),
          ("parken og ved skolen, som beskrevet i bilaget til denne sag om stierne.", 112, 480, False),
          ("Endnu et afsnit om planen for de mange stier, der skal anlægges i parken", 136, RIGHT, False),
          ("og ved skolen, som beskrevet i bilaget.", 148, 300, False),
          ("Kulturudvalgets beslutning den 01.02.2012 Punkt 4", 172, RIGHT - 1, False),
          ("Indstillingen godkendt", 184, 180, False)]


def test_a_dated_heading_that_fills_its_line_ends_its_paragraph():
    texts = [line.text for line in paragraphs([_page(FILLED)])]
    assert texts[-1] == "Indstillingen godkendt"


def test_a_long_sentence_that_fills_its_line_continues():
    rows = [*FILLED[:4], ("Udvalget besluttede den 01.02.2012 at sende sagen videre i punkt 4 til", 172, RIGHT - 1, False),
            ("Byrådet med en anbefaling.", 184, 200, False)]
    texts = [line.text for line in paragraphs([_page(rows)])]
    assert texts[-1].endswith("til Byrådet med en anbefaling.")


def _spaced(pitch: float, paragraph_gap: float, break_gap: float) -> PageLines:
    rows, y = [], 100.0
    for n in range(4):  # prose paragraphs of two lines each
        rows.append((f"Afsnit {n} om planen for de mange nye stier, der skal anlægges i parken", y, RIGHT, False))
        rows.append(("og ved skolen, som beskrevet.", y + pitch, 250, False))
        y += pitch + paragraph_gap
    rows.append(("Godkendt.", y, 120, False))
    rows.append(("Forslaget handler om stier.", y + break_gap, 240, False))
    return _page(rows, size=16.0)  # the PDF reports a size larger than the type is set


def test_a_gap_wider_than_the_paragraph_gap_ends_a_block():
    lines = paragraphs([_spaced(pitch=12.2, paragraph_gap=12.2, break_gap=17.7)])
    assert [line.text for line in lines if line.gap_before] == ["Forslaget handler om stier."]
    assert lines[0].text.endswith("som beskrevet.")  # the pitch is found although size says 16


def test_the_usual_paragraph_gap_ends_no_block():
    lines = paragraphs([_spaced(pitch=12.2, paragraph_gap=24.4, break_gap=24.4)])
    assert not any(line.gap_before for line in lines)


# --- end to end: a PDF whose decision is followed by the item's description -----------------------

def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and stringWidth(candidate, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line]


PROSE = ("Forvaltningen har gennemgået de mange henvendelser om stierne i parken og ved skolen, og den "
         "foreslår en samlet plan for de nye stier, der anlægges i de kommende år.")


def _decision_pdf() -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(595, 842))
    y = 780.0

    def put(text: str, font: str = "Helvetica", size: float = 10, after: float = 12.2) -> None:
        nonlocal y
        c.setFont(font, size)
        c.drawString(57, y, text)
        y -= after

    put("Punkt 1: Nye stier i parken", "Helvetica-Bold", 13, 20)
    put("Beslutninger", "Helvetica-Bold", 12, 15)
    put("Godkendt med den bemærkning, at stierne belyses.")
    put("Et mindretal (Ø) kunne ikke tiltræde.", after=18.3)  # the block ends: a wider gap
    put("Forslaget vedrører en samlet plan for stierne.", after=18)
    put("Resume", "Helvetica-Bold", 12, 15)
    for n in range(4):  # prose paragraphs, set without extra space between them
        for line in _wrap(f"{n + 1}. afsnit. {PROSE}", "Helvetica", 10, 470):
            put(line)
    c.showPage()
    c.save()
    return out.getvalue()


@pytest.mark.parametrize("backend", ["pypdfium2", "pdfplumber"])
def test_decision_ends_before_the_description(backend):
    data = _decision_pdf()
    assert [line.text for line in read_pdf_bytes(data, backend=backend).lines if line.gap_before] == [
        "Forslaget vedrører en samlet plan for stierne."]
    item = parse_bytes(data, options=ParseOptions(pdf_backend=backend)).items[0]
    assert item.decision.text == "Godkendt med den bemærkning, at stierne belyses.\nEt mindretal (Ø) kunne ikke tiltræde."
    assert [s.heading for s in item.sections] == ["Beslutninger", "Resume"]


# --- running headers in small print below the letterhead -------------------------------------------

def _furnished(number: int) -> PageLines:
    """A page whose small-print running lines stand below a letterhead, outside the usual margin."""
    lines = [VLine("Dato: 04.12.2020", number, 480, 560, 133, 7.9, False),
             VLine(f"Side {number}", number, 530, 560, 143, 7.9, False),
             VLine("EMN-2020-000123", number, 57, 140, 150, 10.1, False),  # body size: an item's case number
             *(VLine(f"Brødtekst linje {k} på siden.", number, 57, 300, 200 + 12 * k, 10.1, False) for k in range(5))]
    return PageLines(number, 595, 842, lines)


def test_small_print_recurring_below_the_margin_is_page_furniture():
    pages = [_furnished(n) for n in (1, 2, 3)]
    assert drop_running_lines(pages) == 6
    assert [ln.text for ln in pages[0].lines][:2] == ["EMN-2020-000123", "Brødtekst linje 0 på siden."]


# --- a new block at the top of a page ---------------------------------------------------------------

def _two_pages(first_of_page_two: str) -> list[PageLines]:
    one = [VLine("Forvaltningen tager spørgsmålet med hjem og vender tilbage på næste møde i gruppen.",
                 1, 50.0, RIGHT, 700.0, 10.0, False, 60.0),
           VLine("Gruppen drøftede også den nye plan for de mange stier i parken ved skolen, og den.",
                 1, 50.0, RIGHT, 712.0, 10.0, False, 60.0)]
    two = [VLine(first_of_page_two, 2, 50.0, 250.0, 90.0, 10.0, False, 20.0),
           VLine("Mere tekst.", 2, 50.0, 120.0, 102.0, 10.0, False, 25.0)]
    return [PageLines(1, 595.0, 842.0, one), PageLines(2, 595.0, 842.0, two)]


@pytest.mark.parametrize("first", ["1.2 Status på udviklingsønsker", "Referat:"])
def test_a_heading_or_numbered_entry_after_a_page_break_starts_a_block(first):
    texts = [line.text for line in paragraphs(_two_pages(first))]
    assert first in texts


@pytest.mark.parametrize(("paragraph", "first"), [
    ("Gruppen drøftede den nye plan for stierne i parken, og den", "1.2 Status på udviklingsønsker"),  # unfinished
    ("Gruppen drøftede den nye plan for stierne i parken.", "fortsætter her med mere tekst."),  # no block
    ("Gruppen drøftede den nye plan for stierne i parken.", "12. maj blev planen sendt i høring."),
])
def test_a_continuation_on_the_next_page_is_no_new_block(paragraph, first):
    prev = VLine(paragraph, 1, 50.0, RIGHT, 712.0, 10.0, False, 60.0)
    cur = VLine(first, 2, 50.0, 250.0, 90.0, 10.0, False, 20.0)
    assert not _new_block_on_new_page(paragraph, prev, cur)
