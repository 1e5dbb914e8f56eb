"""Classify cleaned lines: blank, heading, numbered item title, table-of-contents entry, item field.

What a line is, and how an item title prints its number, are rule tables (LINE_RULES, ITEM_RULES;
the first rule that matches wins), in the style of mistune's block rules: adding a numbering style
means adding a row, not a branch. Each line's Info names the rule that classified it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import cache, lru_cache
from typing import Any

from .lexicon import gates as G
from .lexicon import patterns as P
from .lexicon.headings import Heading, match_heading


class Kind(Enum):
    BLANK = "blank"
    HEADING = "heading"
    NUMBERED = "numbered"  # "41. Title", "Punkt 41: Title", "Nr.60 - Title"
    NUMBER_ONLY = "number_only"  # "Sag nr. 130" whose title is the line before
    TOC = "toc"  # "Title ..... 3"
    PUBLIC = "public"  # "Åben", "Lukket punkt"
    FIELD = "field"  # "Sagsnr.: ...", "Kompetence: ...", a bare case number
    TEXT = "text"


# The kinds as plain module constants, for the loops over every line of a document: reading a member
# through its Enum class (Kind.TEXT) costs several times a global's lookup.
BLANK, HEADING, NUMBERED, NUMBER_ONLY = Kind.BLANK, Kind.HEADING, Kind.NUMBERED, Kind.NUMBER_ONLY
TOC, PUBLIC, FIELD, TEXT = Kind.TOC, Kind.PUBLIC, Kind.FIELD, Kind.TEXT


@dataclass(slots=True)
class Info:
    kind: Kind
    heading: Heading | None = None
    number: str | None = None
    title: str | None = None
    public: bool | None = None
    field: str | None = None  # field name for FIELD lines
    value: str | None = None
    case: str | None = None  # a case number printed on an item's number line ('Pkt. 113   J.nr. 00.01.A00')
    rule: str = ""  # the rule that classified the line (LINE_RULES, or the numbering style of ITEM_RULES)


# The numbering styles of item title lines, in order: the first pattern that matches (and leaves a
# plausible title) wins. Each names a pattern of the lexicon (patterns.py) whose group 'num' is the
# item number, 'title' the title and 'public' an open/closed mark.
ITEM_RULES: tuple[str, ...] = (
    "item_punkt",  # "Punkt 41: Title", "Pkt. 3 - Title"
    "item_ad",  # "Ad 1) Title"
    "item_sag",  # "Sag nr. 87: Title", "Dagsordenspunkt 4 - Title"
    "item_word_space",  # "Punkt 41 Title", "Sag 18 Title"
    "item_marked",  # "1. (Åben) Title", "56 (Å) Title"
    "item_nr",  # "Nr. 60 - Title"
    "item_dotted",  # "41. Title", "• 212. Title", "3) Title"
    "item_open_closed",  # "Åbent punkt 2 Title"
    "item_bare",  # "41 Title"
    "item_dash",  # "38 - Title"
    "item_glued",  # "38Godkendelse af dagsorden"
)

# Item fields by name, in order; each names a pattern whose group 'value' is the field's value.
FIELD_RULES: tuple[tuple[str, str], ...] = (
    ("case_number", "field_case_number"),
    ("document_number", "field_document_number"),
    ("competence", "field_competence"),
    ("case_worker", "field_case_worker"),
    ("process", "field_process"),
    ("department", "field_department"),
)

_FIELD_INITIALS = frozenset("SsJjAaDdKkØøBbOoFfCc")  # the first letters of the field labels: a cheap first test
BARE_CASE_MAX = 40  # characters of a case number printed alone on its line
CONTENTS_COLUMNS_MAX = 40  # characters of a contents table's header row
PLAIN_MIN = max(BARE_CASE_MAX, CONTENTS_COLUMNS_MAX)  # characters; a plain line (_is_plain) is longer


def _blank(text: str, bold: bool | None) -> Info | None:
    return Info(BLANK) if not text else None


def _heading(text: str, bold: bool | None) -> Info | None:
    heading = match_heading(text, bold=bold)
    return Info(HEADING, heading=heading) if heading is not None else None


def _contents_heading(text: str, bold: bool | None) -> Info | None:
    return Info(TOC) if P.toc_mark.match(text) else None


def _contents_columns(text: str, bold: bool | None) -> Info | None:
    """'Punkt nr. Side': the column headers of a contents table mark the contents as its heading does."""
    return Info(TOC) if len(text) <= CONTENTS_COLUMNS_MAX and P.toc_columns.match(text) else None


LEADERS = ("...", "…", "___", ". . .")  # what a contents line prints between its title and page


def _has_leader(text: str) -> bool:
    """A cheap first test for a contents entry's dot leader (substring tests, not a regex search)."""
    return any(leader in text for leader in LEADERS)


