"""Snippet tests (invented text) for the families of misses found on a blind hold-out set: each rule
with a line it must read and a similar line where it must stay quiet."""

from __future__ import annotations

from referat_parser.extract.decisions import find_dissents
from referat_parser.extract.header_rows import label_rows
from referat_parser.lexicon.attendance import absences_in_line
from referat_parser.lexicon.headings import body_date_heading, match_heading
from referat_parser.lexicon.outcomes import classify_outcome
from referat_parser.lexicon.titles import is_title_like
from referat_parser.lineclass import Kind, classify
from referat_parser.segment.lines import number_style


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


def test_item_number_with_its_case_number_leaves_the_title_to_a_later_line():
    info = classify("Pkt. 113   J.nr. 00.01.A00")
    assert info.kind is Kind.NUMBER_ONLY and info.number == "113" and info.case == "00.01.A00"


def test_a_title_that_begins_like_a_case_label_stays_a_title():
    info = classify("Pkt. 12 Journalisering af post")
    assert info.kind is Kind.NUMBERED and info.title == "Journalisering af post"
    assert classify("Punkt 7 Sagsbehandlingstider").kind is Kind.NUMBERED


def test_number_style_is_the_words_and_the_mark_not_the_title():
    assert number_style("Punkt 4 Budget") == number_style("Punkt 5 Skole") == "punkt 0"
    assert number_style("41. Title") != number_style("41 Title")
    assert number_style("Pkt. 113   J.nr. 00.01.A00") == number_style("Pkt. 112")


def test_a_place_under_a_bare_number_is_no_title_but_under_an_item_word_it_is():
    assert not is_title_like("Rådhuset, mødelokale 2", under_number=True)
    assert is_title_like("Cykelsti langs Skovvej.", under_number=True, under_item_word=True)


def test_a_row_of_cells_without_a_case_number_is_no_case_field():
    assert classify("Mødedato | 12-01-2024 | Mødested: Rådhuset").field is None
    assert classify("Åben sag | Sagsbehandler: ANHA").field is None


def test_a_case_number_before_a_code_stays_the_case_number():
    info = classify("Sagsnr.: 2003/09822   J.nr.: 00.30.00S00")
    assert info.field == "case_number" and info.value == "2003/09822"
    info = classify("J.nr.: 00.30.00S00   Sagsnr.: 2003/09822")
    assert info.field == "case_number" and info.value == "2003/09822"


def test_absence_wordings_name_the_absent():
    assert [p.name for p in absences_in_line("Meldt forfald: Anne Lund (V), Bo Kragh (S)") or []] == ["Anne Lund", "Bo Kragh"]
    found = absences_in_line("Alle medlemmer var til stede undtagen Anne Lund (A) og Bo Kragh (V).") or []
    assert [(p.name, p.party) for p in found] == [("Anne Lund", "A"), ("Bo Kragh", "V")]


def test_all_present_without_exception_names_nobody_absent():
    assert not absences_in_line("Alle medlemmer var til stede.")
    assert not absences_in_line("Alle var enige undtagen på ét punkt.")


def _parties(text: str) -> list[str | None]:
    return [d.party for d in find_dissents(text)]


def test_counts_before_the_party_letters_give_the_losing_side():
    assert _parties("Godkendt med 12 stemmer for (A, V, C) og 4 stemmer imod (Ø, F).") == ["Ø", "F"]
    assert _parties("Vedtaget med 11 stemmer mod 2 (SF).") == ["F"]
    assert _parties("Godkendt med 20 stemmer for og 3 imod (Ø, O og Nye Borgerlige).") == ["Ø", "O", "D"]


def test_a_rejected_proposal_is_dissented_by_those_who_voted_for_it():
    assert _parties("Forslaget blev forkastet med 2 stemmer for (Ø, F) og 19 stemmer imod (A, V).") == ["Ø", "F"]
    assert _parties("Indstillingen blev forkastet med 15 stemmer imod og 6 for. For stemte: A og F.") == ["A", "F"]


def test_the_winning_side_and_a_tie_dissent_nobody():
    assert _parties("Vedtaget med 15 stemmer for (A, V, C).") == []
    assert _parties("Forslaget faldt med 9 stemmer for (A, F) og 9 stemmer imod (V, C).") == []
    assert _parties("Godkendt. For stemte: A og V.") == []


def test_a_minority_of_a_letter_and_a_party_name():
    assert sorted(_parties("Et mindretal bestående af O og Nye Borgerlige (D) stemte imod.")) == ["D", "O"]
    named = find_dissents("Et mindretal bestående af Anne Lund (O) og Bo Kragh (D) stemte imod.")
    assert sorted((d.name, d.party) for d in named) == [("Anne Lund", "O"), ("Bo Kragh", "D")]


