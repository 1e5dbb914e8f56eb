"""Lines printed with a list marker ('• 1', '• Sagsid.: 18/12345', '• Indstilling'): web viewers print
accordion rows and field lists that way. Snippets written for these tests."""

from referat_parser import parse_text
from referat_parser.lineclass import Kind, classify

HEAD = "Referat\nByrådet\nMødedato: 14-03-2023\n\n"


def test_a_bulleted_number_alone_is_an_item_number_whose_title_follows():
    info = classify("• 7")
    assert (info.kind, info.number, info.value) == (Kind.NUMBER_ONLY, "7", "after")
    assert classify("• 121.").number == "121"


def test_bulleted_fields_and_headings_are_read_without_their_marker():
    field = classify("• Sagsid.: 21/40123")
    assert (field.kind, field.field, field.value) == (Kind.FIELD, "case_number", "21/40123")
    heading = classify("• Indstilling")
    assert heading.kind is Kind.HEADING and heading.heading.printed == "Indstilling"


def test_bulleted_names_and_sentences_stay_text():
    assert classify("• Hanne Jensen (A)").kind is Kind.TEXT
    assert classify("• at planen sendes i høring").kind is Kind.TEXT
    assert classify("- 4").kind is Kind.TEXT  # a dash is no list marker for a bare number


def test_accordion_items_with_bulleted_numbers_fields_and_sections():
    text = HEAD + ("• 1\nBorgerspørgsmål\n• Sagsid.: 23/1001\n• Indstilling\nDirektionen indstiller, at spørgsmålene"
                   " besvares.\n• Beslutning\nBesvaret.\n\n• 2\nNy legeplads i Østerby\n• Sagsid.: 23/1002\n"
                   "• Indstilling\nDirektionen indstiller, at projektet godkendes.\n• Beslutning\nGodkendt.\n")
    meeting = parse_text(text)
    assert [(i.number, i.title, i.case_number, i.decision.text) for i in meeting.items] == [
        ("1", "Borgerspørgsmål", "23/1001", "Besvaret."), ("2", "Ny legeplads i Østerby", "23/1002", "Godkendt.")]


def test_accordion_rows_outside_the_vocabulary_are_headings_once_the_layout_shows():
    text = HEAD + ("• 4\nTrafikplan for bymidten\n• Sagsid.: 23/2001\n• Resumé\nPlanen samler indsatsen.\n"
                   "• Forventet effekt\nFærre biler i bymidten.\n• Indstilling\nDirektionen indstiller, at planen"
                   " vedtages.\n• Beslutning\nVedtaget.\n")
    item = parse_text(text).items[0]
    assert [s.heading for s in item.sections] == ["Resumé", "Forventet effekt", "Indstilling", "Beslutning"]
    assert item.decision.text == "Vedtaget."


def test_bulleted_navigation_before_the_first_section_is_no_heading():
    text = ("Referat\n• Borger\n• Erhverv\nUdvalget for Teknik\nMødedato: 14-03-2023\n\n"
            "• 4\nTrafikplan for bymidten\n• Resumé\nPlanen samler indsatsen.\n"
            "• Indstilling\nDirektionen indstiller, at planen vedtages.\n• Beslutning\nVedtaget.\n")
    item = parse_text(text).items[0]
    assert [s.heading for s in item.sections] == ["Resumé", "Indstilling", "Beslutning"]


def test_without_bulleted_vocabulary_headings_a_bulleted_list_stays_text():
    text = HEAD + ("1. Skolestruktur\nSagsnr.: 23/3001\nSagsfremstilling\nTo modeller:\n• Model A\nEn skole.\n"
                   "• Model B\nTo skoler.\nBeslutning\nModel A vælges.\n")
    item = parse_text(text).items[0]
    assert [s.heading for s in item.sections] == ["Sagsfremstilling", "Beslutning"]


def test_bulleted_list_entries_are_no_items_or_headings():
    assert classify("• 7 Tryghed i ældrelivet").kind is Kind.TEXT
    assert classify("• 212. Godkendelse af dagsorden").kind is Kind.NUMBERED
    text = HEAD + ("1. Budget 2025\nSagsnr.: 24/100\nSagsfremstilling\nForslagene:\n• 1 Bedre mad til ældre\n"
                   "• 2 Flere busser\nBeslutning\nVedtaget.\nBilag\n• Indstilling\n• Bilag 1: Budgetnotat\n\n"
                   "2. Eventuelt\nSagsnr.: 24/101\nBeslutning\nIntet.\n")
    items = parse_text(text).items
    assert [(i.number, i.title) for i in items] == [("1", "Budget 2025"), ("2", "Eventuelt")]
    assert [s.heading for s in items[0].sections] == ["Sagsfremstilling", "Beslutning", "Bilag"]


def test_a_single_bulleted_attachment_named_like_a_heading_is_no_heading():
    text = HEAD + ("1. Budget 2025\nSagsnr.: 24/100\nSagsfremstilling\nTekst.\nBeslutning\nVedtaget.\nBilag\n"
                   "• Indstilling\n2. Eventuelt\nSagsnr.: 24/101\nBeslutning\nIntet.\n")
    items = parse_text(text).items
    assert [s.heading for s in items[0].sections] == ["Sagsfremstilling", "Beslutning", "Bilag"]


def test_the_last_entry_of_a_bulleted_list_named_like_a_heading_is_no_heading():
    text = HEAD + ("1. Klimaplan\nSagsnr.: 24/100\nSagsfremstilling\nPlanen har to dele:\n• Baggrund\n• Indstilling\n"
                   "Delene beskrives i bilaget.\nBeslutning\nVedtaget.\n\n2. Eventuelt\nSagsnr.: 24/101\nBeslutning\nIntet.\n")
    items = parse_text(text).items
    assert [s.heading for s in items[0].sections] == ["Sagsfremstilling", "Beslutning"]
    assert items[0].sections[0].text.endswith("• Indstilling\nDelene beskrives i bilaget.")
