"""PDF input (issue 3): a PDF parses like the same minutes given as text.

The fixture PDFs in fixtures/pdf/ are the seed texts typeset by tools/make_pdf_fixtures.py in two
layouts (Helvetica with paragraph spacing; embedded serif, per-word drawing, no spacing), with
running headers, "Side N af M" footers, hyphenation and ruled tables. Each must give back the
seed's lines, and then the same meeting.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from referat_parser.api import ParseOptions, parse_file
from referat_parser.errors import CODES, ReferatError
from referat_parser.lexicon.words import join_text
from referat_parser.read.pdf import NO_TEXT, read_pdf_bytes

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
PDFS = sorted((FIXTURES / "pdf").glob("*.pdf"))
BACKENDS = ("pypdfium2", "pdfplumber")
STEMS = [p.stem for p in PDFS]


def _text_lines(stem: str) -> list[str]:
    """The seed's non-blank lines, with runs of spaces collapsed (tabs kept: table columns)."""
    text = (FIXTURES / f"{stem}.txt").read_text(encoding="utf-8")
    return [re.sub(r" {2,}", " ", line).strip(" ") for line in text.splitlines() if line.strip()]


def _ws(text: str | None) -> str | None:
    return " ".join(text.split()) if text is not None else None


def _items(meeting) -> list[dict]:  # type: ignore[no-untyped-def]
    return [{
        "number": item.number,
        "title": _ws(item.title),
        "headings": [_ws(s.heading) for s in item.sections],
        "decision": _ws(item.decision.text) if item.decision else None,
        "outcome": item.decision.outcome if item.decision else None,
    } for item in meeting.items]


def test_fixtures_exist():
    assert {"002_25770b6235e3460e", "003_f9388b16bac5857a", "004_427661368110dddd"} <= set(STEMS)
    assert sum(p.stat().st_size for p in PDFS) < 1_000_000


# --- the line stream ---------------------------------------------------------------------------

@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("stem", STEMS)
def test_lines_are_the_text_lines(stem, backend):
    """Wrapped lines joined, hyphenation undone, headers/footers gone, table rows tab-separated:
    the PDF's paragraph lines are exactly the seed's lines."""
    doc = read_pdf_bytes((FIXTURES / "pdf" / f"{stem}.pdf").read_bytes(), backend=backend)
    assert [line.text for line in doc.lines] == _text_lines(stem)
    assert doc.format == "pdf"
    assert doc.pages and doc.pages >= 2
    pages = [line.page for line in doc.lines]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] == doc.pages
    assert all(line.size and line.top is not None for line in doc.lines)


@pytest.mark.parametrize("stem", STEMS)
def test_backends_agree(stem):
    path = FIXTURES / "pdf" / f"{stem}.pdf"
    docs = [read_pdf_bytes(path.read_bytes(), backend=backend) for backend in BACKENDS]
    key = [[(ln.text, ln.page, ln.bold, ln.size) for ln in doc.lines] for doc in docs]
    assert key[0] == key[1]
    assert docs[0].tables == docs[1].tables
    meetings = [parse_file(path, options=ParseOptions(pdf_backend=backend)) for backend in BACKENDS]
    assert meetings[0].model_dump() == meetings[1].model_dump()


def test_headings_and_titles_are_bold():
    doc = read_pdf_bytes((FIXTURES / "pdf" / "003_f9388b16bac5857a.pdf").read_bytes())
    by_text = {line.text: line for line in doc.lines}
    assert by_text["Punkt 41: Godkendelse af dagsorden"].bold is True
    assert by_text["Sagsfremstilling"].bold is True
    assert by_text["Godkendt."].bold is False
    assert by_text["Punkt 41: Godkendelse af dagsorden"].size > by_text["Sagsfremstilling"].size


def test_running_header_and_footer_removed():
    doc = read_pdf_bytes((FIXTURES / "pdf" / "002_25770b6235e3460e.pdf").read_bytes())
    texts = [line.text for line in doc.lines]
    assert not [t for t in texts if t.startswith("Referat ·") or re.fullmatch(r"Side \d+ af \d+", t)]


