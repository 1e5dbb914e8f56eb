"""One meeting, one result: the same minutes read as text, as a saved web page and as a Word file
(fixtures/html and fixtures/docx are the seeds marked up by tools/make_markup_fixtures.py) give the
same header, items and decisions. The same holds for the published Word original and PDF of one
real meeting, when the shared real documents are at hand (measurement only: nothing of them is in
this repository)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from referat_parser import parse_file
from referat_parser.models import Meeting

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = sorted(path.stem for path in FIXTURES.glob("*.txt"))
REALDOCS = Path(os.environ.get("REFERAT_REALDOCS", ROOT.parent / "shared" / "realdocs"))


def _ws(text: str | None) -> str | None:
    return " ".join(text.split()) if text is not None else None


def header(meeting: Meeting) -> tuple:
    return meeting.kind, meeting.committee, meeting.date, meeting.start_time, _ws(meeting.location)


def items(meeting: Meeting) -> list[tuple]:
    return [(item.number, _ws(item.title), item.case_number) for item in meeting.items]


def decisions(meeting: Meeting) -> list[tuple]:
    return [(_ws(item.decision.text), item.decision.outcome) if item.decision else None for item in meeting.items]


def test_every_seed_has_a_page_and_a_word_file():
    assert SEEDS
    for seed in SEEDS:
        assert (FIXTURES / "html" / f"{seed}.html").exists(), seed
        assert (FIXTURES / "docx" / f"{seed}.docx").exists(), seed


@pytest.mark.parametrize("kind", ["html", "docx"])
@pytest.mark.parametrize("seed", SEEDS)
def test_seed_reads_the_same_in_every_format(seed, kind):
    text = parse_file(FIXTURES / f"{seed}.txt")
    other = parse_file(FIXTURES / kind / f"{seed}.{kind}")
    assert other.source.format == kind
    assert header(other) == header(text)
    assert items(other) == items(text)
    assert decisions(other) == decisions(text)
    assert [(p.name, p.party, p.present) for p in other.participants] == [
        (p.name, p.party, p.present) for p in text.participants]


def test_seed_fixtures_are_minutes_with_decisions():
    """The comparison above is worth something only if the seeds give items and decisions."""
    meetings = [parse_file(FIXTURES / "docx" / f"{seed}.docx") for seed in SEEDS]
    assert sum(len(m.items) for m in meetings) >= 15
    assert sum(1 for m in meetings for item in m.items if item.decision) >= 10


PAIR = ("011.pdf", "022.docx")  # realdocs README: the Syddjurs PUK meeting of 2013-06-20, PDF and Word


@pytest.mark.skipif(not all((REALDOCS / name).exists() for name in PAIR),
                    reason=f"real documents not found in {REALDOCS} (set REFERAT_REALDOCS)")
def test_published_pdf_and_word_original_agree():
    pdf, word = (parse_file(REALDOCS / name) for name in PAIR)
    assert word.source.format == "docx" and pdf.source.format == "pdf"
    assert header(word) == header(pdf)
    assert items(word) == items(pdf) and items(word)
    assert decisions(word) == decisions(pdf)
    assert [[s.heading for s in item.sections] for item in word.items] == [
        [s.heading for s in item.sections] for item in pdf.items]
    # The Word file's member list sits in nested tables, which the Word reader reads; the PDF reader
    # does not find it (a known difference, reported, not asserted away).
    assert len(word.participants) >= len(pdf.participants)
