"""Participants, absence and substitutes."""

import pytest

from referat_parser import parse_text
from referat_parser.lexicon.attendance import (
    absences_in_line,
    inline_participants,
    is_attendance_line,
    partial_absences,
    participant_entry,
    substitutes_in_line,
)


def names(found):
    return [p.name for p in found or []]


@pytest.mark.parametrize(
    ("line", "absent"),
    [
        ("Fraværende: Tina Højlund Pedersen (A), Torben Johansen (C)", ["Tina Højlund Pedersen", "Torben Johansen"]),
        ("Fraværende: X Hansen (V) - Y Jensen (V) mødte som stedfortræder", ["X Hansen"]),
        ("Afbud fra Tim Vestergaard. Istedet mødte Michael Olsen.", ["Tim Vestergaard"]),
        ("Afbud fra Benthe Viola Holm stedfortræder Anders Lundgaard", ["Benthe Viola Holm"]),
        ("Jane Østergaard og Vibeke Gamborg var fraværende.", ["Jane Østergaard", "Vibeke Gamborg"]),
        ("Mikkel Holmgaard havde meldt afbud, og Peter Steffensen deltog i stedet.", ["Mikkel Holmgaard"]),
        ("Sheikh Mohammed udeblev uden afbud.", ["Sheikh Mohammed"]),
        ("Cæcilie Ryhl Olsson havde meldt afbud på selve mødedagen.", ["Cæcilie Ryhl Olsson"]),
        ("Afbud: Bodil Stenholt (A)", ["Bodil Stenholt"]),
        ("Per Hansen var forhindret i at deltage.", ["Per Hansen"]),
        # Two sentences on one line: the one about partial attendance does not hide the other.
        ("Lone Vinther (C) deltog ikke i mødet. Ib Krog (A) deltog ikke under punkt 3-4.", ["Lone Vinther"]),
        ("Fraværende: Lone Vinther (C). Ib Krog (A) deltog ikke under punkt 3.", ["Lone Vinther"]),
        # A middle initial is part of the name; a full stop after a full word ends the sentence.
        ("Fraværende: Hanne Ø. Dalsgaard (A)", ["Hanne Ø. Dalsgaard"]),
        ("Hans C. H. Bro (V) var fraværende.", ["Hans C. H. Bro"]),
        ("Ole Riis (A) deltog i stedet for Karen Bech. Birthe Gade (V) var fraværende.", ["Birthe Gade"]),
        # In a decision: absent from the item being decided.
        ("Ib Krog (A) deltog ikke under behandlingen af sagen.", ["Ib Krog"]),
    ],
)
def test_absence(line, absent):
    assert names(absences_in_line(line)) == absent


@pytest.mark.parametrize(
    "line",
    [
        "Torben Haack (F) deltog ikke under punkterne 12-15.",  # partial attendance
        "Michael Olsen deltog ikke i forbindelse med behandlingen af punkt 1 pga. inhabilitet.",  # recusal
        "Anne Berg forlod mødet kl. 18.30.",
        "Fraværende fra kl. 19.15: Ib Krog (A)",  # left early
        "Fraværende under punkt 7: Ib Krog (A)",
        "Borgmesteren orienterede om vinterberedskabet.",
    ],
)
def test_not_absence(line):
    assert not absences_in_line(line)


def test_empty_absence_label():
    assert absences_in_line("Fraværende:") == []
    assert absences_in_line("Fraværende: Ingen") == []


def test_substitutes():
    [sub] = substitutes_in_line("Brian Kjærgaard er indkaldt som suppleant for Carsten Schack.")
    assert (sub.name, sub.substitute_for) == ("Brian Kjærgaard", "Carsten Schack")
    [sub] = substitutes_in_line("Afbud fra Tim Vestergaard. Istedet mødte Michael Olsen.")
    assert (sub.name, sub.substitute_for) == ("Michael Olsen", "Tim Vestergaard")
    [sub] = substitutes_in_line("Lis Sønderby havde meldt afbud, og Christian Hesselberg deltog i stedet.")
    assert (sub.name, sub.substitute_for) == ("Christian Hesselberg", "Lis Sønderby")
    assert substitutes_in_line("Afbud fra Pernille Bertelsen. Stedfortræder ikke indkaldt pga. sent afbud.") == []
    [sub] = substitutes_in_line("Bemærkninger:\tTove Hald (V) deltog som stedfortræder for Bente Riis Madsen")
    assert (sub.name, sub.party, sub.substitute_for) == ("Tove Hald", "V", "Bente Riis Madsen")
    [sub] = substitutes_in_line("Tove Hald mødte som suppleant for Bente Riis Madsen.")
    assert (sub.name, sub.substitute_for) == ("Tove Hald", "Bente Riis Madsen")


def test_partial_absences_name_the_items_missed():
    found = partial_absences("Lone Vinther (C) deltog ikke i mødet. Ib Krog (A) deltog ikke under punkt 3-5.")
    assert [(p.name, p.party, items) for p, items in found] == [("Ib Krog", "A", ["3", "4", "5"])]
    found = partial_absences("Fraværende under punkterne 2, 4 og 6: Ib Krog (A)")
    assert [(p.name, items) for p, items in found] == [("Ib Krog", ["2", "4", "6"])]
    assert [(p.name, items) for p, items in partial_absences("Fraværende fra kl. 19.15: Ib Krog (A)")] == [
        ("Ib Krog", [])]
    assert partial_absences("Ib Krog (A) erklærede sig inhabil og deltog ikke under punkt 3.") == []
    assert partial_absences("Lone Vinther (C) deltog ikke i mødet.") == []


