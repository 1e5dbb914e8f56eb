"""Parse an XML export safely and walk it: the shared ground of the export readers (read/xml_*.py).

Real exports are not always well-formed: eDoc writes form-feed character references (``&#xC;``)
that XML 1.0 forbids, and a truncated download ends mid-element. The bytes get a pre-pass that
drops character references and raw control characters XML cannot hold, then lxml parses in
recover mode. Entities are never expanded, no DTD is loaded and nothing is fetched from the
network, so a hostile file cannot blow up the memory or make the parser call out.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from itertools import pairwise

from lxml import etree

from ..errors import ReferatError

Element = etree._Element

_CHAR_REF = re.compile(rb"&#(?:[xX](?P<hex>[0-9A-Fa-f]{1,8})|(?P<dec>[0-9]{1,10}));")
# Raw C0 controls other than TAB, LF and CR: not allowed anywhere in an XML 1.0 document. Safe to
# remove from the bytes of any ASCII-compatible encoding (no multi-byte sequence holds such a byte).
_RAW_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_FORM_FEED = 0x0C
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _allowed(code: int) -> bool:
    """A character XML 1.0 may hold."""
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF


def drop_invalid_characters(data: bytes) -> tuple[bytes, int]:
    """The bytes without the character references and raw controls XML 1.0 forbids, and how many
    were dropped. A form feed (a page break in the exported text) becomes a line break."""
    dropped = 0

    def replace(match: re.Match[bytes]) -> bytes:
        nonlocal dropped
        code = int(match["hex"], 16) if match["hex"] else int(match["dec"])
        if _allowed(code):
            return match[0]
        dropped += 1
        return b"&#10;" if code == _FORM_FEED else b""

    data = _CHAR_REF.sub(replace, data)
    data, raw = _RAW_CONTROL.subn(lambda m: b"\n" if m[0] == b"\x0c" else b"", data)
    return data, dropped + raw


def _utf16_to_utf8(data: bytes) -> bytes:
    """UTF-16 with a byte-order mark, re-encoded as UTF-8 so the byte-level repairs apply; the
    declaration's encoding would now be wrong, so it is replaced."""
    text = data.decode("utf-16", errors="replace")
    text = _DECLARATION.sub('<?xml version="1.0" encoding="utf-8"?>', text, count=1)
    return text.encode("utf-8")


def parse_xml(data: bytes) -> tuple[Element, list[tuple[str, str]]]:
    """The root element and the reader warnings (code, message). Raises ReferatError("bad_xml")
    when not even a root element can be recovered."""
    warnings: list[tuple[str, str]] = []
    if data.startswith(_UTF16_BOMS):
        data = _utf16_to_utf8(data)
    data, dropped = drop_invalid_characters(data)
    if dropped:
        warnings.append(("invalid_xml_characters",
                         f"{dropped} character(s) XML does not allow (such as form feeds) removed"))
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ReferatError("bad_xml", f"damaged XML that cannot be read ({_short(str(exc))})") from None
    errors = [e for e in parser.error_log if e.level >= etree.ErrorLevels.ERROR]
    if root is None:
        first = f" ({_short(errors[0].message)})" if errors else ""
        raise ReferatError("bad_xml", f"damaged XML that cannot be read{first}")
    if errors:
        first = errors[0]
        warnings.append(("xml_repaired", f"the XML is not well-formed ({len(errors)} error(s), first at line "
                                         f"{first.line}: {_short(first.message)}); read what could be recovered"))
    return root, warnings


def _short(message: str) -> str:
    return " ".join(message.split())[:120]


def local_name(element: Element) -> str:
    """The tag without its namespace, and without a prefix the damaged document never bound."""
    tag = element.tag
    return tag.rpartition("}")[2].rpartition(":")[2] if isinstance(tag, str) else ""


def order_key(value: str | None) -> int:
    """A sort-order field as a number; one that is not a number sorts last."""
    digits = re.match(r"\s*(\d{1,9})\s*$", value or "")
    return int(digits[1]) if digits else 1 << 31


class ExportTree:
    """Read access to an export's elements by local-name paths ("Meeting/When"), in the export's
    namespace if it has one. Every element read is remembered, so that the fields left unread
    can be reported (``unread``) instead of silently dropped."""

    def __init__(self, root: Element, namespace: str | None = None) -> None:
        self.root = root
        self.namespace = namespace
        self._read: set[Element] = set()

    def _path(self, path: str) -> str:
        if not self.namespace:
            return path
        return "/".join(part if part in (".", "..") or part.startswith("{") else f"{{{self.namespace}}}{part}"
                        for part in path.split("/"))

    def find(self, element: Element, path: str) -> Element | None:
        return element.find(self._path(path))

    def findall(self, element: Element, path: str) -> list[Element]:
        return element.findall(self._path(path))

    def mark(self, element: Element | None) -> None:
        """Count an element (and what it holds) as read."""
        if element is not None:
            self._read.update(element.iter())

    def text(self, element: Element | None, path: str | None = None) -> str | None:
        """The stripped text of the element at ``path`` (or of ``element``), None when empty."""
        target = element if path is None or element is None else self.find(element, path)
        if target is None:
            return None
        self._read.add(target)
        value = "".join(target.itertext()) if len(target) else (target.text or "")
        value = value.strip()
        return value or None

    def unread(self, technical: Iterable[str]) -> list[str]:
        """Fields with content that were not read, as "Parent/Name" with a count when repeated:
        leaves with text, minus the technical ones (identifiers, links, edit stamps, print
        settings) named by local name or "Parent/Name"."""
        skip = frozenset(technical)
        found: Counter[str] = Counter()
        for element in self.root.iter():
            if not isinstance(element.tag, str) or len(element) or element in self._read:
                continue
            if not (element.text or "").strip():
                continue
            path = _named_path(element)
            if any(name in skip or f"{parent}/{name}" in skip for parent, name in pairwise(["", *path])):
                continue
            found["/".join(path[-2:])] += 1
        return [f"{name} ({count}x)" if count > 1 else name for name, count in found.items()]


def _named_path(element: Element) -> list[str]:
    """The names from the root down to ``element``: local names, except that generic elements
    are named by their name attribute (Acadre's ``<table name="agenda"><fields><field name="caseno">``
    is agenda/caseno) and their ``fields`` wrappers are left out."""
    names = []
    for node in [*reversed(list(element.iterancestors())), element]:
        name = local_name(node)
        if name in ("field", "table") and node.get("name"):
            name = node.get("name") or name
        elif name == "fields":
            continue
        names.append(name)
    return names


_STAMP_FORMATS = ("%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M", "%d-%m-%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M",
                  "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%d.%m.%Y %H:%M", "%d.%m.%Y")


def parse_stamp(value: str | None) -> tuple[str | None, str | None]:
    """(ISO date, HH:MM) of an export's date-time field ("04-12-2012 13:00:00", "2013-06-20 10:30").
    Midnight is no time: exports write 00:00 where only a date was entered."""
    if not value:
        return None, None
    text = value.strip()
    text = re.sub(r"(\.\d+)?([+-]\d{2}:\d{2}|Z)?$", "", text) if "T" in text else text
    for fmt in _STAMP_FORMATS:
        try:
            stamp = datetime.strptime(text, fmt)
        except ValueError:
            continue
        time = stamp.strftime("%H:%M") if "%H" in fmt else None
        return stamp.date().isoformat(), (None if time == "00:00" else time)
    return None, None
