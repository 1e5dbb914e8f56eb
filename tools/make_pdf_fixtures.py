"""Generate realistic minutes PDFs from the seed texts in fixtures/*.txt (into fixtures/pdf/).

    python tools/make_pdf_fixtures.py              # the committed fixtures
    python tools/make_pdf_fixtures.py --out DIR    # somewhere else

Each text line of a seed becomes one paragraph of the PDF, typeset the way municipal minutes
systems print them: bold headings and item titles, justified and hyphenated body text, hanging
bullets, a running header, "Side N af M" footers, a dotted table of contents and ruled budget
tables (the seed's tab-separated lines). Two layouts with different fonts, margins, spacing and
text drawing exercise the PDF reader:

* ``sans``: Helvetica (a standard font, not embedded: pdfplumber shows "•" as "(cid:127)"),
  one text object per line with word spacing (Tw), space between paragraphs.
* ``serif``: DejaVu Serif (embedded TrueType), wider margins, every word drawn separately
  (as some producers do), *no* space between paragraphs, centred header.

The output is deterministic (fixed creation date, no random ids), so regenerating gives the
same bytes unless this script or a seed changed.
"""

from __future__ import annotations

import argparse
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
HEADINGS_TOML = ROOT / "src" / "referat_parser" / "vocab" / "headings.toml"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


@dataclass(frozen=True)
class Layout:
    name: str
    font: str
    bold: str
    size: float
    leading: float
    left: float
    right: float
    top: float
    bottom: float
    para_space: float  # extra space after a body paragraph
    per_word: bool  # draw each word as its own text object
    header_centred: bool


LAYOUTS = {
    "sans": Layout("sans", "Helvetica", "Helvetica-Bold", 10, 13, 57, 57, 72, 64, 6, False, False),
    "serif": Layout("serif", "DejaVuSerif", "DejaVuSerif-Bold", 10.5, 13.5, 85, 72, 90, 78, 0, True, True),
}

# Seed -> layout. 001 is not minutes (and uses "✓", which DejaVu Serif lacks): not converted.
SEEDS = {
    "000_825b12544cf79305": "serif",
    "002_25770b6235e3460e": "sans",
    "003_f9388b16bac5857a": "serif",
    "004_427661368110dddd": "sans",
}

ITEM_TITLE = re.compile(r"^(?:Punkt \d+:\s|\d{1,3}\.\s+[A-ZÆØÅ])")
DECISION_HEADING = re.compile(r"^Beslutning i .+ den \d")
VOWELS = set("aeiouyæøåé")


def _register_fonts() -> None:
    if "DejaVuSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSerif", str(DEJAVU / "DejaVuSerif.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVuSerif-Bold", str(DEJAVU / "DejaVuSerif-Bold.ttf")))


def _heading_names() -> set[str]:
    data = tomllib.loads(HEADINGS_TOML.read_text(encoding="utf-8"))
    return {name.casefold() for entry in data.values() if isinstance(entry, dict)
            for name in entry.get("names", [])}


# --- blocks ---------------------------------------------------------------------------------

@dataclass
class Block:
    kind: str  # title, item, heading, body, bullet, toc, table
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)


def blocks_of(text: str) -> list[Block]:
    """Classify the seed's lines: each non-blank line is one block; runs of tab lines a table."""
    headings = _heading_names()
    out: list[Block] = []
    first = True
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if "\t" in line and re.search(r"\.{3,}\t\d+$", line):
            out.append(Block("toc", line))
        elif "\t" in line:
            cells = [cell.strip() for cell in line.split("\t")]
            if out and out[-1].kind == "table":
                out[-1].rows.append(cells)
            else:
                out.append(Block("table", rows=[cells]))
        elif first:
            out.append(Block("title", line))
        elif ITEM_TITLE.match(line) and len(line) < 150 and not line.endswith("."):
            out.append(Block("item", line))
        elif line.rstrip(":.").casefold() in headings or DECISION_HEADING.match(line):
            out.append(Block("heading", line))
        elif line.startswith(("- ", "• ")):
            out.append(Block("bullet", line))
        else:
            out.append(Block("body", line))
        first = False
    return out


# --- typesetting ----------------------------------------------------------------------------

Op = Callable[[canvas.Canvas], None]


def _width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


def _hyphenate(word: str, font: str, size: float, room: float) -> tuple[str, str] | None:
    """Split ``word`` so that its head plus a hyphen fits in ``room``: before a consonant that is
    followed by a vowel (ud-vik-lin-gen), leaving at least three letters on each side."""
    core = word.rstrip(".,;:)")
    if len(core) < 7 or not core.isalpha() or not core[1:].islower():
        return None
    lower = core.lower()
    for k in range(len(core) - 3, 2, -1):
        if lower[k] not in VOWELS and lower[k + 1] in VOWELS and lower[k - 1] != "-":
            head = word[:k] + "-"
            if _width(head, font, size) <= room:
                return head, word[k:]
    return None