def test_substitutes_stop_at_sentence_end():
    found = substitutes_in_line("Stedfortrædere: Jens Ole Lund (A) deltog i stedet for Maja Holm Berg. "
                                "Eva Dahl (V) deltog i stedet for Per Kim Sø.")
    assert [(s.name, s.party, s.substitute_for) for s in found] == [
        ("Jens Ole Lund", "A", "Maja Holm Berg"), ("Eva Dahl", "V", "Per Kim Sø")]


def people(meeting):
    return [(p.name, p.party, p.role, p.present, p.substitute_for) for p in meeting.participants]


HEAD = "Referat\nByrådet\nMødedato: 4. marts 2024\n"
ITEMS = "\nPunkt 1: Dagsorden\nBeslutning\nGodkendt.\n\nPunkt 2: Takster\nBeslutning\nGodkendt.\n"


def test_header_member_list_does_not_swallow_the_absence_line():
    meeting = parse_text(HEAD + "Medlemmer: Lone Vinther (C), Ib Krog (A)\nFraværende: Eva Dahl, Per Sø\n" + ITEMS)
    assert people(meeting) == [("Lone Vinther", "C", None, None, None), ("Ib Krog", "A", None, None, None),
                               ("Eva Dahl", None, None, False, None), ("Per Sø", None, None, False, None)]


def test_header_partial_attendance_is_not_absence():
    meeting = parse_text(HEAD + "Afbud: Lone Vinther (C)\nFraværende fra kl. 19.15: Ib Krog (A)\n" + ITEMS)
    assert people(meeting) == [("Lone Vinther", "C", None, False, None), ("Ib Krog", "A", None, None, None)]


def test_header_absence_from_items_is_recorded_on_their_decisions():
    meeting = parse_text(HEAD + "Fraværende\nLone Vinther (C) deltog ikke i mødet. Ib Krog (A) deltog ikke under "
                                "punkt 2-3.\n" + ITEMS)
    assert [(p.name, p.present) for p in meeting.participants] == [("Lone Vinther", False), ("Ib Krog", None)]
    assert [[p.name for p in item.decision.absent] for item in meeting.items] == [[], ["Ib Krog"]]


def test_decision_records_absence_from_the_item():
    meeting = parse_text(HEAD + ITEMS + "Ib Krog (A) deltog ikke under behandlingen af sagen.\n")
    decision = meeting.items[1].decision
    assert decision.text == "Godkendt."
    assert [(p.name, p.party) for p in decision.absent] == [("Ib Krog", "A")]


def test_header_substitutes_once_each():
    meeting = parse_text(HEAD + "Fraværende: Maja Holm Berg, Per Kim Sø\nStedfortrædere: Jens Ole Lund (A) deltog i "
                                "stedet for Maja Holm Berg. Eva Dahl (V) deltog i stedet for Per Kim Sø.\n" + ITEMS)
    assert people(meeting) == [("Maja Holm Berg", None, None, False, None), ("Per Kim Sø", None, None, False, None),
                               ("Jens Ole Lund", "A", "stedfortræder", True, "Maja Holm Berg"),
                               ("Eva Dahl", "V", "stedfortræder", True, "Per Kim Sø")]


def test_participant_entries():
    entry = participant_entry("• Brian Nielsen (D)")
    assert (entry.name, entry.party) == ("Brian Nielsen", "D")
    entry = participant_entry("Formand Erik Nielsen (A)")
    assert (entry.name, entry.role) == ("Erik Nielsen", "formand")
    entry = participant_entry("Birgitte Glifberg (A), Suppleant for Brian Møller (A)")
    assert (entry.role, entry.substitute_for) == ("stedfortræder", "Brian Møller")
    entry = participant_entry("Erling Larsen, (A)")
    assert (entry.name, entry.party) == ("Erling Larsen", "A")


@pytest.mark.parametrize(
    ("printed", "letter"),
    [("DF", "O"), ("Alternativet", "Å"), ("Nye Borgerlige", "D"), ("SF", "F"), ("EL", "Ø"), ("RV", "B"), ("LA", "I"),
     ("KF", "C"), ("DD", "Æ"), ("A", "A"),
     # A single capital is the ballot letter as printed: "S" is Slesvigsk Parti, as in the vocabulary.
     ("S", "S"),
     # A local list's name or unknown initials are no party.
     ("Samsø Fremtid", None), ("XY", None)],
)
def test_party_in_brackets_is_the_ballot_letter(printed, letter):
    assert participant_entry(f"Karina Storm ({printed})").party == letter
    assert [p.party for p in absences_in_line(f"Fraværende: Karina Storm ({printed})")] == [letter]
    assert [s.party for s in substitutes_in_line(f"Karina Storm ({printed}) deltog i stedet for Ole Bak.")] == [letter]


def test_inline_participants_with_absence_marks():
    people = inline_participants("Brian Hornbek, Torben Johansen (Fravær), Githa Nelander")
    assert [(p.name, p.present) for p in people] == [
        ("Brian Hornbek", None), ("Torben Johansen", False), ("Githa Nelander", None)]


def test_attendance_lines_are_kept_out_of_decisions():
    assert is_attendance_line("Fremmøde og inhabilitet:")
    assert is_attendance_line("Kristoffer Storm var fraværende.")
    assert not is_attendance_line("Godkendt.")


def test_partial_absence_names_items_with_nr():
    assert [(p.name, numbers) for p, numbers in partial_absences(
        "Ole Vive (O) deltog ikke i behandlingen af sag nr. 118.")] == [("Ole Vive", ["118"])]
