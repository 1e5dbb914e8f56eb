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


def test_contents_under_a_column_header_row_are_no_items_and_make_a_meeting_document():
    text = ("Referat\nØkonomiudvalget\nMødedato: 02-05-2023\n\nIndholdsfortegnelse\n\nPunkt nr. Side\n\n"
            "Bilagsoversigt 3\n\n1 Meddelelser 5\n\n2 Lokalplan for Skovbrynet 6\n\n3 Budgetopfølgning 9\n")
    meeting = parse_text(text)
    assert meeting.kind == "minutes" and meeting.items == []
    assert [(e.number, e.page) for e in meeting.toc] == [(None, 3), ("1", 5), ("2", 6), ("3", 9)]
    assert (meeting.committee, meeting.date) == ("Økonomiudvalget", "2023-05-02")


def test_a_column_header_row_needs_the_page_column():
    from referat_parser.lineclass import Kind, classify

    assert classify("Punkt nr. Side").kind is Kind.TOC
    assert classify("Punkt nr.").kind is not Kind.TOC
    assert classify("Sagens titel og side").kind is not Kind.TOC


def test_a_short_text_without_contents_or_items_is_not_minutes():
    assert parse_text("Nyhed\nByrådet har vedtaget budgettet for 2024 efter en lang debat.\n").kind == "not_minutes"


def test_a_single_item_page_that_opens_with_its_decision_is_one_item():
    text = ("Referat Byrådet 04-10-2023\n\nNy strategi for cykeltrafik\n\nBeslutning\nVedtaget.\n\nResumé\n"
            "Strategien samler indsatsen.\nIndstilling\nDet indstilles, at strategien vedtages.\n")
    meeting = parse_text(text)
    assert meeting.kind == "agenda_item"
    item = meeting.items[0]
    assert (item.title, item.decision.text) == ("Ny strategi for cykeltrafik", "Vedtaget.")
    assert [s.heading for s in item.sections] == ["Beslutning", "Resumé", "Indstilling"]


def test_empty_decision_headings_do_not_close_an_item():
    text = ("Dagsorden\nUdvalg: Byrådet\nDato: 04-10-2023\n\nSagsnr.: 23/4455\nForslag\nDirektionen foreslår, at planen"
            " godkendes.\nBeslutning Byrådet den 04-10-2023\nBeslutning Økonomiudvalget den 27-09-2023\n"
            "Sagsfremstilling\nPlanen er udarbejdet i samarbejde med borgerne.\n")
    meeting = parse_text(text)
    assert meeting.kind == "agenda_item"
    assert [s.heading for s in meeting.items[0].sections] == [
        "Forslag", "Beslutning Byrådet den 04-10-2023", "Beslutning Økonomiudvalget den 27-09-2023", "Sagsfremstilling"]


def test_without_titles_an_opening_heading_after_a_decision_still_starts_the_next_item():
    text = ("Referat\nByrådet\nMødedato: 04-10-2023\n\nSagsfremstilling\nDagsordenen forelægges.\nBeslutning\nGodkendt.\n"
            "Sagsfremstilling\nBudgettet forelægges.\nBeslutning\nVedtaget.\n")
    assert [item.decision.text for item in parse_text(text).items] == ["Godkendt.", "Vedtaget."]


UNNUMBERED = ("Referat\nUdvalg: Byrådet\nMødedato: 04-10-2023\n\n"
              "Resumé\nDagsordenen forelægges.\nBeslutning\nGodkendt\n\n"
              "Resumé\nByrådet skal vælge en formand.\nIndstilling\nForvaltningen indstiller, at\n"
              "1. Formanden vælges blandt byrådets medlemmer.\n2. Næstformanden vælges bagefter.\n"
              "Sagsfremstilling\nTo punkter er sendt til orientering:\n1. Brev fra ministeriet om anlægsrammen.\n"
              "2. Nyhedsbrev fra KL (bilag 2)\nBeslutning\nHanne Jensen (A) blev valgt.\n")


def test_numbered_lists_inside_sections_of_unnumbered_items_are_no_items():
    items = parse_text(UNNUMBERED).items
    assert [(i.number, i.decision.text) for i in items] == [(None, "Godkendt"), (None, "Hanne Jensen (A) blev valgt.")]
    assert [s.heading for s in items[1].sections] == ["Resumé", "Indstilling", "Sagsfremstilling", "Beslutning"]


def test_a_numbered_item_with_its_case_number_after_the_first_section_is_an_item():
    text = ("Referat\nUdvalg: Byrådet\nMødedato: 04-10-2023\n\nSkolestruktur\nSagsfremstilling\n"
            "7. Skolestruktur (B)\nSagsnr.: 23/800\nSagsfremstilling\nTo modeller.\nBeslutning\nModel A.\n\n"
            "8. Vejbelysning\nSagsnr.: 23/801\nSagsfremstilling\nNye lamper.\nBeslutning\nGodkendt.\n")
    assert [(i.number, i.case_number) for i in parse_text(text).items] == [("7", "23/800"), ("8", "23/801")]


