"""Outcome phrases: the class of a decision text ("Godkendt." -> approved, "Ikke godkendt" -> rejected).

The phrases are vocab/outcomes.toml; the first outcome a decision states counts.
"""

from __future__ import annotations

from functools import cache
from typing import Literal, cast

from . import patterns as P
from .data import fold, outcome_phrases
from .names import split_sentences as split_name_aware

Outcome = Literal["approved", "noted", "discussed", "recommended", "rejected", "postponed", "other"]
SHORT_SENTENCE_WORDS = 8


@cache
def _outcome_table() -> dict[str, str]:
    return dict(outcome_phrases())


def split_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for paragraph in text.split("\n"):
        paragraph = P.enumerated.sub("", paragraph.strip())
        sentences.extend(s for s in split_name_aware(paragraph, P.sentence_end_decision) if s.strip())
    return sentences


def first_outcome(sentence: str) -> tuple[Outcome, int] | None:
    match = P.outcome.search(sentence)
    if match is None:
        return None
    return cast(Outcome, _outcome_table()[fold(match.group(0))]), match.start()


def _own_outcome(sentence: str) -> tuple[Outcome, int] | None:
    """The first outcome the sentence states as the body's own: an outcome word in reported speech
    ('Borgmesteren meddelte, at ministeriet har bevilget 2 mio. kr.') is news, not a decision."""
    found = first_outcome(sentence)
    if found is None:
        return None
    reported = P.reported_clause.search(sentence)
    return None if reported is not None and reported.start() < found[1] else found


def _about_amendment(sentence: str) -> bool:
    """'Ændringsforslaget faldt', 'V's ændringsforslag blev forkastet' (but not 'Godkendt med
    ændringsforslaget fra V'): the amendment is named before any outcome."""
    amendment = P.amendment.search(sentence)
    outcome = first_outcome(sentence)
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
    # 'For stemte: A og F (8)' / 'Imod stemte: V (6)' / 'Regnskabet er godkendt ...': the tally
    # states no outcome, so the sentence after it is the one that comes first.
    sentences = [s for s in sentences if not _tally(s)] or sentences
    on_proposal = [s for s in sentences if not _about_amendment(s)]
    if any(_own_outcome(s) for s in on_proposal):
        sentences = on_proposal
    first = _own_outcome(sentences[0])
    if first:
        return first[0]
    enumerated = sum(1 for line in text.split("\n") if P.enumerated.match(line))
    if enumerated >= 2:
        return "other"
    for sentence in sentences[1:]:
        found = _own_outcome(sentence)
        if found and (found[1] == 0 or len(sentence.split()) <= SHORT_SENTENCE_WORDS
                      or _states_item_outcome(sentence, found[1])):
            return found[0]
    return "other"


def _tally(sentence: str) -> bool:
    """A sentence that is nothing but one side of a vote ('For stemte: A og F (8)', 'Undlod: Ø')."""
    side = P.vote_list.match(sentence.strip())
    return side is not None and side.end() >= len(sentence.strip().rstrip("."))


def _states_item_outcome(sentence: str, at: int) -> bool:
    """'Dagsorden blev (enstemmigt) godkendt som udsendt og ...': the item is the subject and the outcome
    its verb, at most two words (adverbs) after 'blev'."""
    subject = P.item_subject_outcome.match(sentence)
    return subject is not None and subject.end() <= at and len(sentence[subject.end():at].split()) <= MAX_ADVERBS


MAX_ADVERBS = 2
