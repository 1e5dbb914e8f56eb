"""Item numbering and segmentation: where items start, what their titles are, and which numbered lines
are lists inside an item. Snippets written for these tests."""

from referat_parser import parse_text

HEAD = "Referat\nTeknik- og Miljøudvalget\nMødedato: 02-05-2023\n\n"


def test_a_section_whose_text_is_the_items_title_keeps_its_heading():
    text = HEAD + ("1. Godkendelse af dagsorden\nBeslutningstema\nGodkendelse af dagsorden\nSagsfremstilling\n"
                   "Udvalget godkender dagsordenen.\nBeslutning\nGodkendt.\n")
    item = parse_text(text).items[0]
    assert [s.heading for s in item.sections] == ["Beslutningstema", "Sagsfremstilling", "Beslutning"]


def test_a_title_printed_again_under_its_number_is_still_a_repeat():
    text = HEAD + ("Pkt. 5 Vejbelysning\n\nPkt. 5\n\nVejbelysning\n\nSagsnr. 23/500\n\nSagsfremstilling\nLamperne udskiftes."
                   "\n\nBeslutning\nGodkendt.\n")
    item = parse_text(text).items[0]
    assert (item.number, item.title, item.case_number) == ("5", "Vejbelysning", "23/500")
    assert [s.heading for s in item.sections] == ["Sagsfremstilling", "Beslutning"]
    assert item.sections[0].text == "Lamperne udskiftes."


def test_a_title_under_its_number_may_end_in_a_full_stop():
    text = HEAD + ("• 1\nHavnefront - ansøgning om udeservering m.m.\nSagsid.: 23/700\nIndstilling\n"
                   "Administrationen indstiller, at ansøgningen imødekommes.\nBeslutning\nGodkendt.\n")
    item = parse_text(text).items[0]
    assert (item.number, item.title, item.case_number) == ("1", "Havnefront - ansøgning om udeservering m.m.", "23/700")


def test_a_long_sentence_under_a_number_is_no_title():
    sentence = ("Administrationen har gennemgået ansøgningen og vurderer, at den kan imødekommes, når de vilkår "
                "der er beskrevet i bilaget overholdes af ansøgeren i hele perioden.")
    text = HEAD + f"Punkt 1\n{sentence}\nSagsid.: 23/700\nBeslutning\nGodkendt.\n"
    assert parse_text(text).items[0].title != sentence


def test_a_full_stop_still_ends_a_sentence_elsewhere():
    from referat_parser.lexicon.titles import is_title_like

    assert not is_title_like("Havnefront - ansøgning om udeservering m.m.")
    assert is_title_like("Havnefront - ansøgning om udeservering m.m.", under_number=True)


def test_a_document_title_numbered_00_is_no_item_and_contents_numbers_stand_above_their_entries():
    text = ("00 Referat uden bilag - Østerby Kommune\n\nReferat\nØkonomiudvalget\nMødedato: 02-05-2023\n\n"
            "Sagsoversigt\n01.\nGodkendelse af dagsorden ..................... 3\n"
            "02.\nBudgetopfølgning ........................... 4\n")
    meeting = parse_text(text)
    assert [item.number for item in meeting.items] == []
    assert [(e.number, e.title, e.page) for e in meeting.toc] == [("1", "Godkendelse af dagsorden", 3),
                                                                  ("2", "Budgetopfølgning", 4)]


def test_items_numbered_from_0_are_items():
    text = HEAD + "0. Meddelelser\nIngen.\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n"
    assert [item.number for item in parse_text(text).items] == ["0", "1", "2"]
