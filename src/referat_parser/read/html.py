"""Read a saved web page, or an HTML fragment, from its DOM: what a reader of the page saw.

Block elements become lines; headings, bold text, table header cells and definition terms carry the
typography (bold, size) that a PDF's fonts carry; tables are read as read/blocks.py says; scripts,
styles, navigation, page banners and footers, controls, pop-ups and hidden elements are dropped.

The page is parsed by lexbor (through selectolax), an HTML5 parser that builds the tree the way a
browser does, so that unclosed paragraphs, stray table content and other real-world markup read as
they looked. The encoding comes from a byte-order mark, then the page's own declaration (a meta tag
or an XML declaration), then the text reader's detection (UTF-8, else cp1252 with a warning).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..errors import ReferatError
from .blocks import Block, Cell, Grid, Para, render
from .document import Document, RawLine
from .listnumbers import roman_numeral
from .markup_rules import markup_rules
from .text import decode

__all__ = ["html_fragment_lines", "read_html_bytes"]

# Elements that start and end a line (the HTML "flow" blocks a browser lays out one under another).
BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "body", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
    "legend", "li", "listing", "main", "menu", "ol", "p", "plaintext", "pre", "search", "section", "summary",
    "ul", "xmp", "caption", "dd", "dt", "html", "noframes",
})
HEADING_SIZES = {"h1": 24.0, "h2": 18.0, "h3": 14.0, "h4": 12.0, "h5": 10.0, "h6": 8.0}  # browser defaults, pt
BODY_SIZE = 12.0
BOLD_TAGS = frozenset({"b", "strong", "th", "dt", *HEADING_SIZES})
PRE_TAGS = frozenset({"pre", "listing", "xmp", "plaintext"})
BULLET = "•"
# A pathological page (hundreds of thousands of nested divs) makes HTML5 tree building quadratic;
# no real page nests blocks this deep.
MAX_NESTING = 1000
PRESCAN_BYTES = 1024  # how far a browser looks for the encoding declaration

_WIDE_GAP = re.compile(r"[ \t\n\r\f]*\u00a0[ \t\n\r\f\u00a0]*\u00a0[ \t\n\r\f]*")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u200b\ufeff]")
_META_CHARSET = re.compile(rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_STYLE_HIDDEN = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.IGNORECASE)
_STYLE_BOLD = re.compile(r"(?:^|;)\s*font-weight\s*:\s*(bold(?:er)?|[6-9]00)\b", re.IGNORECASE)
_STYLE_NORMAL = re.compile(r"(?:^|;)\s*font-weight\s*:\s*(normal|lighter|[1-5]00)\b", re.IGNORECASE)
_NESTING_TAG = re.compile(rb"<(/?)(?:div|section|article|blockquote|ul|ol|dl|fieldset|figure|main|aside|nav|"
                          rb"header|footer|form|details|center|address|menu|search|hgroup)[\s>/]", re.IGNORECASE)
# A fragment with any of these is HTML, whose newlines are spaces; without them it is text whose
# newlines are line breaks (an export's field that holds plain text, or text with <b> in it).
_BLOCK_MARKUP = re.compile(r"<(?:br|p|div|li|tr|td|h[1-6]|table|ul|ol|dl|dt|dd|pre|blockquote|hr)\b", re.IGNORECASE)


# --- decoding -------------------------------------------------------------------------------------

def decode_html(data: bytes) -> tuple[str, str, list[tuple[str, str]]]:
    """(text, encoding, warnings): a BOM wins, then the page's declaration, then detection."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace"), codec, []
    declared = _declared_encoding(data[:PRESCAN_BYTES])
    if declared is not None:
        try:
            return data.decode(declared), declared, []
        except UnicodeDecodeError:
            text, encoding, warnings = decode(data)
            return text, encoding, [("declared_encoding_wrong",
                                     f"the page declares {declared} but is not; decoded as {encoding}"), *warnings]
    return decode(data)


