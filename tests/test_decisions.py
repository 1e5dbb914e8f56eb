"""Outcome classes, dissent, votes and recommendations."""

import pytest

from referat_parser.extract.decisions import find_dissents, find_votes, recommendations
from referat_parser.lexicon.outcomes import classify_outcome, split_sentences


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Godkendt.", "approved"),
        ("Tiltrådt.", "approved"),
        ("Indstillingen er tiltrådt.", "approved"),
        # The recommendation was followed: approved, whoever made it.
        ("Indstillingen blev fulgt.", "approved"),
        ("Indstillingen er fulgt.", "approved"),
        ("Forvaltningens indstilling blev fulgt", "approved"),
        ("Indstillingen blev ikke fulgt.", "other"),
        ("Godkendt med den tilføjelse, at sag 430 bliver udsat.", "approved"),
        ("Til efterretning.", "noted"),
        ("Orienteringen blev taget til efterretning.", "noted"),
        ("Til orientering.", "noted"),
        ("Drøftet.", "discussed"),
        ("Drøftet og taget til efterretning.", "discussed"),
        ("Anbefales.", "recommended"),
        ("Indstilles godkendt.", "recommended"),
        ("Det indstilles, at\n• regnskabet godkendes.", "recommended"),
        ("Ikke godkendt.", "rejected"),
        ("Forslaget blev forkastet.", "rejected"),
        ("Udsat.", "postponed"),
        ("Fremsendes til Byrådet.", "other"),
        ("Ingen.", "other"),
        ("Intet.", "other"),
        ("Som grundlag for budgetdrøftelserne ønsker udvalget en status.", "other"),
        ("1. MED inviteres til mødet.\n2. Til efterretning.\n3. Til efterretning.", "other"),
        ("Supplerende oplysninger blev forelagt.\n1. Dagsorden godkendt.", "approved"),
        ("Brev til regionen er afsendt.\nHjemmesiden ajourføres for medlemmer, der er bevilget orlov, herunder vederlag.", "other"),
        # Forwarded with a recommendation; forwarded alone is not a decision on the matter.
        ("Sendes til Kulturudvalget med anbefaling om, at der afsættes midler.", "recommended"),
        ("Fremsendes til Byrådet med positiv anbefaling.", "recommended"),
        ("Sendes til Kulturudvalget.", "other"),
        # An amendment's fate is not the outcome of the proposal.
        ("Ændringsforslaget blev forkastet.\nFor: 12 (A, B)\nImod: 5 (C)\nGodkendt.", "approved"),
        ("Ændringsforslaget fra C faldt. Herefter godkendt.", "approved"),
        ("Godkendt med ændringsforslaget fra C.", "approved"),
        ("Ændringsforslaget faldt.", "rejected"),
    ],
)
def test_outcome(text, outcome):
    assert classify_outcome(text) == outcome


def test_no_text_no_outcome():
    assert classify_outcome(None) is None
    assert classify_outcome("  ") is None


def parties(text):
    return sorted(d.party for d in find_dissents(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Godkendt.\nGitha Nelander (D) kunne ikke støtte udvalgets beslutning.", ["D"]),
        ("Thomas Clausen (Ø) kan ikke tilslutte sig udvalgets bemærkninger.", ["Ø"]),
        ("Imod stemte: Ø.", ["Ø"]),
        ("(O) stemte imod.", ["O"]),
        ("1 medlem (O) stemmer imod, da han ikke kan gå ind for planen.", ["O"]),
        ("Imod: 6 (Anne Hansen (B), Bo Berg (C))", ["B", "C"]),
        ("Liste F og Ø stemte imod.", ["F", "Ø"]),
        ("Enhedslisten stemte imod.", ["Ø"]),
        ("For stemte: A, B og V.", []),
        ("Karen Holm (V) undlod at stemme.", []),
        ("Keld Hvidtfeldt tog forbehold.", []),
        # Both sides on one line: only the second side is against.
        ("For stemte 7 (C og B), imod stemte 3 (A og Å).", ["A", "Å"]),
        # The minority loses when a proposal falls.
        ("Ikke vedtaget. For stemte 3 (A og Å); imod stemte 7 (C og B).", ["A", "Å"]),
        # Party names (and genitives) instead of letters.
        ("Imod stemte Socialistisk Folkeparti og Moderaterne.", ["F", "M"]),
        ("Imod stemte SF og Det Radikale Venstre, da de ønsker en anden model.", ["B", "F"]),
        ("Alternativets medlem stemte imod.", ["Å"]),
        # Abbreviations and names in brackets after a name map to the ballot letter.
        ("Imod stemte 3: Ib Holm (V), Eva Kyhl (V) og Karina Storm (DF).", ["O", "V"]),
        ("Imod: Mie Lund (Ø) og Anders Fjord (Alternativet).", ["Å", "Ø"]),
        ("Trine Aagaard (Nye Borgerlige) stemte imod.", ["D"]),
        ("2 medlemmer (DF+EL) stemte imod.", ["O", "Ø"]),
        # A minority named in brackets or after "bestående af".
        ("Et mindretal (Ib Holm (V) og Eva Kjær (O)) kunne ikke tiltræde indstillingen, idet de ønsker andet.",
         ["O", "V"]),
        ("Mindretallet (V og O) stemte imod.", ["O", "V"]),
        ("Et mindretal bestående af V og O kunne ikke anbefale indstillingen.", ["O", "V"]),
        ("Et mindretal bestående af Venstre og Dansk Folkeparti stemte imod.", ["O", "V"]),
        ("Et mindretal (O) tog forbehold.", []),
        ("Imod stemte Ø, som ønsker cykelstien til venstre for vejen.", ["Ø"]),
        # Only the supporters listed, without counts, of a rejected proposal: they lost.
        ("Forslaget blev forkastet.\nFor stemte: A og F.", ["A", "F"]),
    ],
)
def test_dissent(text, expected):
    assert parties(text) == expected


