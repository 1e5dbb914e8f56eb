"""No pattern of the parser backtracks out of bounds on a long run of one character.

A text copy of minutes may start with hundreds of spaces, or pad a column with them; a pattern in
which several quantifiers can share such a run (a "trap", see regex_tree.py) tries every way of
sharing it out before it fails: cubic for three quantifiers, exponential for a quantifier inside a
repeated group, which is a parse that never ends. Every lexicon pattern and every reader pattern
is checked from its parse tree; the checker is checked on snippets; and documents built around
long runs are parsed whole, under a watchdog that turns a hang into a failure.
"""

from __future__ import annotations

import contextlib
import importlib
import pkgutil
import re
import signal
from collections.abc import Iterator

import pytest

import referat_parser.lexicon.patterns as P
import referat_parser.read
from referat_parser import parse_bytes, parse_text
from regex_tree import traps


def reader_patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    for module in pkgutil.iter_modules(referat_parser.read.__path__):
        loaded = importlib.import_module(f"referat_parser.read.{module.name}")
        for name, value in vars(loaded).items():
            if isinstance(value, re.Pattern):
                yield f"read.{module.name}.{name}", value


@pytest.mark.parametrize("name", sorted(P.TEMPLATES))
def test_no_lexicon_pattern_has_a_backtracking_trap(name):
    assert traps(*P.source(name)) == []


def test_no_reader_pattern_has_a_backtracking_trap():
    found = {name: traps(pattern.pattern, pattern.flags) for name, pattern in reader_patterns()}
    assert len(found) > 20  # the readers' patterns were found at all
    assert {name: t for name, t in found.items() if t} == {}


@pytest.mark.parametrize(("pattern", "kind"), [
    (r"\A(?:\s+|<!--.*?-->)*<", "exponential"),  # a run inside a repeated group
    (r"(?:\w+\s*)*$", "exponential"),
    (r"^[\s|:+-]*-{3,}[\s|:+-]*$", "cubic"),  # three runs that all take '-'
    (r"(?P<name>\w+)\s*(?:\(A\))?\s*[,.\s]*$", "cubic"),  # optional items between runs separate nothing
    (r"(?i:Udvalget\s+for\s+[\w ]+?(?:\s+\(X\))?)$", "cubic"),  # a lazy run is a run
])
def test_the_checker_finds_traps(pattern, kind):
    assert any(kind in trap for trap in traps(pattern))


@pytest.mark.parametrize("pattern", [
    r"\A(?:\s|<!--.*?-->)*<",  # one character per turn of the loop
    r"(?P<name>\w+)\s*+(?:\(A\))?\s*+[,.\s]*$",  # possessive runs take their stretch whole
    r"(?P<name>\w+)(?>\s*)(?:\(A\))?(?>\s*)[,.\s]*$",  # so do atomic groups
    r"\s*[.,]?\s*x",  # a pair is quadratic in one line at most: allowed
    r"\d+\s*\w+\s*:",  # runs that share no character
    r"(?:-[A-Z]?[\w']+)*",  # a repeated group that opens with a literal
])
def test_the_checker_passes_linear_forms(pattern):
    assert traps(pattern) == []


@contextlib.contextmanager
def watchdog(seconds: int = 60) -> Iterator[None]:
    """Turn a parse that never ends into a failure after ``seconds``."""

    def expired(*_: object) -> None:
        raise TimeoutError(f"still parsing after {seconds} s: a backtracking trap")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


RUN = 3000
HEADER = "Referat\nByrådet\nMødedato: 4. marts 2014 kl. 16.30\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n"
LINE_STARTS = ["", "Anne Hansen", "Afbud: Anne Hansen (A)", "Afbud fra Anne Hansen", "Beslutning i Byrådet",
               "Alle undtagen Anne", "- Anne Hansen (A)", "Deltagere: Anne Hansen", "Udvalget for", "Punkt 1", "Sagsnr."]


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="the watchdog needs SIGALRM")
@pytest.mark.parametrize("run", [" ", "-", "."])
def test_documents_with_long_runs_are_parsed(run):
    lines = [start + run * RUN + "x" for start in LINE_STARTS]
    document = HEADER + "\n".join(lines) + "\n2. Næste punkt\nBeslutning\n" + "\n".join(lines) + "\n"
    with watchdog():
        meeting = parse_text(document)
    assert meeting.items  # parsed, not only ended


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="the watchdog needs SIGALRM")
def test_a_text_copy_that_starts_with_spaces_is_sniffed_as_text():
    data = (" " * 5000 + "Referat\nByrådet\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n").encode()
    with watchdog():
        meeting = parse_bytes(data)
    assert meeting.source.format == "text"
