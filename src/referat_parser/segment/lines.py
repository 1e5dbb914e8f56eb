"""Predicates and helpers the item-boundary rules share: what follows or precedes a line, how a
numbered line prints its number, and how an item's lines are dealt to its head and sections."""

from __future__ import annotations

from ..clean import Line
from ..lexicon import patterns as P
from ..lexicon.attendance import is_attendance_line
from ..lexicon.data import FOLD_STRIPS, fold
from ..lexicon.outcomes import classify_outcome
from ..lexicon.titles import is_title_like
from ..lineclass import BLANK, FIELD, HEADING, NUMBER_ONLY, NUMBERED, PUBLIC, TEXT, Info, Kind
from .blocks import ItemBlock, SectionBlock


def next_text(infos: list[Info], index: int, step: int) -> int | None:
    """The nearest line after ``index`` (``step`` 1) or before it (``step`` -1) that is not blank; None
    when only blank lines lie that way."""
    other = index + step
    while 0 <= other < len(infos) and infos[other].kind is BLANK:
        other += step
    return other if 0 <= other < len(infos) else None


LOOKAHEAD_LINES = 12  # how far an item title looks for the structure (heading, case number) of an item


def similar(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    fa, fb = fold(a), fold(b)
    return fa == fb or fa.startswith(fb) or fb.startswith(fa)


def has_item_structure(infos: list[Info], start: int, lines: list[Line] | None = None) -> bool:
    """True when an item's structure (a heading, case number or open/closed marker) follows the line
    at ``start`` before the next numbered line. With ``lines``, an attendance block between the title and
    its first heading ('Mødet sluttede kl. 21.33' / 'Fraværende med afbud:' / name lines) is not counted."""
    seen = 0
    names_under_label = False  # the lines under an attendance label, up to the next blank line
    for index in range(start + 1, len(infos)):
        kind = infos[index].kind
        if kind is BLANK:
            names_under_label = False
            continue
        if kind in (HEADING, PUBLIC) or (kind is FIELD and infos[index].field in (
                "case_number", "document_number", "competence")):
            return True
        if kind in (NUMBERED, NUMBER_ONLY):
            return False
        if lines is not None and kind is TEXT:
            if is_attendance_line(lines[index].text):
                names_under_label = names_under_label or attendance_label_alone(lines[index].text)
                continue
            if names_under_label:
                continue
        seen += 1
        if seen >= LOOKAHEAD_LINES:
            return False
    return False


def attendance_label_alone(text: str) -> bool:
    """'Fraværende med afbud:', 'Deltagere': an attendance label whose names follow on the next lines."""
    match = P.absence_label.match(text)
    return (match is not None and not match["names"].strip()) or P.absence_alone.match(text) is not None \
        or (P.attendance_label.match(text) is not None and text.rstrip(" :").count(" ") <= 2)


def title_before(infos: list[Info], lines: list[Line], index: int) -> int | None:
    """The title line printed before a bare "Sag nr. 130" line."""
    for back in range(index - 1, max(-1, index - 4), -1):
        info = infos[back]
        if info.kind is BLANK:
            continue
        if info.kind is TEXT and is_title_like(lines[back].text) and not P.label_value_short.match(lines[back].text):
            return back  # not "Fraværende: Jens Nygaard", a header line before the first item
        return None
    return None


def title_after(infos: list[Info], lines: list[Line], index: int) -> int | None:
    """The title line printed after a bare "Punkt 5" line, below the item's case number or open/closed
    mark if they stand between ('Pkt. 40' / 'J.nr. 00.30.10Ø09' / 'Regnskab 2004.', 'Punkt 142' / 'Status
    Åbent' / title)."""
    item_word = P.item_word.match(lines[index].text) is not None
    for ahead in range(index + 1, min(len(infos), index + 5)):
        info = infos[ahead]
        if info.kind in (BLANK, PUBLIC) or (info.kind is FIELD and info.field == "case_number"):
            continue
        title_like = is_title_like(lines[ahead].text, under_number=True, under_item_word=item_word)
        return ahead if info.kind is TEXT and title_like else None
    return None


CAPITALS_CONTINUATION_MAX = 60  # characters of a title's second line in capitals


def capitals_continuation(infos: list[Info], lines: list[Line], title: int) -> int | None:
    """'LOKALPLAN NR. 203 - BOLIGOMRÅDE VED SKOVVEJ.' / 'ENDELIG VEDTAGELSE.': a title in capitals that
    goes on in a second line of capitals right under it, before the item's first heading or field."""
    following = title + 1
    if following >= len(infos) or infos[following].kind is not TEXT or not _in_capitals(lines[title].text):
        return None
    text = lines[following].text
    if len(text) > CAPITALS_CONTINUATION_MAX or not _in_capitals(text):
        return None
    after = next_text(infos, following, 1)
    return following if after is not None and infos[after].kind in (HEADING, FIELD) else None


def _in_capitals(text: str) -> bool:
    return any(ch.isalpha() for ch in text) and text == text.upper()


def body_follows(infos: list[Info], index: int) -> bool:
    """The next non-blank line after ``index`` is text of the item, not another title or list entry."""
    for following in range(index + 1, len(infos)):  # an index loop: a slice would copy the rest per call
        if infos[following].kind is not BLANK:
            return infos[following].kind is TEXT
    return False


def closing_title(infos: list[Info], lines: list[Line], title: int, before: int) -> bool:
    """A title line such as 'Eventuelt': set off from the decision above by a blank line, not an
    outcome ('Anbefales') and not about a person ('Ib Holm (V) deltog ikke')."""
    text = lines[title].text
    return (infos[title].kind is TEXT and is_title_like(text) and title - before > 1
            and "(" not in text and classify_outcome(text) in (None, "other"))


def pull_back(infos: list[Info], start: int) -> int:
    """Include an "Åbent punkt" marker printed just before an item title (Acadre prints the case
    number on the same line)."""
    back = next_text(infos, start, -1)
    if back is not None and infos[back].kind is PUBLIC:
        return back  # with its case number, if it prints one ("Åbent - 07.00.05A08 - 2023/19877")
    return start


def number_style(text: str) -> str:
    """How a numbered line prints its number: the words before it and the mark after it, digits
    folded ("Punkt 3:" -> "punkt 0:", "2. Bilag" -> "0.")."""
    match = P.number_style.match(text)
    return P.digits.sub("0", match.group()).casefold() if match else ""


def repeat_lines(item: ItemBlock, infos: list[Info], lines: list[Line]) -> set[int]:
    """Lines that print the item's number and title again ("Punkt 42: X" then "42. X"). The title's
    words as the text of a section ('Beslutningstema' / 'Godkendelse af dagsorden') are no repeat."""
    repeats = set()
    previous: Kind | None = None
    title = fold(item.title) if item.title else ""  # folded once, not for every text line
    for index in range(item.start, item.end):
        kind = infos[index].kind
        if kind is BLANK:
            continue
        if kind is TEXT:
            if item.title and previous is not HEADING and index != item.title_line \
                    and _may_fold_to(lines[index].text, title) and fold(lines[index].text) == title:
                repeats.add(index)
        elif kind is NUMBERED and index != item.title_line:
            info = infos[index]
            if info.number == item.number and similar(info.title, item.title):
                repeats.add(index)
        previous = kind
    return repeats


def _may_fold_to(text: str, folded: str) -> bool:
    """Whether fold(text) may be ``folded``: a cheap first test (a paragraph's fold is not kept in
    data.fold's cache and costs microseconds), of the last character that fold keeps. Case folding
    maps white space and that punctuation to themselves, and no other character to either, so that
    character is the fold of the text's last character that is neither."""
    end = text.rstrip()
    while end and end[-1] in FOLD_STRIPS:
        end = end[:-1].rstrip()
    return end[-1:].casefold()[-1:] == folded[-1:]


def fill_sections(item: ItemBlock, infos: list[Info], skip: set[int | None]) -> None:
    current: SectionBlock | None = None
    repeat_seen = False
    for index in range(item.start, item.end):
        info = infos[index]
        if index in skip:
            if index != item.title_line:
                repeat_seen = True
                # Headings with no text before the repeated title are running labels, not sections.
                item.sections = [s for s in item.sections if s.body]
                current = item.sections[-1] if item.sections else None
            continue
        kind = info.kind
        if kind is BLANK:
            continue
        if kind is HEADING:
            current = SectionBlock(info.heading, index)  # type: ignore[arg-type]
            item.sections.append(current)
            continue
        if current is None or (repeat_seen and not item.sections):
            item.head.append(index)
        else:
            current.body.append(index)


def assign_lines(item: ItemBlock, infos: list[Info], sections: list[SectionBlock], toc_lines: set[int]) -> None:
    current: SectionBlock | None = None
    by_line = {s.line: s for s in sections}
    for index in range(item.start, item.end):
        if index in by_line:
            current = by_line[index]
            item.sections.append(current)
            continue
        if infos[index].kind is BLANK or index in toc_lines:
            continue
        if current is None:
            item.head.append(index)
        else:
            current.body.append(index)
