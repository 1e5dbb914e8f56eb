"""Interface residue and character noise: what a web viewer, a PDF transcript or a word processor
leaves in the text that is never content (vocab/noise.toml), and characters that only look like
spaces or are invisible (vocab/words.toml)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from . import gates as G
from . import patterns as P
from .data import fold, noise, words

NOISE_LINE_MAX = 100  # characters; every whole-line noise entry is shorter
LINK_LINE_MAX = 500  # characters; a title with its link text is shorter (and the repeat test is quadratic)


@cache
def _translation() -> dict[int, str | None]:
    chars = words()["characters"]
    return {**dict.fromkeys(map(ord, chars["space_like"]), " "), **dict.fromkeys(map(ord, chars["invisible"]), None)}


@cache
def _replacements() -> tuple[tuple[str, str], ...]:
    """The special characters and what each becomes (a space, or nothing)."""
    return tuple((chr(code), replacement or "") for code, replacement in _translation().items())


def normalise(text: str) -> str:
    """NFC, space-like characters as spaces, invisible ones dropped, runs of spaces collapsed, stripped."""
    text = unicodedata.normalize("NFC", text)
    if P.special_chars.search(text):  # translate() with a dict is slow; most lines need nothing
        text = text.translate(_translation())
    return P.multispace.sub(" ", text).strip()


def normalise_all(texts: list[str]) -> list[str]:
    """normalise() for many lines at once: one pass of each C-level operation over the joined text."""
    return normalise_joined(texts)[0]


def normalise_joined(texts: list[str]) -> tuple[list[str], str | None]:
    """normalise_all(texts), and the normalised lines joined by line breaks before each was stripped (what
    the whole-text scans of inline_noise_lines and menu_lines read: a line's text with its ends' spaces);
    None for it when a line holds a line break (the lines of the joined text are then not the lines)."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        return [normalise(text) for text in texts], None
    joined = unicodedata.normalize("NFC", joined)
    # One substring test per special character, and a replace for the few that stand in the text: far
    # faster than translate() or a search for the class (as each replacement is a space or nothing, no
    # replacement makes another special character).
    for char, replacement in _replacements():
        if char in joined:
            joined = joined.replace(char, replacement)
    if "  " in joined:  # a substitution that finds nothing still costs a pass and a copy
        joined = P.multispace.sub(" ", joined)
    return list(map(str.strip, joined.split("\n"))), joined




@cache
def _noise_lines() -> frozenset[str]:
    return frozenset(fold(line) for line in noise()["lines"])


def is_noise(text: str, menu: bool = True) -> bool:
    """A whole line of furniture: a listed line ('Til toppen', 'Udskriv', also with a list marker:
    '• Udskriv'), a menu row of listed lines ('| Rss | Print |') or a noise shape (page numbers).
    The shapes see the line as printed: '• 1' is an item number, not a page number. ``menu`` False
    tells that the line holds no menu separator (menu_lines), which spares the test of each."""
    return (len(text) <= NOISE_LINE_MAX and _listed(text, menu)) or _noise_shape().match(text) is not None


def menu_lines(joined: str) -> set[int]:
    """The numbers of the lines of ``joined`` (lines joined by line breaks) that hold a menu separator:
    a few substring scans of the whole text, where most documents have no such line."""
    return G.lines_holding(joined, _menu_separators())


@cache
def _noise_shape() -> G.StartGate | re.Pattern[str]:
    """noise_whole, behind a gate on the first character where it has one: most lines start with a letter
    that none of the shapes starts with (and hold no breadcrumb arrow)."""
    return G.start_gate("noise_whole") or P.noise_whole


@cache
def _menu_separators() -> frozenset[str]:
    """The characters of noise.toml's menu separators: a cheap first test before the split."""
    return frozenset("".join(noise()["menu_separators"]))


def _listed(text: str, menu: bool = True) -> bool:
    lines = _noise_lines()
    if fold(text) in lines:
        return True
    marker = P.list_marker.match(text) if text[:1] in P.LIST_MARKERS else None
    if marker is not None and fold(text[marker.end():]) in lines:
        return True
    if not (menu and any(map(text.__contains__, _menu_separators()))):  # three substring tests, not a set of the line
        return False
    parts = [part for part in P.menu_separators.split(text) if part]
    return bool(parts) and parts != [text] and all(fold(part) in lines for part in parts)


def inline_noise_lines(texts: list[str], joined: str | None = None) -> set[int] | None:
    """The indexes of ``texts`` that strip_inline_noise may change (None: any of them may): those that
    hold one of the inline noise's gate words or the words of a repeated link text. Found by scans of
    the joined text (a word absent from the whole text is absent from each of its lines), so that no
    line is read alone in most documents.
    ``joined``: the texts joined by line breaks, where the caller has them (normalise_joined's, whose
    lines may still have spaces at their ends: a word found there marks a line that need not change)."""
    if not noise()["inline"]:
        return set()
    if joined is None:
        joined = "\n".join(texts)
    found = G.may_lines_of(joined, G.noise_inline, G.link_text_repeat)
    if found is None:
        return None
    if found and joined.count("\n") != len(texts) - 1:  # a line holds a break: line numbers are not indexes
        return None
    return found


def strip_inline_noise(text: str) -> str:
    """``text`` without the residue glued into it ('Klik her for at folde ud...', 'Title og læse mere
    om Title'), normalised again where something was removed."""
    if not noise()["inline"]:
        return text
    replaced, count = G.noise_inline.subn(" ", text)
    repeat = G.link_text_repeat.match(replaced) if len(replaced) <= LINK_LINE_MAX else None
    if repeat is not None:  # "2. Title og læse mere om Title" -> "2. Title"
        replaced, count = repeat["lead"] + repeat["title"], count + 1
    return normalise(replaced) if count else text
