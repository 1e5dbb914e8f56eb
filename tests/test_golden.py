"""Every fixture input parses to exactly the expected JSON beside it (regenerate with
``python tools/regen_golden.py`` and review the diff)."""

from pathlib import Path

import pytest

from referat_parser.golden import check_one, expected_path, inputs

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_every_input_has_an_expected_file():
    missing = [str(p) for p in inputs(FIXTURES) if not expected_path(p).exists()]
    assert missing == []


@pytest.mark.parametrize("source", list(inputs(FIXTURES)), ids=lambda p: p.name)
def test_golden(source):
    difference = check_one(source, FIXTURES)
    assert difference is None, difference.diff
