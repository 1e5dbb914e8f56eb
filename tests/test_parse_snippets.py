"""Whole-document patterns, each shown by a short snippet written for the test.

New patterns are best added as a case file pair in tests/cases/ (see tests/test_cases.py)."""

from pathlib import Path

from referat_parser import parse_text

CASES = Path(__file__).resolve().parent / "cases"

UNNUMBERED = """Social- og Sundhedsudvalget
Referat • 3. maj 2021 kl. 15.30
Beslutningstema
Status på projektet.
Indstilling
Direktionen indstiller, at orienteringen tages til efterretning.
Beslutning i Social- og Sundhedsudvalget den 03-05-2021
Orienteringen blev taget til efterretning.
Bilag
Notat om projektet.pdf
Indstilling
Direktionen indstiller, at budgettet godkendes.
Beslutning i Social- og Sundhedsudvalget den 03-05-2021
Godkendt.
"""


def test_items_without_number_or_title_end_after_their_decision():
    meeting = parse_text(UNNUMBERED)
    assert meeting.kind == "minutes"
    assert [[s.key for s in i.sections] for i in meeting.items] == [
        ["theme", "recommendation", "decision", "attachments"], ["recommendation", "decision"]]
    assert meeting.items[0].attachments == ["Notat om projektet.pdf"]  # a file name is not the next title
    assert [i.decision.outcome for i in meeting.items] == ["noted", "approved"]


def test_single_item_is_an_agenda_item():
    meeting = parse_text("7. Vejnavne (B)\nSagsnr.: 330-2015-51128\nIndstilling\nAt navnene godkendes.\n")
    assert meeting.kind == "agenda_item"
    assert meeting.items[0].decision is None


def test_text_that_is_not_minutes():
    meeting = parse_text("# Nytænkning\n\nEn præsentation om beskæftigelse.\n\n- Flere i job\n- Færre på ydelse\n")
    assert meeting.kind == "not_minutes" and meeting.items == []
    assert meeting.warnings[-1].code == "not_minutes"


def test_norwegian_and_swedish_documents_are_not_minutes():
    norwegian = ("Møtebok for kommunestyret\nSaksframlegg\nKommunedirektørens innstilling: Kommunestyret vedtar "
                 "budsjettet.\nVedtak: Forslaget ble enstemmig vedtatt, og saken ble ikke utsatt.\n")
    swedish = ("Protokoll fört vid sammanträde med kommunstyrelsen\nBeslut: Kommunstyrelsen beslutar att godkänna "
               "förslaget och att ärendet ska återrapporteras till nämnden. Protokollet är inte justerat.\n")
    assert (parse_text(norwegian).kind, parse_text(norwegian).language) == ("not_minutes", "no")
    assert (parse_text(swedish).kind, parse_text(swedish).language) == ("not_minutes", "sv")


def test_table_of_contents_is_not_items_and_repeated_titles_merge():
    text = ("Indholdsfortegnelse\nGodkendelse af dagsorden..... 3\nBudget..... 5\n\n"
            "Punkt 1: Godkendelse af dagsorden\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n"
            "Punkt 2: Budget\nBilag\nBudgetnotat\n2. Budget\nBeslutning\nDrøftet.\n")
    meeting = parse_text(text)
    assert [e.title for e in meeting.toc] == ["Godkendelse af dagsorden", "Budget"]
    assert [(i.number, [s.heading for s in i.sections]) for i in meeting.items] == [
        ("1", ["Beslutning"]), ("2", ["Bilag", "Beslutning"])]


def test_paragraph_broken_by_a_page_break_is_rejoined():
    text = ("1. Budget\nSagsfremstilling\nDet forventede underskud skyldes primært flere udgifter til senior- og\n\n"
            "førtidspensioner.\nBeslutning\nGodkendt.\n")
    section = parse_text(text).items[0].sections[0]
    assert "senior- og førtidspensioner." in section.text


def test_spans_point_into_the_cleaned_text():
    meeting = parse_text((CASES / "numbered_minutes.txt").read_text(encoding="utf-8"))
    for item in meeting.items:
        assert 0 <= item.span.start < item.span.end
        for section in item.sections:
            assert item.span.start <= section.span.start <= section.span.end <= item.span.end


def test_committee_prefers_the_meeting_line_over_site_navigation():
    text = ("Hjem Politik Byrådet Udvalg\nBørne- og Ungeudvalget 3. maj 2021\nMødetidspunkt 16:00\n"
            "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n")
    meeting = parse_text(text)
    assert (meeting.committee, meeting.date, meeting.start_time) == ("Børne- og Ungeudvalget", "2021-05-03", "16:00")


def test_consecutively_numbered_items_with_unknown_headings():
    text = ("Referat\n\n1. Godkendelse af dagsorden\nKonklusion\nGodkendt.\n\n"
            "2. Budget 2024\nKonklusion\nTaget til efterretning.\n")
    meeting = parse_text(text)
    assert [(i.number, i.title, i.decision.outcome) for i in meeting.items] == [
        ("1", "Godkendelse af dagsorden", "approved"), ("2", "Budget 2024", "noted")]