def test_an_earlier_body_of_several_words_heads_its_recommendation():
    for line, body in (("Teknisk Udvalgs indstilling af 12.04.2005:", "Teknisk Udvalg"),
                       ("SOCIALT UDVALGS INDSTILLING 03.05.2005:", "SOCIALT UDVALG"),
                       ("Børne- og Ungeudvalgets indstilling af 02.03.2005:", "Børne- og Ungeudvalget")):
        heading = match_heading(line)
        assert heading is not None and heading.key == "decision" and heading.body == body and heading.date


def test_a_genitive_that_names_no_body_heads_nothing():
    assert match_heading("Sagens indstilling af 12.04.2005:") is None
    assert match_heading("Borgerens indstilling af 12.04.2005:") is None


def test_section_words_economy_and_the_case():
    assert match_heading("Økonomi/finansiering").key == "economy"  # type: ignore[union-attr]
    assert match_heading("Sagen").key == "presentation"  # type: ignore[union-attr]


def test_sagen_heads_a_section_only_alone_on_its_line():
    assert match_heading("Sagen blev udsat.") is None
    assert match_heading("SagenKommunen har modtaget en ansøgning.") is None
    assert match_heading("Sagen Økonomiudvalget") is None


def test_sag_with_a_colon_and_a_case_number_stays_a_case_field():
    info = classify("Sag: 22/14552")
    assert info.kind is Kind.FIELD and info.value == "22/14552"
    assert classify("Sag: 57 Ny legeplads i Østerby").number == "57"


def test_a_status_label_before_the_open_closed_word_marks_the_item():
    info = classify("Status       Åbent")
    assert info.kind is Kind.PUBLIC and info.public is True
    assert classify("Sagsstatus: Lukket").public is False


def test_status_words_in_a_sentence_or_title_mark_nothing():
    assert classify("Status på projektet").kind is Kind.TEXT
    assert classify("Status for åbent byggeri").kind is Kind.TEXT


def test_a_label_row_and_its_value_row_become_label_value_lines():
    lines, title_at = label_rows(["Dato Tid Sted", "3. maj 2022 kl. 16:00 Rådhuset", "", "1. Punkt"], 3)
    assert lines == ["Dato: 3. maj 2022", "Tid: kl. 16:00", "Sted: Rådhuset", "", "1. Punkt"] and title_at == 4


def test_a_value_row_that_does_not_fit_its_labels_is_left_as_printed():
    printed = ["Dato Tid Sted", "Rådhuset, mødesal 2", ""]
    assert label_rows(printed, 3) == (printed, 3)  # no date where the date belongs
    printed = ["Mødested Udvalg", "Rådhuset Byrådet", ""]
    assert label_rows(printed, 3) == (printed, 3)  # two text values: their border is unknown


def test_an_outcome_word_in_reported_news_does_not_beat_the_closing_phrase():
    text = "Borgmesteren meddelte, at ministeriet har bevilget 3 mio. kr. til en ny cykelsti.\nTil efterretning."
    assert classify_outcome(text) == "noted"
    assert classify_outcome("Direktøren orienterede om, at tilskuddet er godkendt af staten.") == "other"


def test_the_bodys_own_outcome_still_counts_beside_reported_news():
    assert classify_outcome("Godkendt. Borgmesteren oplyste, at tilskuddet er bevilget.") == "approved"
    assert classify_outcome("Bevilget som ansøgt.") == "approved"


def test_the_date_ending_test_never_hides_a_body_and_date_line():
    """body_date_heading reads body_date_alone only on a line that ends like a date (headings._ends_like_a_date):
    wherever the pattern matches a stripped line, on the seed fixtures and on lines that end in each date form,
    with white space and a colon after it, the test lets the line through."""
    from pathlib import Path

    from referat_parser.lexicon import patterns as P
    from referat_parser.lexicon.headings import _ends_like_a_date

    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    lines = {line.strip() for path in fixtures.glob("*.txt") for line in path.read_text(encoding="utf-8").splitlines()}
    dates = ["02-03-2021", "3. maj 2021", "maj 3, 2019", "2021-03-02", "15/3-2010", "9/3 10", "3.2.21", "١٥-٠٣-٢٠٢١"]
    made = [f"Byrådet {date}{tail}".strip() for date in dates for tail in ("", ":", " :", "\t:", "  ", ".", " kl. 17")]
    matched = [line for line in sorted(lines) + made if line and P.body_date_alone.match(line)]
    assert len(matched) >= len(dates)
    for line in matched:
        assert _ends_like_a_date(line), line
    assert not _ends_like_a_date("Byrådet godkendte indstillingen.")
