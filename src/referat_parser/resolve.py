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

from .drafts import DecisionDraft, Found, ItemDraft, MeetingDraft, TocEntryDraft, WarningDraft
from .extract.decisions import find_dissents, find_votes
from .extract.language import detect_language
from .lexicon import patterns as P
from .lexicon.attendance import ParticipantRef, partial_absences
from .lexicon.bodies import find_bodies, looks_like_body
from .lexicon.data import fold, headings
from .lexicon.dates import iter_dates
from .lexicon.names import PersonRef, find_person
from .version import __version__

STATEMENT_ITEMS = 2  # the first items, where "Godkendelse af dagsorden for mødet den ..." stands
STATEMENT_WINDOW = 20000  # characters read for "dagens møde i Byrådet"
TOC_MISSING_SHOWN = 10


def _plausible_committee(value: str) -> bool:
    """A committee names a body: not a label or a separator left over from a table."""
    return any(ch.isalpha() for ch in value)


def _plausible_location(value: str) -> bool:
    return any(ch.isalpha() for ch in value)


# The check each header field's value must pass to be written; a value that fails is left out.
PLAUSIBLE: dict[str, Callable[[str], bool]] = {
    "committee": _plausible_committee,
    "location": _plausible_location,
}


def plausible(field: str, value: str | None) -> str | None:
    if value is None:
        return None
    check = PLAUSIBLE.get(field)
    return value if check is None or check(value) else None


def resolve(found: Found, source: object) -> MeetingDraft:
    header, items = found.header, found.items
    sources: dict[str, str] = {}
    date = _first(sources, "date", (f"header:{header.rules.get('date')}", lambda: header.date),
                  ("decision_headings", lambda: _date_from_decisions(items)))
    for item in items:
        _choose_decision(item, date)
    date = date or _first(sources, "date", ("statements", lambda: _date_from_statements(items)))
    committee = _first(sources, "committee",
                       (f"header:{header.rules.get('committee')}", lambda: plausible("committee", header.committee)),
                       ("item_bodies", lambda: _committee_from_items(items)),
                       ("statements", lambda: _committee_from_statements(found.seg.cleaned.text)))
    participants = _participants(header.participants, found.item_absences)
    _canonical_absent_names(items, [p.name for p in participants])
    _record_item_absences(items, found.header_lines)
    language = detect_language(found.seg.cleaned.text)
    warnings = list(found.warnings)
    toc = [TocEntryDraft(number=e.number, title=e.title, page=e.page) for e in found.seg.toc]
    kind = _kind(items, toc, language, found.whole_meeting)
    meeting = MeetingDraft(parser_version=__version__, source=source, kind=kind, language=language, municipality=found.municipality, committee=committee,
                           date=date, start_time=header.start_time, end_time=header.end_time,
                           location=plausible("location", header.location), participants=participants, toc=toc,
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
    """A document that is not a meeting document has no items, and a body, date or time in an article
    or web page is no meeting header."""
    meeting.items = []
    meeting.committee = meeting.date = meeting.start_time = meeting.end_time = meeting.location = None
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
    for match in P.meeting_statement.finditer(text[:STATEMENT_WINDOW]):
        bodies = find_bodies(match["body"])
        if bodies and bodies[0][1] == 0:
            return bodies[0][0]
    return None


# --- attendance ------------------------------------------------------------------------------------

def _participants(listed: list[ParticipantRef], item_absences: list[PersonRef]) -> list[ParticipantRef]:
    """The header's participants; absence recorded in the items wins over a place in the member list."""
    participants = list(listed)
    for person in item_absences:
        known = find_person(participants, person.name, person.party)
        if known is None:
            participants.append(ParticipantRef(person.name, person.party, None, False))
        else:
            known.present = False
    return participants


def _record_item_absences(items: list[ItemDraft], header_lines: list[str]) -> None:
    """'Helle Brink (A) deltog ikke under punkt 14-16.' in the header: absent from those items' decisions."""
    for line in header_lines:
        for person, numbers in partial_absences(line):
            for item in items:
                if item.number in numbers and item.decision is not None \
                        and all(p.name != person.name for p in item.decision.absent):
                    item.decision.absent.append(PersonRef(person.name, person.party))


def _longer_form_of(known: list[str], name: str) -> str | None:
    """The participant a transcript's name extends by more words ('Anders Rohr Jørgensen Lars Boel')."""
    return next((k for k in known if name.startswith(k + " ")), None)


def _canonical_absent_names(items: list[ItemDraft], known: list[str]) -> None:
    """Transcripts lose the punctuation between names ('Anders Rohr Jørgensen Lars Boel (V) deltog som
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

MIN_CONTENTS_ENTRIES = 2


def _kind(items: list[ItemDraft], toc: list[TocEntryDraft], language: str | None, whole_meeting: bool) -> str:
    if language in ("no", "sv"):
        return "not_minutes"
    if not any(_substantive(item) for item in items):
        # A table of contents with pages is a meeting document's even when the items' text is missing.
        return "minutes" if len([e for e in toc if e.page]) >= MIN_CONTENTS_ENTRIES else "not_minutes"
    if len(items) == 1 and not whole_meeting and len([e for e in toc if e.number or e.page]) <= 1:
        return "agenda_item"
    return "minutes"


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
