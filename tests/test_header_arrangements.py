"""Header fields in every arrangement the meeting systems print (issue 9, family 2), and the
plausibility checks that make a refused value fall through to the next candidate (family 7).
Every snippet is invented; each rule has a case where it must find the value and one where it
must stay quiet."""

import pytest

from referat_parser import parse_text
from referat_parser.lexicon.dates import find_date, find_time
from referat_parser.resolve import PLAUSIBLE

ITEM = "\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n2. Budget 2024\nBeslutning\nVedtaget.\n"


def header(text: str):
    return parse_text(text + ITEM)


# --- labels: next line, glued, upper case, table cells ---------------------------------------------

UPPER_BLOCK = """UDVALG

Teknik- og Miljøudvalget

MØDE

Referat

STED

Mødelokale 3, Nordby Rådhus

STARTTIDSPUNKT

04-06-2020 09:00:00

SLUTTIDSPUNKT

04-06-2020 11:00:00
"""


def test_upper_case_labels_with_the_value_on_the_next_line():
    meeting = header(UPPER_BLOCK)
    assert (meeting.committee, meeting.location, meeting.date, meeting.start_time, meeting.end_time) == (
        "Teknik- og Miljøudvalget", "Mødelokale 3, Nordby Rådhus", "2020-06-04", "09:00", "11:00")


def test_a_label_word_is_never_the_committee():
    # 'UDVALG' alone would be read as a body by the meeting-line rule; it is refused and the body under
    # the label is taken.
    meeting = header(UPPER_BLOCK.replace("Teknik- og Miljøudvalget", "Byrådet"))
    assert meeting.committee == "Byrådet"
    assert header("UDVALG\n\nMØDE\n\nReferat\n").committee is None


def test_labels_glued_to_their_values():
    meeting = header("Referat\nOnsdag d. 1 december 2021\nMødestedRådssalen\nUdvalgKommunalbestyrelsen\n")
    assert (meeting.committee, meeting.location, meeting.date) == ("Kommunalbestyrelsen", "Rådssalen", "2021-12-01")


def test_a_word_that_begins_like_a_label_is_no_label():
    meeting = header("Referat\nOnsdag d. 1 december 2021\nUdvalgsformand Ole Berg åbnede mødet.\nStedfortræder: Ole Berg (A)\n")
    assert (meeting.committee, meeting.location) == (None, None)


TABLE = """Dagsorden eller referat
Dato: |
27-02-2018 19:00:00 |
---|---|
Udvalg: |
Byrådet |
Sted: |
Byrådssalen |
Pdf: |
|
"""


def test_table_cells_printed_as_text():
    meeting = header(TABLE)
    assert (meeting.committee, meeting.location, meeting.date, meeting.start_time) == (
        "Byrådet", "Byrådssalen", "2018-02-27", "19:00")


def test_an_empty_table_cell_is_no_value():
    meeting = header(TABLE.replace("Byrådssalen |\n", "|\n").replace("Byrådet |\n", "|\n"))
    assert (meeting.committee, meeting.location) == (None, None)


def test_place_label_variant_on_its_own_line():
    meeting = header("Byrådet\nMøde lokation\n\nDet gamle Rådhus\n\nMandag den 7. maj 2007 kl. 17:00\n")
    assert meeting.location == "Det gamle Rådhus"


# --- dates ---------------------------------------------------------------------------------------

def test_a_labelled_date_beats_a_date_in_site_text_before_it():
    text = ("Læs referater til og med den 10. februar 2016\n\nUdvalg: Byudvalget\n\nDato: Mandag den 05. december 2016\n\n"
            "Tid: Kl. 18:30\n")
    meeting = header(text)
    assert (meeting.date, meeting.start_time) == ("2016-12-05", "18:30")


def test_a_date_label_without_colon_and_a_viewer_stamp():
    meeting = header("16.07.2013 Views\n\nØKONOMIUDVALGET\nMødested Rådhuset Mødelokale 3\nMødedato Onsdag den 23. maj 2012\n")
    assert (meeting.date, meeting.location) == ("2012-05-23", "Rådhuset Mødelokale 3")


def test_a_viewer_stamp_alone_is_no_meeting_date():
    assert header("16.07.2013 Views\n\nØkonomiudvalget\n").date is None


def test_us_date_and_twelve_hour_clock():
    meeting = header("Udvalg: Byrådet\nMødedato: 8/29/2019 4:00:00 PM\n")
    assert (meeting.date, meeting.start_time) == ("2019-08-29", "16:00")


