"""Cheap first tests before the lexicon's patterns: what a line must contain for a pattern to match.

Most header and attendance patterns fail on most lines, and a failing search of a long alternation
costs far more than a few substring tests. For a pattern ``P.name``, ``gates.name`` is the same
pattern behind a gate: the words every match must contain (read from the compiled pattern's own
parse tree, so they can never drift from the vocabularies the pattern was built from), or a digit.
When the line holds none of them, the gate answers "no match" without running the pattern; otherwise
the pattern runs as before. The answers are therefore always the pattern's own.

    from ..lexicon import gates as G
    G.absent_verb.search(sentence)    # as P.absent_verb.search(sentence), faster when it fails

The words are compared in lower case (str.lower): a pattern's literal matches only text whose lower
case holds the literal's lower case, with the exceptions of case-insensitive matching that lower()
does not fold: a line holding dotless 'ı', long 'ſ' or the combining dot of lower('İ') is always passed
on to the pattern, and letters with other such partners (µ/μ, Greek, Cyrillic) are never taken as words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any, AnyStr

from . import patterns as P
from . import stored

try:  # the standard library's regex parser; without it every gate stays open
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
    from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    sre_parse = C = None
    _EXTRA_CASES = {}

DIGIT = "\0digit"  # the token "some decimal digit" (never a literal: patterns hold no NUL)
MIN_WORD = 3  # shorter literals are in too many lines to be worth a test ...
RARE = "<>|@#{}[]\\=*_~^"  # ... unless they hold a character that running text seldom has
MAX_WORDS = 12  # more tests than this cost about what the pattern costs
# Letters that match 'i' and 's' under IGNORECASE without lower() folding them together (re._casefix),
# and the combining dot that lower('İ') adds: a line with one of them goes to the pattern.
_UNFOLDED = ("ı", "ſ", "\u0307")
# The characters beyond ASCII that IGNORECASE matches to an ASCII letter (re's simple case mappings and
# re._casefix; tests/test_gates.py reads every code point): bytes.lower() leaves them apart from the letter.
ASCII_LOOKALIKES = "\u0130\u0131\u017f\u212a"
_SIGMAS = "σς"  # lower() of 'Σ' depends on the letters around it
NEAR_SHARE = 8  # Gated.search_near tries at most one position in this many before it searches plainly
# may_lines scans the bytes for a word's ASCII run only when every run is this long: a shorter one ('se'
# of 'læse') stands in most lines, and lower() of the text to find the words themselves costs less.
MIN_ASCII_RUN = 3
PREFIXED_TEXT = 100  # characters; search_lower of a longer text tries only where a match can start


# --- what a match must contain -------------------------------------------------------------------------

Need = frozenset[str] | None  # one of these tokens occurs in every match; None: nothing known


def _better(a: Need, b: Need) -> Need:
    """The more selective of two requirements: longer words and fewer of them (each is one more test)."""
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b, key=lambda need: len(need) / 2 - min(map(_weight, need)))


def _weight(token: str) -> float:
    if token == DIGIT:
        return 2.5  # a digit is about as rare in prose as a short word
    return len(token) + (MIN_WORD if any(char in RARE for char in token) else 0)


def _word(run: str) -> frozenset[str] | None:
    """A run of literals as a requirement, when it is rare enough in text to be worth a test."""
    return frozenset([run]) if len(run) >= MIN_WORD or any(char in RARE for char in run) else None


def _either(needs: list[Need]) -> Need:
    """What any of several alternatives must contain: one token of any of them."""
    if any(need is None for need in needs):
        return None
    tokens = set().union(*needs)  # type: ignore[arg-type]
    # A word that contains another of the set adds nothing: where it occurs, so does the other.
    kept = frozenset(t for t in tokens if not any(o != t and o != DIGIT and o in t for o in tokens))
    return kept if kept else None


def _literal(code: int, ignore: bool) -> str | None:
    """The literal as the gate compares it (lower case), or None when lower() cannot stand for how the
    pattern matches it: a character whose lower case is longer, or one that IGNORECASE matches to
    another letter that lower() keeps apart (µ/μ and other letters of re._casefix; 'i' and 's' are
    fine, as lines with 'ı' or 'ſ' go to the pattern), or a sigma: lower() gives a capital sigma at a
    word's end the final form 'ς', so a text's lower case need not hold the literal's."""
    low = chr(code).lower()
    if len(low) != 1 or low in _SIGMAS or (ignore and low not in "is" and ord(low) in _EXTRA_CASES):
        return None
    return low


