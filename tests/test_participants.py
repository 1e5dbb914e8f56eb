"""The meeting's participants from the header: absence lists, one entry per person, names only."""

import pytest

from referat_parser import parse_text

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


def test_names_in_capitals_are_kept_where_the_list_prints_them_so():
    meeting = parse_text(HEAD + "Medlemmer:\nTINA BORG (A)\nJENS MUNK OLESEN (F)\n" + ITEMS)
    assert people(meeting) == [("TINA BORG", None), ("JENS MUNK OLESEN", None)]


def test_people_named_in_remarks_are_not_participants():
    meeting = parse_text(HEAD + "Fraværende:\nKaren Møller Holt\nBemærkninger:\nPeter Ravn deltog ikke under "
                                "punkterne 1-2.\nLone Skriver forlod mødet kl. 20.15.\n" + ITEMS)
    assert people(meeting) == [("Karen Møller Holt", False)]
    # Absence from items is still recorded on their decisions.
    assert [[p.name for p in item.decision.absent] for item in meeting.items] == [["Peter Ravn"], ["Peter Ravn"]]
