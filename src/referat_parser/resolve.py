"""Resolve stage: settle the meeting-level facts from what extraction found, with declared precedence.

Each fact is decided here and nowhere else, before any model is built:

- the meeting date: the header, else the date most of this meeting's decision headings print, else
  a statement in the first items ("dagsorden for mødet den ...");
- which printed decision of an item is this meeting's (the rest are consultations of earlier bodies);
- the committee: the header, else an item's competent or deciding body, else a statement
  ("dagens møde i Byrådet");
- attendance: the header's member list, absences recorded in items, partial absence per item;
- the kind of document, and what a document that is not minutes keeps.

Every value passes the plausibility check of its field (PLAUSIBLE) or is left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from .drafts import (
    DecisionDraft,
    Found,
    HeaderDraft,
    ItemDraft,
    MeetingDraft,
    SourceDraft,
    TocEntryDraft,
    WarningDraft,
)
from .extract.decisions import find_dissents, find_votes
from .extract.explanation import explains_minutes
from .extract.header import HEADER_BLOCK_RULES, LABEL_RULES
from .extract.language import detect_language
from .lexicon import gates as G
from .lexicon import patterns as P
from .lexicon.attendance import ParticipantRef, partial_absences
from .lexicon.bodies import find_bodies, looks_like_body
from .lexicon.data import fold, header_words, headings, weekdays
from .lexicon.dates import iter_dates
from .lexicon.names import PersonRef, clean_name, find_person
from .lexicon.titles import is_meeting_line
from .version import __version__

STATEMENT_ITEMS = 2  # the first items, where "Godkendelse af dagsorden for mødet den ..." stands
STATEMENT_WINDOW = 20000  # characters read for "dagens møde i Byrådet"
TOC_MISSING_SHOWN = 10
HEADER_FIELDS = ("committee", "date", "start_time", "end_time", "location")


def _not_a_label(value: str) -> bool:
    """Not a header label or a viewer's column head ('UDVALG', 'Udvalg:', 'Titel', 'Sted')."""
    return fold(value) not in header_words()


def _bare_date(value: str) -> bool:
    """'3. maj 2021', 'Mandag, 21 februar, 2022 - 17:00', 'kl. 17.00': a date or time and nothing else."""
    return bool(P.time_only.match(value) or (next(iter_dates(value), None) is not None and is_meeting_line(value)
                                              and not find_bodies(value)))


def _plausible_committee(value: str) -> bool:
    """A committee names a body: letters, not a label, a separator left over from a table or a date."""
    return any(ch.isalpha() for ch in value) and _not_a_label(value) and not _bare_date(value)


def _plausible_location(value: str) -> bool:
    """A place: letters, not a label, not a date or a time."""
    return (any(ch.isalpha() for ch in value) and _not_a_label(value) and next(iter_dates(value), None) is None
            and not P.time_only.match(value))


def _plausible_person(value: str) -> bool:
    """A person's name holds no weekday or digit ('Mandag Den', 'Jens Bo 12')."""
    return not any(ch.isdigit() for ch in value) and not any(fold(word) in weekdays() for word in value.split())


def _plausible_title(value: str) -> bool:
    """An item title is no bare date or time ('3. maj 2021', 'kl. 17.00')."""
    return any(ch.isalpha() for ch in value) and not _bare_date(value)


# The check each value must pass to be written, by field; a value that fails is left out (and for a
# header field the next candidate is taken).
PLAUSIBLE: dict[str, Callable[[str], bool]] = {
    "committee": _plausible_committee,
    "location": _plausible_location,
    "person": _plausible_person,
    "title": _plausible_title,
}


def plausible(field: str, value: str | None) -> str | None:
    if value is None:
        return None
    check = PLAUSIBLE.get(field)
    return value if check is None or check(value) else None


def _header_value(header: HeaderDraft, field: str, sources: dict[str, str], block_only: bool | None = None) -> str | None:
    """The first of the header's candidates for ``field`` that is plausible; with ``block_only`` True only
    those the header block printed (a label, a meeting line), with False only the others."""
    for rule, value in header.candidates.get(field, []):
        if block_only is not None and (rule in HEADER_BLOCK_RULES) != block_only:
            continue
        if plausible(field, value):
            sources[field] = f"header:{rule}"
            return value
    return None


