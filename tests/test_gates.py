"""The gates before the lexicon's patterns (lexicon/gates.py) never hide a match: wherever a pattern
matches, its gate lets the line through, on every line of the seed fixtures and on letters that
case-insensitive matching treats specially."""

from __future__ import annotations

from pathlib import Path

import pytest

from referat_parser.lexicon import gates as G
from referat_parser.lexicon import patterns as P

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TRICKY = ["AFBUD: Anne Hansen", "Fravær: Bo Holm", "Dato: 3. maj 2021 kl. 17.00", "Publıceret 3. maj 2021",
          "Mødet hævet kl. 18.30", "İnhabil", "Suppleant ſtedfortræder", "Mødet ſluttede kl. 21", "٣. maj ٢٠٢١"]


def _lines() -> list[str]:
    lines = {line.strip() for path in sorted(FIXTURES.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    return sorted(lines) + TRICKY


GATED = [name for name in P.TEMPLATES if G.requirement(name) is not None]


def test_many_patterns_have_a_gate():
    assert len(GATED) > 50


@pytest.mark.parametrize("name", GATED)
def test_a_gate_never_hides_a_match(name):
    pattern, gated = getattr(P, name), getattr(G, name)
    for line in _lines():
        if pattern.search(line):
            assert gated.may(line), (name, line)
            assert gated.search(line).span() == pattern.search(line).span()


def test_a_gate_closes_on_a_line_without_its_words():
    assert G.requirement("partial_verb") is not None
    assert not G.partial_verb.may("Sagsfremstilling")
    assert G.partial_verb.search("Sagsfremstilling") is None
    assert G.partial_verb.split("Sagsfremstilling") == ["Sagsfremstilling"]


def test_letters_lower_case_does_not_fold_open_the_gate():
    assert G.partial_verb.may("ANKOM")
    assert G.substitute_hint.may("ſtedfortræder")
