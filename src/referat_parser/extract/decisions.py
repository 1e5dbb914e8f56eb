"""Decisions: outcome class, dissent and votes, recommendations ("at ..." clauses)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import cast

from ..models import Outcome
from ..vocabulary import fold, outcome_phrases, outcome_regex, parties
from .people import NAME, clean_name

_ENUMERATED = re.compile(r"^\s*(?:\d{1,2}|[a-h])\s*[.)]\s+|^\s*Ad\s+(?:pkt\.?\s*)?\d+\.?\s*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ\"“])")
SHORT_SENTENCE_WORDS = 8


def split_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for paragraph in text.split("\n"):
        paragraph = _ENUMERATED.sub("", paragraph.strip())
        sentences.extend(s for s in _SENTENCE_END.split(paragraph) if s.strip())
    return sentences


def _first_outcome(sentence: str) -> tuple[Outcome, int] | None:
    table = dict(outcome_phrases())
    match = outcome_regex().search(sentence)
    if match is None:
        return None
    return cast(Outcome, table[fold(match.group(0))]), match.start()


def classify_outcome(text: str | None) -> Outcome | None:
    """The outcome class of a decision text; the first outcome stated counts.

    The first sentence decides when it states an outcome anywhere; otherwise a decision that is an
    enumerated list of sub-decisions is "other", and else the first short sentence (or one that
    begins with an outcome phrase) decides."""
    if not text or not text.strip():
        return None
    sentences = split_sentences(text)
    if not sentences:
        return None
    first = _first_outcome(sentences[0])
    if first:
        return first[0]
    enumerated = sum(1 for line in text.split("\n") if _ENUMERATED.match(line))
    if enumerated >= 2:
        return "other"
    for sentence in sentences[1:]:
        found = _first_outcome(sentence)
        if found and (found[1] == 0 or len(sentence.split()) <= SHORT_SENTENCE_WORDS):
            return found[0]
    return "other"


# --- dissent and votes ---------------------------------------------------------------------------

_LETTER = r"[A-ZÆØÅ]"
_NOT_SUPPORT = r"(?:kunne|kan|vil|ville)\s+ikke\s+(?:støtte|tilslutte\s+sig|anbefale|godkende|medvirke|gå\s+ind\s+for|stemme\s+for|tiltræde|bakke\s+op)"
_AGAINST = r"(?:stemte|stemmer|stemmede)\s+imod"
_DISSENT_RULES = [
    # "Githa Nelander (D) kunne ikke støtte ...", "Thomas Clausen (Ø) kan ikke tilslutte sig ..."
    re.compile(rf"(?P<name>{NAME})\s*\((?P<party>{_LETTER}{{1,2}})\)\s*(?:,\s*)?(?:{_NOT_SUPPORT}|{_AGAINST})"),
    # "1 medlem (O) stemmer imod", "2 medlemmer (A+F) stemte imod", "O (1) kan ikke anbefale"
    re.compile(rf"\d+\s+medlem(?:mer)?\s*\((?P<parties>[^)]*)\)\s*(?:{_AGAINST}|{_NOT_SUPPORT})", re.IGNORECASE),
    re.compile(rf"(?<![\w(])(?P<parties>{_LETTER})\s*\(\d+\)\s*(?:{_AGAINST}|{_NOT_SUPPORT})"),
    # "(O) stemte imod"
    re.compile(rf"\((?P<parties>{_LETTER}{{1,2}}(?:\s*[+,]\s*{_LETTER}{{1,2}})*)\)\s*(?:{_AGAINST}|{_NOT_SUPPORT})"),
    # "Liste F og Ø stemte imod", "A, F og Ø stemte imod"
    re.compile(rf"(?:\bListe(?:rne)?\s+)?(?<![\w])(?P<parties>{_LETTER}(?:\s*(?:,|og|\+)\s*{_LETTER})*)\s+(?:{_AGAINST}|{_NOT_SUPPORT})"),
]
_VOTE_LIST = re.compile(r"\b(?:(?P<side>For|Imod)\s+(?:(?:ændrings)?forslaget\s+|indstillingen\s+)?stemte\s*:?"
                        r"|(?P<side2>For|Imod|Undlod\s+at\s+stemme|Hverken\s+for\s+eller\s+imod|Undlod)\s*:)"
                        r"\s*(?P<list>[^\n.]*(?:\.(?=\S)[^\n.]*)*)", re.IGNORECASE)
_VOTE_COUNT = re.compile(r"(?P<for>\d+)\s+stemmer?\s+(?:for\s+)?(?:imod|mod)\s+(?P<against>\d+)(?!\s*(?:stemmer\s+)?imod)"
                         r"|(?P<for2>\d+)\s+stemmer?\s+for\s*(?:,|og)\s*(?P<against2>\d+)\s+(?:stemmer\s+)?imod",
                         re.IGNORECASE)


@dataclass
class DissentRef:
    name: str | None
    party: str | None
    text: str


@dataclass
class VoteSideRef:
    count: int | None = None
    parties: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)


@dataclass
class VotesRef:
    for_: VoteSideRef | None = None
    against: VoteSideRef | None = None
    abstain: VoteSideRef | None = None


def _letters(text: str) -> list[str]:
    found = re.findall(rf"\(\s*({_LETTER}{{1,2}})\s*\)", text)
    if not found:
        found = re.findall(rf"(?<![\w])({_LETTER})(?![\w])", text)
    return list(dict.fromkeys(found))


@cache
def _party_name_regex() -> re.Pattern[str]:
    """Any party name followed (within the clause) by a verb of dissent. Names are matched
    case-insensitively, abbreviations ("SF", "DF", "LA") only in capitals, as printed."""
    verbs = rf"(?:{_AGAINST}|{_NOT_SUPPORT}|ikke\s+kan\s+støtte|ikke\s+kunne\s+støtte)"
    names = sorted(parties(), key=len, reverse=True)
    long_names = "|".join(re.escape(n) for n in names if len(n) > 3)
    short_names = "|".join(re.escape(n.upper()) for n in names if len(n) <= 3)
    return re.compile(rf"(?<![\w])(?P<name>(?i:{long_names})|{short_names})(?![\w])(?=[^.]{{0,200}}?{verbs})")


def _party_names_against(sentence: str) -> list[str]:
    """Party names instead of letters: 'Enhedslisten stemte imod', 'Venstre kan ikke støtte ...'."""
    table = parties()
    found = []
    for match in _party_name_regex().finditer(sentence):
        letter = table[fold(match["name"])]
        if letter not in found:
            found.append(letter)
    return found


def find_dissents(text: str) -> list[DissentRef]:
    dissents: list[DissentRef] = []
    seen: set[tuple[str | None, str | None]] = set()

    def add(name: str | None, party: str | None, sentence: str) -> None:
        if (name, party) not in seen and (name or party):
            seen.add((name, party))
            dissents.append(DissentRef(name, party, sentence.strip()))

    for sentence in split_sentences(text):
        if re.search(r"undlod\s+at\s+stemme|tog\s+forbehold|tager\s+forbehold|\bfor\s+stemte\b", sentence, re.IGNORECASE) \
                and not re.search(_AGAINST + "|" + _NOT_SUPPORT, sentence):
            continue
        for rule in _DISSENT_RULES:
            for match in rule.finditer(sentence):
                groups = match.groupdict()
                if groups.get("name"):
                    add(clean_name(groups["name"]), groups["party"], sentence)
                else:
                    for letter in re.findall(rf"{_LETTER}{{1,2}}", groups["parties"]):
                        if letter != "N" or "+" in groups["parties"]:
                            add(None, letter, sentence)
        for letter in _party_names_against(sentence):
            add(None, letter, sentence)
    # In a roll-call the losing side dissents: the minority where counts are printed (so a fallen
    # amendment's supporters dissent), else those who voted against.
    votes = find_votes(text)
    losing = "imod"
    if votes and votes.for_ and votes.against and votes.for_.count is not None and votes.against.count is not None \
            and votes.for_.count < votes.against.count:
        losing = "for"
    for match in _VOTE_LIST.finditer(text):
        if (match["side"] or match["side2"]).casefold() == losing:
            for letter in _letters(match["list"]):
                add(None, letter, match.group(0))
    # One dissent per party unless names were printed.
    by_party: dict[str | None, DissentRef] = {}
    result = []
    for dissent in dissents:
        if dissent.name is None and any(d.party == dissent.party for d in dissents if d.name):
            continue
        if dissent.name is None and dissent.party in by_party:
            continue
        by_party.setdefault(dissent.party, dissent)
        result.append(dissent)
    return result


def find_votes(text: str) -> VotesRef | None:
    votes = VotesRef()
    found = False
    for match in _VOTE_LIST.finditer(text):
        side = (match["side"] or match["side2"]).casefold()
        entry = VoteSideRef(parties=_letters(match["list"]))
        count = re.match(r"\s*(\d+)", match["list"]) or re.search(r"\((\d+)\)", match["list"])
        if count:
            entry.count = int(count.group(1))
        if side == "for":
            votes.for_ = entry
        elif side == "imod":
            votes.against = entry
        else:
            votes.abstain = entry
        found = True
    count = _VOTE_COUNT.search(text)
    if count:
        votes.for_ = votes.for_ or VoteSideRef()
        votes.against = votes.against or VoteSideRef()
        votes.for_.count = votes.for_.count or int(count["for"] or count["for2"])
        votes.against.count = votes.against.count or int(count["against"] or count["against2"])
        found = True
    for match in re.finditer(rf"(?P<count>\d+)\s+medlem(?:mer)?\s*\((?P<parties>[^)]*)\)\s*(?P<verb>anbefaler|stemte\s+for|stemmer\s+for|{_AGAINST}|undlod)",
                             text, re.IGNORECASE):
        verb = match["verb"].casefold()
        side = VoteSideRef(int(match["count"]), re.findall(rf"{_LETTER}{{1,2}}", match["parties"]))
        if "imod" in verb:
            votes.against = side
        elif "undlod" in verb:
            votes.abstain = side
        else:
            votes.for_ = side
        found = True
    for match in re.finditer(rf"(?P<name>{NAME})\s*\((?P<party>{_LETTER}{{1,2}})\)\s*undlod\s+at\s+stemme", text):
        votes.abstain = votes.abstain or VoteSideRef()
        name = clean_name(match["name"])
        if name:
            votes.abstain.names.append(name)
        if match["party"] not in votes.abstain.parties:
            votes.abstain.parties.append(match["party"])
        found = True
    return votes if found else None


# --- recommendations ------------------------------------------------------------------------------

_AT_LINE = re.compile(r"^(?:[-•·*–]\s*|\d{1,2}\s*[.)]\s*|[a-h]\s*[.)]\s*)?at\s+(?P<clause>\S.*)$", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[-•·*–]|\d{1,2}\s*[.)]|[a-h]\s*[.)])\s*(?P<clause>\S.*)$")
_INLINE_AT = re.compile(r"\b(?:indstiller|indstilles|foreslår|anbefaler|anbefales)\b[^.]*?,?\s+at\s+(?P<clause>\S.*)$",
                        re.IGNORECASE)


def recommendations(text: str) -> list[str]:
    """The 'at ...' clauses of an Indstilling section."""
    clauses: list[str] = []
    after_intro = False
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        match = _AT_LINE.match(line)
        if match:
            clauses.append(_tidy_clause(match["clause"]))
            continue
        inline = _INLINE_AT.search(line)
        if inline:
            rest = inline["clause"].strip()
            # "at X, og at Y" are two clauses; "at udvalget beslutter, at ..." is one.
            parts = re.split(r"(?:;|,?\s+og|,?\s+samt)\s+at\s+", rest)
            clauses.extend(_tidy_clause(p) for p in parts if p.strip())
            after_intro = False
            continue
        if re.search(r"\b(?:indstiller|indstilles|foreslår)\b.*\bat\s*:?$|\b(?:indstiller|indstilles)[,:]?\s*$", line, re.IGNORECASE):
            after_intro = True
            continue
        bullet = _BULLET.match(line)
        if bullet and after_intro:
            clauses.append(_tidy_clause(bullet["clause"]))
    return clauses


def _tidy_clause(clause: str) -> str:
    return re.sub(r"[\s,;]+(?:og|samt)?$", "", clause.strip()).strip()
