"""People in minutes: participant lists, absence, substitutes.

Absence is read only where minutes record it for *this* meeting (the header, the decision of this
meeting, an attendance section); absences quoted from another body's meeting are not absence here.
Late arrival, leaving early and recusal ("inhabil") are not absence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol, TypeVar

from ..vocabulary import fold, name_label_words, not_name_words, parties

_UP = "A-ZÆØÅÄÖÜÉÈÁÓÍÚÇŞĞİ"
# A dot ends a name word only in an initial or abbreviation ("Chr."): "Mortensen. Birthe" is two sentences.
_NAME_WORD = rf"(?:[{_UP}][\w'’]{{0,2}}\.|[{_UP}][\w'’]*(?:-[{_UP}]?[\w'’]+)*)"
# At most six words: a bound keeps unanchored searches linear on long lines of capitalised words.
NAME = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|von|van|de|la|le|bin|el)){{0,5}}"


def _party_text() -> str:
    """What may stand in brackets after a name as a party: a letter or abbreviation in capitals
    ('A', 'DF', 'SF') or a party name of the vocabulary ('Alternativet', 'Nye Borgerlige')."""
    names = sorted((n for n in parties() if len(n) > 3), key=len, reverse=True)
    return "[A-ZÆØÅ]{1,3}|(?i:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + ")"


PARTY_TEXT = _party_text()
PARTY = rf"\(\s*(?P<party>{PARTY_TEXT})\s*\)"
_PARTY_ANY = re.compile(rf"\(\s*({PARTY_TEXT})\s*\)")


def party_letter(printed: str | None) -> str | None:
    """The ballot letter of a party as printed in brackets: a single capital is the letter itself
    (local lists have letters too; '(S)' is Slesvigsk Parti's letter, as in the vocabulary); an
    abbreviation or name maps through the party vocabulary ('DF' -> 'O', 'Alternativet' -> 'Å');
    anything else (a local list's name or initials) is no party."""
    if printed is None:
        return None
    printed = " ".join(printed.split())
    if len(printed) == 1 and printed.isupper():
        return printed
    return parties().get(fold(printed))
_ROLE_WORDS = r"(?:Formand|Næstformand|Borgmester|Viceborgmester|1\. viceborgmester|2\. viceborgmester|Rådmand|Medlem)"

_NAME_RE = re.compile(NAME)


@dataclass
class PersonRef:
    name: str
    party: str | None = None


@dataclass
class SubstituteRef:
    name: str
    party: str | None
    substitute_for: str | None


# --- names ---------------------------------------------------------------------------------------

_NOT_NAMES = frozenset({"Ingen", "Intet", "Ingen fraværende", "Alle", "Alle til stede", "Fraværende", "Afbud",
                        "Mødet", "Udvalget", "Byrådet", "Borgmesteren", "Formanden", "Stedfortræder"})


@cache
def _leading_label() -> re.Pattern[str]:
    """A label before a name: one of the vocabulary's attendance labels followed by a tab or spaces
    ('Suppleant<TAB>Jens Bo'), or any short label ending in a colon ('Øvrige bemærkninger: Kaj Nørby')."""
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in name_label_words())
    return re.compile(rf"^(?:(?i:{words})\s*:?\s+|[^\W\d][^:\d\n]{{0,40}}:\s*)(?=[{_UP}])")


def clean_name(text: str) -> str | None:
    """The name at the start of ``text`` ('Britt Jensen (A), sag 129-138' -> 'Britt Jensen')."""
    text = re.sub(rf"^[•·\-–*]\s*|^{_ROLE_WORDS}\s+", "", text.strip())
    text = _leading_label().sub("", text, count=1)
    match = _NAME_RE.match(text)
    if not match:
        return None
    name = match.group(0).rstrip(".")
    # Trailing words that are not part of a name.
    name = re.sub(r"\s+(?:Suppleant|Stedfortræder|Istedet|I stedet|Fraværende|Afbud|Sag|Sager|Punkt)\b.*$", "", name)
    if name in _NOT_NAMES or " " not in name:
        return None  # a person is recorded with at least a first and a last name
    if fold(name) in parties():
        return None  # 'Dansk Folkeparti', 'Nye Borgerlige'
    if any(word.casefold() in not_name_words() for word in name.split()):
        return None  # 'ÅBENT MØDE', 'Lukket Møde', 'Horsens Kommune'
    return name


class _Named(Protocol):
    name: str
    party: str | None


_P = TypeVar("_P", bound=_Named)


def _shortened(short: str, full: str) -> bool:
    """'Mikkel Sejer' for 'Mikkel Holm Sejer': the same first and last name, middle names left out."""
    short_words, full_words = short.casefold().split(), full.casefold().split()
    if len(short_words) < 2 or len(short_words) >= len(full_words):
        return False
    if (short_words[0], short_words[-1]) != (full_words[0], full_words[-1]):
        return False
    middle = iter(full_words[1:-1])
    return all(word in middle for word in short_words[1:-1])


def find_person(people: Sequence[_P], name: str, party: str | None = None) -> _P | None:
    """The person in ``people`` that ``name`` refers to: the same name (case and spacing aside), else
    the one name that differs only by middle names and whose party does not conflict."""
    folded = " ".join(name.casefold().split())
    for person in people:
        if " ".join(person.name.casefold().split()) == folded:
            return person
    candidates = [p for p in people if (party is None or p.party is None or p.party == party)
                  and (_shortened(name, p.name) or _shortened(p.name, name))]
    return candidates[0] if len(candidates) == 1 else None


def party_of(text: str) -> str | None:
    match = _PARTY_ANY.search(text)
    return party_letter(match.group(1)) if match else None


def split_names(text: str) -> list[PersonRef]:
    """'Tina Højlund Pedersen (A), Torben Johansen (C)' / 'Jane Østergaard og Vibeke Gamst'."""
    people: list[PersonRef] = []
    text = re.sub(r"\s+(?:mødte|deltog)\s+som\s+stedfortræder.*$", "", text.strip().rstrip("."))
    for part in re.split(r"\s*(?:,|;|\s-\s|\s–\s|\bog\b|\s{2,}|•)\s*(?![^()]{0,60}\))", text):
        part = part.strip(" .")
        if not part or re.fullmatch(r"\(?[A-ZÆØÅ]{1,3}\)?|sag.*|punkt.*|pkt.*", part, re.IGNORECASE):
            # A party in brackets split off from its name: attach it to the previous person.
            letter = party_of(part) if part.startswith("(") else None
            if letter and people and people[-1].party is None:
                people[-1].party = letter
            continue
        name = clean_name(part)
        if name:
            people.append(PersonRef(name, party_of(part)))
    return people


# --- absence -------------------------------------------------------------------------------------

ABSENCE_LABEL = re.compile(
    r"^(?:Fraværende(?:\s+med\s+afbud)?|Fravær|Afbud|Ikke\s+til\s+stede|Ikke\s+mødt|Forfald|Meldt\s+afbud"
    r"|Meddelt\s+forfald|Fraværende\s+uden\s+afbud|Afbud\s*/\s*Fraværende"
    # eDoc prints this under each decision, with the names (often none) on the next lines.
    r"|Følgende\s+deltog\s+ikke(?:\s+i\s+behandlingen\s+af\s+(?:punktet|sagen))?)"
    r"(?P<scope>[^:]{0,80}?)\s*:\s*(?P<names>.*)$",
    re.IGNORECASE,
)
ABSENCE_HEADING = re.compile(r"^(?:Fraværende(?:\s+med\s+afbud)?|Fravær|Afbud|Ikke til stede|Afbud\s*/\s*Fraværende)\s*$",
                             re.IGNORECASE)
_AFBUD_FRA = re.compile(rf"\bAfbud\s+fra\s+(?P<names>{NAME}(?:\s*{PARTY})?(?:\s*(?:,|og)\s*{NAME}(?:\s*\((?:{PARTY_TEXT})\))?)*)")
_ABSENT_VERB = re.compile(
    r"\b(?:var|er|blev)\s+fraværende\b"
    r"|\bdeltog\s+ikke(?:\s+(?:i|på|under)\s+(?:mødet|behandlingen\s+af\s+(?:punktet|sagen|dette\s+punkt)))?\s*\.?$"
    r"|\bvar\s+forhindret\s+i\s+at\s+deltage|\b(?:havde|har)\s+meldt\s+afbud|\bmeldte\s+afbud|\budeblev\s+uden\s+afbud"
    r"|\bvar\s+ikke\s+til\s+stede|\bdeltog\s+ikke\s+i\s+mødet|\bdeltog\s+ikke\s+på\s+mødet"
    r"|\b(?:havde|har|meldte)\s+forfald|\bdeltog\s+ikke\s+i\s+behandlingen\s+af\s+(?:punkt|pkt)\.?(?:\s*\d+\s*\.?)?$",
    re.IGNORECASE,
)
# Partial attendance and recusal: never absence. Absence "under behandlingen af sagen" is absence
# from the item the sentence stands in.
_NOT_ABSENCE = re.compile(
    r"inhabil|under\s+punkt|i\s+behandlingen\s+af\s+punkterne\s+\d|fra\s+kl\.|til\s+kl\.|forlod|ankom|kom\s+kl"
    r"|efter\s+punkt|fra\s+punkt|deltog\s+ikke\s+under(?!\s+behandlingen\s+af\s+(?:punktet|sagen|dette\s+punkt)\b)"
    r"|mødte\s+kl",
    re.IGNORECASE,
)
_NONE_WORDS = re.compile(r"^(?:ingen|intet|-|—|–|alle\s+(?:var\s+)?til\s+stede)\.?$", re.IGNORECASE)
# Sentence ends, but not after the abbreviations of times and item numbers ("kl. 14.30", "pkt. 5").
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\bkl\.)(?<!\bpkt\.)(?<!\bnr\.)\s+")
# A middle initial after a name word ('Hanne Ø.', 'Hans C.') does not end a sentence; a full word does.
_INITIAL_AT_END = re.compile(r"(?<![\w'’-])[A-ZÆØÅ][\w'’-]*\.?\s+[A-ZÆØÅ]\.$")


