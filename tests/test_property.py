"""Property tests: random edits of the fixtures never make the parser raise, the output always
validates against the schema, and every span stays inside the text.

Budget: about 100 examples per property (``REFERAT_PROPERTY_EXAMPLES`` raises it for a longer
local run), no deadline; the whole file should stay well under a minute.

The cleaned text that spans index is not exposed on the model (or the public API) yet: spans are
checked against the input length (after NFC, which can lengthen a few characters) as an upper
bound, and, while the internal ``clean.clean`` exists, against the cleaned text itself: inside it,
headings printed at the start of their section's span, sections and decisions inside their item,
items in order without overlap.
"""

from __future__ import annotations

import itertools
import os
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from referat_parser import Meeting, ReferatError, parse_text
from referat_parser.read import read_bytes

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))}
EXAMPLES = int(os.environ.get("REFERAT_PROPERTY_EXAMPLES", "100"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                                 HealthCheck.data_too_large])

# Printed headings of agenda items (a sample of vocab/headings.toml and common item words).
HEADINGS = ("Beslutning", "Indstilling", "Sagsfremstilling", "Sagens indhold", "Kompetence", "Beslutningstema",
            "Bilag", "Økonomi", "Høring", "Resumé", "Baggrund", "Retligt grundlag", "Sagens opbygning",
            "Økonomiske konsekvenser", "Beslutning i Byrådet", "Fraværende", "Lukket punkt", "Åbent punkt")


# --- checking one output --------------------------------------------------------------------

def spans(value: Any, where: str = "meeting") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every span in a dumped model, wherever it sits (items, sections, decisions, warnings...)."""
    if isinstance(value, dict):
        if "start" in value and "end" in value:
            yield where, value
        for key, item in value.items():
            yield from spans(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from spans(item, f"{where}[{i}]")


@cache
def schema_validator() -> Any:
    """A validator for the JSON Schema ``referat schema`` prints (jsonschema is a dev dependency:
    without it these tests fail to import, never skip the check silently)."""
    schema = Meeting.model_json_schema(by_alias=True)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def cleaned_text(text: str) -> str | None:
    """The text spans index, from the parser's internal clean stage (None if it moved)."""
    try:
        from referat_parser.clean import clean
        from referat_parser.read.text import read_text_bytes

        return clean(read_text_bytes(text.encode("utf-8"))).text
    except (ImportError, AttributeError):  # pragma: no cover - internal API changed
        return None


def check_spans_in_cleaned_text(meeting: Meeting, cleaned: str) -> None:
    for where, span in spans(meeting.model_dump(mode="json", by_alias=True)):
        assert span["end"] <= len(cleaned), f"{where}: {span} beyond the cleaned text ({len(cleaned)})"
    previous_end = 0
    for item in meeting.items:
        s = item.span
        assert s.start >= previous_end, f"item {item.order} starts at {s.start}, before the last ended ({previous_end})"
        previous_end = s.end
        for section in item.sections:
            assert s.start <= section.span.start <= section.span.end <= s.end, \
                f"item {item.order}: section {section.key} {section.span} outside the item {s}"
            assert cleaned[section.span.start:].startswith(section.heading), \
                f"item {item.order}: heading {section.heading!r} not at {section.span.start}: " \
                f"{cleaned[section.span.start:section.span.start + 40]!r}"
        blocks = [("decision", item.decision.span)] if item.decision else []
        blocks += [("consultation", c.span) for c in item.consultations]
        for name, span in blocks:
            assert s.start <= span.start <= span.end <= s.end, f"item {item.order}: {name} {span} outside the item {s}"


def check_meeting(meeting: Meeting, text: str) -> None:
    as_json = meeting.to_json()
    again = Meeting.model_validate_json(as_json)
    assert again == meeting
    assert again.to_json() == as_json
    schema_validator().validate(meeting.model_dump(mode="json", by_alias=True))
    bound = max(len(text), len(unicodedata.normalize("NFC", text)))
    for where, span in spans(meeting.model_dump(mode="json", by_alias=True)):
        assert 0 <= span["start"] <= span["end"] <= bound, f"{where}: {span} outside 0..{bound}"
        if span.get("page") is not None:
            assert span["page"] >= 1, f"{where}: page {span['page']}"
    orders = [item.order for item in meeting.items]
    assert orders == sorted(orders), f"item orders not increasing: {orders}"
    cleaned = cleaned_text(text)
    if cleaned is not None:
        check_spans_in_cleaned_text(meeting, cleaned)