def resolve(found: Found, source: SourceDraft) -> MeetingDraft:
    header, items = found.header, found.items
    sources: dict[str, str] = {}
    date = _header_value(header, "date", sources) or _first(
        sources, "date", ("decision_headings", lambda: _date_from_decisions(items)))
    for item in items:
        _choose_decision(item, date)
    date = date or _first(sources, "date", ("statements", lambda: _date_from_statements(items)))
    committee = (_header_value(header, "committee", sources, block_only=True)
                 or _first(sources, "committee", ("item_bodies", lambda: _committee_from_items(items)))
                 or _header_value(header, "committee", sources, block_only=False)
                 or _first(sources, "committee", ("statements", lambda: _committee_from_statements(found.seg.cleaned.text))))
    start_time, end_time, location = (_header_value(header, name, sources) for name in ("start_time", "end_time", "location"))
    participants = _participants(header.participants, found.item_absences)
    _canonical_absent_names(items, [p.name for p in participants])
    _plausible_people(items)
    _plausible_titles(items, participants)
    _record_item_absences(items, found.header_lines)
    language = detect_language(found.seg.cleaned.text)
    warnings = list(found.warnings)
    toc = [TocEntryDraft(number=e.number, title=e.title, page=e.page) for e in found.seg.toc]
    kind = _kind(items, toc, language, _meeting_evidence(header, toc, items, sources, found.whole_meeting))
    if kind != "minutes" and not any(item.number for item in items) and explains_minutes(found.seg.cleaned.text):
        kind = "not_minutes"  # a page on how to read minutes, its example headings read as an item
    meeting = MeetingDraft(parser_version=__version__, source=source, kind=kind, language=language, municipality=found.municipality, committee=committee,
                           date=date, start_time=start_time, end_time=end_time,
                           location=location, participants=participants, toc=toc,
                           items=items, warnings=warnings, sources=sources)
    if kind == "not_minutes":
        _not_minutes(meeting)
    warnings.extend(_toc_warnings(toc, meeting.items))
    return meeting


def _first(sources: dict[str, str], fact: str, *candidates: tuple[str, Callable[[], str | None]]) -> str | None:
    """The first candidate that gives a value, in the order of precedence written; where it came
    from is recorded in ``sources`` (for the trace)."""
    for source, get in candidates:
        value = get()
        if value:
            sources[fact] = source
            return value
    return None


def _not_minutes(meeting: MeetingDraft) -> None:
    """A document that is not a meeting document has no items. Its header fields stay only where a
    header label printed them: a body, date or time in an article, a web page's prose or a slide's
    title is no meeting header."""
    meeting.items = []
    for name in HEADER_FIELDS:
        if meeting.sources.get(name, "").removeprefix("header:") not in LABEL_RULES:
            setattr(meeting, name, None)
            meeting.sources.pop(name, None)
    if meeting.language in ("no", "sv"):
        meeting.warnings.append(WarningDraft("other_language", f"document is in '{meeting.language}', not Danish"))
    else:
        meeting.warnings.append(WarningDraft("not_minutes", "no agenda items with sections or decisions found"))


# --- the meeting date ------------------------------------------------------------------------------

def _date_from_decisions(items: list[ItemDraft]) -> str | None:
    """The meeting date from decision headings of this meeting ("Beslutning i X den 11. august 2015")."""
    dates = Counter(d.heading_date for item in items for d in item.printed_decisions
                    if d.heading_date and not d.quoted)
    return dates.most_common(1)[0][0] if dates else None


def _date_from_statements(items: list[ItemDraft]) -> str | None:
    for item in items[:STATEMENT_ITEMS]:
        for section in item.sections:
            for match in P.dagsorden_for_den.finditer(section.text):
                found = next(iter_dates(section.text[match.end(): match.end() + 30]), None)
                if found and found[1] == 0:
                    return found[0]
    return None


# --- decisions -------------------------------------------------------------------------------------

