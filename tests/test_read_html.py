"""The HTML reader: a saved page and a markup fragment read from the DOM, as a reader saw them."""

import pytest

from referat_parser import parse_text
from referat_parser.errors import ReferatError
from referat_parser.read import read_bytes, sniff_format
from referat_parser.read.html import decode_html, html_fragment_lines, read_html_bytes


def texts(lines):
    return [line.text for line in lines]


def page(body: str, head: str = '<meta charset="utf-8">') -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


# --- fragments (the XML readers' fields) ----------------------------------------------------------

def test_fragment_blocks_become_lines_and_inline_markup_does_not():
    lines = html_fragment_lines("<p>Udvalget <em>godkendte</em> indstillingen.</p><div>Hanne Jensen (A) "
                                "deltog ikke.</div>")
    assert texts(lines) == ["Udvalget godkendte indstillingen.", "Hanne Jensen (A) deltog ikke."]


def test_fragment_line_breaks_and_whitespace_collapse_as_in_a_browser():
    lines = html_fragment_lines("<p>Godkendt.<br/>Fraværende:\n   Ole   Hansen (V)</p>")
    assert texts(lines) == ["Godkendt.", "Fraværende: Ole Hansen (V)"]


def test_plain_text_fragment_keeps_its_line_breaks():
    assert texts(html_fragment_lines("Godkendt.\n\nFraværende: Ole Hansen (V)\n")) == [
        "Godkendt.", "Fraværende: Ole Hansen (V)"]
    # Inline markup alone does not make the newlines spaces: the text was written with them.
    lines = html_fragment_lines("<b>Beslutning</b>\nGodkendt &amp; sendt videre.")
    assert texts(lines) == ["Beslutning", "Godkendt & sendt videre."]
    assert [line.bold for line in lines] == [True, False]


def test_fragment_typography_headings_and_bold():
    lines = html_fragment_lines("<h3>Sagsfremstilling</h3><p><strong>Beslutning</strong></p>"
                                "<p><b>Bemærk:</b> teksten er ikke fed</p>")
    assert texts(lines) == ["Sagsfremstilling", "Beslutning", "Bemærk: teksten er ikke fed"]
    assert [line.bold for line in lines] == [True, True, False]
    assert lines[0].size > lines[2].size


def test_fragment_entities_and_empty_input():
    # A no-break space is a space to the parser (its clean stage maps it so too).
    assert texts(html_fragment_lines("<p>5 &lt; 7 &amp; Tønder&nbsp;Kommune</p>")) == ["5 < 7 & Tønder Kommune"]
    assert html_fragment_lines("") == []
    assert html_fragment_lines("<p> </p><div></div>") == []


def test_runs_of_no_break_spaces_are_a_wide_gap():
    lines = html_fragment_lines("<div>12&nbsp;&nbsp; &nbsp;Tilskud til foreningen&nbsp;&nbsp; &nbsp;EL og M</div>"
                                "<div>Kl.&nbsp;10:30</div>")
    assert texts(lines) == ["12\tTilskud til foreningen\tEL og M", "Kl. 10:30"]


def test_lists_show_their_numbers_and_bullets():
    lines = html_fragment_lines('<ol start="3"><li>Tredje</li><li><p>Fjerde</p></li></ol>'
                                '<ol type="a"><li>første</li><li value="5">femte</li></ol><ul><li>punkt</li></ul>')
    assert texts(lines) == ["3. Tredje", "4. Fjerde", "a. første", "e. femte", "• punkt"]


# --- tables ---------------------------------------------------------------------------------------

def test_two_cell_rows_read_as_label_and_value():
    lines = html_fragment_lines(
        "<table><tr><th>Mødested</th><td>Rådhuset, lokale 2</td></tr>"
        "<tr><td>Sagsnr.:</td><td>24/1234</td></tr>"
        "<tr><td>Fraværende</td><td>Hanne Jensen (A)</td></tr>"
        "<tr><td>1</td><td>Godkendelse af dagsorden</td></tr></table>")
    assert texts(lines) == ["Mødested: Rådhuset, lokale 2", "Sagsnr.: 24/1234", "Fraværende: Hanne Jensen (A)",
                            "1 Godkendelse af dagsorden"]


def test_section_heading_in_a_left_column_stands_on_its_own_line():
    lines = html_fragment_lines("<table><tr><td>Beslutning</td><td>Godkendt.</td></tr></table>")
    assert texts(lines) == ["Beslutning", "Godkendt."]