def test_decision_protocol_without_headings():
    text = ("BESLUTNINGSPROTOKOL\nfra Ordinært møde torsdag den 5. februar 2004\n"
            "Nr. 28 BR 40/04. Aftale om salg\nIndstillingen blev godkendt med\n43 stemmer imod 5.\n"
            "For stemte: A, B og V.\nImod stemte: Ø.\n")
    meeting = parse_text(text)
    assert meeting.kind == "agenda_item" and meeting.date == "2004-02-05"
    [item] = meeting.items
    assert (item.number, item.title, item.case_number) == ("28", "Aftale om salg", "BR 40/04")
    assert item.decision.outcome == "approved"
    assert [d.party for d in item.decision.dissents] == ["Ø"]


def test_absence_label_in_an_item_head_with_names_on_the_next_line():
    text = ("Kommunalbestyrelsen\n28-01-2015 kl. 18:00\n\n1 Fraværende og bemærkninger til dagsordenen\n"
            "85.02.02G00-0011\nFraværende:\nCarsten Schack, Lotte Hjorth.\nBemærkninger til dagsordenen\n"
            "Brian Kjærgaard er indkaldt som suppleant for Carsten Schack.\n")
    meeting = parse_text(text)
    absent = [p.name for p in meeting.participants if p.present is False]
    assert absent == ["Carsten Schack", "Lotte Hjorth"]


def test_table_of_contents_is_cross_checked():
    text = ("Indholdsfortegnelse\nGodkendelse af dagsorden..... 3\n\nPunkt 1: Godkendelse af dagsorden\n"
            "Beslutning\nGodkendt.\nPunkt 2: Budget\nBeslutning\nDrøftet.\n")
    [warning] = [w for w in parse_text(text).warnings if w.code == "toc_mismatch"]
    assert "Budget" in warning.message


HEADER_VARIANTS = """Børne- og Skoleudvalgets ordinære møde
Dato: 12. marts 2019
Start kl.: 15:00
Slut kl.: 17:30
Mødelokale 1, Rådhuset, Torvet 2
Deltagere
Anne Hansen (A), Bo Jensen (V), Carl Nielsen (C)
Martin Holm (V) havde forfald; i stedet deltog Jens Ravn (V).

Åbent punkt
1. Godkendelse af dagsorden
Beslutning
Godkendt.
Mødet sluttet kl. 17.30

Lukket punkt
2. Køb af ejendom
"""


def test_header_variants_and_an_item_with_only_a_title():
    meeting = parse_text(HEADER_VARIANTS)
    assert (meeting.committee, meeting.start_time, meeting.end_time, meeting.location) == (
        "Børne- og Skoleudvalget", "15:00", "17:30", "Mødelokale 1, Rådhuset, Torvet 2")
    people = {p.name: p for p in meeting.participants}
    assert set(people) >= {"Anne Hansen", "Bo Jensen", "Carl Nielsen"}
    assert people["Martin Holm"].present is False
    assert (people["Jens Ravn"].role, people["Jens Ravn"].substitute_for) == ("stedfortræder", "Martin Holm")
    # the closed item prints only its title: it has no body to parse
    assert [i.number for i in meeting.items] == ["1"]
    # The meeting's end under the decision is a protocol remark (corpus rules: only attendance lines
    # are left out of decision text); the end time is still read from the header.
    assert meeting.items[0].decision.text == "Godkendt.\nMødet sluttet kl. 17.30"


def test_roll_call_minority_dissents():
    text = ("Pkt. 13 Udbud af rengøring\nBeslutning i Kommunalbestyrelsen den 29-01-2013:\n"
            "Ændringsforslag fra Enhedslisten om at hjemtage rengøringen:\nFor stemte: Ø og F (4)\n"
            "Imod stemte: V, A, O og C (25)\nÆndringsforslaget blev forkastet.\n"
            "Herefter blev indstillingen godkendt med 25 stemmer mod 4.\n")
    decision = parse_text(text).items[0].decision
    assert sorted(d.party for d in decision.dissents) == ["F", "Ø"]
    assert (decision.votes.for_.count, decision.votes.against.count) == (4, 25)
    text = "1. Salg af grund\nBeslutning\nVedtaget med 27 stemmer mod 2 (V og O stemte imod).\n"
    assert sorted(d.party for d in parse_text(text).items[0].decision.dissents) == ["O", "V"]


def test_decision_first_layout_after_an_attendance_section():
    text = ("Kultur- og Fritidsudvalget - Referat\nFraværende\nLene Kristensen havde meldt afbud.\n\n"
            "Tilskud til musikfestival\nBeslutning\nGodkendt.\nSagsfremstilling\nFestivalen er aflyst.\n"
            "Indstilling\nKultur og Fritid indstiller, at tilskuddet ikke kræves tilbage.\n\n"
            "Genåbning af idrætshaller\nBeslutning\nTaget til efterretning.\nSagsfremstilling\nHallerne genåbnes.\n")
    meeting = parse_text(text)
    assert [(i.title, [s.key for s in i.sections]) for i in meeting.items] == [
        ("Tilskud til musikfestival", ["decision", "presentation", "recommendation"]),
        ("Genåbning af idrætshaller", ["decision", "presentation"])]


def test_running_header_between_page_markers_in_text():
    page = "Frederikshavn Kommune Byrådet - 27. maj 2020"
    text = (f"Byrådet\n41. Godkendelse af dagsorden\nBeslutning Byrådet den 27-05-2020\nGodkendt.\nSide 1 af 2\n"
            f"{page}\n42. Meddelelser\nBeslutning Byrådet den 27-05-2020\nIngen.\nSide 2 af 2\n{page}\n"
            "Underskriftsblad\nBirgit S. Hansen\n")
    meeting = parse_text(text)
    assert [i.decision.text for i in meeting.items] == ["Godkendt.", "Ingen."]
    assert [s.heading for s in meeting.items[-1].sections] == ["Beslutning Byrådet den 27-05-2020"]


