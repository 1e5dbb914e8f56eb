"""The municipality names written as a prefix tree (patterns._trie_alternation) match exactly as the
longest-first alternation they replace, and the own-form word without its lookbehind (its reader
tests the white space before it) finds exactly the words the lookbehind let through."""

from __future__ import annotations

import random
import re
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


def test_the_body_pattern_with_the_tree_of_towns_matches_as_before():
    text, flags = P.source("body")
    plain = re.compile(text.replace(P.PHRASES["towns"](), P._alternation(data.municipalities(), spaces=False)), flags)
    assert plain.pattern != P.body.pattern
    lines = [line for text in _texts() for line in text.splitlines()]
    towns = [f"{form} {suffix}" for form in sorted(data.municipalities())[:60] for suffix in ("Byråd", "Kommunes Økonomiudvalg")]
    for line in [*lines, *towns, *_mixed_texts(300)]:
        found = [(m.span(), m.groupdict()) for m in P.body.finditer(line)]
        assert found == [(m.span(), m.groupdict()) for m in plain.finditer(line)], line


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
