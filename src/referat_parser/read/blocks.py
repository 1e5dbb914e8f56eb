"""Paragraphs and tables, whichever format they came from, turned into lines one way.

The HTML and Word readers both see a document as a sequence of blocks: paragraphs (one line each,
with the typography a reader saw: bold, size) and tables (rows of cells, each cell again a sequence
of blocks). This module turns blocks into RawLines, so that a meeting saved as a web page and as a
Word file gives the same lines, and the same lines as its text and PDF versions where it can:

* a paragraph is one line; a table row whose cells each hold one line is one line;
* a two-cell row whose first cell labels the second ("Mødested" | "Rådhuset") is "Label: value",
  the form the header and item fields are written in elsewhere; a label that prints a colon keeps
  its own ("Sagsnr.:" | "24/1234" is "Sagsnr.: 24/1234");
* a number beside a title ("1" | "Godkendelse af dagsorden") is "1 Godkendelse af dagsorden";
* a section heading in a left column ("Beslutning" | "Godkendt.") is the heading on its own line,
  then its text, as the clean stage splits a PDF's margin headings;
* other rows of one-line cells (a budget table, a list of attachments) are the cells joined by tabs,
  as tables are in text files and in the PDF reader's lines;
* a row whose cells are each a field ("Sagsnr.: 1" | "Sagsbehandler: X" | "Åben") is one line per
  cell;
* a layout row (a cell holds several blocks: a whole agenda item laid out beside its number) is its
  cells' lines in reading order, the number or label joined to the first line beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..lexicon.data import fold, headings
from .document import RawLine
from .markup_rules import markup_rules


@dataclass(slots=True)
class Para:
    """One paragraph: its text with whitespace collapsed, bold when all of its text is."""

    text: str
    bold: bool = False
    size: float | None = None


@dataclass(slots=True)
class Cell:
    blocks: list[Block] = field(default_factory=list)
    header: bool = False  # a th, or the term of a definition list: it labels its row


@dataclass(slots=True)
class Grid:
    rows: list[list[Cell]] = field(default_factory=list)


Block = Para | Grid

# "1", "1.", "12.3", "4)": an item number in a cell of its own.
_NUMBER = re.compile(r"^(?:\d{1,4}(?:\.\d{1,3})*[.)]?|[a-zA-Z][.)])$")
# "Sagsnr.: 1", "Sagsbehandler:": a cell that is a field of its own.
_FIELD = re.compile(r"^[^\W\d][\w.\- ]{0,30}:(?:\s|$)")
LABEL_MAX_CHARS = 40
LABEL_MAX_WORDS = 5


@cache
def _left_column_headings() -> frozenset[str]:
    """Section headings (folded) that stand on their own line when a table prints them in a left
    column; those that are fields when a value follows on the same row ("Fraværende") excepted."""
    fields = markup_rules().field_heading_keys
    return frozenset(name for name, key in headings().exact.items() if key not in fields)


def render(blocks: list[Block]) -> list[RawLine]:
    """The lines of a sequence of blocks, tables flattened as the module docstring says."""
    lines: list[RawLine] = []
    for block in blocks:
        if isinstance(block, Para):
            lines.append(RawLine(block.text, bold=block.bold, size=block.size))
        else:
            for row in block.rows:
                lines.extend(_render_row(row))
    return lines


def _render_row(row: list[Cell]) -> list[RawLine]:
    filled = [(cell, lines) for cell in row if (lines := render(cell.blocks))]
    if not filled:
        return []
    if len(filled) == 1:
        return filled[0][1]
    if all(len(lines) == 1 for _, lines in filled):
        return _simple_row([(cell, lines[0]) for cell, lines in filled])
    (first_cell, first), (_, second) = filled[0], filled[1]
    rest = [line for _, lines in filled[2:] for line in lines]
    if len(first) == 1 and _is_label(first_cell, first[0]):
        return [*_pair(first[0], second[0]), *second[1:], *rest]
    return [line for _, lines in filled for line in lines]


def _simple_row(cells: list[tuple[Cell, RawLine]]) -> list[RawLine]:
    if len(cells) == 2 and not cells[1][0].header and _is_label(*cells[0]):
        return _pair(cells[0][1], cells[1][1])
    lines = [line for _, line in cells]
    if sum(1 for line in lines if _FIELD.match(line.text)) >= 2:
        return lines
    return [RawLine("\t".join(line.text for line in lines), bold=all(line.bold for line in lines),
                    size=lines[0].size)]


def _is_label(cell: Cell, line: RawLine) -> bool:
    text = line.text
    if _NUMBER.match(text) or text.endswith(":"):
        return True
    if len(text) > LABEL_MAX_CHARS or len(text.split()) > LABEL_MAX_WORDS or text.endswith(("!", "?")):
        return False
    # A sentence ("Godkendt.") is a value, not a label; an abbreviation ("Sagsnr.") may be either.
    return cell.header or bool(line.bold) or not text.endswith(".") or len(text.split()) == 1


def _pair(label: RawLine, value: RawLine) -> list[RawLine]:
    """A label cell and the first line of the cell beside it."""
    text = label.text
    bold = bool(label.bold and value.bold)
    if _NUMBER.match(text):
        return [RawLine(f"{text} {value.text}", bold=value.bold, size=value.size)]
    if text.endswith(":"):
        return [RawLine(f"{text} {value.text}", bold=bold, size=value.size)]
    if fold(text) in _left_column_headings():
        return [label, value]
    return [RawLine(f"{text}: {value.text}", bold=bold, size=value.size)]
