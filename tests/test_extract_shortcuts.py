"""The cheap first tests of the extract stage (and of resolve) never change what the rule behind them
decides: each shortcut is run beside the full rule it stands in for, over every line and text of the
fixtures and test cases and over generated lines, and the two must agree."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from referat_parser import resolve
from referat_parser.extract import header, language, municipality
from referat_parser.extract.header_facts import Facts
from referat_parser.lexicon import attendance as A
from referat_parser.lexicon import gates as G
from referat_parser.lexicon import patterns as P
from referat_parser.lexicon.attendance import (
    ATTENDANCE_GATES,
    absences_in_line,
    first_names_absent,
    partial_absences,
    substitutes_in_line,
)
from referat_parser.lexicon.data import words
from referat_parser.lexicon.dates import iter_dates, iter_times

ROOT = Path(__file__).resolve().parent.parent
# Lines the shortcuts must also get right: colons, labels and verbs in every arrangement, and letters that
# lower() does not fold as case-insensitive matching does.
TRICKY = ["Sted: Byrådssalen", "Mødested:Rådhuset", "Afbud: Tilde, Bo", "AFBUD fra: Anne Hansen (V)",
          "Fraværende Jens Bo (V)", "Mødested: Deltagere: Borgmesterens mødelokale Anne Hansen (V)",
          "Dato: 3. maj 2021 Sted: Mødelokale 4, rådhuset", "Ib Krog (A) deltog ikke under punkt 3-5.",
          "Tove Hald mødte som ſuppleant for Bente Riis.", "Alle var til stede undtagen Bo Holm (C).",
          "Ekstraordinært møde - Mødelokale F7 kl. 12.00", "kl. 10:00 Lokale D116, Rådhus Afbud: Eva Lund",
          "İnhabil: Jens", "Mødet ſluttede kl. 21", "Kommunens Byråd", "Randers  Kommune", "Høje-Taastrup Kommune",
          "Lone Vinther (C) deltog ikke i mødet.", "Jens Bo var fraværende.", "Anne Hansen (D) havde meldt afbud.",
          "Fraværende under punkterne 2, 4 og 6: Ib Krog (A)", "Afbud fra Tim Berg. Istedet mødte Mia Olsen.",
          "1 Byrådet DAGSORDEN Sted:Mødelokale 4, rådhuset Dato:3. maj 2021", "Mødested:Deltagere:Rådhuset Bo Holm (V)",
          "Silkeborg Rådhus Afbud:Anne Hansen, Bo Holm", "Virtuelt møde kl. 10.00", "Online kl. 17.00 via Skype", "ÅBENT MØDE", "dagens møde i Byrådet.", "ſted: Rådhuſet", "\u212aommune", "", " ", ":"]


@cache
def _texts() -> tuple[str, ...]:
    paths = sorted([*(ROOT / "fixtures").glob("*.txt"), *(ROOT / "tests" / "cases").glob("*.txt")])
    return tuple(path.read_text(encoding="utf-8") for path in paths)


@cache
def _lines() -> tuple[str, ...]:
    """Every line of the texts, as printed and stripped, and the tricky lines."""
    found = {form for text in _texts() for line in text.splitlines() for form in (line, line.strip())}
    return (*sorted(found), *TRICKY)


# Generated lines: words of the labels, verbs, places and phrases the shortcuts are about, in any order.
WORDS = ["Sted", "Mødested", "Deltagere", "Medlemmer", "Afbud", "fra", "Fraværende", "Fravær", "deltog", "ikke",
         "under", "punkt", "i", "stedet", "for", "som", "suppleant", "stedfortræder", "mødte", "kom", "forlod",
         "Alle", "undtagen", "Rådhus", "Rådhuset", "Byrådssalen", "Lokale", "mødelokale", "kl.", "10:00", "3.",
         "maj", "2021", "møde", "dagens", "Byrådet", "Kommune", "Aarhus", "Jens", "Bo", "(V)", "Tilde", "Dato",
         "Mødet", "hævet", "İ", "ſ", "\u212a", "ß", ":", ",", ".", "-", "|", "–", "\t", "\u00a0", "\n",
         *words()["explanation"]["phrases"][:6]]
LINE = st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join) | st.lists(st.sampled_from(WORDS), max_size=8).map("".join)


# --- the colon shortcuts of the header rules ---------------------------------------------------------

# Patterns a header rule searches only in a line with a colon: every match holds the label's colon.
COLON_PATTERNS = ("location_label_inline", "absence_label_inline", "attendance_label_inline")


def _context(line: str) -> header._Context:
    """The header of one line, as the field rules read it."""
    return header._Context(lines=[line], meeting_lines=[line], full_text=line, title_at=1, facts=Facts())


def _location_label_in_run_in_full(line: str) -> list[str]:
    """header._location_label_in_run searching every line, with a colon or not."""
    match = P.location_label_inline.search(line)
    value = header._first_column(match["value"]) if match else ""
    return [value] if value and not P.any_label.match(value) and not next(iter_dates(value), None) else []


def _place_in_label_run_in_full(line: str) -> list[str]:
    """header._place_in_label_run reading every line, however many colons it has."""
    found = []
    for run in P.label_run.finditer(line):
        if not P.place_in_run.search(run.group(0)):
            continue
        values = line[run.end():]
        for _, _, end in [*iter_dates(values[: header.LEADING_WORDS + 12]), *iter_times(values[: header.LEADING_WORDS])]:
            values = values[end:] if end < len(values) else values
        match = P.place_prefix.match(values.strip())
        if match:
            found.append(match["place"])
    return found


def _colons_agree(line: str) -> None:
    assert list(header._location_label_in_run(_context(line))) == _location_label_in_run_in_full(line), line
    assert list(header._place_in_label_run(_context(line))) == _place_in_label_run_in_full(line), line
    assert header._attendance_in_run(Facts()[line], "") == (P.attendance_label_inline.search(line) is not None), line
    # _absence_in_run searches its pattern only in a line with a colon.
    if ":" not in line:
        for name in COLON_PATTERNS:
            assert getattr(P, name).search(line) is None, (name, line)


def test_the_colon_shortcuts_agree_with_the_full_rules():
    lines = _lines()
    for line in lines:
        _colons_agree(line)
    # The test has values to find.
    assert any(_location_label_in_run_in_full(line) for line in lines)
    assert any(_place_in_label_run_in_full(line) for line in lines)


@given(LINE)
@settings(max_examples=400)
def test_the_colon_shortcuts_agree_on_generated_lines(line):
    _colons_agree(line)


# --- the attendance shortcuts -------------------------------------------------------------------------

def _open(text: str, names: tuple[str, ...]) -> bool:
    return True


def _attendance_in_full(line: str) -> header.Attendance | None:
    """header._attendance_in_line without its gates: the three functions asked of every line, with the
    gates they ask first (attendance._may of ABSENT_GATES, ...) open too."""
    with patch.object(A, "_may", _open):
        partial = [person for person, _ in partial_absences(line)]
        absent = header._whole_meeting(absences_in_line(line), partial)
        substitutes = substitutes_in_line(line)
    if absent is None and not substitutes and not partial:
        return None
    return partial, absent, substitutes


def _attendance_agrees(facts: Facts, line: str) -> None:
    row = facts[line]
    assert header._attendance_in_line(row) == _attendance_in_full(line), line
    # One walk over the gates' words answers as the gates asked one by one.
    assert header._may_hold_attendance_words(row) == any(row.may(getattr(G, name)) for name in ATTENDANCE_GATES), line
    # _attendance_statement reads first names absent only after an absence label.
    if row.absence_label is None:
        assert first_names_absent(line) == [], line


def test_attendance_shortcuts_agree_with_the_full_rules():
    facts = Facts()
    lines = _lines()
    for line in lines:
        _attendance_agrees(facts, line)
    # The test has attendance and first names to find.
    assert sum(_attendance_in_full(line) is not None for line in lines) >= 10
    assert any(first_names_absent(line) for line in lines)


@given(LINE)
@settings(max_examples=300)
def test_attendance_shortcuts_agree_on_generated_lines(line):
    _attendance_agrees(Facts(), line)


# --- the place segment gate ---------------------------------------------------------------------------

def _place_segment_in_full(line: str) -> list[str]:
    """header._place_segment cutting every line, whether a place pattern's gate passes it or not."""
    row = Facts()[line]
    if not (row.times or row.dates or row.search(G.meeting_word)):
        return []
    segments = [segment.strip(" ,-–·•|") for segment in P.place_segment_cut.split(line)]
    return [segment for segment in segments
            if segment[:1].isupper() and len(segment.split()) <= header.PLACE_SEGMENT_WORDS
            and not P.any_label.match(segment) and not next(iter_dates(segment), None)
            and (P.place_word_first.match(segment) or P.place_word_last.search(segment))]