def split_sentences(text: str, ends: re.Pattern[str] = _SENTENCE_END) -> list[str]:
    """``text`` split at the sentence ends ``ends`` matches, except after a middle initial
    ('Hanne Ø. Dalsgaard (A) var fraværende.' is one sentence)."""
    sentences: list[str] = []
    start = 0
    for match in ends.finditer(text):
        if _INITIAL_AT_END.search(text[max(start, match.start() - 40): match.start()]):
            continue
        sentences.append(text[start: match.start()])
        start = match.end()
    sentences.append(text[start:])
    return sentences


def absences_in_line(text: str) -> list[PersonRef] | None:
    """People a line records as absent; [] for an absence label with no names ('Fraværende:');
    None when the line says nothing about absence (partial attendance such as 'Fraværende fra
    kl. 14.30: X' or 'X deltog ikke under punkt 14-16' is not absence)."""
    label = ABSENCE_LABEL.match(text)
    if label:
        if _NOT_ABSENCE.search(label["scope"]):
            return None
        names = label["names"].strip()
        if not names or _NONE_WORDS.match(names):
            return []
        substitutes = {s.name for s in substitutes_in_line(names)}
        return [p for p in _absent_in_list(names) if p.name not in substitutes]
    found: list[PersonRef] = []
    for sentence in split_sentences(text):
        if _NOT_ABSENCE.search(sentence):
            continue
        afbud = [p for m in _AFBUD_FRA.finditer(sentence) for p in split_names(_strip_substitute_tail(m["names"]))]
        verb = None if afbud else _ABSENT_VERB.search(sentence)
        if verb:
            afbud = split_names(re.sub(r"^\s*\d+\.\s*suppleant\s+", "", sentence[: verb.start()]))
        found.extend(afbud)
    return found or None


