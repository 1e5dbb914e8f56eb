"""Recognise section headings: a whole line that names a section, matched against vocab/headings.toml
(exactly, then fuzzily with rapidfuzz for misspellings and OCR damage), plus decision headings
that carry a body and a date ("Beslutning i Økonomiudvalget den 1. oktober 2018:",
"Teknik- og Miljøudvalget, 10. september 2019, pkt. 65:").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from . import patterns as P
from .bodies import looks_like_body
from .data import fold, headings, title_openers
from .dates import iter_dates

MAX_HEADING_WORDS = 7
FUZZY_CUTOFF = 88.0
FUZZY_CUTOFF_BOLD = 80.0


@dataclass(frozen=True, slots=True)
class Heading:
    key: str
    printed: str  # as printed, without a trailing colon
    glued_text: str = ""  # text glued to the heading by HTML extraction ("BeslutningGodkendt.")
    body: str | None = None  # deciding body of a decision heading
    date: str | None = None
    item_number: str | None = None
    dated: bool = False  # a decision heading naming a body or date (or a body/date line)


def _decision_heading(text: str) -> Heading | None:
    stripped = text.strip()
    if len(stripped) > 160:
        return None
    match = P.decision_heading.match(stripped)
    if match:
        body = match["body"].strip(" ,")
        first = body.split(" ", 1)[0].casefold().rstrip(".")
        ends_with_den = P.ends_with_den.search(stripped) is not None
        if body.endswith((" den", " d.")):
            body = body.rsplit(" ", 1)[0]
        if first in title_openers() or not body[:1].isupper():
            return None
        has_date = match["date"] is not None
        if has_date or ends_with_den or match["num"] or looks_like_body(body):
            printed = stripped.rstrip(" :")
            date = next((iso for iso, _, _ in iter_dates(match["date"])), None) if has_date else None
            return Heading("decision", printed, body=body, date=date, item_number=match["num"], dated=True)
        return None
    match = P.decision_heading_genitive.match(stripped)
    if match and looks_like_body(match["body"]):
        date = next((iso for iso, _, _ in iter_dates(match["date"])), None) if match["date"] else None
        return Heading("decision", stripped.rstrip(" :"), body=match["body"], date=date, dated=True)
    match = P.decision_heading_bare.match(stripped)
    if (match and looks_like_body(match["body"])) or (match and match["num"]):
        date = next((iso for iso, _, _ in iter_dates(match["date"])), None)
        return Heading("decision", stripped.rstrip(" :"), body=match["body"].strip(), date=date,
                       item_number=match["num"], dated=True)
    return None


@cache
def _glued_keys() -> dict[str, str]:
    """Vocabulary names as printed with a capital first letter (see patterns.heading_glued) -> key."""
    return {folded[:1].upper() + folded[1:]: key for folded, key in headings().exact.items() if len(folded) >= 5}


def match_heading(text: str, *, bold: bool | None = None) -> Heading | None:
    """The heading this whole line is, or None. ``text`` is one cleaned line."""
    if not text:
        return None
    if ":" in text[:170]:
        inline = _decision_with_text(text)
        if inline is not None:
            return inline
    if len(text) > 160:
        return _glued(text)  # "SagsfremstillingArealet er vurderet ..." with a whole paragraph glued on
    if text.endswith((")", "):")):
        bracketed = _heading_with_bracketed_date(text)
        if bracketed is not None:
            return bracketed
    vocab = headings()
    folded = fold(text)
    key = vocab.exact.get(folded)
    if key is None and text.endswith(":"):
        key = vocab.with_colon.get(folded)
    if key is not None:
        if key == "attendance" and text.rstrip().endswith(":"):
            return None  # "Fraværende:" is an attendance field, not a section
        return Heading(key, text.strip().rstrip(" :"))
    if folded.startswith(("beslutning", "afgørelse")) or "," in text or " beslutning" in folded \
            or "s behandling" in folded or "s indstilling" in folded:
        decision = _decision_heading(text) or _dated_decision_glued(text)
        if decision is not None:
            return decision
    words = folded.split()
    if not words or len(words) > MAX_HEADING_WORDS or not text[:1].isupper() or P.label_value_colon.search(text):
        return _glued(text)
    if len(folded) >= 8 and not text.rstrip().endswith((".", ",", ";")):
        cutoff = FUZZY_CUTOFF_BOLD if bold else FUZZY_CUTOFF
        best = process.extractOne(folded, vocab.exact.keys(), scorer=fuzz.ratio, score_cutoff=cutoff)
        # Misspellings and OCR damage keep the length; a truncated or extended line is not a heading.
        if best is not None and abs(len(best[0]) - len(folded)) <= 2:
            key = vocab.exact[best[0]]
            if key != "attendance":
                return Heading(key, text.strip().rstrip(" :"))
    return _glued(text)


def _decision_with_text(text: str) -> Heading | None:
    """'Beslutning: Godkendt.' or 'Beslutning i Byrådet den 3. maj 2021: Godkendt.': a decision heading
    with its text on the same line. Other 'Label: value' lines stay fields."""
    head, _, rest = text.partition(":")
    rest = rest.strip()
    if not rest or not head[:1].isupper():
        return None
    if headings().exact.get(fold(head)) == "decision":
        return Heading("decision", head.strip(), glued_text=rest)
    if fold(head).startswith(("beslutning", "afgørelse")) or head.casefold().endswith("beslutning"):
        decision = _decision_heading(head)
        if decision is not None and decision.item_number is None:
            return Heading("decision", decision.printed, glued_text=rest, body=decision.body, date=decision.date,
                           dated=True)
    return None


def _heading_with_bracketed_date(text: str) -> Heading | None:
    """'BESLUTNING (13.05.2024)', 'Indstilling (den 2. maj 2024)': a heading with the meeting's date."""
    match = P.heading_bracketed_date.match(text)
    if match is None:
        return None
    key = headings().exact.get(fold(match["name"]))
    date = next((iso for iso, _, _ in iter_dates(match["date"])), None)
    if key is None or date is None:
        return None
    return Heading(key, text.rstrip(" :"), date=date, dated=key == "decision")


def _dated_decision_glued(text: str) -> Heading | None:
    match = P.decision_glued_after_year.match(text)
    if match is None:
        return None
    decision = _decision_heading(match["head"])
    if decision is None or decision.item_number is not None:
        return None
    return Heading("decision", decision.printed, glued_text=match["rest"].strip(), body=decision.body,
                   date=decision.date, dated=True)


def _glued(text: str) -> Heading | None:
    """'BeslutningGodkendt.' -> Heading('decision', 'Beslutning', glued_text='Godkendt.')."""
    if len(text) < 6 or not text[:1].isupper():
        return None
    keys = _glued_keys()
    match = P.heading_glued.match(text)
    if match is None or keys[match["name"]] == "attendance":
        return None
    return Heading(keys[match["name"]], match["name"], glued_text=text[match.end():].strip())
