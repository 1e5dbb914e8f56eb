"""Attendance in every printed form (issue 9, family 3): absence lists and sentences, member lists
with party and role, names never wrongly cut or extended. Invented names and snippets."""

import pytest

from referat_parser import parse_text
from referat_parser.lexicon.attendance import absences_in_line, names_after_label, participant_entry
from referat_parser.lexicon.names import clean_name

HEAD = "Referat\nByrådet\nMødedato: 4. marts 2024\n"
ITEMS = "\nPunkt 1: Dagsorden\nBeslutning\nGodkendt.\n\nPunkt 2: Takster\nBeslutning\nGodkendt.\n"


def names(found):
    return [person.name for person in found or []]


def absent(meeting):
    return sorted(p.name for p in meeting.participants if p.present is False)


# --- absence sentences -----------------------------------------------------------------------------

def test_afbud_fra_in_lower_case_inside_a_sentence():
    assert names(absences_in_line("Der var afbud fra Anne Hansen (O) og Bo Holm (C).")) == ["Anne Hansen", "Bo Holm"]
    assert absences_in_line("Der var afbud fra forvaltningen.") is None


@pytest.mark.parametrize("sentence", ["Der var afbud fra Grundejerforeningen Strandparken og Danske Handicaporganisationer.",
                                      "Der er modtaget afbud fra Region Nordby.",
                                      "Afbud fra Ældrerådet og Skolebestyrelsen Vestby."])
def test_afbud_fra_an_organisation_names_no_member(sentence):
    assert absences_in_line(sentence) is None


def test_a_decision_that_mentions_an_organisation_s_afbud_keeps_its_text():
    text = HEAD + ("\nPunkt 1: Dialogmøde med foreningerne\nBeslutning\n"
                   "Drøftet. Der var afbud fra Grundejerforeningen Strandparken og Danske Handicaporganisationer.\n"
                   "\nPunkt 2: Takster\nBeslutning\nGodkendt.\n")
    decision = parse_text(text).items[0].decision
    assert decision.text.startswith("Drøftet. Der var afbud fra Grundejerforeningen")
    assert (decision.outcome, decision.absent) == ("discussed", [])


@pytest.mark.parametrize("phrase", ["deltog ikke i sagens behandling", "deltog ikke i punktets behandling",
                                    "havde meldt forfald"])
def test_absence_phrases(phrase):
    found = absences_in_line(f"Anne Hansen (D), Bo Holm (F) og Carl Berg (Ø) {phrase}.")
    assert names(found) == ["Anne Hansen", "Bo Holm", "Carl Berg"]


def test_a_surname_printed_in_lower_case_in_an_absence_sentence():
    found = absences_in_line("Anne Hansen, Bo holm og Carl Berg deltog ikke på mødet.")
    assert names(found) == ["Anne Hansen", "Bo holm", "Carl Berg"]


@pytest.mark.parametrize("sentence", ["Hanne fra forvaltningen deltog ikke på mødet.",
                                      "Referat og bilag deltog ikke på mødet."])
def test_words_of_running_text_are_no_lower_case_names(sentence):
    assert names(absences_in_line(sentence)) == []


@pytest.mark.parametrize(("line", "found"), [
    ("Fraværende: Hele oppositionen", []),
    ("Hele oppositionen deltog ikke i mødet.", []),
    ("Afbud: Socialdemokratiets gruppe, Anne Hansen (A)", ["Anne Hansen"]),
])
def test_a_lower_case_surname_is_read_only_among_names_printed_as_names(line, found):
    assert names(absences_in_line(line)) == found


# --- absence lists ---------------------------------------------------------------------------------

def test_substitutes_named_in_an_absence_list_are_not_absent():
    assert names(names_after_label("Anne Hansen, Bo Holm indkaldt")) == ["Anne Hansen"]
    assert names(names_after_label("Carl Berg og Dorte Lund, Erik Mo deltog")) == ["Carl Berg", "Dorte Lund"]


def test_a_name_particle_is_no_name_end():
    assert clean_name("Erik Mo deltog") == "Erik Mo"
    assert clean_name("Ellen von Holstein") == "Ellen von Holstein"
    assert clean_name("Anne de la Cour") == "Anne de la Cour"


def test_dated_sub_labels_of_a_two_day_meeting():
    found = absences_in_line("Fraværende: Den 8. juni 2006: Anne Hansen (C). Den 19. juni 2006: Ingen.")
    assert names(found) == ["Anne Hansen"]


