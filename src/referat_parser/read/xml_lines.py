"""Render an export as text lines in reading order, remembering where each part lands.

An export reader writes the meeting header, then per item a title line and per field a caption
line and the field's text. The line indexes it gets back go into the Outline, so the parser knows
the structure without guessing it. Text fields that hold HTML are read with the HTML reader, as
saved web pages are; plain text is split at its line breaks. Runs of blank lines are collapsed
here, because the clean stage keeps an export's lines one to one.
"""

from __future__ import annotations

import re

from ..lexicon.data import exports, fold
from .document import OutlineItem, OutlineSection, RawLine

# A real start or end tag, not a "<" in running text ("a < b", "<5 år").
_TAG = re.compile(r"<(?:[A-Za-z][\w:-]*(?:\s[^<>]*)?/?|/[A-Za-z][\w:-]*\s*)>")


def looks_like_markup(value: str) -> bool:
    return _TAG.search(value) is not None


def markup_lines(markup: str) -> list[RawLine]:
    from .html import html_fragment_lines  # the HTML reader of saved web pages

    return html_fragment_lines(markup)


def plain_lines(text: str) -> list[RawLine]:
    return [RawLine(line.rstrip()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def _is_placeholder(lines: list[RawLine]) -> bool:
    """A field holding only what the system writes into an empty field ("Tomt indhold")."""
    words = fold(" ".join(line.text for line in lines if line.text.strip()))
    return words in {fold(p) for p in exports()["empty_placeholders"]}


class LineBuilder:
    def __init__(self) -> None:
        self.lines: list[RawLine] = []

    def __len__(self) -> int:
        return len(self.lines)

    def blank(self) -> None:
        """A blank line, unless the last line is blank already (or there is none)."""
        if self.lines and self.lines[-1].text.strip():
            self.lines.append(RawLine(""))

    def line(self, text: str, *, bold: bool | None = None) -> int:
        """One line (line breaks inside become spaces); its index."""
        self.lines.append(RawLine(" ".join(text.split()), bold=bold))
        return len(self.lines) - 1

    def content(self, value: str | None, *, markup: bool | None = None) -> int | None:
        """A field's text (HTML when ``markup`` is true, or when None and it holds tags); the index
        of its last line, or None when it adds nothing (empty, or an empty-field placeholder)."""
        if not value or not value.strip():
            return None
        is_markup = looks_like_markup(value) if markup is None else markup
        rows = markup_lines(value) if is_markup else plain_lines(value)
        return self.rows(rows)

    def rows(self, rows: list[RawLine]) -> int | None:
        """Lines as they are, without leading, trailing or repeated blank lines."""
        rows = [row for row in rows if row.text is not None]
        if not any(row.text.strip() for row in rows) or _is_placeholder(rows):
            return None
        previous_blank = True  # no blank line at the start
        last = None
        for row in rows:
            blank = not row.text.strip()
            if blank and previous_blank:
                continue
            self.lines.append(RawLine("") if blank else row)
            previous_blank = blank
            if not blank:
                last = len(self.lines) - 1
        if previous_blank:
            self.lines.pop()  # the trailing blank line
        return last

    def section(self, caption: str, value: str | None, *, markup: bool | None = None) -> OutlineSection:
        """A field as a caption line followed by its text."""
        first = self.line(caption)
        last = self.content(value, markup=markup)
        return OutlineSection(caption=self.lines[first].text, first=first, last=last if last is not None else first)

    def attachments_section(self, item: OutlineItem) -> None:
        """The item's attachments as a section of their own, for exports that list them apart from
        the text fields, as the printed documents do."""
        if not item.attachments:
            return
        self.blank()
        first = self.line(exports()["attachments_caption"])
        for name in item.attachments:
            self.line(name)
        item.sections.append(OutlineSection(caption=self.lines[first].text, first=first, last=len(self.lines) - 1))


def public_from_words(value: str | None) -> bool | None:
    """True for "Åben dagsorden", False for "Lukket dagsorden", None when the words say neither."""
    words = fold(value or "").split()
    if not words:
        return None
    vocab = exports()
    if words[0] in {fold(w) for w in vocab["closed_words"]}:
        return False
    if words[0] in {fold(w) for w in vocab["open_words"]}:
        return True
    return None


def export_flag(value: str | None) -> bool | None:
    """An export's boolean ("true", "False", "1", "0"); None when it is neither."""
    folded = (value or "").strip().casefold()
    return True if folded in ("true", "1") else False if folded in ("false", "0") else None