def check(text: str) -> None:
    """parse_text either returns a valid meeting or rejects blank/binary input with a ReferatError."""
    try:
        meeting = parse_text(text)
    except ReferatError as exc:
        assert exc.code in ("empty", "binary"), f"unexpected {exc.code}: {exc}"
        return
    check_meeting(meeting, text)


# --- edits of the fixtures ------------------------------------------------------------------

def misspell(word: str, data: st.DataObject) -> str:
    if not word:
        return word
    i = data.draw(st.integers(0, len(word) - 1), label="at")
    kind = data.draw(st.sampled_from(["drop", "swap", "double", "case", "replace", "colon", "space", "ocr"]))
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "swap" and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    if kind == "case":
        return data.draw(st.sampled_from([word.upper(), word.lower(), word.title(), word.swapcase()]))
    if kind == "replace":
        return word[:i] + data.draw(st.sampled_from("aeiouæøåxz1l|")) + word[i + 1:]
    if kind == "colon":
        return word + data.draw(st.sampled_from([":", ".", " :", ":\t", " -"]))
    if kind == "space":
        return word[:i] + " " + word[i:]
    if kind == "ocr":
        return word.translate(str.maketrans({"l": "1", "o": "0", "i": "í", "ø": "o", "æ": "ae", "å": "aa"}))
    return word


@st.composite
def edited(draw: st.DrawFn, ops: tuple[str, ...] = ("delete", "duplicate", "shuffle", "misspell",
                                                    "insert", "heading", "blank")) -> str:
    """A fixture with random line-level edits and random unicode, possibly truncated."""
    data = draw(st.data())
    name = draw(st.sampled_from(sorted(TEXTS)), label="fixture")
    lines = TEXTS[name].splitlines()
    for _ in range(draw(st.integers(0, 10), label="edits")):
        op = draw(st.sampled_from(ops))
        i = draw(st.integers(0, max(len(lines) - 1, 0)), label="line")
        if not lines:
            lines.append("")
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "shuffle":
            j = draw(st.integers(i, min(len(lines), i + 30)))
            lines[i:j] = draw(st.permutations(lines[i:j]))
        elif op == "misspell":
            heading = next((k for k, line in enumerate(lines[i:], i) if line.strip().rstrip(":") in HEADINGS), i)
            lines[heading] = misspell(lines[heading], data)
        elif op == "insert":
            k = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:k] + draw(st.text(max_size=20), label="unicode") + lines[i][k:]
        elif op == "heading":
            lines.insert(i, misspell(draw(st.sampled_from(HEADINGS)), data))
        elif op == "blank":
            lines.insert(i, draw(st.sampled_from(["", " ", "\t", "\u00a0", "\f", "-", "_" * 40])))
    text = "\n".join(lines)
    if draw(st.booleans(), label="truncate"):
        text = text[: draw(st.integers(0, len(text)), label="cut")]
    return text


def test_fixtures_parse_and_satisfy_the_properties():
    for text in TEXTS.values():
        check(text)


@SETTINGS
@given(edited())
def test_random_edits_never_break_the_parser(text):
    check(text)


@SETTINGS
@given(edited(ops=("delete", "duplicate", "shuffle")))
def test_line_order_edits(text):
    check(text)


@SETTINGS
@given(edited(ops=("misspell", "heading")))
def test_misspelt_headings(text):
    check(text)


@SETTINGS
@given(st.sampled_from(sorted(TEXTS)), st.data())
def test_truncated_anywhere(name, data):
    text = TEXTS[name]
    cut = data.draw(st.integers(0, len(text)), label="cut")
    check(text[:cut])
    check(text[cut:])


@SETTINGS
@given(st.sampled_from(sorted(TEXTS)), st.text(min_size=1, max_size=200), st.data())
def test_random_unicode_inserted(name, noise, data):
    text = TEXTS[name]
    at = data.draw(st.integers(0, len(text)), label="at")
    check(text[:at] + noise + text[at:])


@SETTINGS
@given(st.sampled_from(sorted(TEXTS)), st.sampled_from(["\r\n", "\r", "\n\n", "\u2028", "\x0b", " \n"]))
def test_other_line_breaks(name, newline):
    check(TEXTS[name].replace("\n", newline))


# --- real documents, concatenated ------------------------------------------------------------
# Real text holds what nobody thought to write: the shared corpus (read at test time only, never
# copied into the repository) is parsed as two or more documents written into one file, as a
# careless export or `cat` makes them. Whatever that text holds, parse_text raises nothing but
# ReferatError, and its output has every property checked above.

