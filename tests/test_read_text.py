"""The text reader: every awkward encoding a download can have is decoded correctly and reported,
and anything that is not text is rejected with a stable code (issue 6)."""

from __future__ import annotations

import codecs
import pickle
import sys
import types
from pathlib import Path

import pytest

from referat_parser import ReferatError, parse_bytes, parse_file, parse_text
from referat_parser.errors import CODES, READER_WARNING_CODES
from referat_parser.read import Document, read_bytes, sniff_format
from referat_parser.read import text as read_text_module
from referat_parser.read.text import read_text_bytes

SAMPLE = "Økonomiudvalget\nBeslutning\nGodkendt. Udvalget bemærker, at æøå – “citat” koster 5 €.\n"
LATIN1_SAMPLE = "Økonomiudvalget\nBeslutning\nGodkendt. Udvalget bemærker æøå ÆØÅ é.\n"


def lines(doc: Document) -> list[str]:
    return [line.text for line in doc.lines]


def codes(doc: Document) -> list[str]:
    return [code for code, _ in doc.warnings]


def error_code(data: bytes) -> str:
    with pytest.raises(ReferatError) as info:
        read_bytes(data)
    assert info.value.code in CODES
    assert "\n" not in info.value.message
    return info.value.code


def misread(text: str) -> str:
    """UTF-8 read as cp1252 the way browsers and Windows tools do it (undefined bytes kept as C1)."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8"))


def assert_no_mojibake(doc: Document) -> None:
    text = "\n".join(lines(doc))
    for bad in ("Ã", "Â", "â€", "\ufffd"):
        assert bad not in text


# --- empty and whitespace -------------------------------------------------------------------

def test_empty_file():
    with pytest.raises(ReferatError, match="file is empty") as info:
        read_bytes(b"")
    assert info.value.code == "empty"


@pytest.mark.parametrize("data", [b" ", b"\n\n\r\n", b"\t \x0c \n", " \u00a0\u2003\n".encode(),
                                  "\u200b\ufeff\n".encode()], ids=repr)
def test_only_whitespace(data):
    assert error_code(data) == "empty"


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_only_a_byte_order_mark_is_empty(bom):
    assert error_code(bom) == "empty"
    assert error_code(bom + " \n".encode("utf-8" if bom == codecs.BOM_UTF8 else
                                         "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be")) == "empty"


# --- binary ---------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [
    b"Referat\x00\x00\x00\x01\x02binary",
    bytes(range(1, 9)) * 200 + b"Beslutning",
    bytes(range(256)) * 40,
    b"\x7f\x1b\x1c\x1d\x1e\x1f" * 100 + b"Godkendt.",
], ids=["nul", "control", "all-bytes", "control-high"])
def test_binary_garbage_named_txt(tmp_path: Path, data):
    path = tmp_path / "referat.txt"
    path.write_bytes(data)
    with pytest.raises(ReferatError) as info:
        parse_file(path)
    assert info.value.code == "binary"
    assert str(info.value).startswith(f"{path}: binary data, not text")


@pytest.mark.parametrize("head,what", [
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "Microsoft Office"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
])
def test_known_binary_formats_are_named(head, what):
    with pytest.raises(ReferatError, match=what) as info:
        read_bytes(head + b"Beslutning Godkendt" * 10)
    assert info.value.code == "binary"


def test_random_bytes_are_binary():
    import random

    rng = random.Random(6)
    for _ in range(20):
        assert error_code(bytes(rng.randrange(256) for _ in range(3000))) == "binary"


def test_a_few_stray_control_characters_are_removed_with_a_warning():
    doc = read_bytes(b"Beslutning\x07\nGodkendt.\x1a" + b" Udvalget godkendte indstillingen." * 5)
    assert lines(doc)[:2] == ["Beslutning", "Godkendt. Udvalget godkendte indstillingen." + lines(doc)[1][43:]]
    assert "\x07" not in "".join(lines(doc)) and "\x1a" not in "".join(lines(doc))
    assert codes(doc) == ["control_chars_removed"]


def test_rtf_is_unsupported():
    assert error_code(b"{\\rtf1\\ansi\\deff0 {\\fonttbl} Beslutning: Godkendt.}") == "unsupported_format"


def test_html_page_is_read_by_the_html_reader():
    doc = read_bytes(b"<!DOCTYPE html>\n<html><body>Beslutning</body></html>\n")
    assert doc.format == "html" and lines(doc) == ["Beslutning"]


# --- PDF / text sniffing --------------------------------------------------------------------

def test_pdf_named_txt_takes_the_pdf_path(tmp_path: Path, monkeypatch):
    calls: list[bytes] = []

    def fake_read_pdf_bytes(data: bytes, *, backend: str = "pypdfium2", max_pages: int | None = None) -> Document:
        calls.append(data)
        return Document(lines=[], format="pdf", pages=1)

    fake = types.ModuleType("referat_parser.read.pdf")
    fake.read_pdf_bytes = fake_read_pdf_bytes  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "referat_parser.read.pdf", fake)
    import referat_parser.read as read_pkg

    monkeypatch.setattr(read_pkg, "pdf", fake, raising=False)
    data = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
    path = tmp_path / "referat.txt"
    path.write_bytes(data)
    assert sniff_format(data) == "pdf"
    assert sniff_format(b"\n\r\n  " + data) == "pdf"
    meeting = parse_file(path)
    assert calls == [data]
    assert meeting.source.format == "pdf"


def test_real_pdf_named_txt_is_read_as_pdf(tmp_path: Path):
    pytest.importorskip("referat_parser.read.pdf", reason="the PDF reader has not landed yet")
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    path = tmp_path / "referat.txt"
    c = canvas.Canvas(str(path))
    c.drawString(72, 720, "Beslutning")
    c.drawString(72, 700, "Godkendt.")
    c.save()
    meeting = parse_file(path)
    assert meeting.source.format == "pdf"


@pytest.mark.parametrize("junk", [codecs.BOM_UTF8, b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n"])
def test_pdf_behind_junk_is_not_parsed_as_text(junk):
    pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    with pytest.raises(ReferatError, match=f"{len(junk)} byte") as info:
        read_text_bytes(junk + pdf)
    assert info.value.code == "corrupt_pdf"


def test_minutes_that_mention_pdf_are_text():
    doc = read_bytes(b"Referat\nBilag: budget.pdf (%PDF-1.4 fil)\nBeslutning\nGodkendt.\n")
    assert lines(doc)[1] == "Bilag: budget.pdf (%PDF-1.4 fil)"


def test_text_named_pdf_is_parsed_as_text(tmp_path: Path):
    path = tmp_path / "referat.pdf"
    path.write_text(SAMPLE, encoding="utf-8")
    meeting = parse_file(path)
    assert meeting.source.format == "text"
    assert meeting.source.encoding == "utf-8"


# --- encodings ------------------------------------------------------------------------------

def test_utf8_with_bom_and_crlf():
    data = codecs.BOM_UTF8 + SAMPLE.replace("\n", "\r\n").encode("utf-8")
    doc = read_bytes(data)
    assert lines(doc) == SAMPLE.splitlines()
    assert doc.encoding == "utf-8-sig"
    assert doc.warnings == []


def test_old_mac_line_endings():
    doc = read_bytes(SAMPLE.replace("\n", "\r").encode("utf-8"))
    assert lines(doc) == SAMPLE.splitlines()


@pytest.mark.parametrize("codec,bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
                                       ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE)])
def test_utf16_and_utf32_with_bom(codec, bom):
    doc = read_bytes(bom + SAMPLE.replace("\n", "\r\n").encode(codec))
    assert lines(doc) == SAMPLE.splitlines()
    assert doc.warnings == []
    assert doc.encoding == codec[:6]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(codec):
    doc = read_bytes(SAMPLE.encode(codec))
    assert lines(doc) == SAMPLE.splitlines()
    assert codes(doc) == ["utf16_no_bom"]


def test_nul_pattern_of_binary_data_is_not_taken_for_utf16():
    import random

    rng = random.Random(16)
    # 16-bit values, half of them small: the NUL pattern of UTF-16-LE; the others decode to CJK and such.
    data = b"".join(bytes([rng.randrange(0x30, 0x7F), rng.choice([0, rng.randrange(0x30, 0xD0)])])
                    for _ in range(4000))
    assert read_text_module._sniff_utf16(data) == "utf-16-le"
    assert error_code(data) == "binary"


def test_truncated_utf16_is_replaced_with_a_warning():
    body = (SAMPLE * 5).encode("utf-16-le")
    doc = read_bytes(codecs.BOM_UTF16_LE + body + b"\x41")  # odd byte count: cut in a character
    assert "replaced_bytes" in codes(doc)
    assert lines(doc)[:3] == SAMPLE.splitlines()


def test_cp1252_is_decoded_with_a_warning():
    doc = read_bytes(SAMPLE.encode("cp1252"))
    assert lines(doc) == SAMPLE.splitlines()
    assert lines(doc)[0] == "Økonomiudvalget" and lines(doc)[1] == "Beslutning"
    assert lines(doc)[2].startswith("Godkendt.")
    assert doc.encoding == "cp1252"
    assert codes(doc) == ["legacy_encoding"]
    assert_no_mojibake(doc)


def test_latin1_is_decoded_with_a_warning():
    doc = read_bytes(LATIN1_SAMPLE.encode("latin-1"))
    assert lines(doc) == LATIN1_SAMPLE.splitlines()
    assert doc.encoding == "latin-1"
    assert codes(doc) == ["legacy_encoding"]
    assert_no_mojibake(doc)


def test_utf8_mixed_with_cp1252_is_decoded_byte_by_byte():
    data = "Økonomiudvalget\n".encode() + "Beslutning: æøå ÆØÅ – ok\n".encode("cp1252") + b"Godkendt.\n"
    doc = read_bytes(data)
    assert lines(doc) == ["Økonomiudvalget", "Beslutning: æøå ÆØÅ – ok", "Godkendt."]
    assert codes(doc) == ["mixed_encoding"]
    assert "7 byte(s)" in doc.warnings[0][1]


def test_broken_utf8_is_replaced_and_reported_never_silent():
    cut = "æ".encode()[:1]  # a UTF-8 sequence cut in half
    data = ("Økonomiudvalget\n".encode() + b"Beslutning " + cut + b"\n" + "Godkendt – ja\n".encode()
            + "€".encode()[:2] + b" slut\n")
    doc = read_bytes(data)
    assert lines(doc) == ["Økonomiudvalget", "Beslutning \ufffd", "Godkendt – ja", "\ufffd slut"]
    assert codes(doc) == ["replaced_bytes"]
    assert doc.warnings[0][1].startswith("2 invalid UTF-8")


def test_damage_after_a_utf8_bom_is_reported():
    assert error_code(codecs.BOM_UTF8 + bytes(range(0x80, 0xC0)) * 4) == "binary"
    doc = read_bytes(codecs.BOM_UTF8 + "Økonomi\n".encode() + b"Beslutning \xff\xfe ok\n")
    assert "replaced_bytes" in codes(doc)
    assert lines(doc)[1] == "Beslutning \ufffd\ufffd ok"


@pytest.mark.parametrize("times", [1, 2])
def test_double_encoded_utf8_is_repaired_with_a_warning(times):
    text = SAMPLE
    for _ in range(times):
        text = misread(text)
    assert "Ã" in text
    doc = read_bytes(text.encode("utf-8"))
    assert lines(doc) == SAMPLE.splitlines()
    assert codes(doc) == ["mojibake_repaired"]


def test_partly_double_encoded_text_is_repaired_where_damaged_only():
    damaged = misread("Økonomiudvalget – “Godkendt”")
    doc = read_bytes(f"Ærø Kommune\n{damaged}\nØ\u00a0mærke\n".encode())
    assert lines(doc) == ["Ærø Kommune", "Økonomiudvalget – “Godkendt”", "Ø\u00a0mærke"]
    assert codes(doc) == ["mojibake_repaired"]


def test_clean_utf8_has_no_warnings_and_is_left_alone():
    text = "Økonomiudvalget\nÉn sag om Åbenrå, Ærø og São Paulo: 5 € – “ok” ½\n"
    doc = read_bytes(text.encode())
    assert lines(doc) == text.splitlines()
    assert doc.warnings == [] and doc.encoding == "utf-8"


def test_byte_order_marks_inside_the_text_are_dropped():
    doc = read_bytes(("Økonomi\n" + "\ufeffBeslutning\n").encode())
    assert lines(doc) == ["Økonomi", "Beslutning"]


def test_form_feed_starts_a_page():
    doc = read_bytes(b"Side 1\n\fSide 2\nmere\n")
    assert doc.pages == 2
    assert [(line.text, line.page) for line in doc.lines] == [("Side 1", 1), ("Side 2", 2), ("mere", 2)]


def test_read_text_bytes_and_read_bytes_agree():
    data = SAMPLE.encode("cp1252")
    assert lines(read_text_bytes(data)) == lines(read_bytes(data))


# --- warnings reach the output --------------------------------------------------------------

def test_reader_warnings_reach_meeting_warnings():
    meeting = parse_bytes(SAMPLE.encode("cp1252"), path="legacy.txt")
    assert meeting.source.encoding == "cp1252"
    assert "legacy_encoding" in [w.code for w in meeting.warnings]
    warning = next(w for w in meeting.warnings if w.code == "legacy_encoding")
    assert warning.message == "not UTF-8; decoded as cp1252"


def test_parse_text_of_a_plain_string_has_no_encoding_warnings():
    meeting = parse_text(SAMPLE)
    assert not [w for w in meeting.warnings if w.code in READER_WARNING_CODES]


# --- the error type -------------------------------------------------------------------------

def test_error_survives_pickling_for_parallel_batches():
    error = ReferatError("binary", "binary data, not text", "a/b.txt")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.code, copy.message, copy.path, str(copy)) == ("binary", "binary data, not text", "a/b.txt",
                                                               "a/b.txt: binary data, not text")
    assert copy.to_dict() == {"path": "a/b.txt", "code": "binary", "message": "binary data, not text"}
