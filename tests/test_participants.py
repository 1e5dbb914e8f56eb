"""The meeting's participants from the header: absence lists, one entry per person, names only."""

import pytest

from referat_parser import parse_text
from referat_parser.lexicon.attendance import absences_in_line

HEAD = "Referat\nByrådet\nMødedato: 4. marts 2024\n"
ITEMS = "\nPunkt 1: Dagsorden\nBeslutning\nGodkendt.\n\nPunkt 2: Takster\nBeslutning\nGodkendt.\n"


def people(meeting):
    return [(p.name, p.present) for p in meeting.participants]


@pytest.mark.parametrize(
    "block",
    [
        "Fraværende:\nKaren Møller Holt og Ejvind Tang Sørensen\n",
        "Afbud:\nKaren Møller Holt, Ejvind Tang Sørensen\n",
        "Fraværende:\nKaren Møller Holt\nEjvind Tang Sørensen\n",
        "Afbud:\nKaren Møller Holt (A)\nEjvind Tang Sørensen (V)\n\nBemærkninger:\nIngen.\n",
    ],
)
def test_absence_label_with_the_names_on_the_next_lines(block):
    meeting = parse_text(HEAD + block + ITEMS)
    assert people(meeting) == [("Karen Møller Holt", False), ("Ejvind Tang Sørensen", False)]


def test_absence_names_stop_at_a_blank_line_or_the_next_label():
    meeting = parse_text(HEAD + "Fraværende:\nKaren Møller Holt\nMødested: Byrådssalen\nEjvind Tang Sørensen\n" + ITEMS)
    assert people(meeting) == [("Karen Møller Holt", False)]


def test_absent_member_is_one_participant():
    meeting = parse_text(HEAD + "Fraværende: Mikkel Sejer (V)\n\nUdvalgsmedlemmer:\nTina Borg (A), formand\n"
                                "Mikkel Sejer (V)\nRasmus Kjeld\n" + ITEMS)
    assert people(meeting) == [("Mikkel Sejer", False), ("Tina Borg", None), ("Rasmus Kjeld", None)]


def test_absence_after_the_member_list_wins():
    meeting = parse_text(HEAD + "Medlemmer: Tina Borg (A), Mikkel Sejer (V), Rasmus Kjeld (L)\n"
                                "Afbud: Mikkel Sejer\n" + ITEMS)
    assert people(meeting) == [("Tina Borg", None), ("Mikkel Sejer", False), ("Rasmus Kjeld", None)]


def test_a_name_without_its_middle_name_is_the_same_person():
    meeting = parse_text(HEAD + "Medlemmer: Tina Borg (A), Mikkel Holm Sejer (V)\nAfbud: Mikkel Sejer (V)\n" + ITEMS)
    assert people(meeting) == [("Tina Borg", None), ("Mikkel Holm Sejer", False)]


def test_a_shortened_name_that_fits_two_members_is_not_merged():
    meeting = parse_text(HEAD + "Medlemmer: Mikkel Holm Sejer (V), Mikkel Lund Sejer (V)\nAfbud: Mikkel Sejer\n"
                         + ITEMS)
    assert people(meeting) == [("Mikkel Holm Sejer", None), ("Mikkel Lund Sejer", None), ("Mikkel Sejer", False)]


def test_absence_in_an_item_head_marks_the_listed_member():
    text = (HEAD + "Medlemmer: Tina Borg (A), Mikkel Sejer (V)\n\nPunkt 1: Dagsorden\nFraværende:\nMikkel Sejer\n"
            "Beslutning\nGodkendt.\n")
    assert people(parse_text(text)) == [("Tina Borg", None), ("Mikkel Sejer", False)]


@pytest.mark.parametrize("line", ["ÅBENT MØDE", "LUKKET MØDE", "Åbent møde", "Mødet er åbent", "Lukket Møde"])
def test_meeting_status_after_a_wrapped_member_list_is_not_a_person(line):
    meeting = parse_text(HEAD + "Medlemmer:    Tina Borg (V), Birte Holm Ravn (Ø),\n"
                                "              Jens Munk Olesen (F)\n\n\n" + line + "\n" + ITEMS)
    assert people(meeting) == [("Tina Borg", None), ("Birte Holm Ravn", None), ("Jens Munk Olesen", None)]


def test_an_absent_member_in_capitals_is_kept_beside_a_list_in_ordinary_case():
    meeting = parse_text(HEAD + "AFBUD: PER MARSTRAND (O)\n\nTILSTEDE: Tina Lyng (A), Karsten Hede (V)\n\nÅBENT MØDE\n" + ITEMS)
    assert people(meeting) == [("PER MARSTRAND", False), ("Tina Lyng", None), ("Karsten Hede", None)]