def _contents_entry(text: str, bold: bool | None) -> Info | None:
    # The page number ends the line (toc_leader's '\d{1,4}$'; '$' also stands before a final line break):
    # the cheapest test first, then the leaders, then the pattern.
    last = text[-1:]
    if not (last.isdecimal() or last == "\n") or not _has_leader(text):
        return None
    match = P.toc_leader.match(text)
    return _toc_entry(match["title"].strip(" ."), match["page"]) if match else None


def _open_closed(text: str, bold: bool | None) -> Info | None:
    match = P.public.match(text)
    if match is None:
        return None
    return Info(PUBLIC, public=not match["word"].casefold().startswith(("lukket", "fortrolig")))


def _open_closed_with_case(text: str, bold: bool | None) -> Info | None:
    """'Åbent - 00.01.00A04 - 2007/34364': the mark and the item's case number on one line."""
    match = P.public_with_case.match(text)
    if match is None:
        return None
    case = P.dash_separator.split(match["case"])[-1].strip()
    return Info(PUBLIC, public=not match["word"].casefold().startswith("lukket"), field="case_number", value=case)


def _number_alone(text: str, bold: bool | None) -> Info | None:
    """'Sag nr. 130' (its title on the line before), 'Punkt 5' or '5.' (the title after)."""
    match = P.number_only.match(text)
    if match is None:
        return None
    side = "before" if (match["word"] or "").casefold().startswith("sag") else "after"
    return Info(NUMBER_ONLY, number=str(int(match["num"] or match["bare"])), value=side)


def _number_with_case(text: str, bold: bool | None) -> Info | None:
    """'Pkt. 113   J.nr. 00.01.A00': the item's number and its case number; the title follows."""
    match = P.number_with_case.match(text) if text[:1] in "Pp" else None
    if match is None:
        return None
    case = _field(match["case"], bold)
    if case is None or case.field != "case_number":
        return None
    return Info(NUMBER_ONLY, number=str(int(match["num"])), value="after", case=case.value)


def _field(text: str, bold: bool | None) -> Info | None:
    if text[0] not in _FIELD_INITIALS:
        return None
    for name, pattern in _field_rules(text[0]):
        match = pattern.match(text)
        if match is None:
            continue
        # "Sagsnr.: 00.22.04-I00-1-19 Sagsbehandler: Jens Bo" holds two fields.
        parts = P.next_label.split(match["value"].strip(), maxsplit=1)
        if name != "case_number":
            return Info(FIELD, field=name, value=parts[0])
        value = _case_beside_code(parts)
        value = P.kle_before_case.sub("", value)  # "00.30.00Ø00 - 2006/1877" -> "2006/1877"
        marked = P.open_closed_suffix.search(value)
        public = None if marked is None else not marked["word"].casefold().startswith("lukket")
        return Info(FIELD, field=name, value=_case_value(value[:marked.start()] if marked else value), public=public)
    return None


def _case_beside_code(parts: list[str]) -> str:
    """The first value, unless it is a KLE classification code and the line labels a case number after
    it ('J.nr.: 00.30.00S00   Sagsnr.: 2003/09822'): the code files the case, the number names it."""
    if len(parts) > 1 and P.kle_code.fullmatch(parts[0].strip()):
        other = P.field_case_number.match(parts[1])
        if other is not None:
            return P.next_label.split(other["value"].strip(), maxsplit=1)[0]
    return parts[0]


