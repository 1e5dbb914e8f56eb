"""Attendance phrases: absence, partial attendance, substitutes and member-list entries, line by line.

Absence is read only where minutes record it for *this* meeting (the header, the decision of this
meeting, an attendance section); the extract stage decides where to look. Late arrival, leaving
early and recusal ("inhabil") are not absence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import gates as G
from . import patterns as P
from .data import fold, not_names
from .data import people as data_people
from .names import PersonRef, clean_name, party_letter, split_names, split_sentences

SUBSTITUTE = "stedfortræder"  # the role of a substitute, whatever the minutes call it


@dataclass
class ParticipantRef:
    name: str
    party: str | None
    role: str | None
    present: bool | None
    substitute_for: str | None = None


# The patterns whose gates a line must pass for absences_in_line, partial_absences and substitutes_in_line
# to find anything beside an absence label or 'all except': each function asks them first, and the
# header (extract.header._attendance_in_line) asks them of a line before it calls the three.
ABSENT_GATES = ("afbud_fra", "absent_verb")
PARTIAL_GATES = ("partial_verb",)
SUBSTITUTE_GATES = ("substitute_hint",)
ATTENDANCE_GATES = (*ABSENT_GATES, *PARTIAL_GATES, *SUBSTITUTE_GATES)


def _may(text: str, names: tuple[str, ...]) -> bool:
    """Whether one of the gates of patterns ``names`` passes ``text`` (a plain loop: any() over a
    generator costs a frame, on a path asked of many lines)."""
    for name in names:  # noqa: SIM110
        if getattr(G, name).may(text):
            return True
    return False


# --- absence -------------------------------------------------------------------------------------

def absences_in_line(text: str) -> list[PersonRef] | None:
    """People a line records as absent; [] for an absence label with no names ('Fraværende:');
    None when the line says nothing about absence (partial attendance such as 'Fraværende fra
    kl. 14.30: X' or 'X deltog ikke under punkt 14-16' is not absence)."""
    except_ = G.all_except.search(text)
    if except_:
        return split_names(except_["names"], absent=True)
    label = P.absence_label.match(text)
    if label:
        if G.not_absence.search(label["scope"]):
            return None
        # The field ends at the next label ("Fraværende: X. Bemærkninger til dagsordenen: ...").
        names = P.next_label.split(P.dated_sublabel.sub(" ", label["names"]), maxsplit=1)[0].strip()
        if not names or P.absence_none.match(names):
            return []
        substitutes = {s.name for s in substitutes_in_line(names)}
        return [p for p in _absent_in_list(names) if p.name not in substitutes]
    if not _may(text, ABSENT_GATES):
        return None  # no sentence of the line can name an absence: no need to split it
    found: list[PersonRef] = []
    for sentence in split_sentences(text):
        if G.not_absence.search(sentence):
            continue
        afbud = _afbud_fra(sentence)
        verb = None if afbud else G.absent_verb.search(sentence)
        if verb:
            before = P.suppleant_prefix.sub("", sentence[: verb.start()])
            afbud = split_names(before, absent=True) or _name_just_before(before)
        found.extend(afbud)
    return found or None


def _name_just_before(text: str) -> list[PersonRef]:
    """The one member named at the end of a clause that is not a list of names ('Mødet blev ledet af
    næstformanden, idet formanden Henrik Skou Laursen (C)' -> Henrik Skou Laursen)."""
    match = P.name_before_verb.search(text)
    name = clean_name(match["name"]) if match else None
    return [PersonRef(name, party_letter(match["party"]))] if match and name else []


def _afbud_fra(text: str) -> list[PersonRef]:
    """The people named after 'Afbud fra' / 'der var afbud fra': none when only organisations are."""
    return [person for match in G.afbud_fra.finditer(text) for person in split_names(_strip_substitute_tail(match["names"]))]


def first_names_absent(text: str) -> list[str]:
    """The members an absence field names by their first name only ('Afbud: Tilde,'); the caller
    resolves each to the one listed participant of that first name."""
    label = P.absence_label.match(text)
    if not label or G.not_absence.search(label["scope"]):
        return []
    parts = (part.strip(" .,") for part in P.name_separators.split(label["names"]))
    return [part for part in parts if P.first_name_only.fullmatch(part) and clean_name(f"{part} X") and part not in not_names()]


@cache
def _table_columns() -> tuple[frozenset[str], str]:
    people = data_people()
    return frozenset(fold(word) for word in people["table_columns"]), fold(people["table_party_column"])


def table_head(text: str) -> bool | None:
    """For the head row of an attendance table copied as text ('Navn Parti Bemærkning'): whether it has
    a party column; None for any other line."""
    columns, party = _table_columns()
    words = [fold(word) for word in text.split()]
    if len(words) < 2 or not all(word in columns for word in words):
        return None
    return party in words


def party_column_row(text: str) -> PersonRef | None:
    """A row under a head with a party column: 'Ole Bech A Afbud - sygdom' -> Ole Bech (A)."""
    row = P.party_column_row.match(text.strip())
    name = clean_name(row["name"]) if row else None
    return PersonRef(name, party_letter(row["party"])) if row and name else None


def names_after_label(text: str) -> list[PersonRef]:
    """The people on a line after an absence label printed alone on its line ('Fraværende:' /
    'Karen Møller Holt og Ejvind Tang Sørensen'); [] for a line that is not a list of names.
    A sentence that ends in a full stop is a list only when short ('Ulla Krog, Ole Dam.')."""
    found = absences_in_line(f"Fraværende: {text}") or []
    if P.ends_sentence.search(text.strip()) and len(text.split()) > 8:
        return []
    return found


def _absent_in_list(names: str) -> list[PersonRef]:
    """The names after an absence label, leaving out sentences about partial attendance
    ('Fraværende: Ib Holm (V). Eva Lind (A) deltog ikke under punkt 5.')."""
    found: list[PersonRef] = []
    for sentence in split_sentences(names):
        if G.not_absence.search(sentence):
            continue
        verb = G.absent_verb.search(sentence)
        found.extend(split_names(_strip_substitute_tail(sentence[: verb.start()] if verb else sentence), absent=True))
    return found


# --- partial attendance ----------------------------------------------------------------------------

_MAX_RANGE = 100


def partial_absences(text: str) -> list[tuple[PersonRef, list[str]]]:
    """People who attended part of the meeting, each with the item numbers they missed where the
    line names them: 'Helle Brink (A) deltog ikke under punkt 14-16.' -> (Helle Brink, [14, 15, 16]),
    'Ole Skovsby ankom kl. 16.15 og deltog ikke i behandlingen af punkt 1.' -> (Ole Skovsby, [1]);
    'Fraværende fra kl. 14.30: Erling Holm (F)' -> (Erling Holm, [])."""
    label = P.absence_label.match(text)
    if label:
        if not G.not_absence.search(label["scope"]):
            return []
        numbers = _item_numbers(label["scope"])
        return [(p, numbers) for p in split_names(label["names"])]
    found: list[tuple[PersonRef, list[str]]] = []
    # No sentence of the line has the verb unless the line has it: a sentence ends in [.!?] and the next
    # starts after white space, so a word boundary at a sentence's edge is one in the line too. The
    # gate's words ('kom') are in many lines ('Kommune') that have no verb, and need no split.
    if not _may(text, PARTIAL_GATES) or P.partial_verb.search(text) is None:
        return found
    for sentence in split_sentences(text):
        verb = G.partial_verb.search(sentence)
        if verb is None or P.inhabil.search(sentence):
            continue
        numbers = _item_numbers(sentence[verb.start():])
        # 'X deltog ikke i behandlingen af punkt 1' names the item it was absent from.
        if numbers or G.not_absence.search(sentence):
            found.extend((p, numbers) for p in split_names(sentence[: verb.start()]))
    return found


def _item_numbers(text: str) -> list[str]:
    """'under punkt 14-16' -> ['14', '15', '16']; 'under punkterne 3, 5 og 7' -> ['3', '5', '7']."""
    match = P.item_scope.search(text)
    if not match:
        return []
    numbers: list[str] = []
    for part in P.number_list_separator.split(match["numbers"]):
        bounds = [int(n) for n in P.range_separator.split(part) if n]
        first, last = bounds[0], bounds[-1]
        if last < first or last - first > _MAX_RANGE:
            last = first
        numbers.extend(str(n) for n in range(first, last + 1))
    return list(dict.fromkeys(numbers))


def _strip_substitute_tail(text: str) -> str:
    return P.substitute_tail.split(text, maxsplit=1)[0]


def is_attendance_line(text: str) -> bool:
    """Lines about who attended (absence, substitutes, recusal, arrivals) or when the meeting ended:
    kept out of decision text."""
    if P.meeting_end_line.match(text):
        return True
    if P.absence_label.match(text) or P.absence_alone.match(text):
        return True
    if P.attendance_label.match(text):
        return True
    if _afbud_fra(text) or G.absent_verb.search(text):
        return True
    return G.attendance_remark.search(text) is not None


# --- substitutes ---------------------------------------------------------------------------------

_SUBSTITUTE_RULES = ("substitute_for", "substitute_instead_for", "substitute_instead", "substitute_named_first",
                     "substitute_instead_came", "substitute_called", "substitute_label", "substitute_word",
                     "substitute_after_afbud")


def _substitute_patterns() -> list[re.Pattern[str]]:
    return [getattr(P, name) for name in _SUBSTITUTE_RULES]


def substitutes_in_line(text: str) -> list[ParticipantRef]:
    """The substitutes a line names, each with whom they stood in for where the line says."""
    found: list[ParticipantRef] = []
    # Every substitute wording names the role or "i stedet".
    if not _may(text, SUBSTITUTE_GATES) or not P.substitute_hint.search(text):
        return found
    seen = set()
    for pattern in _substitute_patterns():
        for match in pattern.finditer(text):
            name = clean_name(match["sub"])
            if not name or name in seen or P.not_called.search(text[max(0, match.start() - 5): match.end() + 20]):
                continue
            seen.add(name)
            groups = match.groupdict()
            target = clean_name(groups["for"]) if groups.get("for") else _absent_before(text, match.start())
            found.append(ParticipantRef(name, party_letter(groups.get("party")), SUBSTITUTE, True, target))
    return found


def _absent_before(text: str, position: int) -> str | None:
    before = text[:position]
    match = P.absent_before.search(before)
    return clean_name(match["name"]) if match else None


# --- participant lists ---------------------------------------------------------------------------

def participant_entry(text: str) -> ParticipantRef | None:
    """One line of a participant list: '• Pia Dahl (D)', 'Formand Bent Egholm (A)',
    'Lise Krag (A), Suppleant for Ole Dam (A)', 'Finn Ravn, (A)'."""
    match = P.participant_entry.match(text.strip())
    if not match:
        return None
    name = clean_name(match["name"])
    if not name:
        return None
    rest = match["rest"] or ""
    substitute = P.substitute_in_entry.match(rest)
    role = (match["role"] or match["role_after"] or "").casefold() or None
    mark = (match["mark"] or "").casefold()
    present = False if mark.startswith("fravær") or "afbud" in mark else None
    if substitute:
        return ParticipantRef(name, party_letter(match["party"]), SUBSTITUTE, True, clean_name(substitute["for"]))
    return ParticipantRef(name, party_letter(match["party"]), role, present)


def inline_participants(text: str) -> list[ParticipantRef]:
    """'Vagn Bro, Aylin Demir, Tove Ravn (Fravær), ...' on one (joined) line."""
    people = []
    for part in P.list_comma.split(text):
        part = part.strip()
        if not part:
            continue
        entry = participant_entry(part)
        if entry:
            people.append(entry)
    return people
