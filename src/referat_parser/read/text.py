"""Decode text files: UTF-8 (with or without BOM), UTF-16 with BOM, legacy cp1252/latin-1.

Legacy and damaged input is decoded, never rejected, but always reported as a warning, so a
user is never handed silent mojibake.
"""

from __future__ import annotations

import codecs
import re

from ..errors import ReferatError
from .document import Document, RawLine

# Double-encoded UTF-8 read as cp1252 ("Ã¦" for "æ"): two characters per Danish letter.
_MOJIBAKE = re.compile("[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")


def decode(data: bytes) -> tuple[str, str, list[tuple[str, str]]]:
    """Return (text, encoding, warnings) for the bytes of a text file."""
    warnings: list[tuple[str, str]] = []
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", warnings
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", warnings
        except UnicodeDecodeError:
            raise ReferatError("bad_encoding", "invalid UTF-16 despite its byte-order mark") from None
    if b"\x00" in data[:65536]:
        raise ReferatError("binary", "binary data, not text (NUL bytes found)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _repair_mojibake(text, warnings), "utf-8", warnings
    # Not valid UTF-8. Many valid multi-byte sequences mean UTF-8 with damage; none means legacy.
    utf8_sequences = len(re.findall(rb"[\xc2-\xf4][\x80-\xbf]+", data))
    bad = _count_invalid_utf8(data)
    if utf8_sequences > bad:
        warnings.append(("replaced_bytes", f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD"))
        return data.decode("utf-8", errors="replace"), "utf-8", warnings
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "latin-1"
    warnings.append(("legacy_encoding", f"not UTF-8; decoded as {encoding}"))
    return text, encoding, warnings


def _count_invalid_utf8(data: bytes) -> int:
    return data.decode("utf-8", errors="replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")


def _repair_mojibake(text: str, warnings: list[tuple[str, str]]) -> str:
    hits = len(_MOJIBAKE.findall(text))
    if hits < 3:
        return text
    try:
        repaired = text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        warnings.append(("mojibake", f"text looks double-encoded ({hits} sequences such as 'Ã¦'); left as is"))
        return text
    warnings.append(("mojibake_repaired", f"repaired double-encoded UTF-8 ({hits} sequences such as 'Ã¦')"))
    return repaired


def read_text_bytes(data: bytes) -> Document:
    if not data.strip():
        raise ReferatError("empty", "file is empty" if not data else "file holds only whitespace")
    text, encoding, warnings = decode(data)
    if not text.strip():
        raise ReferatError("empty", "file holds only whitespace")
    lines: list[RawLine] = []
    # A form feed (as pdftotext writes) starts a new page.
    pages = text.split("\f")
    paged = len(pages) > 1
    for number, page in enumerate(pages, start=1):
        for line in page.splitlines():
            lines.append(RawLine(line, page=number if paged else None))
    return Document(lines=lines, format="text", encoding=encoding, pages=len(pages) if paged else None,
                    warnings=warnings)
