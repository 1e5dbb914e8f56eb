"""Decision headings that print only the deciding body's name and the date ('Byrådet 24-03-2021' /
'Godkendt.'). The same line at the top of a document names the meeting, so it is a heading only
inside an item, after its title, and only where its own text follows it: a run of such lines
('Økonomiudvalget 09-03-2021' / 'Byrådet 24-03-2021') is the case's planned course, not decisions."""

from __future__ import annotations

from ..clean import Line
from ..lexicon.headings import body_date_heading
from ..lineclass import BLANK, HEADING, TEXT, Info
from .blocks import ItemBlock

RULE = "body_date_in_item"


def body_date_headings(item: ItemBlock, infos: list[Info], lines: list[Line]) -> None:
    """Turn (in place) each body/date line of ``item`` after its title into a dated decision heading
    when text, not another body/date line, follows it and no body/date line stands right above it."""
    first = (item.title_line if item.title_line is not None else item.start) + 1
    for index in range(first, item.end):
        if infos[index].kind is not TEXT:
            continue
        # A cheap first test, without a call: body_date_heading takes a line that ends in a date and at
        # most a colon, so in a digit or a colon, or in white space that it strips.
        last = lines[index].text[-1:]
        if not (last.isdecimal() or last == ":" or last.isspace()):
            continue
        heading = body_date_heading(lines[index].text)
        if heading is None:
            continue
        after = _next_line(infos, index, item.end, step=1)
        before = _next_line(infos, index, first - 1, step=-1)
        if after is None or infos[after].kind is not TEXT or body_date_heading(lines[after].text) is not None:
            continue
        if before is not None and body_date_heading(lines[before].text) is not None:
            continue
        infos[index] = Info(HEADING, heading=heading, rule=RULE)


def _next_line(infos: list[Info], index: int, stop: int, step: int) -> int | None:
    """The nearest non-blank line from ``index`` in direction ``step``, before ``stop``."""
    other = index + step
    while other != stop and infos[other].kind is BLANK:
        other += step
    return None if other == stop else other
