"""The vocabularies in src/referat_parser/vocab/: they load, have no conflicting entries, and every
entry does its job in a small snippet (so a new entry that another rule shadows fails here)."""

import re
import tomllib
from importlib import resources

import pytest

from referat_parser import parse_text
from referat_parser.extract.decisions import find_dissents
from referat_parser.extract.language import detect_language
from referat_parser.extract.municipality import find_municipality
from referat_parser.lexicon import patterns
from referat_parser.lexicon.bodies import looks_like_body
from referat_parser.lexicon.data import fold
from referat_parser.lexicon.dates import find_date
from referat_parser.lexicon.headings import match_heading
from referat_parser.lexicon.names import clean_name, split_names
from referat_parser.lexicon.outcomes import classify_outcome
from referat_parser.lexicon.residue import is_noise

VOCAB = resources.files("referat_parser").joinpath("vocab")


def load(name):
    with VOCAB.joinpath(f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


@pytest.mark.parametrize("name", ["headings", "outcomes", "parties", "municipalities", "noise", "bodies", "calendar",
                                  "language", "people", "header"])
def test_vocabulary_loads(name):
    assert load(name)


def duplicates(pairs):
    seen, clashes = {}, []
    for value, owner in pairs:
        if value in seen and seen[value] != owner:
            clashes.append((value, seen[value], owner))
        seen.setdefault(value, owner)
    return clashes


def test_no_conflicts():
    headings = load("headings")
    assert duplicates((fold(n), key) for key, e in headings.items() for n in e["names"]) == []
    outcomes = load("outcomes")
    assert duplicates((fold(p), cls) for cls, e in outcomes.items() for p in e["phrases"]) == []
    parties = load("parties")
    assert duplicates((fold(n), letter) for letter, e in parties.items() for n in e["names"]) == []
    # A party name must not be another party's letter ("S" is Slesvigsk Parti).
    assert [n for letter, e in parties.items() for n in e["names"] if n in parties and n != letter] == []
    towns = load("municipalities")["municipality"]
    assert len(towns) == 98
    assert duplicates((form, t["name"]) for t in towns for form in [t["name"], *t.get("forms", [])]) == []
    # A former municipality's name is no current one's (those are listed once, above).
    current = {form for t in towns for form in [t["name"], *t.get("forms", [])]}
    former = load("municipalities")["former"]
    assert len(former) == len(set(former)) and not current & set(former)
    heading_names = {fold(n) for e in headings.values() for n in e["names"]}
    assert [line for line in load("noise")["lines"] if fold(line) in heading_names] == []


HEADINGS = [(key, name) for key, entry in load("headings").items() for name in entry["names"]]


@pytest.mark.parametrize(("key", "name"), HEADINGS, ids=[n for _, n in HEADINGS])
def test_every_heading_is_recognised_in_an_item(key, name):
    body = "Anders Hansen (A)" if key == "attendance" else "Tekst til afsnittet."
    for printed in (name, name.upper()):
        heading = match_heading(printed)
        assert heading is not None and (heading.key, heading.printed) == (key, printed)
        meeting = parse_text(f"7. Et punkt på dagsordenen\n{printed}\n{body}\nBeslutning\nGodkendt.\n")
        sections = meeting.items[0].sections
        if key == "signatures":
            # The signature page closes the document: recognised, but kept out of the item's sections.
            assert [s.key for s in sections] == ["decision"]
        else:
            assert (sections[0].key, sections[0].heading) == (key, printed)


OUTCOMES = [(cls, phrase) for cls, entry in load("outcomes").items() for phrase in entry["phrases"]]


@pytest.mark.parametrize(("cls", "phrase"), OUTCOMES, ids=[p for _, p in OUTCOMES])
def test_every_outcome_phrase_classifies(cls, phrase):
    assert classify_outcome(phrase[:1].upper() + phrase[1:] + ".") == cls


PARTIES = [(letter, name) for letter, entry in load("parties").items() for name in entry["names"]]


@pytest.mark.parametrize(("letter", "name"), PARTIES, ids=[n for _, n in PARTIES])
def test_every_party_name_maps_to_its_letter(letter, name):
    assert [d.party for d in find_dissents(f"{name} stemte imod.")] == [letter]
    # In brackets after a name, as printed in member lists and roll-calls.
    assert [p.party for p in split_names(f"Karina Storm ({name})")] == [letter]


@pytest.mark.parametrize("word", load("people")["not_name_words"])
def test_every_not_name_word_rejects_a_name(word):
    assert clean_name("Jens Hansen") == "Jens Hansen"
    assert clean_name(f"Jens {word.capitalize()} Hansen") is None
    assert clean_name(f"{word.upper()} {word.upper()}") is None


@pytest.mark.parametrize("label", load("people")["label_words"])
def test_every_label_word_is_left_out_of_names(label):
    for separator in ("\t", "  ", " ", ": "):
        assert clean_name(f"{label}{separator}Jens Bo (A)") == "Jens Bo", (label, separator)
        assert clean_name(f"{label.upper()}{separator}Jens Bo") == "Jens Bo", (label, separator)


TOWNS = [(t["name"], form) for t in load("municipalities")["municipality"] for form in [t["name"], *t.get("forms", [])]]
# The municipalities of 1970-2006 (pre-2007 archives), with their other spellings.
TOWNS += [(name, name) for name in load("municipalities")["former"]]
TOWNS += [(name, form) for name, forms in load("municipalities")["former_forms"].items() for form in forms]


@pytest.mark.parametrize(("name", "form"), TOWNS, ids=[f for _, f in TOWNS])
def test_every_municipality_is_found(name, form):
    assert find_municipality(f"Sagen behandles af {form} Kommune i foråret.") == name
    assert find_municipality(f"Mødet holdes i {form} og omegn.") is None  # a bare place name is not enough


def test_every_noise_line_is_dropped():
    for line in load("noise")["lines"]:
        assert is_noise(line), line
        assert is_noise(line.upper()), line


NOISE_SAMPLES = ["Side 3 af 22", "Page 2 of 9", "- 4 -", "3/22", "12", "Vi bruger cookies til statistik og analyse.",
                 "Denne side bruger cookies for at forbedre oplevelsen", 'Download "Referat fra byrådet"',
                 "Forside > Politik > Udvalg > Referat", "Forside / Politik / Dagsordener og referater",
                 "________________", "----------", "04.11.2019 Views", "icon-Politik", "Udskrevet 16.06.2005 kl. 09:12",
                 "Udskriftsdato: 3. marts 2015"]


def test_every_noise_pattern_is_exercised():
    patterns = [re.compile(p + r"\Z", re.IGNORECASE) for p in load("noise")["patterns"]]
    for pattern in patterns:
        assert any(pattern.match(sample) for sample in NOISE_SAMPLES), pattern.pattern
    assert all(is_noise(sample) for sample in NOISE_SAMPLES)
    assert not is_noise("Godkendt.")
    assert not is_noise("17/9941")  # a case number, not a page
    assert not is_noise("År / Beløb / Note")


def test_every_inline_noise_pattern_is_removed():
    inline = patterns.noise_inline
    samples = ["application/pdf icon bilag_1_-_forslag.pdf", "Klik her for at folde ud", "Kopier link til punktet - Print",
               "Klik her for at folde ud og læse mere om Vejbelysning", "Åbn/luk punkt", "<br />", "</strong>",
               ": Fold alle ud"]
    for pattern in load("noise")["inline"]:
        assert any(re.fullmatch(pattern, s, re.IGNORECASE) for s in samples), pattern
    assert inline.sub("", "Titel application/pdf icon a.pdfapplication/pdf icon b.pdf").strip() == "Titel"


@pytest.mark.parametrize("suffix", load("bodies")["suffixes"])
def test_every_body_suffix_names_a_body(suffix):
    assert looks_like_body(suffix.capitalize())
    assert looks_like_body("Kultur- og " + suffix.capitalize())


@pytest.mark.parametrize(("name", "month"), list(load("calendar")["months"].items()))
def test_every_month_name_parses(name, month):
    assert find_date(f"3. {name} 2021") == f"2021-{month:02d}-03"


@pytest.mark.parametrize("language", ["da", "no", "sv"])
def test_language_markers(language):
    words = load("language")[language]["words"]
    assert detect_language(" ".join(words * 2)) == language


FOOTER_SAMPLES = ["Kontakt", "Kontakt os", "Om hjemmesiden", "Privatlivspolitik", "Cookiepolitik",
                  "Tilgængelighedserklæring", "© 2024 Eksempel Kommune", "Eksempel Kommune · Torvet 1 · 9999 Byen",
                  "Eksempel Kommune - Torvet 1 - 9999 Byen - Telefon 11 22 33 44", "Eksempel Kommune",
                  "Referent: Hanne Lund", "Eksempel Kommune | Rådhuset | Til toppen",
                  "Side opdateret 28.06.2016 | Region Eksempel | Torvet 1 | 9999 Byen | Cookies og privatliv"]


def test_footer_patterns_leave_decisions_that_name_a_municipality_alone():
    for decision in ["Aftalen med Vejle Kommune, gældende fra 2025, godkendes.",
                     "Godkendt.\nSendes til Vejle Kommune", "Godkendt.\nNæste møde afholdes den 3. maj."]:
        meeting = parse_text(f"7. Et punkt\nBeslutning\n{decision}\n")
        assert meeting.items[0].decision.text == decision


def test_every_footer_start_pattern_is_exercised():
    for pattern in load("noise")["footer_start"]:
        assert any(re.fullmatch(pattern, s, re.IGNORECASE) for s in FOOTER_SAMPLES), pattern
    for sample in FOOTER_SAMPLES:
        meeting = parse_text(f"7. Et punkt\nBeslutning\nGodkendt.\n{sample}\nTorvet 1\n9999 Byen\n")
        assert meeting.items[0].decision.text == "Godkendt.", sample


COLON_HEADINGS = [(key, name) for key, entry in load("headings").items() for name in entry.get("colon_names", [])]


@pytest.mark.parametrize(("key", "name"), COLON_HEADINGS, ids=[n for _, n in COLON_HEADINGS])
def test_every_colon_heading_needs_its_colon(key, name):
    assert match_heading(name) is None  # "Referat" alone is a document title
    heading = match_heading(f"{name}:")
    assert heading is not None and heading.key == key
    meeting = parse_text(f"{name}\nHandicaprådet\n\n7. Et punkt på dagsordenen\nSagsfremstilling\nTekst.\n{name}:\nGodkendt.\n")
    assert [s.key for s in meeting.items[0].sections] == ["presentation", key]


HEADER = load("header")
HEADER_ITEMS = "\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n2. Budget\nBeslutning\nGodkendt.\n"


@pytest.mark.parametrize("label", HEADER["committee"]["labels"])
def test_every_committee_label_is_read(label):
    assert parse_text(f"Referat\n{label}: Nordby Byråd\n{HEADER_ITEMS}").committee == "Nordby Byråd"


@pytest.mark.parametrize("label", HEADER["date"]["labels"])
def test_every_date_label_is_read(label):
    text = f"Forsiden opdateres den 1. januar 2020 kl. 8.00\n\nByrådet\n{label}: Mandag den 3. maj 2021\n{HEADER_ITEMS}"
    assert parse_text(text).date == "2021-05-03"


@pytest.mark.parametrize("label", HEADER["time"]["labels"])
def test_every_time_label_is_read(label):
    assert parse_text(f"Byrådet\n{label}: 3. maj 2021 kl. 17.30\n{HEADER_ITEMS}").start_time == "17:30"


@pytest.mark.parametrize("label", HEADER["location"]["labels"])
def test_every_location_label_is_read(label):
    assert parse_text(f"Byrådet\nMødedato: 3. maj 2021\n{label}: Nordsalen\n{HEADER_ITEMS}").location == "Nordsalen"


@pytest.mark.parametrize("label", HEADER["end"]["labels"])
def test_every_end_label_is_read(label):
    assert parse_text(f"Byrådet\nMødedato: 3. maj 2021\n{label}: 19.45\n{HEADER_ITEMS}").end_time == "19:45"
