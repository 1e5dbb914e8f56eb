"""Section headings from the vocabulary and from PDF typography (N3): heading names that published
PDFs print, vocabulary words printed in the body style (text, not headings), and lists laid out in
an invisible grid. All snippets are invented."""

from __future__ import annotations

import pytest

from referat_parser.clean import Line
from referat_parser.lexicon.headings import match_heading
from referat_parser.lineclass import Kind, classify
from referat_parser.read.pdf_layout import marker_list
from referat_parser.segment.typography import demote_body_style_headings

# --- vocabulary ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "key"), [
    ("Sammendrag", "summary"),
    ("Beslutningen træffes af", "competence"),
    ("Beslutningspunkter", "recommendation"),
    ("Sagsforløb", "history"),
    ("Sagsforløb:", "history"),
    ("Oplæg", "presentation"),
    ("Sagen behandles i", "political_process"),
    ("Punktoplysninger", "details"),
    ("Forventet konsekvens", "consequences"),
    ("Organisering og kommunikation", "hearing"),
    ("Borgmesterens Afdelings påtegning", "endorsement"),
    ("Økonomiafdelingens påtegning", "endorsement"),
    ("Præsentation:", "presentation"),
    ("Forvaltningen foreslår:", "recommendation"),
    ("Handicapaspekter:", "consequences"),
    ("Høring af Handicaprådet:", "hearing"),
])
def test_heading_names(line, key):
    heading = match_heading(line)
    assert heading is not None and heading.key == key


@pytest.mark.parametrize("line", ["Der er ingen påtegning", "Revisionens påtegning.", "Sagsforløb: BY"])
def test_not_headings(line):
    heading = match_heading(line)
    assert heading is None or heading.key not in ("endorsement", "history")


def test_a_name_in_lower_case_is_text():
    """'beskrivelse' as the only word of a section is its text, not another heading."""
    assert match_heading("beskrivelse") is None
    assert match_heading("Beskrivelse").key == match_heading("BESKRIVELSE").key == "presentation"


# --- typography: vocabulary names in the body style are text ---------------------------------------

def _lines(rows: list[tuple[str, bool | None, float | None]]) -> list[Line]:
    out, offset = [], 0
    for text, bold, size in rows:
        out.append(Line(text, offset, offset + len(text), 1 if bold is not None else None, bold, size))
        offset += len(text) + 1
    return out


STYLED = [("Punkt 1: Nye bænke", True, 14.0), ("Beslutning", True, 12.0), ("Godkendt.", False, 10.0),
          ("Resume", True, 12.0), ("Der søges om bænke.", False, 10.0), ("Baggrund:", False, 10.0),
          ("Parken mangler bænke.", False, 10.0), ("Bilag", True, 12.0), ("Indstilling", False, 10.0),
          ("Kort over parken", False, 10.0)]


def _kinds(rows: list[tuple[str, bool | None, float | None]]) -> list[Kind]:
    lines = _lines(rows)
    infos = [classify(line.text, line.bold) for line in lines]
    demote_body_style_headings(infos, lines)
    return [info.kind for info in infos]


def test_vocabulary_names_in_the_body_style_are_text():
    kinds = _kinds(STYLED)
    headings = [text for (text, _, _), kind in zip(STYLED, kinds, strict=True) if kind is Kind.HEADING]
    assert headings == ["Beslutning", "Resume", "Bilag"]


def test_no_typography_no_change():
    plain = [(text, None, None) for text, _, _ in STYLED]
    assert _kinds(plain).count(Kind.HEADING) == 5


def test_headings_printed_like_the_body_are_kept():
    same = [(text, False, 10.0) for text, _, _ in STYLED]  # no heading style of its own
    assert _kinds(same).count(Kind.HEADING) == 5


# --- lists laid out in an invisible grid ----------------------------------------------------------

def test_a_column_of_list_markers_is_a_list():
    assert marker_list([["a.", "Møder"], ["b.", "Konference om stier Bilag 2012-1 - Program"], ["c.", "Kurser"]])
    assert marker_list([["1)", "Første"], ["2)", "Anden"]])


@pytest.mark.parametrize("rows", [
    [["Skema A", "120.000"], ["Skema B", "80.000"]],
    [["a.", "Drift", "120.000"], ["b.", "Anlæg", "80.000"]],  # three columns: a table with row letters
    [["a.", "Møder"]],
])
def test_real_tables_stay_tables(rows):
    assert not marker_list(rows)
