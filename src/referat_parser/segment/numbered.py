"""Numbered items: item title lines ("Punkt 41: Title", "41. Title", "Sag nr. 130" after its title
line). Numbered lists inside an item ("1. at ...", a restart at 1) and tables of contents are not
items, and an item printed twice ("Punkt 42: X" ... "42. X") is one item."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..clean import Line
from ..lexicon import patterns as P
from ..lexicon.data import fold
from ..lexicon.titles import MAX_TITLE, is_title_like
from ..lexicon.words import ends_sentence
from ..lineclass import BLANK, FIELD, HEADING, NUMBER_ONLY, NUMBERED, PUBLIC, TEXT, TOC, Info
from .blocks import ItemBlock
from .lines import (
    body_follows,
    capitals_continuation,
    closing_title,
    fill_sections,
    has_item_structure,
    next_text,
    number_style,
    pull_back,
    similar,
    title_after,
    title_before,
)

# --- the boundary rules ----------------------------------------------------------------------------
#
# Every numbered line (and every "Sag nr. 116" / "5." line with its title found) is a Candidate; the
# rules below are tried in order and the first that applies decides what the line is. Each decision
# is recorded with the rule's name (Segmented.decisions, shown by `referat show --trace`).


@dataclass
class Candidate:
    index: int  # the numbered line
    number: int
    title: str | None
    title_line: int
    start: int  # where the item would start (the title line when it comes before the number)
    info: Info
    style: str  # how the line prints its number (lines.number_style)
    _structured: bool | None = None

    def title_like(self) -> bool:
        """The title could be an item's; a title under its number alone ('Pkt. 22' / 'Meddelelser.') may
        end in a full stop."""
        return is_title_like(self.title or "", under_number=self.title_line > self.index)

    def structured(self, infos: list[Info], lines: list[Line]) -> bool:
        """An item's structure (heading, case number, open/closed marker) follows the line."""
        if self._structured is None:
            self._structured = has_item_structure(infos, self.index, lines)
        return self._structured


@dataclass
class Start:
    start: int
    number: str
    title: str | None
    title_line: int
    rule: str


@dataclass
class _State:
    infos: list[Info]
    lines: list[Line]
    accepted: list[Start] = field(default_factory=list)
    pending: list[Candidate] = field(default_factory=list)  # numbered lines passed over before the first item
    list_next: int | None = None  # the next number of a numbered list running inside an item
    list_style: str = ""  # how that list prints its numbers
    list_line: int = 0  # a line of that list
    sections_first: bool = False  # a section heading comes before the first numbered line (see _list_in_sections)
    _recurring: frozenset[str] | None = None  # see recurring()
    section_list_next: int | None = None  # the next number of a list inside a section (see _list_in_sections)

    def recurring(self) -> frozenset[str]:
        """Titles (folded) printed more than once: in the contents, repeated. Counted when first needed."""
        if self._recurring is None:
            self._recurring = _recurring_titles(self.infos, self.lines)
        return self._recurring

    def last(self) -> Start:
        return self.accepted[-1]

    def follows_last(self, cand: Candidate) -> bool:
        return bool(self.accepted) and cand.number == int(self.last().number) + 1

    def accept(self, cand: Candidate, rule: str) -> None:
        self.accepted.append(Start(pull_back(self.infos, cand.start), str(cand.number), cand.title, cand.title_line, rule))
        self.list_next = None

    def start_list(self, cand: Candidate, next_number: int) -> None:
        self.list_next, self.list_style, self.list_line = next_number, cand.style, cand.index


YEARS = range(1900, 2100)  # a year at the start of a line continues the sentence above ("... gældende i" / "2013.")
# An item number this far above the last item's is a year, an amount or an entry of a numbered list,
# not the next item, unless an item's mark stands under it (a case number, an open/closed marker: the
# year-running numbers after "1. Godkendelse af dagsorden").
MAX_NUMBER_GAP = 100


def _continues_line(s: _State, c: Candidate) -> bool:
    """A year that continues the unfinished sentence right above it (no blank line between):
    '... skal være gældende i' / '2013. Det foreslås ...'."""
    above = c.index - 1
    return c.number in YEARS and above >= 0 and s.infos[above].kind is TEXT and not ends_sentence(s.lines[above].text)


def join_wrapped_titles(infos: list[Info], lines: list[Line]) -> None:
    """'246. Lejede lokaler på Chr.' / '8. Vej 7, Silkeborg': a title wrapped after a capitalised
    abbreviation or initials, its next line looking numbered. The second line continues the title (in
    place: the title grows, the line becomes text) unless it prints the next number (a new item)."""
    for index in range(len(infos) - 1):
        info = infos[index]  # read in the loop: a joined line has become text
        if info.kind is not NUMBERED:
            continue
        following = infos[index + 1]
        if following.kind is not NUMBERED or not info.title:
            continue
        if P.initial_at_line_end.search(info.title) is None or int(following.number or 0) == int(info.number or 0) + 1:
            continue
        info.title = f"{info.title} {lines[index + 1].text}"
        infos[index + 1] = Info(TEXT, rule="wrapped_title")


