"""Decisions: dissent and votes, recommendations ("at ..." clauses)."""

from __future__ import annotations

import re

from ..drafts import DissentRef, VoteSideRef, VotesRef
from ..lexicon import patterns as P
from ..lexicon.data import fold, parties
from ..lexicon.names import clean_name, party_letter, split_names
from ..lexicon.outcomes import classify_outcome, first_outcome, split_sentences
from ..lexicon.words import join_text

_DISSENT_RULES = ("dissent_named", "dissent_members", "dissent_letter_count", "dissent_bracketed", "dissent_letters")


def _dissent_rules() -> list[re.Pattern[str]]:
    return [getattr(P, name) for name in _DISSENT_RULES]


def _letters(text: str) -> list[str]:
    """The parties of a roll-call list: bracketed letters ('27 (A, V)'), else party letters and
    party names in the order printed ('V og A', 'Socialdemokratiet og SF')."""
    found = [letter for printed in P.party_bracketed.findall(text) if (letter := party_letter(printed))]
    return list(dict.fromkeys(found)) if found else _mentioned_letters(text)


def _mentioned_letters(text: str) -> list[str]:
    """Party letters and party names in the order printed ('V og A', 'O og Nye Borgerlige (D)')."""
    table = parties()
    # Names as printed, capitalised: "til venstre" in a stated reason is not Venstre.
    mentions = [(m.start(), table[fold(m["name"])]) for m in P.party_name_mention.finditer(text)
                if m["name"][:1].isupper()]
    mentions += [(m.start(), m.group(1)) for m in P.letter_alone.finditer(text)]
    return list(dict.fromkeys(letter for _, letter in sorted(mentions)))


def _printed_letters(text: str) -> list[str]:
    """Party letters in a short list such as 'A+F' or 'DF, Ø': abbreviations map to their letters."""
    return [letter for printed in P.printed_letters.findall(text) if (letter := party_letter(printed))]


def _party_names_against(sentence: str) -> list[str]:
    """Party names instead of letters: 'Enhedslisten stemte imod', 'Venstre kan ikke støtte ...'."""
    table = parties()
    found = []
    for match in P.party_name_against.finditer(sentence):
        letter = table[fold(match["name"])]
        if letter not in found:
            found.append(letter)
    return found


class _Dissents:
    """Dissents in the order found, each (name, party) once."""

    def __init__(self) -> None:
        self.found: list[DissentRef] = []
        self._seen: set[tuple[str | None, str | None]] = set()

    def add(self, name: str | None, party: str | None, sentence: str) -> None:
        if (name, party) not in self._seen and (name or party):
            self._seen.add((name, party))
            self.found.append(DissentRef(name, party, sentence.strip()))

    def one_per_party(self) -> list[DissentRef]:
        """One dissent per party unless names were printed."""
        named_parties = {d.party for d in self.found if d.name}
        by_party: set[str | None] = set()
        result = []
        for dissent in self.found:
            if dissent.name is None and (dissent.party in named_parties or dissent.party in by_party):
                continue
            by_party.add(dissent.party)
            result.append(dissent)
        return result


def _sentence_dissents(sentence: str, dissents: _Dissents) -> None:
    """Who a sentence says voted against or could not support the proposal."""
    if P.dissent_skip.search(sentence) and not P.against_or_not_support.search(sentence):
        return  # abstentions and reservations are not dissent
    for rule in _dissent_rules():
        for match in rule.finditer(sentence):
            groups = match.groupdict()
            if groups.get("name"):
                dissents.add(clean_name(groups["name"]), party_letter(groups["party"]), sentence)
                continue
            for letter in _printed_letters(groups["parties"]):
                dissents.add(None, letter, sentence)
    for letter in _party_names_against(sentence):
        dissents.add(None, letter, sentence)
    for name, party in _minority_members(sentence):
        dissents.add(name, party, sentence)


def _unwrapped(text: str) -> str:
    """``text`` with its hard-wrapped lines joined: a line that breaks off after a word runs on into
    the next ('Imod stemte Dansk' / 'Folkeparti og ...'), unless that one opens a side of a vote or an
    enumerated point of its own. A line ending in a count or a bracket ('Imod stemte 8 (V, Ø)') is
    whole."""
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        previous = out[-1].rstrip()
        if previous[-1:].isalpha() and line.strip() and not P.vote_list.match(line.strip()) \
                and not P.enumerated.match(line):
            out[-1] = join_text(previous, line.strip())
        else:
            out.append(line)
    return "\n".join(out)


def _supporters_of_rejected(text: str, dissents: _Dissents) -> None:
    """In a rejection, the members named as voting for it ('Ikke anbefalet. ... Bente Holm (V) og Kirsten
    Balle (C) stemte for indstillingen.') voted against the body's decision: they dissent."""
    for sentence in split_sentences(text):
        verb = P.voted_for.search(sentence)
        for match in P.named_with_party.finditer(sentence[: verb.start()]) if verb else ():
            dissents.add(clean_name(match["name"]), party_letter(match["party"]), sentence)


def find_dissents(text: str) -> list[DissentRef]:
    """Who dissents from the decision ``text`` states."""
    dissents = _Dissents()
    text = _unwrapped(text)
    for sentence in split_sentences(text):
        _sentence_dissents(sentence, dissents)
    # In a roll-call the losing side dissents: the minority where counts are printed (so a fallen
    # amendment's supporters dissent when only the amendment was put to the vote), else those who
    # voted against.
    ballots = _deciding_ballots(text)
    for ballot in ballots:
        losing = _losing_side(ballot, text)
        for match in ballot:
            if _side(match) == losing:
                for letter in _letters(match["list"]):
                    dissents.add(None, letter, match.group(0))
    if not ballots:
        _counted_dissents(text, dissents)
    if not dissents.found and classify_outcome(text) == "rejected":
        _supporters_of_rejected(text, dissents)
    return dissents.one_per_party()


