"""Tables of contents, language detection and the document kind, each shown by a short snippet."""

from referat_parser import parse_text

ITEMS = ("Punkt 1: Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n"
         "Punkt 2: Budget 2024\nSagsfremstilling\nForvaltningen har udarbejdet budgettet.\nBeslutning\nGodkendt.\n\n"
         "Punkt 3: Lokalplan 1045\nBeslutning\nTaget til efterretning.\n")


def _toc(text: str) -> list[tuple[str | None, str, int | None]]:
    return [(e.number, e.title, e.page) for e in parse_text(text).toc]


def _codes(text: str) -> list[str]:
    return [w.code for w in parse_text(text).warnings]


def test_dot_leader_entries_with_numbers_match_the_items():
    text = ("Byrådet\nIndholdsfortegnelse\n1. Godkendelse af dagsorden ........ 2\n2. Budget 2024 ........ 3\n"
            "3. Lokalplan 1045 ........ 5\n\n" + ITEMS)
    assert _toc(text) == [("1", "Godkendelse af dagsorden", 2), ("2", "Budget 2024", 3), ("3", "Lokalplan 1045", 5)]
    assert "toc_mismatch" not in _codes(text)
    assert [i.number for i in parse_text(text).items] == ["1", "2", "3"]


def test_right_aligned_pages_of_numbered_entries():
    text = ("Byrådet\nIndholdsfortegnelse\n1. Godkendelse af dagsorden                 2\n"
            "2. Budget 2024                 3\n3. Lokalplan 1045                 5\n\n" + ITEMS)
    assert _toc(text) == [("1", "Godkendelse af dagsorden", 2), ("2", "Budget 2024", 3), ("3", "Lokalplan 1045", 5)]
    assert "toc_mismatch" not in _codes(text)


def test_right_aligned_pages_of_unnumbered_entries_after_a_toc_heading():
    text = ("Byrådet\nIndhold\nGodkendelse af dagsorden\t2\nBudget 2024\t3\nLokalplan 1045\t5\n\n" + ITEMS)
    assert _toc(text) == [(None, "Godkendelse af dagsorden", 2), (None, "Budget 2024", 3), (None, "Lokalplan 1045", 5)]
    assert "toc_mismatch" not in _codes(text)


def test_right_aligned_pages_without_a_heading_need_a_run_of_ascending_pages():
    text = ("Byrådet\nGodkendelse af dagsorden    2\nBudget 2024    3\nLokalplan 1045    5\n\n" + ITEMS)
    assert _toc(text) == [(None, "Godkendelse af dagsorden", 2), (None, "Budget 2024", 3), (None, "Lokalplan 1045", 5)]


def test_titles_ending_in_a_number_are_not_pages():
    # A list of items before their bodies: titles end in years and plan numbers, not ascending pages.
    text = "Byrådet\n1. Budget 2024\n2. Lokalplan 1045\n3. Vejnavne i område 12\n\n" + ITEMS
    assert _toc(text) == [("1", "Budget 2024", None), ("2", "Lokalplan 1045", None), ("3", "Vejnavne i område 12", None)]
    # Item titles and section lines ending in a number are not contents entries.
    assert _toc(ITEMS) == []
    body = ("Punkt 1: Budget\nSagsfremstilling\nUdgifter til drift 12\nUdgifter til anlæg 15\nI alt 27\n"
            "Beslutning\nGodkendt.\n")
    assert _toc(body) == []
    assert "I alt 27" in parse_text(body).items[0].sections[0].text


def test_short_norwegian_meeting_plan_is_norwegian():
    text = ("Møteplan for kommunestyret og formannskapet\nHer finner du saksliste og møteprotokoll for møtene.\n"
            "Kommunestyret\nTorsdag 15. februar 2024 kl. 10.00 - Rådhuset\nSaksliste | Møteprotokoll\n")
    meeting = parse_text(text)
    assert (meeting.language, meeting.kind) == ("no", "not_minutes")