def _items(text: str) -> list[tuple[str | None, str | None, str | None, str | None]]:
    meeting = parse_text(text)
    return [(item.number, item.title, item.case_number, item.decision.text if item.decision else None)
            for item in meeting.items]


HEAD = "Referat\nØkonomiudvalget\nMødedato: 12-09-2022\n\n"


def test_numbered_attachment_list_does_not_swallow_the_next_item():
    text = HEAD + ("Punkt 2: Takster\nSagsfremstilling\nTekst.\nBeslutning\nGodkendt.\nBilag\n"
                   "1. Takstoversigt 2024 (PDF)\n2. Beregningsgrundlag\n\nPunkt 3: Cykelsti\nSagsfremstilling\nTekst.\n"
                   "Beslutning\nUdsat.\n")
    assert [(n, t, d) for n, t, _, d in _items(text)] == [("2", "Takster", "Godkendt."), ("3", "Cykelsti", "Udsat.")]
    assert parse_text(text).items[0].attachments == ["1. Takstoversigt 2024 (PDF)", "2. Beregningsgrundlag"]


def test_sag_nr_with_title_is_an_item_and_sag_colon_is_a_case_number():
    text = HEAD + ("Sag nr. 87: Godkendelse af dagsorden\nSagsnr.: 00.01.00-A00-52-22\n\nBeslutning\nGodkendt.\n\n"
                   "Sag nr. 88: Kvalitetsstandard\nSag: 22/14552\n\nResumé\nTekst.\n\nBeslutning\nGodkendt.\n")
    assert _items(text) == [("87", "Godkendelse af dagsorden", "00.01.00-A00-52-22", "Godkendt."),
                            ("88", "Kvalitetsstandard", "22/14552", "Godkendt.")]
    assert parse_text(text).date == "2022-09-12"


def test_number_dash_title_with_a_competence_line_before_the_first_heading():
    text = HEAD + ("38 - Godkendelse af dagsorden\nSagsnr.: 23-001245\n\nBeslutning\nGodkendt.\n\n"
                   "39 - Skolestruktur\nSagsnr.: 23-009932\n\nBeslutningskompetence: BFU\n\nSagsfremstilling:\nTekst.\n\n"
                   "Beslutning:\nDrøftet.\n")
    assert _items(text) == [("38", "Godkendelse af dagsorden", "23-001245", "Godkendt."),
                            ("39", "Skolestruktur", "23-009932", "Drøftet.")]


def test_acadre_line_with_the_case_number_belongs_to_the_next_item():
    text = HEAD + ("Åbent - 00.22.04G01 - 2023/00412\n179. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n\n"
                   "Åbent - 07.00.05A08 - 2023/19877\n180. Takster\n\nSagsbeskrivelse\nTekst.\n\nBeslutning\nGodkendt.\n")
    assert _items(text) == [("179", "Godkendelse af dagsorden", "2023/00412", "Godkendt."),
                            ("180", "Takster", "2023/19877", "Godkendt.")]


def test_number_alone_on_its_line_before_the_title():
    text = HEAD + ("5.\nGodkendelse af dagsorden\nSagsnr.: 00.01.00-A00-31-23\nBESLUTNING\nGodkendt.\n\n"
                   "6.\nBudget 2024\nBESLUTNING\nGodkendt.\n")
    assert _items(text) == [("5", "Godkendelse af dagsorden", "00.01.00-A00-31-23", "Godkendt."),
                            ("6", "Budget 2024", None, "Godkendt.")]


def test_headings_glued_to_long_paragraphs_and_to_a_dated_decision_heading():
    paragraph = "Arealet er vurderet af en ekstern mægler til 180.000 kr. " * 4
    text = "Referat\nByrådet\nMødedato: 28-02-2024\n\n" + (f"Punkt 13 Salg af areal\nSagsnr.: 23/14508\nSagsfremstilling{paragraph.strip()}\n"
                   "Beslutning Økonomiudvalget den 19-02-2024Anbefales.\nBeslutning Byrådet den 28-02-2024Godkendt.\n")
    item = parse_text(text).items[0]
    assert [(s.key, s.heading) for s in item.sections] == [
        ("presentation", "Sagsfremstilling"), ("decision", "Beslutning Økonomiudvalget den 19-02-2024"),
        ("decision", "Beslutning Byrådet den 28-02-2024")]
    assert item.sections[0].text == paragraph.strip()
    assert (item.decision.text, item.decision.outcome) == ("Godkendt.", "approved")
    assert [(c.body, c.outcome) for c in item.consultations] == [("Økonomiudvalget", "recommended")]


def test_question_heading_keeps_its_text():
    text = HEAD + "Punkt 7: Halvårsregnskab\nHvad skal vi beslutte?\nUdvalget skal tage stilling.\nBeslutning\nGodkendt.\n"
    sections = parse_text(text).items[0].sections
    assert [(s.key, s.heading, s.text) for s in sections] == [
        ("theme", "Hvad skal vi beslutte?", "Udvalget skal tage stilling."), ("decision", "Beslutning", "Godkendt.")]


