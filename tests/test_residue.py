"""Web-viewer residue: interface phrases glued to titles or on lines of their own are never content.
Snippets written for these tests."""

from pathlib import Path

import pytest

from referat_parser import parse_text
from referat_parser.lexicon.residue import (
    inline_noise_lines,
    is_noise,
    normalise_joined,
    strip_inline_noise,
)

HEAD = "Referat\nTeknik- og Miljøudvalget\nMødedato: 02-05-2023\n\n"


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Ny cykelsti langs ÅvejÅbn/luk punkt", "Ny cykelsti langs Åvej"),
        ("Ny cykelsti langs ÅvejKlik her for at folde ud og læse mere om Ny cykelsti langs Åvej", "Ny cykelsti langs Åvej"),
        ("Ny cykelsti langs Åvej og læse mere om Ny cykelsti langs Åvej", "Ny cykelsti langs Åvej"),
        ("12. Ny cykelsti langs Åvej og læse mere om Ny cykelsti langs Åvej", "12. Ny cykelsti langs Åvej"),
        ("12. Ny cykelsti langs Åvej og  læse mere\tom Ny cykelsti langs Åvej", "12. Ny cykelsti langs Åvej"),
        ("<strong>TEKNIK- OG MILJØUDVALGET</strong><br />", "TEKNIK- OG MILJØUDVALGET"),
        ("<b>Dagsorden</b> <b>med</b> <b>beslutninger</b><br/>", "Dagsorden med beslutninger"),
        ("Sager til behandling: Fold alle ud", "Sager til behandling"),
    ],
)
def test_residue_glued_to_text_is_removed(line, kept):
    assert strip_inline_noise(line) == kept


@pytest.mark.parametrize(
    "line",
    [
        "Borgerne kan gå ind på hjemmesiden og læse mere om projektet.",  # a link text repeats its title
        "Man kan besøge biblioteket og læse mere om biblioteket",  # a sentence wrapped after its repeated word
        "Borgerne kan besøge Nordby Bibliotek og læse mere om Nordby Bibliotek",  # ... a capitalised one
        "Sagen om <vejnavn> udsættes.",  # only markup tags are removed
        "Vi vil fold alle ud i næste nummer",
    ],
)
def test_prose_that_looks_like_residue_is_kept(line):
    assert strip_inline_noise(line) == line


@pytest.mark.parametrize(
    "line",
    ["• Udskriv", "▪ Til toppen", "| Rss | Tip en ven | Print |", "Punkt Titel", "Bilag Funktioner", "Ingen bilag",
     "Hent PDF-version", "Få siden oplæst", "04.11.2019 Views", "icon-Politik"],
)
def test_interface_lines_are_noise(line):
    assert is_noise(line)


@pytest.mark.parametrize("line", ["• 3", "• Udskrivning af skoleelever", "Print | Hanne Jensen", "Ingen bilag til punktet blev"])
def test_lines_that_only_resemble_interface_lines_are_kept(line):
    assert not is_noise(line)


def test_viewer_residue_never_becomes_a_title_or_part_of_a_decision():
    text = HEAD + ("1. Godkendelse af dagsordenÅbn/luk punkt\nSagsnr.: 23/100\nBeslutning\nGodkendt.\n• Udskriv\n\n"
                   "2. Vejbelysning og læse mere om Vejbelysning\nSagsnr.: 23/101\nBeslutning\nUdsat.\nBilag Funktioner\n"
                   "Ingen bilag\n")
    items = parse_text(text).items
    assert [(i.title, i.decision.text) for i in items] == [("Godkendelse af dagsorden", "Godkendt."),
                                                           ("Vejbelysning", "Udsat.")]



FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RESIDUE_LINES = ["Ny cykelsti langs ÅvejÅbn/luk punkt", "X og læse mere om X", "<b>Dagsorden</b>", "Sager: Fold alle ud",
                 "Sager: FOLD ALLE UD", "KOPIER LINK TIL PUNKTET", "application/pdf icon bilag.pdf", "Publıceret <i>x</i>",
                 "Klik her for at folde udX og læse mere om X", "ſ og læse mere om ſ"]


def test_the_whole_text_scan_for_inline_noise_never_hides_a_line_that_has_some():
    """Wherever strip_inline_noise changes a line, inline_noise_lines names the line, alone or in a text."""
    lines = [line.strip() for path in sorted(FIXTURES.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    changed = [line for line in [*lines, *RESIDUE_LINES] if strip_inline_noise(line) != line]
    assert len(changed) >= len(RESIDUE_LINES) - 1
    for line in changed:
        alone, among = inline_noise_lines([line]), inline_noise_lines(["Referat", line, "Beslutning"])
        assert alone is None or 0 in alone, line
        assert among is None or 1 in among, line


def test_a_document_without_inline_noise_is_not_read_for_it():
    assert inline_noise_lines(["Referat", "Mødedato: 02-05-2023", "Godkendt."]) == set()


def test_the_lines_that_may_hold_inline_noise_are_all_that_change():
    """inline_noise_lines finds in the whole text every line that strip_inline_noise changes (clean strips
    only those), also where a line's letters fold apart from the gate's or a line holds a break."""
    import random

    atoms = ["Åbn/luk punkt", "ÅBN/LUK PUNKT", "Klik her for at folde ud", "KLIK HER", " og læse mere om ", "Titel",
             "<br />", "<B>", "application/pdf icon fil.pdf", "Fold alle ud", ": Fold alle sammen", "Kopier link til punktet",
             "ı", "İ", "ſ", "Σ", "ß", " ", "x", "12. ", "\n"]
    rng = random.Random(12)
    for _ in range(3000):
        texts = ["".join(rng.choice(atoms) for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(1, 6))]
        found = inline_noise_lines(texts)
        changed = {index for index, text in enumerate(texts) if text and strip_inline_noise(text) != text}
        assert found is None or changed <= found, texts
        normalised, joined = normalise_joined(texts)  # as clean asks: with the joined text of the normalised lines
        found = inline_noise_lines(normalised, joined)
        changed = {index for index, text in enumerate(normalised) if text and strip_inline_noise(text) != text}
        assert found is None or changed <= found, texts


def test_menu_lines_are_the_lines_with_a_separator_and_the_others_are_noise_or_not_without_the_test():
    import random

    from referat_parser.lexicon.residue import menu_lines

    atoms = ["Rss", "Print", "| ", " |", "·", "•", "Tip en ven", "Udskriv", " ", "x", "1"]
    rng = random.Random(3)
    for _ in range(3000):
        texts = ["".join(rng.choice(atoms) for _ in range(rng.randint(0, 5))) for _ in range(rng.randint(1, 6))]
        found = menu_lines("\n".join(texts))
        assert found == {index for index, text in enumerate(texts) if any(sep in text for sep in "|·•")}, texts
        for index, text in enumerate(texts):
            if index not in found:
                assert is_noise(text, menu=False) == is_noise(text), text
