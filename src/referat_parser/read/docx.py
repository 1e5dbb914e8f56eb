"""Read a Word (.docx) file from its WordprocessingML: paragraphs with their styles, tables, numbering.

A paragraph is a line (a line break inside it starts another); a heading style ("Heading 2",
"Overskrift 2", any style with an outline level) and bold runs give the typography bold and font
size give in a PDF; lists show the numbers Word shows (decimal, letters, roman numerals, bullets,
multi-level "%1.%2."); tables become lines as read/blocks.py says, the same way as the HTML reader's;
field codes (TOC, PAGEREF, MERGEFIELD instructions) are never text, while what a field shows is.

The XML is read with the standard library (ElementTree over zipfile): a .docx needs no HTML-tolerant
parser, and no dependency is added for it. Word never writes a DTD, so a part that declares one is
refused (no entity expansion), and every part is read through a size limit, so that a ZIP bomb or a
damaged file ends in a one-line error, not in memory exhaustion or a traceback.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..errors import ReferatError
from .blocks import Block, Cell, Grid, Para, render
from .document import Document
from .listnumbers import roman_numeral
from .markup_rules import markup_rules

__all__ = ["read_docx_bytes"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
DOCUMENT = "word/document.xml"
STYLES = "word/styles.xml"
NUMBERING = "word/numbering.xml"
MAX_PART_BYTES = 64 * 1024 * 1024  # unpacked; the document part of a 500-page report is a few MB
MAX_RATIO = 200  # unpacked / packed: XML compresses 5-20x, a ZIP bomb thousands of times
DEFAULT_SIZE = 10.0  # points: WordprocessingML's default when no style sets w:sz
BULLET = "•"
SHOWN_BULLETS = frozenset({"-", "–", "—", "*", "•", "·", "▪", "■", "◦", "○"})
_SPACE = re.compile(r"[ \u200b]*\t[\t ]*| {2,}")
_HEADING_NUMBER = re.compile(r"(\d)\s*$")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


# --- the package ----------------------------------------------------------------------------------

def read_docx_bytes(data: bytes) -> Document:
    """A Word document as a Document of lines (format "docx")."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            body = _parse(archive, DOCUMENT, required=True)
            styles = Styles(_parse(archive, STYLES))
            numbering = Numbering(_parse(archive, NUMBERING))
    except zipfile.BadZipFile as exc:
        raise ReferatError("corrupt_docx", f"a damaged Word file: not a readable ZIP archive ({exc})") from None
    except (zlib.error, EOFError, OSError, NotImplementedError) as exc:
        raise ReferatError("corrupt_docx", f"a damaged Word file: a part cannot be unpacked ({exc})") from None
    assert body is not None  # required=True
    reader = _BodyReader(styles, numbering)
    root = body.find(f"{W}body")
    blocks = reader.blocks(root) if root is not None else []
    lines = render(blocks)
    if not lines:
        raise ReferatError("empty", "a Word document with no text")
    return Document(lines=lines, format="docx", encoding=None)


def _parse(archive: zipfile.ZipFile, name: str, *, required: bool = False) -> ET.Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        if required:
            raise ReferatError("corrupt_docx", f"a damaged Word file: it has no {name}") from None
        return None
    if info.file_size > MAX_PART_BYTES or info.file_size > MAX_RATIO * max(info.compress_size, 1024):
        raise ReferatError("too_large", f"the Word file's {name} unpacks to {info.file_size:,} bytes "
                                        f"from {info.compress_size:,} (a ZIP bomb or a damaged file)")
    with archive.open(info) as handle:
        # The header's size may lie: read one byte past the limit and stop there.
        raw = handle.read(MAX_PART_BYTES + 1)
    if len(raw) > MAX_PART_BYTES:
        raise ReferatError("too_large", f"the Word file's {name} unpacks to over {MAX_PART_BYTES:,} bytes")
    if b"<!DOCTYPE" in raw[:4096] or b"<!ENTITY" in raw[:4096]:
        raise ReferatError("corrupt_docx", f"the Word file's {name} declares a DTD, which Word never writes")
    try:
        return ET.fromstring(raw)
    except ET.ParseError as exc:
        raise ReferatError("corrupt_docx", f"a damaged Word file: {name} is not well-formed XML ({exc})") from None


def _on(element: ET.Element | None) -> bool | None:
    """A toggle property (w:b): None when absent, else whether it is switched on."""
    if element is None:
        return None
    return element.get(f"{W}val", "true").lower() not in ("false", "0", "off", "none")


# --- styles ---------------------------------------------------------------------------------------

@dataclass(slots=True)
class _Style:
    name: str
    based_on: str | None
    bold: bool | None
    size: float | None
    outline: int | None  # 0-based outline level; 9 is body text
    num: tuple[str, int] | None  # (numId, ilvl) of a numbered style
    leader: str | None  # the fill of a leader tab stop ("....." before a page number)