def test_absence_label_inside_a_transcript_run_of_fields():
    head = "Økonomiudvalget\n1 Åben beslutningsprotokol 25. juni kl. 10:00 Lokale D1, Nordby Rådhus Afbud: Anne Hansen, Bo Holm\n"
    assert absent(parse_text(head + ITEMS)) == ["Anne Hansen", "Bo Holm"]


def test_an_absence_label_in_a_run_of_empty_labels_names_nobody():
    # The values after the run belong to the first label (the place), then the member list.
    head = "Byrådet\n1 Referat Mødedato: 30. april 2013 Mødelokale: Medlemmer: Afbud: Byrådets mødesal Anne Hansen, Bo Holm\n"
    assert absent(parse_text(head + ITEMS)) == []


def test_a_first_name_absence_resolves_to_the_one_member_of_that_name():
    block = "Deltagere: Anne Hansen\nTove Lund\nBo Holm\nAfbud: Tove,\n"
    assert absent(parse_text(HEAD + block + ITEMS)) == ["Tove Lund"]


def test_a_first_name_shared_by_two_members_names_nobody():
    block = "Deltagere: Anne Hansen\nTove Lund\nTove Berg\nAfbud: Tove,\n"
    assert absent(parse_text(HEAD + block + ITEMS)) == []


# --- member lists ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "role"), [("Anne Hansen (A) - formand", "formand"),
                                            ("Anne Hansen (A), Næstformand", "næstformand"),
                                            ("Anne Hansen (A)", None)])
def test_a_role_after_the_party(line, role):
    entry = participant_entry(line)
    assert (entry.name, entry.party, entry.role) == ("Anne Hansen", "A", role)


MEMBERS = """Tilstede
Anne Hansen (A) - formand
Bo Holm (A) - næstformand
Carl Berg (F)
Afbud/Fraværende
Sekretær
Dorte Lund
"""


def test_member_list_with_roles_and_an_empty_absence_block():
    meeting = parse_text(HEAD + MEMBERS + ITEMS)
    assert [(p.name, p.party, p.role, p.present) for p in meeting.participants] == [
        ("Anne Hansen", "A", "formand", None), ("Bo Holm", "A", "næstformand", None), ("Carl Berg", "F", None, None)]


def test_two_members_on_one_line():
    meeting = parse_text(HEAD + "Medlemmer\nAnne Hansen (A) Bo Holm (V)\nCarl Berg (A) Dorte Lund (C)\nErik Mo (A)\n" + ITEMS)
    assert [p.name for p in meeting.participants] == ["Anne Hansen", "Bo Holm", "Carl Berg", "Dorte Lund", "Erik Mo"]


def test_a_weekday_is_never_a_name():
    meeting = parse_text(HEAD + "Fraværende: Mandag Aften\n" + ITEMS)
    assert meeting.participants == []


def test_a_name_wrapped_onto_the_next_line():
    block = "Mødedeltagere Anne Hansen, Bo Holm\n(Fravær), Carl Berg, Dorte\nLund\n"
    meeting = parse_text(HEAD + block + ITEMS)
    assert [(p.name, p.present) for p in meeting.participants] == [
        ("Anne Hansen", None), ("Bo Holm", False), ("Carl Berg", None), ("Dorte Lund", None)]


def test_a_first_name_at_the_end_of_a_list_does_not_take_the_next_heading():
    block = "Mødedeltagere Anne Hansen, Bo Holm, Dorte\nIndholdsfortegnelse\n"
    meeting = parse_text(HEAD + block + ITEMS)
    assert [p.name for p in meeting.participants] == ["Anne Hansen", "Bo Holm"]


def test_an_absence_field_ends_at_the_next_label():
    text = ("Fraværende: Anne Hansen (C). Bemærkninger til dagsordenen: Ingen. Meddelelser: Direktør Bo Holm "
            "orienterede om budgettet.")
    assert names(absences_in_line(text)) == ["Anne Hansen"]


ITEM_BLOCK = """2. Godkendelse af dagsorden

Fraværende med afbud:
Anne Hansen, Bo Holm indkaldt
Carl Berg og Dorte Lund

Fraværende uden afbud:
Erik Mo

Sagsforløb:
Finn Dahl deltog ikke i sagens behandling.

Beslutning
Godkendt.
"""


def test_an_absence_block_under_an_items_title():
    meeting = parse_text(ITEM_BLOCK)
    # Bo Holm was called in as a substitute; Finn Dahl's line is about another meeting (a case history).
    assert absent(meeting) == ["Anne Hansen", "Carl Berg", "Dorte Lund", "Erik Mo"]