def _is_digit_class(items: list) -> bool:
    return len(items) == 1 and items[0] == (C.CATEGORY, C.CATEGORY_DIGIT)


def _sequence(items: Any, ignore: bool, loose: bool = False) -> Need:
    """What a sequence must contain: its best run of adjacent literals, or the best need of one item.
    ``loose``: any run of literals (one character too) and any class of literal characters count as
    tokens, and their number has no limit (loose_requirement)."""
    token = _run_token if loose else _word
    best: Need = None
    run = ""
    for op, arg in _flatten(items, ignore):
        char = _literal(arg, ignore) if op is C.LITERAL else None
        if char is not None:
            run += char
            continue
        if op is C.AT:  # zero width: the literals on either side stay adjacent
            continue
        best = _better(best, token(run))
        run = ""
        best = _better(best, _item(op, arg, ignore, loose))
    return _better(best, token(run))


def _run_token(run: str) -> Need:
    return frozenset([run]) if run else None


def _flatten(items: Any, ignore: bool) -> Iterator[tuple[Any, Any]]:
    """The items with groups that keep the flags opened up, so that literals across them join."""
    for op, arg in items:
        if op is C.SUBPATTERN and not arg[1] and not arg[2]:
            yield from _flatten(arg[3], ignore)
        else:
            yield op, arg


def _item(op: Any, arg: Any, ignore: bool, loose: bool = False) -> Need:
    if op is C.BRANCH:
        return _either([_sequence(alternative, ignore, loose) for alternative in arg[1]])
    if op is C.SUBPATTERN:
        _group, add, remove, body = arg
        return _sequence(body, bool((ignore or add & re.IGNORECASE) and not remove & re.IGNORECASE), loose)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _high, body = arg
        return _sequence(body, ignore, loose) if low >= 1 else None
    if op is C.ATOMIC_GROUP:
        return _sequence(arg, ignore, loose)
    if op is C.IN:
        if loose:
            return _class_tokens(arg, ignore)
        return frozenset([DIGIT]) if _is_digit_class(arg) else None
    if op is C.ASSERT:  # a lookaround's text is in the line too
        return _sequence(arg[1], ignore, loose)
    return None


@cache
def requirement(name: str) -> frozenset[str] | None:
    """The tokens of which every match of pattern ``name`` contains one (words in lower case, or DIGIT);
    None when no useful requirement is known, and the gate stays open."""
    return _worked_out("gates", _requirement, name)


def _worked_out(kind: str, work_out: Callable[[str], frozenset[str] | None], name: str) -> frozenset[str] | None:
    """``work_out(name)``, read from the disk cache (stored.py) where it is on: working it out parses
    the pattern (~1 ms), so it is done for every pattern once per lexicon and stored as ``kind``."""
    table = _table(kind, work_out)
    if table is None:
        return work_out(name)
    found = table.get(name)
    return None if found is None else frozenset(found)


@cache
def _table(kind: str, work_out: Callable[[str], frozenset[str] | None]) -> dict[str, list[str] | None] | None:
    return stored.table(kind, lambda: {name: _sorted(work_out(name)) for name in P.TEMPLATES})


def _sorted(need: frozenset[str] | None) -> list[str] | None:
    return None if need is None else sorted(need)