class Styles:
    def __init__(self, root: ET.Element | None) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        self.default_bold: bool | None = None
        self.default_size = DEFAULT_SIZE
        # Every paragraph asks the same few questions of the same few styles: answer each once.
        self._first: dict[tuple[str | None, str], object] = {}
        self._levels: dict[str | None, int | None] = {}
        if root is None:
            return
        defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        if defaults is not None:
            self.default_bold = _on(defaults.find(f"{W}b"))
            self.default_size = _size(defaults) or DEFAULT_SIZE
        for style in root.iter(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            if style_id is None:
                continue
            name = style.find(f"{W}name")
            based = style.find(f"{W}basedOn")
            run = style.find(f"{W}rPr")
            para = style.find(f"{W}pPr")
            self.styles[style_id] = _Style(
                name=(name.get(f"{W}val", "") if name is not None else "") or style_id,
                based_on=based.get(f"{W}val") if based is not None else None,
                bold=_on(run.find(f"{W}b")) if run is not None else None,
                size=_size(run) if run is not None else None,
                outline=_outline(para),
                num=_num_pr(para),
                leader=_leader(para),
            )
            if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true", "on"):
                self.default_paragraph = style_id

    def chain(self, style_id: str | None) -> Iterator[_Style]:
        """The style and the styles it is based on, nearest first (a loop is cut)."""
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            style_id = style.based_on

    def first(self, style_id: str | None, attribute: str) -> object:
        """The nearest value of a property along the style's chain, or None."""
        key = (style_id, attribute)
        if key not in self._first:
            self._first[key] = next((value for style in self.chain(style_id)
                                     if (value := getattr(style, attribute)) is not None), None)
        return self._first[key]

    def heading_level(self, style_id: str | None) -> int | None:
        """1-9 for a heading style (by outline level or by name), 0 for a title style, else None."""
        if style_id not in self._levels:
            self._levels[style_id] = self._heading_level(style_id)
        return self._levels[style_id]

    def _heading_level(self, style_id: str | None) -> int | None:
        outline = self.first(style_id, "outline")
        if isinstance(outline, int) and outline < 9:
            return outline + 1
        rules = markup_rules()
        for style in self.chain(style_id):
            name = style.name.casefold().replace(" ", "")
            if name.startswith(rules.heading_styles) and (match := _HEADING_NUMBER.search(name)):
                return int(match.group(1))
            if name in rules.title_styles:
                return 0
        return None


def _size(run_properties: ET.Element) -> float | None:
    size = run_properties.find(f"{W}sz")
    value = size.get(f"{W}val", "") if size is not None else ""
    return int(value) / 2 if value.isdigit() else None


def _outline(paragraph_properties: ET.Element | None) -> int | None:
    level = paragraph_properties.find(f"{W}outlineLvl") if paragraph_properties is not None else None
    value = level.get(f"{W}val", "") if level is not None else ""
    return int(value) if value.isdigit() else None


LEADERS = {"dot": ".....", "middleDot": "·····", "hyphen": "-----", "underscore": "_____", "heavy": "_____"}


def _leader(paragraph_properties: ET.Element | None) -> str | None:
    if paragraph_properties is None:
        return None
    for stop in paragraph_properties.iter(f"{W}tab"):
        fill = LEADERS.get(stop.get(f"{W}leader", ""))
        if fill:
            return fill
    return None


def _num_pr(paragraph_properties: ET.Element | None) -> tuple[str, int] | None:
    num = paragraph_properties.find(f"{W}numPr") if paragraph_properties is not None else None
    if num is None:
        return None
    num_id = num.find(f"{W}numId")
    level = num.find(f"{W}ilvl")
    level_value = level.get(f"{W}val", "0") if level is not None else "0"
    return (num_id.get(f"{W}val", "0") if num_id is not None else "",
            int(level_value) if level_value.isdigit() else 0)


# --- numbering ------------------------------------------------------------------------------------

@dataclass(slots=True)
class _Level:
    format: str = "decimal"
    text: str = "%1."
    start: int = 1
    suffix: str = "\t"


@dataclass
class Numbering:
    """The numbers Word shows before list paragraphs, counted in document order per list."""

    root: ET.Element | None
    lists: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> levels
    counters: dict[str, list[int | None]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.root is None:
            return
        abstract: dict[str, dict[int, _Level]] = {}
        for definition in self.root.iter(f"{W}abstractNum"):
            abstract[definition.get(f"{W}abstractNumId", "")] = _levels(definition)
        for num in self.root.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            levels = dict(abstract.get(ref.get(f"{W}val", "") if ref is not None else "", {}))
            for override in num.iter(f"{W}lvlOverride"):
                index = int(override.get(f"{W}ilvl", "0") or 0)
                redefined = override.find(f"{W}lvl")
                level = _level(redefined) if redefined is not None else _copy(levels.get(index, _Level()))
                start = override.find(f"{W}startOverride")
                if start is not None and (value := start.get(f"{W}val", "")).isdigit():
                    level.start = int(value)
                levels[index] = level
            self.lists[num.get(f"{W}numId", "")] = levels

    def label(self, num_id: str, level: int) -> str:
        """The number (or bullet) and its separator for the next paragraph of list ``num_id``."""
        levels = self.lists.get(num_id)
        if not levels or level not in levels or not 0 <= level <= 8:
            return ""
        counts = self.counters.setdefault(num_id, [None] * 9)
        current = counts[level]
        counts[level] = levels[level].start if current is None else current + 1
        for deeper in range(level + 1, 9):
            counts[deeper] = None
        this = levels[level]
        if this.format == "bullet":
            # A dash typed as the bullet shows as a dash; symbol-font glyphs (private-use code
            # points) and the rest as a bullet.
            return (this.text if this.text in SHOWN_BULLETS else BULLET) + (this.suffix if this.suffix != "\t" else " ")
        if this.format == "none":
            return ""

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            shown = levels.get(index, _Level())
            value = counts[index] if 0 <= index <= 8 and counts[index] is not None else shown.start
            return _format_number(value or 0, shown.format)

        text = re.sub(r"%([1-9])", number, this.text)
        return f"{text}{this.suffix}" if text else ""


def _levels(definition: ET.Element) -> dict[int, _Level]:
    return {int(lvl.get(f"{W}ilvl", "0") or 0): _level(lvl) for lvl in definition.iter(f"{W}lvl")}


def _level(lvl: ET.Element) -> _Level:
    level = _Level()
    fmt = lvl.find(f"{W}numFmt")
    if fmt is not None:
        level.format = fmt.get(f"{W}val", "decimal")
    text = lvl.find(f"{W}lvlText")
    if text is not None:
        level.text = text.get(f"{W}val", "")
    start = lvl.find(f"{W}start")
    if start is not None and (value := start.get(f"{W}val", "")).isdigit():
        level.start = int(value)
    suffix = lvl.find(f"{W}suff")
    if suffix is not None:
        level.suffix = {"space": " ", "nothing": ""}.get(suffix.get(f"{W}val", ""), "\t")
    return level


def _copy(level: _Level) -> _Level:
    return _Level(level.format, level.text, level.start, level.suffix)


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        # Word repeats the letter past z: aa, bb, ...
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman = roman_numeral(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


# --- the body -------------------------------------------------------------------------------------

# Wrappers whose content is shown as if they were not there.
_TRANSPARENT = frozenset({f"{W}hyperlink", f"{W}ins", f"{W}moveTo", f"{W}smartTag", f"{W}customXml",
                          f"{W}fldSimple", f"{W}sdtContent", f"{W}dir", f"{W}bdo"})
# Content that is not shown: deleted text of tracked changes, and the pictures, charts and text
# boxes of drawings (a text box's content would come twice, from its VML fallback too).
_HIDDEN = frozenset({f"{W}del", f"{W}moveFrom", f"{W}drawing", f"{W}pict", f"{W}object", f"{W}sdtPr",
                     f"{W}pPr", f"{W}rPr", f"{W}proofErr", f"{W}bookmarkStart", f"{W}bookmarkEnd",
                     f"{MC}Fallback"})


@dataclass
class _Line:
    parts: list[tuple[str, bool, float]] = field(default_factory=list)  # text, bold, size


class _BodyReader:
    def __init__(self, styles: Styles, numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.fields: list[bool] = []  # open fields, innermost last: True once past their code

    def blocks(self, container: ET.Element) -> list[Block]:
        out: list[Block] = []
        stack: list[Iterator[ET.Element]] = [iter(container)]
        # Tables are read by recursion (their nesting is shallow); body-level wrappers by this loop.
        while stack:
            element = next(stack[-1], None)
            if element is None:
                stack.pop()
                continue
            tag = element.tag
            if tag == f"{W}p":
                out.extend(self._paragraph(element))
            elif tag == f"{W}tbl":
                out.append(self._table(element))
            elif tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{MC}AlternateContent", f"{MC}Choice"):
                stack.append(iter(element))
        return out

    def _table(self, table: ET.Element) -> Grid:
        grid = Grid()
        for row in _children(table, f"{W}tr"):
            header = _on(row.find(f"{W}trPr/{W}tblHeader")) is True
            grid.rows.append([Cell(self.blocks(cell), header=header) for cell in _children(row, f"{W}tc")])
        return grid

    def _paragraph(self, paragraph: ET.Element) -> list[Para]:
        properties = paragraph.find(f"{W}pPr")
        style_element = properties.find(f"{W}pStyle") if properties is not None else None
        style_id = style_element.get(f"{W}val") if style_element is not None else self.styles.default_paragraph
        level = self.styles.heading_level(style_id)
        if level is None and properties is not None and (outline := _outline(properties)) is not None and outline < 9:
            level = outline + 1
        base_bold = self.styles.first(style_id, "bold")
        base_size = self.styles.first(style_id, "size")
        context = (bool(base_bold if base_bold is not None else self.styles.default_bold),
                   float(base_size) if isinstance(base_size, float) else self.styles.default_size)
        lines = [_Line()]
        self._runs(paragraph, context, lines)
        leader = _leader(properties) or self.styles.first(style_id, "leader")
        if isinstance(leader, str):
            # Which tab reaches the leader stop depends on positions; in practice it is the last
            # one, before a contents line's page number. Shown as the fill, then the gap.
            _fill_last_tab(lines[-1], leader)
        num = _num_pr(properties) or self.styles.first(style_id, "num")
        marker = ""
        if isinstance(num, tuple) and num[0] not in ("", "0") and any(part[0].strip() for part in lines[0].parts):
            marker = self.numbering.label(*num)
        out: list[Para] = []
        for line in lines:
            text = _CONTROL.sub("", "".join(part[0] for part in line.parts))
            text = _SPACE.sub(lambda m: "\t" if "\t" in m.group() else " ", text).strip()
            if not text:
                continue
            if marker:
                text, marker = (marker + text).strip(), ""
            visible = [part for part in line.parts if part[0].strip()]
            bold = level is not None or all(part[1] for part in visible)
            out.append(Para(text, bold=bold, size=max(part[2] for part in visible)))
        return out

    def _runs(self, element: ET.Element, context: tuple[bool, float], lines: list[_Line]) -> None:
        for child in element:
            tag = child.tag
            if tag == f"{W}r":
                self._run(child, context, lines)
            elif tag in _TRANSPARENT or tag == f"{W}sdt" or tag == f"{MC}AlternateContent" or tag == f"{MC}Choice":
                self._runs(child, context, lines)
            elif tag in _HIDDEN:
                continue

    def _run(self, run: ET.Element, context: tuple[bool, float], lines: list[_Line]) -> None:
        typography = self._run_typography(run.find(f"{W}rPr"), context)
        if typography is None:
            return  # hidden text
        bold, size = typography
        for child in run:
            tag = child.tag
            if tag == f"{W}fldChar":
                self._field_char(child.get(f"{W}fldCharType"))
            elif not all(self.fields):
                continue  # inside a field's code ({ TOC \o "1-3" }, { PAGEREF _Toc1 \h })
            elif tag in (f"{W}br", f"{W}cr"):
                lines.append(_Line())
            else:
                text = _RUN_TEXT.get(tag)
                if text is None and tag == f"{W}t":
                    text = child.text or ""
                if text is not None:
                    lines[-1].parts.append((text, bold, size))

    def _run_typography(self, properties: ET.Element | None, context: tuple[bool, float]) -> tuple[bool, float] | None:
        """(bold, size) of a run, from its character style and direct properties; None when hidden."""
        bold, size = context
        if properties is None:
            return bold, size
        style = properties.find(f"{W}rStyle")
        if style is not None:
            style_bold = self.styles.first(style.get(f"{W}val"), "bold")
            style_size = self.styles.first(style.get(f"{W}val"), "size")
            bold = bool(style_bold) if style_bold is not None else bold
            size = float(style_size) if isinstance(style_size, float) else size
        direct = _on(properties.find(f"{W}b"))
        bold = direct if direct is not None else bold
        size = _size(properties) or size
        return None if _on(properties.find(f"{W}vanish")) else (bold, size)

    def _field_char(self, kind: str | None) -> None:
        """Track fields: text between a field's begin and its separator is its code, not shown."""
        if kind == "begin":
            self.fields.append(False)
        elif kind == "separate" and self.fields:
            self.fields[-1] = True
        elif kind == "end" and self.fields:
            self.fields.pop()


# What a run's other children show: tabs, a non-breaking hyphen, a symbol (a bullet).
_RUN_TEXT = {f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}noBreakHyphen": "-", f"{W}sym": BULLET}


def _fill_last_tab(line: _Line, fill: str) -> None:
    for index in range(len(line.parts) - 1, -1, -1):
        text, bold, size = line.parts[index]
        if text == "\t":
            line.parts[index] = (fill + "\t", bold, size)
            return


def _children(parent: ET.Element, tag: str) -> Iterator[ET.Element]:
    """A table's rows or a row's cells: its children of that tag, also those wrapped in content
    controls or custom XML, never those of a table nested in a cell."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            yield from _children(child, tag)