def test_budget_tables():
    path = FIXTURES / "pdf" / "003_f9388b16bac5857a.pdf"
    doc = read_pdf_bytes(path.read_bytes())
    header = ["i 1.000 kr.", "Budget ¹⁾", "Forventet regnskab", "Forventet over- eller underskud ²⁾"]
    assert [rows for _, rows in doc.tables] == [
        [header, ["Arbejdsmarked", "1.421.673", "1.430.681", "-9.008"]],
        [header, ["Sprogcenter Næstved", "-1.272", "-1.272", "0"]],
    ]
    assert all(page >= 2 for page, _ in doc.tables)
    meeting = parse_file(path)
    attached = [table.rows for item in meeting.items for table in item.tables]
    assert attached == [rows for _, rows in doc.tables]


@pytest.mark.parametrize("limit", [0, 1, 32])
def test_tables_read_alike_from_held_and_reloaded_pages(limit, monkeypatch):
    """Pages with a ruled table are kept open from the line extraction for reading the cells, up
    to a limit; the pages over it are loaded again. Either way the cells are the same."""
    import functools

    from referat_parser.read import pdf, pdf_pdfium

    monkeypatch.setattr(pdf, "HeldPages", functools.partial(pdf_pdfium.HeldPages, limit=limit))
    doc = read_pdf_bytes((FIXTURES / "pdf" / "003_f9388b16bac5857a.pdf").read_bytes())
    header = ["i 1.000 kr.", "Budget ¹⁾", "Forventet regnskab", "Forventet over- eller underskud ²⁾"]
    assert [rows for _, rows in doc.tables] == [
        [header, ["Arbejdsmarked", "1.421.673", "1.430.681", "-9.008"]],
        [header, ["Sprogcenter Næstved", "-1.272", "-1.272", "0"]],
    ]
    assert len({page for page, _ in doc.tables}) == 2  # one page held and one loaded again at limit 1


@pytest.mark.parametrize("buffer", [1, 4096])
def test_cell_text_read_in_one_call_or_two_alike(buffer, monkeypatch):
    """A cell's text is read in one call into a page's buffer; a text that fills it (here: any,
    with a buffer of one unit) is read the two-call way. The cells are the same."""
    from referat_parser.read import pdf_pdfium

    monkeypatch.setattr(pdf_pdfium, "CELL_BUFFER", buffer)
    doc = read_pdf_bytes((FIXTURES / "pdf" / "003_f9388b16bac5857a.pdf").read_bytes())
    header = ["i 1.000 kr.", "Budget ¹⁾", "Forventet regnskab", "Forventet over- eller underskud ²⁾"]
    assert [rows for _, rows in doc.tables] == [
        [header, ["Arbejdsmarked", "1.421.673", "1.430.681", "-9.008"]],
        [header, ["Sprogcenter Næstved", "-1.272", "-1.272", "0"]],
    ]


def _unruled_table(c: canvas.Canvas) -> None:
    c.setFont("Helvetica", 10)
    c.drawString(72, 720, "Budgettet fordeler sig således:")
    rows = [("i 1.000 kr.", "Budget", "Regnskab"), ("Arbejdsmarked", "1.421.673", "1.430.681"),
            ("Sprogcenter", "-1.272", "-1.272")]
    for n, (label, budget, actual) in enumerate(rows):
        y = 700 - 14 * n
        c.drawString(72, y, label)
        c.drawRightString(330, y, budget)
        c.drawRightString(450, y, actual)
    c.drawString(72, 640, "Indholdsfortegnelse.....")
    c.drawRightString(450, 640, "3")


@pytest.mark.parametrize("backend", BACKENDS)
def test_table_without_rulings(backend):
    """Columns without ruling lines: cells split at wide gaps, rows kept as tab-joined lines,
    and the run of rows recorded as a table; a dotted contents line is not a table."""
    doc = read_pdf_bytes(_pdf(_unruled_table), backend=backend)
    assert [line.text for line in doc.lines] == [
        "Budgettet fordeler sig således:",
        "i 1.000 kr.\tBudget\tRegnskab",
        "Arbejdsmarked\t1.421.673\t1.430.681",
        "Sprogcenter\t-1.272\t-1.272",
        "Indholdsfortegnelse.....\t3",
    ]
    assert doc.tables == [(1, [["i 1.000 kr.", "Budget", "Regnskab"], ["Arbejdsmarked", "1.421.673", "1.430.681"],
                               ["Sprogcenter", "-1.272", "-1.272"]])]


