"""Decisions in every printed form (issue 9 family 6): dated decision headings, histories read as
consultations, where a decision's text ends, outcomes stated in a later sentence, protocol remarks.
All snippets are invented."""

from __future__ import annotations

import pytest

from referat_parser import parse_text
from referat_parser.lexicon.bodies import find_bodies, looks_like_body
from referat_parser.lexicon.headings import match_heading
from referat_parser.lexicon.outcomes import classify_outcome

# --- dated decision headings -----------------------------------------------------------------------


def test_label_colon_body_and_date_is_a_dated_heading():
    heading = match_heading("BESLUTNING: Kommunalbestyrelsen den 03-05-2021")
    assert (heading.key, heading.body, heading.date, heading.glued_text) == (
        "decision", "Kommunalbestyrelsen", "2021-05-03", "")
    assert heading.printed == "BESLUTNING: Kommunalbestyrelsen den 03-05-2021"


def test_label_colon_text_stays_text_glued_to_the_heading():
    heading = match_heading("Beslutning: Godkendt den 3. maj")  # 'Godkendt' is no body
    assert (heading.printed, heading.glued_text, heading.dated) == ("Beslutning", "Godkendt den 3. maj", False)


def test_genitive_heading_with_its_item_number():
    heading = match_heading("Teknik- og Miljøudvalgets beslutning den 01.02.2012 Punkt 4")
    assert (heading.body, heading.date, heading.item_number) == ("Teknik- og Miljøudvalget", "2012-02-01", "4")


def test_lower_case_body_after_i():
    heading = match_heading("Beslutning i byrådet den 02-03-2019")
    assert (heading.key, heading.body, heading.date) == ("decision", "byrådet", "2019-03-02")


@pytest.mark.parametrize("line", ["Beslutning i sagen om skolevejen den 3. maj 2020",
                                  "Beslutning i forlængelse af mødet den 3. maj 2020"])
def test_lower_case_words_that_are_no_body_make_no_heading(line):
    assert match_heading(line) is None


def test_compound_body_with_a_lower_case_last_part():
    assert looks_like_body("Miljø- og klimaudvalget")
    assert looks_like_body("Børne- og ungeudvalget")
    heading = match_heading("Miljø- og klimaudvalgets beslutning den 2. november 2022:")
    assert (heading.body, heading.date) == ("Miljø- og klimaudvalget", "2022-11-02")


def test_lower_case_compounds_that_are_no_body():
    assert not looks_like_body("Social- og sundhedsområdet")  # ends in '...rådet' but is an area
    assert [name for name, _, _ in find_bodies("Byrådet og Økonomiudvalget")] == ["Byrådet", "Økonomiudvalget"]


@pytest.mark.parametrize(("line", "printed", "text"), [
    ("Teknik- og Miljøudvalgets beslutning den 01.02.2012 Punkt 4 Indstillingen godkendt",
     "Teknik- og Miljøudvalgets beslutning den 01.02.2012 Punkt 4", "Indstillingen godkendt"),
    ("Kulturudvalgets beslutning den 8. marts 2022: Anbefalet.",
     "Kulturudvalgets beslutning den 8. marts 2022", "Anbefalet."),
    ("Beslutning Byrådet den 28-02-2024Godkendt.", "Beslutning Byrådet den 28-02-2024", "Godkendt."),
])
def test_dated_heading_never_swallows_its_text(line, printed, text):
    heading = match_heading(line)
    assert (heading.key, heading.printed, heading.glued_text) == ("decision", printed, text)


def test_long_text_glued_to_a_dated_heading():
    text = "Indstillingen godkendt med den bemærkning, at " + "forvaltningen vender tilbage med en plan " * 4 + "."
    heading = match_heading(f"Kulturudvalgets beslutning den 01.02.2012 Punkt 4 {text}")
    assert heading is not None and heading.glued_text == text


@pytest.mark.parametrize("line", [
    "Kommunalbestyrelsen den 30. januar 2012 Punkt 5",  # a reference to an earlier treatment
    "Økonomiudvalgets beslutning den 3. maj 2021 blev sendt videre til byrådet.",
])
def test_references_and_sentences_are_no_dated_headings(line):
    assert match_heading(line) is None


ITEM_POINTERS = """\
Referat

Kulturudvalget

1. Ny bibliotekspolitik
Sagsfremstilling
Politikken er revideret.
Kulturudvalgets beslutning den 10.01.2012 Punkt 7
Sendt i høring.
Kulturudvalgets beslutning den 07.03.2012 Punkt 1
Indstillingen godkendt
"""