ITEM_MARK_WINDOW = 2  # non-blank lines after a title in which an item's case number or marker stands


def _list_in_sections(s: _State, c: Candidate) -> bool:
    """In a document whose first section heading comes before any numbered line (its items have no
    numbers), a numbered line is an entry of a section's list ('Indstilling' / '... indstiller, at' /
    '1. Formanden vælges ...') unless it shows an item's marks: a case number, competence or open/closed
    marker right under it, a title printed again elsewhere, or a title's shape (no full stop at its end,
    not after a recommendation's 'at' or a colon). A title with a full stop is still an item's when its
    first section heading follows it directly (a heading in the header, such as 'Indledning', comes
    before the numbers of ordinary minutes too); once an item is accepted, the items are numbered."""
    if not s.sections_first or s.accepted:
        return False
    if c.info.public is not None or _item_field_follows(s.infos, c.title_line):
        return False
    if c.title is None or c.number == s.section_list_next:
        return True
    if fold(c.title) in s.recurring():
        return False
    if _after_list_intro(s.infos, s.lines, c.index):
        return True
    return c.title.rstrip().endswith((".", ":", ";", ",")) and not _heading_follows(s.infos, c.title_line)


def _heading_follows(infos: list[Info], index: int) -> bool:
    """The next line with text after ``index`` is a section heading."""
    following = next_text(infos, index, 1)
    return following is not None and infos[following].kind is HEADING


def _section_list_entry(s: _State, c: Candidate) -> None:
    s.section_list_next = c.number + 1


def _item_field_follows(infos: list[Info], index: int) -> bool:
    seen = 0
    for following in range(index + 1, len(infos)):
        info = infos[following]
        if info.kind is BLANK:
            continue
        if info.kind is PUBLIC or (info.kind is FIELD and info.field in ("case_number", "competence")):
            return True
        seen += 1
        if seen >= ITEM_MARK_WINDOW:
            return False
    return False


def _after_list_intro(infos: list[Info], lines: list[Line], index: int) -> bool:
    """The line before is a recommendation's intro ('Forvaltningen indstiller, at') or ends in a colon."""
    before = next_text(infos, index, -1)
    if before is None or infos[before].kind is not TEXT:
        return False
    text = lines[before].text.rstrip()
    return text.endswith(":") or P.recommendation_intro.search(text) is not None


def _list_continues(s: _State, c: Candidate) -> bool:
    """The next number of a running list, unless the line is styled like the items ("Punkt 3:" after
    "2. Bilag"), carries an item's marks where it would be the next item (its case number right under
    it, or its title printed again, as in the contents: "Bilag:" / "1. ..." / "2. ..." / "3. Next
    item"), is the first item with structure, or is bold like the items while the list is not."""
    if s.list_next is None or c.number != s.list_next:
        return False
    if not s.accepted and c.structured(s.infos, s.lines):
        return False
    if s.follows_last(c):  # where it would be the next item (so an item is accepted)
        title_line = s.last().title_line
        if s.list_style != c.style and c.style == number_style(s.lines[title_line].text):
            return False
        if _item_field_follows(s.infos, c.title_line) or (c.title is not None and fold(c.title) in s.recurring()):
            return False
        return not _bold_like_items(s.lines, c.index, s.list_line, title_line)
    return True


def _continue_list(s: _State, c: Candidate) -> None:
    assert s.list_next is not None
    s.list_next += 1
    if not s.accepted:
        s.pending.append(c)


def _opens_items(s: _State, c: Candidate) -> bool:
    """The first item: marked open/closed, followed by an item's structure, or item 1 printed with a
    word only items carry ("Ad 1) Godkendelse af referat") and followed by its text."""
    if s.accepted:
        return False
    return c.info.public is not None or c.structured(s.infos, s.lines) or (
        c.number == 1 and P.item_word.match(s.lines[c.index].text) is not None and c.title_like()
        and body_follows(s.infos, c.index))


def _accept_first(s: _State, c: Candidate) -> None:
    s.accepted.extend(_earlier_items(s.pending, c.number, s.infos, s.lines, c.style))
    s.accept(c, "first_item")


def _before_items(s: _State, c: Candidate) -> bool:
    return not s.accepted


def _pass_over(s: _State, c: Candidate) -> None:
    s.pending.append(c)
    if c.number == 1:
        s.start_list(c, 2)