def test_running_lines_matched_by_height_and_text():
    from referat_parser.read.pdf_layout import PageLines, VLine, drop_running_lines

    def page(number: int, header_at: float, extra: list[tuple[str, float]]) -> PageLines:
        lines = [VLine("Referat · Økonomiudvalget", number, 57, 200, header_at, 8, False),
                 *(VLine(text, number, 57, 300, at, 10, True) for text, at in extra),
                 VLine("Brødtekst midt på siden.", number, 57, 300, 400, 10, False),
                 VLine(f"Side {number} af 3", number, 280, 320, 800, 8, False)]
        return PageLines(number, 595, 842, lines)

    # The header jitters by 3.5 points; "Beslutning" sits in the top margin of two pages, but
    # 40 points apart: content, not a running header.
    pages = [page(1, 40.0, [("Beslutning", 80)]), page(2, 43.5, [("Beslutning", 120)]), page(3, 41.0, [])]
    assert drop_running_lines(pages) == 6
    assert [[ln.text for ln in p.lines] for p in pages] == [
        ["Beslutning", "Brødtekst midt på siden."], ["Beslutning", "Brødtekst midt på siden."],
        ["Brødtekst midt på siden."]]


# --- the parse ---------------------------------------------------------------------------------

@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("stem", STEMS)
def test_parse_matches_text(stem, backend):
    text = parse_file(FIXTURES / f"{stem}.txt")
    pdf = parse_file(FIXTURES / "pdf" / f"{stem}.pdf", options=ParseOptions(pdf_backend=backend))
    assert pdf.source.format == "pdf" and pdf.source.pages
    assert (pdf.kind, pdf.committee, pdf.date, pdf.municipality) == (text.kind, text.committee, text.date,
                                                                        text.municipality)
    assert _items(pdf) == _items(text)


# --- joining lines -----------------------------------------------------------------------------

@pytest.mark.parametrize(("prev", "cur", "joined"), [
    ("udviklin-", "gen af tilbud", "udviklingen af tilbud"),
    ("Beskæftigelses-", "og Rekrutteringsudvalget", "Beskæftigelses- og Rekrutteringsudvalget"),
    ("pris-", "og lønfremskrivning", "pris- og lønfremskrivning"),
    ("kontant-", "eller uddannelseshjælp", "kontant- eller uddannelseshjælp"),
    ("CO2-", "Konsekvensvurdering", "CO2-Konsekvensvurdering"),
    ("perioden 2020-", "2023", "perioden 2020-2023"),
    ("budget 2024-2027 -", "Beskæftigelses", "budget 2024-2027 - Beskæftigelses"),
    ("som foreslået", "af udvalget", "som foreslået af udvalget"),
])
def test_join_text(prev, cur, joined):
    assert join_text(prev, cur) == joined


def _pdf(draw, **kwargs) -> bytes:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, **kwargs)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def _hyphenated(c: canvas.Canvas) -> None:
    c.setFont("Helvetica", 10)
    lines = ["Administrationen forventer, at den positive udviklin-",
             "gen fortsætter, og at udvalgets pris- og lønfrem-",
             "skrivning holder. • Punkt to.",
             "Side 1 af 1"]
    for n, line in enumerate(lines[:3]):
        c.drawString(72, 700 - 12 * n, line)
    c.drawString(280, 40, lines[3])


@pytest.mark.parametrize("backend", BACKENDS)
def test_hyphen_and_bullet_traps(backend):
    """pypdfium2 turns a line-end hyphen into U+FFFE without a line break; pdfplumber shows the
    Helvetica bullet as (cid:127). Both come out as the text, and a lone page footer goes."""
    doc = read_pdf_bytes(_pdf(_hyphenated), backend=backend)
    assert [line.text for line in doc.lines] == [
        "Administrationen forventer, at den positive udviklingen fortsætter, og at udvalgets pris- og "
        "lønfremskrivning holder. • Punkt to."]
    assert doc.warnings == []