@cache
def _tree(name: str) -> Any | None:
    """The parse tree of pattern ``name`` (re's own parser), or None where it cannot be read. Kept: each
    stored table (gates, loose_gates, initials, start_rejected, start_needs, prefixes) reads every tree,
    and parsing one costs ~1 ms (the trees of all patterns take ~8 MB; read only, never changed)."""
    if sre_parse is None:
        return None
    template, flags = P.TEMPLATES[name]
    try:
        return sre_parse.parse(P.expand(template), flags)
    except Exception:
        return None


def _requirement(name: str) -> frozenset[str] | None:
    tree = _tree(name)
    if tree is None:
        return None
    need = _sequence(tree, bool(tree.state.flags & re.IGNORECASE))
    if need is None or len(need) > MAX_WORDS:
        return None
    return need


# --- a looser requirement, for patterns that cost far more than a dozen substring tests ----------------

@cache
def loose_requirement(name: str) -> frozenset[str] | None:
    """As requirement(name), but any run of literals (one character too) and any class of literal
    characters count as tokens, and their number has no limit. Such tokens are common, or many, so the
    gate is worth it only before a pattern that backtracks on every line it is asked of (loosely)."""
    return _worked_out("loose_gates", _loose_requirement, name)


def _loose_requirement(name: str) -> frozenset[str] | None:
    tree = _tree(name)
    if tree is None:
        return None
    return _sequence(tree, bool(tree.state.flags & re.IGNORECASE), loose=True)


def _class_tokens(items: list, ignore: bool) -> Need:
    """A class of literal characters (or the digits) as tokens: one of them is in every match of it."""
    if _is_digit_class(items):
        return frozenset([DIGIT])
    chars: set[str] = set()
    for op, arg in items:
        char = _literal(arg, ignore) if op is C.LITERAL else None
        if char is None:  # a range, a category, a negation: any of many characters
            return None
        chars.add(char)
    return frozenset(chars) if chars else None


# --- what a match may start with ----------------------------------------------------------------------

RANGE_MAX = 256  # characters of a class range spelt out; a wider range lets any character start


@cache
def initials(name: str) -> frozenset[str] | None:
    """The characters (in lower case, or DIGIT for any decimal digit) that a match of pattern ``name``
    may start with; None when any character may. Exact for ``match`` at a line's start: see may_start."""
    return _worked_out("initials", _initials, name)


def _initials(name: str) -> frozenset[str] | None:
    tree = _tree(name)
    if tree is None:
        return None
    found, empty = _first(tree, bool(tree.state.flags & re.IGNORECASE))
    return None if empty else found


def _first(items: Any, ignore: bool) -> tuple[frozenset[str] | None, bool]:
    """What a sequence's first character may be, and whether the sequence may match no text at all."""
    found: set[str] = set()
    for op, arg in items:
        first, empty = _first_of(op, arg, ignore)
        if first is None:
            return None, False
        found |= first
        if not empty:
            return frozenset(found), False
    return frozenset(found), True


def _first_of(op: Any, arg: Any, ignore: bool) -> tuple[frozenset[str] | None, bool]:
    if op is C.LITERAL:
        return _chars([chr(arg)], ignore), False
    if op is C.IN:
        return _class(arg, ignore), False
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero width: the next item's character comes first
        return frozenset(), True
    if op is C.BRANCH:
        alternatives = [_first(alternative, ignore) for alternative in arg[1]]
        if any(first is None for first, _ in alternatives):
            return None, False
        return frozenset().union(*(first for first, _ in alternatives)), any(empty for _, empty in alternatives)
    if op is C.SUBPATTERN:
        _group, add, remove, body = arg
        return _first(body, bool((ignore or add & re.IGNORECASE) and not remove & re.IGNORECASE))
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _high, body = arg
        first, empty = _first(body, ignore)
        return first, empty or low == 0
    if op is C.ATOMIC_GROUP:
        return _first(arg, ignore)
    return None, False  # any character, a back reference, ...


