"""The format is sniffed from the bytes: HTML only when the document starts as HTML."""

import pytest

from referat_parser.read import read_bytes, sniff_format


@pytest.mark.parametrize("head", [
    b"<!DOCTYPE html><html><body>x</body></html>",
    b"<!doctype HTML>\n<p>x",
    b"\xef\xbb\xbf<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>x</body></html>",
    b"\n\n   <!-- saved from url=(0042)https://example.org -->\n<html><body>x</body></html>",
    b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x">\n<html>',
    b"<head><title>Referat</title></head><body>x</body>",
    b"<meta charset=\"utf-8\"><p>x</p>",
    b"<BODY>x</BODY>",
])
def test_documents_that_start_as_html_are_html(head):
    assert sniff_format(head) == "html"


@pytest.mark.parametrize("text", [
    b"Referat\nBeslutning: Godkendt.<br />\nFravaerende: Hanne Jensen (A)<br />\n",
    b"Referat af Teknisk Udvalg\n<html> er ikke et ord i dette referat\n",
    b"<p>Et afsnit uden sidehoved</p>",
    b"x" * 2000 + b"<html>",
])
def test_text_with_markup_inside_stays_text(text):
    assert sniff_format(text) == "text"


@pytest.mark.parametrize("data", [
    b"<?xml version=\"1.0\"?><Meeting><Item/></Meeting>",
    b"<htmlx>not html</htmlx>",  # a root element that is not HTML's: XML (a meeting export, or refused as unknown)
])
def test_xml_that_is_not_html_is_xml(data):
    assert sniff_format(data) == "xml"


def test_text_copy_with_br_tags_is_read_as_text_lines():
    doc = read_bytes("Referat\nBeslutning: Godkendt.<br />\nFraværende: Hanne Jensen (A)\n".encode())
    assert doc.format == "text"
    assert [line.text for line in doc.lines] == ["Referat", "Beslutning: Godkendt.<br />", "Fraværende: Hanne Jensen (A)"]


def test_pdf_still_wins():
    assert sniff_format(b"\n%PDF-1.7\n...") == "pdf"
