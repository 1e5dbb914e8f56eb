"""Numbering styles, fields and markers recognised on a single line."""

import pytest

from referat_parser.lineclass import Kind, classify


@pytest.mark.parametrize(
    ("line", "number", "title"),
    [
        ("Punkt 41: Godkendelse af dagsorden", "41", "Godkendelse af dagsorden"),
        ("41. Godkendelse af dagsorden", "41", "Godkendelse af dagsorden"),
        ("7. JobFokus - fremtidig indsats (B)", "7", "JobFokus - fremtidig indsats (B)"),
        ("Pkt. 42 Budgetopfølgning", "42", "Budgetopfølgning"),
        ("Nr.60 - Vejnavne i nyt område", "60", "Vejnavne i nyt område"),
        ("1.Revisionsberetning nr. 17", "1", "Revisionsberetning nr. 17"),
        ("1 : Godkendelse af dagsorden", "1", "Godkendelse af dagsorden"),
        ("• 423. Dagsorden - Godkendelse", "423", "Dagsorden - Godkendelse"),
        ("åbent 11 anlægsbevilling til vejnettet", "11", "anlægsbevilling til vejnettet"),
        ("1  Fraværende og bemærkninger til dagsordenen", "1", "Fraværende og bemærkninger til dagsordenen"),
        ("38Godkendelse af dagsorden", "38", "Godkendelse af dagsorden"),
    ],
)
def test_numbered_titles(line, number, title):
    info = classify(" ".join(line.split()))
    assert (info.kind, info.number, info.title) == (Kind.NUMBERED, number, title)


@pytest.mark.parametrize(
    "line",
    ["1. at dagsordenen godkendes", "13. juni 2023", "43 stemmer imod 5.", "2635 Ishøj", "3. a. Underpunkt,"],
)
def test_not_titles(line):
    assert classify(line).kind is not Kind.NUMBERED


def test_number_only_lines_know_where_their_title_is():
    assert (classify("Sag nr. 130").kind, classify("Sag nr. 130").value) == (Kind.NUMBER_ONLY, "before")
    assert classify("Punkt 5").value == "after"


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("Sagsnr.: 330-2015-51128", "case_number", "330-2015-51128"),
        ("Sagsnummer: 00.22.04-G01-1-18", "case_number", "00.22.04-G01-1-18"),
        ("Sagsnr.: 00.22.04-I00-1-19 Sagsbehandler: Charlotte Sandholm", "case_number", "00.22.04-I00-1-19"),
        ("Sagsid.: 2019-1234", "case_number", "2019-1234"),
        ("Dok.nr.: 330-2015-335020", "document_number", "330-2015-335020"),
        ("Kompetence: Økonomiudvalget", "competence", "Økonomiudvalget"),
        ("23-006399", "case_number", "23-006399"),
        ("15.00.00-G01-39-18S", "case_number", "15.00.00-G01-39-18S"),
        ("85.02.02G00-0011", "case_number", "85.02.02G00-0011"),
        ("18/18300", "case_number", "18/18300"),
    ],
)
def test_fields(line, field, value):
    info = classify(line)
    assert (info.kind, info.field, info.value) == (Kind.FIELD, field, value)


def test_open_and_closed_markers():
    assert classify("Åben").public is True
    assert classify("Åbent punkt").public is True
    assert classify("Lukket punkt").public is False
    info = classify("Åbent - 00.01.00A04 - 2007/34364")
    assert (info.public, info.value) == (True, "2007/34364")


def test_table_of_contents_lines():
    info = classify("Godkendelse af dagsorden..... 3")
    assert (info.kind, info.title, info.value) == (Kind.TOC, "Godkendelse af dagsorden", "3")
    assert classify("Indholdsfortegnelse").kind is Kind.TOC


@pytest.mark.parametrize(
    ("line", "number", "title", "page"),
    [
        ("1. Godkendelse af dagsorden ........ 3", "1", "Godkendelse af dagsorden", "3"),
        ("Punkt 12: Budget 2024 ........ 14", "12", "Budget 2024", "14"),
        ("Pkt. 7 Lokalplan 1045 …… 9", "7", "Lokalplan 1045", "9"),
        ("Godkendelse af dagsorden ........ 3", None, "Godkendelse af dagsorden", "3"),
        ("4. kvartal 2023 ........ 7", None, "4. kvartal 2023", "7"),  # a date-like start is not a number
    ],
)
def test_table_of_contents_entry_prints_its_number(line, number, title, page):
    info = classify(line)
    assert (info.kind, info.number, info.title, info.value) == (Kind.TOC, number, title, page)


def test_shared_blank_and_text_infos_stay_unchanged_by_parsing():
    """classify returns one shared Info for every blank line and every plain text line; a later pass
    that changed such an Info in place (instead of replacing infos[i]) would change every line's."""
    from pathlib import Path

    from referat_parser import parse_file
    from referat_parser.lineclass import BLANK_LINE, TEXT_LINE, Info

    root = Path(__file__).resolve().parent.parent
    inputs = sorted(p for folder in (root / "fixtures", root / "tests" / "cases")
                    for p in folder.iterdir() if p.suffix in {".txt", ".html", ".pdf", ".docx", ".xml"})
    assert len(inputs) > 20
    for path in inputs:
        parse_file(path)
        assert Info(Kind.BLANK, rule="blank") == BLANK_LINE, path
        assert Info(Kind.TEXT, rule="text") == TEXT_LINE, path