def _status_cells(text: str, bold: bool | None) -> Info | None:
    """'Åben sag | Sagsnr. 24/08873 | Sagsbehandler: METH': a row of cells, one of them the item's case
    number; an open/closed cell marks the item too."""
    if "|" not in text:
        return None
    cells = [cell for cell in P.cell_separator.split(text.strip(" |")) if cell]
    if len(cells) < 2:
        return None
    read = [_open_closed(cell, bold) or _field(cell, bold) for cell in cells]
    case = next((info for info in read if info is not None and info.field == "case_number"), None)
    if case is None:
        return None
    mark = next((info for info in read if info is not None and info.kind is PUBLIC), None)
    public = mark.public if mark is not None else case.public
    return Info(PUBLIC if mark is not None else FIELD, field="case_number", value=case.value, public=public)


def _case_value(value: str) -> str:
    """The case number a label's value starts with ('299835 Kultur- og Idrætsudvalget' -> '299835',
    '22/2694,' -> '22/2694'); a value of another shape is kept whole."""
    shaped = P.case_value.match(value)
    return shaped.group().rstrip(",;.") or value if shaped else value


def _bare_case_number(text: str, bold: bool | None) -> Info | None:
    if len(text) <= BARE_CASE_MAX and P.bare_case.match(text):
        return Info(FIELD, field="case_number", value=P.kle_before_case.sub("", text))
    return None


def _numbered_title(text: str, bold: bool | None) -> Info | None:
    if not P.item_hint.match(text):
        return None
    for rule, pattern in _item_patterns(text[:1]):
        match = pattern.match(text)
        if match is None:
            continue
        groups = match.groupdict()
        title = groups.get("title")
        if _plausible_title(title):
            mark = groups.get("public")
            return Info(NUMBERED, number=str(int(match["num"])), title=(title or "").strip() or None,
                        public=None if mark is None else not mark.casefold().startswith("l"), rule=rule)
    return None


@dataclass(frozen=True, slots=True)
class LineRule:
    """A rule of LINE_RULES: its name, its test, and the lexicon patterns of which one must match at the
    line's start for the test to recognise the line (none: the rule reads every line). A line whose
    first character can start none of them skips the rule (gates.initials), without calling it.
    A ``blank`` rule reads the blank lines, and only those; it comes first, so the others never see one."""

    name: str
    test: Callable[[str, bool | None], Info | None]
    starts: tuple[str, ...] = ()
    blank: bool = False
    refuses_plain: bool = False  # the test's own first check answers None for every plain line (see _is_plain)

    def may_apply(self, first: str) -> bool:
        if self.blank or not first:
            return self.blank and not first
        return not self.starts or any(G.may_start(G.initials(name), first) for name in self.starts)

    def patterns_for(self, first: str) -> tuple[str, ...] | None:
        """The patterns of ``starts`` that may match a line starting with ``first``; None when the rule
        reads every line (no patterns)."""
        if not self.starts:
            return None
        return tuple(name for name in self.starts if G.may_start(G.initials(name), first))


def _may_begin(names: tuple[str, ...] | None, low: str) -> bool:
    """Whether one of patterns ``names`` (None: the rule reads every line) may match a line whose first
    two characters are, in lower case (as gates.lowered gives them), ``low``: a pattern whose matches
    all start with one of known texts (gates.prefixes, two characters or more, in lower case) needs
    ``low`` to start one of them."""
    if names is None:
        return True
    for name in names:
        pairs = _two_character_starts(name)
        if pairs is None or low in pairs:
            return True
    return False


@cache  # one entry per pattern named by LINE_RULES
def _two_character_starts(name: str) -> frozenset[str] | None:
    """The first two characters (lower case) of the known starts of pattern ``name``; None when it may
    start otherwise (no known starts)."""
    known = G.prefixes(name)
    return None if known is None else frozenset(prefix[:2] for prefix in known)