def test_norwegian_words_shared_with_danish_do_not_decide():
    # "og", "på", "ikke", "også", "kan", "skal", "kommune" are Danish as much as Norwegian.
    text = ("Bodø kommune\nMøteplan for hovedutvalg\nDet er ikke sikkert, og det kan også skje at møtet blir "
            "flyttet, og at sakslisten på møtet skal behandles senere.\n")
    assert parse_text(text).language == "no"
    danish = ("Byrådet\n1. Budget\nSagsfremstilling\nForvaltningen kan også anbefale, at sagen ikke udsættes, og at "
              "kommune og udvalget skal følge op på den.\nBeslutning\nGodkendt.\n")
    assert parse_text(danish).language == "da"


def test_short_swedish_page_is_swedish():
    text = "Kommunstyrelsen\nSammanträde den 12 mars 2024\nÄrende 4: Förslag till beslut om budget för nämnden\n"
    assert parse_text(text).language == "sv"


PRESS_RELEASE = """Nyheder
Pressemeddelelse

Byrådet har godkendt ny plan for havnen
Publiceret 3. april 2024

På byrådsmødet onsdag den 3. april 2024 kl. 19.00 godkendte byrådet planen for havnen.

Du kan læse hele sagen i referatet fra byrådsmødet på kommunens hjemmeside.

Yderligere oplysninger
Kommunikationschef Anne Hansen, tlf. 12 34 56 78
"""


def test_press_release_about_a_meeting_is_not_minutes():
    meeting = parse_text(PRESS_RELEASE)
    assert (meeting.kind, meeting.items, meeting.committee, meeting.date) == ("not_minutes", [], None, None)


def test_items_without_number_and_title_still_make_an_agenda():
    text = ("Dagsorden\nErhvervsudvalget\n17. september 2025 kl. 19:00\n\nSagsfremstilling\n"
            "Forvaltningen orienterer om status.\n\nSagsfremstilling\nUdvalget skal drøfte budgettet.\n")
    assert parse_text(text).kind == "minutes"
    single = "Byrådet\n\nSagsfremstilling\nForvaltningen orienterer om status.\n\nBeslutning\nTaget til efterretning.\n"
    assert parse_text(single).kind == "agenda_item"


def test_subheadings_inside_the_contents_do_not_end_them():
    text = ("Byrådet\nIndholdsfortegnelse\n\nÅbne sager\nPunkt 1: Godkendelse af dagsorden\nPunkt 2: Budget 2024\n\n"
            "Lukkede sager\nPunkt 3: Lokalplan 1045\n\n" + ITEMS)
    assert [number for number, _, _ in _toc(text)] == ["1", "2", "3"]
    assert "toc_mismatch" not in _codes(text)


def test_an_attachment_list_inside_an_unnumbered_item_is_not_contents():
    text = ("Byrådet\n\nSkolestruktur\nSagsfremstilling\nForvaltningen foreslår nye distrikter.\nBeslutning\nAnbefalet.\n"
            "Bilag\n1. Kort over nye distrikter\n2. Høringssvar fra Nordskolen\n3. Høringssvar fra Sydskolen\n")
    assert _toc(text) == []


def test_number_title_and_page_on_lines_of_their_own():
    text = ("Byrådet\nIndholdsfortegnelse\nPunkt\nSide\n1.\nGodkendelse af dagsorden\n2\n2.\nBudget 2024 for skoler og\n"
            "daginstitutioner\n3\n3.\nLokalplan 1045\n5\n\n" + ITEMS)
    # The clean stage drops the lone page numbers as page footers.
    assert _toc(text) == [("1", "Godkendelse af dagsorden", None), ("2", "Budget 2024 for skoler og daginstitutioner", None),
                          ("3", "Lokalplan 1045", None)]
    assert [i.number for i in parse_text(text).items] == ["1", "2", "3"]


def test_one_contents_entry_without_a_page_keeps_the_others_pages_apart():
    text = ("Byrådet\nIndholdsfortegnelse\n1.\tGodkendelse af dagsorden\t2\n2.\tBudget 2024\t3\n"
            "3.\tLokalplan 1045\n\n" + ITEMS)
    assert _toc(text) == [("1", "Godkendelse af dagsorden", 2), ("2", "Budget 2024", 3), ("3", "Lokalplan 1045", None)]