@pytest.mark.parametrize(("text", "iso"), [("8/29/2019", "2019-08-29"), ("8/9/2019 9:30 AM", "2019-08-09"),
                                           ("8/9/2019", "2019-09-08"), ("13/06/2023", "2023-06-13")])
def test_month_first_only_when_the_day_first_reading_fails_or_a_clock_says_so(text, iso):
    assert find_date(text) == iso


@pytest.mark.parametrize(("text", "clock"), [("4:00:00 PM", "16:00"), ("12:30 PM", "12:30"), ("12:15 AM", "00:15"),
                                             ("kl. 9.30 i salen", "09:30")])
def test_twelve_hour_clocks(text, clock):
    assert find_time(text) == clock


def test_a_date_inside_a_sentence_comes_after_the_other_dates():
    text = "Byrådet\n\nReferaterne lægges på hjemmesiden senest den 3. maj 2021 efter mødet i byrådet.\n\n4. maj 2021\n"
    assert header(text).date == "2021-05-04"
    assert header("Byrådet\n\nMødet holdes mandag den 3. maj 2021 kl. 17.00 i salen på det gamle rådhus.\n").date == "2021-05-03"


def test_place_segment_only_on_a_line_about_the_meeting():
    assert header("Kontakt Rådhuset\n\nByrådet 3. maj 2021\n").location is None


def test_committee_by_position_is_no_meeting_kind():
    assert header("Referat\nÅbent møde\n06-10-2016 13:00\n").committee is None


# --- start time ----------------------------------------------------------------------------------

@pytest.mark.parametrize("line", ["Starttidspunkt: Kl. 17:00 Sluttidspunkt: Kl. 19:25",
                                  "Dato: 22. januar 2019 Start kl.: 17:00 Slut kl.: 20:00",
                                  "Dato 8. september 2014 Mødetidspunkt 17:00 Sluttidspunkt 18:05"])
def test_start_time_on_a_line_that_also_prints_the_end(line):
    assert header(f"Byrådet\nMødedato: 22. januar 2019\n{line}\n").start_time == "17:00"


def test_an_end_phrase_gives_no_start_time():
    meeting = header("Byrådet\nMødedato: 22. januar 2019\nMødet sluttede kl. 21.33\n")
    assert (meeting.start_time, meeting.end_time) == (None, "21:33")


def test_a_kl_time_on_a_line_about_the_meeting():
    assert header("Social og sundheds møde den 17. april 2023\n\nEkstraordinært møde - Mødelokale F7 kl. 12.00\n").start_time == "12:00"
    assert header("Byrådet 17. april 2023\n\nBørnene fejrer fastelavn kl. 12.00\n").start_time is None


# --- place ---------------------------------------------------------------------------------------

def test_a_kind_of_meeting_after_the_place_is_not_part_of_it():
    text = "Referat\ntil\nmødet i Byrådet den 5. november 2019 kl. 17:00 i Mødesalen, Nordby - Ekstraordinært\n"
    assert header(text).location == "Mødesalen, Nordby"


def test_a_dash_inside_a_place_is_kept():
    text = "Referat\ntil\nmødet i Byrådet den 5. november 2019 kl. 17:00 i Mødesalen - Filsø, Nordby\n"
    assert header(text).location == "Mødesalen - Filsø, Nordby"


def test_an_i_line_under_the_date_line_is_the_place():
    text = "Referat\ntil\nmødet i Økonomiudvalget\nden 26. april 2017 kl. 08:30\ni Økonomiudvalgsværelset\n"
    meeting = header(text)
    assert (meeting.committee, meeting.location) == ("Økonomiudvalget", "Økonomiudvalgsværelset")


def test_an_i_line_elsewhere_is_no_place():
    text = "Referat\ntil\nmødet i Økonomiudvalget\nden 26. april 2017 kl. 08:30\n\nOrientering\ni Økonomiudvalget\n"
    assert header(text).location is None


@pytest.mark.parametrize(("line", "place"), [
    ("Erhvervsudvalget. Referat. Dato 8. september 2014 Mødetidspunkt 16:00 Sluttidspunkt 18:05. Lokale 1, Nordby Rådhus",
     "Lokale 1, Nordby Rådhus"),
    ("Åben beslutningsprotokol 25. juni 2007 kl. 10:00 Lokale D116, Nordby Rådhus Afbud: Anne Hansen", "Lokale D116, Nordby Rådhus"),
    ("Ekstraordinært møde 3. maj 2023 - Mødelokale F7 kl. 12.00", "Mødelokale F7"),
])
def test_a_place_inside_a_run_of_fields(line, place):
    assert header(f"Økonomiudvalget\n{line}\n").location == place