def _is_this_meeting(decision: DecisionDraft, meeting_date: str | None) -> bool:
    if meeting_date and decision.date:
        return decision.date == meeting_date
    return not decision.quoted


def _choose_decision(item: ItemDraft, meeting_date: str | None) -> None:
    """This meeting's decision is the last printed one of this meeting (by date where both are known,
    else not quoted from another meeting); the others are consultations."""
    printed = item.printed_decisions
    if not printed:
        return
    candidates = [d for d in printed if not d.history]  # a history entry is an earlier meeting's, whatever its date
    here = [d for d in candidates if _is_this_meeting(d, meeting_date)]
    chosen = here[-1] if here else None
    if chosen is None and meeting_date is None and candidates:
        chosen = candidates[-1]
    if chosen is not None:
        text = chosen.text or ""
        chosen.dissents = find_dissents(text)
        chosen.votes = find_votes(text)
    item.decision = chosen
    item.consultations = [d for d in printed if d is not chosen]


# --- the committee ---------------------------------------------------------------------------------

def _committee_from_items(items: list[ItemDraft]) -> str | None:
    """The body that decided an item at this meeting, else an item's competent body (which may be the
    council the committee recommends to: "Beslutningen træffes af" / "Kommunalbestyrelsen")."""
    for item in items:
        if item.decision and item.decision.body and looks_like_body(item.decision.body):
            return item.decision.body
    for item in items:
        if item.competence and looks_like_body(item.competence):
            return item.competence.strip(" .")
    return None


def _committee_from_statements(text: str) -> str | None:
    """'Godkendelse af dagsorden til dagens møde i Kommunalbestyrelsen.'"""
    for match in G.finditer_prefixed("meeting_statement", text[:STATEMENT_WINDOW]):
        bodies = find_bodies(match["body"])
        if bodies and bodies[0][1] == 0:
            return bodies[0][0]
    return None


# --- attendance ------------------------------------------------------------------------------------

def _participants(listed: list[ParticipantRef], item_absences: list[PersonRef]) -> list[ParticipantRef]:
    """The header's participants; absence recorded in the items wins over a place in the member list.
    A name that cannot be a person's ('Mandag Den') is left out."""
    participants = [person for person in listed if plausible("person", person.name)]
    for person in item_absences:
        if not plausible("person", person.name):
            continue
        known = find_person(participants, person.name, person.party)
        if known is None:
            participants.append(ParticipantRef(person.name, person.party, None, False))
        else:
            known.present = False
    return participants


def _plausible_people(items: list[ItemDraft]) -> None:
    """Leave out of each decision the absent members and substitutes whose name cannot be a person's."""
    for decision in (item.decision for item in items if item.decision is not None):
        decision.absent = [person for person in decision.absent if plausible("person", person.name)]
        decision.substitutes = [person for person in decision.substitutes if plausible("person", person.name)]


def _plausible_titles(items: list[ItemDraft], participants: list[ParticipantRef]) -> None:
    """An item title that is a bare date, or the name of a member the document lists, is no title
    (a line of an attendance block taken for one): left out. Only a title shaped like a person's whole
    name is looked up among the members."""
    for item in items:
        if item.title and (not plausible("title", item.title)
                           or (clean_name(item.title) == item.title and find_person(participants, item.title) is not None)):
            item.title = None


def _record_item_absences(items: list[ItemDraft], header_lines: list[str]) -> None:
    """'Helle Brink (A) deltog ikke under punkt 14-16.' in the header: absent from those items' decisions."""
    decided = [item for item in items if item.decision is not None and item.number]
    if not decided:  # no decision to record an absence in: the header lines need not be read
        return
    for line in header_lines:
        for person, numbers in partial_absences(line):
            for item in decided:
                if item.number in numbers and item.decision is not None \
                        and all(p.name != person.name for p in item.decision.absent):
                    item.decision.absent.append(PersonRef(person.name, person.party))


def _longer_form_of(known: list[str], name: str) -> str | None:
    """The participant a transcript's name extends by more words ('Ulla Krog Pedersen Ole Dam')."""
    return next((k for k in known if name.startswith(k + " ")), None)