def names_after_label(text: str) -> list[PersonRef]:
    """The people on a line after an absence label printed alone on its line ('Fraværende:' /
    'Karen Møller Holt og Ejvind Tang Sørensen'); [] for a line that is not a list of names.
    A sentence that ends in a full stop is a list only when short ('Carsten Scheibye, Lotte Helms.')."""
    found = absences_in_line(f"Fraværende: {text}") or []
    if re.search(r"[.!?]$", text.strip()) and len(text.split()) > 8:
        return []
    return found


def _absent_in_list(names: str) -> list[PersonRef]:
    """The names after an absence label, leaving out sentences about partial attendance
    ('Fraværende: Ib Holm (V). Eva Lind (A) deltog ikke under punkt 5.')."""
    found: list[PersonRef] = []
    for sentence in split_sentences(names):
        if _NOT_ABSENCE.search(sentence):
            continue
        verb = _ABSENT_VERB.search(sentence)
        found.extend(split_names(_strip_substitute_tail(sentence[: verb.start()] if verb else sentence)))
    return found


# --- partial attendance ----------------------------------------------------------------------------

_PARTIAL_VERB = re.compile(r"\b(?:deltog\s+ikke|var\s+fraværende|forlod\s+mødet|ankom|mødte|kom)\b", re.IGNORECASE)
_ITEM_SCOPE = re.compile(r"\b(?:under|i\s+behandlingen\s+af|ved\s+behandlingen\s+af)\s+(?:punkt(?:erne)?|pkt\.?|sag(?:erne)?)"
                         r"(?:\s+nr\.?)?\s*(?P<numbers>\d{1,4}(?:\s*(?:-|–|,|og)\s*\d{1,4})*)", re.IGNORECASE)