def test_a_run_of_fields_without_a_place_word_gives_no_place():
    assert header("Økonomiudvalget\nReferat. Dato 8. september 2014 Mødetidspunkt 16:00. Alle var enige\n").location is None


# --- committee -----------------------------------------------------------------------------------

def test_lower_case_body_in_a_meeting_line():
    assert header("Referat byrådet 31. oktober 2018\n").committee == "byrådet"


def test_lower_case_body_word_in_prose_is_no_meeting_line():
    assert header("Mødet i byrådet blev aflyst 31. oktober 2018\n").committee is None


@pytest.mark.parametrize(("line", "name"), [("Plan & Kulturudvalget - 27-08-2019", "Plan & Kulturudvalget"),
                                            ("Det fælles landdistriktsråd - Dagsordener og referater", "Det fælles landdistriktsråd"),
                                            ("Udvalget for plan, udvikling og kultur (PUK)", "Udvalget for plan, udvikling og kultur (PUK)")])
def test_committee_names_beyond_the_body_pattern(line, name):
    assert header(f"{line}\nMødedato: 27. august 2019\n").committee == name


def test_genitive_meeting_line():
    assert header("Social og sundheds møde den 17. april 2023\n\nReferat\n").committee == "Social og sundhed"
    assert header("Børnenes møde med borgmesteren var en succes\n\nReferat\n").committee is None


def test_committee_by_position_under_the_document_word():
    meeting = header("Tværgående møder\nReferat\nDigitaliseringsgruppen\n06-10-2016 13:00\nDato: 6. oktober 2016\n")
    assert meeting.committee == "Digitaliseringsgruppen"
    assert header("Referat\nGodkendt af formanden.\n06-10-2016 13:00\n").committee is None
    assert header("Referat\nNordby Skoles testudvalg\n06-10-2016 13:00\n").committee == "Nordby Skoles testudvalg"


@pytest.mark.parametrize("line", ["Godkendt", "Udkast", "Kommunen", "Hanne Jensen"])
def test_a_line_under_the_document_word_names_a_body_only_when_it_reads_as_one(line):
    assert header(f"Referat\n{line}\n3. april 2024\n").committee is None


@pytest.mark.parametrize("line", ["Næste møde: Tidspunkt: 8. april 2024 kl. 19.00",
                                  "Bemærkninger: Næste møde Dato 8. april 2024"])
def test_a_label_inside_another_field_s_value_is_not_the_meeting_s(line):
    meeting = header(f"Byrådet\nReferat fra mødet mandag den 4. marts 2024 kl. 17.00\n{line}\n")
    assert (meeting.date, meeting.start_time) == ("2024-03-04", "17:00")


def test_labels_in_a_run_of_fields_on_one_line_are_read():
    meeting = header("1 Byrådet DAGSORDEN Sted: Mødelokale 4, rådhuset Dato: Tirsdag den 30. april 2013 Tid: 18:30\n")
    assert (meeting.date, meeting.start_time) == ("2013-04-30", "18:30")


def test_the_municipality_s_address_in_the_letterhead_is_no_meeting_place():
    text = ("Nordby Kommune\nAdresse: Torvet 1, 8999 Nordby\nTelefon: 70 00 00 00\n\nReferat\nByrådet\n"
            "Mødedato: 4. marts 2024\nMødested: Byrådssalen\n")
    assert header(text).location == "Byrådssalen"
    assert header("Nordby Kommune\nAdresse: Torvet 1, 8999 Nordby\n\nReferat\nByrådet\nMødedato: 4. marts 2024\n").location is None


def test_navigation_that_lists_bodies_names_no_committee():
    text = "Byråd og udvalg\nReferat (29. august 2017)\n\n1. Godkendelse af dagsorden\nBeslutning Byrådet den 29-08-2017\nGodkendt.\n"
    assert parse_text(text + "\n2. Budget\nBeslutning Byrådet den 29-08-2017\nVedtaget.\n").committee == "Byrådet"