def _canonical_absent_names(items: list[ItemDraft], known: list[str]) -> None:
    """Transcripts lose the punctuation between names ('Ulla Krog Pedersen Ole Dam (V) deltog som
    stedfortræder'); a name that extends a participant's name by more words is that participant,
    and a substitute's name that does so is the rest of it, standing in for that participant."""
    for item in items:
        if item.decision is None:
            continue
        for person in item.decision.absent:
            if person.name not in known:
                person.name = _longer_form_of(known, person.name) or person.name
        for substitute in item.decision.substitutes:
            prefix = _longer_form_of(known, substitute.name)
            if prefix:
                substitute.name = substitute.name[len(prefix) + 1:]
                substitute.substitute_for = substitute.substitute_for or prefix


# --- kind of document ------------------------------------------------------------------------------

MEETING_FIELDS = 2  # header fields printed by the header block that make a header without other signs


def _meeting_evidence(header: HeaderDraft, toc: list[TocEntryDraft], items: list[ItemDraft],
                      sources: dict[str, str], whole_meeting: bool) -> tuple[bool, bool]:
    """(signs, header): whether the text shows signs of a meeting document (a contents list with pages
    or under a contents heading, a list of the meeting's items, a member or attendance block, an
    export of a whole meeting), and whether it has a meeting header (the signs, or two fields the
    header block printed)."""
    paged = len([entry for entry in toc if entry.page]) >= 2
    listed = _toc_lists_items(toc, items)
    signs = bool(header.signs) or paged or listed or whole_meeting
    printed = [name for name in HEADER_FIELDS if sources.get(name, "").removeprefix("header:") in HEADER_BLOCK_RULES]
    return signs, signs or len(printed) >= MEETING_FIELDS


def _toc_lists_items(toc: list[TocEntryDraft], items: list[ItemDraft]) -> bool:
    """A numbered list of two or more entries that names an item found in the text is the meeting's contents."""
    numbered = [entry for entry in toc if entry.number]
    if len(numbered) < 2:
        return False
    titles = {fold(item.title) for item in items if item.title}
    numbers = {item.number for item in items if item.number}
    return any(fold(entry.title) in titles or entry.number in numbers for entry in numbered)


def _kind(items: list[ItemDraft], toc: list[TocEntryDraft], language: str | None, evidence: tuple[bool, bool]) -> str:
    """Two or more items make minutes; one item makes minutes only with signs of a meeting document
    (else it is one item's page); without items, a meeting header still makes minutes (an excerpt
    that stops in the header or the contents)."""
    signs, has_header = evidence
    if language in ("no", "sv"):
        return "not_minutes"
    count = len(items) if any(_substantive(item) for item in items) else 0
    if count >= 2:
        return "minutes"
    if count == 1:
        return "minutes" if signs else "agenda_item"
    return "minutes" if has_header else "not_minutes"


def _substantive(item: ItemDraft) -> bool:
    """An item that makes its document minutes or an agenda item: it has a number, a title or a
    decision, or it opens with an item heading (Sagsfremstilling, Indstilling, ...). A lone section
    such as "Yderligere oplysninger" under a press release is not an agenda item."""
    if item.number is not None or item.title or item.decision is not None:
        return True
    opening = headings().opening
    return any(section.key in opening for section in item.sections)


def _toc_warnings(toc: list[TocEntryDraft], items: list[ItemDraft]) -> list[WarningDraft]:
    """Cross-check the table of contents against the items found: by number where the contents
    print numbers, else by title. Excerpts often stop early, so only items missing from the
    contents are reported."""
    if not toc or not items:
        return []
    if any(entry.number for entry in toc):
        listed = {entry.number for entry in toc if entry.number}
        missing = [item.number for item in items if item.number and item.number not in listed]
    else:
        titles = [fold(entry.title) for entry in toc]
        missing = [item.title for item in items
                   if item.title and not any(t.startswith(fold(item.title)) or fold(item.title).startswith(t)
                                             for t in titles)]
    if not missing:
        return []
    names = ", ".join(str(m) for m in missing[:TOC_MISSING_SHOWN])
    return [WarningDraft("toc_mismatch", f"{len(missing)} item(s) not in the table of contents: {names}")]
