"""The meeting header: committee, date, start and end time, place, participants."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..drafts import HeaderDraft
from ..lexicon import patterns as P
from ..lexicon.attendance import (
    ParticipantRef,
    absences_in_line,
    inline_participants,
    names_after_label,
    partial_absences,
    participant_entry,
    substitutes_in_line,
)
from ..lexicon.bodies import find_bodies
from ..lexicon.dates import iter_dates, iter_times
from ..lexicon.names import PersonRef, find_person
from ..lexicon.titles import is_meeting_line


def _before_stamp(line: str) -> str:
    """The part of a line before a publication stamp ('Publiceret 24. nov. 2023 kl. 06.00')."""
    match = P.publication_stamp.search(line)
    return line[: match.start()] if match else line


def _without_mail_header(lines: list[str]) -> list[str]:
    """``lines`` with e-mail headers blanked: a run of two or more label lines ('Fra: ...', 'Sendt: 15. marts
    2010 10:12', 'Emne: ...') dates the mail, not the meeting."""
    kept = list(lines)
    run: list[int] = []
    for index, line in enumerate([*lines, ""]):
        if line and P.mail_label.match(line):
            run.append(index)
            continue
        for blank in run if len(run) >= 2 else []:
            kept[blank] = ""
        run = []
    return kept


@dataclass
class _Context:
    """The header lines as the field rules read them."""

    lines: list[str]
    meeting_lines: list[str]  # without e-mail headers, whose dates are the mail's
    full_text: str
    date_line: int | None = None  # the line the meeting date was read from


def _first_date(ctx: _Context) -> str | None:
    for index, line in enumerate(ctx.meeting_lines):
        found = next(iter_dates(_before_stamp(line)), None)
        if found:
            ctx.date_line = index
            return found[0]
    return None


def _committee_label(ctx: _Context) -> str | None:
    for line in ctx.lines:
        match = P.committee_label.match(line)
        if match:
            return match["value"].strip(" .")
    return None


def _committee_candidates(ctx: _Context) -> list[str]:
    return [line for line in ctx.lines if not P.participant_label.match(line) and len(line) <= LINE_MAX]


def _meeting_line_body(ctx: _Context) -> str | None:
    """A line that names only the body (and the date), such as "Byrådet 15. maj 2023", is preferred
    over site navigation and prose that mention bodies in passing."""
    for line in _committee_candidates(ctx):
        bodies = find_bodies(line)
        if bodies and is_meeting_line(line):
            return bodies[0][0]
    return None


def _named_body(ctx: _Context) -> str | None:
    for line in _committee_candidates(ctx):
        bodies = find_bodies(line)
        if bodies:
            return bodies[0][0]
    return None


def _start_time(ctx: _Context) -> str | None:
    """The first time on a dated or time-labelled line ("Mødetidspunkt: 16.00") that is no end time."""
    for line in map(_before_stamp, ctx.meeting_lines):
        if P.end_words.search(line):
            continue
        has_date = next(iter_dates(line), None) is not None
        if has_date or P.time_label.search(line) or P.kl_at_start.match(line):
            found = next(iter_times(line), None)
            if found:
                return found[0]
    return None


def _clock(match: re.Match[str] | None) -> str | None:
    if match and int(match["h"]) < 24 and int(match["m"]) < 60:
        return f"{int(match['h']):02d}:{match['m']}"
    return None


def _meeting_ended(ctx: _Context) -> str | None:
    """'Mødet hævet kl. 18.30' anywhere in the document, page furniture included."""
    return _clock(P.end_time.search(ctx.full_text))


def _time_range_end(ctx: _Context) -> str | None:
    """'Mødetidspunkt: 9:30-11:00', 'kl. 15:00 - 17:30' on a dated or time-labelled line."""
    for line in ctx.lines:
        if next(iter_dates(line), None) or P.time_label.search(line):
            match = P.time_range_end.search(line)
            if match:
                return _clock(match)
    return None


def _location_label(ctx: _Context) -> str | None:
    """'Mødested: Byrådssalen', or a lone 'Mødested' with the place on the next line."""
    lines = ctx.meeting_lines
    for index, line in enumerate(lines):
        match = P.location_label.match(line)
        if match:
            return P.next_header_label.split(match["value"], maxsplit=1)[0].strip()
        if P.location_alone.match(line):
            value = _value_below(lines, index)
            if value:
                return value
    return None


def _place_after_time(ctx: _Context) -> str | None:
    """'kl. 13.00 i Byrådssalen', 'kl. 13.00 i mødelokale B1, Skive Rådhus': a name or a place word, on
    the date line or on another line with the time (a running title may carry the date first)."""
    if ctx.date_line is None:
        return None
    lines = ctx.meeting_lines
    dated = lines[ctx.date_line]
    for line in [dated, *(line for line in lines if "kl" in line and line != dated)]:
        match = P.place_after_time.search(line)
        if match and (match["place"][0].isupper() or P.header_place_words.match(match["place"])):
            return match["place"].strip()
    return None


def _place_line_after_date(ctx: _Context) -> str | None:
    """A line naming a place within a few lines after the date ("Rådhuset, mødelokale 2")."""
    return _place_line_below(ctx.meeting_lines, ctx.date_line)


def _place_line_after_time(ctx: _Context) -> str | None:
    """A line naming a place below the time, where the date was read from another line: eDoc prints
    "Dato: 04.12.2012" on a running line, then "tirsdag den 4. december 2012, kl. 13:00" and
    "i Mødecenter C, Lokale 32" below it."""
    lines = ctx.meeting_lines
    time_line = next((i for i, line in enumerate(lines) if "kl" in line and next(iter_times(line), None)), None)
    return _place_line_below(lines, time_line) if time_line != ctx.date_line else None


def _place_line_below(lines: list[str], index: int | None) -> str | None:
    if index is None:
        return None
    for line in lines[index + 1: index + PLACE_LINES_AFTER_DATE + 1]:
        if not line or next(iter_dates(line), None) or next(iter_times(line), None) or P.participant_label.match(line):
            continue
        if P.header_place_words.search(line) and len(line) < PLACE_LINE_MAX and not line.endswith("."):
            return P.place_preposition.sub("", line).strip()
    return None


LINE_MAX = 160  # characters; a longer line is prose, not a header line naming the body
PLACE_LINES_AFTER_DATE = 4
PLACE_LINE_MAX = 120

FieldRule = Callable[[_Context], str | None]

# Each header field and its rules, tried in order: the first rule that finds a value decides. The
# date comes before the place, whose rules read the line the date was found on.
HEADER_RULES: dict[str, tuple[tuple[str, FieldRule], ...]] = {
    "date": (("first_date", _first_date),),
    "committee": (("committee_label", _committee_label), ("meeting_line_body", _meeting_line_body),
                  ("named_body", _named_body)),
    "start_time": (("dated_or_labelled_time", _start_time),),
    "end_time": (("meeting_ended", _meeting_ended), ("time_range_end", _time_range_end)),
    "location": (("location_label", _location_label), ("place_after_time", _place_after_time),
                 ("place_line_after_date", _place_line_after_date), ("place_line_after_time", _place_line_after_time)),
}


def extract_header(lines: list[str], full_text: str) -> HeaderDraft:
    header = HeaderDraft()
    ctx = _Context(lines, _without_mail_header(lines), full_text)
    for name, rules in HEADER_RULES.items():
        for rule_name, rule in rules:
            value = rule(ctx)
            if value:
                setattr(header, name, value)
                header.rules[name] = rule_name
                break
    header.participants = _participants(lines)
    return header


def _value_below(lines: list[str], index: int) -> str | None:
    """The place on the line after a lone "Mødested" label: not another label, date or sentence."""
    value = next((line for line in lines[index + 1: index + 3] if line), "")
    if (not value or len(value) >= 120 or value.endswith((".", ":")) or P.any_label.match(value) or not value[0].isupper()
            or next(iter_dates(value), None) or P.participant_label.match(value) or P.absence_alone.match(value)):
        return None
    if " " not in value and not P.header_place_words.search(value):  # "Fraværende": a label of the next row
        return None
    return P.next_header_label.split(value, maxsplit=1)[0].strip()


@dataclass
class _Roll:
    """The state of reading the header's attendance, line by line."""

    lines: list[str]
    index: int = 0  # the next line to read
    people: list[ParticipantRef] = field(default_factory=list)
    in_list: bool = False  # inside a member list or the names after an absence label
    absent_mode: bool = False  # ... and the names are of absent members
    names_read: bool = False  # names read after an absence label printed alone: a blank line ends them
    recent: list[str] = field(default_factory=list)  # the people the latest absence lines named


def _blank_line(roll: _Roll, line: str) -> bool:
    if line:
        return False
    roll.in_list = roll.in_list and not (roll.absent_mode and roll.names_read)
    return True


def _agenda_entry(roll: _Roll, line: str) -> bool:
    """An agenda list ("åbent 20 Indkaldelse af stedfortræder for ...") is not attendance."""
    if not P.list_entry.match(line):
        return False
    roll.in_list = False
    return True


def _member_list_label(roll: _Roll, line: str) -> bool:
    """'Deltagere: A (V), B (A)', the list possibly wrapped onto the next lines, or the label alone."""
    label = P.participant_label.match(line)
    if label is None:
        return False
    roll.in_list, roll.absent_mode, roll.recent = True, False, []
    rest = label["rest"].strip()
    # Inline lists may wrap onto the next lines ("Mødedeltagere A, B, C" / "(Fravær), D").
    while rest and roll.index < len(roll.lines) and _continues_list(rest, roll.lines[roll.index]):
        rest = f"{rest} {roll.lines[roll.index]}"
        roll.index += 1
    for entry in inline_participants(rest) if rest else []:
        _add(roll.people, entry)
    return True


def _absence_label_alone(roll: _Roll, line: str) -> bool:
    if not P.absence_alone.match(line):
        return False
    roll.in_list, roll.absent_mode, roll.names_read = True, True, False
    return True


def _attendance_statement(roll: _Roll, line: str) -> bool:
    """A line recording absence, partial attendance or substitutes ('Afbud: X', 'Y deltog i stedet')."""
    partial = [person for person, _ in partial_absences(line)]
    absent = _whole_meeting(absences_in_line(line), partial)
    substitutes = substitutes_in_line(line)
    if absent is None and not substitutes and not partial:
        return False
    # Partial attendance in an attendance list makes a participant; in remarks
    # ('Bemærkninger: X deltog ikke under punkt 5') it only marks the items missed.
    attendance = roll.in_list or P.absence_label.match(line) is not None
    roll.in_list = absent is not None and not absent and line.rstrip().endswith(":")
    roll.absent_mode, roll.names_read = roll.in_list, False
    for person in absent or []:
        _mark_absent(roll.people, person.name, person.party)
    roll.recent = [person.name for person in absent] if absent else roll.recent
    for person in partial if attendance else []:  # attended part of the meeting: not absent
        _add(roll.people, ParticipantRef(person.name, person.party, None, None))
    for sub in substitutes:
        sub.substitute_for = sub.substitute_for or _only_absent(roll.people, roll.recent, sub.name, sub.party)
        _add(roll.people, sub)
    return True


def _list_line(roll: _Roll, line: str) -> bool:
    """A line of names inside a member list or after an absence label; anything else ends the list."""
    if roll.in_list and roll.absent_mode:
        found = _absent_list_line(roll.people, line)
        roll.recent = (roll.recent if roll.names_read else []) + found
        roll.in_list = roll.names_read = bool(found)
    elif roll.in_list:
        roll.in_list = roll.names_read = _member_list_line(roll.people, line)
        roll.recent = []
    return True


# What a header line says about attendance: the first rule that takes the line decides.
ATTENDANCE_RULES: tuple[tuple[str, Callable[[_Roll, str], bool]], ...] = (
    ("blank", _blank_line),
    ("agenda_entry", _agenda_entry),
    ("member_list_label", _member_list_label),
    ("absence_label_alone", _absence_label_alone),
    ("attendance_statement", _attendance_statement),
    ("list_line", _list_line),
)


def _participants(lines: list[str]) -> list[ParticipantRef]:
    roll = _Roll(lines)
    while roll.index < len(lines):
        line = lines[roll.index]
        roll.index += 1
        for _name, rule in ATTENDANCE_RULES:
            if rule(roll, line):
                break
    return _names_as_printed(roll.people)


def _whole_meeting(absent: list[PersonRef] | None, partial: list[PersonRef]) -> list[PersonRef] | None:
    """Absence from the whole meeting: a person the line says missed only some items
    ('Kaj Nørby deltog ikke i behandlingen af punkt 24') is absent from those items' decisions only."""
    if not absent:
        return absent
    names = {person.name for person in partial}
    return [person for person in absent if person.name not in names]


def _names_as_printed(people: list[ParticipantRef]) -> list[ParticipantRef]:
    """Leave out names in capitals ('ÅBENT MØDE') unless the document prints all names so."""
    if all(person.name.isupper() for person in people):
        return people
    return [person for person in people if not person.name.isupper()]


def _member_list_line(people: list[ParticipantRef], line: str) -> bool:
    """Read a line of a member list; False when the line is not one (the list has ended)."""
    entries = inline_participants(line) if "," in line else []
    if len(entries) > 1:  # one line holding the whole list
        for entry in entries:
            _add(people, entry)
        return True
    entry = participant_entry(line)
    if entry is not None:
        _add(people, entry)
    return entry is not None


def _absent_list_line(people: list[ParticipantRef], line: str) -> list[str]:
    """Read a line after an absence label printed alone ('Fraværende:'): one name, or several
    separated by commas or 'og'; the names read, none when the line is not a list of names."""
    if P.any_label.match(line):
        return []
    found = names_after_label(line)
    for person in found:
        _mark_absent(people, person.name, person.party)
    return [person.name for person in found]


def _only_absent(people: list[ParticipantRef], recent: list[str], substitute: str, party: str | None) -> str | None:
    """Whom a substitute without a printed 'for X' stood in for: the one person the absence lines
    just before named ('Afbud' / 'Mads Berg (C)' / 'Tom Hein (C) deltog som stedfortræder.'), unless
    their parties differ (a substitute comes from the absent member's list)."""
    if len(recent) != 1 or recent[0] == substitute:
        return None
    absent_party = next((p.party for p in people if p.name == recent[0]), None)
    return None if party and absent_party and party != absent_party else recent[0]


def _continues_list(rest: str, line: str) -> bool:
    """Whether ``line`` continues an inline participant list ending in ``rest``; a line that
    starts with a label of its own ('Fraværende: ...') never does."""
    if not line or P.any_label.match(line) or P.absence_alone.match(line):
        return False
    return (rest.endswith(",") or line[:1] in "(" or rest.rstrip().endswith(("(", "-"))
            or (line.split(" ", 1)[0].istitle() and "," in line and "," in rest))


def _add(people: list[ParticipantRef], entry: ParticipantRef) -> None:
    """Add a participant once: a person seen before (by ``find_person``) gains the details it lacked
    and keeps the fuller form of the name; absence wins over any other attendance."""
    person = find_person(people, entry.name, entry.party)
    if person is None:
        people.append(entry)
        return
    if len(entry.name) > len(person.name):
        person.name = entry.name
    person.party = person.party or entry.party
    person.role = person.role or entry.role
    person.substitute_for = person.substitute_for or entry.substitute_for
    if person.present is None or entry.present is False:
        person.present = entry.present


def _mark_absent(people: list[ParticipantRef], name: str, party: str | None) -> None:
    _add(people, ParticipantRef(name, party, None, False))