def test_web_site_footer_is_not_part_of_the_last_decision():
    text = HEAD + ("Punkt 49 Eventuelt\nBeslutning\nIngen.\nTil toppen\nKontakt\nEksempel Kommune\nTorvet 1\n"
                   "9999 Byen\nTlf. 11 22 33 44\nPrivatlivspolitik\n")
    assert _items(text) == [("49", "Eventuelt", None, "Ingen.")]
    footer_only_names_town = "Punkt 1: Budget\nBeslutning\nGodkendt.\n© 2024 Roskilde Kommune · Rådhusbuen 1 · 4000 Roskilde\n"
    meeting = parse_text(footer_only_names_town)
    assert meeting.items[0].decision.text == "Godkendt."
    assert meeting.municipality == "Roskilde"


def test_closed_item_after_the_last_decision_of_unnumbered_minutes():
    item = "Åbent punkt\n{title}\nSagsnr.: {case}\nSagsfremstilling\nTekst.\nBeslutning Byrådet den 07-02-2024\n{decision}\n\n"
    text = ("Byrådet\nMødedato: 07.02.2024\n\n" + item.format(title="Budget", case="24/1", decision="Godkendt.")
            + item.format(title="Skole", case="24/2", decision="Drøftet.\nImod stemte: Anne Hansen (A)")
            + "Lukket punkt\nEkspropriation - Nørregade\nSagsnr.: 23/10133\n\nLukket punkt\nKøb af jord\n")
    items = parse_text(text).items
    assert [(i.title, i.case_number, i.public, i.decision and i.decision.text) for i in items] == [
        ("Budget", "24/1", True, "Godkendt."), ("Skole", "24/2", True, "Drøftet.\nImod stemte: Anne Hansen (A)"),
        ("Ekspropriation - Nørregade", "23/10133", False, None)]


def test_running_header_printed_beside_the_page_marker_is_dropped():
    page = "Byrådet - Referat - 27. marts 2024                          Side {n} af 9\n\n"
    text = ("Referat\nByrådet\nMødedato: 27. marts 2024\n\n" + page.format(n=1)
            + "1. Godkendelse af dagsorden\nSagsnr.: 24/4512\n\nBeslutning\nGodkendt.\n\n" + page.format(n=2)
            + "2. Budget\nSagsnr.: 24/4513\n\nBeslutning\nTaget til efterretning.\n\n" + page.format(n=3))
    assert [d for *_, d in _items(text)] == ["Godkendt.", "Taget til efterretning."]


def test_decision_heading_with_a_bracketed_date_and_open_closed_marks_in_titles():
    text = ("Referat\nKlimaudvalget\nMødedato: 13. maj 2024\n\n"
            "1. (Åben) Godkendelse af dagsorden\nSag nr.: 24/5021\n\nBESLUTNING (13.05.2024)\nGodkendt.\n\n"
            "56 (Å) Budget\nSagsnr.: 24/7110\n\nForvaltningens anbefaling\nAt budgettet godkendes.\n\n"
            "BESLUTNING (13.05.2024)\nDrøftet.\n\n59 (L) Personalesag\nLukket punkt.\n")
    items = parse_text(text).items
    assert [(i.number, i.title, i.public, i.decision and i.decision.text) for i in items] == [
        ("1", "Godkendelse af dagsorden", True, "Godkendt."), ("56", "Budget", True, "Drøftet."),
        ("59", "Personalesag", False, None)]
    assert items[0].decision.date == "2024-05-13"
    assert [s.key for s in items[1].sections] == ["recommendation", "decision"]


def test_sag_number_title_items_and_a_closed_meeting_marker():
    text = ("Referat\nTeknik- og Miljøudvalget\nMødedato: 12-09-2024\n\n"
            "Sag 18        Fælles affaldsordning\nSagsnr.: 24/2381\tSagen afgøres i: Byrådet\nBeslutning\nGodkendt.\n\n"
            "Sag 19 Orientering om vandløb\nSagsnr.: 24/1904\nBeslutning\nTaget til efterretning.\n\nLUKKET MØDE\n\n"
            "Sag 20 Køb af areal\nSagsnr.: 23/22790\nBeslutning\nGodkendt.\n")
    assert _items(text) == [("18", "Fælles affaldsordning", "24/2381", "Godkendt."),
                            ("19", "Orientering om vandløb", "24/1904", "Taget til efterretning."),
                            ("20", "Køb af areal", "23/22790", "Godkendt.")]
    assert parse_text(text).items[2].public is False


def test_emailed_minutes_with_ad_numbering():
    text = ("REFERAT AF ÆLDRERÅDETS MØDE\ntirsdag d. 9. marts 2010 kl. 13.30\n\n"
            "Ad 1) Godkendelse af referat\nReferatet blev godkendt uden bemærkninger.\n\n"
            "Ad 2) Høring om madservice\nUdkastet blev gennemgået.\nBeslutning: Høringssvaret blev godkendt.\n\n"
            "Ad 3) Meddelelser\nBeslutning: Taget til efterretning.\n")
    assert [(n, t, d) for n, t, _, d in _items(text)] == [
        ("1", "Godkendelse af referat", "Referatet blev godkendt uden bemærkninger."),
        ("2", "Høring om madservice", "Høringssvaret blev godkendt."), ("3", "Meddelelser", "Taget til efterretning.")]


