"""The phrase lists written as a prefix tree (patterns._trie_alternation: municipality names, heading names,
transcript labels) match exactly as the longest-first alternation they replace, and the own-form word without its lookbehind (its reader
tests the white space before it) finds exactly the words the lookbehind let through."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from referat_parser.extract.municipality import _own_mentions
from referat_parser.lexicon import data
from referat_parser.lexicon import patterns as P

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt"))]


def _forms() -> set[str]:
    return {*data.municipalities(), *(form.upper() for form in data.municipalities())}


def _mixed_texts(count: int = 2000) -> list[str]:
    """Names, their beginnings and ends, genitives and lower case run together: where names overlap."""
    forms = sorted(_forms())
    rnd = random.Random(12)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rnd.randint(1, 10)):
            form = rnd.choice(forms)
            cut = rnd.randint(0, len(form))
            parts.append(rnd.choice([form, form[:cut], form[cut:], f"{form}s", form.lower(), " ", "-", "\n", "x"]))
        texts.append("".join(parts))
    return texts


def test_the_tree_of_a_few_phrases():
    assert P._trie_alternation(["ab", "a", "abc", "abd", "b"]) == "(?:a(?:b(?:c|d)?)?|b)"
    assert P._trie_alternation(["ab", "abcd"]) == "ab(?:cd)?"
    assert P._trie_alternation(["Ry", "Rys"]) == "Rys?"


@pytest.mark.parametrize("phrases", [["ab", "a", "abc", "abd", "b"], ["Nord", "Nordfyn", "Nordfyns", "N"], sorted(_forms())])
def test_the_tree_matches_as_the_longest_first_alternation(phrases):
    plain, tree = re.compile(P._alternation(phrases, spaces=False)), re.compile(P._trie_alternation(phrases))
    for text in [*_mixed_texts(300), *_texts()]:
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for position in range(0, len(text), 7 if len(text) > 1000 else 1):
            found, expected = tree.match(text, position), plain.match(text, position)
            assert (found and found.group()) == (expected and expected.group())


def test_the_municipality_forms_match_as_before():
    plain = re.compile(P._alternation(_forms(), spaces=False))
    for text in [*_mixed_texts(), *_texts()]:
        assert [m.span() for m in P.municipality_forms.finditer(text)] == [m.span() for m in plain.finditer(text)]


# The phrase lists written as prefix trees, and the same lists as the longest-first alternation.
PLAIN: dict[str, Callable[[], str]] = {
    "towns": lambda: P._alternation(data.municipalities(), spaces=False),
    "municipality_forms": lambda: P._alternation(_forms(), spaces=False),
    "heading_names_capitalised": lambda: P._alternation(P._capitalised_names(), spaces=False),
    "heading_names_upper": lambda: P._alternation(P._upper_names(), spaces=False),
    "transcript_labels": lambda: P._alternation(data.words()["transcript"]["labels"]),
    "transcript_page_one_labels": lambda: P._alternation(data.words()["transcript"]["page_one_labels"]),
    "glued_header_labels": lambda: P._alternation(data.words()["glued"]["header_labels"], spaces=False),
}
def _names(template: str, placeholder: str) -> bool:
    """Whether ``template`` names ``placeholder``, itself or in a fragment it names (transcript_cut's lists
    are in its fragment transcript_cut_marks)."""
    names = re.findall(r"\{(\w+)\}", template)
    return placeholder in names or any(_names(P.FRAGMENTS[name], placeholder) for name in names if name in P.FRAGMENTS)


TREE_PATTERNS = sorted({(name, placeholder) for placeholder in PLAIN for name, (template, _) in P.TEMPLATES.items()
                        if _names(template, placeholder)})


def _phrase_texts(placeholder: str) -> list[str]:
    """Lines of the fixtures, and each phrase of the list in the company its patterns look for."""
    regex = P.PHRASES[placeholder]()
    phrases = [m.group() for m in re.finditer(r"(?:[^|()?\\]|\\.)+", PLAIN[placeholder]())][:400]
    phrases = [re.sub(r"\\s\+", " ", phrase).replace("\\", "") for phrase in phrases]
    assert regex
    lines = [line for text in _texts() for line in text.splitlines()]
    around = [f"{lead}{phrase}{tail}" for phrase in phrases for lead, tail in
              (("", ""), (" ", " Byrådet"), ("x. ", "Anne: "), (" ", ":"), ("", "s kommune"), (" ", "\nTekst"))]
    return [*lines, *around, *_mixed_texts(200)]


@pytest.mark.parametrize(("name", "placeholder"), TREE_PATTERNS)
def test_a_pattern_with_a_tree_matches_as_with_the_alternation(name, placeholder):
    text, flags = P.source(name)
    tree = P.PHRASES[placeholder]()
    # Matched case-sensitively: no IGNORECASE, and no (?i:...) group right around the list.
    assert tree in text and not flags & re.IGNORECASE and f"(?i:{tree}" not in text and f"(?i:(?:{tree}" not in text
    plain = re.compile(text.replace(tree, PLAIN[placeholder]()), flags)
    pattern = getattr(P, name)
    for line in _phrase_texts(placeholder):
        found = [(m.span(), m.groupdict()) for m in pattern.finditer(line)]
        assert found == [(m.span(), m.groupdict()) for m in plain.finditer(line)], line
        for position in range(0, len(line), 5 if len(line) > 200 else 1):
            match, expected = pattern.match(line, position), plain.match(line, position)
            assert (match and match.span()) == (expected and expected.span()), (line, position)


@pytest.mark.parametrize("placeholder", [name for name in PLAIN if name not in ("towns", "municipality_forms")])
def test_a_tree_list_holds_single_spaces_between_words_only(placeholder):
    phrases = {"heading_names_capitalised": P._capitalised_names(), "heading_names_upper": P._upper_names(),
               "transcript_labels": data.words()["transcript"]["labels"],
               "transcript_page_one_labels": data.words()["transcript"]["page_one_labels"],
               "glued_header_labels": data.words()["glued"]["header_labels"]}[placeholder]
    for phrase in phrases:
        assert phrase and phrase == phrase.strip() and "  " not in phrase
        assert not any(char.isspace() and char != " " for char in phrase)


OWN_TEXTS = ["Kommune", " Kommune", "xKommune Næstved Kommune", "Odense\u00a0Byråd", "\tSLAGELSE KOMMUNE",
             "Vejen Rådhus, Rådhuspladsen", "ByrådKommune Aarhus Kommunes", "Kommunekommune Ry Kommune"]


def test_the_own_word_without_its_lookbehind_finds_what_the_lookbehind_found():
    with_lookbehind = re.compile(r"(?<=\s)" + P.own_word.pattern)
    for text in [*OWN_TEXTS, *_texts(), *_mixed_texts(300)]:
        kept = [m.span() for m in P.own_word.finditer(text) if text[m.start() - 1: m.start()].isspace()]
        assert kept == [m.span() for m in with_lookbehind.finditer(text)], text


def test_an_own_mention_needs_white_space_before_its_word():
    assert [name for name, _ in _own_mentions("Næstved Kommune")] == ["Næstved"]
    assert list(_own_mentions("Næstved-Kommune")) == []


def test_the_outcome_phrases_as_a_case_insensitive_tree_match_as_the_list():
    """The outcome words are a tree in a case-insensitive pattern (patterns._folded_trie_alternation):
    every match, in any case and spacing, is the longest-first list's."""
    phrases = [phrase for phrase, _ in data.outcome_phrases()]
    plain = re.compile(rf"(?<![\w-])(?:{P._alternation(phrases)})(?![\w-])", re.IGNORECASE)
    assert P.outcome.pattern != plain.pattern  # the tree is in use
    rnd = random.Random(4)
    pieces = [*phrases, *{word for phrase in phrases for word in phrase.split()}, " ", "\n", "-", "x", ".", "ſ", "K"]
    texts = [*_texts()]
    for _ in range(3000):
        parts = []
        for _ in range(rnd.randint(1, 8)):
            piece = rnd.choice(pieces)
            cut = rnd.randint(0, len(piece))
            parts.append(rnd.choice([piece, piece[:cut], piece[cut:], piece.upper(), piece.title(), piece.replace(" ", "\n  ")]))
            parts.append(rnd.choice(["", " ", "-", ", "]))
        texts.append("".join(parts))
    for text in texts:
        assert [(m.span(), m.group()) for m in P.outcome.finditer(text)] == [(m.span(), m.group()) for m in plain.finditer(text)]