def corpus_folder() -> Path | None:
    """The shared corpus: $REFERAT_CORPUS, else shared/corpus/docs beside the repository (where
    CI lays it) or beside the folder holding this worktree."""
    root = FIXTURES.parent
    candidates = [os.environ.get("REFERAT_CORPUS"), root.parent / "shared" / "corpus" / "docs",
                  root.parent.parent / "shared" / "corpus" / "docs"]
    return next((Path(c) for c in candidates if c and Path(c).is_dir() and any(Path(c).glob("*.txt"))), None)


@cache
def corpus() -> list[str]:
    folder = corpus_folder()
    if folder is None:
        pytest.skip("the shared corpus is not there (set REFERAT_CORPUS=.../corpus/docs to run these)")
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def test_every_corpus_document_written_twice_parses():
    for text in corpus():
        check(text + text)
        check(text + "\n\f" + text)


def test_neighbouring_corpus_documents_written_into_one_file_parse():
    texts = corpus()
    for first, second in itertools.pairwise(texts):
        check(first + "\n" + second)


@SETTINGS
@given(st.lists(st.integers(0, 10_000), min_size=2, max_size=4), st.sampled_from(["", "\n", "\n\n", "\f", " "]))
def test_corpus_documents_concatenated_in_any_order_parse(picks: list[int], separator: str):
    texts = corpus()
    check(separator.join(texts[i % len(texts)] for i in picks))


# --- the reader -----------------------------------------------------------------------------

# Danish text without characters that a decoder could take for another encoding's bytes.
DANISH = st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅé"
                                          "0123456789 .,:;-()'\"\n"), min_size=1, max_size=300)


@SETTINGS
@given(DANISH, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "latin-1"]))
def test_reader_round_trips_danish_text_in_every_encoding(text, codec):
    if not text.strip():
        return
    doc = read_bytes(text.encode(codec))
    assert [line.text for line in doc.lines] == text.splitlines()


@SETTINGS
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn"),
                                      blacklist_characters="\ufffd\ufeffÃÂâ\u2028\u2029\x85"), min_size=1))
def test_reader_leaves_clean_utf8_alone(text):
    if not text.strip(" \u200b\u200c\u200d\u2060\u00ad\t\r\n") or not text.strip():
        return
    try:
        doc = read_bytes(text.encode("utf-8"))
    except ReferatError as exc:
        assert exc.code in ("empty", "unsupported_format", "unknown_xml", "bad_xml")  # "<a>..." starts as XML
        return
    assert [line.text for line in doc.lines] == text.splitlines()
    assert doc.warnings == []


BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


@st.composite
def awkward_bytes(draw: st.DrawFn) -> bytes:
    """Text in some encoding, then damaged: bytes inserted, a cut, parts in another encoding."""
    text = draw(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300))
    parts = [text.encode(draw(st.sampled_from(["utf-8", "utf-8", "cp1252", "latin-1", "utf-16"])), errors="replace")]
    if draw(st.booleans()):
        parts.append(draw(DANISH).encode(draw(st.sampled_from(["utf-8", "cp1252"]))))
    data = b"".join(parts)
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=8)) + data[at:]
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


@SETTINGS
@given(st.one_of(awkward_bytes(), st.binary(max_size=600)))
def test_reader_is_never_silent(data):
    """Whatever the bytes: no control characters or BOMs come out, every U+FFFD the reader made is
    counted in a warning, and bytes that are not UTF-8 (and have no BOM) always give a warning."""
    if data.lstrip(b"\x00\t\r\n ").startswith(b"%PDF-"):
        return
    try:
        doc = read_bytes(data)
    except ReferatError as exc:
        # Bytes that start as XML ("<a>...") and are no meeting export are refused as such.
        assert exc.code in ("empty", "binary", "unsupported_format", "corrupt_pdf", "unknown_xml", "bad_xml")
        return
    text = "\n".join(line.text for line in doc.lines)
    codes = [code for code, _ in doc.warnings]
    assert not re.search("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff]", text), repr(text)
    if text.count("\ufffd") > data.count(b"\xef\xbf\xbd"):
        assert "replaced_bytes" in codes, (data, doc.warnings)
    if not data.startswith(BOMS):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            assert doc.warnings, data


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_fixtures_decode_without_warnings(name):
    doc = read_bytes(TEXTS[name].encode("utf-8"))
    assert doc.warnings == []
