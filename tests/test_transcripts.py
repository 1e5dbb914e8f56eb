"""One-line-per-page PDF transcripts: a viewer prints the PDF's title, its boilerplate and then each page
as one line that starts with the page number. Snippets written for these tests."""

from referat_parser import parse_text
from referat_parser.clean import clean
from referat_parser.read import Document, RawLine
from referat_parser.transcripts import is_transcript, page_lines, running_header, split_page
from regex_tree import openers

VIEWER = 'Referat. fra Teknisk Udvalg\n\nStørrelse: px\nStarte visningen fra side:\n\nDownload "Referat"\n\nTranskript\n\n'

PAGE_ONE = ("1 Referat fra Teknisk Udvalg Mødedato: Mandag den 6. marts 2023 Mødetidspunkt: 9:30-11:00 "
            "Mødested: Deltagere: Rådhusets mødelokale 2 Hanne Jensen (A), Bo Holm (V) Afbud: Fraværende:")
CONTENTS = "2 Indholdsfortegnelse Side 1. Godkendelse af dagsorden Vejbelysning i Østerby Underskriftsblad Side 1"
PAGE_THREE = ("3 1. Godkendelse af dagsorden Dok.nr.: 1200 Sagsid.: 23/40 Initialer: abc Åben sag "
              "Beslutning Teknisk Udvalg den Godkendt. Afbud: Ingen Side 2")
PAGE_FOUR = ("4 2. Vejbelysning i Østerby Dok.nr.: 1201 Sagsid.: 23/4102 Initialer: def Åben sag Indledning "
             "Lamperne er slidte. Sagsfremstilling Forvaltningen foreslår nye lamper. Indstilling Forvaltningen "
             "indstiller, at lamperne udskiftes. BESLUTNING I TEKNISK UDVALG DEN Godkendt. 3")
TRANSCRIPT = VIEWER + "\n\n".join([PAGE_ONE, CONTENTS, PAGE_THREE, PAGE_FOUR]) + "\n"


def _lines(text: str) -> list[str]:
    return [line.text for line in clean(Document([RawLine(t) for t in text.split("\n")], "text")).lines if line.text]


def test_a_transcript_is_known_by_its_viewer_boilerplate():
    assert is_transcript(["Titel", "Størrelse: px", "Starte visningen fra side:", "Transkript"])
    assert not is_transcript(["Referat", "Transkript af mødet", "1 Godkendelse af dagsorden"])


def test_page_lines_start_with_the_page_numbers_in_order():
    texts = ["Referat", "1 Forside", "Mellemlinje", "3 Tredje side", "4 Fjerde side", "9 Ikke en side"]
    assert page_lines(texts) == {1: (1, "Forside"), 3: (3, "Tredje side"), 4: (4, "Fjerde side")}
    assert page_lines(["2 Ingen side 1 først", "3 Heller ikke"]) == {}


def test_a_page_is_cut_where_its_lines_were():
    assert split_page(PAGE_THREE.split(" ", 1)[1], first=False) == [
        "1. Godkendelse af dagsorden", "Dok.nr.: 1200", "Sagsid.: 23/40", "Initialer: abc", "Åben sag",
        "Beslutning Teknisk Udvalg den", "Godkendt.", "Afbud: Ingen", "Side 2"]


def test_headings_in_capitals_and_headings_with_their_text_are_cut_apart():
    assert split_page("Indledning Lamperne er slidte. BESLUTNING I TEKNISK UDVALG DEN Godkendt. 3", first=False) == [
        "Indledning", "Lamperne er slidte.", "BESLUTNING I TEKNISK UDVALG DEN", "Godkendt."]


def test_the_first_page_gives_colonless_labels_their_colon_and_keeps_label_runs_together():
    assert split_page("Referat Byrådet Dato 23. september 2009 Tid 19:00 Sted Det Gamle Rådhus Fraværende Bo Holm",
                      first=True) == ["Referat Byrådet", "Dato: 23. september 2009", "Tid: 19:00",
                                      "Sted: Det Gamle Rådhus", "Fraværende: Bo Holm"]
    assert split_page("Referat Dato 8. maj 2014 Sted Medlemmer Fraværende Lokale 1, Rådhuset Bo Holm, Eva Lund",
                      first=True) == ["Referat", "Dato: 8. maj 2014",
                                      "Sted Medlemmer Fraværende Lokale 1, Rådhuset Bo Holm, Eva Lund"]
    assert split_page("Mødested: Deltagere: Mødelokale 2 Bo Holm (V) Afbud: Fraværende: Bemærkninger: Eva Lund var "
                      "inhabil.", first=True) == ["Mødested: Deltagere: Mødelokale 2 Bo Holm (V)", "Afbud: Fraværende:",
                                                  "Bemærkninger: Eva Lund var inhabil."]