def test_data_rows_are_cells_joined_by_tabs_like_text_tables():
    lines = html_fragment_lines("<table><tr><th>Konto</th><th>Budget</th><th>Forbrug</th></tr>"
                                "<tr><td>Drift</td><td>1.200</td><td>900</td></tr></table>")
    assert texts(lines) == ["Konto\tBudget\tForbrug", "Drift\t1.200\t900"]
    assert lines[0].bold and not lines[1].bold


def test_row_of_fields_is_one_line_per_field():
    lines = html_fragment_lines("<table><tr><td>Sagsnr.: 24/99</td><td>Sagsbehandler: Ole Hansen</td>"
                                "<td>Åben</td></tr></table>")
    assert texts(lines) == ["Sagsnr.: 24/99", "Sagsbehandler: Ole Hansen", "Åben"]


def test_layout_row_joins_the_number_to_the_title_beside_it():
    lines = html_fragment_lines("<table><tr><td><span>4</span></td><td><h2>Budgetopfølgning</h2>"
                                "<p>24/1234</p><h3>Beslutning</h3><p>Godkendt.</p></td></tr></table>")
    assert texts(lines) == ["4 Budgetopfølgning", "24/1234", "Beslutning", "Godkendt."]
    assert lines[0].bold and lines[0].size == 18.0


def test_definition_list_reads_like_a_two_column_table():
    lines = html_fragment_lines("<dl><dt>Mødedato</dt><dd>3. april 2024</dd><dt>Bemærkninger</dt>"
                                "<dd><p>Ingen.</p><p>Mødet sluttede kl. 17.</p></dd></dl>")
    assert texts(lines) == ["Mødedato: 3. april 2024", "Bemærkninger: Ingen.", "Mødet sluttede kl. 17."]


# --- what a reader never saw ----------------------------------------------------------------------

NOISE = """
<header><a href="/">Forside</a> <a href="/politik">Politik</a></header>
<nav><ul><li>Dagsordener</li><li>Referater</li></ul></nav>
<script>var title = "Skjult";</script><style>p { color: red }</style><noscript>Slå JavaScript til</noscript>
<form><input name="q" value="søg"><button>Søg</button></form>
<main>
  <article><header><h1>Referat</h1></header><p>Teknisk Udvalg</p><footer>Side 1</footer></article>
  <p hidden>Skjult afsnit</p><p aria-hidden="true">Ikon</p><p style="color:red; display: none">Fejl</p>
  <div class="modal"><h4>Send til en ven</h4></div><template><p>Skabelon</p></template>
  <button class="accordion"><h2>1. Godkendelse af dagsorden</h2></button>
  <p><span role="button">PDF</span>Bilag 1</p>
  <details hidden="until-found"><p>Foldet tekst</p></details>
</main>
<aside>Se også</aside>
<footer>Kontakt os · Rådhustorvet 1</footer>
"""


def test_chrome_scripts_controls_and_hidden_elements_are_dropped():
    doc = read_html_bytes(page(NOISE))
    assert texts(doc.lines) == ["Referat", "Teknisk Udvalg", "Side 1", "1. Godkendelse af dagsorden", "Bilag 1",
                                "Foldet tekst"]


def test_an_accordion_toggle_names_its_section_without_its_icon():
    body = ('<h2>Punkt 7: Klimaplan</h2>'
            '<button class="acc-toggle" aria-expanded="true"><strong>Indstilling</strong><span class="icon">–</span></button>'
            '<div><p>Forvaltningen indstiller, at planen godkendes.</p></div>'
            '<button class="acc-toggle" aria-expanded="false"><strong>Beslutning</strong><span class="icon">+</span></button>'
            '<div><p>Godkendt.</p></div><button>Print</button>')
    assert texts(read_html_bytes(page(body)).lines) == [
        "Punkt 7: Klimaplan", "Indstilling", "Forvaltningen indstiller, at planen godkendes.", "Beslutning", "Godkendt."]


def test_words_that_carry_an_icon_class_are_kept():
    """Only a glyph with an icon class is decoration: a link to an attachment or a sentence that a site
    styles with the class is text."""
    body = ('<h3>Beslutning</h3><p>Godkendt. <span class="icon">Per Holm (V) stemte imod.</span></p>'
            '<p>Bilag: <a class="icon icon-pdf" href="a.pdf">Lokalplanforslag 112</a></p>')
    assert texts(read_html_bytes(page(body)).lines) == [
        "Beslutning", "Godkendt. Per Holm (V) stemte imod.", "Bilag: Lokalplanforslag 112"]


