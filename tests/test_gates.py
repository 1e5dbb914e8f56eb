"""The gates before the lexicon's patterns (lexicon/gates.py) never hide a match: wherever a pattern
matches, its gate lets the line through, on every line of the seed fixtures and on letters that
case-insensitive matching treats specially."""

from __future__ import annotations

from pathlib import Path

import pytest

from referat_parser.lexicon import gates as G
from referat_parser.lexicon import headings as H
from referat_parser.lexicon import patterns as P

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TRICKY = ["AFBUD: Anne Hansen", "Fravær: Bo Holm", "Dato: 3. maj 2021 kl. 17.00", "Publıceret 3. maj 2021",
          "Mødet hævet kl. 18.30", "İnhabil", "Suppleant ſtedfortræder", "Mødet ſluttede kl. 21", "٣. maj ٢٠٢١"]


def _lines() -> list[str]:
    lines = {line.strip() for path in sorted(FIXTURES.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    return sorted(lines) + TRICKY


GATED = [name for name in P.TEMPLATES if G.requirement(name) is not None]


def test_many_patterns_have_a_gate():
    assert len(GATED) > 50


@pytest.mark.parametrize("name", GATED)
def test_a_gate_never_hides_a_match(name):
    pattern, gated = getattr(P, name), getattr(G, name)
    for line in _lines():
        if pattern.search(line):
            assert gated.may(line), (name, line)
            assert gated.search(line).span() == pattern.search(line).span()


def test_a_gate_closes_on_a_line_without_its_words():
    assert G.requirement("partial_verb") is not None
    assert not G.partial_verb.may("Sagsfremstilling")
    assert G.partial_verb.search("Sagsfremstilling") is None
    assert G.partial_verb.split("Sagsfremstilling") == ["Sagsfremstilling"]


def test_letters_lower_case_does_not_fold_open_the_gate():
    assert G.partial_verb.may("ANKOM")
    assert G.substitute_hint.may("ſtedfortræder")


END_TEXTS = ["Mødet hævet kl. 18.30", "x\n  \n  Slut: 21.10", "Tekst\nMødeslut:kl. 9.15", "ab\n Sluttidspunkt : 7:05",
             "Mødet sluttede\nkl.\n 21.33", "  \t\nSlut kl.: 20:00", "Slut: 1.00 og Mødet hævet kl. 22.00",
             "MØDET HÆVET KL. 18.30", "Mødet ſluttede kl. 21.00", "İ\nSlut: 10.00", "mødetslut", "Slut", "", "\n\n"]
PROSE = "Byrådet drøftede sagen og godkendte indstillingen. " * 8


def test_a_search_near_the_required_words_finds_what_the_whole_search_finds():
    from referat_parser.extract.header import END_TIME_LEAD

    texts = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt"))]
    texts += END_TEXTS + [f"{a} {b}\n{c}" for a in END_TEXTS for b in END_TEXTS[:4] for c in END_TEXTS[-6:]]
    # Text around them, so that the search near the words runs rather than the plain one it falls back to.
    texts += [f"{PROSE}{text}{PROSE}" for text in texts[-len(END_TEXTS) * 25:]]
    texts += [text[start:] for text in texts[:20] for start in range(0, len(text), max(1, len(text) // 7))]
    for text in texts:
        found, near = P.end_time.search(text), G.end_time.search_near(text, END_TIME_LEAD)
        assert (found and found.span()) == (near and near.span()), text[:80]
    assert any(P.end_time.search(text) for text in texts)


STARTING = [name for name in P.TEMPLATES if G.initials(name) is not None]
FIRSTS = ["", "1", "٣", "A", "a", "Å", "å", "ı", "İ", "ſ", "K", "•", "-", "(", " ", "Σ"]


def test_many_patterns_know_their_first_characters():
    assert len(STARTING) > 50
    assert not G.may_start(G.initials("item_punkt"), "x")


@pytest.mark.parametrize("name", STARTING)
def test_the_first_characters_never_hide_a_match(name):
    pattern, first = getattr(P, name), G.initials(name)
    lines = _lines()
    # Every line also without its first characters, and behind each character that may trouble a case
    # comparison, so that most first characters of the text are tried.
    lines += [line[cut:] for line in lines for cut in (1, 2, 3)] + [char + line for char in FIRSTS for line in lines[:400]]
    for line in lines:
        if pattern.match(line):
            assert G.may_start(first, line[:1]), (name, line)


def test_classifying_by_first_character_reads_every_line_as_all_rules_do():
    from referat_parser import lineclass as L

    def every_rule(text: str) -> tuple:
        for rule in L.LINE_RULES:
            info = rule.test(text, None)
            if info is not None:
                return info.kind, info.rule or rule.name, info.number, info.title, info.field, info.value
        return L.Kind.TEXT, "text", None, None, None, None

    for line in _lines():
        info = L.classify(line)
        if info.rule != "bulleted_list_entry" and not L.P.list_marker.match(line):
            assert (info.kind, info.rule, info.number, info.title, info.field, info.value) == every_rule(line), line


def test_a_sigma_is_never_a_gate_word():
    """lower() of 'Σ' is 'ς' at a word's end and 'σ' elsewhere, so a text's lower case need not hold a
    literal's: a case-sensitive 'ΚΑΣ' must not be gated on 'κασ'."""
    import re
    from re import _parser  # type: ignore[attr-defined]

    pattern = re.compile("ΚΑΣ")
    gated = G.Gated(pattern, G._sequence(_parser.parse(pattern.pattern, 0), False))
    assert gated.search("ΚΑΣ") is not None


LOOSELY_GATED = [name for name in P.TEMPLATES if G.loose_requirement(name) is not None]


def test_the_loose_requirement_knows_more_patterns_than_the_requirement():
    assert set(GATED) <= set(LOOSELY_GATED)
    assert G.loose_requirement("footer_start") is not None  # the pattern clean gates with it
    assert G.requirement("footer_start") is None


@pytest.mark.parametrize("name", LOOSELY_GATED)
def test_a_loose_gate_never_hides_a_match(name):
    pattern, gated = getattr(P, name), G.loosely(name)
    for line in [*_lines(), "Kontakt", "© 2024 Sorø Kommune · Rådhusvej 8", "Forside | Politik | Referater | 2024"]:
        if pattern.search(line):
            assert gated.may(line), (name, line)
            assert gated.search(line).span() == pattern.search(line).span()
        if pattern.match(line):
            assert gated.match(line).span() == pattern.match(line).span()


START_GATED = [name for name in P.TEMPLATES if G.start_gate(name) is not None]


def test_the_noise_shapes_have_a_start_gate():
    gate = G.start_gate("noise_whole")
    assert gate is not None and "B" in gate.rejected and "S" not in gate.rejected
    assert gate.match("Byrådet godkendte sagen") is None
    assert gate.match("Forside > Politik > Referater") is not None  # a breadcrumb starts with any letter


@pytest.mark.parametrize("name", START_GATED)
def test_a_start_gate_never_hides_a_match(name):
    pattern, gated = getattr(P, name), G.start_gate(name)
    for line in [*_lines(), "Forside > Politik > Referat", "Hjem › Byråd › Møder", "µ", "ß", "ſide 3", "İcon-x"]:
        found = pattern.match(line)
        if found is not None:
            assert gated.match(line) is not None, (name, line)
            assert gated.match(line).span() == found.span()


def test_the_ascii_lookalikes_are_every_letter_beyond_ascii_that_ignorecase_takes_for_ascii():
    import re
    import sys

    beyond = "".join(chr(code) for code in range(128, sys.maxunicode + 1) if not 0xD800 <= code < 0xE000)
    assert "".join(re.findall(r"[\x00-\x7f]", beyond, re.IGNORECASE)) == G.ASCII_LOOKALIKES


@pytest.mark.parametrize("name", GATED)
def test_the_lines_that_may_match_are_found_in_the_whole_text(name):
    """may_lines of a text of many lines keeps every line of which the gate says may, with ASCII lookalikes
    (the exact scan) and without (the scan of the ASCII bytes)."""
    gated = getattr(G, name)
    lines = [line for line in _lines() if "\n" not in line]
    for text in (lines, [line for line in lines if not any(char in line for char in G.ASCII_LOOKALIKES)]):
        found = gated.may_lines("\n".join(text))
        if found is not None:
            assert {index for index, line in enumerate(text) if gated.may(line)} <= found, name


def test_the_lines_of_several_gates_are_the_union_of_each_gates_lines():
    """may_lines_of lowers the text once for several gates: the same lines as each gate's may_lines, with
    gates that take the bytes path or need a digit (asked on their own) and with gates that do not."""
    lines = [line for line in _lines() if "\n" not in line]
    plain = [line for line in lines if not any(char in line for char in G.ASCII_LOOKALIKES)]
    groups = [("noise_inline", "link_text_repeat"), ("noise_inline", "date"), tuple(GATED[:6]), tuple(GATED[-6:])]
    for text in (lines, plain, lines[:40], ["", "ı", "İ"]):
        joined = "\n".join(text)
        for names in groups:
            gates = [getattr(G, name) for name in names]
            each = [gate.may_lines(joined) for gate in gates]
            union = None if None in each else set().union(*each)
            assert G.may_lines_of(joined, *gates) == union, names


def test_the_breadcrumb_shape_matches_what_its_backtracking_form_matched():
    """noise.toml's breadcrumb takes each step's run whole (possessive) and checks its last character after:
    the same lines as the plain form, which gave back one character at a time on every line."""
    import random
    import re

    from referat_parser.lexicon.data import noise

    plain = re.compile(r"(?:[^>›]{1,40}\s[>›]\s){2,}[^>›]{1,60}\Z", re.IGNORECASE)
    (shape,) = [re.compile(p + r"\Z", re.IGNORECASE) for p in noise()["patterns"] if "›" in p]
    chance = random.Random(5)
    pieces = [">", "›", " ", "\t", "a", "Forside", "x" * 38, "x" * 39, "x" * 40, "x" * 41, " > ", " › ", ">>"]
    lines = ["".join(chance.choice(pieces) for _ in range(chance.randint(1, 10))) for _ in range(20000)]
    lines += ["Forside > Politik > Referat", "Hjem › Byråd › Møder", "a > b > c", " > b > c", "ab > b > c"]
    for line in lines:
        assert (plain.match(line) is None) == (shape.match(line) is None), line
    assert sum(plain.match(line) is not None for line in lines) > 20


GLUED_DECISIONS = [
    "Beslutning i Økonomiudvalget den 3. maj 2021 Godkendt som indstillet.",
    "Økonomiudvalgets beslutning den 7. december 2021 Anbefales.",
    "Teknisk Udvalg, 10. september 2019, pkt. 65 Godkendt.",
    "BESLUTNING I BYRÅDET DEN 01-02-2020 Godkendt.",
    "Afgørelse truffet af Byrådet den 1. marts 2022 Taget til efterretning.",
]


def test_decision_head_words_let_every_glued_decision_through():
    lines = GLUED_DECISIONS + _lines()
    lines += [line + " Godkendt." for line in lines]
    for line in lines:
        if H._glued_after_date(line) is not None:
            assert H._may_open_with_decision(line), line
    assert all(H._glued_after_date(line) is not None for line in GLUED_DECISIONS)


def test_decision_head_words_are_the_patterns_words():
    """The words come from the gates of decision_heading and decision_heading_genitive, and from the item
    reference that decision_heading_bare must end in."""
    words = set(H._decision_head_words())
    assert {"beslutning", "afgørelse", "behandling", "indstilling"} <= words
    assert "(?:pkt|punkt|sag)" in P.FRAGMENTS["pkt"]
    assert set(H.ITEM_REFERENCE_WORDS) <= words
    bare, _ = P.TEMPLATES["decision_heading_bare"]
    assert "{pkt}\\s*" in bare and "{pkt}?" not in bare