def test_the_contents_page_and_an_abbreviation_before_a_number_are_not_cut():
    assert split_page("Indholdsfortegnelse Side 1. Godkendelse af dagsorden Budget", first=False) == [
        "Indholdsfortegnelse Side 1. Godkendelse af dagsorden Budget"]
    assert split_page("Leje af lokaler på Chr. 8. Vej 7, Østerby Sagsnr.: 07/2153", first=False) == [
        "Leje af lokaler på Chr. 8. Vej 7, Østerby", "Sagsnr.: 07/2153"]


def test_a_running_header_that_opens_the_pages_is_found():
    pages = ["Østerby Kommune Dato Side Teknisk Udvalg Godkendelse af dagsorden Sagsnr.: 1",
             "Østerby Kommune Dato Side Teknisk Udvalg Vejbelysning Sagsnr.: 2"]
    assert running_header(pages) == "Østerby Kommune Dato Side Teknisk Udvalg"
    assert running_header(["Godkendelse af dagsorden Sagsnr.: 1", "Vejbelysning Sagsnr.: 2"]) is None


def test_a_transcript_parses_into_its_items():
    meeting = parse_text(TRANSCRIPT)
    assert (meeting.date, meeting.start_time) == ("2023-03-06", "09:30")
    items = meeting.items
    assert [(i.number, i.title, i.case_number) for i in items] == [
        ("1", "Godkendelse af dagsorden", "23/40"), ("2", "Vejbelysning i Østerby", "23/4102")]
    assert items[0].decision.text == "Godkendt."
    assert [s.heading for s in items[1].sections] == ["Indledning", "Sagsfremstilling", "Indstilling",
                                                      "BESLUTNING I TEKNISK UDVALG DEN"]


def test_outside_a_transcript_numbered_lines_keep_their_numbers():
    text = "Referat\nByrådet\nMødedato: 06-03-2023\n\n1 Godkendelse af dagsorden\n\n2 Meddelelser\n"
    assert _lines(text)[-2:] == ["1 Godkendelse af dagsorden", "2 Meddelelser"]


def test_unnumbered_items_take_their_number_from_the_contents():
    text = (VIEWER + "1 Referat Teknisk Udvalg Dato: 6. marts 2023\n\n2 Indholdsfortegnelse Side 14. Vejbelysning i "
            "Østerby og Vesterby Cykelsti langs Åvej\n\n3 Vejbelysning i Østerby og Vesterby Sagsnr.: 23/7 Sagsfremstilling "
            "Lamperne er slidte. Beslutning Godkendt.\n\n4 P Cykelsti langs Åvej Sagsnr.: 23/8 Sagsfremstilling Stien er "
            "smal. Beslutning Udsat.\n")
    items = parse_text(text).items
    assert [(i.number, i.title) for i in items] == [("14", "Vejbelysning i Østerby og Vesterby"),
                                                    (None, "Cykelsti langs Åvej")]


def test_without_contents_unnumbered_items_stay_unnumbered():
    text = ("Referat\nTeknisk Udvalg\nMødedato: 06-03-2023\n\nVejbelysning i Østerby og Vesterby\nSagsfremstilling\n"
            "Lamperne er slidte.\nBeslutning\nGodkendt.\n")
    assert parse_text(text).items[0].number is None


class _CountingPattern:
    """A compiled pattern that counts the characters it is asked to match."""

    def __init__(self, pattern):  # type: ignore[no-untyped-def]
        self.pattern, self.read = pattern, 0

    def match(self, text: str):  # type: ignore[no-untyped-def]
        self.read += len(text)
        return self.pattern.match(text)

    def search(self, text: str):  # type: ignore[no-untyped-def]
        self.read += len(text)
        return self.pattern.search(text)


def test_a_run_of_empty_labels_is_joined_in_linear_work(monkeypatch):
    """The first page's run of labels without values is one line; testing the whole line so far against
    the labels pattern at each new label made a long run quadratic (12,000 labels: 9 s)."""
    from referat_parser.lexicon import patterns as P

    counting = _CountingPattern(P.transcript_empty_labels)
    monkeypatch.setattr(P, "transcript_empty_labels", counting)
    labels = 2000
    lines = split_page("Byrådet " + "Dato: " * labels + "Rådhuset", first=True)
    assert lines == ["Byrådet", ("Dato: " * labels + "Rådhuset").strip()]
    assert counting.read <= 20 * labels, f"{counting.read} characters matched for {labels} labels"


