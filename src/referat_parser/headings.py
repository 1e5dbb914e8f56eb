"""Recognise section headings: a whole line that names a section, matched against vocab/headings.toml
(exactly, then fuzzily with rapidfuzz for misspellings and OCR damage), plus decision headings
that carry a body and a date ("Beslutning i Økonomiudvalget den 1. oktober 2018:",
"Teknik- og Miljøudvalget, 10. september 2019, pkt. 65:").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from .extract.bodies import looks_like_body
from .extract.dates import date_pattern, iter_dates
from .vocabulary import fold, headings

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


_LABEL_VALUE = re.compile(r":\s*\S")  # "Beslutningskompetence: KB" is a field, not a heading
_PKT = r"(?:,?\s*(?:pkt|punkt|sag)\.?\s*(?P<num>\d+))"


@cache
def _decision_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    date = date_pattern()
    # "Beslutning i Økonomiudvalget den 1. oktober 2018:", "Beslutning Økonomiudvalget den 19-06-2018",
    # "Beslutning fra Direktionen, 8. februar 2021, pkt. 6:", "Beslutning Byrådet den" (date lost).
    with_word = re.compile(
        rf"""^(?P<word>beslutning(?:sprotokol)?|afgørelse)
             (?:\s+(?:i|fra|truffet\s+af|truffet\s+i|på\s+mødet\s+i|af))?
             \s+(?P<body>[^\W\d][^:]*?)
             (?:,?\s*(?:den|d\.)?\s*(?P<date>{date})?)?{_PKT}?\s*[:.]?\s*$""",
        re.IGNORECASE | re.VERBOSE,
    )
    # A body/date/item line with no heading word: "Kultur- og Idrætsudvalget, 03-04-2019, pkt. 42".
    bare = re.compile(
        rf"^(?P<body>[^\W\d][^:]{{2,100}}?),\s*(?P<date>{date}){_PKT}\s*:?\s*$",
        re.IGNORECASE | re.VERBOSE,
    )
    return with_word, bare


@cache
def _body_genitive() -> re.Pattern[str]:
    """'Økonomiudvalgets beslutning den 7. december 2021' -> body 'Økonomiudvalget'; also '... behandling den ...',
    and with this meeting's item number after the date ('... den 04.12.2012 Punkt 2', eDoc)."""
    return re.compile(rf"^(?P<body>[^\W\d].{{2,80}}?)s\s+(?:beslutning|behandling|indstilling)(?:\s+til\s+\w[\w\s-]{{2,60}}?)?"
                      rf"(?:\s+(?:den|d\.)?\s*(?P<date>{date_pattern()})(?:\s+(?:punkt|pkt\.?)\s*\d{{1,4}})?)?\s*:?$",
                      re.IGNORECASE | re.VERBOSE)


# Words that begin a title, not a body: "Beslutning om budgetkontrol", "Beslutning vedr. ...".
_TITLE_WORDS = frozenset({"om", "af", "vedr", "vedrørende", "til", "at", "for", "efter", "på", "ved", "og", "med",
                          "omkring", "angående", "ang", "over", "mellem", "uden", "inden"})


def _decision_heading(text: str) -> Heading | None:
    with_word, bare = _decision_regexes()
    stripped = text.strip()
    if len(stripped) > 160:
        return None
    match = with_word.match(stripped)
    if match:
        body = match["body"].strip(" ,")
        first = body.split(" ", 1)[0].casefold().rstrip(".")
        ends_with_den = re.search(r"\b(?:den|d\.)\s*[:.]?$", stripped, re.IGNORECASE) is not None
        if body.endswith((" den", " d.")):
            body = body.rsplit(" ", 1)[0]
        if first in _TITLE_WORDS or not body[:1].isupper():
            return None
        has_date = match["date"] is not None
        if has_date or ends_with_den or match["num"] or looks_like_body(body):
            printed = stripped.rstrip(" :")
            date = next((iso for iso, _, _ in iter_dates(match["date"])), None) if has_date else None
            return Heading("decision", printed, body=body, date=date, item_number=match["num"], dated=True)
        return None
    match = _body_genitive().match(stripped)
    if match and looks_like_body(match["body"]):
        date = next((iso for iso, _, _ in iter_dates(match["date"])), None) if match["date"] else None
        return Heading("decision", stripped.rstrip(" :"), body=match["body"], date=date, dated=True)
    match = bare.match(stripped)
    if (match and looks_like_body(match["body"])) or (match and match["num"]):
        date = next((iso for iso, _, _ in iter_dates(match["date"])), None)
        return Heading("decision", stripped.rstrip(" :"), body=match["body"].strip(), date=date,
                       item_number=match["num"], dated=True)
    return None


@cache
def _glued_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    """Vocabulary names as printed with a capital first letter, followed directly by a capital."""
    names = {folded[:1].upper() + folded[1:]: key for folded, key in headings().exact.items() if len(folded) >= 5}
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(rf"(?P<name>{alternatives})(?=[A-ZÆØÅ])"), names


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
    if not words or len(words) > MAX_HEADING_WORDS or not text[:1].isupper() or _LABEL_VALUE.search(text):
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


_BRACKETED_DATE = re.compile(r"^(?P<name>[^()]{3,60}?)\s*\((?P<date>[^()]{6,40})\)\s*:?$")


def _heading_with_bracketed_date(text: str) -> Heading | None:
    """'BESLUTNING (13.05.2024)', 'Indstilling (den 2. maj 2024)': a heading with the meeting's date."""
    match = _BRACKETED_DATE.match(text)
    if match is None:
        return None
    key = headings().exact.get(fold(match["name"]))
    date = next((iso for iso, _, _ in iter_dates(match["date"])), None)
    if key is None or date is None:
        return None
    return Heading(key, text.rstrip(" :"), date=date, dated=key == "decision")


# "Beslutning Byrådet den 28-02-2024Godkendt.": web extraction lost the line break after the date.
_GLUED_AFTER_YEAR = re.compile(r"^(?P<head>(?:Beslutning|Afgørelse)\b.{0,120}?\d{4}:?)(?P<rest>[A-ZÆØÅ].*)$")


def _dated_decision_glued(text: str) -> Heading | None:
    match = _GLUED_AFTER_YEAR.match(text)
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
    regex, keys = _glued_regex()
    match = regex.match(text)
    if match is None or keys[match["name"]] == "attendance":
        return None
    return Heading(keys[match["name"]], match["name"], glued_text=text[match.end():].strip())