def _pdfium_written() -> bytes:
    """A PDF written by pdfium itself (a third producer): one text object per printed line."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument.new()
    page = doc.new_page(595, 842)
    lines = [("Helvetica-Bold", 12, "Punkt 7: Budgetopfølgning for Beskæftigelses- og Integrationsudvalget", 20),
             ("Helvetica-Bold", 10, "Beslutning", 20),
             ("Helvetica", 10, "Udvalget godkendte indstillingen. Økonomien på området er præget af store udsving, og udvik-", 14),
             ("Helvetica", 10, "lingen følges tæt – også i forhold til pris- og lønfremskrivning.", 14)]
    y = 780.0
    for font, size, text, step in lines:
        obj = raw.FPDFPageObj_NewTextObj(doc, font.encode(), size)
        encoded = (text + "\x00").encode("utf-16-le")
        buffer = ctypes.create_string_buffer(encoded, len(encoded))
        raw.FPDFText_SetText(obj, ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)))
        raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 57, y)
        raw.FPDFPage_InsertObject(page, obj)
        y -= step
    raw.FPDFPage_GenerateContent(page)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.mark.parametrize("backend", BACKENDS)
def test_other_producer(backend):
    doc = read_pdf_bytes(_pdfium_written(), backend=backend)
    assert [(line.text, line.bold, line.size) for line in doc.lines] == [
        ("Punkt 7: Budgetopfølgning for Beskæftigelses- og Integrationsudvalget", True, 12.0),
        ("Beslutning", True, 10.0),
        ("Udvalget godkendte indstillingen. Økonomien på området er præget af store udsving, og udviklingen "
         "følges tæt – også i forhold til pris- og lønfremskrivning.", False, 10.0),
    ]


# --- errors ------------------------------------------------------------------------------------

def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _code(path: Path, **options) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ReferatError) as info:
        parse_file(path, options=ParseOptions(**options))
    assert info.value.path == str(path)
    assert "\n" not in str(info.value)
    assert info.value.code in CODES
    return info.value.code


@pytest.mark.parametrize("backend", BACKENDS)
def test_truncated(tmp_path, backend):
    data = (FIXTURES / "pdf" / "004_427661368110dddd.pdf").read_bytes()
    for cut in (len(data) // 2, 400):
        assert _code(_write(tmp_path, f"cut{cut}.pdf", data[:cut]), pdf_backend=backend) == "corrupt_pdf"


@pytest.mark.parametrize("backend", BACKENDS)
def test_garbage_after_magic(tmp_path, backend):
    path = _write(tmp_path, "garbage.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40)
    assert _code(path, pdf_backend=backend) == "corrupt_pdf"
    assert _code(_write(tmp_path, "magic.pdf", b"%PDF-"), pdf_backend=backend) == "corrupt_pdf"


def test_text_file_named_pdf_is_read_as_text(tmp_path):
    """The format is sniffed from the bytes, not taken from the name."""
    source = (FIXTURES / "004_427661368110dddd.txt").read_bytes()
    meeting = parse_file(_write(tmp_path, "minutes.pdf", source))
    assert meeting.source.format == "text"
    assert _items(meeting) == _items(parse_file(FIXTURES / "004_427661368110dddd.txt"))


def test_image_named_pdf(tmp_path):
    assert _code(_write(tmp_path, "scan.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)) == "binary"


def _image_only(c: canvas.Canvas) -> None:
    from PIL import Image

    c.drawImage(ImageReader(Image.new("L", (120, 60), 200)), 72, 600, 240, 120)


@pytest.mark.parametrize("backend", BACKENDS)
def test_scanned_pdf(tmp_path, backend):
    path = _write(tmp_path, "scan.pdf", _pdf(_image_only))
    with pytest.raises(ReferatError) as info:
        parse_file(path, options=ParseOptions(pdf_backend=backend))
    assert info.value.code == "no_text"
    assert info.value.message == NO_TEXT


def _one_line(c: canvas.Canvas) -> None:
    c.setFont("Helvetica", 11)
    c.drawString(72, 700, "Referat af mødet. Godkendt.")


@pytest.mark.parametrize("backend", BACKENDS)
def test_encrypted(tmp_path, backend):
    path = _write(tmp_path, "locked.pdf", _pdf(_one_line, encrypt="pw"))
    assert _code(path, pdf_backend=backend) == "encrypted"


def test_owner_password_only_is_readable():
    """Restrictions without a user password do not stop reading."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    doc = read_pdf_bytes(_pdf(_one_line, encrypt=StandardEncryption("", ownerPassword="owner")))
    assert [line.text for line in doc.lines] == ["Referat af mødet. Godkendt."]