def test_punkt_nr_and_pipe_numbering_and_an_open_mark_after_the_case_number():
    text = HEAD + ("Punkt nr. 1 - Ansøgning om tilskud\nSagsnummer: 22/04519 - Åben\nBeslutning\nGodkendt.\n\n"
                   "Punkt 2 | Ny idrætshal\nSagsnummer: 22/04877 - Lukket\nBeslutning\nUdsat.\n")
    items = parse_text(text).items
    assert [(i.number, i.title, i.case_number, i.public) for i in items] == [
        ("1", "Ansøgning om tilskud", "22/04519", True), ("2", "Ny idrætshal", "22/04877", False)]


def test_table_of_contents_lines_do_not_start_items_before_the_real_ones():
    text = HEAD + ("Indholdsfortegnelse\n\nÅbne sager\nPkt. 45 Godkendelse af dagsorden\nPkt. 46 Budget\n\n"
                   "Lukkede sager\nPkt. 48 Køb af areal\n\n"
                   "Pkt. 45 Godkendelse af dagsorden\nSagsid.: 16/2214\n\nBeslutning\nGodkendt.\n\n"
                   "Pkt. 46 Budget\nSagsid.: 15/30871\n\nBeslutning\nAnbefales.\n")
    assert [(n, c) for n, _, c, _ in _items(text)] == [("45", "16/2214"), ("46", "15/30871")]


def test_short_running_header_block_before_the_page_marker_is_dropped():
    page = "Byrådet\n25. marts 2013\nSide {n} af 3\n\n"
    text = ("Referat\nByrådet\nMødedato: 25. marts 2013\n\n" + page.format(n=1)
            + "1. Godkendelse af dagsorden\nSagsnr.: 13/1\nBeslutning\nGodkendt.\n\n" + page.format(n=2)
            + "2. Budget\nSagsnr.: 13/2\nBeslutning\nGodkendt.\n\n" + page.format(n=3)
            + "3. Meddelelser\nSagsnr.: 13/3\nBeslutning\nTaget til efterretning.\n")
    assert [d for *_, d in _items(text)] == ["Godkendt.", "Godkendt.", "Taget til efterretning."]


def test_unnumbered_item_after_the_last_numbered_one():
    text = HEAD + ("Punkt 60 | Status på dagtilbud\nSagsnummer: 22/00598\nSagsfremstilling\nTekst.\nBeslutning\n"
                   "Til orientering.\n\nEventuelt\nBeslutning\nLise Dalby spurgte til vikardækningen.\n")
    assert _items(text) == [("60", "Status på dagtilbud", "22/00598", "Til orientering."),
                            (None, "Eventuelt", None, "Lise Dalby spurgte til vikardækningen.")]


def test_genitive_treatment_heading_is_an_earlier_bodys_decision():
    text = ("Referat\nByrådet\nMødedato: 25. januar 2017\n\n1. Budget\nSagsnr.: 17/1\nIndstilling\n"
            "Direktionen indstiller, at budgettet godkendes.\nØkonomiudvalgets behandling den 11. januar 2017:\n"
            "Anbefales.\nBeslutning\nGodkendt.\n")
    item = parse_text(text).items[0]
    assert [s.key for s in item.sections] == ["recommendation", "decision", "decision"]
    assert [(c.body, c.date, c.outcome) for c in item.consultations] == [("Økonomiudvalget", "2017-01-11", "recommended")]
    assert item.decision.text == "Godkendt."


def test_web_footer_that_starts_with_the_municipality_name():
    text = HEAD + ("89. Spørgsmål fra medlemmerne\nSagsnummer: 21/13\nBeslutning\nIngen.\nTil toppen\nEksempel Kommune\n"
                   "Torvet 1\n9999 Byen\nTlf. 11 22 33 44\nCookiepolitik\n")
    assert _items(text) == [("89", "Spørgsmål fra medlemmerne", "21/13", "Ingen.")]


def test_sag_nr_title_on_one_line_and_sag_nr_above_its_title():
    text = HEAD + ("Sag nr. 34  Godkendelse af dagsorden\nSagsid: 08/4411\nBeslutning\nGodkendt.\n\n"
                   "Sag nr. 35\nBudget 2009\nJ.nr.: 00.30.00Ø00 - 2008/1877\nBeslutning\nGodkendt.\n\n"
                   "Punkt 36 Daginstitution\n17/9941\nBeslutning\nUdsat.\n")
    assert _items(text) == [("34", "Godkendelse af dagsorden", "08/4411", "Godkendt."),
                            ("35", "Budget 2009", "2008/1877", "Godkendt."), ("36", "Daginstitution", "17/9941", "Udsat.")]


def test_layout_text_with_headings_in_the_left_margin():
    text = ("Referat\nSocial- og Sundhedsudvalget\nMødedato: 14. april 2009\n\n"
            "37.           Godkendelse af dagsorden\n\nBeslutning    Godkendt.\n\n"
            "38.           Kvalitetsstandarder\n              Sagsnr.: 09/3312\n\n"
            "Sagsfrem-     Kommunalbestyrelsen skal årligt revidere standarderne for\n"
            "stilling      personlig og praktisk hjælp.\n\n"
            "Indstilling   Direktøren indstiller, at standarderne godkendes.\n\n"
            "Beslutning    Godkendt.\n\n"
            "Social- og Sundhedsudvalget, 14. april 2009                                Side 2\n"
            "________________________________________________________________\n\n"
            "39.           Sundhedsaftale\n              Sagsnr.: 07/15520\n\nBeslutning    Taget til efterretning.\n\n"
            "Social- og Sundhedsudvalget, 14. april 2009                                Side 3\n")
    items = parse_text(text).items
    assert [[s.heading for s in i.sections] for i in items] == [
        ["Beslutning"], ["Sagsfremstilling", "Indstilling", "Beslutning"], ["Beslutning"]]
    assert [i.decision.text for i in items] == ["Godkendt.", "Godkendt.", "Taget til efterretning."]
    assert items[1].sections[0].text == ("Kommunalbestyrelsen skal årligt revidere standarderne for "
                                         "personlig og praktisk hjælp.")


