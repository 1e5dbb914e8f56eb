"""Headings by typography, in documents that carry it (PDF): a document prints its section headings
in one style (bold, a size) and its paragraphs in another. A vocabulary word printed in the body
style ("Baggrund:" inside a citizen's proposal, "Indstilling" as an attachment's name) is then text,
not a section heading."""

from __future__ import annotations

from collections import Counter

from ..clean import Line
from ..lineclass import HEADING, TEXT, Info

Style = tuple[bool, float]
MIN_STYLED_HEADINGS = 3  # vocabulary headings needed to know the document's heading style


def _style(line: Line) -> Style | None:
    if line.bold is None or line.size is None:
        return None
    return line.bold, round(line.size, 1)


def _plain_name(info: Info) -> bool:
    """A heading that is only a vocabulary name: no body or date, no text on its line."""
    heading = info.heading
    # An attendance heading ("Fraværende") keeps its role whatever its style: names follow it.
    return heading is not None and not heading.dated and not heading.glued_text and heading.key != "attendance"


def heading_styles(infos: list[Info], lines: list[Line]) -> tuple[Style, Style] | None:
    """(heading style, body style) of the document, or None when it has no typography or prints its
    headings in the body's style."""
    headings: Counter[Style] = Counter()
    body: Counter[Style] = Counter()
    for info, line in zip(infos, lines, strict=True):
        if line.bold is None:  # no style, seen without a call: plain text carries none
            continue
        style = _style(line)
        if style is None:
            continue
        if info.kind is HEADING and _plain_name(info):
            headings[style] += 1
        elif info.kind is TEXT:
            body[style] += 1
    if not headings or not body:
        return None
    heading_style, count = headings.most_common(1)[0]
    body_style = body.most_common(1)[0][0]
    if count < MIN_STYLED_HEADINGS or heading_style == body_style:
        return None
    return heading_style, body_style


def demote_body_style_headings(infos: list[Info], lines: list[Line]) -> None:
    """Vocabulary names printed in the body style of a document whose headings have a style of their
    own are text (in place)."""
    styles = heading_styles(infos, lines)
    if styles is None:
        return
    _, body_style = styles
    for index, (info, line) in enumerate(zip(infos, lines, strict=True)):
        if info.kind is HEADING and _plain_name(info) and _style(line) == body_style:
            infos[index] = Info(TEXT, rule="body_style")