def test_committee_label_beats_a_meeting_line_and_a_body_in_prose():
    text = "Byrådet 3. maj 2021\nUdvalg: Teknisk Udvalg\nØkonomiudvalget har sendt sagen videre.\n"
    assert header(text).committee == "Teknisk Udvalg"


# --- plausibility (family 7) ----------------------------------------------------------------------

@pytest.mark.parametrize(("field", "value", "ok"), [
    ("committee", "|", False), ("committee", "UDVALG", False), ("committee", "Udvalg:", False), ("committee", "Titel", False),
    ("committee", "Byrådet", True), ("committee", "Social og sundhed", True),
    ("location", ":", False), ("location", "Sted", False), ("location", "3. maj 2021", False), ("location", "kl. 17:00", False),
    ("location", "Byrådssalen", True), ("location", "Lokale 1, Rådhuset", True),
    ("person", "Mandag Den", False), ("person", "Ole Berg 12", False), ("person", "Ole Berg", True),
    ("person", "Jan August Berg", True),  # month names are first names too
])
def test_each_field_has_one_plausibility_check(field, value, ok):
    assert PLAUSIBLE[field](value) is ok


def test_a_refused_value_falls_through_to_the_next_candidate():
    # The label's value is a table cell bar; the meeting line's body is taken instead.
    meeting = header("Økonomiudvalget 3. maj 2021\nUdvalg: -\nMødested: -\nkl. 17.00 i Byrådssalen\n")
    assert (meeting.committee, meeting.location) == ("Økonomiudvalget", "Byrådssalen")


# --- place in a page transcript's run of fields, in a flattened table, in an address block ---------

def test_a_place_label_inside_a_run_of_fields():
    line = "1 Byrådet DAGSORDEN Sted: Mødelokale 4, rådhuset Dato: Tirsdag den 22. januar 2019 Start kl.: 17:00"
    meeting = header(line + "\n")
    assert (meeting.location, meeting.date, meeting.start_time) == ("Mødelokale 4, rådhuset", "2019-01-22", "17:00")


@pytest.mark.parametrize(("line", "place"), [
    ("1 Referat Mødedato: Mandag den 6. oktober 2014 Mødested: Deltagere: Borgmesterens mødelokale Anne Hansen (V), "
     "Bo Holm (C)", "Borgmesterens mødelokale"),
    ("1 Referat Dato: 30. april 2013 Mødelokale: Medlemmer: Afbud: Byrådets mødesal Anne Hansen, Bo Holm", "Byrådets mødesal"),
    ("Byrådet Referat Mødested: Udsendelsesdato: Afbud fra: Onsdag den 15-maj-2002 Byrådets mødelokaler Fraværende: Ingen.",
     "Byrådets mødelokaler"),
])
def test_labels_in_a_run_with_their_values_after_it(line, place):
    assert header(line + "\n").location == place


def test_a_run_of_labels_without_a_place_label_gives_no_place():
    assert header("1 Referat Dato: 30. april 2013 Medlemmer: Afbud: Byrådets mødesal Anne Hansen, Bo Holm\n").location is None


ADDRESS = """Referat
Udvalget for kultur
Torsdag den 20. juni 2013
Kl. 10:30
Strandgårdens Kursuscenter
Strandvejen 46
Nordby Strand
8999 Nordby
Medlemmer
Anne Hansen (A)
"""


def test_an_address_block_under_the_date_and_time():
    assert header(ADDRESS).location == "Strandgårdens Kursuscenter, Strandvejen 46, Nordby Strand, 8999 Nordby"


def test_a_letterhead_address_above_the_date_is_no_place():
    text = "Nordby Kommune\nTorvet 1\n8999 Nordby\n\nReferat\nByrådet\nTorsdag den 20. juni 2013\n"
    assert header(text).location is None


@pytest.mark.parametrize(("value", "ok"), [("3. maj 2021", False), ("kl. 17.00", False), ("Byrådet 3. maj 2021", True),
                                           ("Budget 2022", True), ("Godkendelse af dagsorden", True)])
def test_a_title_is_no_bare_date(value, ok):
    assert PLAUSIBLE["title"](value) is ok


def test_a_members_name_is_no_item_title():
    text = ("Byrådet\nMødedato: 4. marts 2024\nFraværende: Anne Hansen (A)\n\nAnne Hansen\nSagsfremstilling\nTekst.\n"
            "Beslutning\nGodkendt.\n\nBudget 2025\nSagsfremstilling\nTekst.\nBeslutning\nGodkendt.\n")
    titles = [item.title for item in parse_text(text).items]
    assert "Anne Hansen" not in titles and "Budget 2025" in titles