def test_a_long_page_line_is_cut_in_linear_work(monkeypatch):
    """Whether a number follows an abbreviation ('på Chr. 8. Vej 7') is read from the word before it;
    reading all the text before each numbered cut made a long page line quadratic (2 MB: 30 s)."""
    from referat_parser.lexicon import patterns as P

    counting = _CountingPattern(P.initial_at_line_end)
    monkeypatch.setattr(P, "initial_at_line_end", counting)
    entries = 2000
    pieces = split_page(" ".join(f"{n}. Sag nummer {n} på Chr. 8. Vej" for n in range(1, entries + 1)), first=False)
    assert pieces[:2] == ["1. Sag nummer 1 på Chr. 8. Vej", "2. Sag nummer 2 på Chr. 8. Vej"]
    assert counting.read <= 20 * entries, f"{counting.read} characters read for {entries} numbered cuts"


def test_a_page_line_without_the_viewer_boilerplate_is_cut_the_same_way():
    page = ("Referat fra Teknisk Udvalg Mødedato: Mandag den 6. marts 2023 1. Godkendelse af dagsorden Sagsid.: 23/40 "
            "Beslutning Godkendt. 2. Vejbelysning i Østerby Sagsid.: 23/4102 Sagsfremstilling Lamperne er slidte og skal "
            "skiftes snarest muligt af hensyn til trafiksikkerheden. Beslutning Godkendt. Fraværende: Ulla Krog")
    assert _lines(page)[:4] == ["Referat fra Teknisk Udvalg", "Mødedato: Mandag den 6. marts 2023",
                                "1. Godkendelse af dagsorden", "Sagsid.: 23/40"]
    meeting = parse_text(page + "\n")
    assert [(item.number, item.case_number) for item in meeting.items] == [("1", "23/40"), ("2", "23/4102")]


def test_every_run_on_contents_mark_makes_the_contents_page():
    """The marks a saved page glues to the first entry are the marks that open a transcript's contents page."""
    for mark in ("Indholdsfortegnelse", "Indholdsliste", "Indhold", "Sagsoversigt"):
        page = f"{mark} Side 1. Godkendelse af dagsorden 2 2. Vejbelysning i Østerby 3"
        assert split_page(page, first=False) == [page]
        assert _lines(f"{mark}1. Godkendelse af dagsorden") == [mark, "1. Godkendelse af dagsorden"]



def test_the_cut_candidates_cover_every_opening_of_a_cut():
    """transcripts._cuts tries transcript_cut only where transcript_cut_candidate stands: after a white space
    before the first character of each of the pattern's non-empty alternatives (read from its parse tree,
    so a new label or heading name is covered), and at a white space after 'sag' (its empty one)."""
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    from referat_parser.lexicon import patterns as P

    tree = _parser.parse(*P.source("transcript_cut"))
    (op, arg), = tree.data
    words, empty = arg[1]
    assert words[0][0] is C.ASSERT and words[0][1][0] == -1  # (?<=\s): a cut opens after a white space
    found = list(openers(words[1:]))
    # The names and labels are prefix trees (patterns._trie_alternation): one opener per first letter.
    assert len(found) > 40
    for op, arg in found:
        if op is C.LITERAL:
            assert P.transcript_cut_candidate.match(" " + chr(arg)), chr(arg)
        else:
            assert (op, arg) == (C.IN, [(C.CATEGORY, C.CATEGORY_DIGIT)]), (op, arg)
            assert P.transcript_cut_candidate.match(" 7")
    for op, arg in openers(empty):  # (?<=\sÅben sag), (?<=\sLukket sag)
        assert op is C.ASSERT and arg[0] == -1 and "".join(chr(c) for _, c in arg[1][-3:]) == "sag"
    assert P.transcript_cut_candidate.match(" Dato")["sag"] is None
    assert P.transcript_cut_candidate.match("sag ", 3)["sag"] is not None