def test_an_attendance_block_between_a_title_and_its_first_heading():
    text = ("Referat\nUdvalg: Byrådet\nMødedato: 04-10-2023\n\n2. Godkendelse af dagsorden\n\nMødet sluttede kl. 21.10\n\n"
            "Fraværende med afbud:\nHanne Jensen, Bo Holm\nCarl Berg og Dorte Lund\nErik Mo og Finn Dahl\n"
            "Grethe Sand, Ida Krog og Jens Lund\nKaj Holt og Lone Rask\nMads Tang\n\nFraværende i mødet:\nKim Vang til kl. 18.40 i punkt 2\n"
            "Lis Nør fra kl. 21.00 i punkt 12\n\nFraværende uden afbud:\nMona Bech\n\nBeslutning\nGodkendt.\n")
    item = parse_text(text).items[0]
    assert (item.number, item.title, item.decision.text) == ("2", "Godkendelse af dagsorden", "Godkendt.")


def test_a_name_under_an_absence_label_is_no_title():
    text = "Referat\nByrådet 04-10-2023\n\nFraværende uden afbud:\nMona Bech\n\nBeslutning\nGodkendt.\n"
    assert parse_text(text).items[0].title is None



def test_a_year_that_continues_a_sentence_is_no_item_number():
    text = HEAD + ("3. Kvalitetsstandard\nSagsfremstilling\nStandarden blev vedtaget i 2012 og skal også gælde i\n"
                   "2013. Det foreslås derfor, at standarden videreføres.\nBeslutning\nGodkendt.\n\n"
                   "4. Takster for hjælpemidler\nSagsfremstilling\nNye takster.\nBeslutning\nGodkendt.\n")
    assert [(i.number, i.title) for i in parse_text(text).items] == [("3", "Kvalitetsstandard"),
                                                                     ("4", "Takster for hjælpemidler")]


def test_a_number_after_a_capitalised_abbreviation_continues_the_title():
    text = HEAD + ("245. Godkendelse af dagsorden\nSagsnr.: 07/100\nBeslutning\nGodkendt.\n\n"
                   "246. Lejede lokaler på Chr.\n8. Vej 7, Østerby\nSagsnr.: 07/215\nSagsfremstilling\nLokalerne retableres."
                   "\nBeslutning\nGodkendt.\n")
    items = parse_text(text).items
    assert [i.number for i in items] == ["245", "246"]
    assert (items[1].title, items[1].case_number) == ("Lejede lokaler på Chr. 8. Vej 7, Østerby", "07/215")


def test_a_number_far_above_the_last_item_is_no_item():
    text = HEAD + ("1. Budget\nSagsfremstilling\nRammen er fastlagt.\n\n2024. Rammen gælder fra januar.\n"
                   "Beslutning\nGodkendt.\n\n2. Eventuelt\nSagsfremstilling\nIntet.\nBeslutning\nTaget til efterretning.\n")
    assert [i.number for i in parse_text(text).items] == ["1", "2"]


def test_items_numbered_like_years_after_an_ended_sentence_stay_items():
    text = HEAD + ("1999. Godkendelse af dagsorden\nSagsnr.: 23/1\nBeslutning\nGodkendt.\n\n"
                   "2000. Budget\nSagsnr.: 23/2\nBeslutning\nGodkendt.\n")
    assert [i.number for i in parse_text(text).items] == ["1999", "2000"]


def test_the_next_item_after_a_title_ending_in_an_initial_is_an_item():
    text = HEAD + ("1. Hilsen fra H.C.\nSagsnr.: 23/1\nBeslutning\nGodkendt.\n\n2. Budget\nSagsnr.: 23/2\nBeslutning\nGodkendt.\n")
    assert [i.number for i in parse_text(text).items] == ["1", "2"]


DECIMAL = ("Referat\nArbejdsgruppen for digitalisering\nDato: 6. oktober 2023\n\n"
           "1 Mødesystemet\n1.1 Status siden sidst\nOplæg:\nNy version i drift.\nReferat:\nTaget til efterretning.\n"
           "1.2 Plan for resten af året\nOplæg:\nTest i november.\nReferat:\nAftalt.\n"
           "2 Sagssystemet\n2.1 Status siden sidst\nOplæg:\nOpdatering i uge 43.\nReferat:\nDrøftet.\n"
           "3 Eventuelt\nReferat:\nIntet.\n")


def test_decimal_item_numbers_are_items_numbered_as_printed():
    items = parse_text(DECIMAL).items
    assert [(i.number, i.title) for i in items] == [
        ("1", "Mødesystemet"), ("1.1", "Status siden sidst"), ("1.2", "Plan for resten af året"),
        ("2", "Sagssystemet"), ("2.1", "Status siden sidst"), ("3", "Eventuelt")]
    assert items[0].sections == [] and items[1].decision.text == "Taget til efterretning."


