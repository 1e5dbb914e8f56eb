"""Snippet tests (invented text) for the families of misses found on a blind hold-out set: each rule
with a line it must read and a similar line where it must stay quiet."""

from __future__ import annotations

from referat_parser.lexicon.headings import body_date_heading, match_heading


def test_counted_heading_is_its_vocabulary_heading():
    heading = match_heading("Bilag (2)")
    assert heading is not None and heading.key == "attachments" and heading.printed == "Bilag (2)"


def test_counted_words_that_name_no_section_are_no_heading():
    assert match_heading("Tilskud (2)") is None
    assert match_heading("Fraværende (2)") is None  # attendance is a field, not a section


def test_body_and_date_alone_read_as_a_dated_decision_heading():
    heading = body_date_heading("Teknik- og Miljøudvalget 02-03-2021")
    assert heading is not None and heading.body == "Teknik- og Miljøudvalget" and heading.date == "2021-03-02"


def test_body_date_needs_a_body_and_nothing_else_on_the_line():
    assert body_date_heading("Mødet 02-03-2021") is None  # no body
    assert body_date_heading("Byrådet, 02-03-2021, pkt. 4") is None  # another form, read by HEADING_RULES
    assert body_date_heading("Byrådet 02-03-2021 kl. 17.00") is None