def _printed_again(s: _State, c: Candidate) -> bool:
    """The same item printed again ("Punkt 42: X" ... "42. X")."""
    return c.number == int(s.last().number) and similar(c.title, s.last().title)


def _is_next_item(s: _State, c: Candidate) -> bool:
    """A higher number with an item's structure ("59 (L) Title" is marked), or the next number with a title."""
    if c.number <= int(s.last().number):
        return False
    if c.number - int(s.last().number) > MAX_NUMBER_GAP and not P.item_word.match(s.lines[c.index].text) \
            and c.info.public is None and not _item_field_follows(s.infos, c.title_line):
        return False
    return c.info.public is not None or c.structured(s.infos, s.lines) or (s.follows_last(c) and c.title_like())


def _always(s: _State, c: Candidate) -> bool:
    return True


# (name, applies, act): tried in order, the first that applies decides.
NUMBERED_RULES: tuple[tuple[str, Callable[[_State, Candidate], bool], Callable[[_State, Candidate], None]], ...] = (
    ("continues_line", _continues_line, lambda s, c: None),
    ("list_in_sections", _list_in_sections, _section_list_entry),
    ("list_continues", _list_continues, _continue_list),
    ("first_item", _opens_items, _accept_first),
    ("passed_over", _before_items, _pass_over),
    ("printed_again", _printed_again, lambda s, c: None),
    ("next_item", _is_next_item, lambda s, c: s.accept(c, "next_item")),
    ("list_inside_item", _always, lambda s, c: s.start_list(c, c.number + 1)),
)


def _candidate(infos: list[Info], lines: list[Line], index: int, info: Info) -> Candidate | None:
    """The numbered line at ``index`` with its title: on the line itself, or for a bare number the
    title line before ("Sag nr. 130" under its title) or after it ("Punkt 5" / "5." above it)."""
    title, title_line, start = info.title, index, index
    if info.kind is NUMBER_ONLY:
        before = title_before(infos, lines, index) if info.value == "before" else None
        if before is not None:
            title, title_line, start = lines[before].text, before, before
        else:  # "Sag nr. 116" above its title, as other systems print it
            after = title_after(infos, lines, index)
            if after is None and info.value == "before":
                return None
            title, title_line = (lines[after].text, after) if after is not None else (None, index)
            wrapped = capitals_continuation(infos, lines, after) if after is not None else None
            title = f"{title} {lines[wrapped].text}" if wrapped is not None else title
    return Candidate(index, int(info.number or 0), title, title_line, start, info, number_style(lines[index].text))


def numbered_starts(infos: list[Info], lines: list[Line], toc_lines: set[int],
                    decisions: list[tuple[int, str]]) -> list[Start]:
    """The start of each numbered item, found by running NUMBERED_RULES over the numbered lines."""
    state = _State(infos, lines, sections_first=_sections_first(infos, toc_lines))
    for index, info in enumerate(infos):
        kind = info.kind
        if kind is HEADING:
            state.list_next = state.section_list_next = None  # a heading ends any list
            continue
        if (kind is not NUMBERED and kind is not NUMBER_ONLY) or (index in toc_lines and not state.accepted):
            continue
        cand = _candidate(infos, lines, index, info)
        if cand is None:
            continue
        for name, applies, act in NUMBERED_RULES:
            if applies(state, cand):
                act(state, cand)
                decisions.append((index, name))
                break
    return _case_lines_above(state.accepted, infos)


def _case_lines_above(starts: list[Start], infos: list[Info]) -> list[Start]:
    """Systems that print the case number on the line above the title ('00.01.00-G01-24-17' / blank /
    '342. Title'): when the first item does so (and has no case number under its title), each item's
    start moves up over a case-number line that stands right above its title."""
    if not starts or _case_line_above(infos, starts[0].start) is None or _case_line_below(infos, starts[0].title_line):
        return starts
    moved = []
    for start in starts:
        above = _case_line_above(infos, start.start)
        moved.append(start if above is None else Start(above, start.number, start.title, start.title_line, start.rule))
    return moved


def _is_case_line(info: Info) -> bool:
    return info.kind is FIELD and info.field == "case_number"


def _case_line_above(infos: list[Info], start: int) -> int | None:
    """The case-number line separated from ``start`` by blank lines only."""
    above = next_text(infos, start, -1)
    return above if above is not None and _is_case_line(infos[above]) else None


def _case_line_below(infos: list[Info], title: int) -> bool:
    below = next_text(infos, title, 1)
    return below is not None and _is_case_line(infos[below])


def _sections_first(infos: list[Info], toc_lines: set[int]) -> bool:
    """The first section heading (attendance aside) comes before the first numbered line outside the contents."""
    for index, info in enumerate(infos):
        kind = info.kind
        if kind is HEADING and info.heading is not None and info.heading.key != "attendance":
            return True
        if (kind is NUMBERED or kind is NUMBER_ONLY) and index not in toc_lines:
            return False
    return False


