"""Headings: whole lines from the vocabulary, fuzzy for misspellings, decision headings with body and date."""

import pytest

from referat_parser.lexicon.headings import match_heading


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("Beslutning", "decision"),
        ("BESLUTNING", "decision"),
        ("Indstilling:", "recommendation"),
        ("INDSTILLING", "recommendation"),
        ("RESUMÉ", "summary"),
        ("Sagens kerne", "summary"),
        ("Sagsfremstiling", "presentation"),  # misspelt
        ("Beslutnlng", "decision"),  # OCR damage
        ("Økonomiske og personalemæssige konsekvenser", "economy"),
        ("Relaterede bilag", "attachments"),
        ("Fraværende", "attendance"),
    ],
)
def test_vocabulary_headings(line, key):
    heading = match_heading(line)
    assert heading is not None and heading.key == key


@pytest.mark.parametrize(
    "line",
    [
        "Beslutning om budgetkontrol pr. 1. maj 2023",  # a title that starts with a heading word
        "Indstilling på baggrund af høringen",
        "Beslutningskompetence: KB",  # a 'Label: value' field
        "Kompetence: Beskæftigelses- og Integrationsudvalget",
        "Fraværende:",  # an attendance field
        "Proces",
        "Administrationen indstill",  # truncated: fuzzy matches keep the length
        "Det er administrationens vurdering, at sagen kan godkendes.",
    ],
)
def test_not_headings(line):
    assert match_heading(line) is None


def test_decision_heading_with_body_and_date():
    heading = match_heading("Beslutning i Beskæftigelses- og Integrationsudvalget den 11. august 2015:")
    assert heading.key == "decision"
    assert heading.printed == "Beslutning i Beskæftigelses- og Integrationsudvalget den 11. august 2015"
    assert heading.body == "Beskæftigelses- og Integrationsudvalget"
    assert heading.date == "2015-08-11"


def test_decision_heading_without_preposition_and_with_lost_date():
    assert match_heading("Beslutning Økonomiudvalget den 19-06-2018").date == "2018-06-19"
    lost = match_heading("Beslutning Byrådet den")
    assert lost.key == "decision" and lost.body == "Byrådet" and lost.date is None


def test_consultation_headings_carry_item_number():
    heading = match_heading("Teknik- og Miljøudvalget, 10. september 2019, pkt. 65:")
    assert (heading.key, heading.body, heading.date, heading.item_number) == (
        "decision", "Teknik- og Miljøudvalget", "2019-09-10", "65")
    quoted = match_heading("Beslutning fra Plan, Miljø og Teknik, 9. februar 2021, pkt. 421:")
    assert quoted.body == "Plan, Miljø og Teknik" and quoted.item_number == "421"


def test_body_and_date_line_without_item_number_is_not_a_heading():
    assert match_heading("Beskæftigelses- og Rekrutteringsudvalget, 13.06.2023") is None


def test_glued_heading():
    heading = match_heading("BeslutningGodkendt.")
    assert (heading.key, heading.printed, heading.glued_text) == ("decision", "Beslutning", "Godkendt.")
    assert match_heading("MødestedRådssalen") is None  # not a section heading


def test_decision_with_its_text_on_the_heading_line():
    heading = match_heading("Beslutning: Godkendt.")
    assert (heading.key, heading.printed, heading.glued_text) == ("decision", "Beslutning", "Godkendt.")
    dated = match_heading("Beslutning i Byrådet den 3. maj 2021: Godkendt.")
    assert (dated.body, dated.date, dated.glued_text) == ("Byrådet", "2021-05-03", "Godkendt.")


def test_body_genitive_decision_heading():
    heading = match_heading("Økonomiudvalgets beslutning den 7. december 2021")
    assert (heading.key, heading.body, heading.date) == ("decision", "Økonomiudvalget", "2021-12-07")
