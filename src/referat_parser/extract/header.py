"""The meeting header: committee, date, start and end time, place, participants."""

from __future__ import annotations

import re

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


def extract_header(lines: list[str], full_text: str) -> HeaderDraft:
    header = HeaderDraft()
    header.committee = _committee(lines)
    meeting_lines = _without_mail_header(lines)
    date_line = None
    for index, line in enumerate(meeting_lines):
        found = next(iter_dates(_before_stamp(line)), None)
        if found:
            header.date, date_line = found[0], index
            break
    header.start_time = _start_time(meeting_lines)
    match = P.end_time.search(full_text) or _time_range_end(lines)
    if match and int(match["h"]) < 24 and int(match["m"]) < 60:
        header.end_time = f"{int(match['h']):02d}:{match['m']}"
    header.location = _location(meeting_lines, date_line)
    header.participants = _participants(lines)
    return header


def _time_range_end(lines: list[str]) -> re.Match[str] | None:
    for line in lines:
        if next(iter_dates(line), None) or P.time_label.search(line):
            match = P.time_range_end.search(line)
            if match:
                return match
    return None


def _committee(lines: list[str]) -> str | None:
    for line in lines:
        match = P.committee_label.match(line)
        if match:
            return match["value"].strip(" .")
    # Prefer a line that names only the body (and the date), such as "Byrådet 15. maj 2023", over
    # site navigation and prose that mention bodies in passing.
    candidates = [line for line in lines if not P.participant_label.match(line) and len(line) <= 160]
    for wanted in (is_meeting_line, None):
        for line in candidates:
            bodies = find_bodies(line)
            if bodies and (wanted is None or wanted(line)):
                return bodies[0][0]
    return None


def _start_time(lines: list[str]) -> str | None:
    for line in map(_before_stamp, lines):
        if P.end_words.search(line):
            continue
        has_date = next(iter_dates(line), None) is not None
        if has_date or P.time_label.search(line) or P.kl_at_start.match(line):
            found = next(iter_times(line), None)
            if found:
                return found[0]
    return None


def _location(lines: list[str], date_line: int | None) -> str | None:
    for index, line in enumerate(lines):
        match = P.location_label.match(line)
        if match:
            return P.next_header_label.split(match["value"], maxsplit=1)[0].strip()
        if P.location_alone.match(line):
            value = _value_below(lines, index)
            if value:
                return value
    if date_line is None:
        return None
    # "kl. 13.00 i Byrådssalen", "kl. 13.00 i mødelokale B1, Skive Rådhus": a name or a place word,
    # on the date line or on another line with the time (a running title may carry the date first).
    for line in [lines[date_line], *(line for line in lines if "kl" in line and line != lines[date_line])]:
        match = P.place_after_time.search(line)
        if match and (match["place"][0].isupper() or P.header_place_words.match(match["place"])):
            return match["place"].strip()
    # The place on a line of its own below the date or below the time ("Dato: 04.12.2012" on a
    # running line, then "tirsdag den 4. december 2012, kl. 13:00" / "i Mødecenter C, Lokale 32").
    time_line = next((i for i, line in enumerate(lines) if "kl" in line and next(iter_times(line), None)), None)
    for start in dict.fromkeys(i for i in (date_line, time_line) if i is not None):
        for line in lines[start + 1: start + 5]:
            if not line or next(iter_dates(line), None) or next(iter_times(line), None) or P.participant_label.match(line):
                continue
            if P.header_place_words.search(line) and len(line) < 120 and not line.endswith("."):
                return P.place_preposition.sub("", line).strip()
    return None


def _value_below(lines: list[str], index: int) -> str | None:
    """The place on the line after a lone "Mødested" label: not another label, date or sentence."""
    value = next((line for line in lines[index + 1: index + 3] if line), "")
    if (not value or len(value) >= 120 or value.endswith((".", ":")) or P.any_label.match(value) or not value[0].isupper()
            or next(iter_dates(value), None) or P.participant_label.match(value) or P.absence_alone.match(value)):
        return None
    if " " not in value and not P.header_place_words.search(value):  # "Fraværende": a label of the next row
        return None
    return P.next_header_label.split(value, maxsplit=1)[0].strip()


def _participants(lines: list[str]) -> list[ParticipantRef]:
    people: list[ParticipantRef] = []
    absent_mode = False
    in_list = False
    names_read = False  # names read after an absence label printed alone: a blank line ends them
    recent: list[str] = []  # the people the latest absence lines named
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line:
            in_list = in_list and not (absent_mode and names_read)
            continue
        if P.list_entry.match(line):
            in_list = False
            continue  # an agenda list ("åbent 20 Indkaldelse af stedfortræder for ...") is not attendance
        label = P.participant_label.match(line)
        if label:
            in_list, absent_mode, recent = True, False, []
            rest = label["rest"].strip()
            # Inline lists may wrap onto the next lines ("Mødedeltagere A, B, C" / "(Fravær), D").
            while rest and index < len(lines) and _continues_list(rest, lines[index]):
                rest = f"{rest} {lines[index]}"
                index += 1
            for entry in inline_participants(rest) if rest else []:
                _add(people, entry)
            continue
        if P.absence_alone.match(line):
            in_list, absent_mode, names_read = True, True, False
            continue
        partial = [person for person, _ in partial_absences(line)]
        absent = _whole_meeting(absences_in_line(line), partial)
        substitutes = substitutes_in_line(line)
        if absent is not None or substitutes or partial:
            # Partial attendance in an attendance list makes a participant; in remarks
            # ('Bemærkninger: X deltog ikke under punkt 5') it only marks the items missed.
            attendance = in_list or P.absence_label.match(line) is not None
            in_list = absent is not None and not absent and line.rstrip().endswith(":")
            absent_mode, names_read = in_list, False
            for person in absent or []:
                _mark_absent(people, person.name, person.party)
            recent = [person.name for person in absent] if absent else recent
            for person in partial if attendance else []:  # attended part of the meeting: not absent
                _add(people, ParticipantRef(person.name, person.party, None, None))
            for sub in substitutes:
                target = sub.substitute_for or _only_absent(people, recent, sub.name, sub.party)
                sub.substitute_for = target
                _add(people, sub)
            continue
        if in_list and absent_mode:
            found = _absent_list_line(people, line)
            recent = (recent if names_read else []) + found
            in_list = names_read = bool(found)
        elif in_list:
            in_list = names_read = _member_list_line(people, line)
            recent = []
    return _names_as_printed(people)


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
