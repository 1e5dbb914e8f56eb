"""Patterns of minutes printed by eDoc (the same in its PDFs and in its XML export's full texts):
the front page's member list with roles after a dash, 'Afbud/Fraværende', the place on its own line
below the time, the dated decision heading with the item number, and the attendance label under
each decision. Snippets written for these tests (invented meeting and names)."""

from referat_parser import parse_text
from referat_parser.lexicon.attendance import absences_in_line, participant_entry
from referat_parser.lexicon.headings import match_heading

EDOC_PRINTED = """Teknik- og Miljøudvalget

Referat

Dato: 05.09.2023

Teknik- og Miljøudvalget
tirsdag den 5. september 2023, kl. 17:00
i Mødelokale 4 på Rådhuset

Tilstede
Hanne Jensen (A) - formand
Jonas Vestergaard (V) - næstformand
Mette Krog (F)

Afbud/Fraværende
Ole Berg (O)

1. Vejbelysning på Stationsvej

Sagsnr.: 2023-4711

Sammendrag
Belysningen på Stationsvej skal udskiftes.

Beslutningen træffes af
Teknik- og Miljøudvalget

Indstilling
Forvaltningen indstiller, at belysningen udskiftes.

Teknik- og Miljøudvalgets beslutning den 05.09.2023 Punkt 1
Indstillingen godkendt.

Følgende deltog ikke i behandlingen af punktet:
Mette Krog (F)
"""


def test_member_list_with_roles_after_a_dash():
    entry = participant_entry("Jonas Vestergaard (V) - næstformand")
    assert entry is not None and (entry.name, entry.party, entry.role) == ("Jonas Vestergaard", "V", "næstformand")
    assert participant_entry("Jonas Vestergaard - direktør") is None  # not a role word: not a member line


def test_dated_decision_heading_with_the_item_number():
    heading = match_heading("Teknik- og Miljøudvalgets beslutning den 05.09.2023 Punkt 1")
    assert heading is not None and (heading.key, heading.body, heading.date) == (
        "decision", "Teknik- og Miljøudvalget", "2023-09-05")


def test_attendance_label_under_a_decision():
    assert absences_in_line("Følgende deltog ikke i behandlingen af punktet:") == []
    assert [p.name for p in absences_in_line("Afbud/Fraværende: Ole Berg (O)") or []] == ["Ole Berg"]


def test_edoc_printed_minutes():
    meeting = parse_text(EDOC_PRINTED)
    assert meeting.location == "Mødelokale 4 på Rådhuset"
    assert [(p.name, p.role, p.present) for p in meeting.participants] == [
        ("Hanne Jensen", "formand", None), ("Jonas Vestergaard", "næstformand", None), ("Mette Krog", None, None),
        ("Ole Berg", None, False)]
    item = meeting.items[0]
    assert [(s.key, s.heading) for s in item.sections] == [
        ("summary", "Sammendrag"), ("competence", "Beslutningen træffes af"), ("recommendation", "Indstilling"),
        ("decision", "Teknik- og Miljøudvalgets beslutning den 05.09.2023 Punkt 1")]
    assert (item.decision.text, item.decision.outcome) == ("Indstillingen godkendt.", "approved")
    assert [p.name for p in item.decision.absent] == ["Mette Krog"]