_MAX_RANGE = 100


def partial_absences(text: str) -> list[tuple[PersonRef, list[str]]]:
    """People who attended part of the meeting, each with the item numbers they missed where the
    line names them: 'Helle Brink (A) deltog ikke under punkt 14-16.' -> (Helle Brink, [14, 15, 16]),
    'Ole Skovsby ankom kl. 16.15 og deltog ikke i behandlingen af punkt 1.' -> (Ole Skovsby, [1]);
    'Fraværende fra kl. 14.30: Erling Holm (F)' -> (Erling Holm, [])."""
    label = ABSENCE_LABEL.match(text)
    if label:
        if not _NOT_ABSENCE.search(label["scope"]):
            return []
        numbers = _item_numbers(label["scope"])
        return [(p, numbers) for p in split_names(label["names"])]
    found: list[tuple[PersonRef, list[str]]] = []
    for sentence in split_sentences(text):
        verb = _PARTIAL_VERB.search(sentence)
        if verb is None or re.search(r"inhabil", sentence, re.IGNORECASE):
            continue
        numbers = _item_numbers(sentence[verb.start():])
        # 'X deltog ikke i behandlingen af punkt 1' names the item it was absent from.
        if numbers or _NOT_ABSENCE.search(sentence):
            found.extend((p, numbers) for p in split_names(sentence[: verb.start()]))
    return found


def _item_numbers(text: str) -> list[str]:
    """'under punkt 14-16' -> ['14', '15', '16']; 'under punkterne 3, 5 og 7' -> ['3', '5', '7']."""
    match = _ITEM_SCOPE.search(text)
    if not match:
        return []
    numbers: list[str] = []
    for part in re.split(r"\s*(?:,|og)\s*", match["numbers"]):
        bounds = [int(n) for n in re.split(r"\s*[-–]\s*", part) if n]
        first, last = bounds[0], bounds[-1]
        if last < first or last - first > _MAX_RANGE:
            last = first
        numbers.extend(str(n) for n in range(first, last + 1))
    return list(dict.fromkeys(numbers))