def _declared_encoding(head: bytes) -> str | None:
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    # As browsers do (WHATWG Encoding): latin-1 and ASCII labels mean windows-1252, and a page
    # cannot declare UTF-16 in its own (ASCII-compatible) bytes, so such a label means UTF-8.
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return "utf-8"
    return name


# --- the DOM walk ---------------------------------------------------------------------------------

@dataclass(slots=True)
class _Sink:
    """Where the walk writes: a list of blocks, and the runs of the line being built."""

    blocks: list[Block] = field(default_factory=list)
    runs: list[tuple[str, bool, float]] = field(default_factory=list)
    marker: str = ""  # a list item's number or bullet, for the item's first line
    newlines: bool = False  # newlines in text break lines (plain-text fragments)

    def text(self, text: str, bold: bool, size: float, pre: bool) -> None:
        if pre or self.newlines:
            first, *rest = text.split("\n")
            self.runs.append((first, bold, size))
            for part in rest:
                self.flush()
                self.runs.append((part, bold, size))
        else:
            self.runs.append((text, bold, size))

    def flush(self) -> None:
        if not self.runs:
            return
        runs, self.runs = self.runs, []
        raw = "".join(run[0] for run in runs)
        if "\u00a0" in raw:
            # Runs of no-break spaces are not collapsed by a browser: they print a wide gap, which
            # the line keeps as a tab, as the PDF reader marks a wide gap ("31   Title   EL").
            text = "\t".join(" ".join(part.split()) for part in _WIDE_GAP.split(raw)).strip("\t")
        else:
            # str.split() collapses HTML's whitespace far faster than a regular expression.
            text = " ".join(raw.split())
        if not text:
            return
        visible = [run for run in runs if run[0].strip()]
        if self.marker:
            text, self.marker = f"{self.marker} {text}", ""
        self.blocks.append(Para(text, bold=all(run[1] for run in visible), size=visible[0][2]))


@dataclass(slots=True)
class _Ctx:
    bold: bool = False
    size: float = BODY_SIZE
    pre: bool = False


@dataclass(slots=True)
class _Exit:
    """Work to do when the walk leaves an element."""

    flush: bool = False
    pop_sink: bool = False
    pop_grid: bool = False


