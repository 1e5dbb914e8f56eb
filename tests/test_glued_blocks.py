"""Block boundaries that a saved web page lost: two blocks glued on one line. Snippets written for
these tests."""

import pytest

from referat_parser import parse_text
from referat_parser.clean import clean
from referat_parser.read import Document, RawLine


def _lines(text: str, fmt: str = "text") -> list[str]:
    doc = Document([RawLine(line) for line in text.split("\n")], fmt)
    return [line.text for line in clean(doc).lines if line.text]


@pytest.mark.parametrize(
    ("glued", "lines"),
    [
        ("Indholdsfortegnelse1. Godkendelse af dagsorden", ["Indholdsfortegnelse", "1. Godkendelse af dagsorden"]),
        ("Sagen forelægges i henhold til fortegnelsen.Indstilling", ["Sagen forelægges i henhold til fortegnelsen.",
                                                                    "Indstilling"]),
        ("Fraværende- Hanne Jensen (A)", ["Fraværende", "- Hanne Jensen (A)"]),
        ("UdvalgByrådet", ["Udvalg: Byrådet"]),
        ("Mødedato2. maj 2023", ["Mødedato: 2. maj 2023"]),
    ],
)
def test_glued_blocks_are_split(glued, lines):
    assert _lines(glued) == lines


@pytest.mark.parametrize(
    "line",
    ["Økonomi- og Planudvalget mandag den 2. maj 2023", "Økonomi- Erhvervs- og Planudvalget",
     "Økonomi- Personale- og IT-forhold", "UDVALGET FOR TEKNIK", "Udvalgsformand Hanne Jensen",
     "Datoen for mødet er flyttet.", "Tidsplan for arbejdet", "Indholdet af planen er uændret.",
     "Sagen forelægges med en indstilling"],
)
def test_ordinary_lines_are_not_split(line):
    assert _lines(line) == [line]


def test_a_pdf_line_is_never_split():
    assert _lines("UdvalgByrådet", fmt="pdf") == ["UdvalgByrådet"]


def test_a_saved_page_with_glued_blocks_parses_like_one_without():
    text = ("Referat\nMødestedRådssalen\nUdvalgKommunalbestyrelsen\nMødedato: 2. maj 2023\n\n"
            "1. Godkendelse af dagsorden\nSagsfremstilling\nDagsordenen forelægges.Indstilling\n"
            "Direktionen indstiller, at dagsordenen godkendes.\nBeslutning\nGodkendt.\nFraværende- Hanne Jensen (A)\n")
    meeting = parse_text(text)
    assert (meeting.committee, meeting.location) == ("Kommunalbestyrelsen", "Rådssalen")
    item = meeting.items[0]
    assert [s.heading for s in item.sections] == ["Sagsfremstilling", "Indstilling", "Beslutning", "Fraværende"]
    assert item.decision.text == "Godkendt."
    assert [(p.name, p.present) for p in meeting.participants] == [("Hanne Jensen", False)]


def test_the_prefilter_asks_every_cheap_test_of_the_glue_rules():
    """_split_glued_blocks asks GLUE_PREFILTER's tests (unpacked, no loop), not GLUE_RULES': a rule with a new
    cheap test must add it there, or its lines would never reach the rule."""
    from referat_parser.clean import GLUE_PREFILTER, GLUE_RULES

    assert {test for _, test in GLUE_RULES} == set(GLUE_PREFILTER)