def test_item_pointer_equal_to_the_items_number_marks_this_meetings_decision():
    meeting = parse_text(ITEM_POINTERS)
    item = meeting.items[0]
    assert meeting.date == "2012-03-07"  # from the heading that points at this item
    assert item.decision.text == "Indstillingen godkendt" and item.decision.outcome == "approved"
    assert [c.text for c in item.consultations] == ["Sendt i høring."]
    assert meeting.committee == "Kulturudvalget"


# --- histories are consultations -------------------------------------------------------------------

HISTORY_TEXT = """\
Referat

Magistraten 02-04-2019

Cykelsti langs fjorden
Beslutning
Godkendt.
Hanne Holm var forhindret i at deltage i sagens behandling.

Sagens forløb 02-04-2019 Magistraten
Godkendt.
Hanne Holm var forhindret i at deltage i sagens behandling.
18-03-2019 Teknisk Udvalg
Drøftet.
Bo Lund deltog ikke i sagens behandling.

Bilag
Kort over stien
"""


def test_history_heading_glued_to_its_first_entry():
    heading = match_heading("Sagens forløb 02-04-2019 Magistraten")
    assert (heading.key, heading.printed, heading.glued_text) == ("history", "Sagens forløb", "02-04-2019 Magistraten")


@pytest.mark.parametrize("line", ["Sagsforløb: BY", "Sagens forløb er beskrevet nedenfor"])
def test_history_label_with_a_value_is_no_glued_history(line):
    heading = match_heading(line)
    assert heading is None or heading.key != "history"


def test_history_entries_are_consultations_not_this_meetings_decision():
    meeting = parse_text(HISTORY_TEXT)
    item = meeting.items[0]
    assert [s.heading for s in item.sections] == ["Beslutning", "Sagens forløb", "Bilag"]
    assert item.decision.text == "Godkendt."
    consultations = [(c.body, c.date, c.text, c.outcome) for c in item.consultations]
    assert consultations == [("Magistraten", "2019-04-02", "Godkendt.", "approved"),
                             ("Teknisk Udvalg", "2019-03-18", "Drøftet.", "discussed")]
    absent = {p.name for p in item.decision.absent}
    assert "Bo Lund" not in absent  # absent from an earlier meeting only


HISTORY_GROUPS = """\
Punkt 3: Ny skolestruktur
Beslutninger
Godkendt.
Sagsforløb
Udvalg: Børn og Unge-udvalget
Dato: 12-05-2025
Punktnummer: 4
Fremsendes til Magistraten.
Udvalg: Magistraten
Dato: 19-05-2025
Punktnummer: 2
Anbefales.
Bilag
Høringssvar
"""


def test_history_of_label_groups():
    item = parse_text(HISTORY_GROUPS).items[0]
    assert item.decision.text == "Godkendt."
    assert [(c.body, c.date, c.item_number, c.text) for c in item.consultations] == [
        ("Børn og Unge-udvalget", "2025-05-12", "4", "Fremsendes til Magistraten."),
        ("Magistraten", "2025-05-19", "2", "Anbefales.")]


# --- where the decision's text ends ----------------------------------------------------------------

PROPOSAL_AFTER_DECISION = """\
Punkt 2: Forslag om flere bænke i parken
Beslutninger
Fremsendes til Kulturudvalget til behandling.
Et mindretal (Ø) kunne ikke tiltræde.
FORSLAG FRA XY OG ZW
Vi foreslår, at der sættes flere bænke op i parken.
Resume
Forslaget drejer sig om bænke.
"""


def test_a_line_in_capitals_ends_the_decision():
    decision = parse_text(PROPOSAL_AFTER_DECISION).items[0].decision
    assert decision.text == "Fremsendes til Kulturudvalget til behandling.\nEt mindretal (Ø) kunne ikke tiltræde."


def test_vote_lines_in_capitals_stay_in_the_decision():
    text = ("Punkt 3: Lokalplan 45\nBeslutning\nGodkendt med følgende stemmer:\nFOR STEMTE A, V OG C\n"
            "IMOD STEMTE F OG Ø\nKL OG DANSKE REGIONER ORIENTERES\n")
    decision = parse_text(text).items[0].decision
    assert decision.text.endswith("IMOD STEMTE F OG Ø\nKL OG DANSKE REGIONER ORIENTERES")
    assert [d.party for d in decision.dissents] == ["F", "Ø"]


