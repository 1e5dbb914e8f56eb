"""Unnumbered items: an item begins at an opening heading (Beslutningstema, Indstilling,
Sagsfremstilling, Resumé, ...) once the current item has had its decision, or when an opening heading
repeats; its head (title, case number, open/closed marker) is found by walking back from there."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..clean import Line
from ..lexicon import patterns as P
from ..lexicon.attendance import is_attendance_line
from ..lexicon.data import fold, headings
from ..lexicon.headings import Heading
from ..lexicon.outcomes import classify_outcome
from ..lexicon.titles import is_meeting_line, is_title_like
from ..lineclass import BLANK, FIELD, HEADING, PUBLIC, TEXT, Info
from .blocks import ItemBlock, SectionBlock
from .lines import assign_lines, attendance_label_alone, closing_title, next_text, title_before

_HEAD_FIELDS = ("case_number", "document_number", "case_worker", "competence", "department")


# --- the boundary rules ----------------------------------------------------------------------------
#
# Items without numbers are found at their headings: the rules below are tried in order for every
# heading line, and the first that applies says whether the heading opens a new item. Each decision
# is recorded with the rule's name (Segmented.decisions, shown by `referat show --trace`).


@dataclass
class _State:
    infos: list[Info]
    lines: list[Line]
    opening: frozenset[str]  # heading keys that open an item
    decision_last: bool  # the layout closes each item with its decision (see _decision_ends_items)
    items: list[ItemBlock] = field(default_factory=list)
    has_decision: bool = False  # the current item has had the decision of this meeting
    opened: bool = False  # ... and an opening section (Indstilling, Sagsfremstilling, ...) before it
    marker: bool = False  # an "Åben"/"Lukket" line since the current item's last heading
    keys: set[str] = field(default_factory=set)  # the heading keys of the current item

    @property
    def current(self) -> ItemBlock | None:
        return self.items[-1] if self.items else None


def _first_heading(s: _State, heading: Heading, index: int) -> bool:
    return s.current is None


def _after_marker(s: _State, heading: Heading, index: int) -> bool:
    return s.marker


def _opening_after_decision(s: _State, heading: Heading, index: int) -> bool:
    """An opening heading once the item has had its decision (and an opening section, or in a layout
    where the decision closes every item)."""
    return heading.key in s.opening and s.has_decision and (s.opened or s.decision_last)


def _opening_repeated(s: _State, heading: Heading, index: int) -> bool:
    return heading.key in s.opening and heading.key in s.keys


def _second_decision(s: _State, heading: Heading, index: int) -> bool:
    """A second plain decision heading after a closing item's title ('Eventuelt') or after other
    sections: the decision of the next item."""
    if heading.key != "decision" or not s.has_decision or heading.item_number:
        return False
    titled = _titled(s.infos, s.lines, index)
    if not (titled or s.keys - {"decision"}):
        return False
    return s.current.sections[-1].heading.key != "decision" or titled  # type: ignore[union-attr]


# (name, applies, opens a new item): tried in order, the first that applies decides.
UNNUMBERED_RULES: tuple[tuple[str, Callable[[_State, Heading, int], bool], bool], ...] = (
    ("first_heading", _first_heading, True),
    ("after_open_closed_marker", _after_marker, True),
    ("opening_after_decision", _opening_after_decision, True),
    ("opening_repeated", _opening_repeated, True),
    ("second_decision", _second_decision, True),
    ("same_item", lambda s, heading, index: True, False),
)


def _open_item(s: _State, index: int, rule: str) -> None:
    current = s.current
    floor = current.sections[-1].line + 1 if current else 0
    start = _walk_back(s.infos, s.lines, index, floor=floor, first=current is None)
    if current is not None:
        current.end = start
    s.items.append(ItemBlock(start=start, end=len(s.lines), rule=rule))
    s.has_decision = s.opened = s.marker = False
    s.keys = set()


def unnumbered_items(infos: list[Info], lines: list[Line], toc_lines: set[int],
                     decisions: list[tuple[int, str]]) -> list[ItemBlock]:
    """Items found at their headings, by running UNNUMBERED_RULES over the heading lines."""
    state = _State(infos, lines, headings().opening, _decision_ends_items(infos, lines))
    for index, info in enumerate(infos):
        kind = info.kind
        if kind is not HEADING:
            if kind is PUBLIC and info.field is None and state.current is not None:
                state.marker = True
            continue
        heading = info.heading
        if heading is None:
            continue
        if heading.key == "attendance" and state.current is None:
            continue
        for name, applies, opens in UNNUMBERED_RULES:
            if applies(state, heading, index):
                if opens:
                    _open_item(state, index, name)
                decisions.append((index, name))
                break
        if heading.key == "decision" and not heading.item_number and not _quoted_elsewhere(heading) \
                and _has_text(infos, index):
            state.has_decision = True  # an empty decision heading (the meeting has not decided yet) closes nothing
        elif heading.key in state.opening and not state.has_decision:
            state.opened = True
        state.keys.add(heading.key)
        state.current.sections.append(SectionBlock(heading, index))  # type: ignore[union-attr]
    for item in state.items:
        _deal_lines(item, infos, lines, toc_lines)
    return [part for item in state.items for part in _split_marked_tail(item, infos, lines)]


def _deal_lines(item: ItemBlock, infos: list[Info], lines: list[Line], toc_lines: set[int]) -> None:
    """Deal the item's lines to its head and sections; the first title-like line of the head is its title."""
    sections, item.sections = item.sections, []
    assign_lines(item, infos, sections, toc_lines)
    item.title_line = next((i for i in item.head if infos[i].kind is TEXT and is_title_like(lines[i].text)), None)
    if item.title_line is not None:
        item.title = lines[item.title_line].text
        item.head.remove(item.title_line)