def test_a_footer_and_a_header_with_page_markers_are_one_page_break():
    page = "Faxe Kommune                                     Side {n}\nByrådet, 26-06-2014                      Side {n} af 4\n\n"
    text = ("Referat\nByrådet\nMødedato: 26-06-2014\n\n" + page.format(n=1)
            + "116. Godkendelse af dagsorden\nSagsnr.: 14/1\nBeslutning\nGodkendt.\n\n" + page.format(n=2)
            + "117. Budget\nSagsnr.: 14/2\nBeslutning\nVedtaget.\n\n" + page.format(n=3)
            + "118. Lokalplan\nSagsnr.: 14/3\nBeslutning\nGodkendt.\n\n" + page.format(n=4))
    assert [d for *_, d in _items(text)] == ["Godkendt.", "Vedtaget.", "Godkendt."]


def test_small_council_minutes_with_referat_as_the_decision_heading():
    text = ("Referat\nHandicaprådet\nMødedato: 3. marts 2022\n\n1. Godkendelse af dagsorden\nReferat:\nGodkendt.\n\n"
            "2. Tilgængelighed\nSagsfremstilling\nTekst.\nReferat:\nDrøftet.\n\n"
            "Referent: Hanne Lund\n")
    items = parse_text(text).items
    assert [(i.decision.text, i.decision.outcome) for i in items] == [("Godkendt.", "approved"), ("Drøftet.", "discussed")]


def test_breadcrumb_is_noise_and_an_adjective_body_is_the_committee():
    text = ("Skive Kommune - Dagsordener og referater\nForside > Politik > Udvalg > Teknisk Udvalg > Referat\n\n"
            "Teknisk Udvalg\nReferat\n\nMødedato: 10.03.2008\n\n1. Godkendelse af dagsorden\nSagsnr.: 08/1\n"
            "Beslutning\nGodkendt.\n")
    assert parse_text(text).committee == "Teknisk Udvalg"


def test_genitive_recommendation_of_an_earlier_body_is_a_consultation():
    text = ("Referat\nKommunalbestyrelsen\nMødedato: 24. april 2012\n\n1. Budget\nSagsnr.: 12/1\nIndstilling\n"
            "Direktionen indstiller, at budgettet godkendes.\n"
            "Økonomiudvalgets indstilling til Kommunalbestyrelsen den 16. april 2012\nAnbefales.\nBeslutning\nGodkendt.\n")
    item = parse_text(text).items[0]
    assert [(c.body, c.date, c.outcome) for c in item.consultations] == [("Økonomiudvalget", "2012-04-16", "recommended")]
    assert item.decision.text == "Godkendt."


def test_tab_separated_contents_line_is_not_a_margin_heading():
    text = HEAD + "Indholdsfortegnelse\nGodkendelse af dagsorden.....\t3\nUnderskriftsark.....\t4\n\n" + (
        "Punkt 1: Godkendelse af dagsorden\nSagsnr.: 23/1\nBeslutning\nGodkendt.\n")
    meeting = parse_text(text)
    assert [entry.title for entry in meeting.toc] == ["Godkendelse af dagsorden", "Underskriftsark"]


def test_tables_and_justified_lines_are_not_margin_headings():
    text = HEAD + ("Punkt 4: Budget\nSagsnr.: 24/1\nBeslutning\nAfstemning om forslaget:\n"
                   "Forslag      For    Imod\nA            12     3\nForslaget blev godkendt.\n")
    item = parse_text(text).items[0]
    assert [s.key for s in item.sections] == ["decision"]
    assert item.decision.outcome == "approved"
    justified = HEAD + ("Punkt 5: Tilskud\nSagsnr.: 24/2\nSagsfremstilling\nKommunens tilskud dækker udgifter til\n"
                        "Økonomi      og     tilskud   hører under udvalget.\nBeslutning\nGodkendt.\n")
    assert [s.key for s in parse_text(justified).items[0].sections] == ["presentation", "decision"]


def test_a_decision_ending_every_page_is_not_a_running_line():
    page = "Beslutning\nGodkendt.\nFraværende: Ib Holm (V)\nSide {n} af 4\n\n"
    text = "Referat\nByrådet\nMødedato: 3. maj 2024\n\n" + "".join(
        f"{n}. Punkt nummer {n}\nSagsnr.: 24/{n}\n" + page.format(n=n) for n in range(1, 5))
    assert [(i.decision.text, i.decision.outcome) for i in parse_text(text).items] == [("Godkendt.", "approved")] * 4