def break_lines(text: str, font: str, size: float, width: float, *, hyphenate: bool = True) -> list[str]:
    """Greedy line breaking with hyphenation of long words."""
    words = text.split()
    space = _width(" ", font, size)
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    i = 0
    while i < len(words):
        word = words[i]
        w = _width(word, font, size)
        need = w + (space if current else 0)
        if used + need <= width or (not current and w > width):
            current.append(word)
            used += need
            i += 1
            continue
        if hyphenate:
            split = _hyphenate(word, font, size, width - used - (space if current else 0))
            if split:
                current.append(split[0])
                words[i] = split[1]
        lines.append(" ".join(current))
        current, used = [], 0.0
    if current:
        lines.append(" ".join(current))
    return lines


class Typesetter:
    def __init__(self, layout: Layout, header: str) -> None:
        self.layout = layout
        self.header = header
        self.pages: list[list[Op]] = [[]]
        self.width, self.height = A4
        self.y = self.height - layout.top

    # positions ------------------------------------------------------------------------------
    @property
    def text_width(self) -> float:
        return self.width - self.layout.left - self.layout.right

    def _need(self, height: float) -> None:
        if self.y - height < self.layout.bottom:
            self.pages.append([])
            self.y = self.height - self.layout.top

    def _emit(self, op: Op) -> None:
        self.pages[-1].append(op)

    # drawing --------------------------------------------------------------------------------
    def _line(self, x: float, text: str, font: str, size: float, justify_to: float | None = None) -> None:
        """Draw one visual line at the current baseline, optionally justified to a width."""
        y = self.y
        layout = self.layout
        words = text.split(" ")
        extra = 0.0
        if justify_to is not None and len(words) > 1:
            extra = (justify_to - _width(text, font, size)) / (len(words) - 1)
        if layout.per_word:
            space = _width(" ", font, size) + extra
            positions = []
            cursor = x
            for word in words:
                positions.append((cursor, word))
                cursor += _width(word, font, size) + space

            def op(c: canvas.Canvas) -> None:
                for px, word in positions:
                    c.setFont(font, size)
                    c.drawString(px, y, word)
        else:
            def op(c: canvas.Canvas) -> None:
                t = c.beginText(x, y)
                t.setFont(font, size)
                t.setWordSpace(extra)
                t.textOut(text)
                c.drawText(t)
        self._emit(op)

    def paragraph(self, text: str, *, font: str, size: float, leading: float, indent: float = 0.0,
                  hang: float = 0.0, justify: bool = True, before: float = 0.0, after: float = 0.0,
                  keep_with_next: bool = False) -> None:
        layout = self.layout
        lead = text[:2] if hang else ""
        body = text[2:] if hang else text
        width = self.text_width - indent - hang
        lines = break_lines(body, font, size, width, hyphenate=justify)
        self._need(before + leading * (3 if keep_with_next else 1))
        if self.y < self.height - layout.top:  # no space before at the top of a page
            self.y -= before
        for n, line in enumerate(lines):
            self._need(leading)
            self.y -= leading
            x = layout.left + indent + hang
            if n == 0 and lead:
                lead_text = lead.strip()
                self._emit(lambda c, y=self.y, f=font, s=size, t=lead_text:
                           (c.setFont(f, s), c.drawString(layout.left + indent, y, t)))
            last = n == len(lines) - 1
            self._line(x, line, font, size, None if last or not justify else width)
        self.y -= after

    def toc_entry(self, text: str) -> None:
        layout = self.layout
        title, page = text.rsplit("\t", 1)
        self._need(layout.leading)
        self.y -= layout.leading
        # Long titles are set smaller rather than run into the page number.
        size = layout.size
        while size > 6 and _width(title, layout.font, size) > self.text_width - 24:
            size -= 0.5
        self._line(layout.left, title, layout.font, size)
        right = self.width - layout.right
        self._emit(lambda c, y=self.y: (c.setFont(layout.font, layout.size),
                                        c.drawRightString(right, y, page)))

    def table(self, rows: list[list[str]]) -> None:
        layout = self.layout
        size = layout.size - 1
        leading = size * 1.25
        ncols = max(len(r) for r in rows)
        first = self.text_width * 0.25
        rest = (self.text_width - first) / max(1, ncols - 1)
        widths = [first] + [rest] * (ncols - 1)
        pad = 4.0
        wrapped = [[break_lines(cell, layout.bold if r == 0 else layout.font, size, w - 2 * pad, hyphenate=False)
                    if cell else []
                    for cell, w in zip(row + [""] * (ncols - len(row)), widths, strict=True)]
                   for r, row in enumerate(rows)]
        heights = [max(1, *(len(c) for c in row)) * leading + 2 * pad for row in wrapped]
        self._need(sum(heights) + layout.leading)
        self.y -= layout.leading * 0.5
        top = self.y
        xs = [layout.left]
        for w in widths:
            xs.append(xs[-1] + w)
        ys = [top]
        for h in heights:
            ys.append(ys[-1] - h)

        def grid(c: canvas.Canvas) -> None:
            c.setLineWidth(0.5)
            for x in xs:
                c.line(x, ys[0], x, ys[-1])
            for y in ys:
                c.line(xs[0], y, xs[-1], y)

        self._emit(grid)
        for r, row in enumerate(wrapped):
            font = layout.bold if r == 0 else layout.font
            for col, lines in enumerate(row):
                for n, line in enumerate(lines):
                    y = ys[r] - pad - size - n * leading
                    if col == 0 or r == 0:
                        x = xs[col] + pad
                        self._emit(lambda c, x=x, y=y, t=line, f=font: (c.setFont(f, size), c.drawString(x, y, t)))
                    else:
                        x = xs[col + 1] - pad
                        self._emit(lambda c, x=x, y=y, t=line, f=font:
                                   (c.setFont(f, size), c.drawRightString(x, y, t)))
        self.y = ys[-1] - layout.leading * 0.5

    # running header and footer --------------------------------------------------------------
    def render(self, path: Path, title: str) -> None:
        layout = self.layout
        c = canvas.Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
        c.setTitle(title)
        total = len(self.pages)
        for number, ops in enumerate(self.pages, start=1):
            c.setFont(layout.font, 8)
            hy = self.height - layout.top + 28
            if layout.header_centred:
                c.drawCentredString(self.width / 2, hy, self.header)
            else:
                c.drawString(layout.left, hy, self.header)
            c.setLineWidth(0.3)
            c.line(layout.left, hy - 4, self.width - layout.right, hy - 4)
            footer = f"Side {number} af {total}"
            if layout.header_centred:
                c.drawRightString(self.width - layout.right, layout.bottom - 30, footer)
            else:
                c.drawCentredString(self.width / 2, layout.bottom - 30, footer)
            for op in ops:
                op(c)
            c.showPage()
        c.save()


