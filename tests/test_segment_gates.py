"""The cheap first tests of the segment stage (and of classify) never reject what the test behind them
would accept: each gate is checked against the work it saves."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from referat_parser.lexicon import headings as H
from referat_parser.lexicon import patterns as P
from referat_parser.lexicon.data import fold
from referat_parser.segment.lines import FOLD_STRIPS, _may_fold_to

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LINE = st.text(alphabet=st.sampled_from([*"aAsSkKıſİøØ .:;?\t,-0123456789", "\u212a", "\u00a0", "ß"]),
               max_size=30)


def test_case_folding_keeps_white_space_and_fold_punctuation_apart():
    """_may_fold_to relies on it: case folding maps white space and the punctuation data.fold strips to
    themselves, and no other character to a string holding either."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        folded = char.casefold()
        if char.isspace() or char in FOLD_STRIPS:
            assert folded == char
        else:
            assert not any(c.isspace() or c in FOLD_STRIPS for c in folded), hex(code)


@given(LINE, LINE)
@settings(max_examples=500)
def test_may_fold_to_never_rejects_an_equal_fold(text, other):
    assert _may_fold_to(text, fold(text))
    if fold(other) == fold(text):
        assert _may_fold_to(other, fold(text))


def _fixture_lines() -> list[str]:
    return [line.strip() for path in sorted(FIXTURES.glob("*.txt"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _glued_decision_ungated(text: str) -> H.Heading | None:
    """H._dated_decision_glued without its first test."""
    match = P.decision_glued_after_date.match(text)
    if match is None:
        return None
    decision = H._decision_heading(match["head"])
    return decision if decision is not None and decision.date is not None else None


GLUED_DECISIONS = [
    "Beslutning i Økonomiudvalget den 3. maj 2021 Godkendt som indstillet.",
    "Økonomiudvalgets beslutning den 7. december 2021 Anbefales.",
    "Teknisk Udvalg, 10. september 2019, pkt. 65 Godkendt.",
    "BESLUTNING I BYRÅDET DEN 01-02-2020 Godkendt.",
    "Afgørelse truffet af Byrådet den 1. marts 2022 Taget til efterretning.",
]


def test_decision_head_words_let_every_glued_decision_through():
    lines = GLUED_DECISIONS + _fixture_lines()
    lines += [line + " Godkendt." for line in lines]
    for line in lines:
        if _glued_decision_ungated(line) is not None:
            assert H._may_open_with_decision(line), line
    assert all(_glued_decision_ungated(line) is not None for line in GLUED_DECISIONS)


def test_decision_head_words_are_the_patterns_words():
    """The words come from the gates of decision_heading and decision_heading_genitive, and from the item
    reference that decision_heading_bare must end in."""
    words = set(H._decision_head_words())
    assert {"beslutning", "afgørelse", "behandling", "indstilling"} <= words
    assert "(?:pkt|punkt|sag)" in P.FRAGMENTS["pkt"]
    assert set(H.ITEM_REFERENCE_WORDS) <= words
    bare, _ = P.TEMPLATES["decision_heading_bare"]
    assert "{pkt}\\s*" in bare and "{pkt}?" not in bare
