"""Decode text files: UTF-8 (with or without BOM), UTF-16/32 with BOM, UTF-16 without BOM,
legacy cp1252/latin-1, and UTF-8 that is damaged, mixed with cp1252 or double-encoded.

Legacy and damaged input is decoded, never rejected, but always reported as a warning, so a
user is never handed silent mojibake. Input that is not text at all (NUL bytes, mostly control
characters, a known binary format) is rejected with code ``binary``.

Everything here is linear in the size of the input: the regular expressions match fixed-length
sequences or single-class runs, and no step looks back.

Normalisation is kept minimal on purpose (the parser's clean stage does NFC, non-breaking spaces
and soft hyphens): the reader only drops byte-order marks and stray control characters.
"""

from __future__ import annotations

import codecs
import re

from ..errors import ReferatError
from .document import Document, RawLine

Warnings = list[tuple[str, str]]

# Share of control / undecodable characters above which a file is "binary", not text.
BINARY_RATIO = 0.05
# NUL bytes this early in the file mean binary (the heuristic git and grep use).
NUL_WINDOW = 8192

# Control characters that have no business in text: C0 except TAB LF VT FF CR, DEL, and C1.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]+")
_NON_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
# Invisible characters a reader may drop: byte-order marks inside the text (concatenated files).
_BOM_CHAR = "\ufeff"
# Characters str.strip() keeps that are still "nothing" to a reader.
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad"