def test_second_plain_decision_without_a_title_line_stays_in_its_item():
    for body in ("Beslutning\nAnbefales til godkendelse.\nIb Holm (V) deltog ikke\nBeslutning\nGodkendt.\n",
                 "Beslutning\nØkonomiudvalget 3. marts 2024\nAnbefales\nBeslutning\nByrådet 12. marts 2024\nGodkendt.\n"):
        items = parse_text(HEAD + "Punkt 7: Budget\nSagsnr.: 24/7\n" + body).items
        assert [i.number for i in items] == ["7"], body


def test_a_header_note_about_a_later_item_does_not_start_the_items():
    text = HEAD + ("Ændringer til dagsordenen:\nPunkt 4 Trafikplan for midtbyen\nSagen blev trukket af forvaltningen.\n\n"
                   + "".join(f"Punkt {n}: Sag nummer {n}\nSagsnr.: 24/{n}\nBeslutning\nGodkendt.\n\n" for n in (1, 2, 3)))
    assert [n for n, *_ in _items(text)] == ["1", "2", "3"]


def test_adverbs_before_a_body_are_not_part_of_its_name():
    from referat_parser.lexicon.bodies import find_bodies

    assert [name for name, *_ in find_bodies("Endelig Byrådet og Samtidig Økonomiudvalget")] == ["Byrådet",
                                                                                            "Økonomiudvalget"]
    assert [name for name, *_ in find_bodies("Teknisk Udvalg")] == ["Teknisk Udvalg"]


def test_breadcrumb_line_is_gone_from_the_text():
    text = "Forside > Politik > Udvalg > Referat\n\nReferat\nByrådet\n\n1. Budget\nSagsnr.: 24/1\nBeslutning\nGodkendt.\n"
    assert "Forside" not in parse_text(text).model_dump_json()


def test_unnumbered_items_some_with_a_decision_only():
    item = "{title}\n{sections}Beslutning\n{decision}\n\n"
    text = "Handicaprådet\nReferat fra møde torsdag den 14. september 2023, kl. 14.00\n\n" + "".join(
        item.format(title=t, sections=s, decision=d) for t, s, d in [
            ("Godkendelse af dagsorden", "", "Godkendt."),
            ("Høring over budget", "Sagsfremstilling\nForslaget indeholder en reduktion.\n", "Drøftet."),
            ("Tilgængelighed på havnen", "Sagsfremstilling\nEn drøftelse af adgangen.\n", "Drøftet."),
            ("Orientering fra formanden", "", "Til orientering."),
            ("Eventuelt", "", "Intet.")])
    items = parse_text(text).items
    assert [(i.title, i.decision.text) for i in items] == [
        ("Godkendelse af dagsorden", "Godkendt."), ("Høring over budget", "Drøftet."),
        ("Tilgængelighed på havnen", "Drøftet."), ("Orientering fra formanden", "Til orientering."), ("Eventuelt", "Intet.")]


def test_genitive_name_of_a_municipality_gives_its_bare_name():
    text = "Vesthimmerlands Kommune\nReferat\nByrådet\n\n1. Budget\nSagsnr.: 24/1\nBeslutning\nGodkendt.\n"
    assert parse_text(text).municipality == "Vesthimmerland"


def test_running_footer_with_its_page_number_on_one_line_whatever_the_spacing():
    footer = "Eksempel Kommune Folkeoplysningsudvalget 10-06-2015 Side {n}\n"
    text = ("Referat\nFolkeoplysningsudvalget\nMødedato: 10-06-2015\n\n"
            + "".join(f"{n}. Sag nummer {n}\nSagsnr.: 15/{n}\nBeslutning\nGodkendt.\n" + footer.format(n=n)
                      for n in (1, 2, 3)))
    assert [d for *_, d in _items(text)] == ["Godkendt."] * 3
    once = HEAD + "1. Budget\nSagsnr.: 15/1\nBeslutning\nGodkendt, se bilaget på side 3\n"
    assert [d for *_, d in _items(once)] == ["Godkendt, se bilaget på side 3"]


def test_open_or_closed_mark_at_the_end_of_a_title_and_substitute_wordings():
    text = ("Referat\nByrådet\nMødedato: 3. maj 2024\nFraværende: Ole Berg (A), Kim Dahl (V)\n"
            "I stedet for Ole Berg deltog 1. suppleant Eva Lund (A).\nSom suppleant for Kim Dahl deltog Bo Lind.\n\n"
            "Pkt. nr. 44 Salg af grund på havnen (Lukket punkt)\nSagsnr.: 24/44\nBeslutning\nGodkendt.\n")
    meeting = parse_text(text)
    assert meeting.items[0].public is False
    assert [(p.name, p.substitute_for) for p in meeting.participants if p.role == "stedfortræder"] == [
        ("Eva Lund", "Ole Berg"), ("Bo Lind", "Kim Dahl")]


def test_items_before_the_first_structured_one_are_items():
    text = HEAD + ("1. Godkendelse af dagsorden\nGodkendt.\n\n2. Anlægsbevilling\nSagsnr.: 24/2871\nBeslutning\nAnbefales.\n\n"
                   "3. Kvartalsrapport\nSagsnr.: 24/0419\nBeslutning\nTaget til efterretning.\n")
    assert [(n, t) for n, t, *_ in _items(text)] == [("1", "Godkendelse af dagsorden"), ("2", "Anlægsbevilling"),
                                                      ("3", "Kvartalsrapport")]
    recommendations = HEAD + ("Direktionen indstiller,\n1. at budgettet godkendes\n2. at rammen fastholdes\n\n"
                              "3. Kvartalsrapport\nSagsnr.: 24/0419\nBeslutning\nGodkendt.\n")
    assert [n for n, *_ in _items(recommendations)] == ["3"]