def _no_unicode_pdf(text: str) -> bytes:
    """A TrueType font without its ToUnicode map: non-ASCII glyphs cannot be decoded. The name is
    changed byte for byte, so the file's offsets stay valid."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "TestSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("TestSerif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))

    def draw(c: canvas.Canvas) -> None:
        c.setFont("TestSerif", 11)
        for n in range(10):
            c.drawString(72, 700 - 14 * n, text)

    data = _pdf(draw, pageCompression=0)
    assert b"/ToUnicode" in data
    return data.replace(b"/ToUnicode", b"/ToUnicodX")


@pytest.mark.skipif(not Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf").exists(), reason="needs DejaVu")
@pytest.mark.parametrize("backend", BACKENDS)
def test_fonts_without_unicode_map(tmp_path, backend):
    bad = _write(tmp_path, "cid.pdf", _no_unicode_pdf("ÆØÅ æøå ÆØÅ æøå éüöä"))
    assert _code(bad, pdf_backend=backend) == "no_unicode"
    # A few undecodable letters in Danish text: read, with a warning.
    doc = read_pdf_bytes(_no_unicode_pdf("Beskæftigelsesudvalget godkendte indstillingen uden bemærkninger."),
                         backend=backend)
    assert [code for code, _ in doc.warnings] == ["no_unicode"]
    assert "\ufffd" in doc.lines[0].text


def test_too_many_pages():
    path = FIXTURES / "pdf" / "004_427661368110dddd.pdf"
    assert _code(path, max_pages=2) == "too_many_pages"
    assert parse_file(path, options=ParseOptions(max_pages=3)).source.pages == 3


def test_unknown_backend():
    with pytest.raises(ReferatError) as info:
        read_pdf_bytes((FIXTURES / "pdf" / "004_427661368110dddd.pdf").read_bytes(), backend="pdftotext")
    assert info.value.code == "bad_option"


def test_text_parsing_never_imports_pdf_libraries():
    code = ("import sys; from referat_parser.api import parse_text; import referat_parser.cli; "
            "parse_text('Referat\\nBeslutning\\nGodkendt.'); "
            "print(sorted(m for m in ('pypdfium2', 'pdfplumber', 'pdfminer') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(("text", "spans"), [
    ("", []),
    ("\r\n\r\n", []),
    ("ab\r\ncd", [(0, 2), (4, 6)]),
    ("a\r\r\nb\n\n\r\nc", [(0, 1), (4, 5), (9, 10)]),  # lone "\r" and "\n" end lines too
    ("Beskæf\ufffetigelse\r\nx\ufffe", [(0, 7), (7, 14), (16, 18)]),  # a hyphen mark stays with its line
    ("\ufffe\ufffe", [(0, 1), (1, 2)]),
    ("\n\r\n\r", []),
])
def test_pdfium_line_spans(text: str, spans: list[tuple[int, int]]) -> None:
    """Lines of a pdfium page text: at "\\r\\n", a lone "\\r" or "\\n", and after a hyphen mark."""
    from referat_parser.read.pdf_pdfium import _line_spans

    assert list(_line_spans(text)) == spans


@pytest.mark.parametrize("text", ["• Punkt", "▪\tPunkt", "➢\u00a0Punkt", "•\u2003x", "•Punkt", "•", "", "- Punkt",
                                  "x • y", "✓ ", "■\u200bx", "○\x1cx", "●\u2028x"])
def test_glyph_bullet_is_a_glyph_and_what_the_regex_calls_whitespace(text):
    """The paragraph builder's string test for a bullet line says what ``^[glyphs]\\s`` says."""
    from referat_parser.read.pdf_layout import _BULLET_GLYPHS, _glyph_bullet

    assert _glyph_bullet(text) == (re.match(f"^[{_BULLET_GLYPHS}]\\s", text) is not None)
