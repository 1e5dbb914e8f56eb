"""Tell XML from other text by its first bytes, and hand an XML export to the reader of its family,
chosen by the root element and namespace (never by the file name)."""

from __future__ import annotations

import codecs
import re

from ..errors import ReferatError
from .document import Document

SNIFF_BYTES = 2048
# After the declaration: comments, processing instructions and a DOCTYPE may come before the root.
_PROLOG = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)", re.DOTALL | re.IGNORECASE)
_ROOT = re.compile(r"\s*<(?P<name>[A-Za-z_][\w.:-]*)(?:\s[^<>]*)?/?>")  # a whole start tag



def _head_text(data: bytes) -> str:
    head = data[:SNIFF_BYTES]
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(codec, errors="ignore")
    return head.decode("latin-1")


def root_name(data: bytes) -> str | None:
    """The name of the root element when the bytes start like an XML document, else None."""
    text = _head_text(data).lstrip("\ufeff")
    position = 0
    while match := _PROLOG.match(text, position):
        if match.end() == position:
            break
        position = match.end()
    root = _ROOT.match(text, position)
    return root["name"] if root else None


# Elements an HTML page or fragment starts with: without an XML declaration, such a file is HTML.
_HTML_ROOTS = frozenset({"html", "head", "body", "div", "p", "span", "table", "b", "i", "a", "br", "meta", "title",
                         "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "section", "article", "main", "header"})


def is_xml(data: bytes) -> bool:
    """XML that is not an HTML page: an XML declaration or a root element, other than <html>
    (an XHTML page) or, without a declaration, an element an HTML fragment starts with."""
    declared = _head_text(data).lstrip("\ufeff \t\r\n").startswith("<?xml")
    name = root_name(data)
    if name is None:
        return declared  # a declaration and no readable root: damaged XML, reported as such
    local = name.rpartition(":")[2].casefold()
    return local != "html" and (declared or local not in _HTML_ROOTS)


def read_xml_bytes(data: bytes) -> Document:
    # Imported here: sniffing plain text must not pay for lxml.
    from lxml import etree

    from . import xml_acadre, xml_edoc, xml_edoc_fujitsu, xml_sbsys
    from .xml_tree import local_name, parse_xml

    families = (xml_edoc_fujitsu, xml_edoc, xml_sbsys, xml_acadre)  # namespaced first, then by root name
    root, warnings = parse_xml(data)
    for family in families:
        if family.matches(root):
            doc = family.read(root)
            doc.warnings[:0] = warnings
            return doc
    namespace = etree.QName(root).namespace if isinstance(root.tag, str) else None
    where = f" in namespace {namespace}" if namespace else ""
    raise ReferatError("unknown_xml", f"not a meeting export we know (root element {local_name(root)}{where})")
