"""Participants, absence and substitutes."""

import pytest

from referat_parser.extract.people import (
    absences_in_line,
    inline_participants,
    is_attendance_line,
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
        ("Afbud fra Tim Vermund. Istedet mødte Michael Olsen.", ["Tim Vermund"]),
        ("Afbud fra Benthe Viola Holm stedfortræder Anders Liltorp", ["Benthe Viola Holm"]),
        ("Jane Østergaard og Vibeke Gamst var fraværende.", ["Jane Østergaard", "Vibeke Gamst"]),
        ("Mikkel Houmann havde meldt afbud, og Peter Steffensen deltog i stedet.", ["Mikkel Houmann"]),
        ("Sheikh Mohammed udeblev uden afbud.", ["Sheikh Mohammed"]),
        ("Cæcilie Ryhl Olsson havde meldt afbud på selve mødedagen.", ["Cæcilie Ryhl Olsson"]),
        ("Afbud: Bodil Staal (A)", ["Bodil Staal"]),
        ("Per Hansen var forhindret i at deltage.", ["Per Hansen"]),
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
        "Borgmesteren orienterede om vinterberedskabet.",
    ],
)
def test_not_absence(line):
    assert not absences_in_line(line)


def test_empty_absence_label():
    assert absences_in_line("Fraværende:") == []
    assert absences_in_line("Fraværende: Ingen") == []


def test_substitutes():
    [sub] = substitutes_in_line("Brian Kofoed er indkaldt som suppleant for Carsten Scheibye.")
    assert (sub.name, sub.substitute_for) == ("Brian Kofoed", "Carsten Scheibye")
    [sub] = substitutes_in_line("Afbud fra Tim Vermund. Istedet mødte Michael Olsen.")
    assert (sub.name, sub.substitute_for) == ("Michael Olsen", "Tim Vermund")
    [sub] = substitutes_in_line("Lis Søkvist havde meldt afbud, og Christian Hesselberg deltog i stedet.")
    assert (sub.name, sub.substitute_for) == ("Christian Hesselberg", "Lis Søkvist")
    assert substitutes_in_line("Afbud fra Pernille Bendixen. Stedfortræder ikke indkaldt pga. sent afbud.") == []


def test_participant_entries():
    entry = participant_entry("• Brian Nielsen (D)")
    assert (entry.name, entry.party) == ("Brian Nielsen", "D")
    entry = participant_entry("Formand Erik Nielsen (A)")
    assert (entry.name, entry.role) == ("Erik Nielsen", "formand")
    entry = participant_entry("Birgitte Glifberg (A), Suppleant for Brian Møller (A)")
    assert (entry.role, entry.substitute_for) == ("stedfortræder", "Brian Møller")
    entry = participant_entry("Erling Larsen, (A)")
    assert (entry.name, entry.party) == ("Erling Larsen", "A")


def test_inline_participants_with_absence_marks():
    people = inline_participants("Brian Hornbek, Torben Johansen (Fravær), Githa Nelander")
    assert [(p.name, p.present) for p in people] == [
        ("Brian Hornbek", None), ("Torben Johansen", False), ("Githa Nelander", None)]


def test_attendance_lines_are_kept_out_of_decisions():
    assert is_attendance_line("Fremmøde og inhabilitet:")
    assert is_attendance_line("Kristoffer Storm var fraværende.")
    assert not is_attendance_line("Godkendt.")