class _Walker:
    def __init__(self, newlines: bool = False) -> None:
        self.rules = markup_rules()
        self.sinks = [_Sink(newlines=newlines)]
        self.grids: list[Grid] = []
        self.newlines = newlines
        # The text of the page's banner and footer, dropped from the lines: page furniture, but the
        # footer ("X Kommune · Rådhuset · ...") may be the only place that names the municipality.
        self.furniture: list[str] = []

    @property
    def sink(self) -> _Sink:
        return self.sinks[-1]

    def walk(self, root: LexborNode) -> list[Block]:
        # An explicit stack, not recursion: real pages nest deeply enough to make recursion fragile.
        stack: list[tuple[LexborNode, _Ctx] | _Exit] = [(root, _Ctx())]
        counters: dict[int, list[int]] = {}  # ol/ul element id -> [next number, step] for its items
        while stack:
            entry = stack.pop()
            if isinstance(entry, _Exit):
                self._leave(entry)
                continue
            node, ctx = entry
            tag = node.tag
            if tag == "-text":
                self.sink.text(node.text_content or "", ctx.bold, ctx.size, ctx.pre)
                continue
            if tag is None or tag.startswith(("-", "!")):
                continue
            attrs = node.attributes
            if self._dropped(node, tag, attrs):
                continue
            if tag == "br":
                self.sink.flush()
                continue
            ctx, exit_ = self._enter(node, tag, attrs, ctx, counters)
            stack.append(exit_)
            children = []
            child = node.child
            while child is not None:
                children.append(child)
                child = child.next
            stack.extend((child, ctx) for child in reversed(children))
        for sink in reversed(self.sinks):
            sink.flush()
        return self.sinks[0].blocks

    def _enter(self, node: LexborNode, tag: str, attrs: dict[str, str | None], ctx: _Ctx,
               counters: dict[int, list[int]]) -> tuple[_Ctx, _Exit]:
        bold = ctx.bold or tag in BOLD_TAGS
        style = attrs.get("style") or "" if attrs else ""
        if style:
            if _STYLE_BOLD.search(style):
                bold = True
            elif _STYLE_NORMAL.search(style):
                bold = False
        inner = _Ctx(bold, HEADING_SIZES.get(tag, ctx.size), ctx.pre or tag in PRE_TAGS)
        if tag == "table" or tag == "dl":
            self.sink.flush()
            grid = Grid()
            self.grids.append(grid)
            self.sink.blocks.append(grid)
            return inner, _Exit(pop_grid=True)
        if (tag in ("td", "th", "caption") and self.grids) or (tag in ("dt", "dd") and self._in_list(node)):
            self._open_cell(tag)
            return inner, _Exit(pop_sink=True)
        if tag == "tr" and self.grids:
            self.grids[-1].rows.append([])
            return inner, _Exit()
        if tag in ("ol", "ul", "menu", "dir"):
            start = attrs.get("start") or ""
            step = -1 if "reversed" in attrs else 1
            counters[node.mem_id] = [int(start) if start.lstrip("-").isdigit() else 1, step]
        if tag == "li":
            self.sink.flush()
            self.sink.marker = self._marker(node, attrs, counters)
            return inner, _Exit(flush=True)
        if tag in BLOCK_TAGS:
            self.sink.flush()
            return inner, _Exit(flush=True)
        return inner, _Exit()

    def _leave(self, exit_: _Exit) -> None:
        if exit_.flush:
            self.sink.flush()
        if exit_.pop_sink:
            self.sink.flush()
            sink = self.sinks.pop()
            self._cell.blocks.extend(sink.blocks)
        if exit_.pop_grid:
            self.sink.flush()
            self.grids.pop()

    @property
    def _cell(self) -> Cell:
        return self.grids[-1].rows[-1][-1]

    def _open_cell(self, tag: str) -> None:
        self.sink.flush()
        grid = self.grids[-1]
        if tag in ("td", "th"):
            if not grid.rows:
                grid.rows.append([])
            grid.rows[-1].append(Cell(header=tag == "th"))
        elif tag == "caption" or tag == "dt" or not grid.rows or len(grid.rows[-1]) >= 2:
            # A caption or a term starts a row; a definition follows its term in the same row
            # (further definitions of one term join it there).
            grid.rows.append([Cell(header=tag == "dt")])
        elif len(grid.rows[-1]) == 1 and grid.rows[-1][0].header:
            grid.rows[-1].append(Cell())
        else:
            grid.rows.append([Cell()])
        self.sinks.append(_Sink(newlines=self.newlines))

    def _in_list(self, node: LexborNode) -> bool:
        """A dt or dd directly in a dl (or in a div that groups its pairs), with no table between."""
        parent = node.parent
        if parent is not None and parent.tag == "div":
            parent = parent.parent
        return parent is not None and parent.tag == "dl" and bool(self.grids)

    def _dropped(self, node: LexborNode, tag: str, attrs: dict[str, str | None]) -> bool:
        rules = self.rules
        if tag in rules.dropped_tags:
            return True
        control = tag in rules.control_tags
        if attrs:
            if "hidden" in attrs and (attrs["hidden"] or "").lower() != "until-found":
                return True
            if (attrs.get("aria-hidden") or "").lower() == "true":
                return True
            role = (attrs.get("role") or "").lower()
            if role in rules.dropped_roles:
                return True
            control = control or role in rules.control_roles
            style = attrs.get("style")
            if style and _STYLE_HIDDEN.search(style):
                return True
            classes = attrs.get("class")
            if classes:
                names = classes.split()
                if not rules.hidden_classes.isdisjoint(names) or (
                        not rules.glyph_classes.isdisjoint(names) and _glyph_only(node)):
                    return True
        if tag == "dialog":
            return "open" not in attrs
        if tag in rules.page_chrome_tags:
            if self._inside(node, rules.sectioning_tags):
                return False
            self.furniture.append(" ".join((node.text(deep=True, separator=" ") or "").split()))
            return True
        return control and self._dropped_control(node, attrs)

    @staticmethod
    def _dropped_control(node: LexborNode, attrs: dict[str, str | None]) -> bool:
        """A button or the like is dropped, unless it holds a heading or a table, or is an accordion's
        toggle (aria-expanded), whose text names the section it opens ("Indstilling", "Beslutning")."""
        if attrs and "aria-expanded" in attrs:
            return False
        return node.css_first("h1, h2, h3, h4, h5, h6, table") is None

    @staticmethod
    def _inside(node: LexborNode, tags: frozenset[str]) -> bool:
        parent = node.parent
        while parent is not None:
            if parent.tag in tags:
                return True
            parent = parent.parent
        return False

    @staticmethod
    def _marker(node: LexborNode, attrs: dict[str, str | None], counters: dict[int, list[int]]) -> str:
        """What a browser shows before a list item: its number in an ordered list, else a bullet."""
        parent = node.parent
        if parent is None or parent.tag != "ol":
            return BULLET
        counter = counters.setdefault(parent.mem_id, [1, 1])
        value = attrs.get("value") or ""
        if value.lstrip("-").isdigit():
            counter[0] = int(value)
        number = counter[0]
        counter[0] += counter[1]
        return f"{_list_number(number, parent.attributes.get('type') or '1')}."


