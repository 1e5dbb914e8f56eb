"""classify skips rules that cannot recognise a line (by its first two characters, and for a plain line
the rules whose own first test refuses it): its answers must be those of the whole rule chain, every
rule asked in order, on every line of the fixtures and cases and on generated lines."""

import random
from pathlib import Path

import pytest

from referat_parser.clean import clean
from referat_parser.lexicon import patterns as P
from referat_parser.lineclass import LINE_RULES, TEXT, Info, _is_plain, _start_rules, classify
from referat_parser.read.text import read_text_bytes

ROOT = Path(__file__).resolve().parents[1]


def _whole_chain(text: str, bold: bool | None) -> Info:
    """classify without any skipping: every rule of LINE_RULES, in order."""
    for rule in LINE_RULES:
        info = rule.test(text, bold)
        if info is not None:
            info.rule = info.rule or rule.name
            return info
    return Info(TEXT, rule="text")


def _corpus_lines() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "fixtures").glob("*.txt"))]
    texts += [path.read_text(encoding="utf-8") for path in sorted((ROOT / "tests" / "cases").glob("*.txt"))]
    lines = {line for text in texts for line in text.splitlines()}
    lines |= {line.strip() for line in lines}
    for text in texts:  # the lines as the segment stage gets them
        lines |= {line.text for line in clean(read_text_bytes(text.encode("utf-8"))).lines}
    return sorted(line for line in lines if line)


OPENINGS = ["Sag", "Sags", "Sagsnr.", "Sagen afgøres af", "Punkt", "Pkt.", "PKT", "Punktstatus:", "Dok.nr.",
            "Dagsordenspunkt", "Ad", "Nr.", "Åben", "ÅBENT", "åbent", "Lukket", "lukket punkt", "Offentlig",
            "Fortrolig", "aaben", "Status", "Adgang", "Indhold", "Indholdsfortegnelse", "Oversigt over sager",
            "Kompetence", "Beslutningskompetence", "Journalnr", "J.nr.", "Acadre", "Afdeling", "Center",
            "Område", "Øvrige sagsbehandlere", "Ansvarlig", "Side", "Emne", "Tekst", "Titel", "1.", "41", "3)",
            "- ", "– ", "12.01.00", "00.01.A00", "2023/19877", "ſag", "Kompetence", "İndhold", "ıo", "Det",
            "Der", "Beslutning", "Byrådet", "x", "", "|", "•"]
WORDS = ["godkendt", "sagen", "nr.", "12", "3", "den", "1. maj 2021", "Økonomiudvalget", "...", "…", "|",
         ":", "-", "–", "punkt", "sag", "side", "(Åben)", "Lukket", "2006/1877", "Sagsbehandler: JB",
         "og", "til", "Punkt 4", "dagsorden", "møde", "." * 5]
ENDINGS = ["", ".", ":", " 3", "3", ")", "):", " ", "\n", "|", ",", "!", "side", " 12"]


def _generated_lines(count: int) -> list[str]:
    pick = random.Random(20261202)
    lines = []
    for _ in range(count):
        words = [pick.choice(WORDS) for _ in range(pick.choice([0, 1, 2, 5, 9, 14]))]
        line = (pick.choice(OPENINGS) + pick.choice(["", " ", "  ", ": "]) + " ".join(words)).lstrip()
        line += pick.choice(ENDINGS)
        case = pick.random()
        line = line.upper() if case < 0.1 else line.lower() if case < 0.2 else line
        if line:
            lines.append(line)
    return lines


@pytest.mark.parametrize("source", ["corpus", "generated"])
def test_classify_answers_as_the_whole_rule_chain(source):
    lines = _corpus_lines() if source == "corpus" else _generated_lines(20000)
    checked = 0
    for line in lines:
        if line[:1] in P.LIST_MARKERS:
            continue  # a marked line's rules read it without its marker (classify's own path)
        for bold in (None, True):
            assert classify(line, bold) == _whole_chain(line, bold), (line, bold)
            checked += 1
    assert checked > 1000


def test_plain_lines_are_refused_by_the_rules_marked_so():
    for line in _corpus_lines() + _generated_lines(5000):
        if _is_plain(line):
            for rule in LINE_RULES:
                if rule.refuses_plain:
                    assert rule.test(line, None) is None, (rule.name, line)


def test_every_start_keeps_the_heading_rule():
    """classify reads its rule lists with 'or' (an empty list would be worked out again): never empty."""
    for start in ["De", "Sa", "- ", "x", "Øk", "ſa", "İn", "12", "#"]:
        for plain in (False, True):
            assert _start_rules(start, plain)[0][0] == "heading"
