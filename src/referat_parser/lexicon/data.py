"""Load the vocabularies in vocab/*.toml (headings, outcomes, parties, ...) once, as plain data.

The lowest layer of the lexicon: every phrase list the parser knows is read here and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from . import stored

_VOCAB = Path(__file__).resolve().parent.parent / "vocab"


@cache
def _vocabularies() -> dict[str, dict[str, Any]]:
    """Every vocab/*.toml file by name, parsed once per process (or read from the disk cache,
    stored.py, keyed by the files' contents). Shared: callers never change what they get."""
    loaded = stored.load("vocab")
    if not isinstance(loaded, dict):
        import tomllib  # only when the disk cache is cold: parsing TOML is what the cache saves

        loaded = {path.stem: tomllib.loads(path.read_text(encoding="utf-8")) for path in sorted(_VOCAB.glob("*.toml"))}
        stored.save("vocab", loaded)
    return loaded


def _load(name: str) -> dict[str, Any]:
    return _vocabularies()[name]


FOLD_CACHED_TEXT = 200  # characters; the folds of lines this short are kept: several stages fold the same line
FOLD_STRIPS = ":.;?"  # the end punctuation fold strips (with the spaces)


def fold(text: str) -> str:
    """The form vocabulary entries are compared in: case-folded, single spaces, no end punctuation."""
    return _cached_fold(text) if len(text) <= FOLD_CACHED_TEXT else _fold(text)


@lru_cache(maxsize=8192)
def _cached_fold(text: str) -> str:
    # Clean (noise lines), transcripts and segment (repeated titles, recurring titles) fold the same
    # lines: on the labelled corpus 43 % of the folds of one document repeat an earlier one.
    return _fold(text)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" " + FOLD_STRIPS)


@dataclass(frozen=True)
class HeadingVocab:
    exact: dict[str, str]  # folded name -> key
    opening: frozenset[str]  # keys that open an item
    with_colon: dict[str, str]  # folded name -> key, a heading only when printed with a colon
    final_words: dict[str, str]  # folded last word -> key of a short heading ending in it ("... påtegning")
    alone: dict[str, str]  # folded name -> key, a heading only as a whole line (never glued, fuzzy or split off)


@cache
def headings() -> HeadingVocab:
    data = _load("headings")
    exact: dict[str, str] = {}
    opening = set()
    for key, entry in data.items():
        for name in entry["names"]:
            exact[fold(name)] = key
        if entry.get("opening"):
            opening.add(key)
    with_colon = {fold(name): key for key, entry in data.items() for name in entry.get("colon_names", [])}
    final_words = {fold(word): key for key, entry in data.items() for word in entry.get("final_words", [])}
    alone = {fold(name): key for key, entry in data.items() for name in entry.get("alone_names", [])}
    return HeadingVocab(exact, frozenset(opening), with_colon, final_words, alone)


@cache
def history_labels() -> dict[str, list[str]]:
    """The labels of a history entry's group (vocab/headings.toml [history]): body, date, number."""
    entry = _load("headings")["history"]
    return {part: entry[f"{part}_labels"] for part in ("body", "date", "number")}


@cache
def outcome_phrases() -> list[tuple[str, str]]:
    """(phrase, class), longest phrases first so that a longer phrase wins a tie at one position."""
    pairs = [(fold(p), cls) for cls, entry in _load("outcomes").items() for p in entry["phrases"]]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


@cache
def outcome_subjects() -> list[str]:
    """Words naming the item as the subject of a sentence stating its outcome ("Dagsorden blev ...")."""
    return list(words()["outcome_subjects"]["words"])


@cache
def parties() -> dict[str, str]:
    """Printed party name (folded) -> letter."""
    result: dict[str, str] = {}
    for letter, entry in _load("parties").items():
        for name in entry["names"]:
            result[fold(name)] = letter
    return result


@cache
def party_letters() -> frozenset[str]:
    return frozenset(_load("parties"))


@cache
def municipalities() -> dict[str, str]:
    """Printed form -> bare municipality name: the 98 municipalities since 2007 and the former ones."""
    data = _load("municipalities")
    result: dict[str, str] = {}
    for entry in data["municipality"]:
        result[entry["name"]] = entry["name"]
        for form in entry.get("forms", []):
            result[form] = entry["name"]
    for name in data["former"]:
        result.setdefault(name, name)
    for name, forms in data["former_forms"].items():
        for form in forms:
            result.setdefault(form, name)
    return result


@cache
def noise() -> dict[str, Any]:
    return _load("noise")


@cache
def body_suffixes() -> list[str]:
    return sorted(_load("bodies")["suffixes"], key=len, reverse=True)


@cache
def group_suffixes() -> tuple[str, ...]:
    """Endings of a body's or group's name, folded (bodies.toml suffixes and group_suffixes)."""
    bodies = _load("bodies")
    return tuple(fold(suffix) for suffix in [*bodies["suffixes"], *bodies["group_suffixes"]])


@cache
def lower_case_compound_suffixes() -> list[str]:
    return sorted(_load("bodies")["lower_case_compound_suffixes"], key=len, reverse=True)


@cache
def months() -> dict[str, int]:
    return dict(_load("calendar")["months"])


@cache
def publication_words() -> list[str]:
    return list(_load("calendar")["publication"]["words"])


@cache
def mail_header_labels() -> list[str]:
    return list(_load("calendar")["mail"]["labels"])


@cache
def language_words() -> dict[str, frozenset[str]]:
    return {lang: frozenset(entry["words"]) for lang, entry in _load("language").items()}


@cache
def organisation_suffixes() -> tuple[str, ...]:
    """Endings of the words of an organisation's name, folded: people.toml's, and a body's or group's."""
    return tuple(fold(suffix) for suffix in people()["organisation_suffixes"]) + group_suffixes()


@cache
def not_name_words() -> frozenset[str]:
    """Words that mark a line as a heading or status line, never a person's name ('ÅBENT MØDE')."""
    return frozenset(word.casefold() for word in people()["not_name_words"])


@cache
def not_names() -> frozenset[str]:
    """Whole 'names' that are words of the minutes ('Ingen fraværende', 'Byrådet')."""
    return frozenset(people()["not_names"])


@cache
def not_in_names() -> frozenset[str]:
    """Lower-case words of running text that never stand in a name."""
    return frozenset(word.casefold() for word in people()["absence"]["not_in_names"])


@cache
def name_label_words() -> tuple[str, ...]:
    """Attendance labels printed before names without a colon ('Fraværende', 'Suppleant'), longest first."""
    return tuple(sorted(people()["label_words"], key=len, reverse=True))


@cache
def people() -> dict[str, Any]:
    return _load("people")


@cache
def words() -> dict[str, Any]:
    return _load("words")


@cache
def header() -> dict[str, Any]:
    """Labels of the meeting header by field, and the signs of a meeting document (vocab/header.toml)."""
    return _load("header")


@cache
def field_labels() -> frozenset[str]:
    """The labels of the meeting's own header fields (committee, date, time, end, place), folded."""
    vocab = header()
    return frozenset(fold(label) for section in ("committee", "date", "time", "end", "location")
                     for key in ("labels", "bare", "body_only") for label in vocab[section].get(key, []))


@cache
def header_words() -> frozenset[str]:
    """Every header label and viewer column head, folded: never the value of a header field."""
    vocab = header()
    labels = {label for section in ("committee", "date", "time", "end", "location", "other")
              for key in ("labels", "body_only") for label in vocab[section].get(key, [])}
    return frozenset(fold(word) for word in labels | set(vocab["values"]["not_values"]))


@cache
def weekdays() -> frozenset[str]:
    """Weekday names, folded. (Month names are not among them: 'Jan', 'Maj' and 'August' are first names.)"""
    return frozenset(fold(word) for word in _load("calendar")["weekdays"]["names"])


@cache
def title_openers() -> frozenset[str]:
    return frozenset(words()["title_openers"])


@cache
def meeting_line_filler() -> frozenset[str]:
    return frozenset(words()["meeting_line_filler"])


@cache
def ellipsis_followers() -> frozenset[str]:
    return frozenset(words()["ellipsis_followers"])


@cache
def abbreviations() -> tuple[str, ...]:
    return tuple(words()["abbreviations"])


@cache
def markup() -> dict[str, Any]:
    """How saved web pages and Word files mark structure and furniture (read by the HTML and Word readers)."""
    return _load("markup")


@cache
def exports() -> dict[str, Any]:
    """Words of meeting-system exports: empty-field placeholders, the attachments caption, plain roles."""
    return _load("exports")