def test_a_form_that_wraps_the_page_is_kept():
    doc = read_html_bytes(page('<form id="aspnetForm"><h1>Referat</h1><p>Økonomiudvalget</p></form>'))
    assert texts(doc.lines) == ["Referat", "Økonomiudvalget"]


def test_preformatted_text_keeps_its_lines():
    assert texts(html_fragment_lines("<pre>Punkt 1\n  Godkendt.</pre>")) == ["Punkt 1", "Godkendt."]


# --- encoding -------------------------------------------------------------------------------------

def test_encoding_from_bom_meta_tag_and_detection():
    body = "<p>Mødested: Rådhuset</p>"
    assert decode_html(b"\xef\xbb\xbf" + page(body, ""))[1] == "utf-8"
    assert "Rådhuset" in decode_html(page(body, '<meta charset="iso-8859-1">').decode().encode("cp1252"))[0]
    text, encoding, _ = decode_html(page(body, '<meta http-equiv="Content-Type" content="text/html; '
                                               'charset=windows-1252">').decode().encode("cp1252"))
    assert encoding == "cp1252" and "Mødested" in text
    # No declaration: UTF-8 when the bytes are UTF-8, else cp1252 with a warning.
    assert decode_html(page(body, ""))[1] == "utf-8"
    text, encoding, warnings = decode_html(page(body, "").decode().encode("cp1252"))
    assert encoding in ("cp1252", "latin-1") and "Mødested" in text and warnings


def test_wrong_declaration_is_detected_and_reported():
    data = page("<p>Mødested: Rådhuset</p>", '<meta charset="utf-8">').decode().encode("cp1252")
    text, encoding, warnings = decode_html(data)
    assert "Mødested" in text and encoding in ("cp1252", "latin-1")
    assert warnings[0][0] == "declared_encoding_wrong"


def test_utf16_page_with_bom():
    data = "\ufeff<html><body><p>Mødested: Rådhuset</p></body></html>".encode("utf-16-le")
    assert sniff_format(data) == "html"
    assert texts(read_bytes(data).lines) == ["Mødested: Rådhuset"]


# --- errors ---------------------------------------------------------------------------------------

def test_page_without_visible_text_is_a_clear_error():
    with pytest.raises(ReferatError) as info:
        read_html_bytes(page('<div id="app"></div><script>render()</script>'))
    assert info.value.code == "empty" and "JavaScript" in str(info.value)


def test_pathological_nesting_is_refused_not_parsed_for_minutes():
    with pytest.raises(ReferatError) as info:
        read_html_bytes(b"<html><body>" + b"<div>" * 5000 + b"x")
    assert info.value.code == "unsupported_format"


# --- through the parser ---------------------------------------------------------------------------

def test_page_lines_parse_as_minutes():
    body = """
    <table><tr><td>Mødedato:</td><td>12. marts 2024 kl. 16.00</td></tr>
    <tr><td>Mødested:</td><td>Rådhuset, mødelokale 2</td></tr></table>
    <h2>1. Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt.</p>
    <h2>2. Budgetopfølgning</h2><table><tr><td>Sagsnr.:</td><td>24/1234</td></tr></table>
    <h3>Indstilling</h3><p>Direktionen indstiller, at budgetopfølgningen tages til efterretning.</p>
    <h3>Beslutning</h3><p>Taget til efterretning.</p>"""
    meeting = parse_text("\n".join(texts(read_html_bytes(page(f"<h1>Referat</h1><p>Økonomiudvalget</p>{body}"))
                                         .lines)))
    assert (meeting.date, meeting.start_time, meeting.location) == ("2024-03-12", "16:00", "Rådhuset, mødelokale 2")
    assert [(i.number, i.title, i.case_number) for i in meeting.items] == [
        ("1", "Godkendelse af dagsorden", None), ("2", "Budgetopfølgning", "24/1234")]
    assert [i.decision.outcome for i in meeting.items] == ["approved", "noted"]


def test_the_page_footer_is_dropped_from_the_lines_but_names_the_municipality():
    from referat_parser import parse_bytes

    body = ("<header><nav>Forside · Politik</nav></header><main><h1>Kultur- og Fritidsudvalget - Referat</h1>"
            "<p>Mødedato: 15.03.2023</p><h2>1. Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt.</p></main>"
            "<footer>Egebjerg Kommune · Rådhuset · Torvet 1</footer>")
    doc = read_html_bytes(page(body))
    assert "Egebjerg Kommune · Rådhuset · Torvet 1" in doc.furniture
    assert not any("Egebjerg" in line.text for line in doc.lines)
    assert parse_bytes(page(body)).municipality == "Egebjerg"