def _recurring_titles(infos: list[Info], lines: list[Line]) -> frozenset[str]:
    """The titles of numbered and contents lines, and the short capitalised text lines, that occur twice
    or more (folded)."""
    printed: list[str] = []
    for info, line in zip(infos, lines, strict=True):
        kind = info.kind
        if kind is NUMBERED or kind is TOC:
            printed.append(info.title or line.text)
        elif kind is TEXT:
            text = line.text
            if len(text) <= MAX_TITLE and text[:1].isupper():
                printed.append(text)
    counts = Counter(map(fold, printed))
    return frozenset(title for title, count in counts.items() if count >= 2)


def _bold_like_items(lines: list[Line], index: int, list_line: int, item_line: int) -> bool:
    """Typography tells an item title from a list entry: bold like the last item's title, while
    the list is not ('3. Kunstgræsbane' after a Bilag list '1. ...', '2. ...' in a PDF)."""
    return bool(lines[index].bold) and bool(lines[item_line].bold) and lines[list_line].bold is False


def _earlier_items(pending: list[Candidate], number: int, infos: list[Info], lines: list[Line],
                   style: str) -> list[Start]:
    """Items before the first one with structure: '1. Godkendelse af dagsorden' / 'Godkendt.' has no
    heading or case number, so it was passed over; it is an item when the lines passed over count
    down to it from the first item's number, print their numbers alike and each have a body."""
    found: list[Start] = []
    expected = number - 1
    for cand in reversed(pending):
        if cand.number != expected or cand.style != style \
                or not cand.title_like() \
                or not body_follows(infos, cand.title_line):
            break
        found.append(Start(pull_back(infos, cand.start), str(cand.number), cand.title, cand.title_line, "counted_down"))
        expected -= 1
    return found[::-1]


def split_unnumbered_tail(item: ItemBlock, infos: list[Info], lines: list[Line]) -> list[ItemBlock]:
    """'Eventuelt' printed without a number after the last numbered item: a title line after the
    item's decision, followed by a second plain decision heading, starts an item of its own (and
    so on, for each such title: a loop, not a recursion, whatever their number)."""
    parts = [item]
    while (tail := _cut_closing_item(parts[-1], infos, lines)) is not None:
        parts.append(tail)
    return parts


def _cut_closing_item(item: ItemBlock, infos: list[Info], lines: list[Line]) -> ItemBlock | None:
    """Cut the first closing item off ``item`` and return it; None when there is none."""
    for k in range(1, len(item.sections)):
        heading, previous = item.sections[k].heading, item.sections[k - 1]
        if heading.key != "decision" or heading.dated or len(previous.body) < 2:
            continue
        if not any(s.heading.key == "decision" and s.body for s in item.sections[:k]):
            continue
        title = previous.body[-1]
        if not closing_title(infos, lines, title, previous.body[-2]):
            continue
        tail = ItemBlock(start=title, end=item.end, title=lines[title].text, title_line=title,
                         sections=item.sections[k:], rule="closing_title")
        previous.body = previous.body[:-1]
        item.sections, item.end = item.sections[:k], title
        return tail
    return None


def protocol_items(infos: list[Info], lines: list[Line], toc_lines: set[int]) -> list[ItemBlock]:
    """Numbered items whose sections the vocabulary does not know: a decision protocol
    (beslutningsprotokol) with no headings at all, or a run of consecutively numbered titles
    (1, 2, 3, ...). An item without sections takes its decision from its text (extract/items.py)."""
    candidates = [i for i, info in enumerate(infos) if info.kind is NUMBERED and i not in toc_lines
                  and is_title_like(info.title or "")]
    chain: list[int] = []
    for index in candidates:
        if not chain or int(infos[index].number or 0) == int(infos[chain[-1]].number or 0) + 1:
            chain.append(index)
    no_headings = not any(info.kind is HEADING for info in infos)
    if not chain or (len(chain) < 2 and not no_headings) or _only_item_zero(infos, chain):
        return []
    items = []
    for position, start in enumerate(chain):
        info = infos[start]
        item = ItemBlock(start=start, end=chain[position + 1] if position + 1 < len(chain) else len(lines),
                         number=info.number, title=info.title, title_line=start, rule="protocol")
        fill_sections(item, infos, skip={start})
        items.append(item)
    return items


def _only_item_zero(infos: list[Info], chain: list[int]) -> bool:
    """'00 Referat uden bilag - X Kommune': a number 0 with no item 1 after it numbers a document or
    an attachment, not an agenda item."""
    return len(chain) == 1 and int(infos[chain[0]].number or 0) == 0