def test_the_cuts_are_the_patterns_own_matches():
    """_cuts finds what P.transcript_cut.finditer finds, on the fixtures and on pieces that crowd cuts,
    empty cuts after 'Åben sag' and white space together."""
    import random
    from pathlib import Path

    from referat_parser.lexicon import patterns as P
    from referat_parser.transcripts import _cuts

    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    texts = [path.read_text(encoding="utf-8") for path in sorted(fixtures.glob("*.txt"))]
    pieces = ["Åben sag", "Lukket sag", "sag", " ", "  ", "\n", "\t", "Dato:", "Dato :", "1. Godkendelse", "12.  Bo",
              "Side 3 af 4", "Side 2", "Sagsoversigt", "Beslutning", "BESLUTNING", "Indstilling Bo", "x", "Chr.", "Å"]
    chance = random.Random(7)
    texts += ["".join(chance.choice(pieces) for _ in range(chance.randint(1, 12))) for _ in range(5000)]
    texts += [PAGE_ONE, CONTENTS, PAGE_THREE, PAGE_FOUR]
    for text in texts:
        assert [m.span() for m in _cuts(text)] == [m.span() for m in P.transcript_cut.finditer(text)], text


def test_may_cut_counts_every_cut_from_above():
    """may_cut(text, n) is true wherever cut_page has n places to cut, on the fixtures' lines and on pieces
    that crowd cuts with white space of every kind; the scan for printable lines finds what the general one
    finds."""
    import random
    from pathlib import Path

    from referat_parser.lexicon import patterns as P
    from referat_parser.transcripts import _cuts, may_cut

    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    texts = [line for path in sorted(fixtures.glob("*.txt")) for line in path.read_text(encoding="utf-8").split("\n")]
    pieces = ["Åben sag", "Lukket sag", "sag", " ", "  ", "\u2028", "\x85", "\t", "Dato:", "Dato :", "1. Godkendelse",
              "12.  Bo", "Side 3 af 4", "Side 2", "Sagsoversigt", "Beslutning i Byrådet", "Afgørelse fra Bo", "BESLUTNING",
              "Indstilling Bo", "x", "Chr.", "Å", "Bo"]
    chance = random.Random(11)
    texts += ["".join(chance.choice(pieces) for _ in range(chance.randint(1, 16))) for _ in range(5000)]
    texts += [PAGE_ONE, CONTENTS, PAGE_THREE, PAGE_FOUR]
    for text in texts:
        cuts = {m.start() for m in _cuts(text)} | {m.start() for m in P.transcript_decision_cut.finditer(text)}
        assert all(may_cut(text, count) for count in range(1, len(cuts) + 1)), text
        if text.isprintable():
            assert ([m.start() for m in P.transcript_cut_after_blank.finditer(text)]
                    == [m.start() for m in P.transcript_cut_after_space.finditer(text)]), text


def test_the_mark_initials_cover_every_first_character_of_the_cut_marks():
    """transcript_mark_initials is written out: with transcript_cut_initials (the labels' and headings') it
    holds every character a phrase of transcript_cut_marks may start with, and AB those of the decisions."""
    import re
    from re import _parser as sre_parse

    from referat_parser.lexicon import gates as G
    from referat_parser.lexicon import patterns as P

    initials = P.expand("{transcript_mark_initials}{transcript_cut_initials}")
    covers = re.compile(f"[{initials}AB]")
    for name, extra in (("transcript_cut_marks", ""), ("transcript_cut_phrases", "AB")):
        first, empty = G._first(sre_parse.parse(P.fragment(name)), False)
        assert first and not empty, name
        for char in first:  # in lower case (G._first's form): one of its case forms is in the class
            forms = ["0"] if char == G.DIGIT else [char, char.upper()]
            assert any(re.fullmatch(f"[{initials}{extra}]", form) for form in forms), (name, char)
            assert any(covers.fullmatch(form) for form in forms), (name, char)


def test_may_cut_looks_for_the_ends_of_the_phrases_cut_after():
    """may_cut looks for 'ben sag' and 'ket sag' (no lower() of a long line) where transcript_cut's empty
    alternative (transcript_after_sag) cuts: every phrase of that alternative is found so."""
    import re

    from referat_parser.lexicon import patterns as P
    from referat_parser.transcripts import may_cut

    phrases = re.findall(r"\(\?<=\\s([^)]*)\)", P.fragment("transcript_after_sag"))
    assert sorted(phrases) == ["Lukket sag", "Åben sag"]
    for phrase in phrases:
        text = f"Punkt {phrase} Tekst"
        assert re.search(P.fragment("transcript_after_sag"), text) is not None
        assert may_cut(text, 99), phrase