def _list_number(number: int, style: str) -> str:
    if style in ("a", "A") and number > 0:
        letters = ""
        while number > 0:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if style == "A" else letters
    if style in ("i", "I") and 0 < number < 4000:
        roman = roman_numeral(number)
        return roman.upper() if style == "I" else roman
    return str(number)


# --- entry points ---------------------------------------------------------------------------------

def _page_blocks(markup: str, *, newlines: bool = False) -> tuple[list[Block], list[str]]:
    """The blocks of a page and the text of its banner and footer (dropped from the blocks)."""
    body = LexborHTMLParser(markup).body
    if body is None:
        return [], []
    walker = _Walker(newlines)
    return walker.walk(body), [text for text in walker.furniture if text]


def html_fragment_lines(markup: str) -> list[RawLine]:
    """The lines of an HTML fragment, read exactly as a page is. Text without block markup (no
    paragraphs, line breaks, lists or tables) is plain text, whose newlines are line breaks."""
    markup = _CONTROL.sub("", markup)
    if "<" not in markup and "&" not in markup:
        return render([Para(text) for line in markup.splitlines() if (text := " ".join(line.split()))])
    return render(_page_blocks(markup, newlines=_BLOCK_MARKUP.search(markup) is None)[0])


def read_html_bytes(data: bytes) -> Document:
    """A saved web page as a Document of lines (format "html")."""
    if not data.strip():
        raise ReferatError("empty", "file is empty" if not data else "file holds only whitespace")
    _check_nesting(data)
    text, encoding, warnings = decode_html(data)
    blocks, furniture = _page_blocks(_CONTROL.sub("", text))
    lines = render(blocks)
    if not lines:
        raise ReferatError("empty", "an HTML page with no visible text (a page that loads its content with "
                                    "JavaScript, saved before it had?)")
    return Document(lines=lines, format="html", encoding=encoding, warnings=warnings, furniture=furniture)


def _check_nesting(data: bytes) -> None:
    depth = deepest = 0
    for match in _NESTING_TAG.finditer(data):
        depth = max(0, depth - 1) if match.group(1) else depth + 1
        deepest = max(deepest, depth)
        if deepest > MAX_NESTING:
            raise ReferatError("unsupported_format", f"an HTML page nested over {MAX_NESTING} levels deep; "
                                                     "no real page is, so it is not read")


def _glyph_only(node: LexborNode) -> bool:
    """The element's text holds no letter or digit: a glyph ('+', '–', '›'), not words."""
    return not any(char.isalnum() for char in node.text(deep=True) or "")