def test_sub_numbered_paragraphs_inside_integer_numbered_items_are_no_items():
    text = HEAD + ("1. Lokalplan for Havnen\nSagsnr.: 23/900\nSagsfremstilling\n1.1 Formål\nPlanen sikrer adgang.\n"
                   "1.2 Indhold\nNye boliger.\nBeslutning\nGodkendt.\n\n2. Eventuelt\nSagsnr.: 23/901\nBeslutning\nIntet.\n")
    assert [(i.number, i.title) for i in parse_text(text).items] == [("1", "Lokalplan for Havnen"), ("2", "Eventuelt")]


def test_a_decimal_outline_inside_an_item_does_not_renumber_the_document():
    text = HEAD + ("1. Budget 2025\nSagsfremstilling\nBudgettet har flere dele.\n1 Drift\n1.1 Skoler\nFlere lærere.\n"
                   "1.2 Ældre\nFlere hjemmehjælpere.\n2 Anlæg\n2.1 Veje\nVejene renoveres.\nBeslutning\nGodkendt.\n\n"
                   "2. Eventuelt\nBeslutning\nIntet.\n")
    items = parse_text(text).items
    assert [(i.number, i.title) for i in items] == [("1", "Budget 2025"), ("2", "Eventuelt")]
    assert items[0].decision.text == "Godkendt."


def test_a_jump_to_year_running_numbers_is_the_next_item_when_a_case_number_marks_it():
    text = HEAD + ("1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n145. Budgetopfølgning\nSagsnr.: 24/100\n"
                   "Beslutning\nGodkendt.\n\n146. Lokalplan 12\nSagsnr.: 24/101\nBeslutning\nGodkendt.\n")
    assert [i.number for i in parse_text(text).items] == ["1", "145", "146"]


def test_an_unnumbered_items_head_holds_its_fields_and_attendance_lines():
    text = ("Referat\nUdvalg: Byrådet\nMødedato: 04-10-2023\n\nNy skolestruktur i Østerby\nSagsnr.: 23/77\n"
            "Sagen afgøres i: Byrådet\nOmråde: Børn og Unge\nSagsbeh.: Bo Holm\nFraværende:\nAfbud: Eva Lund\n"
            "Sagsfremstilling\nTo modeller.\nBeslutning\nModel A.\n")
    item = parse_text(text).items[0]
    assert (item.title, item.case_number, item.competence) == ("Ny skolestruktur i Østerby", "23/77", "Byrådet")


def test_department_and_case_worker_lines_are_fields():
    from referat_parser.lineclass import Kind, classify

    assert (classify("Område: Børn og Unge").kind, classify("Område: Børn og Unge").field) == (Kind.FIELD, "department")
    assert classify("Sagsbeh.: Bo Holm").field == "case_worker"
    assert classify("Områdets skoler er slidte.").kind is Kind.TEXT


def test_a_year_in_a_title_is_no_postcode_but_a_town_with_its_postcode_is_a_place():
    from referat_parser.lexicon.titles import is_title_like

    assert is_title_like("Første behandling af budget 2024 og overslagsårene 2025-2027")
    assert not is_title_like("Rådhuset, 2635 Ishøj")
    assert not is_title_like("Kirkegade 3, 8600 Silkeborg, 1. sal")


UNNUMBERED_ITEMS = ("Godkendelse af dagsorden\nSagsfremstilling\nDagsordenen forelægges.\nBeslutning\nGodkendt.\n\n"
                    "Budget for vejvedligeholdelse 2025\nSagsfremstilling\nBudgettet forelægges.\nBeslutning\nGodkendt.\n")


def test_items_printed_without_numbers_take_them_from_contents_run_together():
    text = ("Referat\nByrådet\nMødedato: 3. april 2024\n"
            "Indholdsfortegnelse Side 12. Godkendelse af dagsorden 2 13. Budget for vejvedligeholdelse 2025 3\n\n")
    assert [item.number for item in parse_text(text + UNNUMBERED_ITEMS).items] == ["12", "13"]
    columns = "Referat Byrådet 3. april 2024 Pkt. Tekst Side 12 Godkendelse af dagsorden 2 13 Budget for vejvedligeholdelse 2025 3\n\n"
    assert [item.number for item in parse_text(columns + UNNUMBERED_ITEMS).items] == ["12", "13"]


def test_a_number_before_a_title_outside_the_contents_is_no_item_number():
    page = "Sundhedsudvalget 05-02-2024\nGodkendelse af dagsorden\n\n"  # a web page's date line and title
    assert [item.number for item in parse_text(page + UNNUMBERED_ITEMS).items] == [None, None]