def test_a_year_before_a_word_is_no_postcode():
    text = ("Mødedato: 23.08.2017, kl. 11:00\n\nFørste behandling af budget 2018 og overslagsårene 2019-2022\n\n"
            "Indstilling\nForvaltningen indstiller, at budgettet godkendes.\n")
    assert parse_text(text).items[0].title == "Første behandling af budget 2018 og overslagsårene 2019-2022"
    place = "Mødedato: 23.08.2017, kl. 11:00\n\nRådhuset, Torvet 1, 2635 Ishøj\n\nIndstilling\nTekst.\n"
    assert parse_text(place).items[0].title is None


def test_label_and_value_in_cells_of_one_row():
    meeting = header("| Udvalg | Byrådet |\n| Dato | 27-02-2018 19:00 |\n| Sted | Byrådssalen |\n")
    assert (meeting.committee, meeting.date, meeting.start_time, meeting.location) == (
        "Byrådet", "2018-02-27", "19:00", "Byrådssalen")


def test_a_row_of_other_cells_is_no_label():
    assert header("Byrådet 27-02-2018\n| Titel | Funktioner |\n| Sted for mødet skifter | Nordby |\n").location is None


COLUMNS = """Referat
Økonomiudvalget
Mødedato:
Mødetidspunkt:
Sluttidspunkt:
Mødested:
Bemærkninger:
Mandag den 16. marts 2015
Kl. 17:00
Kl. 20:45
Det Hvide Værelse, Rådhuset
Medlemmer:
Anne Berg (C)
"""


def test_a_column_of_labels_then_a_column_of_values():
    meeting = header(COLUMNS)
    assert (meeting.date, meeting.start_time, meeting.end_time, meeting.location) == (
        "2015-03-16", "17:00", "20:45", "Det Hvide Værelse, Rådhuset")


def test_a_shifted_column_leaves_a_field_empty_rather_than_wrong():
    # No value for the place: its position holds the member label, so no place is read.
    meeting = header(COLUMNS.replace("Det Hvide Værelse, Rådhuset\n", ""))
    assert (meeting.date, meeting.start_time, meeting.location) == ("2015-03-16", "17:00", None)


def test_a_label_without_value_in_a_column_is_passed_over():
    text = "Byrådet - 21-02-2022\nReferat\nUdvalg:\nDato:\nMandag, 21 februar, 2022 - 17:00\nLokation:\n"
    meeting = header(text)
    assert (meeting.committee, meeting.date, meeting.start_time) == ("Byrådet", "2022-02-21", "17:00")


@pytest.mark.parametrize(("value", "ok"), [("Mandag, 21 februar, 2022 - 17:00", False), ("Kommunalbestyrelsen 2018-21", True)])
def test_a_committee_is_no_date(value, ok):
    assert PLAUSIBLE["committee"](value) is ok


def test_a_download_title_numbered_zero_does_not_end_the_header():
    text = ("00 Referat uden bilag - Nordby Kommune\n\nReferat\nØkonomiudvalget\nMødedato: 16. marts 2015\n"
            "Mødested: Rådhuset\n\nSagsoversigt\n01.\nGodkendelse af dagsorden ....... 3\n02.\nBudget ....... 4\n")
    meeting = parse_text(text)
    assert (meeting.kind, meeting.committee, meeting.date) == ("minutes", "Økonomiudvalget", "2015-03-16")


def test_a_label_followed_by_the_next_label_has_no_value_there():
    line = "Mødested: Deltagere: Borgmesterens mødelokale Anne Hansen (V), Bo Holm (C)"
    assert header(f"Referat fra Økonomiudvalget\nMødedato: Mandag den 6. oktober 2014\n{line}\n").location == "Borgmesterens mødelokale"


ITEM_BODIES = """Sag 3: Takster for 2025
Kompetence: Byrådet
Sagsfremstilling
Forvaltningen foreslår nye takster.
Beslutning i Økonomiudvalget den 4. december 2024
Anbefales.
"""


def test_the_deciding_body_beats_the_competent_one():
    meeting = parse_text(ITEM_BODIES)
    assert meeting.committee == "Økonomiudvalget"
    only_competence = ITEM_BODIES.replace("Beslutning i Økonomiudvalget den 4. december 2024", "Beslutning")
    assert parse_text(only_competence).committee == "Byrådet"