def _chars(chars: list[str], ignore: bool) -> frozenset[str] | None:
    """The characters as may_start compares them: lower case, with the case partners that lower() of a
    line's first character can give (None when re's case-insensitive matching pairs one with a letter
    that lower() keeps apart)."""
    found = set()
    for char in chars:
        for form in (char.lower(), char.upper().lower()):
            if len(form) == 1:
                found.add(form)
    # 'ı' and 'ſ', the partners of 'i' and 's', always pass may_start.
    if ignore and any(ord(form) in _EXTRA_CASES and form not in "is" for form in found):
        return None
    return frozenset(found)


def _class(items: list, ignore: bool) -> frozenset[str] | None:
    chars: list[str] = []
    digit = False
    for op, arg in items:
        if op is C.LITERAL:
            chars.append(chr(arg))
        elif op is C.RANGE and arg[1] - arg[0] < RANGE_MAX:
            chars.extend(map(chr, range(arg[0], arg[1] + 1)))
        elif op is C.CATEGORY and arg is C.CATEGORY_DIGIT:
            digit = True
        else:  # a negated class, a category or a wide range
            return None
    found = _chars(chars, ignore)
    return None if found is None else found | ({DIGIT} if digit else set())


def may_start(first: frozenset[str] | None, char: str) -> bool:
    """Whether a match may start with ``char`` (False proves it cannot, for ``first`` = initials(name)):
    its lower case is among them, or a digit where a digit may stand; a character that lower() does
    not map to one character, or maps apart from its case partners (ı, ſ), always may."""
    if first is None:
        return True
    low = char.lower()
    return (low in first or len(low) != 1 or char in _UNFOLDED or (DIGIT in first and char.isdecimal())
            or low.upper().lower() != low)


class StartGate:
    """Before ``match`` at a text's start, for a pattern whose alternatives mostly start with known
    characters: a text whose first character none of those alternatives may start with can match only
    an alternative that may start anywhere, and so only when it holds one of that alternative's tokens.
    Most lines are turned away by their first character, without the pattern's many alternatives."""

    __slots__ = ("caseless", "needs", "pattern", "rejected")

    def __init__(self, pattern: re.Pattern[str], rejected: frozenset[str], needs: frozenset[str]) -> None:
        self.pattern = pattern
        self.rejected = rejected  # first characters (of the first 256 code points) no known start allows
        self.needs = needs
        # Tokens without case or digits are looked for in the text itself, without lowering it.
        self.caseless = tuple(needs) if all(token != DIGIT and token.lower() == token.upper() for token in needs) else None

    def match(self, text: str) -> re.Match[str] | None:
        if text[:1] in self.rejected:
            if self.caseless is not None:
                if not holds_any(text, self.caseless):
                    return None
            elif not (self.needs and may_match(self.needs, text)):
                return None
        return self.pattern.match(text)


@cache
def start_gate(name: str) -> StartGate | None:
    """Pattern ``name`` behind a StartGate for ``match``; None when one of its alternatives may start
    with any character and has no tokens (or the pattern cannot be read). Worked out from the parse
    tree once per lexicon and kept in the disk cache, as requirement() and initials() are."""
    rejected = _worked_out("start_rejected", _start_rejected, name)
    if rejected is None:
        return None
    return StartGate(getattr(P, name), rejected, _worked_out("start_needs", _start_needs, name) or frozenset())


def _start_rejected(name: str) -> frozenset[str] | None:
    """The first characters (of the first 256 code points) no known start of pattern ``name`` allows."""
    parts = _start_parts(name)
    if parts is None:
        return None
    known = parts[0]
    return frozenset(char for char in map(chr, range(256)) if not may_start(known, char))


def _start_needs(name: str) -> frozenset[str] | None:
    """The tokens of the alternatives of pattern ``name`` that may start with any character."""
    parts = _start_parts(name)
    return None if parts is None else parts[1]