def test_dissent_keeps_name_and_reason():
    [dissent] = find_dissents("Githa Nelander (D) kunne ikke støtte beslutningen, da indsatserne er unødvendige.")
    assert dissent.name == "Githa Nelander"
    assert "unødvendige" in dissent.text


def test_minority_keeps_the_names_printed():
    found = find_dissents("Et mindretal (Ib Holm (V) og Eva Kjær (O)) kunne ikke tiltræde indstillingen.")
    assert [(d.name, d.party) for d in found] == [("Ib Holm", "V"), ("Eva Kjær", "O")]
    # A name without a party: the member dissents, no party is guessed.
    found = find_dissents("Anbefales.\nEt mindretal (Jens Brix) kunne ikke anbefale indstillingen.")
    assert [(d.name, d.party) for d in found] == [("Jens Brix", None)]


def test_dissent_name_with_a_middle_initial():
    [dissent] = find_dissents("Godkendt. Hanne Ø. Dalsgaard (A) stemte imod.")
    assert (dissent.name, dissent.party) == ("Hanne Ø. Dalsgaard", "A")
    assert split_sentences("Imod stemte Ø. Godkendt.") == ["Imod stemte Ø.", "Godkendt."]


def test_votes_as_structure():
    votes = find_votes("Indstillingen blev godkendt med 43 stemmer imod 5.\nFor stemte: A, B, C og V.\nImod stemte: Ø.")
    assert votes.for_.count == 43 and votes.for_.parties == ["A", "B", "C", "V"]
    assert votes.against.count == 5 and votes.against.parties == ["Ø"]
    votes = find_votes("6 medlemmer (V+A+C+N) anbefaler indstillingen.\n1 medlem (O) stemmer imod.")
    assert (votes.for_.count, votes.for_.parties) == (6, ["V", "A", "C", "N"])
    assert (votes.against.count, votes.against.parties) == (1, ["O"])
    votes = find_votes("Karen Holm (V) undlod at stemme.")
    assert votes.abstain.names == ["Karen Holm"]
    assert find_votes("Godkendt.") is None


def test_one_line_roll_call_splits_sides():
    votes = find_votes("Godkendt.\nFor stemte 7 (C og B), imod stemte 3 (A og Å).")
    assert (votes.for_.count, votes.for_.parties) == (7, ["C", "B"])
    assert (votes.against.count, votes.against.parties) == (3, ["A", "Å"])


AMENDMENT_FIRST = ("Ændringsforslag fra C om en lavere takst:\nFor: 5 (C, I)\nImod: 20 (A, B, Ø)\n"
                   "Ændringsforslaget faldt.\nFor: 20 (A, B, Ø)\nImod: 5 (C, I)\nGodkendt.")


def test_amendment_ballot_does_not_decide():
    assert classify_outcome(AMENDMENT_FIRST) == "approved"
    assert parties(AMENDMENT_FIRST) == ["C", "I"]
    votes = find_votes(AMENDMENT_FIRST)
    assert (votes.for_.count, votes.against.count, votes.against.parties) == (20, 5, ["C", "I"])


def test_fallen_amendment_alone_is_dissent_of_its_supporters():
    text = "Ændringsforslag fra Ø om flere midler:\nFor: 2 (Ø)\nImod: 9 (A, V)\nÆndringsforslaget faldt.\nGodkendt."
    assert classify_outcome(text) == "approved"
    assert parties(text) == ["Ø"]


def test_recommendations():
    assert recommendations("Administrationen indstiller, at budgetkontrollen godkendes.") == ["budgetkontrollen godkendes."]
    text = "Direktionen indstiller,\n1. at der gives en bevilling, og\n2. at pengene frigives."
    assert recommendations(text) == ["der gives en bevilling", "pengene frigives."]
    text = "Kommunaldirektøren indstiller, at\n• beretningen tages til efterretning.\n• regnskabet godkendes."
    assert recommendations(text) == ["beretningen tages til efterretning.", "regnskabet godkendes."]


def test_a_decision_to_postpone_in_a_sentence_is_postponed():
    assert classify_outcome("Udvalget besluttede at udsætte sagen, så der kan indhentes et forslag.") == "postponed"
    assert classify_outcome("Godkendt, idet ikrafttræden udskydes til 1. maj.") == "approved"


def test_a_council_that_can_or_cannot_recommend_and_a_refusal():
    assert classify_outcome("Ældrerådet kan anbefale kvalitetsstandarden, men ønsker en opfølgning.") == "recommended"
    assert classify_outcome("Handicaprådet kan ikke anbefale forslaget.") == "rejected"
    assert classify_outcome("Udvalget meddeler afslag på landzonetilladelse.") == "rejected"


def test_members_counted_with_every_form_of_voting_for():
    """vote_members reads the in_favour fragment: 'stemmede for' counts as 'stemte for' does."""
    for verb in ("stemte for", "stemmer for", "stemmede for"):
        votes = find_votes(f"5 medlemmer (A+V) {verb} forslaget.\n2 medlemmer (O) stemte imod.")
        assert (votes.for_.count, votes.for_.parties) == (5, ["A", "V"]), verb
        assert (votes.against.count, votes.against.parties) == (2, ["O"]), verb
