"""Tell a file's format from its bytes, never from its name: a download called "referat.pdf" may be
a web page, and a text copy of minutes may contain markup such as "<br />".

* ``pdf``: the %PDF- header at the start (after whitespace or NUL padding);
* ``docx``: a ZIP archive that holds word/document.xml;
* ``doc``: an old binary Word document (an OLE2 file with a WordDocument stream);
* ``html``: a document that *starts* as HTML: after a byte-order mark, whitespace, comments and
  an XML declaration, its first tag within the first KB is a doctype, <html>, <head>, <body> or <meta>;
* ``xml``: an XML document that is not HTML (a declaration, or a root element an HTML page or
  fragment does not start with): a meeting-system export (read/xml_sniff.py);
* ``text``: everything else (the text reader rejects binary data with a clear message).
"""

from __future__ import annotations

import codecs
import re

from .xml_sniff import is_xml

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DOCX_PART = "word/document.xml"
# The name of a Word document's main stream in an OLE2 directory (UTF-16LE).
WORD_STREAM = "WordDocument".encode("utf-16-le")
SNIFF_BYTES = 1024

# One white-space character per turn of the loop: (?:\s+|...)* would try every way of cutting a run
# of leading spaces into pieces (exponential) before a text copy that starts with them is let go.
_HTML_START = re.compile(
    r"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)


def sniff_format(data: bytes) -> str:
    """'pdf', 'docx', 'doc', 'html', 'xml' or 'text' (see the module docstring)."""
    if data[:SNIFF_BYTES].lstrip(b"\x00\t\r\n ").startswith(PDF_MAGIC):
        return "pdf"
    if data.startswith(ZIP_MAGIC) and _is_docx(data):
        return "docx"
    if data.startswith(OLE2_MAGIC) and WORD_STREAM in data:
        return "doc"
    if _starts_as_html(data[:SNIFF_BYTES]):
        return "html"
    if is_xml(data):
        return "xml"
    return "text"


def _is_docx(data: bytes) -> bool:
    import io
    import zipfile  # here, not at the top: parsing text never pays for importing zipfile (lzma, bz2)

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return DOCX_PART in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        # A truncated archive has no central directory, but its local headers still name the parts:
        # read it as Word, so that the Word reader says what is wrong with it.
        return DOCX_PART.encode() in data[:65536]


def _starts_as_html(head: bytes) -> bool:
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            text = head[len(bom):].decode(codec, errors="ignore")
            break
    else:
        # Any ASCII-compatible encoding shows its tags as ASCII; latin-1 decodes every byte.
        text = head.decode("latin-1")
    return _HTML_START.match(text) is not None