def _start_parts(name: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """(the characters the alternatives with a known start may start with, the tokens one of which each
    other alternative holds); None when an alternative has neither."""
    tree = _tree(name)
    if tree is None:
        return None
    ignore = bool(tree.state.flags & re.IGNORECASE)
    firsts: set[str] = set()
    needs: set[str] = set()
    for alternative in _alternatives(tree):
        first, empty = _first(alternative, ignore)
        if first is not None and not empty:
            firsts |= first
            continue
        need = _sequence(alternative, ignore, loose=True)
        if need is None:
            return None
        needs |= need
    return frozenset(firsts), frozenset(needs)


def _alternatives(tree: Any) -> list[Any]:
    """The alternatives of a pattern that is one alternation (in a group that keeps the flags, or not)
    followed by zero-width items only ('(?:a|b)\\Z'); the whole pattern as one alternative otherwise."""
    items = list(_flatten(tree, False))
    branches = [arg for op, arg in items if op is C.BRANCH]
    if len(branches) == 1 and all(op is C.BRANCH or op is C.AT for op, _ in items) and items[0][0] is C.BRANCH:
        return list(branches[0][1])
    return [tree]


# --- what a match starts with ----------------------------------------------------------------------

MIN_PREFIX = 2  # a shorter start is in too many places to be worth finding
_ZERO_WIDTH = () if C is None else (C.AT, C.ASSERT, C.ASSERT_NOT)  # opcodes, compared as elsewhere


@cache
def prefixes(name: str) -> frozenset[str] | None:
    """Texts (in lower case, as the gates compare) of which every match of pattern ``name`` starts with
    one, each MIN_PREFIX characters or more; None when no such texts are known."""
    return _worked_out("prefixes", _prefixes, name)


def _prefixes(name: str) -> frozenset[str] | None:
    tree = _tree(name)
    if tree is None:
        return None
    found = _starts(tree, bool(tree.state.flags & re.IGNORECASE))
    return None if found is None or min(map(len, found)) < MIN_PREFIX else frozenset(found)


def _zero_width(items: Any) -> bool:
    """A sequence of zero-width items only ('^', a lookbehind): an alternative of '(?:^|(?<=\\s))'."""
    return all(op in _ZERO_WIDTH for op, _arg in items)


def _starts(items: Any, ignore: bool) -> set[str] | None:
    """The literal texts a sequence starts with, after zero-width items (a boundary, a lookaround: the
    characters after one are still the match's first). A text cut short is still a start."""
    run = ""
    for op, arg in _flatten(items, ignore):
        if not run and (op in _ZERO_WIDTH or (op is C.BRANCH and all(map(_zero_width, arg[1])))):
            continue
        char = _literal(arg, ignore) if op is C.LITERAL else None
        if char is not None:
            run += char
            continue
        if op is C.BRANCH:
            alternatives = [_starts(alternative, ignore) for alternative in arg[1]]
            if all(found is not None for found in alternatives):
                return {run + start for found in alternatives for start in found}  # type: ignore[union-attr]
        break
    return {run} if run else None


def finditer_prefixed(name: str, text: str) -> Iterator[re.Match[str]]:
    """As ``finditer`` of pattern ``name``, trying only the positions where one of its prefixes()
    stands: a pattern that opens with a lookbehind or a boundary before a long alternation is tried at
    every position of a text by the engine, and a whole document is searched so in ~50 us."""
    pattern = getattr(P, name)
    starts = prefixes(name)
    low = lowered(text)
    if starts is None or low is None or len(low) != len(text):
        yield from pattern.finditer(text)
        return
    positions = _start_positions(starts, low)
    if len(positions) > len(text) // NEAR_SHARE:  # starts everywhere: the engine's own scan is cheaper
        yield from pattern.finditer(text)
        return
    end = 0  # as finditer: the next match starts where the last ended (a prefix is never empty)
    for position in positions:
        if position >= end and (match := pattern.match(text, position)) is not None:
            yield match
            end = match.end()


def _start_positions(starts: Iterable[str], low: str) -> list[int]:
    """Every position of ``low`` (a text in lower case) where one of ``starts`` stands, in order."""
    positions: set[int] = set()
    for start in starts:
        found = low.find(start)
        while found >= 0:
            positions.add(found)
            found = low.find(start, found + 1)
    return sorted(positions)


# --- the gate --------------------------------------------------------------------------------------

def may_match(need: frozenset[str], text: str) -> bool:
    """Whether ``text`` holds one of the tokens (False proves that the pattern cannot match)."""
    # Written out (as _holds(need, text, lowered(text))): most gates of the parser are asked here.
    low = text.lower()
    for char in _UNFOLDED:
        if char in low:
            return True
    for token in need:
        if token == DIGIT:
            if P.digits.search(text):
                return True
        elif token in low:
            return True
    return False


def lowered(text: str) -> str | None:
    """The text as the gates compare it (lower case), or None when it holds a letter that lower() does
    not fold as the patterns' case-insensitive matching does (every gate then passes it on). A caller
    asking several gates about one text keeps this and passes it to may_lower / search_lower."""
    low = text.lower()
    for char in _UNFOLDED:
        if char in low:
            return None
    return low


def holds_any(low: str, words: Iterable[str]) -> bool:
    """Whether one of ``words`` stands in ``low`` (a text's lower case, as lowered() gives it): the test
    a gate makes, for words gathered from several gates (a plain loop: this runs on hot paths, where
    any() over a generator costs a frame, and a map of __contains__ a call per word)."""
    for word in words:  # noqa: SIM110
        if word in low:
            return True
    return False


def line_positions(text: AnyStr, word: AnyStr) -> Iterator[int]:
    """Where ``word`` (no line break in it) first stands in each line of ``text`` (a str, or bytes) that
    holds it."""
    newline = "\n" if isinstance(text, str) else b"\n"
    found = text.find(word)
    while found >= 0:
        yield found
        end = text.find(newline, found)  # type: ignore[arg-type]
        if end < 0:
            return
        found = text.find(word, end)


def line_numbers(text: AnyStr, positions: Iterable[int]) -> set[int]:
    """The numbers (from 0) of the lines of ``text`` (a str, or bytes) in which ``positions`` stand."""
    newline = "\n" if isinstance(text, str) else b"\n"
    lines: set[int] = set()
    line = previous = 0
    for position in sorted(positions):
        line += text.count(newline, previous, position)  # type: ignore[arg-type]
        previous = position
        lines.add(line)
    return lines


def lines_holding(text: AnyStr, words: Iterable[AnyStr]) -> set[int]:
    """The numbers (from 0) of the lines of ``text`` (a str, or bytes) that hold one of ``words`` (none
    with a line break): a few substring scans of the whole text instead of a test of each line."""
    return line_numbers(text, [position for word in words for position in line_positions(text, word)])


def _ascii_run(word: str) -> str:
    """The longest run of ASCII characters in ``word`` (the first of the longest); "" when it has none."""
    runs = "".join(char if char.isascii() else "\n" for char in word).split("\n")
    return max(runs, key=len)


def _digit_lines(text: str) -> Iterator[int]:
    """Where the first digit stands in each line of ``text`` that holds one."""
    match = P.digits.search(text)
    while match is not None:
        yield match.start()
        end = text.find("\n", match.start())
        if end < 0:
            return
        match = P.digits.search(text, end)


def _word_lines(low: str, words: Iterable[str]) -> list[int]:
    """line_positions of each of ``words`` in ``low`` (a text's lower case); a substring test first:
    most words stand nowhere in most texts."""
    return [position for word in words if word in low for position in line_positions(low, word)]


def may_lines_of(joined: str, *gates: Gated) -> set[int] | None:
    """The union of the gates' may_lines(joined) (None when one of them is None), with the text lowered
    once for all of them instead of once per gate. Where a gate takes the bytes path or needs a digit,
    each gate is asked on its own, as may_lines does."""
    if any(gate.digit or gate._bytes_path(joined) for gate in gates):
        found: set[int] = set()
        for gate in gates:
            lines = gate.may_lines(joined)
            if lines is None:
                return None
            found |= lines
        return found
    if any(gate.words is None for gate in gates):
        return None
    low = lowered(joined)
    if low is None or len(low) != len(joined):
        return None
    positions = [position for gate in gates for position in _word_lines(low, gate.words or ())]
    return line_numbers(joined, positions) if positions else set()


class Gated:
    """A compiled pattern behind its gate: the methods the parser uses, with the pattern's answers."""

    __slots__ = ("ascii_words", "digit", "need", "pattern", "starts", "words")

    def __init__(self, pattern: re.Pattern[str], need: frozenset[str] | None,
                 starts: frozenset[str] | None = None) -> None:
        self.pattern = pattern
        self.need = need
        self.starts = starts  # prefixes(): what every match starts with, for search_lower on long lines
        # The need split for the lowered-text methods, which test it inline without a call per ask.
        self.words = None if need is None else tuple(token for token in need if token != DIGIT)
        self.digit = need is not None and DIGIT in need
        # For may_lines: the longest run of ASCII characters of each word, as bytes (None if a word has none).
        runs = None if self.words is None else [_ascii_run(word) for word in self.words]
        self.ascii_words = (None if runs is None or not all(len(run) >= MIN_ASCII_RUN for run in runs)
                            else tuple(run.encode() for run in runs))

    # Each method tests the gate inline: one Python call more than the bare pattern, not three.
    def may(self, text: str) -> bool:
        """False only when the pattern cannot match anywhere in ``text`` (nor in any part of it)."""
        return self.need is None or may_match(self.need, text)

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        if self.starts is not None and not args and len(text) > PREFIXED_TEXT:
            # search_lower applies the gate to the lowered text and tries only where a match can start:
            # the long line is lowered once, for both.
            return self.search_lower(text, lowered(text))
        if self.need is not None and not may_match(self.need, text):
            return None
        return self.pattern.search(text, *args)

    def may_lines(self, joined: str) -> set[int] | None:
        """The numbers of the lines of ``joined`` (lines joined by line breaks) for which ``may`` is true,
        found by a few substring scans of the whole text instead of a test of each line; None when
        every line may hold a match (no need is known, or the text holds letters lower() does not fold
        as the pattern does). A token holds no line break, and lower() maps each character to one
        character when the lengths agree, so a token stands in a line's lower case exactly where it
        stands in that line's part of the whole text's lower case."""
        if self.words is None:
            return None
        if self._bytes_path(joined):
            # The lines of the UTF-8 bytes, their ASCII letters in lower case, that hold the words' ASCII
            # runs: a superset of the lines whose lower case holds a word, without lower() of the whole
            # text (four times slower than the encoding and bytes.lower()). Where no ASCII_LOOKALIKES
            # stand, IGNORECASE matches an ASCII character only to ASCII characters, and UTF-8 keeps each
            # ASCII character one byte and every other character off the ASCII bytes; the line breaks are
            # the text's, so the lines are counted as in the text.
            return lines_holding(joined.encode().lower(), self.ascii_words)
        low = lowered(joined)
        if low is None or len(low) != len(joined):
            return None
        positions = _word_lines(low, self.words)
        if self.digit:
            positions.extend(_digit_lines(joined))
        return line_numbers(joined, positions) if positions else set()

    def _bytes_path(self, joined: str) -> bool:
        """Whether may_lines(joined) scans the UTF-8 bytes instead of the lowered text."""
        return self.ascii_words is not None and not self.digit and not any(map(joined.__contains__, ASCII_LOOKALIKES))

    # As may and search, for a text whose gate form the caller keeps (``low`` = lowered(text)): a line
    # that several gates ask about is lowered and scanned for unfolded letters once.
    def may_lower(self, text: str, low: str | None) -> bool:
        if self.words is None or low is None:
            return True
        for word in self.words:
            if word in low:
                return True
        return self.digit and P.digits.search(text) is not None

    def search_lower(self, text: str, low: str | None) -> re.Match[str] | None:
        words = self.words
        if words is not None and low is not None:
            for word in words:
                if word in low:
                    break
            else:
                if not (self.digit and P.digits.search(text)):
                    return None
        if self.starts is not None and low is not None and len(text) > PREFIXED_TEXT and len(low) == len(text):
            return self._search_prefixed(text, low)
        return self.pattern.search(text)

    def _search_prefixed(self, text: str, low: str) -> re.Match[str] | None:
        """search(text) tried only where a match can start (see finditer_prefixed): on a long line the
        engine's scan of every position costs more than finding the few starts."""
        positions = _start_positions(self.starts or (), low)
        if len(positions) > len(text) // NEAR_SHARE:
            return self.pattern.search(text)
        match = self.pattern.match
        return next((found for position in positions if (found := match(text, position)) is not None), None)

    def search_near(self, text: str, lead: int) -> re.Match[str] | None:
        """As search(text), for a pattern whose every match starts at most ``lead`` characters, then a
        run of white space, before the start of one of its required words (the caller proves this from
        the pattern). A search of a whole document tries each of its positions; this tries only the few
        positions in front of the required words, and so is exact and much cheaper on long texts."""
        if self.need is None or DIGIT in self.need:
            return self.pattern.search(text)
        low = text.lower()
        # Positions in the lower-cased text must be positions in the text, and letters that lower() does
        # not fold could stand for a required word's letters: then every position is tried.
        if len(low) != len(text) or any(char in low for char in _UNFOLDED):
            return self.pattern.search(text)
        starts: set[int] = set()
        for token in self.need:
            found = low.find(token)
            while found >= 0:
                first = max(0, found - lead)
                while first > 0 and text[first - 1].isspace():
                    first -= 1
                starts.update(range(first, found + 1))
                if len(starts) > len(text) // NEAR_SHARE:  # words everywhere: the plain search is cheaper
                    return self.pattern.search(text)
                found = low.find(token, found + 1)
        match = self.pattern.match
        return next((found for start in sorted(starts) if (found := match(text, start)) is not None), None)

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        if self.need is not None and not may_match(self.need, text):
            return None
        return self.pattern.match(text, *args)

    def fullmatch(self, text: str, *args: int) -> re.Match[str] | None:
        if self.need is not None and not may_match(self.need, text):
            return None
        return self.pattern.fullmatch(text, *args)

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        if self.need is not None and not may_match(self.need, text):
            return iter(())
        return self.pattern.finditer(text, *args)

    def findall(self, text: str, *args: int) -> list[Any]:
        if self.need is not None and not may_match(self.need, text):
            return []
        return self.pattern.findall(text, *args)

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        if self.need is not None and not may_match(self.need, text):
            return [text]
        return self.pattern.split(text, maxsplit)

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        if self.need is not None and not may_match(self.need, text):
            return text
        return self.pattern.sub(repl, text, count)

    def subn(self, repl: Any, text: str, count: int = 0) -> tuple[str, int]:
        if self.need is not None and not may_match(self.need, text):
            return text, 0
        return self.pattern.subn(repl, text, count)


@cache
def loosely(name: str) -> Gated:
    """Pattern ``name`` behind the looser gate of loose_requirement: G.loosely("footer_start").match(line)."""
    if name not in P.TEMPLATES:
        raise AttributeError(f"no lexicon pattern {name!r}")
    return Gated(getattr(P, name), loose_requirement(name))


def __getattr__(name: str) -> Gated:
    if name.startswith("__") or name not in P.TEMPLATES:
        raise AttributeError(f"no lexicon pattern {name!r}")
    gated = Gated(getattr(P, name), requirement(name), prefixes(name))
    globals()[name] = gated
    return gated


# --- the words of several gates at once -------------------------------------------------------------

def words_of(names: Iterable[str]) -> tuple[str, ...] | None:
    """The words of the gates of patterns ``names`` in one sorted tuple, for one holds_any walk over a
    text's lower case in place of a test per gate; None when one of the gates passes every text (no
    words known) or waits for a digit, which no word test can stand in for. Callers keep the answer."""
    words: set[str] = set()
    for name in names:
        need = requirement(name)
        if need is None or DIGIT in need:
            return None
        words |= need
    return tuple(sorted(words))