def _strip_substitute_tail(text: str) -> str:
    return re.split(r"\s*[.,]?\s*(?:stedfortræder|istedet|i stedet|suppleant|og\s+\S+\s+deltog)\b", text,
                    maxsplit=1, flags=re.IGNORECASE)[0]


_MEETING_END = re.compile(r"^\s*Mødet\s+(?:blev\s+)?(?:hævet|sluttede|sluttet|afsluttet|afsluttedes|slut|ophævet)\b",
                          re.IGNORECASE)


def is_attendance_line(text: str) -> bool:
    """Lines about who attended (absence, substitutes, recusal, arrivals) or when the meeting ended:
    kept out of decision text."""
    if _MEETING_END.match(text):
        return True
    if ABSENCE_LABEL.match(text) or ABSENCE_HEADING.match(text):
        return True
    if re.match(r"^(?:Fremmøde(?:\s+og\s+inhabilitet)?|Deltagere|Mødedeltagere|Til stede|Inhabilitet)\s*:?", text,
                re.IGNORECASE):
        return True
    if _AFBUD_FRA.search(text) or _ABSENT_VERB.search(text):
        return True
    return re.search(
        r"\b(?:deltog|mødte)\s+(?:i\s+stedet|som\s+stedfortræder|som\s+suppleant)|\bindkaldt\s+som\s+(?:suppleant|stedfortræder)"
        r"|\binhabil|\bdeltog\s+ikke\b|\bforlod\s+mødet|\bankom\s+kl|\bmødte\s+ikke\s+frem",
        text, re.IGNORECASE) is not None


# --- substitutes ---------------------------------------------------------------------------------

# Keywords are case-insensitive in scoped groups only: an IGNORECASE name pattern would start a
# match at every lower-case letter and make the search quadratic.
_SUBSTITUTE_PATTERNS = [
    re.compile(rf"(?P<sub>{NAME})\s*(?:\((?P<party>[^()]{{1,40}})\))?\s*,?\s*(?i:(?:er\s+|var\s+|blev\s+)?(?:indkaldt\s+som\s+)?(?:suppleant|stedfortræder)\s+for)\s+(?P<for>{NAME})"),
    re.compile(rf"(?P<sub>{NAME})\s*(?:\((?P<party>[^()]{{1,40}})\))?\s+(?:deltog|mødte)\s+(?:i\s+stedet|istedet|som\s+stedfortræder|som\s+suppleant)\s+for\s+(?P<for>{NAME})"),
    re.compile(rf"(?P<sub>{NAME})\s*(?:\((?P<party>[^()]{{1,40}})\))?\s+(?:deltog|mødte)\s+(?:i\s+stedet|som\s+stedfortræder|som\s+suppleant)"),
    # "I stedet for Ole Berg deltog 1. suppleant Eva Lund (V)", "Som suppleant for Ole Berg deltog Eva Lund"
    re.compile(rf"\b(?i:i\s+stedet\s+for|som\s+(?:suppleant|stedfortræder)\s+for)\s+(?P<for>{NAME})\s*(?:\([^()]{{1,40}}\))?"
               rf",?\s+(?i:mødte|deltog)\s+(?:\d\.\s+)?(?i:(?:suppleant|stedfortræder)\s+)?(?P<sub>{NAME})"
               rf"\s*(?:\((?P<party>[^()]{{1,40}})\))?"),
    re.compile(rf"\b(?i:istedet|i\s+stedet)\s+(?i:mødte|deltog)\s+(?P<sub>{NAME})"),
    re.compile(rf"(?P<sub>{NAME})\s*(?:\((?P<party>[^()]{{1,40}})\))?\s+(?:var|er|blev)\s+indkaldt\s+som\s+(?:suppleant|stedfortræder)"),
    re.compile(rf"^\s*(?i:stedfortræder(?:e)?|suppleant(?:er)?)\s*:\s*(?P<sub>{NAME})\s*(?:\((?P<party>[^()]{{1,40}})\))?"),
    re.compile(rf"\bstedfortræder\s+(?P<sub>{NAME})"),
    re.compile(rf"(?i:afbud),?\s+og\s+(?P<sub>{NAME})\s+deltog\s+i\s+stedet"),
]