# What a line is: the first rule that recognises it decides; a line no rule recognises is text.
LINE_RULES: tuple[LineRule, ...] = (
    LineRule("blank", _blank, blank=True),
    LineRule("heading", _heading),
    LineRule("contents_heading", _contents_heading, ("toc_mark",)),
    LineRule("contents_columns", _contents_columns, ("toc_columns",), refuses_plain=True),
    LineRule("contents_entry", _contents_entry, ("toc_leader",), refuses_plain=True),
    LineRule("open_closed", _open_closed, ("public",)),
    LineRule("open_closed_with_case", _open_closed_with_case, ("public_with_case",)),
    LineRule("number_alone", _number_alone, ("number_only",)),
    LineRule("number_with_case", _number_with_case, ("number_with_case",)),
    LineRule("field", _field, tuple(pattern for _, pattern in FIELD_RULES)),
    LineRule("status_cells", _status_cells, refuses_plain=True),
    LineRule("bare_case_number", _bare_case_number, ("bare_case",), refuses_plain=True),
    LineRule("numbered_title", _numbered_title, ITEM_RULES),
)

FIRST_CHARACTERS = 1024  # distinct first characters whose rule lists are kept: more than any alphabet


RuleList = tuple[tuple[str, Callable[[str, bool | None], Info | None]], ...]
STARTS_KEPT = 8192  # distinct two-character line starts whose rule lists are kept
_RULES_BY_START: dict[str, RuleList] = {}  # _start_rules' answers, for lines that are not plain
_PLAIN_RULES_BY_START: dict[str, RuleList] = {}  # ... and for plain lines


def _is_plain(text: str) -> bool:
    """A plain line: longer than CONTENTS_COLUMNS_MAX and BARE_CASE_MAX, no cell separator '|', and
    not ending in a digit or a line break, as a contents entry's page does. The rules marked
    refuses_plain answer None for it by their own first test, so classify does not call them."""
    last = text[-1]
    return len(text) > PLAIN_MIN and "|" not in text and not (last.isdecimal() or last == "\n")


def _start_rules(start: str, plain: bool) -> RuleList:
    """(name, test) of the rules that may recognise a line starting with the (one or two) characters
    ``start``, in order; for a plain line without the rules that refuse plain lines."""
    kept = _PLAIN_RULES_BY_START if plain else _RULES_BY_START
    rules = kept.get(start)
    if rules is None:
        low = G.lowered(start) if len(start) == 2 else None
        if low is not None and len(low) != 2:
            low = None  # a letter whose lower case is two characters: the first character decides
        rules = tuple((rule.name, rule.test) for rule, names in _first_rules(start[:1])
                      if not (plain and rule.refuses_plain) and (low is None or _may_begin(names, low)))
        if len(kept) < STARTS_KEPT:  # bounded: past that, worked out per line
            kept[start] = rules
    return rules


@lru_cache(maxsize=FIRST_CHARACTERS)
def _first_rules(first: str) -> tuple[tuple[LineRule, tuple[str, ...] | None], ...]:
    """The rules of LINE_RULES that may recognise a line starting with ``first``, in order, each with
    its patterns that may match such a line (LineRule.patterns_for)."""
    return tuple((rule, rule.patterns_for(first)) for rule in LINE_RULES if rule.may_apply(first))


@lru_cache(maxsize=FIRST_CHARACTERS)
def _item_patterns(first: str) -> tuple[tuple[str, Any], ...]:
    """(name, compiled pattern) of the numbering styles of ITEM_RULES whose pattern may match a line
    starting with ``first``, in order."""
    return tuple((rule, getattr(P, rule)) for rule in ITEM_RULES if G.may_start(G.initials(rule), first))


@lru_cache(maxsize=FIRST_CHARACTERS)
def _field_rules(first: str) -> tuple[tuple[str, Any], ...]:
    """(field name, compiled pattern) of FIELD_RULES whose pattern may match a text starting with ``first``."""
    return tuple((name, getattr(P, rule)) for name, rule in FIELD_RULES if G.may_start(G.initials(rule), first))


