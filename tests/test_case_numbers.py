"""Case numbers in every printed form and place. Snippets written for these tests."""

import pytest

from referat_parser import parse_text
from referat_parser.lineclass import Kind, classify

HEAD = "Referat\nByrådet\nMødedato: 09-10-2024\n\n"


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Sagsnr. 412233 Plan- og Boligudvalget Åbent punkt", "412233"),
        ("Sagsid.: 24/5512, Sagsinitialer: kbj", "24/5512"),
        ("Sagsnr.: 24/5512;", "24/5512"),
        ("Sag nr.: EMN-2024-004411 (Borgmesterens Afdeling)", "EMN-2024-004411"),
        ("Journalnr.: 03.02.10-Ø60-1-16 Plan", "03.02.10-Ø60-1-16"),
        ("Sagsnr.: BR 12/04 Budget", "BR 12/04"),
        ("Sagsnr.: 00.30.00Ø00 - 2006/1877", "2006/1877"),
        ("Sagsnr.: 330-2015-51128", "330-2015-51128"),
    ],
)
def test_the_value_after_a_case_label_is_the_case_number_only(line, value):
    info = classify(line)
    assert (info.kind, info.field, info.value) == (Kind.FIELD, "case_number", value)


def test_a_value_of_another_shape_is_kept_whole():
    assert classify("Sagsnr.: Ikke oplyst").value == "Ikke oplyst"


@pytest.mark.parametrize(("line", "value"), [("EMN-2024-004411", "EMN-2024-004411"), ("054321 - 2019/33104", "2019/33104")])
def test_bare_case_numbers_alone_on_their_line(line, value):
    info = classify(line)
    assert (info.kind, info.field, info.value) == (Kind.FIELD, "case_number", value)


@pytest.mark.parametrize("line", ["2019-2022", "2024-2027 Budget", "ABC-12-3456", "Side 3 - 12/2024",
                                  "2019 - 2022/2023", "1500 - 2000/3000"])
def test_periods_and_other_dashes_are_no_bare_case_numbers(line):
    assert classify(line).kind is not Kind.FIELD


def test_a_case_number_alone_under_the_title():
    text = HEAD + ("1. Godkendelse af dagsorden\nEMN-2024-000101\nBeslutning\nGodkendt.\n\n"
                   "2. Ny daginstitution\nEMN-2024-000202\nSagsfremstilling\nTekst.\nBeslutning\nVedtaget.\n")
    assert [(i.number, i.case_number, i.decision.text) for i in parse_text(text).items] == [
        ("1", "EMN-2024-000101", "Godkendt."), ("2", "EMN-2024-000202", "Vedtaget.")]


def test_case_numbers_printed_above_their_titles():
    text = HEAD + ("Sagnr.: 0-4-2-24\n\n17. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n\n"
                   "00.01.00-G01-31-24\n\n18. Lokalplan for Havnevej\n\nSagsfremstilling\nTekst.\n\nBeslutning\nVedtaget.\n")
    assert [(i.number, i.case_number, i.decision.text) for i in parse_text(text).items] == [
        ("17", "0-4-2-24", "Godkendt."), ("18", "00.01.00-G01-31-24", "Vedtaget.")]


def test_with_case_numbers_above_the_titles_a_closed_items_next_line_belongs_to_the_next_item():
    text = HEAD + ("EMN-2024-000300\n\n3. Salg af grund\n\nSagsfremstilling\nTekst.\n\nBeslutning\nGodkendt.\n\n"
                   "EMN-2024-000400\n\n4. Personalesag\n\nEMN-2024-000401\n\n5. Vejbelysning\n\nBeslutning\nUdsat.\n")
    items = parse_text(text).items
    assert [(i.number, i.case_number) for i in items] == [("3", "EMN-2024-000300"), ("5", "EMN-2024-000401")]


def test_with_case_numbers_under_the_titles_a_closed_items_case_number_stays_with_it():
    text = HEAD + ("3. Salg af grund\nEMN-2024-000300\n\nSagsfremstilling\nTekst.\n\nBeslutning\nGodkendt.\n\n"
                   "4. Personalesag\nEMN-2024-000400\n\n5. Vejbelysning\nEMN-2024-000500\n\nBeslutning\nUdsat.\n")
    items = parse_text(text).items
    assert [(i.number, i.case_number) for i in items] == [("3", "EMN-2024-000300"), ("4", "EMN-2024-000400"),
                                                          ("5", "EMN-2024-000500")]


def test_a_case_number_after_a_decision_is_not_pulled_into_the_next_item():
    text = HEAD + ("1. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\nSagsnr.: 24/100\n\n"
                   "2. Ny daginstitution\n\nSagsnr.: 24/200\n\nBeslutning\nVedtaget.\n")
    assert [(i.number, i.case_number) for i in parse_text(text).items] == [("1", None), ("2", "24/200")]
