"""The cheap first tests of the segment stage never reject what the test behind them
would accept: each gate is checked against the work it saves."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from referat_parser.lexicon.data import FOLD_STRIPS, fold
from referat_parser.segment.lines import _may_fold_to

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