def test_a_table_belongs_to_the_item_that_prints_it():
    from referat_parser.models import Source
    from referat_parser.pipeline import build_meeting
    from referat_parser.read.document import Document, RawLine

    texts = ["Referat", "Økonomiudvalget", "Mødedato: 12. marts 2024", "1. Godkendelse af dagsorden", "Godkendt.",
             "2. Anlægsbevilling", "Sagsnr.: 24/2871", "Økonomi", "Ventilation og indeklima 2.350.000", "I alt 2.350.000",
             "Beslutning", "Anbefales.", "3. Kvartalsrapport", "Sagsnr.: 24/0419", "Beslutning", "Godkendt."]
    rows = [["Ventilation og indeklima", "2.350.000"], ["I alt", "2.350.000"]]
    doc = Document([RawLine(t, page=1) for t in texts], format="pdf", pages=1, tables=[(1, rows)])
    meeting = build_meeting(doc, Source(path="x.pdf", sha256="0", format="pdf", pages=1, size=0))
    assert [(i.number, [t.rows for t in i.tables]) for i in meeting.items] == [("1", []), ("2", [rows]), ("3", [])]


def test_header_and_case_lines_from_a_pdf_hold_out_set():
    text = ("Frederikssund Byråd Referat 19. juni 2024\nReferat af ordinært møde i Frederikssund Byråd\n"
            "Onsdag den 19. juni 2024 kl. 18.00 i Byrådssalen, Torvet 2\n\n"
            "Åbent punkt    Sagsnr. 25/112\n112. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n"
            "113. Dispensation\nSags ID: 82.04.00-S00-3-23\nBeslutning\nAnsøgningen blev afslået.\n")
    meeting = parse_text(text)
    assert meeting.location == "Byrådssalen, Torvet 2"
    assert [(i.case_number, i.decision.outcome) for i in meeting.items] == [("25/112", "approved"),
                                                                           ("82.04.00-S00-3-23", "rejected")]


def test_sag_nr_line_takes_its_title_from_below_when_a_label_line_is_above():
    text = HEAD + ("Fraværende: Jens Erik Nygaard\n\nSag nr. 201\nEndelig vedtagelse af lokalplan\nSagsnr.: 20/1\n"
                   "Beslutning\nGodkendt.\n")
    assert [(n, t) for n, t, *_ in _items(text)] == [("201", "Endelig vedtagelse af lokalplan")]


def test_municipality_named_only_in_a_running_header():
    page = "Eksempelby\nFavrskov Kommune - Social- og Sundhedsudvalget\nSide {n} af 3\n\n"
    text = "Referat\nSocial- og Sundhedsudvalget\nMødedato: 3. maj 2024\n\n" + "".join(
        page.format(n=n) + f"{n}. Sag nummer {n}\nSagsnr.: 24/{n}\nBeslutning\nGodkendt.\n\n" for n in (1, 2, 3))
    meeting = parse_text(text)
    assert meeting.municipality == "Favrskov"
    assert all(i.decision.text == "Godkendt." for i in meeting.items)


def test_bold_item_title_after_a_plain_numbered_list_in_a_pdf():
    from referat_parser.models import Source
    from referat_parser.pipeline import build_meeting
    from referat_parser.read.document import Document, RawLine

    rows = [("Referat", True), ("Kulturudvalget", True), ("Mødedato: 3. maj 2024", False),
            ("1. Godkendelse af dagsorden", True), ("Sagsnr.: 24/1", False), ("Beslutning", True), ("Godkendt.", False),
            ("2. Idrætspolitik", True), ("Sagsnr.: 24/2", False), ("Bilag", True), ("1. Udkast til politik", False),
            ("2. Høringssvar", False), ("3. Kunstgræsbane - status", True), ("Sagsnr.: 24/3", False),
            ("Beslutning", True), ("Taget til efterretning.", False)]
    doc = Document([RawLine(text, page=1, bold=bold) for text, bold in rows], format="pdf", pages=1)
    meeting = build_meeting(doc, Source(path="x.pdf", sha256="0", format="pdf", pages=1, size=0))
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Idrætspolitik"), ("3", "Kunstgræsbane - status")]


def test_margin_headings_that_the_pdf_reader_marks_with_tabs():
    from referat_parser.models import Source
    from referat_parser.pipeline import build_meeting
    from referat_parser.read.document import Document, RawLine

    texts = ["Referat", "Teknik- og Miljøudvalget", "Mødedato\t8. november 2022", "Pkt. 87 Klimatilpasningsplan",
             "Sagsnr.\t22-004512", "Sagsfremstilling\tPlanen beskriver, hvordan byerne beskyttes.",
             "Indstilling\tForvaltningen indstiller, at planen vedtages.", "Beslutning\tAnbefales.",
             "Økonomi\t2.350.000"]
    doc = Document([RawLine(t, page=1) for t in texts], format="pdf", pages=1)
    item = build_meeting(doc, Source(path="x.pdf", sha256="0", format="pdf", pages=1, size=0)).items[0]
    assert [s.key for s in item.sections] == ["presentation", "recommendation", "decision"]
    assert item.decision.text.startswith("Anbefales.")  # "Økonomi\t2.350.000" is a table row, not a heading