def _split_marked_tail(item: ItemBlock, infos: list[Info], lines: list[Line]) -> list[ItemBlock]:
    """An item with no headings after its last section's text: "Lukket punkt" / its title / "Sagsnr.: ..."
    printed after a decision is the next (closed) item, not more of the decision."""
    if not item.sections or not item.sections[-1].body:
        return [item]
    body = item.sections[-1].body
    for position, index in enumerate(body[1:-1], start=1):
        title = body[position + 1]
        if infos[index].kind is PUBLIC and infos[title].kind is TEXT and is_title_like(lines[title].text):
            tail = ItemBlock(start=index, end=item.end, title=lines[title].text, title_line=title, rule="marked_after_decision",
                             head=[i for i in body[position:] if i != title])
            if len(tail.head) <= 1:
                return [item]  # a marker and a title with no body: no item, and nothing is cut
            item.sections[-1].body = body[:position]
            item.end = index
            return [item, tail]
    return [item]


def _sole_outcome(infos: list[Info], lines: list[Line], index: int, floor: int) -> bool:
    """'Beslutning' / 'Godkendt': the only line under the previous item's decision heading states its
    outcome; it is that decision's text, not the next item's title."""
    heading = floor - 1
    if heading < 0 or infos[heading].kind is not HEADING or infos[heading].heading.key != "decision":  # type: ignore[union-attr]
        return False
    if any(infos[i].kind is not BLANK for i in range(floor, index)):
        return False
    return classify_outcome(lines[index].text) not in (None, "other")


def _under_attendance_label(infos: list[Info], lines: list[Line], index: int) -> bool:
    """'Fraværende uden afbud:' / 'Ole Dam': a name under an attendance label is no title."""
    before = next_text(infos, index, -1)
    return before is not None and infos[before].kind is TEXT and attendance_label_alone(lines[before].text)


def _has_text(infos: list[Info], index: int) -> bool:
    """Some line other than a heading follows the heading at ``index``."""
    following = next_text(infos, index, 1)
    return following is not None and infos[following].kind is not HEADING


def _titled(infos: list[Info], lines: list[Line], index: int) -> bool:
    """A closing-item title ('Orientering fra formanden') stands right before the heading at ``index``."""
    title = title_before(infos, lines, index)
    if title is None or title != index - 1:
        return False
    before = next_text(infos, title, -1)
    return before is not None and closing_title(infos, lines, title, before)


def _decision_ends_items(infos: list[Info], lines: list[Line]) -> bool:
    """True for layouts where an item's sections come first and its decision closes it (most
    systems); False where each item opens with its title and then its decision, the case following
    (e.g. Aarhus). Decided per document: does the first heading of the document and do most later
    decision headings come right after a title line?"""
    headings_at = [i for i, info in enumerate(infos)
                   if info.kind is HEADING and info.heading and info.heading.key != "attendance"]
    if not headings_at or infos[headings_at[0]].heading.key != "decision":  # type: ignore[union-attr]
        return True
    later = [i for i in headings_at[1:] if infos[i].heading.key == "decision"]  # type: ignore[union-attr]
    if not later:  # one item, or one decision: decision-first when a title stands right above it
        return title_before(infos, lines, headings_at[0]) is None
    after_title = sum(1 for i in later if title_before(infos, lines, i) is not None)
    return after_title * 2 <= len(later)  # a tie: the common layout


def _quoted_elsewhere(heading: Heading) -> bool:
    return heading.dated and heading.body is not None and fold(heading.printed).startswith("beslutning fra")


def _walk_back(infos: list[Info], lines: list[Line], index: int, floor: int, first: bool = False) -> int:
    """Move an item's start back over its head: case-number fields, open/closed markers, routing
    grids and one title line. The first item of a document may also have one paragraph between
    its title and its first heading (a short description under the title)."""
    start = index
    title_taken = False
    back = index - 1
    skipped_paragraph = not first
    while back >= floor:
        info = infos[back]
        text = lines[back].text
        if info.kind is BLANK:
            back -= 1
            continue
        if info.kind is PUBLIC or (info.kind is FIELD and info.field in _HEAD_FIELDS) or P.grid_token.match(text):
            start = back
        elif info.kind is TEXT and not title_taken and is_attendance_line(text):
            pass  # 'Fraværende:' / 'Afbud: ...' under the title: the item's, if a title stands above them
        elif info.kind is TEXT and not title_taken and is_title_like(text) and not _sole_outcome(infos, lines, back, floor) \
                and not _under_attendance_label(infos, lines, back):
            title_taken = True
            start = back
        elif info.kind is TEXT and not title_taken and not skipped_paragraph and not is_meeting_line(text):
            skipped_paragraph = True
            title = title_before(infos, lines, back)
            if title is not None and title >= floor:
                return title
            break
        else:
            break
        back -= 1
    return start