def _counted_dissents(text: str, dissents: _Dissents) -> None:
    """'Godkendt med 15 stemmer for (C, A) og 3 stemmer imod (Ø, F)', 'Vedtaget med 13 stemmer mod 2 (SF)':
    counts before the parties. The side with fewer votes lost and dissents (those who voted for a
    rejected proposal, too), as in a roll-call."""
    sides = [(("imod" if match["count2"] else match["side"].casefold()), match) for match in P.vote_counted_side.finditer(text)]
    counts = _printed_counts(text)
    for side, match in sides:
        counts.setdefault(side, int(match["count"] or match["count2"]))
    if "for" not in counts or "imod" not in counts or counts["for"] == counts["imod"]:
        return
    losing = "for" if counts["for"] < counts["imod"] else "imod"
    for side, match in sides:
        if side == losing:
            for letter in _mentioned_letters(match["list"]):
                dissents.add(None, letter, match.group(0))


def _printed_counts(text: str) -> dict[str, int]:
    """The counts of a vote printed as 'N stemmer for og M imod' (either order), by side."""
    count = P.vote_count.search(text)
    if count is None:
        return {}
    for_, against = count["for"] or count["for2"] or count["for3"], count["against"] or count["against2"] or count["against3"]
    return {"for": int(for_), "imod": int(against)}


def _minority_members(sentence: str) -> list[tuple[str | None, str | None]]:
    """(name, party) of each member of a dissenting minority; a name printed without a party has none."""
    found: list[tuple[str | None, str | None]] = []
    for match in P.dissent_minority.finditer(sentence):
        members = match["bracket"] or match["list"]
        # "O og Nye Borgerlige (D)": a party's name is no member's name.
        people = [person for person in split_names(members) if fold(person.name) not in parties()]
        if people:
            found.extend((person.name, person.party) for person in people)
        else:
            found.extend((None, letter) for letter in _mentioned_letters(members))
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
    for match in P.vote_list.finditer(text):
        if not ballots or _side(match) in {_side(m) for m in ballots[-1][1]}:
            lead = split_sentences(text[end: match.start()])
            ballots.append((bool(lead) and _announces_amendment(lead[-1]), []))
        ballots[-1][1].append(match)
        end = match.end()
    return [(amendment or any(P.amendment.search(m.string, m.start(), m.start("list")) for m in matches), matches)
            for amendment, matches in ballots]


def _announces_amendment(sentence: str) -> bool:
    """'Ændringsforslag fra V om ...:' announces a ballot on an amendment; 'Ændringsforslaget faldt.'
    reports one that is over."""
    return P.amendment.search(sentence) is not None and first_outcome(sentence) is None


def _deciding_ballots(text: str) -> list[list[re.Match[str]]]:
    """The ballots on the proposal itself; an amendment's ballots only when nothing else was voted on."""
    ballots = _ballots(text)
    main = [matches for amendment, matches in ballots if not amendment]
    return main or [matches for _, matches in ballots]


def _count(match: re.Match[str]) -> int | None:
    count = P.count_at_start.match(match["list"]) or P.count_bracketed.search(match["list"])
    return int(count.group(1)) if count else None


def _losing_side(ballot: list[re.Match[str]], text: str) -> str:
    """The side with fewer votes: counted in the lists, else in the sentence that reports the vote
    ('Forkastet med 19 stemmer imod og 10 for. For stemte: A og F.'); without counts, those against
    the proposal, or those for it when it was rejected."""
    counts = {_side(m): _count(m) for m in ballot}
    printed = _printed_counts(text)
    for_count, against = counts.get("for") or printed.get("for"), counts.get("imod") or printed.get("imod")
    if for_count is not None and against is not None:
        return "for" if for_count < against else "imod"
    return "for" if classify_outcome(text) == "rejected" and "imod" not in counts else "imod"


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
    count = P.vote_count.search(text)
    if count:
        votes.for_ = votes.for_ or VoteSideRef()
        votes.against = votes.against or VoteSideRef()
        votes.for_.count = votes.for_.count or int(count["for"] or count["for2"] or count["for3"])
        votes.against.count = votes.against.count or int(count["against"] or count["against2"] or count["against3"])
        found = True
    for match in P.vote_members.finditer(text):
        verb = match["verb"].casefold()
        side = VoteSideRef(int(match["count"]), _printed_letters(match["parties"]))
        if "imod" in verb:
            votes.against = side
        elif "undlod" in verb:
            votes.abstain = side
        else:
            votes.for_ = side
        found = True
    for match in P.abstain_named.finditer(text):
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

def recommendations(text: str) -> list[str]:
    """The 'at ...' clauses of an Indstilling section."""
    clauses: list[str] = []
    after_intro = False
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        match = P.at_line.match(line)
        if match:
            clauses.append(_tidy_clause(match["clause"]))
            continue
        inline = P.inline_at.search(line)
        if inline:
            rest = inline["clause"].strip()
            # "at X, og at Y" are two clauses; "at udvalget beslutter, at ..." is one.
            parts = P.at_clause_separator.split(rest)
            clauses.extend(_tidy_clause(p) for p in parts if p.strip())
            after_intro = False
            continue
        if P.recommendation_intro.search(line):
            after_intro = True
            continue
        bullet = P.bullet_line.match(line)
        if bullet and after_intro:
            clauses.append(_tidy_clause(bullet["clause"]))
    return clauses


def _tidy_clause(clause: str) -> str:
    return P.clause_tail.sub("", clause.strip()).strip()
