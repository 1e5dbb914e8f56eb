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
