# The bytes 0x80-0xBF (UTF-8 continuation bytes) as a cp1252 decoder shows them; the five bytes
# cp1252 leaves undefined appear as the latin-1 C1 control of the same value.
_CONTINUATION = "".join(
    codecs.decode(bytes([b]), "cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0)
)
_TO_BYTE = {ch: b for b, ch in zip(range(0x80, 0xC0), _CONTINUATION, strict=True)}
_CONT_CLASS = "[" + re.escape(_CONTINUATION) + "]"
_C1_UNDEFINED = {chr(b): bytes([b]) for b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def _c1_passthrough(error: UnicodeError) -> tuple[bytes, int]:
    """Encode the five bytes cp1252 leaves undefined as themselves (as latin-1 decoders show them)."""
    if isinstance(error, UnicodeEncodeError):
        chunk = error.object[error.start:error.end]
        if all(ch in _C1_UNDEFINED for ch in chunk):
            return b"".join(_C1_UNDEFINED[ch] for ch in chunk), error.end
    raise error


codecs.register_error("referat-c1", _c1_passthrough)
# Double-encoded UTF-8 read as cp1252/latin-1: "Ã¦" for "æ", "â€“" for "–". Only the lead bytes
# of Latin-1 letters (C2, C3) and of general punctuation (E2) are repaired: a Danish text has no
# other reason to put "Ã" or "Â" before a continuation character, while other leads (Ø, Å, é...)
# are ordinary letters and would be "repaired" into nonsense.
_LETTER_LEADS = "\u00c2\u00c3"  # "Â", "Ã": leads of a Latin-1 letter, one continuation character
_PUNCTUATION_LEAD = "\u00e2"  # "â": lead of general punctuation, two continuation characters
_MOJIBAKE = re.compile(f"[{_LETTER_LEADS}]{_CONT_CLASS}|{_PUNCTUATION_LEAD}{_CONT_CLASS}{{2}}")
_MOJIBAKE_LEADS = (*_LETTER_LEADS, _PUNCTUATION_LEAD)  # the characters every _MOJIBAKE match starts with

# Characters a single non-UTF-8 byte may stand for in a mostly-UTF-8 file (mixed cp1252): the
# letters and punctuation of Western European text. Others ("Ã", "ÿ", "þ", symbols) are far more
# likely damage, and become U+FFFD.
_CP1252_TEXT = frozenset("ÀÁÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýŠšŽžŒœ"
                         "€‚„…†‡‰‹›‘’“”•–—˜™§°½¼¾±×÷«»©®£¤¥\u00a0")
_ESCAPED_RUN = re.compile("[\udc80-\udcff]+")
# Outside Latin script, general punctuation and the euro sign (for checking BOM-less UTF-16).
_NOT_LATIN = re.compile("[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f\u20ac]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")

# Known binary formats, for a message that tells the user what they actually have.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive (such as .xlsx or .zip; a Word .docx is read)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc/.xls)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
)


def decode(data: bytes) -> tuple[str, str, Warnings]:
    """Return (text, encoding, warnings) for the bytes of a text file.

    Raises ReferatError ``binary`` when the bytes are not text and ``unsupported_format`` for
    text formats the parser cannot read (RTF).
    """
    warnings: Warnings = []
    text, encoding = _decode(data, warnings)
    bad = _reject_binary(text)
    if text.startswith("{\\rtf"):
        raise ReferatError("unsupported_format", "an RTF document; save it as plain text or PDF")
    return _tidy(text, warnings, controls=bad > 0), encoding, warnings


def _reject_misplaced_pdf(data: bytes) -> None:
    """A PDF whose header is not at the start (a byte-order mark or an HTTP header added by a
    download) is not text: parsing its syntax as minutes would give nonsense. PDF readers accept
    the header anywhere in the first 1024 bytes; the sniffer in read/__init__.py does not yet."""
    at = data.find(b"%PDF-", 0, 1024)
    if at > 0 and (b"%%EOF" in data[-2048:] or b" obj" in data[:65536]):
        raise ReferatError("corrupt_pdf", f"a PDF with {at} byte(s) of other data before its %PDF- header; "
                                          "remove them (a download may have added them)")


def _decode(data: bytes, warnings: Warnings) -> tuple[str, str]:
    _reject_misplaced_pdf(data)
    marked = _decode_marked(data, warnings)
    if marked is not None:
        return marked
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ReferatError("binary", f"binary data, not text: this is {what}")
    wide = _sniff_utf16(data)
    if wide:
        return _decode_unmarked_wide(data, wide, warnings), wide
    if b"\x00" in data[:NUL_WINDOW]:
        raise ReferatError("binary", "binary data, not text (NUL bytes found)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _repair_mojibake(text, warnings), "utf-8"
    # Not valid UTF-8. Valid multi-byte sequences beside the invalid bytes mean UTF-8 that is
    # damaged or mixed with cp1252 (one file pasted into another); none means a legacy file.
    escaped = data.decode("utf-8", errors="surrogateescape")
    invalid = sum(len(m) for m in _ESCAPED_RUN.findall(escaped))
    valid = sum(1 for _ in _UTF8_MULTIBYTE.finditer(data))
    if valid and valid * 10 >= invalid:
        return _decode_mixed(escaped, warnings), "utf-8"
    return _decode_legacy(data, warnings)


def _decode_marked(data: bytes, warnings: Warnings) -> tuple[str, str] | None:
    """Text that starts with a byte-order mark, decoded by it; None without one."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")):
        # Checked before UTF-16: the UTF-32 LE mark begins with the UTF-16 LE one.
        if data.startswith(bom) and len(data) % 4 == 0:
            return _decode_wide(data[len(bom):], codec, warnings), "utf-32"
    if data.startswith(codecs.BOM_UTF8):
        return _decode_utf8(data[3:], warnings), "utf-8-sig"
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _decode_wide(data[2:], codec, warnings), "utf-16"
    return None


def _decode_unmarked_wide(data: bytes, codec: str, warnings: Warnings) -> str:
    """UTF-16 told only by its NUL pattern. Binary data with many small 16-bit values has that
    pattern too, and decodes to arbitrary code points: Latin text it must be."""
    text = _decode_wide(data, codec, warnings)
    sample = text[:20000]
    if len(_NOT_LATIN.findall(sample)) > 0.1 * len(sample):
        raise ReferatError("binary", "binary data, not text (NUL bytes found)")
    warnings.append(("utf16_no_bom", f"no byte-order mark; decoded as {codec.upper()} from its NUL pattern"))
    return text


def _decode_wide(body: bytes, codec: str, warnings: Warnings) -> str:
    """UTF-16/32: strict when possible, else replace (a truncated file has an odd byte count)."""
    try:
        return body.decode(codec)
    except UnicodeDecodeError:
        text = body.decode(codec, errors="replace")
        bad = text.count("\ufffd") - body.decode(codec, errors="ignore").count("\ufffd")
        warnings.append(("replaced_bytes", f"{bad} invalid {codec.upper()} sequence(s) replaced with U+FFFD"))
        return text


def _sniff_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NUL bytes sit in every other position (ASCII-heavy UTF-16)."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 2 or b"\x00" not in sample:
        return None
    even, odd = sample[0:half * 2:2].count(0), sample[1:half * 2:2].count(0)
    if odd >= 0.4 * half and even <= 0.02 * half:
        return "utf-16-le"
    if even >= 0.4 * half and odd <= 0.02 * half:
        return "utf-16-be"
    return None


def _decode_utf8(body: bytes, warnings: Warnings) -> str:
    """UTF-8 after a BOM: the BOM settles the encoding, so damage is replaced (and reported)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_mixed(body.decode("utf-8", errors="surrogateescape"), warnings)
    return _repair_mojibake(text, warnings)


def _decode_mixed(escaped: str, warnings: Warnings) -> str:
    """Resolve the bytes ``surrogateescape`` kept aside: a lone byte that is a letter or common
    punctuation in cp1252 is read as cp1252 (mixed files); anything else, such as a truncated
    UTF-8 sequence, becomes U+FFFD. Both are counted in a warning."""
    as_cp1252 = replaced = 0

    def resolve(match: re.Match[str]) -> str:
        nonlocal as_cp1252, replaced
        raw = bytes(ord(ch) - 0xDC00 for ch in match.group())
        out: list[str] = []
        i = 0
        while i < len(raw):
            b = raw[i]
            j = i + 1
            if 0xC2 <= b <= 0xF4:
                while j < len(raw) and 0x80 <= raw[j] <= 0xBF:
                    j += 1
            if j - i > 1:  # a lead byte with continuation bytes: broken UTF-8, not cp1252
                out.append("\ufffd")
                replaced += 1
            else:
                ch = bytes([b]).decode("cp1252", errors="replace")
                if ch in _CP1252_TEXT:
                    out.append(ch)
                    as_cp1252 += 1
                else:
                    out.append("\ufffd")
                    replaced += 1
            i = j
        return "".join(out)

    text = _ESCAPED_RUN.sub(resolve, escaped)
    if as_cp1252:
        warnings.append(("mixed_encoding", f"{as_cp1252} byte(s) not valid UTF-8 read as cp1252 (mixed encodings)"))
    if replaced:
        warnings.append(("replaced_bytes", f"{replaced} invalid UTF-8 byte sequence(s) replaced with U+FFFD"))
    return _repair_mojibake(text, warnings)


def _decode_legacy(data: bytes, warnings: Warnings) -> tuple[str, str]:
    # cp1252 is a superset of latin-1's printable range; bytes 0x80-0x9F decide which one it was.
    encoding = "cp1252" if re.search(rb"[\x80-\x9f]", data) else "latin-1"
    text = data.decode("cp1252", errors="replace")
    warnings.append(("legacy_encoding", f"not UTF-8; decoded as {encoding}"))
    undefined = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if undefined > 0:
        warnings.append(("replaced_bytes", f"{undefined} byte(s) undefined in cp1252 replaced with U+FFFD"))
    return text, encoding


def _repair_mojibake(text: str, warnings: Warnings) -> str:
    """Repair double-encoded UTF-8 sequence by sequence (a file may be only partly damaged)."""
    repaired = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal repaired
        seq = match.group()
        try:
            raw = bytes(_TO_BYTE.get(ch, ord(ch)) for ch in seq)
            out = raw.decode("utf-8")
        except (UnicodeDecodeError, ValueError):
            return seq
        repaired += 1
        return out

    for _ in range(3):  # triple encoding happens; stop as soon as a pass changes nothing
        # Every sequence opens with one of three letters: three substring tests spare a slow scan of
        # the whole text in the common case, where none of them stands anywhere.
        if not any(map(text.__contains__, _MOJIBAKE_LEADS)):
            break
        hits = sum(1 for _ in _MOJIBAKE.finditer(text))
        if not hits:
            break
        try:
            # Unambiguous when the whole text re-encodes to valid UTF-8: every non-ASCII
            # character was part of a double-encoded sequence (this also undoes leads such as
            # "Ë" that only triple encoding produces).
            text = text.encode("cp1252", errors="referat-c1").decode("utf-8")
            repaired += hits
            continue
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
        before = repaired
        text = _MOJIBAKE.sub(fix, text)
        if repaired == before:
            break
    if repaired:
        warnings.append(("mojibake_repaired",
                         f"repaired {repaired} double-encoded UTF-8 sequence(s) (such as 'Ã¦' for 'æ')"))
    return text


def _reject_binary(text: str) -> int:
    """The number of control and undecodable characters in ``text``; raises when there are too many."""
    if not text or _NON_TEXT.search(text) is None:  # most texts have none: one scan, no count
        return 0
    bad = sum(1 for _ in _NON_TEXT.finditer(text))
    # A couple of bad characters in a short file are damage (reported later), not binary data.
    if bad > BINARY_RATIO * len(text) and (bad >= 4 or bad > 0.3 * len(text)):
        share = round(100 * bad / len(text))
        raise ReferatError("binary", f"binary data, not text ({share}% control or undecodable characters)")
    return bad


def _tidy(text: str, warnings: Warnings, controls: bool = True) -> str:
    """``text`` without byte-order marks and, where it has any (``controls``), control characters."""
    if _BOM_CHAR in text:
        text = text.replace(_BOM_CHAR, "")
    if not controls:  # _CONTROL's characters are _NON_TEXT's, of which _reject_binary found none
        return text
    removed = 0

    def drop(match: re.Match[str]) -> str:
        nonlocal removed
        removed += len(match.group())
        return ""

    text = _CONTROL.sub(drop, text)
    if removed:
        warnings.append(("control_chars_removed", f"{removed} control character(s) removed"))
    return text


def _is_blank(text: str) -> bool:
    return not text.strip().strip(_INVISIBLE).strip()


def read_text_bytes(data: bytes) -> Document:
    """Decode the bytes of a text file into lines; a form feed starts a new page."""
    if not data:
        raise ReferatError("empty", "file is empty")
    if not data.strip():
        raise ReferatError("empty", "file holds only whitespace")
    text, encoding, warnings = decode(data)
    if not text:
        raise ReferatError("empty", "file is empty (nothing after the byte-order mark)")
    if _is_blank(text):
        raise ReferatError("empty", "file holds only whitespace")
    head = text.lstrip()[:256].lower()
    if head.startswith(("<!doctype html", "<html")):
        warnings.append(("html", "looks like an HTML page, not plain text (a web page saved instead of the file?)"))
    # A form feed (as pdftotext writes) starts a new page.
    pages = text.split("\f")
    paged = len(pages) > 1
    if paged:
        lines = [RawLine(line, number) for number, page in enumerate(pages, start=1) for line in page.splitlines()]
    else:
        lines = list(map(RawLine, text.splitlines()))
    return Document(lines=lines, format="text", encoding=encoding, pages=len(pages) if paged else None,
                    warnings=warnings)
