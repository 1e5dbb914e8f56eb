"""The Word reader: paragraphs with their styles, tables, numbering, fields; damaged files and bombs."""

import io
import zipfile

import pytest

from docx_util import NS, docx, para, run, table
from referat_parser import parse_bytes
from referat_parser.errors import ReferatError
from referat_parser.read import read_bytes, sniff_format
from referat_parser.read.docx import read_docx_bytes


def texts(doc):
    return [line.text for line in doc.lines]


def test_paragraphs_headings_and_bold_runs():
    doc = read_docx_bytes(docx(
        para("Referat", style="Overskrift1")
        + para("Sagsfremstilling", style="Overskrift2")
        + para(run("Beslutning", bold=True))
        + para(run("Bemærk: ", bold=True), run("teksten er ikke fed"))
        + para('<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>Indstilling</w:t></w:r>')))
    assert texts(doc) == ["Referat", "Sagsfremstilling", "Beslutning", "Bemærk: teksten er ikke fed", "Indstilling"]
    assert [line.bold for line in doc.lines] == [True, True, True, False, True]
    # Sizes come from the styles (half-points): heading 1 is 16 pt, the document default 11 pt.
    assert [line.size for line in doc.lines[:3]] == [16.0, 13.0, 11.0]
    assert doc.format == "docx"


def test_line_breaks_tabs_and_spacing():
    doc = read_docx_bytes(docx(para('<w:r><w:br/><w:t>Rådhuset</w:t><w:br/><w:t xml:space="preserve">Torvet  1'
                                    '</w:t><w:tab/><w:tab/><w:t>8000 Aarhus</w:t></w:r>')))
    assert texts(doc) == ["Rådhuset", "Torvet 1\t8000 Aarhus"]


def test_numbering_is_shown_as_word_shows_it():
    doc = read_docx_bytes(docx(
        para("Godkendelse af dagsorden", num=(1, 0))
        + para("Budget", num=(1, 0))
        + para("drift", num=(1, 1))
        + para("anlæg", num=(1, 1))
        + para("Eventuelt", num=(1, 0))
        + para("første punkt", num=(2, 0))
        + para("Syvende", num=(3, 0))))
    assert texts(doc) == ["1.\tGodkendelse af dagsorden", "2.\tBudget", "2.a) drift", "2.b) anlæg",
                          "3.\tEventuelt", "• første punkt", "7.\tSyvende"]