def _bulleted_number(text: str, bold: bool | None) -> Info | None:
    """'• 1' / 'Title': an accordion row's item number, its title on the next line."""
    match = P.bulleted_number.match(text)
    return Info(NUMBER_ONLY, number=str(int(match["num"])), value="after") if match else None


# Lines that start with a list marker ('• 1', '• Sagsid.: 18/12345'): these rules see the line with its
# marker; when none applies, LINE_RULES classify the line without it.
MARKED_RULES: tuple[tuple[str, Callable[[str, bool | None], Info | None]], ...] = (
    ("bulleted_number", _bulleted_number),
)


# Numbering styles too weak to tell an item from a list entry once a list marker stands before them:
# '• 7 Tryghed i ældrelivet' is an entry of a bulleted list ('• 212. Title', '• Pkt. 44 Title' are items).
WEAK_AFTER_MARKER = frozenset({"item_bare", "item_dash", "item_glued"})


_LIST_MARKERS = P.LIST_MARKERS

# The Info of every blank line and of every line no rule recognises: one shared instance each, not one
# built per line (building an Info costs about what the rules of a blank line cost). The later passes
# replace a line's Info (infos[index] = Info(...)) and never change these two: they change only the
# Infos of numbered lines (join_wrapped_titles), which classify builds one by one.
BLANK_LINE = Info(BLANK, rule="blank")
TEXT_LINE = Info(TEXT, rule="text")


def classify(text: str, bold: bool | None = None) -> Info:
    # Run for every line of every document: written for few Python operations per line.
    if not text:
        return BLANK_LINE  # what LINE_RULES' first rule, 'blank', answers for it
    first = text[0]
    if first in _LIST_MARKERS:
        return _classify_marked(text, bold)
    # The dict read first (never empty: 'heading' reads every line), the call only once per start.
    start = text[:2]
    if _is_plain(text):
        rules = _PLAIN_RULES_BY_START.get(start) or _start_rules(start, True)
    else:
        rules = _RULES_BY_START.get(start) or _start_rules(start, False)
    for name, test in rules:
        info = test(text, bold)
        if info is not None:
            info.rule = info.rule or name
            return info
    return TEXT_LINE


def _classify_marked(text: str, bold: bool | None) -> Info:
    """classify for a line that starts with a list marker character."""
    marker = P.list_marker.match(text)
    if marker is not None:
        for name, rule in MARKED_RULES:
            info = rule(text, bold)
            if info is not None:
                info.rule = info.rule or name
                return info
        text = text[marker.end():]
    # The same rule lists classify reads: the text left after the marker is never empty (list_marker
    # needs a character after it), the guard keeps _is_plain off an empty text all the same.
    for name, test in _start_rules(text[:2], bool(text) and _is_plain(text)):
        info = test(text, bold)
        if info is not None:
            info.rule = info.rule or name
            if marker is not None and info.kind is NUMBERED and info.rule in WEAK_AFTER_MARKER:
                return Info(TEXT, rule="bulleted_list_entry")
            return info
    return TEXT_LINE


def _toc_entry(text: str, page: str) -> Info:
    """A contents line without its leader and page: "1. Godkendelse af dagsorden" prints the item
    number the way the item's title line does, so the item rules read it."""
    for _rule, pattern in _item_patterns(text[:1]):
        match = pattern.match(text)
        if match and match.groupdict().get("title") and _plausible_title(match["title"]):
            return Info(TOC, number=str(int(match["num"])), title=match["title"].strip(), value=page)
    return Info(TOC, title=text, value=page)


def _plausible_title(title: str | None) -> bool:
    if title is None:
        return True
    title = title.strip()
    if not title or len(title) > 220 or title.endswith((",", ";", ":")):
        return False
    if title.casefold().startswith(("at ", "kl.", "kl ")):
        return False
    # A date is not a title: "13. juni 2023" has lower-case after the number; "1. MED ..." is upper.
    return len(title.split()) <= 30
