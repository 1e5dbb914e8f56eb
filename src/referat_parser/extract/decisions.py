"""Decisions: outcome class, dissent and votes, recommendations ("at ..." clauses)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import cast

from ..models import Outcome
from ..vocabulary import fold, outcome_phrases, outcome_regex, parties
from .people import NAME, PARTY_TEXT, clean_name, party_letter, split_names
from .people import split_sentences as split_name_aware

_ENUMERATED = re.compile(r"^\s*(?:\d{1,2}|[a-h])\s*[.)]\s+|^\s*Ad\s+(?:pkt\.?\s*)?\d+\.?\s*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ\"“])")
SHORT_SENTENCE_WORDS = 8
# An amendment's fate ("Ændringsforslaget faldt") is not the outcome of the proposal.
_AMENDMENT = re.compile(r"\bændringsforslag", re.IGNORECASE)


def split_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for paragraph in text.split("\n"):
        paragraph = _ENUMERATED.sub("", paragraph.strip())
        sentences.extend(s for s in split_name_aware(paragraph, _SENTENCE_END) if s.strip())
    return sentences


def _first_outcome(sentence: str) -> tuple[Outcome, int] | None:
    table = dict(outcome_phrases())
    match = outcome_regex().search(sentence)
    if match is None:
        return None
    return cast(Outcome, table[fold(match.group(0))]), match.start()


def _about_amendment(sentence: str) -> bool:
    """'Ændringsforslaget faldt', 'V's ændringsforslag blev forkastet' (but not 'Godkendt med
    ændringsforslaget fra V'): the amendment is named before any outcome."""
    amendment = _AMENDMENT.search(sentence)
    outcome = _first_outcome(sentence)
    return amendment is not None and (outcome is None or amendment.start() < outcome[1])


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
    on_proposal = [s for s in sentences if not _about_amendment(s)]
    if any(_first_outcome(s) for s in on_proposal):
        sentences = on_proposal
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
    re.compile(rf"(?P<name>{NAME})\s*\((?P<party>{PARTY_TEXT})\)\s*(?:,\s*)?(?:{_NOT_SUPPORT}|{_AGAINST})"),
    # "1 medlem (O) stemmer imod", "2 medlemmer (A+F) stemte imod", "O (1) kan ikke anbefale"
    re.compile(rf"\d+\s+medlem(?:mer)?\s*\((?P<parties>[^)]*)\)\s*(?:{_AGAINST}|{_NOT_SUPPORT})", re.IGNORECASE),
    re.compile(rf"(?<![\w(])(?P<parties>{_LETTER})\s*\(\d+\)\s*(?:{_AGAINST}|{_NOT_SUPPORT})"),
    # "(O) stemte imod"
    re.compile(rf"\((?P<parties>{_LETTER}{{1,2}}(?:\s*[+,]\s*{_LETTER}{{1,2}})*)\)\s*(?:{_AGAINST}|{_NOT_SUPPORT})"),
    # "Liste F og Ø stemte imod", "A, F og Ø stemte imod"
    re.compile(rf"(?:\bListe(?:rne)?\s+)?(?<![\w])(?P<parties>{_LETTER}(?:\s*(?:,|og|\+)\s*{_LETTER})*)\s+(?:{_AGAINST}|{_NOT_SUPPORT})"),
]
# "Et mindretal (Ib Holm (V) og Eva Kjær (O)) kunne ikke tiltræde ...", "Mindretallet (V og O) stemte
# imod", "Et mindretal bestående af V og O stemte imod": the members are names or parties.
_MINORITY = re.compile(
    rf"\b(?i:mindretal(?:let)?)\s*(?:\((?P<bracket>(?:[^()]|\([^()]{{0,40}}\)){{1,200}})\)"
    rf"|(?i:bestående\s+af)\s+(?P<list>[^.()]{{1,200}}?))\s*,?\s*(?:{_AGAINST}|{_NOT_SUPPORT})")
_SIDE_WORDS = r"(?:For|Imod|Undlod|Hverken\s+for\s+eller\s+imod)"
# A list runs to the end of the sentence or to the next side on the same line ("For stemte 5 (V og A),
# imod stemte 2 (F og Ø)."): a comma or semicolon followed by a side word ends it.
_VOTE_LIST = re.compile(r"\b(?:(?P<side>For|Imod)\s+(?:(?:ændrings)?forslaget\s+|indstillingen\s+)?stemte\s*:?"
                        r"|(?P<side2>For|Imod|Undlod\s+at\s+stemme|Hverken\s+for\s+eller\s+imod|Undlod)\s*:)"
                        rf"\s*(?P<list>(?:[^\n.,;]|[,;](?!\s*(?:og\s+)?{_SIDE_WORDS}\b)|\.(?=\S))*)", re.IGNORECASE)
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
    """The parties of a roll-call list: bracketed letters ('27 (A, V)'), else party letters and
    party names in the order printed ('V og A', 'Socialdemokratiet og SF')."""
    found = [letter for printed in re.findall(rf"\(\s*({PARTY_TEXT})\s*\)", text) if (letter := party_letter(printed))]
    if not found:
        table = parties()
        # Names as printed, capitalised: "til venstre" in a stated reason is not Venstre.
        mentions = [(m.start(), table[fold(m["name"])]) for m in _party_name_regex(False).finditer(text)
                    if m["name"][:1].isupper()]
        mentions += [(m.start(), m.group(1)) for m in re.finditer(rf"(?<![\w])({_LETTER})(?![\w])", text)]
        found = [letter for _, letter in sorted(mentions)]
    return list(dict.fromkeys(found))