def _place_gate_agrees(line: str) -> None:
    assert list(header._place_segment(_context(line))) == _place_segment_in_full(line), line


def test_place_segment_gate_never_hides_a_place():
    lines = _lines()
    for line in lines:
        _place_gate_agrees(line)
    assert any(_place_segment_in_full(line) for line in lines)  # the test has places to find


@given(LINE)
@settings(max_examples=400)
def test_place_segment_gate_on_generated_lines(line):
    _place_gate_agrees(line)


# --- municipality and language ------------------------------------------------------------------------

def _words_before_agree(text: str) -> None:
    for end in range(len(text) + 1):
        short = municipality._words_before(text, end)
        full = P.words_before.search(text, max(0, end - municipality.WORDS_WINDOW), end)
        assert (short and (short.span(), short.groups())) == (full and (full.span(), full.groups())), (text, end)


def test_words_before_starts_where_the_window_search_finds_its_match():
    for text in [*_texts(), *TRICKY]:
        _words_before_agree(text)


@given(LINE)
@settings(max_examples=300)
def test_words_before_on_generated_lines(line):
    _words_before_agree(line)


def test_language_words_are_the_letters_words():
    texts = [*_texts(), *_lines(), "Æble ÿ ĳ ß ǅ Straße İstanbul ſ \u212a 3a_b"]
    for text in texts:
        for form in (text, text.casefold()):  # detect_language splits the text's case fold
            assert language._words(form) == P.letters_word.findall(form), form
    assert any(P.uncommon_char.search(text) for text in texts)  # both of _words' ways are taken