def test_field_codes_never_leak_and_field_results_show():
    toc = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-1" '
           '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>')
    entry = ('<w:r><w:t>Budget</w:t></w:r><w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
             '<w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
             '</w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    doc = read_docx_bytes(docx(para(toc) + para(entry) + para(end) + para("Referat")))
    assert texts(doc) == ["Budget\t3", "Referat"]
    assert not any("TOC" in text or "PAGEREF" in text for text in texts(doc))


def test_deleted_and_hidden_text_is_not_read():
    doc = read_docx_bytes(docx(para('<w:del><w:r><w:delText>Afvist</w:delText></w:r></w:del>'
                                    '<w:ins><w:r><w:t>Godkendt.</w:t></w:r></w:ins>'
                                    '<w:r><w:rPr><w:vanish/></w:rPr><w:t>Skjult</w:t></w:r>')))
    assert texts(doc) == ["Godkendt."]


def test_tables_read_like_the_html_reader_reads_them():
    doc = read_docx_bytes(docx(table(["Mødested", "Rådhuset"], ["Sagsnr.:", "24/1234"],
                                     ["Beslutning", "Godkendt."], ["1", "Åben", "Notat om budget", "24/99"])))
    assert texts(doc) == ["Mødested: Rådhuset", "Sagsnr.: 24/1234", "Beslutning", "Godkendt.",
                          "1\tÅben\tNotat om budget\t24/99"]


def test_nested_tables_read_in_order_column_by_column():
    names = table([table(["Hanne Jensen (A)"], ["Ole Hansen (V)"]), table(["Maja Berg (F)"])])
    doc = read_docx_bytes(docx(table([para("Medlemmer") + names])))
    assert texts(doc) == ["Medlemmer", "Hanne Jensen (A)", "Ole Hansen (V)", "Maja Berg (F)"]


def test_content_controls_are_transparent():
    doc = read_docx_bytes(docx(f"<w:sdt><w:sdtContent>{para('Dagsorden')}</w:sdtContent></w:sdt>"))
    assert texts(doc) == ["Dagsorden"]


def test_no_styles_or_numbering_parts_still_reads():
    doc = read_docx_bytes(docx(para("1. Godkendelse", num=(1, 0)), styles=f"<w:styles {NS}/>", numbering=None))
    assert texts(doc) == ["1. Godkendelse"]


# --- sniffing and errors --------------------------------------------------------------------------

def test_docx_is_sniffed_from_its_parts_and_other_zips_are_not():
    assert sniff_format(docx(para("Referat"))) == "docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ReferatError, match="ZIP archive") as info:
        read_bytes(buffer.getvalue())
    assert info.value.code == "binary"


def test_old_binary_doc_says_how_to_convert():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le") + b"\x00" * 512
    assert sniff_format(data) == "doc"
    with pytest.raises(ReferatError, match=r"convert it to \.docx") as info:
        read_bytes(data)
    assert info.value.code == "unsupported_format"
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("damage", ["truncated", "no_document", "bad_xml", "dtd"])
def test_damaged_files_are_one_line_errors(damage):
    good = docx(para("Referat"))
    if damage == "truncated":
        data = good[: len(good) // 2]
    elif damage == "no_document":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("word/styles.xml", "<w:styles/>")
        data = buffer.getvalue()
    elif damage == "bad_xml":
        data = docx(para("Referat") + "<w:p>")
    else:
        body = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaa">]><w:document {NS}>'
                '<w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>')
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("word/document.xml", body)
        data = buffer.getvalue()
    with pytest.raises(ReferatError) as info:
        read_docx_bytes(data)
    assert info.value.code == "corrupt_docx"
    assert "\n" not in str(info.value)


def test_zip_bomb_is_refused_before_it_is_unpacked():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        filler = "<w:p><w:r><w:t>" + "a" * 1000 + "</w:t></w:r></w:p>"
        archive.writestr("word/document.xml", f"<w:document {NS}><w:body>" + filler * 20000 + "</w:body></w:document>")
    with pytest.raises(ReferatError) as info:
        read_docx_bytes(buffer.getvalue())
    assert info.value.code == "too_large"


def test_empty_document_is_a_clear_error():
    with pytest.raises(ReferatError) as info:
        read_docx_bytes(docx(para("") + table([""])))
    assert info.value.code == "empty"


def test_word_minutes_parse():
    body = (para("Referat", style="Overskrift1") + para("Økonomiudvalget")
            + table(["Mødedato:", "12. marts 2024 kl. 16.00"], ["Mødested:", "Rådhuset, mødelokale 2"])
            + para("Godkendelse af dagsorden", style="Overskrift1", num=(1, 0))
            + para("Beslutning", style="Overskrift2") + para("Godkendt.")
            + para("Budgetopfølgning", style="Overskrift1", num=(1, 0)) + table(["Sagsnr.:", "24/1234"])
            + para("Beslutning", style="Overskrift2") + para("Taget til efterretning."))
    meeting = parse_bytes(docx(body), path="møde.docx")
    assert meeting.source.format == "docx"
    assert (meeting.date, meeting.start_time, meeting.location) == ("2024-03-12", "16:00", "Rådhuset, mødelokale 2")
    assert [(i.number, i.title, i.case_number) for i in meeting.items] == [
        ("1", "Godkendelse af dagsorden", None), ("2", "Budgetopfølgning", "24/1234")]
    assert [i.decision.outcome for i in meeting.items] == ["approved", "noted"]


def test_leader_tab_shows_its_fill_so_a_contents_line_reads_as_one():
    styles = (f'<w:styles {NS}><w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/>'
              '<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9000"/></w:tabs></w:pPr></w:style></w:styles>')
    doc = read_docx_bytes(docx(para("Budget", "<w:r><w:tab/></w:r>", "3", style="TOC1") + para("Budget"),
                               styles=styles))
    assert texts(doc) == ["Budget.....\t3", "Budget"]


def test_typed_dash_bullets_show_as_dashes():
    numbering = (f'<w:numbering {NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
                 '<w:lvlText w:val="-"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/>'
                 '</w:num></w:numbering>')
    doc = read_docx_bytes(docx(para("at budgettet godkendes", num=(1, 0)), numbering=numbering))
    assert texts(doc) == ["- at budgettet godkendes"]