def _printed_letters(text: str) -> list[str]:
    """Party letters in a short list such as 'A+F' or 'DF, Ø': abbreviations map to their letters."""
    return [letter for printed in re.findall(rf"{_LETTER}{{1,2}}", text) if (letter := party_letter(printed))]


@cache
def _party_name_regex(dissenting: bool = True) -> re.Pattern[str]:
    """A party name, in the genitive too ("Venstres", "SF's"); when ``dissenting``, only one followed
    (within the clause) by a verb of dissent. Names are matched case-insensitively, abbreviations
    ("SF", "DF", "LA") only in capitals, as printed."""
    verbs = rf"(?:{_AGAINST}|{_NOT_SUPPORT}|ikke\s+kan\s+støtte|ikke\s+kunne\s+støtte)"
    names = sorted(parties(), key=len, reverse=True)
    long_names = "|".join(re.escape(n) for n in names if len(n) > 3)
    short_names = "|".join(re.escape(n.upper()) for n in names if len(n) <= 3)
    followed = rf"(?=[^.]{{0,200}}?{verbs})" if dissenting else ""
    return re.compile(rf"(?<![\w])(?P<name>(?i:{long_names})|{short_names})(?:['’]?s)?(?![\w]){followed}")


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
                    add(clean_name(groups["name"]), party_letter(groups["party"]), sentence)
                else:
                    for letter in _printed_letters(groups["parties"]):
                        if letter != "N" or "+" in groups["parties"]:
                            add(None, letter, sentence)
        for letter in _party_names_against(sentence):
            add(None, letter, sentence)
        for name, party in _minority_members(sentence):
            add(name, party, sentence)
    # In a roll-call the losing side dissents: the minority where counts are printed (so a fallen
    # amendment's supporters dissent when only the amendment was put to the vote), else those who
    # voted against.
    for ballot in _deciding_ballots(text):
        losing = _losing_side(ballot)
        for match in ballot:
            if _side(match) == losing:
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


def _minority_members(sentence: str) -> list[tuple[str | None, str | None]]:
    """(name, party) of each member of a dissenting minority; a name printed without a party has none."""
    found: list[tuple[str | None, str | None]] = []
    for match in _MINORITY.finditer(sentence):
        members = match["bracket"] or match["list"]
        people = split_names(members)
        if people:
            found.extend((person.name, person.party) for person in people)
        else:
            found.extend((None, letter) for letter in _letters(members))
    return found


def _side(match: re.Match[str]) -> str:
    side = (match["side"] or match["side2"]).casefold()
    return side if side in ("for", "imod") else "abstain"


def _ballots(text: str) -> list[tuple[bool, list[re.Match[str]]]]:
    """Roll-call lists grouped into ballots, each marked whether it votes on an amendment: a side
    printed again starts the next ballot, and a ballot on an amendment says so in its side
    ('For ændringsforslaget stemte') or in the sentence that announces it."""
    ballots: list[tuple[bool, list[re.Match[str]]]] = []
    end = 0
    for match in _VOTE_LIST.finditer(text):
        if not ballots or _side(match) in {_side(m) for m in ballots[-1][1]}:
            lead = split_sentences(text[end: match.start()])
            ballots.append((bool(lead) and _announces_amendment(lead[-1]), []))
        ballots[-1][1].append(match)
        end = match.end()
    return [(amendment or any(_AMENDMENT.search(m.string, m.start(), m.start("list")) for m in matches), matches)
            for amendment, matches in ballots]


def _announces_amendment(sentence: str) -> bool:
    """'Ændringsforslag fra V om ...:' announces a ballot on an amendment; 'Ændringsforslaget faldt.'
    reports one that is over."""
    return _AMENDMENT.search(sentence) is not None and _first_outcome(sentence) is None


def _deciding_ballots(text: str) -> list[list[re.Match[str]]]:
    """The ballots on the proposal itself; an amendment's ballots only when nothing else was voted on."""
    ballots = _ballots(text)
    main = [matches for amendment, matches in ballots if not amendment]
    return main or [matches for _, matches in ballots]


def _count(match: re.Match[str]) -> int | None:
    count = re.match(r"\s*(\d+)", match["list"]) or re.search(r"\((\d+)\)", match["list"])
    return int(count.group(1)) if count else None


def _losing_side(ballot: list[re.Match[str]]) -> str:
    counts = {_side(m): _count(m) for m in ballot}
    for_count, against = counts.get("for"), counts.get("imod")
    return "for" if for_count is not None and against is not None and for_count < against else "imod"


def find_votes(text: str) -> VotesRef | None:
    votes = VotesRef()
    found = False
    ballots = _deciding_ballots(text)
    for match in ballots[-1] if ballots else []:
        side = _side(match)
        entry = VoteSideRef(count=_count(match), parties=_letters(match["list"]))
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
        side = VoteSideRef(int(match["count"]), _printed_letters(match["parties"]))
        if "imod" in verb:
            votes.against = side
        elif "undlod" in verb:
            votes.abstain = side
        else:
            votes.for_ = side
        found = True
    for match in re.finditer(rf"(?P<name>{NAME})\s*\((?P<party>{PARTY_TEXT})\)\s*undlod\s+at\s+stemme", text):
        votes.abstain = votes.abstain or VoteSideRef()
        name = clean_name(match["name"])
        if name:
            votes.abstain.names.append(name)
        letter = party_letter(match["party"])
        if letter and letter not in votes.abstain.parties:
            votes.abstain.parties.append(letter)
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