@given(LINE)
@settings(max_examples=300)
def test_language_words_on_generated_lines(line):
    assert language._words(line) == P.letters_word.findall(line)


# --- the prefixed searches of explanation and resolve -------------------------------------------------

# The patterns that explanation.explains_minutes and resolve._committee_from_statements search prefixed.
PREFIXED = ("explanation_phrase", "meeting_statement")


def _spans(matches) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(match.span(), (match.group(), *match.groups())) for match in matches]


def _prefixed_agree(text: str) -> None:
    for name in PREFIXED:
        assert _spans(G.finditer_prefixed(name, text)) == _spans(getattr(P, name).finditer(text)), (name, text[:80])


def test_prefixed_searches_find_what_the_patterns_find():
    texts = [*_texts(), *_lines()]
    # The window resolve reads, and texts long enough for the prefix positions to be worth it.
    texts += [text[: resolve.STATEMENT_WINDOW] for text in _texts()] + ["\n".join(_lines())]
    for text in texts:
        _prefixed_agree(text)
    assert all(any(getattr(P, name).search(text) for text in texts) for name in PREFIXED)  # each finds something


@given(LINE)
@settings(max_examples=300)
def test_prefixed_searches_on_generated_lines(line):
    _prefixed_agree(line)
    _prefixed_agree(line * 20)