def typeset(blocks: Iterable[Block], layout: Layout, header: str) -> Typesetter:
    ts = Typesetter(layout, header)
    for block in blocks:
        if block.kind == "title":
            ts.paragraph(block.text, font=layout.bold, size=layout.size + 4, leading=layout.leading + 5,
                         justify=False, after=layout.leading)
        elif block.kind == "item":
            ts.paragraph(block.text, font=layout.bold, size=layout.size + 2, leading=layout.leading + 3,
                         justify=False, before=layout.leading * 0.8, after=4, keep_with_next=True)
        elif block.kind == "heading":
            ts.paragraph(block.text, font=layout.bold, size=layout.size, leading=layout.leading,
                         justify=False, before=layout.para_space + 2, after=2, keep_with_next=True)
        elif block.kind == "bullet":
            ts.paragraph(block.text, font=layout.font, size=layout.size, leading=layout.leading, indent=6,
                         hang=12, after=layout.para_space / 2)
        elif block.kind == "toc":
            ts.toc_entry(block.text)
        elif block.kind == "table":
            ts.table(block.rows)
        else:
            ts.paragraph(block.text, font=layout.font, size=layout.size, leading=layout.leading,
                         after=layout.para_space)
    return ts


def make_pdf(seed: Path, target: Path, layout: Layout) -> int:
    """Typeset one seed text as a PDF; returns the number of pages."""
    _register_fonts()
    text = seed.read_text(encoding="utf-8")
    blocks = blocks_of(text)
    first = next((b.text for b in blocks if b.text), seed.stem)
    short = first if len(first) <= 60 else first[:60].rsplit(" ", 1)[0]
    header = f"Referat · {short}"
    ts = typeset(blocks, layout, header)
    target.parent.mkdir(parents=True, exist_ok=True)
    ts.render(target, first[:80])
    return len(ts.pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=FIXTURES / "pdf")
    args = parser.parse_args()
    for stem, layout in SEEDS.items():
        seed = FIXTURES / f"{stem}.txt"
        target = args.out / f"{stem}.pdf"
        pages = make_pdf(seed, target, LAYOUTS[layout])
        print(f"{target} ({layout}, {pages} pages, {target.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