def test_a_decision_printed_in_capitals_is_kept():
    text = PROPOSAL_AFTER_DECISION.replace("Fremsendes til Kulturudvalget til behandling.", "ENSTEMMIGT GODKENDT")
    decision = parse_text(text).items[0].decision
    assert decision.text.startswith("ENSTEMMIGT GODKENDT\n") and decision.outcome == "approved"


# --- outcomes stated in a later sentence, protocol remarks -----------------------------------------

def test_outcome_in_a_later_long_sentence_with_the_item_as_subject():
    text = ("1. Formanden havde fået en henvendelse om at flytte punkt 4, hvilket der ikke var flertal for. "
            "Dagsordenen blev godkendt som udsendt og bemærkningerne til punkt 4 optages i protokollen.")
    assert classify_outcome(text) == "approved"


def test_a_later_long_sentence_about_something_else_decides_nothing():
    text = ("1. Formanden havde fået en henvendelse om at flytte punkt 4, hvilket der ikke var flertal for. "
            "Det blev aftalt, at forvaltningen senere godkender den endelige plan for de nye stier.")
    assert classify_outcome(text) == "other"


MEETING_END = """\
1. Godkendelse af dagsorden
Regionsudvalgets beslutning den 8. november 2022:
Dagsordenen blev godkendt.
Ib Holm (V) forlod mødet kl. 12:03 og kom tilbage kl. 12:45.
Mødet sluttede kl. 12.50
Eva Lund (A) deltog ikke i behandlingen af sagen.

2. Budget
Sagsfremstilling
Budgettet er lagt.
Regionsudvalgets beslutning den 8. november 2022:
Godkendt.
"""


def test_meeting_end_under_the_decision_is_a_protocol_remark():
    decision = parse_text(MEETING_END).items[0].decision
    assert decision.text == "Dagsordenen blev godkendt.\nMødet sluttede kl. 12.50"
    assert [p.name for p in decision.absent] == ["Eva Lund"]


SINGLE_ITEM = """\
4. Nye lokaler til musikskolen
Sagsnr.: 2012-12345
Beslutningen træffes af
Kommunalbestyrelsen
Indstilling
Forvaltningen indstiller, at lokalerne lejes.
Kulturudvalgets beslutning den 04.12.2012 Punkt 4
Indstilles til godkendelse
"""


def test_a_single_item_page_takes_its_committee_from_the_deciding_body():
    meeting = parse_text(SINGLE_ITEM)
    assert (meeting.kind, meeting.date, meeting.committee) == ("agenda_item", "2012-12-04", "Kulturudvalget")
    assert meeting.items[0].competence == "Kommunalbestyrelsen"


def test_without_a_deciding_body_the_competent_body_is_the_committee():
    meeting = parse_text(SINGLE_ITEM.replace("Kulturudvalgets beslutning den 04.12.2012 Punkt 4", "Beslutning"))
    assert meeting.committee == "Kommunalbestyrelsen"


@pytest.mark.parametrize(("text", "outcome"), [
    ("Et flertal i udvalget kunne tiltræde indstillingen i overensstemmelse med direktionens anbefaling.", "approved"),
    ("Udvalget kan tiltræde forslaget.", "approved"),
    ("Venstre kunne ikke tiltræde indstillingen.", "other"),  # a dissent, not the outcome
])
def test_could_agree_is_approval(text, outcome):
    assert classify_outcome(text) == outcome


@pytest.mark.parametrize(("line", "text"), [
    ("Referat: Alle skal have adgang. Forvaltningen undersøger sagen.", "Alle skal have adgang. Forvaltningen undersøger sagen."),
    ("Referat: Godkendt.", "Godkendt."),
])
def test_referat_with_its_record_on_the_line(line, text):
    heading = match_heading(line)
    assert (heading.key, heading.printed, heading.glued_text) == ("decision", "Referat", text)


@pytest.mark.parametrize("line", ["Referat: Økonomiudvalget", "Referat: 12. maj 2020.", "Referat: Økonomiudvalget.",
                                  "Referat: Lene Marie Holm.", "Referat: Anne Hansen, Bo Holm og Carl Berg."])
def test_referat_label_with_a_value_is_no_decision(line):
    assert match_heading(line) is None
