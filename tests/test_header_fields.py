"""Header fields (municipality, date, time, place, committee), each shown by a short snippet."""

import pytest

from referat_parser import parse_text
from referat_parser.extract.municipality import find_municipality
from referat_parser.lexicon.data import municipalities

CAPS_LETTERHEAD = """MIDDELFART KOMMUNE

Økonomiudvalget

Beslutningsprotokol

Mødedato: d. 15/3-2010
Mødetidspunkt: Kl. 8.00

1. Godkendelse af dagsorden
Beslutning
Godkendt.
"""


def test_capitals_letterhead_and_day_month_year_date():
    meeting = parse_text(CAPS_LETTERHEAD)
    assert (meeting.municipality, meeting.date, meeting.start_time) == ("Middelfart", "2010-03-15", "08:00")


@pytest.mark.parametrize("form", sorted(municipalities()))
def test_every_municipality_in_capitals(form):
    assert find_municipality(f"Referat\n{form.upper()} KOMMUNE\nByrådet") == municipalities()[form]


@pytest.mark.parametrize(
    ("text", "name"),
    [("KØBENHAVNS KOMMUNE", "København"), ("HØJE-TAASTRUP KOMMUNE", "Høje-Taastrup"),
     ("BORNHOLMS REGIONSKOMMUNE", "Bornholm"), ("ÆRØ KOMMUNE", "Ærø"), ("Tønder KOMMUNE", "Tønder")],
)
def test_capitals_forms(text, name):
    assert find_municipality(text) == name


@pytest.mark.parametrize(
    "text",
    ["REFERAT FRA BYRÅDSMØDET", "BESLUTNING I KOMMUNALBESTYRELSEN", "DEN NYE KOMMUNE", "FANØ\nKommunen har modtaget",
     "SAMLET FOR KOMMUNEN"],
)
def test_capitals_words_are_not_municipalities(text):
    assert find_municipality(text) is None


INLINE_PLACE = """REFERAT

Teknik- og Miljøudvalget

Onsdag d. 4. okt. 2023 kl. 15.30 i mødelokale 2, Holstebro Rådhus, Kirkestræde 11

1 - Godkendelse af dagsorden

Beslutning
Godkendt.
"""


def test_place_after_the_time_in_the_date_line():
    meeting = parse_text(INLINE_PLACE)
    assert (meeting.date, meeting.start_time, meeting.location) == (
        "2023-10-04", "15:30", "mødelokale 2, Holstebro Rådhus, Kirkestræde 11")


def test_prose_after_the_time_is_no_place():
    meeting = parse_text(INLINE_PLACE.replace("i mødelokale 2, Holstebro Rådhus, Kirkestræde 11",
                                              "i forlængelse af budgetmødet"))
    assert meeting.location is None


STAMPED = """Byrådet
Publiceret 2. maj 2021 kl. 06.00
Referat
Mandag den 3. maj 2021 kl. 17.00
Mødested: Byrådssalen

1. Godkendelse af dagsorden
Beslutning
Godkendt.
"""


def test_a_publication_stamp_is_not_the_meeting():
    meeting = parse_text(STAMPED)
    assert (meeting.date, meeting.start_time) == ("2021-05-03", "17:00")


NEWS = """LOKALPOLITIK

Byrådet lukker skolen i Nørreby

Efter lang debat besluttede Byrådet at lukke skolen fra sommerferien.

Af Anne Skov
24. november 2023 kl. 06.00

Byrådet behandlede torsdag den 23. november 2023 klokken 19.00 sagen om skolestrukturen.
"""


def test_an_article_about_a_meeting_has_no_meeting_header():
    meeting = parse_text(NEWS)
    assert meeting.kind == "not_minutes"
    assert (meeting.committee, meeting.date, meeting.start_time, meeting.location) == (None, None, None, None)


def test_a_stamp_word_without_a_date_keeps_the_line():
    meeting = parse_text(STAMPED.replace("Publiceret 2. maj 2021 kl. 06.00\n", "").replace(
        "Mandag den 3. maj 2021 kl. 17.00", "Opdateret dagsorden til mødet den 3. maj 2021 kl. 17.00"))
    assert (meeting.date, meeting.start_time) == ("2021-05-03", "17:00")


MAIL = """Fra: Seniorrådet, Nordby Kommune
Sendt: 22. april 2014 09:41
Til: Seniorrådets medlemmer
Emne: Referat fra mødet 14.4.14

Hermed referatet.

REFERAT AF SENIORRÅDETS MØDE
mandag d. 14/4-14 kl. 10.00 i mødelokale 3, Rådhuset, Torvet 1

1. Godkendelse af dagsorden
Beslutning: Godkendt.
"""


def test_an_email_header_is_not_the_meeting():
    meeting = parse_text(MAIL)
    assert (meeting.date, meeting.start_time, meeting.location) == (
        "2014-04-14", "10:00", "mødelokale 3, Rådhuset, Torvet 1")


def test_a_lone_label_like_mail_line_is_kept():
    meeting = parse_text("Byrådet\n\nTil: mødet mandag den 3. marts 2014 kl. 17.00\n\n" + MAIL.split("\n\n", 3)[3])
    assert (meeting.date, meeting.start_time) == ("2014-03-03", "17:00")


SHORT_DATE = """Børne- og Familieudvalget
mandag den 3/2 2020 kl. 16
Mødested: Udvalgsværelse 2

Punkt 1: Godkendelse af dagsorden
Beslutning
Godkendt.
"""


def test_day_month_year_after_den_and_an_hour_only_time():
    meeting = parse_text(SHORT_DATE)
    assert (meeting.date, meeting.start_time) == ("2020-02-03", "16:00")


PLACE_BELOW = """Kommunalbestyrelsen
Referat
Mødedato
12.05.2022 17:00
Mødeleder
Anne Berg
Referent
Ole Dam
Mødested
Rådssalen, Rådhuset, Torvegade 4, Nordby
Fraværende
Per Hansen

1. Godkendelse af dagsorden
Beslutning
Godkendt.
"""


def test_place_on_the_line_below_its_label():
    assert parse_text(PLACE_BELOW).location == "Rådssalen, Rådhuset, Torvegade 4, Nordby"


def test_a_label_below_a_lone_place_label_is_no_place():
    assert parse_text(PLACE_BELOW.replace("Rådssalen, Rådhuset, Torvegade 4, Nordby\n", "")).location is None


@pytest.mark.parametrize("second", ["Mødet hævet: Kl. 21.15", "Mødetid: 17.00", "Sluttidspunkt: 20:30", "Dato: 3. maj 2021"])
def test_place_stops_at_a_second_column_label(second):
    text = STAMPED.replace("Mødested: Byrådssalen", f"Mødested: Byrådssalen, Rådhuset               {second}")
    assert parse_text(text).location == "Byrådssalen, Rådhuset"


def test_a_former_municipality_names_pre_2007_minutes():
    """Archives of minutes from before the 2007 reform name municipalities that no longer exist, in
    capitals on a letterhead too."""
    text = "EGEBJERG KOMMUNE\nKommunalbestyrelsen\nReferat af mødet den 4. marts 2002\n"
    assert find_municipality(text) == "Egebjerg"
    assert find_municipality("Referat fra Aabybro Byråds møde") == "Aabybro"
    assert find_municipality("Referat fra Åbybro Byråds møde") == "Aabybro"  # the other spelling
