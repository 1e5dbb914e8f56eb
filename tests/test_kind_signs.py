"""The kind of document (issue 9, family 1): a meeting header makes minutes even when the items'
bodies are not in the text; one item without one is an agenda item's page; a page that is no
meeting document is not minutes and keeps only what a header label printed. Invented snippets."""

import pytest

from referat_parser import parse_text

ONE_ITEM = """1. Godkendelse af dagsorden
Sagsfremstilling
Forvaltningen forelægger dagsordenen.
Beslutning
Godkendt.
"""


@pytest.mark.parametrize("head", [
    # a member list under a label of its own, then an absence label
    "Referat\nTorsdag den 22. oktober 2020 kl. 17:00\nMødested: Havnestuen\nMedlemmer: Anne Hansen (A), Bo Holm (V)\n"
    "Afbud fra: Bo Holm (V)\n",
    "Referat for Byrådet møde den 12. august 2019\nTilstede:\nAnne Hansen\nBo Holm\nFraværende:\nCarl Berg\n",
    "Byrådet\nMødedeltagere\n\nAnne Hansen, Bo Holm, Carl Berg\n",
    "Udvalg: Byudvalget\nDato: Mandag den 5. december 2016\nIndkaldelse :\n • Formand Anne Hansen (A)\n • Bo Holm (F)\n",
    # a statement that all members attended
    "Referat\ntil\nmødet i regionsrådet\nden 15. december 2017 kl. 16:00\n\nAlle medlemmer var mødt.\n",
    # a list marker before the items, or a contents heading
    "Udvalg: Byrådet\nMødedato: 29-08-2019\nSagspunkter der blev behandlet på mødet:\n",
    "UDVALG\nByrådet\nPUNKTER\n",
    "Referat\ntil\nmødet i Økonomiudvalget\nden 26. april 2017\nA. Sager til afgørelse i byrådet\n",
    "Byrådet\nIndholdsfortegnelse\n",
    # a page transcript's run of fields
    "1 Økonomiudvalg Referat Møde 22. marts 2011 kl. 08:00 Afbud fra/fraværende: - Mødet hævet kl\n",
    "1 Referat Byrådet Mødedato: Torsdag den Mødested: Byrådssalen Afbud: Fraværende: Bemærkninger:\n",
])
def test_one_item_under_a_meeting_header_is_minutes(head):
    assert parse_text(head + "\n" + ONE_ITEM).kind == "minutes"


@pytest.mark.parametrize("head", [
    "Mødedato: 22.04.2021, kl. 17:30\nMødested: Telefonmøde via Teams\n",
    "Referat Nordby Byråd 11-09-2019\n",
    "Dato: |\n27-02-2018 19:00:00 |\nUdvalg: |\nByrådet |\nSted: |\nByrådssalen |\n",
    "",
])
def test_one_item_with_a_date_and_place_only_is_an_agenda_item(head):
    assert parse_text(head + "\n" + ONE_ITEM).kind == "agenda_item"


def test_an_attendance_block_under_the_item_title_is_the_items():
    text = ("2. Godkendelse af dagsorden\n\nMødet sluttede kl. 21.33\n\nFraværende med afbud:\nAnne Hansen, Bo Holm\n\n"
            "Sagsfremstilling\nForvaltningen forelægger dagsordenen.\nBeslutning\nGodkendt.\n")
    assert parse_text(text).kind == "agenda_item"


HEADER_ONLY = """Byrådet
Godkendt referat
mandag den 7. maj 2007 kl. 17:00 -
Det gamle Rådhus

Indholdsfortegnelse

181.

Overførsel af bevillinger

182.

Lånepulje
"""


def test_a_header_and_contents_without_item_bodies_are_minutes():
    meeting = parse_text(HEADER_ONLY)
    assert (meeting.kind, meeting.committee, meeting.date, meeting.start_time, meeting.location) == (
        "minutes", "Byrådet", "2007-05-07", "17:00", "Det gamle Rådhus")
    assert meeting.items == []


def test_two_labelled_fields_without_items_are_minutes():
    meeting = parse_text("Dagsordener og referater\n\nUdvalg: Kommunalbestyrelsen\n\nMødedato: 25-03-2021 18:00:00\n\nHent PDF\n")
    assert (meeting.kind, meeting.committee, meeting.date, meeting.start_time) == (
        "minutes", "Kommunalbestyrelsen", "2021-03-25", "18:00")


NEWS = """Byrådet har besluttet...

03. september 2019

På byrådsmødet mandag den 2. september vedtog byrådet en lokalplan for et nyt boligområde.

Byrådet godkendte også en ansøgning om en kommunegaranti.
"""


def test_a_news_page_is_not_minutes_and_gets_no_committee_from_prose():
    meeting = parse_text(NEWS)
    assert (meeting.kind, meeting.committee, meeting.date) == ("not_minutes", None, None)


def test_a_numbered_list_without_pages_or_contents_heading_is_no_sign():
    text = "Oplæg til budgetseminar\n\n1. Baggrund\n2. Balancen\n3. Næste skridt\n\nVi ser ind i et stramt budget.\n"
    assert parse_text(text).kind == "not_minutes"


def test_a_page_that_is_not_minutes_keeps_what_a_label_printed():
    meeting = parse_text("Velkommen til kommunens side om politik\n\nUdvalg: Børneudvalget\n\nHer kan du læse om udvalgets arbejde.\n")
    assert (meeting.kind, meeting.committee) == ("not_minutes", "Børneudvalget")


@pytest.mark.parametrize("menu", ["Politik\nMedlemmer\nSager\nKontakt\n", "Forside\nMedlemmer\n\nUdvalg: Byrådet\n"])
def test_menu_words_are_no_signs(menu):
    assert parse_text(menu + "\n" + ONE_ITEM).kind == "agenda_item"


def test_a_page_that_starts_with_its_item_title():
    assert parse_text(ONE_ITEM).kind == "agenda_item"
