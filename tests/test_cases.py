"""Test cases as data (black's model): tests/cases/NAME.txt is a snippet written for the test, and
tests/cases/NAME.json beside it is the part of the output it must produce. Adding a pattern means
adding a pair of files; the diff of the pair is the review.

The expected JSON is partial: a key that is left out is not checked; a list must have the same
length, element by element; "_why" says what the case shows and is not compared. Start a new case
with `python tools/new_case.py NAME` (it writes the whole output; keep what matters).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from referat_parser import parse_text

CASES = Path(__file__).resolve().parent / "cases"


def mismatches(expected: Any, actual: Any, where: str = "$") -> list[str]:
    """Where ``actual`` differs from the partial ``expected``; [] when it holds everything expected."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where}: want an object, got {actual!r}"]
        found: list[str] = []
        for key, value in expected.items():
            if key == "_why":
                continue
            if key not in actual:
                found.append(f"{where}.{key}: missing")
            else:
                found.extend(mismatches(value, actual[key], f"{where}.{key}"))
        return found
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{where}: want {len(expected)} entries, got {actual!r}"]
        return [m for i, (e, a) in enumerate(zip(expected, actual, strict=True)) for m in mismatches(e, a, f"{where}[{i}]")]
    return [] if expected == actual else [f"{where}: want {expected!r}, got {actual!r}"]


def cases() -> list[Path]:
    return sorted(CASES.glob("*.txt"))


@pytest.mark.parametrize("case", cases(), ids=[p.stem for p in cases()])
def test_case(case: Path):
    expected = json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))
    meeting = parse_text(case.read_text(encoding="utf-8"), path=case.name)
    actual = json.loads(meeting.to_json())
    problems = mismatches(expected, actual)
    assert not problems, f"{case.name} ({expected.get('_why', '')}):\n  " + "\n  ".join(problems)


def test_every_case_has_its_expectation():
    assert cases(), "no cases found"
    for case in cases():
        assert case.with_suffix(".json").is_file(), f"{case.name} has no {case.stem}.json"


def test_partial_match_catches_differences():
    actual = {"kind": "minutes", "items": [{"number": "1", "title": "A"}], "date": "2021-01-01"}
    assert mismatches({"kind": "minutes", "items": [{"number": "1"}]}, actual) == []
    assert mismatches({"kind": "agenda_item"}, actual) == ["$.kind: want 'agenda_item', got 'minutes'"]
    assert mismatches({"items": []}, actual)  # a list must have the same length
    assert mismatches({"items": [{"title": "B"}]}, actual) == ["$.items[0].title: want 'B', got 'A'"]
    assert mismatches({"location": None}, actual) == ["$.location: missing"]
