"""Accordion headings: web viewers print each section of an item as a bulleted row ('• Beslutningstema',
'• Indstilling', '• Text'). Once a document shows that layout with vocabulary headings, a bulleted
row that the vocabulary does not know ('• Forventet konsekvens') is a section heading too. A bulleted
line among other bulleted lines, under a heading or without text of its own is an entry of a list
('Bilag' / '• Indstilling' / '• Bilag 1: ...', attachment names), never a heading."""

from __future__ import annotations

from ..clean import Line
from ..lexicon import patterns as P
from ..lexicon.headings import Heading
from ..lineclass import BLANK, FIELD, HEADING, NUMBER_ONLY, NUMBERED, TEXT, Info
from .lines import next_text

MIN_BULLETED_HEADINGS = 2  # vocabulary headings with a marker that show the accordion layout
MAX_ROW_WORDS = 5  # a section's row names it in a few words
ROW_KEY = "other"  # the key of a heading the vocabulary does not know


def accordion_headings(infos: list[Info], lines: list[Line]) -> None:
    """Turn bulleted rows into headings (in place) in a document whose sections are bulleted rows:
    from the first bulleted vocabulary heading on, a short capitalised bulleted line without end
    punctuation, followed by a line without a marker (its text or fields), is a heading."""
    # A marker is the line's first character (list_marker opens with one): the pattern reads only those lines.
    markers, marker = P.LIST_MARKERS, P.list_marker.match  # read once, not per line
    marked = [index for index, line in enumerate(lines) if line.text[:1] in markers and marker(line.text)]
    for index in marked:  # 'Bilag' / '• Indstilling' / '• Bilag 1: ...': an entry of a list, not a section
        if infos[index].kind is HEADING and _list_entry(infos, lines, index):
            infos[index] = Info(TEXT, rule="bulleted_list_entry")
    vocabulary = [index for index in marked if infos[index].kind is HEADING]
    if len(vocabulary) < MIN_BULLETED_HEADINGS:
        return
    for index in marked:
        if index > vocabulary[0] and infos[index].kind is TEXT and _row_shaped(lines[index].text) \
                and _content_follows(infos, lines, index):
            name = lines[index].text[P.list_marker.match(lines[index].text).end():]  # type: ignore[union-attr]
            infos[index] = Info(HEADING, heading=Heading(ROW_KEY, name, rule="accordion_row"), rule="heading")


def _row_shaped(text: str) -> bool:
    name = text[P.list_marker.match(text).end():]  # type: ignore[union-attr]
    return bool(name) and name[0].isupper() and len(name.split()) <= MAX_ROW_WORDS \
        and not name.endswith((".", ",", ";", ":", "!", "?")) and not any(ch.isdigit() for ch in name)


def _content_follows(infos: list[Info], lines: list[Line], index: int) -> bool:
    for following in range(index + 1, len(infos)):
        if infos[following].kind is BLANK:
            continue
        return infos[following].kind in (TEXT, FIELD) and not P.list_marker.match(lines[following].text)
    return False


def _list_entry(infos: list[Info], lines: list[Line], index: int) -> bool:
    """A bulleted line with another bulleted line after it or a bulleted entry of text before it, or right
    under a heading, or with no text of its own (the next item or heading follows): an entry of a list,
    such as attachment names (an accordion's rows have their text or a bulleted field between them)."""
    before = next_text(infos, index, -1)
    after = next_text(infos, index, 1)
    if before is not None and (infos[before].kind is HEADING
                               or (infos[before].kind is TEXT and P.list_marker.match(lines[before].text))):
        return True
    return after is None or P.list_marker.match(lines[after].text) is not None \
        or infos[after].kind in (HEADING, NUMBERED, NUMBER_ONLY)
