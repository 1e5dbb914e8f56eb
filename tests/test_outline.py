"""The parser's side of meeting-system exports: a Document whose Outline states the header, the items
and their fields is segmented by that outline (outline.py), the clean stage keeps its lines one to
one, and the export's values win over what the text suggests. Documents built by hand here, with
invented names, so that no export reader is involved."""

from referat_parser.api import _parse_document
from referat_parser.clean import clean
from referat_parser.outline import OTHER_KEY, caption_heading
from referat_parser.read.document import (
    Document,
    Outline,
    OutlineItem,
    OutlinePerson,
    OutlineSection,
    RawLine,
)


def document(texts: list[str], outline: Outline) -> Document:
    return Document(lines=[RawLine(t) for t in texts], format="xml-sbsys", outline=outline)


LINES = [
    "Plan- og Boligudvalget",        # 0 header
    "Mødelokale 3",                  # 1
    "Hanne Jensen (A)",              # 2
    "",                              # 3
    "1. Ny lokalplan for havnen",    # 4 item 1
    "",                              # 5
    "Sagsfremstilling",              # 6 field
    "Havnen skal omdannes.",         # 7
    "",                              # 8
    "Bemærkninger fra Ældrerådet",   # 9 field the vocabulary does not know
    "Ingen bemærkninger.",           # 10
    "",                              # 11
    "Udvalgets afgørelse",           # 12 field the export marks as the decision
    "Godkendt.",                     # 13
    "Venstre stemte imod.",          # 14
    "",                              # 15
    "2. Eventuelt",                  # 16 item 2: text without fields
    "Sagsfremstilling",              # 17
    "Intet.",                        # 18
    "Beslutning",                    # 19
    "Taget til efterretning.",       # 20
]


def outline() -> Outline:
    return Outline(
        export="xml-sbsys", committee="Plan- og Boligudvalget", date="2024-05-02", start_time="17:00",
        location="Mødelokale 3",
        participants=[OutlinePerson("Hanne Jensen (A)", role="Formand", present=True),
                      OutlinePerson("Ole  Berg", party="O", role="Medlem", present=False)],
        header_end=4,
        items=[
            OutlineItem("1", "Ny lokalplan for havnen", "24/1234", True, 4, 14, sections=[
                OutlineSection("Sagsfremstilling", 6, 7),
                OutlineSection("Bemærkninger fra Ældrerådet", 9, 10),
                OutlineSection("Udvalgets afgørelse", 12, 14, key="decision"),
            ], attachments=["Kort over havnen"]),
            OutlineItem("2", "Eventuelt", None, None, 16, 20),
        ],
        dropped=["Item/Secret (2x)"],
    )


def test_clean_keeps_the_lines_of_an_outline_one_to_one():
    texts = ["a", "", "", "\u200b", "  b\u00a0 c  ", ""]
    cleaned = clean(document(texts, Outline(export="xml-sbsys")))
    assert [line.text for line in cleaned.lines] == ["a", "", "", "", "b c", ""]


def test_the_outline_states_items_sections_and_header():
    meeting = _parse_document(document(LINES, outline()), b"", "in/export.xml")
    assert (meeting.committee, meeting.date, meeting.start_time, meeting.location) == (
        "Plan- og Boligudvalget", "2024-05-02", "17:00", "Mødelokale 3")
    assert [(p.name, p.party, p.role, p.present) for p in meeting.participants] == [
        ("Hanne Jensen", "A", "formand", True), ("Ole Berg", "O", None, False)]
    first, second = meeting.items
    assert (first.number, first.title, first.case_number, first.public, first.attachments) == (
        "1", "Ny lokalplan for havnen", "24/1234", True, ["Kort over havnen"])
    assert [(s.key, s.heading, s.text) for s in first.sections] == [
        ("presentation", "Sagsfremstilling", "Havnen skal omdannes."),
        (OTHER_KEY, "Bemærkninger fra Ældrerådet", "Ingen bemærkninger."),
        ("decision", "Udvalgets afgørelse", "Godkendt.\nVenstre stemte imod."),
    ]
    # Decision, outcome and dissent come from the field's text, as in printed minutes.
    assert (first.decision.text, first.decision.outcome) == ("Godkendt.\nVenstre stemte imod.", "approved")
    assert [d.party for d in first.decision.dissents] == ["V"]
    # An item without fields is split at the headings of its text.
    assert [(s.key, s.text) for s in second.sections] == [("presentation", "Intet."),
                                                          ("decision", "Taget til efterretning.")]
    assert second.decision.outcome == "noted"


def test_dropped_export_fields_are_one_warning():
    meeting = _parse_document(document(LINES, outline()), b"", "in/export.xml")
    dropped = [w for w in meeting.warnings if w.code == "export_fields_dropped"]
    assert len(dropped) == 1 and "Item/Secret (2x)" in dropped[0].message


def test_spans_point_at_the_fields_lines():
    meeting = _parse_document(document(LINES, outline()), b"", "in/export.xml")
    text = clean(document(LINES, outline())).text
    section = meeting.items[0].sections[2]
    assert text[section.span.start:section.span.end] == "Udvalgets afgørelse\nGodkendt.\nVenstre stemte imod."


def test_caption_headings():
    assert caption_heading("INDSTILLING").key == "recommendation"
    decision = caption_heading("Beslutning i Plan- og Boligudvalget den 2. maj 2024:")
    assert (decision.key, decision.body, decision.date, decision.printed) == (
        "decision", "Plan- og Boligudvalget", "2024-05-02", "Beslutning i Plan- og Boligudvalget den 2. maj 2024")
    assert (caption_heading("Gruppens noter").key, caption_heading("Gruppens noter").printed) == (
        OTHER_KEY, "Gruppens noter")  # a caption no vocabulary names
    assert caption_heading("Oplæg").key == "presentation"
    assert caption_heading("Referat", key="decision").key == "decision"
