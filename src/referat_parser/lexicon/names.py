"""People's names and parties as printed in minutes: 'Hanne Ø. Dalsgaard (A)', 'Jens Bo og Eva Lind'.

The name shape is one fragment of the pattern table (patterns.FRAGMENTS['name']); this module
reads names out of the text around it and tells when two printed names are the same person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from . import patterns as P
from .data import fold, not_in_names, not_name_words, not_names, organisation_suffixes, parties


@dataclass
class PersonRef:
    name: str
    party: str | None = None


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


def party_of(text: str) -> str | None:
    match = P.party_any.search(text)
    return party_letter(match.group(1)) if match else None


def clean_name(text: str) -> str | None:
    """The name at the start of ``text`` ('Tove Ravn (A), sag 129-138' -> 'Tove Ravn')."""
    text = P.bullet_or_role.sub("", text.strip())
    text = P.leading_label.sub("", text, count=1)
    match = P.name.match(text)
    if not match:
        return None
    name = match.group(0).rstrip(".")
    name = P.name_tail.sub("", name)  # words after which a name has ended
    if name in not_names() or " " not in name:
        return None  # a person is recorded with at least a first and a last name
    if fold(name) in parties():
        return None  # 'Dansk Folkeparti', 'Nye Borgerlige'
    if any(word.casefold() in not_name_words() for word in name.split()):
        return None  # 'ÅBENT MØDE', 'Lukket Møde', 'Horsens Kommune'
    if any(fold(word).endswith(organisation_suffixes()) for word in name.split()):
        return None  # 'Grundejerforeningen Nord', 'Region Syd': an organisation
    return name


def split_names(text: str, absent: bool = False) -> list[PersonRef]:
    """'Ulla Krog Pedersen (A), Ole Dam (C)' / 'Lise Krag og Tove Ravn'. With
    ``absent`` the text is a list of absent members: a name followed by 'indkaldt' or 'deltog' is a
    substitute who came instead (left out), and a surname printed in lower case among names printed
    as names is still a name ('Anne Hansen, Bo holm og Carl Berg'; not 'Hele oppositionen' alone)."""
    people: list[PersonRef] = []
    lenient: list[PersonRef] = []  # the names read only with a lower-case surname
    text = P.substitute_tail_in_list.sub("", text.strip().rstrip("."))
    for part in P.name_separators.split(text):
        part = part.strip(" .")
        if not part or P.party_bracket_only.fullmatch(part):
            # A party in brackets split off from its name: attach it to the previous person.
            letter = party_of(part) if part.startswith("(") else None
            if letter and people and people[-1].party is None:
                people[-1].party = letter
            continue
        if absent and P.substitute_after_name.search(part):
            continue
        name = clean_name(part)
        if name is None and absent and (name := _lenient_name(part)):
            lenient.append(PersonRef(name, party_of(part)))
        if name:
            people.append(PersonRef(name, party_of(part)))
    if len(lenient) == len(people):  # no name printed as one beside them: the lower-case words are text
        return []
    return people


def _lenient_name(part: str) -> str | None:
    """'Ole dam' in a list of absent members: two to four words, the first capitalised, none of
    them a word of running text ('Hanne fra forvaltningen' is no name)."""
    text = P.trailing_bracket.sub("", part).strip()
    if not P.lenient_name.match(text):
        return None
    words = text.split()
    if any(word.casefold() in not_in_names() for word in words) or text in not_names():
        return None
    # The words read as a name once capitalised ('Åbent møde' stays out: a word that is never in a name).
    return text if clean_name(" ".join(word[:1].upper() + word[1:] for word in words)) else None


def split_sentences(text: str, ends: re.Pattern[str] | None = None) -> list[str]:
    """``text`` split at the sentence ends ``ends`` matches (by default the ends of sentences about
    people), except after a middle initial ('Hanne Ø. Dalsgaard (A) var fraværende.' is one)."""
    sentences: list[str] = []
    start = 0
    for match in (ends or P.sentence_end_names).finditer(text):
        if P.initial_at_end.search(text[max(start, match.start() - 40): match.start()]):
            continue
        sentences.append(text[start: match.start()])
        start = match.end()
    sentences.append(text[start:])
    return sentences


class _Named(Protocol):
    name: str
    party: str | None


_N = TypeVar("_N", bound=_Named)


def _shortened(short: str, full: str) -> bool:
    """'Mikkel Sejer' for 'Mikkel Holm Sejer': the same first and last name, middle names left out."""
    short_words, full_words = short.casefold().split(), full.casefold().split()
    if len(short_words) < 2 or len(short_words) >= len(full_words):
        return False
    if (short_words[0], short_words[-1]) != (full_words[0], full_words[-1]):
        return False
    middle = iter(full_words[1:-1])
    return all(word in middle for word in short_words[1:-1])


def find_person(people: Sequence[_N], name: str, party: str | None = None) -> _N | None:
    """The person in ``people`` that ``name`` refers to: the same name (case and spacing aside), else
    the one name that differs only by middle names and whose party does not conflict."""
    folded = " ".join(name.casefold().split())
    for person in people:
        if " ".join(person.name.casefold().split()) == folded:
            return person
    candidates = [p for p in people if (party is None or p.party is None or p.party == party)
                  and (_shortened(name, p.name) or _shortened(p.name, name))]
    return candidates[0] if len(candidates) == 1 else None
