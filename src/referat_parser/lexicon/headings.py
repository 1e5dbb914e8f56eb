"""Recognise section headings: a whole line that names a section, matched against vocab/headings.toml
(exactly, then fuzzily with rapidfuzz for misspellings and OCR damage), plus decision headings
that carry a body and a date ("Beslutning i Økonomiudvalget den 1. oktober 2018:",
"Teknik- og Miljøudvalget, 10. september 2019, pkt. 65:").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from . import gates as G
from . import patterns as P
from .bodies import looks_like_body
from .data import fold, headings, title_openers
from .dates import iter_dates
from .names import clean_name
from .outcomes import first_outcome

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
    rule: str = ""  # the rule of HEADING_RULES that recognised it


DECISION_HEAD_MAX = 160  # characters; a longer line is no decision heading


def _decision_heading(text: str) -> Heading | None:
    stripped = text.strip()
    if len(stripped) > DECISION_HEAD_MAX:
        return None
    match = P.decision_heading.match(stripped)
    if match:
        body = match["body"].strip(" ,")
        first = body.split(" ", 1)[0].casefold().rstrip(".")
        ends_with_den = P.ends_with_den.search(stripped) is not None
        if body.endswith((" den", " d.")):
            body = body.rsplit(" ", 1)[0]
        if first in title_openers() or not _body_case(body):
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
        return Heading("decision", stripped.rstrip(" :"), body=match["body"], date=date, item_number=match["num"],
                       dated=True)
    match = P.decision_heading_bare.match(stripped)
    if (match and looks_like_body(match["body"])) or (match and match["num"]):
        date = next((iso for iso, _, _ in iter_dates(match["date"])), None)
        return Heading("decision", stripped.rstrip(" :"), body=match["body"].strip(), date=date,
                       item_number=match["num"], dated=True)
    return None


def _body_case(body: str) -> bool:
    """A body printed capitalised, or in lower case as a body word of its own ("Beslutning i byrådet
    den ..."): a lower-case word that is no body ("Beslutning i sagen om ...") is no decision heading."""
    return body[:1].isupper() or looks_like_body(body[:1].upper() + body[1:])


@cache
def _glued_keys() -> dict[str, str]:
    """Vocabulary names as printed with a capital first letter (see patterns.heading_glued) -> key."""
    return {folded[:1].upper() + folded[1:]: key for folded, key in headings().exact.items() if len(folded) >= 5}


class _Line:
    """A line as the heading rules read it. Its folded form and whether it holds a digit are worked out
    on first use, once: the rules that decide a long line (a paragraph) never ask for the folded form,
    which costs as much as a pattern on such a line."""

    __slots__ = ("_digit", "_folded", "bold", "text")

    def __init__(self, text: str, bold: bool | None) -> None:
        self.text = text
        self.bold = bold
        self._folded: str | None = None
        self._digit: bool | None = None

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    @property
    def digit(self) -> bool:
        if self._digit is None:
            self._digit = _has_digit(self.text)
        return self._digit


NOT_A_HEADING = Heading("", "")  # a rule's verdict that ends the search: the line is no heading
INLINE_WINDOW = 170  # characters in which 'Beslutning ...:' may stand before its text
LONG_LINE = 160  # characters; a longer line is a paragraph, a heading only if one is glued to it


def _inline_decision(line: _Line) -> Heading | None:
    return _decision_with_text(line.text) if ":" in line.text[:INLINE_WINDOW] else None


def _long_line(line: _Line) -> Heading | None:
    """'SagsfremstillingArealet er vurderet ...': a heading glued to a whole paragraph, else no heading."""
    if len(line.text) <= LONG_LINE:
        return None
    # The digit test reads the whole line: the test of the head's words (the first characters) comes first.
    return _glued(line.text) or (_may_open_with_decision(line.text) and line.digit and _glued_after_date(line.text)) \
        or NOT_A_HEADING


def _bracketed_date(line: _Line) -> Heading | None:
    return _heading_with_bracketed_date(line.text) if line.text.endswith((")", "):")) else None


def _counted(line: _Line) -> Heading | None:
    """'Bilag (2)': a vocabulary name with the number of its entries in brackets."""
    match = P.heading_counted.match(line.text) if line.text.endswith((")", "):")) else None
    key = headings().exact.get(fold(match["name"])) if match else None
    return Heading(key, line.text.strip().rstrip(" :")) if key and key != "attendance" else None


def _vocabulary(line: _Line) -> Heading | None:
    """A name of vocab/headings.toml, or one of its names that count only with a colon ('Referat:').
    A line in lower case is text that happens to be a name ('beskrivelse' as a section's only word)."""
    if line.text[:1].islower():
        return None
    vocab = headings()
    key = vocab.exact.get(line.folded) or vocab.alone.get(line.folded)
    if key is None and line.text.endswith(":"):
        key = vocab.with_colon.get(line.folded)
    if key is None:
        return None
    if key == "attendance" and line.text.rstrip().endswith(":"):
        return NOT_A_HEADING  # "Fraværende:" is an attendance field, not a section
    return Heading(key, line.text.strip().rstrip(" :"))


def _history_glued(line: _Line) -> Heading | None:
    """'Sagens forløb 25-03-2019 Magistraten': the history heading and its first entry on one line."""
    match = P.history_glued.match(line.text) if line.text[-1:].isalpha() else None
    return Heading("history", match["name"], glued_text=match["entry"]) if match else None


def _dated_decision(line: _Line) -> Heading | None:
    """'Beslutning i Byrådet den 3. maj 2021', 'Økonomiudvalgets beslutning den ...', 'X, D, pkt. N'."""
    folded = line.folded
    # A heading word, or a comma and a date ('Teknisk Udvalg, 3. maj 2021, pkt. 4'): the cheap tests
    # first, so that prose lines with commas skip the patterns.
    dated = line.digit
    if folded.startswith(("beslutning", "afgørelse")) or ("," in line.text and dated) or " beslutning" in folded \
            or "s behandling" in folded or "s indstilling" in folded:
        return _decision_heading(line.text) or (dated and _dated_decision_glued(line.text)) or None
    return None


def _has_digit(text: str) -> bool:
    return P.digits.search(text) is not None


def _not_heading_shaped(line: _Line) -> Heading | None:
    """Too many words, lower case or a 'Label: value' field: no heading, unless one is glued on."""
    words = line.folded.split()
    if not words or len(words) > MAX_HEADING_WORDS or not line.text[:1].isupper() or P.label_value_colon.search(line.text):
        return _glued(line.text) or NOT_A_HEADING
    return None


FINAL_WORD_MAX_WORDS = 5


def _final_word(line: _Line) -> Heading | None:
    """'Borgmesterens Afdelings påtegning': a short line ending in a word that names its section, after
    the genitive of whose it is ('Direktionens påtegning'; not 'Der er ingen påtegning')."""
    words = line.folded.split()
    key = headings().final_words.get(words[-1]) if 2 <= len(words) <= FINAL_WORD_MAX_WORDS else None
    if key is None or not words[-2].endswith("s") or line.text.rstrip().endswith((".", ",", ";")):
        return None
    return Heading(key, line.text.strip().rstrip(" :"))


def _misspelt(line: _Line) -> Heading | None:
    """A vocabulary name misspelt or damaged by OCR, of the same length (rapidfuzz)."""
    folded = line.folded
    # "Bilagsoversigt 3": a contents entry with its page, not a damaged heading.
    if len(folded) < 8 or line.text.rstrip().endswith((".", ",", ";")) or folded.rsplit(" ", 1)[-1].isdigit():
        return None
    # Misspellings and OCR damage keep the length; a truncated or extended line is not a heading, so
    # only the names of about the line's length are compared.
    names = _names_by_length().get(len(folded))
    if not names:
        return None
    cutoff = FUZZY_CUTOFF_BOLD if line.bold else FUZZY_CUTOFF
    best = process.extractOne(folded, names, scorer=fuzz.ratio, score_cutoff=cutoff)
    key = headings().exact[best[0]] if best is not None else None
    if key is None or key == "attendance":
        return None
    return Heading(key, line.text.strip().rstrip(" :"))


LENGTH_SLACK = 2  # characters a misspelt heading may differ in length from its vocabulary name


@cache
def _names_by_length() -> dict[int, list[str]]:
    """Line length -> the vocabulary names within LENGTH_SLACK of it."""
    by_length: dict[int, list[str]] = {}
    for name in headings().exact:
        for length in range(len(name) - LENGTH_SLACK, len(name) + LENGTH_SLACK + 1):
            by_length.setdefault(length, []).append(name)
    return by_length


def _glued_name(line: _Line) -> Heading | None:
    return _glued(line.text)


# Is a line a heading? The rules are tried in order; the first that answers decides (a Heading, or
# NOT_A_HEADING to stop); a line no rule answers is no heading.
HEADING_RULES: tuple[tuple[str, Callable[[_Line], Heading | None]], ...] = (
    ("inline_decision", _inline_decision),
    ("long_line", _long_line),
    ("bracketed_date", _bracketed_date),
    ("counted", _counted),
    ("vocabulary", _vocabulary),
    ("history_glued", _history_glued),
    ("dated_decision", _dated_decision),
    ("not_heading_shaped", _not_heading_shaped),
    ("final_word", _final_word),
    ("misspelt", _misspelt),
    ("glued", _glued_name),
)


CACHED_TEXT = 200  # characters; clean and classify ask about the same short lines more than once


def match_heading(text: str, *, bold: bool | None = None) -> Heading | None:
    """The heading this whole line is, or None. ``text`` is one cleaned line."""
    if not text:
        return None
    return _cached_heading(text, bold) if len(text) <= CACHED_TEXT else _heading(text, bold)


@lru_cache(maxsize=8192)
def _cached_heading(text: str, bold: bool | None) -> Heading | None:
    return _heading(text, bold)


def _heading(text: str, bold: bool | None) -> Heading | None:
    line = _Line(text, bold)
    for name, rule in HEADING_RULES:
        heading = rule(line)
        if heading is NOT_A_HEADING:
            return None
        if heading is not None:
            return replace(heading, rule=name)
    return None


def _decision_with_text(text: str) -> Heading | None:
    """'Beslutning: Godkendt.' or 'Beslutning i Byrådet den 3. maj 2021: Godkendt.': a decision heading
    with its text on the same line. Other 'Label: value' lines stay fields."""
    head, _, rest = text.partition(":")
    rest = rest.strip()
    if not rest or not head[:1].isupper():
        return None
    if headings().exact.get(fold(head)) == "decision":
        dated = _decision_heading(f"{head.strip()} {rest}")
        if dated is not None and dated.date is not None and dated.body is not None:
            # "BESLUTNING: Byrådet den 01-02-2020": the colon stands between the word and the body.
            return replace(dated, printed=text.strip().rstrip(" :"))
        return Heading("decision", head.strip(), glued_text=rest)
    if headings().with_colon.get(fold(head)) == "decision" and _is_prose(rest):
        # "Referat: Alle skal have adgang. ...": the record of the item (a name that is a heading only
        # with its colon); "Referat: Økonomiudvalget" in a header is no section.
        return Heading("decision", head.strip(), glued_text=rest)
    if fold(head).startswith(("beslutning", "afgørelse")) or head.casefold().endswith("beslutning"):
        decision = _decision_heading(head)
        if decision is not None and decision.item_number is None:
            return Heading("decision", decision.printed, glued_text=rest, body=decision.body, date=decision.date,
                           dated=True)
    return None


PROSE_MIN_WORDS = 3


def _is_prose(text: str) -> bool:
    """Sentences, not a value: a word first, a sentence's end, and three words or more or an outcome
    ('Godkendt.'); not a date or a body's name, nor the names of people (who took the minutes)."""
    if not text[:1].isalpha() or not text.rstrip().endswith((".", "!", "?")):
        return False
    if first_outcome(text) is not None:
        return True
    return len(text.split()) >= PROSE_MIN_WORDS and not _names_only(text)


def _names_only(text: str) -> bool:
    """'Lene Marie Holm.', 'Anne Hansen, Bo Holm og Carl Berg.': every part is a person's whole name."""
    parts = [part.strip() for part in P.name_separators.split(text.rstrip(" .")) if part.strip()]
    return bool(parts) and all(clean_name(part) == part for part in parts)


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
    """A dated decision heading with the first words of its text after it on the same line."""
    return _glued_after_date(text) if _may_open_with_decision(text) else None


def _glued_after_date(text: str) -> Heading | None:
    """_dated_decision_glued after its first test (for _long_line, which has made that test already)."""
    match = P.decision_glued_after_date.match(text)
    if match is None:
        return None
    decision = _decision_heading(match["head"])
    if decision is None or decision.date is None:
        return None
    return replace(decision, glued_text=match["rest"].strip())


# The item reference ({pkt}: 'pkt', 'punkt', 'sag') that decision_heading_bare ends in. Its gate asks for
# a digit, which nearly every long line holds; these words only a few hold.
ITEM_REFERENCE_WORDS = ("pkt", "punkt", "sag")


@cache
def _decision_head_words() -> tuple[str, ...]:
    """The words of which a decision heading holds one (lower case): decision_heading's and
    decision_heading_genitive's, as their gates know them, and an item reference (the bare form's)."""
    words = G.words_of(("decision_heading", "decision_heading_genitive"))
    if words is None:
        return ()  # no words known: the test stays open
    return tuple(sorted({*ITEM_REFERENCE_WORDS, *words}))


def _may_open_with_decision(text: str) -> bool:
    """Whether ``text`` may open with a decision heading (a cheap first test before the patterns of
    _dated_decision_glued, which try a date at each of the first 140 characters): its head, the
    start of the line that _decision_heading reads, holds one of the heading's words."""
    words = _decision_head_words()
    if not words:
        return True
    low = G.lowered(text[:DECISION_HEAD_MAX])
    if low is None:  # letters that lower() does not fold as the patterns do: the patterns decide
        return True
    return G.holds_any(low, words)


GLUED_PREFIX = 3  # characters of a glued heading name looked up before its pattern runs


@cache
def _glued_prefixes() -> frozenset[str]:
    return frozenset(name[:GLUED_PREFIX] for name in _glued_keys())


def _glued(text: str) -> Heading | None:
    """'BeslutningGodkendt.' -> Heading('decision', 'Beslutning', glued_text='Godkendt.')."""
    if len(text) < 6 or not text[:1].isupper() or text[:GLUED_PREFIX] not in _glued_prefixes():
        return None
    keys = _glued_keys()
    match = P.heading_glued.match(text)
    if match is None or keys[match["name"]] == "attendance":
        return None
    return Heading(keys[match["name"]], match["name"], glued_text=text[match.end():].strip())


def _ends_like_a_date(text: str) -> bool:
    """Whether a stripped line may end as body_date_alone needs: in a date, then at most white space and
    a colon ('Byrådet 24-03-2021', 'Byrådet 3. maj 2021:'). Every date form ends in a digit, so most
    lines (prose ending in a full stop) are passed over without the pattern."""
    end = text[:-1].rstrip() if text.endswith(":") else text
    return end[-1:].isdecimal()


def body_date_heading(text: str) -> Heading | None:
    """'Byrådet 24-03-2021': a body's name and a date alone on a line. Inside an item it heads that
    body's decision; in a header it names the meeting, so it is no HEADING_RULE: the segment stage
    decides where it counts (segment/dated_lines.py)."""
    stripped = text.strip()
    match = P.body_date_alone.match(stripped) if len(stripped) <= LONG_LINE and _ends_like_a_date(stripped) else None
    if match is None or not looks_like_body(match["body"]):
        return None
    date = next((iso for iso, _, _ in iter_dates(match["date"])), None)
    if date is None:
        return None
    return Heading("decision", stripped.rstrip(" :"), body=match["body"].strip(), date=date, dated=True,
                   rule="body_date_line")