def test_names_in_capitals_are_kept_where_the_list_prints_them_so():
    meeting = parse_text(HEAD + "Medlemmer:\nTINA BORG (A)\nJENS MUNK OLESEN (F)\n" + ITEMS)
    assert people(meeting) == [("TINA BORG", None), ("JENS MUNK OLESEN", None)]


def test_people_named_in_remarks_are_not_participants():
    meeting = parse_text(HEAD + "Fraværende:\nKaren Møller Holt\nBemærkninger:\nPeter Ravn deltog ikke under "
                                "punkterne 1-2.\nLone Skriver forlod mødet kl. 20.15.\n" + ITEMS)
    assert people(meeting) == [("Karen Møller Holt", False)]
    # Absence from items is still recorded on their decisions.
    assert [[p.name for p in item.decision.absent] for item in meeting.items] == [["Peter Ravn"], ["Peter Ravn"]]


def test_labels_separated_by_a_tab_are_not_part_of_names():
    meeting = parse_text(HEAD + "Medlemmer\tTina Krog (A), formand, Helle Lund (V), Mette Hjort (A)\n"
                                "Fraværende\tMette Hjort var forhindret i at deltage.\n"
                                "Suppleant\tJens Bo (A) mødte som suppleant.\n" + ITEMS)
    assert [(p.name, p.party, p.present, p.substitute_for) for p in meeting.participants] == [
        ("Tina Krog", "A", None, None), ("Helle Lund", "V", None, None), ("Mette Hjort", "A", False, None),
        ("Jens Bo", "A", True, "Mette Hjort")]


@pytest.mark.parametrize(
    ("absence", "target"),
    [("Afbud\nMads Berg (C)\n", "Mads Berg"), ("Afbud: Mads Berg (C)\n", "Mads Berg"),
     # Two absent: whom the substitute stood in for is not printed.
     ("Afbud\nMads Berg (C)\nLis Holm (C)\n", None), ("Afbud: Mads Berg (C), Lis Holm (C)\n", None)],
)
def test_substitute_without_for_stands_in_for_the_one_absent_member(absence, target):
    meeting = parse_text(HEAD + "Medlemmer\nTina Borg (A)\nTom Hein (C)\n" + absence
                         + "Tom Hein (C) deltog som stedfortræder.\n" + ITEMS)
    [substitute] = [p for p in meeting.participants if p.role == "stedfortræder"]
    assert (substitute.name, substitute.present, substitute.substitute_for) == ("Tom Hein", True, target)


def test_absent_in_the_header_and_listed_with_party_is_one_participant():
    meeting = parse_text(HEAD + "Fraværende: Poul Erik Vang\n\nMedlemmer:\nAnne Marie Kvist (A), formand\n"
                                "Poul Erik Vang (V)\nIngrid Skov (A)\n" + ITEMS)
    assert [(p.name, p.party, p.present) for p in meeting.participants] == [
        ("Poul Erik Vang", "V", False), ("Anne Marie Kvist", "A", None), ("Ingrid Skov", "A", None)]


@pytest.mark.parametrize(
    "remark",
    ["Bemærkninger: Ole Skov ankom kl. 16.15 og deltog ikke i behandlingen af punkt 1.",
     "Øvrige bemærkninger: Ole Skov deltog ikke i behandlingen af punkt 1."],
)
def test_absence_from_an_item_in_the_header_is_recorded_on_its_decision(remark):
    meeting = parse_text(HEAD + "Medlemmer: Tina Borg (A), Ole Skov (V)\n" + remark + "\n" + ITEMS)
    assert people(meeting) == [("Tina Borg", None), ("Ole Skov", None)]
    assert [[p.name for p in item.decision.absent] for item in meeting.items] == [["Ole Skov"], []]


def test_substitute_is_not_guessed_across_parties():
    text = ("Referat\nByrådet\nMødedato: 3. maj 2024\nAfbud: Mads Berg (C)\nAfbud: Lise Ravn (A)\n"
            "Tom Hein (C) deltog som stedfortræder.\n\n1. Budget\nSagsnr.: 24/1\nBeslutning\nGodkendt.\n")
    tom = next(p for p in parse_text(text).participants if p.name == "Tom Hein")
    assert (tom.role, tom.substitute_for) == ("stedfortræder", None)


@pytest.mark.parametrize("line", ["Da Borgmesteren havde meldt afbud, ledede viceborgmesteren mødet.",
                                  "Mødet blev ledet af Næstformanden, da Formanden havde meldt afbud."])
def test_an_office_in_the_definite_form_is_no_absent_person(line):
    # The office is named, not the person: nobody is recorded as absent.
    assert absences_in_line(line) in (None, [])