def substitutes_in_line(text: str) -> list[SubstituteRef]:
    found: list[SubstituteRef] = []
    seen = set()
    for pattern in _SUBSTITUTE_PATTERNS:
        for match in pattern.finditer(text):
            name = clean_name(match["sub"])
            if not name or name in seen or re.search(r"ikke\s+indkaldt", text[max(0, match.start() - 5): match.end() + 20]):
                continue
            seen.add(name)
            groups = match.groupdict()
            target = clean_name(groups["for"]) if groups.get("for") else _absent_before(text, match.start())
            found.append(SubstituteRef(name, party_letter(groups.get("party")), target))
    return found


def _absent_before(text: str, position: int) -> str | None:
    before = text[:position]
    match = re.search(rf"(?:Afbud\s+fra\s+)?(?P<name>{NAME})\s*(?:\((?:{PARTY_TEXT})\))?\s*(?:havde\s+(?:meldt\s+afbud|forfald))?[\s,.;–-]*(?:og\s+)?$",
                      before)
    return clean_name(match["name"]) if match else None


# --- participant lists ---------------------------------------------------------------------------

PARTICIPANT_LABEL = re.compile(
    r"^(?:Mødedeltagere|Deltagere|Medlemmer|Til\s+stede|Tilstede|Fremmødte|Udvalgsmedlemmer|Deltagende)\b\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_ENTRY = re.compile(
    rf"^(?:[•·\-–*]\s*)?(?:(?P<role>{_ROLE_WORDS})\s+)?(?P<name>{NAME})\s*,?\s*(?:\((?P<party>{PARTY_TEXT})\))?"
    r"\s*(?:\((?P<mark>[^)]*)\))?"
    rf"(?:\s+[-–]\s+(?P<role_after>(?i:{_ROLE_WORDS})))?"  # "Lolan Ottesen (A) - formand" (eDoc)
    r"\s*(?:,\s*(?P<rest>.*))?$"
)


@dataclass
class ParticipantRef:
    name: str
    party: str | None
    role: str | None
    present: bool | None
    substitute_for: str | None = None


def participant_entry(text: str) -> ParticipantRef | None:
    """One line of a participant list: '• Brian Nielsen (D)', 'Formand Erik Nielsen (A)',
    'Birgitte Glifberg (A), Suppleant for Brian Møller (A)', 'Erling Larsen, (A)'."""
    match = _ENTRY.match(text.strip())
    if not match:
        return None
    name = clean_name(match["name"])
    if not name:
        return None
    rest = match["rest"] or ""
    substitute = re.match(rf"(?:suppleant|stedfortræder)\s+for\s+(?P<for>{NAME})", rest, re.IGNORECASE)
    role = (match["role"] or match["role_after"] or "").casefold() or None
    mark = (match["mark"] or "").casefold()
    present = False if mark.startswith("fravær") or "afbud" in mark else None
    if substitute:
        return ParticipantRef(name, party_letter(match["party"]), "stedfortræder", True, clean_name(substitute["for"]))
    return ParticipantRef(name, party_letter(match["party"]), role, present)


def inline_participants(text: str) -> list[ParticipantRef]:
    """'Brian Hornbek, Süleyman Yücel, Torben Johansen (Fravær), ...' on one (joined) line."""
    people = []
    for part in re.split(r",\s*(?![^()]{0,60}\))", text):
        part = part.strip()
        if not part:
            continue
        entry = participant_entry(part)
        if entry:
            people.append(entry)
    return people
