"""Every regular expression of the parser, built in one place from the vocabularies.

Stages above the lexicon never write a regex: they name one of the patterns below
(``patterns.absence_label.match(text)``). A pattern is a template whose ``{name}`` placeholders
are filled with

- a fragment of FRAGMENTS (a regex piece shared by several patterns, itself a template), or
- a phrase list of the vocabularies (vocab/*.toml; see PHRASES): its entries escaped, longest
  first, spaces matching any run of white space.

Patterns compile on first use and are then cached as module attributes, so start-up pays only for
the patterns a document needs (``import referat_parser.lexicon.patterns as P; P.time``).
Quantifiers such as ``{1,3}`` contain digits and are never taken for placeholders.

No pattern may backtrack worse than quadratically (tests/test_backtracking.py): where several
quantifiers in a row can each take the same run of white space ("Anne Hansen" + 2,000 spaces), a
failing match would try every way of sharing the run out among them, so those take their run
whole, possessively (a ``*+`` quantifier), when what follows cannot begin with white space.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, partial

from . import data, stored

try:  # the letters IGNORECASE pairs with another letter of the same case ('s' and 'ſ')
    from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    _EXTRA_CASES = None

IGNORE, VERBOSE = re.IGNORECASE, re.VERBOSE


def _alternation(phrases: list[str] | tuple[str, ...] | frozenset[str], *, spaces: bool = True) -> str:
    escaped = (re.escape(p) for p in sorted(set(phrases), key=lambda p: (-len(p), p)))
    return "|".join(e.replace(r"\ ", r"\s+") if spaces else e for e in escaped)


def _trie_alternation(phrases: list[str] | tuple[str, ...] | frozenset[str] | set[str], *, spaces: bool = False) -> str:
    """The phrases as a prefix tree ('Ny(?:borg|købing)'), for a pattern matched case-sensitively.

    Why: a plain alternation of a few hundred names is tried name by name at every position where one
    may start; the tree tries one letter at a time. It tries the same phrases in the same order as
    _alternation's longest-first list: the phrases that match at one position are prefixes of each
    other, and at each letter the tree tries the longer phrases before the one that ends there. With
    letters that match case-insensitively two branches could both match, so it serves case-sensitive
    patterns only. With ``spaces`` a space matches any run of white space, as in _alternation; the
    phrases then hold single spaces between words and no other white space (tests/test_prefix_trees.py),
    so that two phrases matching at one position are still prefixes of each other."""
    tree: dict[str, dict] = {}
    for phrase in set(phrases):
        node = tree
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _tree_regex(tree, r"\s+" if spaces else re.escape(" "))


def _folded_trie_alternation(phrases: list[str]) -> str:
    """_alternation(phrases) for a case-insensitive pattern, as a prefix tree where that matches the same:
    phrases in lower case whose letters IGNORECASE pairs with no other lower-case letter (as it pairs
    's' with 'ſ'), so that two phrases matching at one position are still prefixes of each other.

    Why: the outcome words (~100) are tried at every position of every decision sentence; as a list
    the engine tests each phrase's first letter there, as a tree only the twenty-odd distinct ones."""
    if _EXTRA_CASES is None:
        return _alternation(phrases)
    chars = {ord(ch) for phrase in phrases for ch in phrase}
    paired = any(other in chars for code in chars for other in _EXTRA_CASES.get(code, ()))
    if not paired and all(phrase == phrase.lower() and "  " not in phrase and phrase.strip() == phrase
                          and all(ch == " " or not ch.isspace() for ch in phrase) for phrase in phrases):
        return _trie_alternation(phrases, spaces=True)
    return _alternation(phrases)


def _tree_regex(node: dict[str, dict], space: str) -> str:
    """The regex of a prefix tree whose key '' marks the end of a phrase: a run of single letters
    written out, branches in a group, a phrase's end as the group's optional last choice."""
    letters = sorted(char for char in node if char)
    heads = [space if char == " " else re.escape(char) for char in letters]
    branches = [head + _tree_regex(node[char], space) for head, char in zip(heads, letters, strict=True)]
    if not branches:
        return ""
    if "" not in node:
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if len(branches) == 1 and branches[0] == re.escape(letters[0]):  # one letter may end the phrase: 's?'
        return f"{branches[0]}?"
    return "(?:" + "|".join(branches) + ")?"


def _capitalised_names() -> set[str]:
    return {name[:1].upper() + name[1:] for name in data.headings().exact if len(name) >= 5}


def _upper_names() -> set[str]:
    return {name.upper() for name in data.headings().exact if len(name) >= 5}


def _capitalised_heading_names() -> str:
    """Heading names of five or more letters as printed at the start of a line ('Sagsfremstilling')."""
    return _trie_alternation(_capitalised_names())


def _party_names() -> str:
    return _alternation([n for n in data.parties() if len(n) > 3])


def _upper_heading_names() -> str:
    """Heading names of five or more letters in capitals ('SAGSFREMSTILLING', 'RESUMÉ')."""
    return _trie_alternation(_upper_names())


def _transcript_cut_initials() -> str:
    """The first characters of the phrases that transcript_cut opens with (its labels and heading names),
    for a character class: where none of them stands, no such phrase can start."""
    phrases = [*data.words()["transcript"]["labels"], *_capitalised_names(), *_upper_names()]
    return "".join(sorted({r"\s" if p[0].isspace() else re.escape(p[0]) for p in phrases if p}))


# Phrase lists from the vocabularies, by placeholder name. A list that only case-sensitive patterns
# read is a prefix tree (_trie_alternation), far cheaper to try than a list of hundreds of phrases.
PHRASES: dict[str, Callable[[], str]] = {
    "months": lambda: _alternation(data.months(), spaces=False),
    "month_initials": lambda: "".join(sorted({re.escape(month[0]) for month in data.months() if month})),
    "towns": lambda: _trie_alternation(data.municipalities()),  # read case-sensitively (the body pattern)
    "body_suffixes": lambda: _alternation(data.body_suffixes(), spaces=False),
    "history_names": lambda: _alternation([n for n, key in data.headings().exact.items() if key == "history"]),
    "history_body_labels": lambda: _alternation(data.history_labels()["body"]),
    "history_date_labels": lambda: _alternation(data.history_labels()["date"]),
    "history_number_labels": lambda: _alternation(data.history_labels()["number"]),
    "lower_case_compound_suffixes": lambda: _alternation(data.lower_case_compound_suffixes(), spaces=False),
    "heading_names_capitalised": _capitalised_heading_names,
    "party_names": _party_names,
    "publication_words": lambda: _alternation(data.publication_words(), spaces=False),
    "mail_labels": lambda: _alternation(data.mail_header_labels(), spaces=False),
    "name_labels": lambda: _alternation(data.name_label_words()),
    "role_words": lambda: _alternation(data.people()["role_words"], spaces=False),
    "name_particles": lambda: _alternation(data.people()["name_particles"], spaces=False),
    "name_enders": lambda: _alternation(data.people()["name_enders"]),
    "participant_labels": lambda: _alternation(data.people()["participant_labels"]),
    "case_labels": lambda: _alternation(data.words()["case_numbers"]["labels"]),
    "status_labels": lambda: _alternation(data.words()["case_numbers"]["status_labels"]),
    "reporting_verbs": lambda: _alternation(data.words()["reported_speech"]["verbs"]),
    "explanation_phrases": lambda: _alternation(data.words()["explanation"]["phrases"]),
    "attendance_labels": lambda: _alternation(data.people()["attendance_labels"]),
    "absence_labels": lambda: _alternation(data.people()["absence"]["labels"]),
    "absence_alone": lambda: _alternation(data.people()["absence"]["alone"]),
    "substitute_labels": lambda: _alternation(data.people()["substitute_labels"]),  # 'Stedfortræder', 'Suppleanter'
    "absence_none": lambda: _alternation(data.people()["absence"]["none"]),
    "absence_all_except": lambda: _alternation(data.people()["absence"]["all_except"]),
    "absence_phrases": lambda: _alternation(data.people()["absence"]["phrases"]),
    "absence_phrases_at_end": lambda: _alternation(data.people()["absence"]["phrases_at_end"]),
    "substitute_after_name": lambda: _alternation(data.people()["absence"]["substitute_after_name"]),
    "partial_attendance": lambda: _alternation(data.people()["absence"]["partial"]),
    "place_words": lambda: _alternation(data.words()["places"]["words"]),
    "place_suffixes": lambda: _alternation(data.words()["places"]["suffixes"]),
    "header_place_words": lambda: _alternation(data.words()["places"]["header_words"]),
    "header_place_suffixes": lambda: _alternation(data.words()["places"]["header_suffixes"]),
    "header_place_prefixes": lambda: _alternation(data.words()["places"]["header_prefixes"]),
    "noise_patterns": lambda: "|".join(f"(?:{p})" for p in data.noise()["patterns"]),
    "noise_inline": lambda: "|".join(f"(?:{p})" for p in data.noise()["inline"]),
    "footer_start": lambda: "|".join(f"(?:{p})" for p in data.noise()["footer_start"]),
    "menu_separators": lambda: _alternation(data.noise()["menu_separators"], spaces=False),
    "link_repeat": lambda: _alternation(data.noise()["link_repeat"]),
    "contents_column_heads": lambda: _alternation(data.words()["contents"]["column_heads"]),
    "heading_names_upper": _upper_heading_names,
    "transcript_cut_initials": _transcript_cut_initials,
    "transcript_labels": lambda: _trie_alternation(data.words()["transcript"]["labels"], spaces=True),
    "transcript_page_one_labels": lambda: _trie_alternation(data.words()["transcript"]["page_one_labels"], spaces=True),
    "other_meeting": lambda: _alternation(data.header()["meeting"]["other_meeting"]),
    "contents_weak": lambda: _alternation(data.header()["meeting"]["contents_weak"]),
    "contents_run_on": lambda: _alternation(data.header()["meeting"]["contents_run_on"], spaces=False),
    "glued_header_labels": lambda: _trie_alternation(data.words()["glued"]["header_labels"]),
}


def _header_list(section: str, key: str) -> Callable[[], str]:
    """A label list of vocab/header.toml; an empty list matches nothing (never the empty string)."""
    return lambda: _alternation(data.header()[section][key]) or "(?!)"


def _all_header_labels() -> str:
    vocab = data.header()
    return _alternation({label for section in ("committee", "date", "time", "end", "location", "other")
                         for key in ("labels", "body_only") for label in vocab[section].get(key, [])}
                        | set(vocab["end"]["phrases"]))


# Header labels by field and the signs of a meeting document (vocab/header.toml), by placeholder name.
PHRASES.update({
    "committee_labels": _header_list("committee", "labels"),
    "committee_bare": _header_list("committee", "bare"),
    "committee_body_only": _header_list("committee", "body_only"),
    "date_labels": _header_list("date", "labels"),
    "date_bare": _header_list("date", "bare"),
    "time_labels": _header_list("time", "labels"),
    "time_bare": _header_list("time", "bare"),
    "time_phrases": _header_list("time", "phrases"),
    "end_labels": _header_list("end", "labels"),
    "location_labels": _header_list("location", "labels"),
    "location_bare": _header_list("location", "bare"),
    "all_header_labels": _all_header_labels,
    "contents_marks": _header_list("meeting", "contents"),
    "contents_in_transcript": _header_list("meeting", "contents_in_transcript"),
    "item_lists": _header_list("meeting", "item_lists"),
    "member_lists": _header_list("meeting", "member_lists"),
    "all_present": _header_list("meeting", "all_present"),
    "document_words": _header_list("meeting", "document_words"),
    "navigation_words": _header_list("values", "navigation"),
    "meeting_kinds": _header_list("values", "meeting_kinds"),
    "meeting_words": _header_list("values", "meeting_words"),
    "viewer_words": _header_list("values", "viewer_words"),
})

# Shared pieces of patterns.
FRAGMENTS: dict[str, str] = {
    # What stands after a white space where a PDF transcript's line break was: transcript_cut's first
    # alternatives (a label with its colon, a heading, an item number, an open/closed mark, a page marker).
    "transcript_cut_marks": r"(?:{transcript_labels})\s*:|(?:{heading_names_capitalised})(?=\s+[A-ZÆØÅ]|\s*$)"
                            r"|(?:{heading_names_upper})(?=\s|$)|\d{1,3}\.\s+(?=[A-ZÆØÅ][a-zæøå])|(?:Åben|Lukket)\s+sag\b"
                            r"|Side\s+\d{1,3}(?:\s+af\s+\d{1,3}\b|$)|Sagsoversigt\b",
    # The first characters of the marks' fixed phrases (item number, Åben, Lukket, Side, Sagsoversigt), for
    # a class beside transcript_cut_initials (the labels' and headings'); tests/test_transcripts.py checks
    # that the two cover every first character of transcript_cut_marks.
    "transcript_mark_initials": r"\dÅLS",
    # The cut after an open/closed mark: transcript_cut's last, empty alternative (transcripts.may_cut looks
    # for its phrases' ends, 'ben sag' and 'ket sag').
    "transcript_after_sag": r"(?:(?<=\sÅben sag)|(?<=\sLukket sag))(?=\s)",
    # The marks and transcript_decision_cut's phrases, for a look-ahead (transcripts.may_cut).
    "transcript_cut_phrases": r"(?:{transcript_cut_marks}|(?:Beslutning|Afgørelse)\s+(?:i|fra)\s+[A-ZÆØÅ])",
    "up": "A-ZÆØÅÄÖÜÉ",  # capitals that begin a title or a body's name
    "markers": "•·▪●■◦",  # list markers (bullets) before a line's text: LIST_MARKERS below
    "up_name": "A-ZÆØÅÄÖÜÉÈÁÓÍÚÇŞĞİ",  # capitals that begin a name word (names from abroad too)
    "title_start": "[{up}\"'“”«(]",
    # A dot ends a name word only in an initial or abbreviation ("Chr."): "Mortensen. Birthe" is two sentences.
    "name_word": r"(?:[{up_name}][\w'’]{0,2}\.|[{up_name}][\w'’]*(?:-[{up_name}]?[\w'’]+)*)",
    # At most six words: a bound keeps unanchored searches linear on long lines of capitalised words.
    # A particle ('de', 'von') is a whole word inside a name, never its end ('Jes Holm deltog' is no 'Jes Holm de').
    "name": r"{name_word}(?:\s+(?:{name_word}|(?:{name_particles})(?=\s+(?:[{up_name}]|(?:{name_particles})\s)))){0,5}",
    # What may stand in brackets after a name as a party: a letter or abbreviation in capitals
    # ('A', 'DF', 'SF') or a party name of the vocabulary ('Alternativet', 'Nye Borgerlige').
    "party_text": r"[A-ZÆØÅ]{1,3}|(?i:{party_names})",
    "party": r"\(\s*(?P<party>{party_text})\s*\)",
    "pkt": r"(?:,?\s*(?:pkt|punkt|sag)\.?\s*(?P<num>\d+))",
    "word": r"[{up}][\w]*",
    # The look-ahead repeats what every alternative opens with (a digit or a month's first letter): the
    # search then leaves most positions after one test instead of trying each month name there.
    "date_named": r"""(?<![\w.])(?=[\d{month_initials}])(?:
            (?P<d1>\d{1,2})\.?[\s-]*(?P<mon1>{months})\.?[\s,-]*(?P<y1>\d{4})(?!\d)
          | (?P<mon2>{months})\.?\s+(?P<d2>\d{1,2}),?\s+(?P<y2>\d{4})(?!\d)
          | (?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})(?![\d-])
          | (?P<d4>\d{1,2})(?P<sep>[-./])(?P<m4>\d{1,2})(?P=sep)(?P<y4>\d{4}|\d{2})(?![\d-]|\.\d)
          | (?<![/-])(?P<d5>\d{1,2})/(?P<m5>\d{1,2})(?P<sep5>-|[ \t])(?P<y5>(?:19|20)\d{2}|\d{2})(?![\d-]|[./]\d)
        )""",
    "not_support": r"(?:kunne|kan|vil|ville)\s+ikke\s+(?:støtte|tilslutte\s+sig|anbefale|godkende|medvirke|gå\s+ind\s+for"
                   r"|stemme\s+for|tiltræde|bakke\s+op)",
    "against": r"(?:stemte|stemmer|stemmede)\s+imod",
    "in_favour": r"(?:stemte|stemmer|stemmede)\s+for\b",
    "letter": "[A-ZÆØÅ]",
    "side_words": r"(?:For|Imod|Undlod|Hverken\s+for\s+eller\s+imod)",
    "meeting_end": r"Mødet\s+(?:blev\s+)?(?:hævet|sluttede|sluttet|afsluttet|afsluttedes|slut|ophævet)\b",
    # A place word, or a postcode and its town at the end of the line or before a comma ("2635 Ishøj"):
    # "budget 2018 og overslagsårene" has a year, not a postcode.
    "place_strong": r"(?i:\b(?:{place_words}|\w*(?:{place_suffixes}))\b)"
                    r"|\b\d{4}\s+[A-ZÆØÅ][a-zæøå]+(?:\s[A-ZÆØÅ][a-zæøå]+)?(?=\s*(?:,|$))",
    # Between a header label and its value: a colon, or nothing when a capital or digit follows a
    # lower-case label directly ("MødestedRådssalen", "UdvalgByrådet": web text that lost its cell break).
    "label_gap": r"(?:\s*:\s*|(?-i:(?<=[a-zæøå])(?=[A-ZÆØÅ0-9])))",
    # A header label begins with a capital ("Dato", "DATO"), also inside a page transcript's line.
    "label_start": r"(?:^|(?<=\s))(?=(?-i:[A-ZÆØÅ]))",
}


def _date_unnamed() -> str:
    """The date pattern without named groups, for embedding (several times) in larger patterns."""
    plain = re.sub(r"\(\?P<\w+>", "(?:", expand("{date_named}"))
    return plain.replace("(?P=sep)", "[-./]")


# The characters most documents are written in: Latin-1, and the general punctuation of U+2000-U+206F
# (dashes, quotes, bullets), which holds no letter, so the letters among them are Latin-1's and
# their class a bitmap (with wider blocks it is not, and is slower). See common_letters_word.
COMMON_CHARS = ((0x00, 0xFF), (0x2000, 0x206F))


def _common_chars() -> str:
    return "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in COMMON_CHARS)


def _common_letters() -> str:
    """The characters of COMMON_CHARS that letters_word takes as letters, worked out from its own class
    (so the two cannot differ), as ranges."""
    letter = re.compile(*TEMPLATES["letters_word"])
    codes = [code for low, high in COMMON_CHARS for code in range(low, high + 1) if letter.fullmatch(chr(code))]
    runs: list[tuple[int, int]] = []
    for code in codes:
        if runs and runs[-1][1] == code - 1:
            runs[-1] = (runs[-1][0], code)
        else:
            runs.append((code, code))
    return "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in runs)


COMPUTED: dict[str, Callable[[], str]] = {"date": _date_unnamed, "common_chars": _common_chars,
                                          "common_letters": _common_letters}

# name -> (template, flags). Grouped by the concept they recognise.
TEMPLATES: dict[str, tuple[str, int]] = {
    # --- dates and times ---------------------------------------------------------------------
    "date": ("{date_named}", IGNORE | VERBOSE),
    # What must come right before "9/3-10" or "3/2 2020": "tirsdag", "d.", "den", "Mødedato:".
    "date_guard_before": (r"(?:\b(?:d\.|den)|\b[a-zæøå]+dag,?|dato\s*:)\s*$", IGNORE),
    # "4:00:00 PM": a 12-hour clock (the meeting systems' US exports) is read as the 24-hour time.
    "time": (r"(?:(?P<kl>\bkl\.?\s*)|(?<![\d.,/:-]))(?P<h>\d{1,2})[.:](?P<m>\d{2})(?::\d{2})?(?![\d]|[.,/]\d)"
             r"(?:\s?(?-i:(?P<ampm>[AP]M))\b)?|\bkl\.?\s*(?P<h2>\d{1,2})(?![\d.:,])", IGNORE),
    # "8/29/2019 4:00:00 PM": month first, as a 12-hour clock after the date shows.
    "us_clock_after": (r"^\s+\d{1,2}:\d{2}(?::\d{2})?\s?(?-i:[AP]M)\b", IGNORE),
    "kl_at_start": (r"^\s*kl\.?\s*\d", IGNORE),
    # What every match of time holds, near its start: its 'H.MM' (from the digit it starts with or the
    # next) or its 'kl' and digit. Far cheaper to search for than time; see dates._times.
    "time_hint": (r"\d[.:]\d\d|kl\.?\s*\d", IGNORE),
    # What every match of date holds: a four-digit year or a digit, a separator and a digit.
    "date_hint": (r"\d[-./]\d|\d\d\d\d", 0),
    # --- bodies ------------------------------------------------------------------------------
    # Compound bodies: "Erhvervs-, Beskæftigelses-, og Uddannelsesudvalget", "Kultur- og Idrætsudvalget";
    # an optional municipality in front ("Odense Byråd"); "Udvalget for X og Y".
    "body": (r"""(?<![\w-])(?:
            Udvalget\s+for\s+{word}(?:(?:,\s+|\s+og\s+){word})*
          | (?:(?:{towns})s?\s+)?
            (?:[{up}](?i:[a-zæøå]+(?:isk|al)[et]?)\s+(?=(?i:Udvalg)))?  # "Teknisk Udvalg", "Socialt Udvalg", "TEKNISK UDVALG"
            (?:(?:{word}-,?\s+(?:(?:og|OG|&)\s+)?)*(?:[{up}][\w]*?)?(?i:{body_suffixes})  # "TEKNIK- OG MILJØUDVALGET"
             |(?:{word}-,?\s+(?:(?:og|&)\s+)?)+[a-zæøå][\w]*?(?:{lower_case_compound_suffixes}))  # "Miljø- og klimaudvalget"
            (?P<genitive>s)?
        )(?![\w])""", VERBOSE),
    "trailing_bracket": (r"\s*\([^)]*\)\s*$", 0),
    # --- headings ----------------------------------------------------------------------------
    "label_value_colon": (r":\s*\S", 0),  # "Beslutningskompetence: KB" is a field, not a heading
    # "Beslutning i Økonomiudvalget den 1. oktober 2018:", "Beslutning fra Direktionen, 8. februar 2021,
    # pkt. 6:", "Beslutning Byrådet den" (date lost).
    "decision_heading": (r"""^(?P<word>beslutning(?:sprotokol)?|afgørelse)
             (?:\s+(?:i|fra|truffet\s+af|truffet\s+i|på\s+mødet\s+i|af))?
             \s+(?P<body>[^\W\d][^:]*?)
             (?:,?\s*+(?:den|d\.)?\s*+(?P<date>{date})?)?{pkt}?\s*+[:.]?\s*$""", IGNORE | VERBOSE),
    # A body/date/item line with no heading word: "Kultur- og Idrætsudvalget, 03-04-2019, pkt. 42".
    "decision_heading_bare": (r"^(?P<body>[^\W\d][^:]{2,100}?),\s*(?P<date>{date}){pkt}\s*:?\s*$", IGNORE | VERBOSE),
    # "Økonomiudvalgets beslutning den 7. december 2021" -> body 'Økonomiudvalget'; also "... behandling den".
    # ... and with the item it decided: "Økonomiudvalgets beslutning den 01.02.2012 Punkt 4" (eDoc).
    "decision_heading_genitive": (r"^(?P<body>[^\W\d].{2,80}?)s\s+(?:beslutning|behandling|indstilling)"
                                  r"(?:\s+til\s+\w[\w\s-]{2,60}?)?(?:\s+(?:den|d\.|af)?\s*(?P<date>{date}))?{pkt}?\s*:?$",
                                  IGNORE | VERBOSE),
    "ends_with_den": (r"\b(?:den|d\.)\s*[:.]?$", IGNORE),
    "heading_glued": (r"(?P<name>{heading_names_capitalised})(?=[A-ZÆØÅ])", 0),
    # "Sagens forløb 25-03-2019 Magistraten": a history heading glued to its first entry.
    "history_glued": (r"^(?P<name>{history_names})\s*:?\s+(?P<entry>{date}\s+[^\W\d].*)$", IGNORE | VERBOSE),
    # The labels of a history entry ("Udvalg: Magistraten", "Dato: 19-08-2025", "Punktnummer: 4").
    "history_body_label": (r"^(?:{history_body_labels})\s*:\s*(?P<value>[^\W\d].*)$", IGNORE),
    "history_date_label": (r"^(?:{history_date_labels})\s*:\s*(?P<value>\d.*)$", IGNORE),
    "history_number_label": (r"^(?:{history_number_labels})\.?\s*:\s*(?P<value>\d{1,4})\s*$", IGNORE),
    "heading_bracketed_date": (r"^(?P<name>[^()]{3,60}?)\s*\((?P<date>[^()]{6,40})\)\s*:?$", 0),
    # A dated decision heading and the first sentence of its text on one line: "Beslutning Byrådet den
    # 28-02-2024Godkendt." (web extraction lost the line break), "Xudvalgets beslutning den 01.02.2012 Punkt 4
    # Indstillingen godkendt" (a PDF line joined across a page break), "... den 2. november 2022: Anbefalet."
    "decision_glued_after_date": (r"^(?P<head>[^\W\d].{2,140}?{date}{pkt}?\s*:?)\s*(?P<rest>(?-i:[A-ZÆØÅ]).*)$",
                                  IGNORE | VERBOSE),
    # A body's name and a date alone, no heading word and no comma: "Byrådet 24-03-2021". Also a meeting
    # title line, so segment/dated_lines.py reads it as a heading only inside an item.
    "body_date_alone": (r"^(?P<body>[^\W\d][^\d,:()]{2,100}?)\s+(?P<date>{date})\s*:?$", IGNORE | VERBOSE),
    # "Bilag (2)": a heading with the number of its entries, as web viewers print the attachments' heading.
    "heading_counted": (r"^(?P<name>[^()]{3,60}?)\s*\(\d{1,3}\)\s*:?$", 0),
    # --- item numbering (lineclass.ITEM_RULES names these) -------------------------------------
    # The numbering words as printed: capitalised, or in capitals in a document set all in capitals.
    "item_punkt": (r"^(?:Punkt|PUNKT|Pkt|PKT)\.?\s*(?:nr\.?\s*)?(?P<num>\d{1,4})\s*[:.\-–|]\s*(?P<title>[{up}0-9\"'“”«(].*)$", 0),
    # "Ad 1) Title": e-mailed minutes of small councils.
    "item_ad": (r"^Ad\.?\s*(?P<num>\d{1,3})\s*[).:]\s*(?P<title>{title_start}.*)$", 0),
    # "Sag nr. 87: Title", "Dagsordenspunkt 4 - Title" (a case-number field has no title after the number).
    "item_sag": (r"^(?:Sag|Dagsordenspunkt)\.?\s*(?:nr\.?|nummer)?\s*(?P<num>\d{1,4})\s*[:\-–]\s*(?P<title>{title_start}.*)$", 0),
    # ... and "Sag: 210 Title" (a colon after the word: the number is the item's, not a case number).
    "item_word_space": (r"^(?:Punkt|PUNKT|Pkt|PKT|Sag|SAG)\.?\s*:?\s*(?:nr\.?\s*)?(?P<num>\d{1,4})\s+(?P<title>{title_start}.*)$", 0),
    # "1. (Åben) Title", "56 (Å) Title", "59 (L) Title": the open/closed mark between number and title.
    "item_marked": (r"^(?P<num>\d{1,4})\.?\s*\((?P<public>(?i:åbent?|lukket|å|l))\)\s*(?P<title>[{up}0-9\"'“”«(].*)$", 0),
    "item_nr": (r"^Nr\.?\s*(?P<num>\d{1,4})\s*[.:\-–]?\s*(?P<title>[{up}0-9].*)$", 0),
    "item_dotted": (r"^(?:[{markers}\-–]\s*)?(?P<num>\d{1,4})\s*(?:\.|:|\))\s*(?P<title>{title_start}.*)$", 0),
    "item_open_closed": (r"^(?i:åbent|åben|lukket)\s+(?:(?i:punkt)\s+)?(?P<num>\d{1,3})\s+(?P<title>\S.*)$", 0),
    "item_bare": (r"^(?P<num>\d{1,3})\s+(?P<title>[{up}\"'“”«].*)$", 0),
    "item_dash": (r"^(?P<num>\d{1,3})\s+[-–]\s+(?P<title>{title_start}.*)$", 0),  # "38 - Title"
    # "38Godkendelse af dagsorden": a page-transcript number glued to the title.
    "item_glued": (r"^(?P<num>\d{1,3})(?P<title>[{up}][a-zæøå]{2,}.*)$", 0),
    # "Sag nr. 130" follows its title line; "Punkt 5" alone precedes it; a PDF may print "5." alone.
    "number_only": (r"^(?:(?P<word>Sag|Sags|Punkt|Pkt|Dagsordenspunkt)\.?\s*(?:nr\.?|nummer)?\s*(?P<num>\d{1,4})\s*:?"
                    r"|(?P<bare>\d{1,3})\.)$", IGNORE),
    # "Pkt. 113   J.nr. 00.01.A00": an item's number with its case number, the title on a later line.
    "number_with_case": (r"^(?:Punkt|Pkt)\.?\s*(?:nr\.?\s*)?(?P<num>\d{1,4})\s*[.:]?\s+(?P<case>(?:{case_labels})\.?\s*:?\s*\S.*)$", IGNORE),
    # One list marker before a line's text: web viewers print accordion rows and field lists as bullets
    # ("• Sagsid.: 18/12345", "• Beslutningstema", "• 1"). Dashes are not markers here: "- Anne Hansen".
    "list_marker": (r"^[{markers}]\s*(?=\S)", 0),
    # A bulleted item number alone on its line, its title on the next: "• 1", "• 121.".
    "bulleted_number": (r"^[{markers}]\s*(?P<num>\d{1,4})\.?$", 0),
    # A sub-item of decimal numbering: "1.1 Status siden sidst", "2.3. Plan" (segment/decimal.py reads it
    # only in a document numbered that way; elsewhere "1.1 Formål" is a section of a text).
    "item_decimal": (r"^(?P<top>\d{1,3})\.(?P<sub>\d{1,2})\.?\s+(?P<title>[{up}\"'“”«(].*)$", 0),
    # A line ending in a capitalised abbreviation or initials ("... lokaler på Chr.", "H.C."): a number on
    # the next line ("8. Vej 7") continues it.
    "initial_at_line_end": (r"(?:^|\s)(?:[A-ZÆØÅ][a-zæøå]{0,2}\.|(?:[A-ZÆØÅ]\.){2,3})$", 0),
    # Cheap first test, so that most prose lines skip the item rules.
    "item_hint": (r"[\d{markers}\-–]|(?:Punkt|Pkt|Nr|Sag|Dagsordenspunkt|Ad\b|åben|lukket)", IGNORE),
    # A number printed with a word that only items carry ("Ad 1) ...", "Punkt 1: ...").
    "item_word": (r"^(?:Punkt|Pkt|Ad|Dagsordenspunkt)\b", IGNORE),
    # How a numbered line prints its number: the words before it and the punctuation mark after it (not
    # the title's first letter: "Punkt 4 Budget" and "Punkt 5 Skole" print their numbers alike).
    "number_style": (r"^\D*\d+(?:\s*[^\w\s])?", 0),
    "digits": (r"\d\d*", 0),  # as \d+; a single \d first lets the engine skip to the digits of a long line
    "item_start": (r"^(?:[•·\-–]\s*)?(?:punkt|pkt|nr|sag)?\.?\s*\d{1,4}\s*[.:)]?\s+(?-i:(?![a-zæøå]))\S", IGNORE),
    "open_closed_entry": (r"^(?:åbent|åben|lukket)\s+(?:punkt\s+)?\d", IGNORE),
    "list_entry": (r"^(?:(?:åbent|åben|lukket)\s+)?\d{1,3}[.:)]?\s+\S", IGNORE),
    # --- contents ----------------------------------------------------------------------------
    "toc_mark": (r"^(?:{contents_marks}|{contents_weak})\s*:?$", IGNORE),  # vocab/header.toml [meeting]
    # A contents table's column headers, the page column last: "Punkt nr. Side", "Nr. Titel Side".
    "toc_columns": (r"^(?:(?:{contents_column_heads})\s+){1,3}side$", IGNORE),
    # Subheadings inside a table of contents ("Åbne sager", "Lukket dagsorden"): they do not end it.
    "toc_subheading": (r"^(?:åbne?|åbent|lukkede?|lukket|offentlige?|fortrolige?)\s+(?:sager|punkter|dagsorden|del|møde)\s*:?$", IGNORE),
    "toc_leader": (r"^(?P<title>\S.*?)\s*(?:\.{3,}|…+|_{3,}|(?:\. ){3,})\s*(?P<page>\d{1,4})$", 0),
    # The number printed right before a title in running contents text ("Side 246. Title ...", "38 Title").
    "number_before_title": (r"(?<![\w.,])(?P<num>\d{1,4})\.?\s+$", 0),
    # "Ø Likviditet ...": a one-letter code (a committee's letter) before a transcript item's title.
    "title_code_prefix": (r"^[A-ZÆØÅ]\s+(?P<rest>[A-ZÆØÅ].*)$", 0),
    # --- open / closed -----------------------------------------------------------------------
    # ... after a status label, with or without its colon: "Status   Åbent" (an item's metadata list).
    "public": (r"^(?:(?:{status_labels})\s*:?\s+)?(?P<word>åbent|åben|lukket|offentlig|fortrolig|aaben|aabent)"
               r"(?:\s+(?:punkt|sag|dagsorden|møde))?\s*\.?$", IGNORE),
    # "Åbent - 00.01.00-G01-523-18", "Åbent - 00.01.00A04 - 2007/34364", "Åbent punkt  Sagsnr. 25/112"
    "public_with_case": (r"^(?P<word>åbent|åben|lukket)(?:\s+(?:punkt|sag))?\s*(?:[-–]|(?=sags?nr))\s*"
                         r"(?:sags?nr\.?\s*:?\s*)?(?P<case>\S.*)$", IGNORE),
    "open_closed_suffix": (r"\s+[-–]\s+(?P<word>åbent?|lukket)\s*$", IGNORE),
    "mark_in_title": (r"\((?P<word>åbent|åben|lukket)(?:\s+(?:punkt|sag|møde))?\)\s*$", IGNORE),
    "public_word": (r"(?<![\w])(?P<word>Åbent|Åben|Lukket)(?![\w])", 0),
    # --- item fields and case numbers --------------------------------------------------------
    # "Sag: 22/14552" is a case number; "Sag nr. 87: Title" is an item, hence the lookahead.
    "field_case_number": (r"^(?:{case_labels}|Sag(?=\s*:))\.?\s*:?\s*"
                          r"(?!\d{1,4}\s*(?:[:\-–]\s*)?(?-i:[A-ZÆØÅ\"'“”«(]))(?P<value>[^\s.:].*)$", IGNORE),
    "field_document_number": (r"^(?:Dok\.?\s*nr|Dokumentnr|Dokumentnummer|Dok\.?\s*id)\.?\s*:?\s*(?P<value>\S.*)$", IGNORE),
    "field_competence": (r"^(?:Kompetence|Beslutningskompetence|Sagen afgøres (?:i|af)|Kompetenceplacering)\s*:\s*"
                         r"(?P<value>\S.*)$", IGNORE),
    "field_case_worker": (r"^(?:Sagsbehandler|Sagsbeh\.?|Øvrige sagsbehandlere|Sagsansvarlig|Ansvarlig)\s*:\s*(?P<value>.*)$", IGNORE),
    # The department that prepared the case: "Område: Ledelsessekretariatet", "Afdeling: Plan og Byg".
    "field_department": (r"^(?:Område|Afdeling|Forvaltning|Fagområde|Center)\s*:\s*(?P<value>\S.*)$", IGNORE),
    "field_process": (r"^(?:Sagsforløb|Sagstype|Sagsgang)\s*:\s*(?P<value>\S.*)$", IGNORE),
    # A bare case number on its own line: "23-006399", "15.00.00-G01-39-18S", "85.02.02G00-0011", "18/18300".
    "bare_case": (r"^(?:\d{2}\.\d{2}\.\d{2}(?:-?[A-ZÆØÅ]\d{2}(?:-\d+)+[A-Z]?|[A-ZÆØÅ]\d{2}-\d+)"
                  r"|\d{2,3}-\d{4}-\d{3,}|\d{2}-\d{5,7}|\d{2,4}/\d{3,6}|[A-Z]{1,4}\s?\d{1,5}/\d{2,4}"
                  # "EMN-2025-001234" (a system prefix and the year; a bare "2019-2022" is a period, not a case)
                  r"|[A-ZÆØÅ]{2,5}-(?:19|20)\d{2}-\d{4,7}"
                  # "012345 - 2017/12345": a document id before the case number (five digits or more: "2019 -
                  # 2022/2023" is a year and a period, "1500 - 2000/3000" amounts)
                  r"|\d{5,9}\s+[-–]\s+\d{2,4}/\d{3,7})$", 0),
    # "00.30.00Ø00 - 2006/1877", "012345 - 2017/12345": a KLE number or document id before the case number.
    "kle_before_case": (r"^(?:\d{2}\.\d{2}\.\d{2}[-\w]*|\d{5,9})\s+[-–]\s+(?=\d{2,4}/\d{2,7}$)", 0),
    # The case number at the start of a label's value; the rest of the line is other cells of its row
    # ("299835 Kultur- og Idrætsudvalget Åbent punkt", "22/2694, Sagsinitialer: abc").
    "case_value": (r"^(?:[A-ZÆØÅ]{1,5}[\s-]?)?\d[\w./-]*", 0),
    "next_label": (r"\s+(?=[A-ZÆØÅ][\w.]+(?: [\w.]+){0,2}:)", 0),  # "... Sagen afgøres i: Byrådet"
    "dash_separator": (r"\s+[-–]\s+", 0),
    # A KLE classification code, which files a case by subject and is not its number when a case number
    # stands beside it ("J.nr.: 00.30.00S00   Sagsnr.: 2003/09822"): "00.30.00S00", "00.01.A00", "13.03.G01".
    "kle_code": (r"\d{2}\.\d{2}(?:\.\d{2})?[.-]?[A-ZÆØÅ]\d{2}", 0),
    # The cells of a status line: "Åben sag | Sagsnr. 24/08873 | Sagsbehandler: METH".
    "cell_separator": (r"\s+\|\s+", 0),
    "case_in_title": (r"^(?P<case>[A-ZÆØÅ]{1,4}\s?\d{1,5}/\d{2,4})\.?\s+(?P<title>\S.*)$", 0),
    "document_number": (r"\bDok\.?\s*nr\.?\s*:?\s*(?P<value>[\w./-]+)", IGNORE),
    # --- item titles -------------------------------------------------------------------------
    "place_strong": ("{place_strong}", 0),
    "title_code_end": (r"\s\([A-ZÆØÅ]{1,2}\)\.$", 0),
    "file_name": (r"\.(?:pdf|docx?|xlsx?|pptx?|odt|txt|jpe?g|png)\s*(?:\(\d+\s*[kKmM]?B\))?$", IGNORE),
    "grid_token": (r"^(?:[A-ZÆØÅ]{2,4}|X|x|-)$", 0),
    "word_separators": (r"[\s,.:]+", 0),
    "label_value_short": (r"^[^\s:]+(?:\s[^\s:]+)?:\s", 0),
    # --- clean: noise, page furniture, layout ------------------------------------------------
    # Two spaces or more, written with a literal space first: the engine then skips to the spaces of a
    # whole document ('  +' 5 ms on 2 MB), where ' {2,}' tried every position (18 ms).
    "multispace": (r"  +", 0),
    "special_chars": ("[{special_chars}]", 0),
    "noise_whole": (r"(?:{noise_patterns})\Z", IGNORE),
    "noise_inline": ("{noise_inline}", IGNORE),
    "footer_start": (r"(?:{footer_start})\Z", IGNORE),
    # "2. Title og læse mere om Title": a link's text after the title it repeats. The line is a title's: at
    # most a number or list marker before it, the title capitalised ("... besøge biblioteket og læse mere
    # om biblioteket" is a sentence).
    "link_text_repeat": (r"^(?P<lead>[^\w]*?(?:\d{1,4}[^\w]*?)?)(?P<title>[{up}0-9\"'“«(].*?)\s+(?:{link_repeat})\s+(?P=title)$", 0),
    # The separators of a menu row of link texts: "| Rss | Tip en ven | Print |".
    "menu_separators": (r"\s*(?:{menu_separators})\s*", 0),
    # Block boundaries a saved web page lost; group 'head' is the first of the two lines (clean._split_glued_blocks).
    "glued_contents_entry": (r"^(?P<head>{contents_run_on})(?=\d)", 0),  # "Indholdsfortegnelse1. Fraværende"
    "glued_heading_after_sentence": (r"(?<=[a-zæøå0-9)])(?P<head>\.)(?=(?:{heading_names_capitalised})$)", 0),  # "… m.v.Indstilling"
    # "Fraværende- Anne Hansen"; not the first part of a compound whose next part ends in a hyphen too
    # ("Økonomi- Erhvervs- og Planudvalget").
    "glued_heading_before_list": (r"^(?P<head>{heading_names_capitalised})(?=[-–•]\s+[A-ZÆØÅ](?!\w*[-–],?\s))", 0),
    "glued_header_value": (r"^(?P<head>{glued_header_labels})(?=[A-ZÆØÅ][a-zæøå]|\d)", 0),  # "UdvalgByrådet"
    # A PDF transcript (transcripts.py): a page line ("3 1. Godkendelse af dagsorden Dok.nr.: 1965 ...") and
    # where its line breaks were: before a label with its colon, a heading, an item number, an open/closed
    # mark or a page marker, and after the mark and the marker.
    "transcript_page": (r"^(?P<page>\d{1,3})(?:\s+(?P<text>.*))?$", 0),
    "transcript_cut": (r"(?<=\s)(?:{transcript_cut_marks})|{transcript_after_sag}", 0),
    # Where transcript_cut can match (transcripts._cuts): at the white space after 'sag' (its last, empty
    # alternative) and after a white space before a character that one of its other alternatives opens with.
    # Group 'sag' is set in the first case. Starting with \s, the search skips other characters in C.
    "transcript_cut_candidate": (r"\s(?:(?P<sag>(?<=sag\s))|(?=[{transcript_mark_initials}{transcript_cut_initials}]))", 0),
    # A white space after which transcript_cut (other than its empty alternative after 'sag') or
    # transcript_decision_cut matches: all in one scan, to count a line's cuts from above before they
    # are found one by one (transcripts.may_cut).
    "transcript_cut_after_space": (r"\s(?={transcript_cut_phrases})", 0),
    # The same for a line whose only white space is the space: a pattern that opens with a literal skips to
    # the next space in C, where one that opens with \s tests each character's class (four times slower);
    # the class after the space (the phrases' first characters) stops the try at most words at once.
    # (A, B: Afgørelse, Beslutning.)
    "transcript_cut_after_blank": (r" (?=[{transcript_mark_initials}AB{transcript_cut_initials}])(?={transcript_cut_phrases})", 0),
    "transcript_heading_run": (r"^(?P<head>[A-ZÆØÅÉ]{4,}(?:\s+[A-ZÆØÅÉ]+)*)\s+(?P<rest>[A-ZÆØÅ][a-zæøå].*)$", 0),
    "transcript_dated_heading": (r"^(?P<head>(?:Beslutning|Afgørelse)\b.{0,80}?\s(?:den|d\.))\s+(?P<rest>[A-ZÆØÅ].*)$", 0),
    "transcript_heading_text": (r"^(?P<head>{heading_names_capitalised})\s+(?P<rest>[A-ZÆØÅ].*)$", 0),  # "Indledning I takt ..."
    # "Beslutning i Erhvervsudvalget den ...": a dated decision heading inside a page line. Each word
    # comes first and its white space is looked behind at, so a search skips to the words' first letters
    # in C, where a look-behind in front makes the engine try every position (transcripts.cut_page).
    "transcript_decision_cut": (r"(?:Beslutning(?<=\sBeslutning)|Afgørelse(?<=\sAfgørelse))(?=\s+(?:i|fra)\s+[A-ZÆØÅ])", 0),
    "sentence_inside": (r"[a-zæøå)]\.(?:\s|$)", 0),  # a sentence ends in the text ("... inhabil. August")
    "transcript_empty_labels": (r"^(?:(?:{transcript_labels})\s*:\s*)+$", 0),  # "Mødested:", its value elsewhere
    "transcript_page_end": (r"^(?P<text>.*[.!?:])\s+\d{1,3}$", 0),  # "Godkendt. 2": the page's number
    "transcript_colonless_label": (r"(?<=\s)(?P<label>{transcript_page_one_labels})\s+(?=[A-ZÆØÅ0-9])", 0),
    "transcript_contents_mark": (r"(?:{contents_run_on})", 0),
    # "Beslutning    Godkendt.": a heading in a left margin column beside the first line of its text.
    "margin": (r"^(?P<left>\S[^\t]{0,24}?)(?:\s{3,}|\t+)(?P<right>\S.*)$", 0),
    "page_marker": (r"^(?:side|page)\s+\d{1,4}\s*(?:af|of|/)\s*\d{1,4}$", IGNORE),
    "page_suffix": (r"(?:side|page)\s+\d{1,4}(?:\s*(?:af|of|/)\s*\d{1,4})?$", IGNORE),
    # --- meeting header ----------------------------------------------------------------------
    # The labels are vocab/header.toml's; see extract/header.py for how each arrangement is read.
    "committee_label": (r"^(?:{committee_labels})(?:{label_gap})(?P<value>\S.*)$", IGNORE),
    "committee_body_only_label": (r"^(?:{committee_body_only})(?:{label_gap})(?P<value>\S.*)$", IGNORE),
    "committee_label_alone": (r"^(?:{committee_labels})\s*:?$", IGNORE),
    "committee_body_only_alone": (r"^(?:{committee_body_only})\s*:?$", IGNORE),
    # "Mødested X" may omit the colon; "Mødelokale 1, Rådhuset" is itself the place.
    "location_label": (r"^(?:(?:{location_labels})(?:{label_gap})|(?:{location_bare})\s+)(?P<value>\S.*)$", IGNORE),
    # ... and inside a page transcript's run of fields ("1 Byrådet DAGSORDEN Sted: Mødelokale 4 Dato: ...").
    "location_label_inline": (r"(?<=\s)(?=(?-i:[A-ZÆØÅ]))(?:{location_labels})\s*:\s*(?P<value>\S.*)$", IGNORE),
    "location_alone": (r"^(?:{location_labels})\s*:?$", IGNORE),
    # "Mødedato: Mandag den 5. december 2016", "Mødedato Onsdag den 23. maj 2012", and inside a page
    # transcript's line ("1 Referat Byrådet Mødedato: Tirsdag den 30. april 2013 Mødetidspunkt: 18:30").
    "date_label": (r"{label_start}(?:(?:{date_labels})(?:{label_gap})|(?:{date_bare})\s+)(?P<value>.*)$", IGNORE),
    "date_label_alone": (r"^(?:{date_labels})\s*:?$", IGNORE),
    "time_label_value": (r"{label_start}(?:(?:{time_labels})(?:{label_gap})|(?:{time_bare})\s+)(?P<value>.*)$", IGNORE),
    "time_label_alone": (r"^(?:{time_labels})\s*:?$", IGNORE),
    "end_label_value": (r"{label_start}(?:{end_labels})(?:{label_gap}|\s+)(?P<value>.*)$", IGNORE),
    "end_label_alone": (r"^(?:{end_labels})\s*:?$", IGNORE),
    # A second column on the place's line ("Mødested: Byrådssalen    Mødet hævet: Kl. 21.15").
    "next_header_label": (r"\s+(?=(?=(?-i:[A-ZÆØÅ]))(?:{all_header_labels})(?:\s+kl)?\.?\s*:)", IGNORE),
    "time_label": (r"\b(?:{time_bare})\b\s*:?|(?<![\w])(?:{time_labels})\s*:|\b(?:{time_phrases})\b", IGNORE),
    "end_words": (r"\b(?:hævet|hæves|sluttede|sluttet|slut|afsluttet|afsluttedes|ophørte|ophævet|sluttidspunkt)\b", IGNORE),
    "end_time": (r"(?:\b{meeting_end}|^\s*(?:Slut(?:\s*kl\.?)?|Sluttidspunkt|Mødeslut)\s*:)[^\n]{0,20}?"
                 r"(?:kl\.?\s*)?(?P<h>\d{1,2})[.:](?P<m>\d{2})", IGNORE | re.MULTILINE),
    # "Mødetidspunkt: 9:30-11:00", "kl. 15:00 - 17:30": the end of a time range.
    "time_range_end": (r"\d{1,2}[.:]\d{2}\s*[-–]\s*(?:kl\.?\s*)?(?P<h>\d{1,2})[.:](?P<m>\d{2})", 0),
    "place_after_time": (r"\bkl\.?\s*\d{1,2}(?:[.:]\d{2})?(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?\s*,?\s+(?:i|på)\s+(?P<place>\S.*)$", 0),
    "header_place_words": (r"\b(?:{place_words}|{header_place_words}|\w*(?:{place_suffixes}|{header_place_suffixes})"
                           r"|(?:{header_place_prefixes})\w*|\d{4}\s+[A-ZÆØÅ]\w+)\b", IGNORE),
    "place_preposition": (r"^(?:i|på)\s+", 0),
    # A publication word directly before a date or time: 'Publiceret 24. nov. 2023', 'Opdateret: kl. 06.00'.
    "publication_stamp": (r"\b(?:{publication_words})\b[\s:]*(?:\w+dag,?\s+)?(?:(?:d\.|den|kl\.?)\s*)?(?=\d|(?:{months})\b)", IGNORE),
    "mail_label": (r"^(?:{mail_labels})\s*:", IGNORE),
    "any_label": (r"^[^\s:,()]+(?:\s+[^\s:,()]+){0,4}\s*:", 0),
    "dagsorden_for_den": (r"\bdagsorden(?:en)?\s+(?:for|til)\s+[^.\n]{0,60}?\bden\s+", IGNORE),
    "meeting_statement": (r"\b(?:dagens|dette|aftenens|nærværende)\s+møde\s+i\s+(?P<body>.{3,80})", IGNORE),
    "body_date_line": (r"^(?P<body>[^\W\d][^,\n]{2,100}?)(?:\s*\([^)]*\))?\s*,\s*(?P<date>{date})\s*:?$"
                       r"|^(?P<date2>{date})\s+(?P<body2>[^\W\d].{2,80})$", IGNORE | VERBOSE),
    "time_only": (r"^(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?::\d{2})?(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?$", IGNORE),
    # Signs of a meeting document in its header (vocab/header.toml [meeting]).
    # ... or opening a line that runs on into the contents ("Indholdsfortegnelse Side 246. Title ..."), or
    # the contents' column heads inside a page transcript's line ("... Pkt. Tekst Side 38 Title ...").
    "contents_opening": (r"^(?:{contents_marks})\b|(?-i:(?<![\w.])(?:(?:{contents_column_heads})\s+){1,3}Side\b)", IGNORE),
    "contents_mark": (r"^(?:{contents_marks})\s*:?$", IGNORE),
    "other_meeting_line": (r"^(?:{other_meeting})\b", IGNORE),
    "contents_mark_in_transcript": (r"^\d{1,3}\s+(?:\S+\s+){0,3}?(?:{contents_in_transcript})\b", 0),
    "item_list_mark": (r"^(?:[A-H]\.\s+)?(?:{item_lists})\s*(?::.*)?$", IGNORE),
    "member_list_label": (r"^(?:{member_lists}|{participant_labels})\s*(?::|$)", IGNORE),
    # "... Mødested: Deltagere: ...", "Afbud fra/fraværende: -" inside a page transcript's line.
    "attendance_label_inline": (r"(?<=\s)(?:{absence_labels}|{member_lists})(?:\s+fra)?(?:/\w+)?\s*:", 0),
    "all_present": (r"^(?:{all_present})\b", IGNORE),
    "document_word": (r"(?<![\w])(?:{document_words})(?![\w])", IGNORE),
    # Table cells of a header printed as text: 'Sted: |' / 'Byrådssalen |', a separator row '---|---|'.
    "cell_bar_end": (r"\s*\|\s*$", 0),
    "label_cell_row": (r"^\|?\s*(?P<label>[^|]{2,40}?)\s*\|\s*(?P<value>[^|]*?[^|\s])\s*\|?\s*$", 0),
    # "|---|:--:|", "+-----+": only bars, colons, pluses, dashes and spaces, with three dashes in a row
    # (a look-ahead and a scan, not [...]* -{3,} [...]*, whose three runs of dashes share out cubically).
    "table_separator_row": (r"^(?=[\s|:+-]*+$).*?---", 0),
    # A label's value that is itself the next label ("Mødested: Deltagere: ..."): the label has no value here.
    # A label's colon (not a clock's: "19:00").
    "label_colon": (r"(?<!\d):(?!\d)", 0),
    "starts_with_label": (r"^(?=(?-i:[A-ZÆØÅ]))(?:{all_header_labels})(?:\s+fra)?(?:/\w+)?\s*:", IGNORE),
    "header_label_alone": (r"^(?:{all_header_labels})\s*:?$", IGNORE),
    # A row of a header table transcribed row by row: labels only ("Mødedato Mødetid Mødested"), their
    # values on the next line; and the substitutes' column beside an absence column ("Fraværende Stedfortræder").
    "label_row": (r"^(?:(?:{all_header_labels})\s+){1,4}(?:{all_header_labels})$", IGNORE),
    "label_in_row": (r"(?:{all_header_labels})(?=\s|$)", IGNORE),
    "absence_substitute_row": (r"^(?P<absence>{absence_alone})\s+(?P<substitute>{substitute_labels})$", IGNORE),
    # A clock time or a range at the start of a cell: "17:00 - 20:35", "kl. 13.00".
    "time_cell": (r"^(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?", IGNORE),
    "empty_cell": (r"\s+[-–]\s*$|^\s*[-–]\s*$", 0),
    "navigation_word": (r"(?<![\w-])(?:{navigation_words})(?![\w-])", 0),
    # "Social og sundheds møde den 17. april 2023": a committee named in the genitive, with or without a body word.
    "genitive_meeting": (r"^(?P<name>[{up}][\w&,\- ]{2,60}?)s\s+møde\s+(?:den|d\.)\s", 0),
    # Committee names the body pattern leaves out, on a header line of their own or before ' - ':
    # "Udvalget for plan, udvikling og kultur (PUK)", "Plan & Kulturudvalget", "Det fælles landdistriktsråd".
    "committee_name": (r"""^(?P<name>
            Udvalget\s+for\s++[\w,\- ]+?(?:\s+\([{up}]{2,6}\))?
          | [{up}][\w]+\s+(?:&|og)\s+[{up}][\w]*(?i:{body_suffixes})
          | Det\s+[a-zæøå]+\s+[a-zæøå]*råd(?:et)?
        )(?=\s+[-–]\s+|\s*$)""", VERBOSE),
    "meeting_kind_suffix": (r"\s+[-–]\s+(?:{meeting_kinds})\.?\s*$", IGNORE),
    "meeting_word": (r"(?<![\w])(?:{meeting_words})(?![\w])", IGNORE),
    "kl_time": (r"\bkl\.?\s*\d{1,2}[.:]\d{2}", IGNORE),
    "viewer_stamp": (r"^\s*(?:{viewer_words})\b", 0),
    # Where a header line holding several fields is cut to find a place in it: at ' - ', at a sentence
    # end, around a clock time and before a label ("... kl. 10:00 Lokale D116, X Rådhus Afbud: ...").
    "place_segment_cut": (r"\s+[-–·•|]\s+|(?:(?<=[a-zæøå)])|(?<=\d[.:]\d\d))\.\s+|\s*\bkl\.?\s*\d{1,2}(?:[.:]\d{2})?(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?\s*"
                          r"|\s+(?=(?=(?-i:[A-ZÆØÅ]))(?:{all_header_labels})\s*:)", IGNORE),
    "place_word_first": (r"^(?:{place_words}|{header_place_words}|\w*(?:{place_suffixes}))\b", IGNORE),
    "place_word_last": (r"(?:^|[\s/])\w*(?:{place_words}|{place_suffixes})$", IGNORE),
    # "i Økonomiudvalgsværelset" on its own line under the date line of a "Referat / til / mødet i ..." block.
    # A run of labels without values, the values after the run ("Mødested: Deltagere: Borgmesterens
    # mødelokale Anne Hansen (V), ..."): a two-column table flattened by a PDF transcript.
    "label_run": (r"{label_start}(?:(?:{all_header_labels})(?:\s+fra)?\s*:\s*){2,}", IGNORE),
    "place_in_run": (r"(?<![\w])(?:{location_labels})\s*:", IGNORE),
    # The place at the start of the values: the shortest run of words that ends in a place word.
    "place_prefix": (r"^(?P<place>(?:[\w.,'’-]+\s+){0,4}?[\w-]*(?:{place_words}|{place_suffixes}|{header_place_suffixes})\w{0,2})(?=[\s,.]|$)",
                     IGNORE),
    # "8410 Rønde": a postcode and town, the last line of an address block.
    "postcode_town": (r"^\d{4}\s+[{up}][\w-]+(?:\s+[{up}][\w-]+)?$", 0),
    "place_i_line": (r"^i\s+(?P<place>[{up}].{2,80})$", 0),
    # --- people ------------------------------------------------------------------------------
    "name": ("{name}", 0),
    "party_any": (r"\(\s*({party_text})\s*\)", 0),
    "party_bracketed": (r"\(\s*({party_text})\s*\)", 0),
    "party_bracket_only": (r"\(?[A-ZÆØÅ]{1,3}\)?|sag.*|punkt.*|pkt.*", IGNORE),
    # A label before a name: an attendance label followed by a tab or spaces, or any short label with a colon.
    "leading_label": (r"^(?:(?i:{name_labels})\s*:?\s+|[^\W\d][^:\d\n]{0,40}:\s*)(?=[{up_name}])", 0),
    "bullet_or_role": (r"^[•·\-–*]\s*|^(?:{role_words})\s+", 0),
    "name_tail": (r"\s+(?:{name_enders})\b.*$", 0),
    "substitute_after_name": (r"\s+(?:{substitute_after_name})(?:\s+(?:som|i\s+stedet)\b.*)?$", IGNORE),
    # A name whose last word lost its capital in an absence list ("Ole dam").
    "first_name_only": (r"[{up_name}][a-zæøåäöüéèáóíúç'’-]{1,20}", 0),
    "lenient_name": (r"^[{up_name}][\w'’-]+(?:\s+[^\W\d_][\w'’-]*){1,3}$", 0),
    "substitute_tail_in_list": (r"\s+(?:mødte|deltog)\s+som\s+stedfortræder.*$", 0),
    # Between the names of a list: ',', ';', 'og', a bullet, a dash with spaces on both sides (so that
    # 'Inge-Lise' stays one name) or a wide gap; never inside brackets ('Anne Holm (A, formand)').
    "name_separators": (r"(?:\s*+(?:,|;|\bog\b|•)|\s+[-–]\s|\s{2,})\s*+(?![^()]{0,60}\))", 0),
    "absence_label": (r"^(?:{absence_labels})(?P<scope>[^:]{0,80}?)\s*:\s*(?P<names>.*)$", IGNORE),
    "absence_alone": (r"^(?:{absence_alone})\s*$", IGNORE),
    # "... Silkeborg Rådhus Afbud: Anne Hansen, Bo Holm": an absence label inside a page transcript's run of fields.
    "absence_label_inline": (r"(?<=\s)(?:{absence_labels})(?:\s+fra)?(?:/\w+)?\s*:", 0),
    # "Fraværende: Den 8. juni 2006: Anne Hansen (C). Den 19. juni 2006: Ingen.": the days of a meeting held
    # over two dates, inside an absence list.
    "dated_sublabel": (r"(?:^|(?<=[\s.]))(?:den|d\.)\s+{date}\s*:\s*", IGNORE | VERBOSE),
    "afbud_fra": (r"\b(?i:afbud)\s+fra\s+(?P<names>{name}(?:\s*{party})?(?:\s*(?:,|og)\s*{name}(?:\s*\((?:{party_text})\))?)*)", 0),
    "absent_verb": (r"\b(?:{absence_phrases})\b|\b(?:{absence_phrases_at_end})\s*\.?$"
                    r"|\bdeltog\s+ikke\s+i\s+behandlingen\s+af\s+(?:punkt|pkt)\.?(?:\s*\d+\s*\.?)?$", IGNORE),
    # Partial attendance and recusal: never absence. Absence "under behandlingen af sagen" is absence
    # from the item the sentence stands in.
    "not_absence": (r"{partial_attendance}|i\s+behandlingen\s+af\s+punkterne\s+\d"
                    r"|deltog\s+ikke\s+under(?!\s+behandlingen\s+af\s+(?:punktet|sagen|dette\s+punkt)\b)", IGNORE),
    "absence_none": (r"^(?:{absence_none})\.?$", IGNORE),
    # "Alle undtagen Anne Hansen (A) og Bo Holm, der havde meldt forfald.": the names after the phrase, up
    # to a clause about them (", der ...") or the sentence's end; a label may stand first ("Til stede: ").
    "all_except": (r"(?:^|:\s*)(?:{absence_all_except})\s++(?P<names>[^.:]+?)(?:,?\s+(?:der|som)\s+[^.]*)?\.?$", IGNORE),
    # Sentence ends, but not after the abbreviations of times and item numbers ("kl. 14.30", "pkt. 5").
    "sentence_end_names": (r"(?<=[.!?])(?<!\bkl\.)(?<!\bpkt\.)(?<!\bnr\.)\s+", 0),
    # A middle initial after a name word ('Hanne Ø.', 'Hans C.') does not end a sentence.
    "initial_at_end": (r"(?<![\w'’-])[A-ZÆØÅ][\w'’-]*\.?\s+[A-ZÆØÅ]\.$", 0),
    "ends_sentence": (r"[.!?]$", 0),
    "partial_verb": (r"\b(?:deltog\s+ikke|var\s+fraværende|forlod\s+mødet|ankom|mødte|kom)\b", IGNORE),
    "inhabil": (r"inhabil", IGNORE),
    "item_scope": (r"\b(?:under|i\s+behandlingen\s+af|ved\s+behandlingen\s+af)\s+(?:punkt(?:erne)?|pkt\.?|sag(?:erne)?)"
                   r"(?:\s+nr\.?)?\s*(?P<numbers>\d{1,4}(?:\s*(?:-|–|,|og)\s*\d{1,4})*)", IGNORE),
    "number_list_separator": (r"\s*(?:,|og)\s*", 0),
    "range_separator": (r"\s*[-–]\s*", 0),
    "substitute_tail": (r"\s*[.,]?\s*(?:stedfortræder|istedet|i stedet|suppleant|og\s+\S+\s+deltog)\b", IGNORE),
    "meeting_end_line": (r"^\s*{meeting_end}", IGNORE),
    "attendance_label": (r"^(?:{attendance_labels})\s*:?", IGNORE),
    "attendance_remark": (r"\b(?:deltog|mødte)\s+(?:i\s+stedet|som\s+stedfortræder|som\s+suppleant)"
                          r"|\bindkaldt\s+som\s+(?:suppleant|stedfortræder)|\binhabil|\bdeltog\s+ikke\b|\bforlod\s+mødet"
                          r"|\bankom\s+kl|\bmødte\s+ikke\s+frem", IGNORE),
    "substitute_hint": (r"stedfortræder|suppleant|stedet", IGNORE),
    "not_called": (r"ikke\s+indkaldt", 0),
    "suppleant_prefix": (r"^\s*\d+\.\s*suppleant\s+", 0),
    # Substitutes. Keywords are case-insensitive in scoped groups only: an IGNORECASE name pattern
    # would start a match at every lower-case letter and make the search quadratic.
    "substitute_for": (r"(?P<sub>{name})\s*+(?:\((?P<party>[^()]{1,40})\))?\s*+,?\s*+(?i:(?:er\s+|var\s+|blev\s+)?"
                       r"(?:indkaldt\s+som\s+)?(?:suppleant|stedfortræder)\s+for)\s+(?P<for>{name})", 0),
    "substitute_instead_for": (r"(?P<sub>{name})\s*(?:\((?P<party>[^()]{1,40})\))?\s+(?:deltog|mødte)\s+"
                               r"(?:i\s+stedet|istedet|som\s+stedfortræder|som\s+suppleant)\s+for\s+(?P<for>{name})", 0),
    "substitute_instead": (r"(?P<sub>{name})\s*(?:\((?P<party>[^()]{1,40})\))?\s+(?:deltog|mødte)\s+"
                           r"(?:i\s+stedet|som\s+stedfortræder|som\s+suppleant)", 0),
    # "I stedet for Ole Berg deltog 1. suppleant Eva Lund (V)", "Som suppleant for Ole Berg deltog Eva Lund"
    "substitute_named_first": (r"\b(?i:i\s+stedet\s+for|som\s+(?:suppleant|stedfortræder)\s+for)\s+(?P<for>{name})"
                               r"\s*(?:\([^()]{1,40}\))?,?\s+(?i:mødte|deltog)\s+(?:\d\.\s+)?(?i:(?:suppleant|stedfortræder)\s+)?"
                               r"(?P<sub>{name})\s*(?:\((?P<party>[^()]{1,40})\))?", 0),
    "substitute_instead_came": (r"\b(?i:istedet|i\s+stedet)\s+(?i:mødte|deltog)\s+(?P<sub>{name})", 0),
    "substitute_called": (r"(?P<sub>{name})\s*(?:\((?P<party>[^()]{1,40})\))?\s+(?:var|er|blev)\s+indkaldt\s+som\s+"
                          r"(?:suppleant|stedfortræder)", 0),
    # A field's label and its names with the colon lost (a Word table's cells joined by a space):
    # 'Fraværende Jens Ove Holm (V)', 'Stedfortræder Mette Damgaard (V)'.
    "label_before_names": (r"^(?P<label>(?i:{absence_alone}|{substitute_labels})) +(?=[{up_name}])"
                           r"(?P<names>[^:]+)$", 0),
    "substitute_label_alone": (r"^\s*(?:{substitute_labels})\s*:?$", IGNORE),
    "substitute_label": (r"^\s*(?i:{substitute_labels})\s*:\s*(?P<sub>{name})\s*(?:\((?P<party>[^()]{1,40})\))?", 0),
    "substitute_word": (r"\bstedfortræder\s+(?P<sub>{name})", 0),
    "substitute_after_afbud": (r"(?i:afbud),?\s+og\s+(?P<sub>{name})\s+deltog\s+i\s+stedet", 0),
    "absent_before": (r"(?:Afbud\s+fra\s+)?(?P<name>{name})\s*+(?:\((?:{party_text})\))?\s*+(?:havde\s+(?:meldt\s+afbud|forfald))?"
                      r"[\s,.;–-]*(?:og\s+)?$", 0),
    # The member a sentence names just before its absence verb ('..., idet formanden Henrik Skou Laursen
    # (C) havde meldt afbud'): a role word before the name is no part of it.
    "name_before_verb": (r"(?:(?<![\w])(?i:{role_words})(?:en)?\s+)?(?P<name>{name})\s*+(?:\((?P<party>{party_text})\))?\s*$", 0),
    # A row of an attendance table with a party column, its cells joined by spaces: 'Ole Bech A Afbud - sygdom'.
    "party_column_row": (r"^(?P<name>{name})\s+(?P<party>{party_abbreviations}|[A-ZÆØÅ])(?:\s+(?P<rest>\S.*))?$", 0),
    "participant_label": (r"^(?:{participant_labels})\b\s*+:?\s*+(?P<rest>.*)$", IGNORE),
    "participant_entry": (r"^(?:[•·\-–*]\s*)?(?:(?P<role>{role_words})\s+)?(?P<name>{name})\s*+,?\s*+(?:\((?P<party>{party_text})\))?"
                          r"\s*+(?:\((?P<mark>[^)]*)\))?\s*+(?:[-–,]\s*(?P<role_after>(?i:{role_words}))\s*+)?(?:,\s*(?P<rest>.*))?$", 0),
    # "Anne Hansen (A) Bo Holm (V)": two members on one line (a two-column table read row by row).
    "entry_after_party": (r"(?<=\))\s+(?=[{up_name}])", 0),
    # A member named with the party in brackets: 'Anne Hansen (A)' (member lists, roll-calls, votes).
    "named_with_party": (r"(?P<name>{name})\s*\((?P<party>{party_text})\)", 0),
    "substitute_in_entry": (r"(?:suppleant|stedfortræder)\s+for\s+(?P<for>{name})", IGNORE),
    "list_comma": (r",\s*(?![^()]{0,60}\))", 0),
    # --- decisions: outcome, dissent, votes, recommendations ---------------------------------
    "enumerated": (r"^\s*(?:\d{1,2}|[a-h])\s*[.)]\s+|^\s*Ad\s+(?:pkt\.?\s*)?\d+\.?\s*", IGNORE),
    "sentence_end_decision": (r"(?<=[.!?])\s+(?=[A-ZÆØÅ\"“])", 0),
    "amendment": (r"\bændringsforslag", IGNORE),
    "dissent_named": (r"(?P<name>{name})\s*\((?P<party>{party_text})\)\s*(?:,\s*)?(?:{not_support}|{against})", 0),
    # "1 medlem (O) stemmer imod", "2 medlemmer (A+F) stemte imod", "O (1) kan ikke anbefale"
    "dissent_members": (r"\d+\s+medlem(?:mer)?\s*\((?P<parties>[^)]*)\)\s*(?:{against}|{not_support})", IGNORE),
    "dissent_letter_count": (r"(?<![\w(])(?P<parties>{letter})\s*\(\d+\)\s*(?:{against}|{not_support})", 0),
    # "(O) stemte imod"
    "dissent_bracketed": (r"\((?P<parties>{letter}{1,2}(?:\s*[+,]\s*{letter}{1,2})*)\)\s*(?:{against}|{not_support})", 0),
    # "Liste F og Ø stemte imod", "A, F og Ø stemte imod"
    "dissent_letters": (r"(?:\bListe(?:rne)?\s+)?(?<![\w])(?P<parties>{letter}(?:\s*(?:,|og|\+)\s*{letter})*)\s+"
                        r"(?:{against}|{not_support})", 0),
    # "Et mindretal (Ib Holm (V) og Eva Kjær (O)) kunne ikke tiltræde ...", "Mindretallet (V og O) stemte imod".
    "dissent_minority": (r"\b(?i:mindretal(?:let)?)\s*(?:\((?P<bracket>(?:[^()]|\([^()]{0,40}\)){1,200})\)"
                         r"|(?i:bestående\s+af)\s+(?P<list>(?:[^.()]|\([^()]{1,40}\)){1,200}?))\s*,?\s*(?:{against}|{not_support})", 0),
    "dissent_skip": (r"undlod\s+at\s+stemme|tog\s+forbehold|tager\s+forbehold|\bfor\s+stemte\b", IGNORE),
    "against_or_not_support": (r"{against}|{not_support}", 0),
    # A roll-call list runs to the end of the sentence or to the next side on the same line.
    "vote_list": (r"\b(?:(?P<side>For|Imod)\s+(?:(?:ændrings)?forslaget\s+|indstillingen\s+)?stemte\s*:?"
                  r"|(?P<side2>For|Imod|Undlod\s+at\s+stemme|Hverken\s+for\s+eller\s+imod|Undlod)\s*:)"
                  r"\s*(?P<list>(?:[^\n.,;]|[,;](?!\s*(?:og\s+)?{side_words}\b)|\.(?=\S))*)", IGNORE),
    "vote_count": (r"(?P<for>\d+)\s+stemmer?\s+(?:for\s+)?(?:imod|mod)\s+(?P<against>\d+)(?!\s*(?:stemmer\s+)?imod)"
                   r"|(?P<for2>\d+)\s+stemmer?\s+for\s*(?:\([^()]*\)\s*)?(?:,|og)\s*(?P<against2>\d+)\s+(?:stemmer\s+)?imod"
                   r"|(?P<against3>\d+)\s+stemmer?\s+imod\s*(?:\([^()]*\)\s*)?(?:,|og)\s*(?P<for3>\d+)\s+(?:stemmer\s+)?for\b", IGNORE),
    # The count before the side and its parties: "15 stemmer for (C, A, B)", "3 stemmer imod (Ø, F)",
    # "5 imod (Ø, O og Nye Borgerlige)"; "13 stemmer mod 2 (SF)" counts the 2 against.
    "vote_counted_side": (r"(?<![\d.,])(?:(?P<count>\d{1,3})\s+(?:stemmer?\s+)?(?P<side>for|imod)"
                          r"|\d{1,3}\s+stemmer?\s+mod\s+(?P<count2>\d{1,3}))\s*\((?P<list>[^()]{1,120})\)", IGNORE),
    "vote_members": (r"(?P<count>\d+)\s+medlem(?:mer)?\s*\((?P<parties>[^)]*)\)\s*(?P<verb>anbefaler|{in_favour}"
                     r"|{against}|undlod)", IGNORE),
    # Who voted for what was rejected ('Bente Holm (V) og Kirsten Balle (C) stemte for indstillingen'):
    # the named members before the verb.
    "voted_for": (r"\b{in_favour}(?!\s+ændringsforslag)", IGNORE),
    "abstain_named": (r"(?P<name>{name})\s*\((?P<party>{party_text})\)\s*undlod\s+at\s+stemme", 0),
    "count_at_start": (r"\s*(\d+)", 0),
    "count_bracketed": (r"\((\d+)\)", 0),
    "letter_alone": (r"(?<![\w])({letter})(?![\w])", 0),
    "printed_letters": (r"{letter}{1,2}", 0),
    "party_name_mention": (r"(?<![\w])(?P<name>(?i:{party_names})|{party_abbreviations})(?:['’]?s)?(?![\w])", 0),
    "party_name_against": (r"(?<![\w])(?P<name>(?i:{party_names})|{party_abbreviations})(?:['’]?s)?(?![\w])"
                           # ... within its own clause: not past a semicolon or another side's 'stemte for'
                           # ('A, B og C stemte for (17); V og O stemte imod (11)' names V and O only).
                           r"(?=(?:(?!{in_favour})[^.;]){0,200}?"
                           r"(?:{against}|{not_support}|ikke\s+kan\s+støtte|ikke\s+kunne\s+støtte))", 0),
    "at_line": (r"^(?:[-•·*–]\s*|\d{1,2}\s*[.)]\s*|[a-h]\s*[.)]\s*)?at\s+(?P<clause>\S.*)$", IGNORE),
    "bullet_line": (r"^(?:[-•·*–]|\d{1,2}\s*[.)]|[a-h]\s*[.)])\s*(?P<clause>\S.*)$", 0),
    "inline_at": (r"\b(?:indstiller|indstilles|foreslår|anbefaler|anbefales)\b[^.]*?,?\s+at\s+(?P<clause>\S.*)$", IGNORE),
    "at_clause_separator": (r"(?:;|,?\s+og|,?\s+samt)\s+at\s+", 0),
    "recommendation_intro": (r"\b(?:indstiller|indstilles|foreslår)\b.*\bat\s*:?$|\b(?:indstiller|indstilles)[,:]?\s*$", IGNORE),
    "clause_tail": (r"[\s,;]+(?:og|samt)?$", 0),
    "outcome": (r"(?<![\w-])(?:{outcome_phrases})(?![\w-])", IGNORE),
    # The start of reported speech: "Borgmesteren meddelte, at ...", "Direktøren orienterede om, at ...".
    "reported_clause": (r"\b(?:{reporting_verbs})\s*,?\s+(?:at|om|hvordan)\b", IGNORE),
    # A sentence whose subject is the item itself: "Dagsorden blev godkendt som udsendt og ...".
    "item_subject_outcome": (r"^(?:{outcome_subjects})\s+(?:blev|er|bliver|var)\s+", IGNORE),
    # A line in capitals that names a document and its sender: "BESLUTNINGSFORSLAG FRA EL OG AB, UFP",
    # "INDSTILLING FRA MAGISTRATSAFDELINGEN" (not a vote line "IMOD STEMTE F OG Ø", not "GODKENDT.").
    "capitals_line": (r"^[A-ZÆØÅ][A-ZÆØÅ-]{3,}\s+FRA(?:,?\s+[A-ZÆØÅ0-9&.-]+)+$", 0),
    # --- municipality and language -----------------------------------------------------------
    # A word that makes the name before it the document's own ('Kommune', 'Byrådet', 'RÅDHUS'). The
    # white space it must follow is tested by its reader (municipality._own_mentions): with a
    # lookbehind in front, or the words in nested groups, the regex engine tries every position of
    # a document instead of skipping ahead to the words' first letters (K, B, R).
    "own_word": (r"(?:Kommunes?|Kommunen|Kommuneplan\w*|Byråd\w*|Byrådssal\w*|Kommunalbestyrelse\w*|Rådhus\w*"
                 r"|Regionskommune\w*|KOMMUNES?|KOMMUNEN|KOMMUNEPLAN[A-ZÆØÅ]*|BYRÅD[A-ZÆØÅ]*|KOMMUNALBESTYRELSE[A-ZÆØÅ]*"
                 r"|RÅDHUS[A-ZÆØÅ]*|REGIONSKOMMUNE[A-ZÆØÅ]*)(?![\w])", 0),
    "words_before": (r"([\w-]+)\s+(?:([\w-]+)\s+)?$", 0),
    # Every printed form of every municipality, its capitals too ('HØJE-TAASTRUP').
    "municipality_forms": ("{municipality_forms}", 0),
    "letters_word": (r"[^\W\d_]+", 0),
    # letters_word for a text of common characters only (no uncommon_char): its letters spelt out as
    # ranges, which the engine tests per character in a step, where [^\W\d_] asks several categories.
    "common_letters_word": ("[{common_letters}]+", 0),
    "uncommon_char": ("[^{common_chars}]", 0),
    "explanation_phrase": (r"(?<![\w])(?:{explanation_phrases})(?![\w])", IGNORE),
}

PHRASES["special_chars"] = lambda: re.escape(data.words()["characters"]["space_like"] + data.words()["characters"]["invisible"])
PHRASES["municipality_forms"] = lambda: _trie_alternation(
    {*data.municipalities(), *(form.upper() for form in data.municipalities())})
PHRASES["outcome_subjects"] = lambda: _alternation(data.outcome_subjects(), spaces=False)
PHRASES["outcome_phrases"] = lambda: _folded_trie_alternation([p for p, _ in data.outcome_phrases()])
PHRASES["party_abbreviations"] = lambda: _alternation([n.upper() for n in data.parties() if len(n) <= 3], spaces=False)

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

# The list markers as characters: a cheap first test before the patterns that read a marker.
LIST_MARKERS = frozenset(FRAGMENTS["markers"])


@cache
def expand(template: str) -> str:
    """The template with every placeholder filled in (recursively)."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in FRAGMENTS:
            return expand(FRAGMENTS[name])
        if name in COMPUTED:
            return COMPUTED[name]()
        if name in PHRASES:
            return PHRASES[name]()
        raise KeyError(f"unknown placeholder {{{name}}} in a lexicon pattern")

    return _PLACEHOLDER.sub(fill, template)


def fragment(name: str) -> str:
    """A fragment (or computed piece) as regex text, for patterns built from a runtime list."""
    return COMPUTED[name]() if name in COMPUTED else expand(FRAGMENTS[name])


def source(name: str) -> tuple[str, int]:
    """The regex text and flags of the pattern ``name``."""
    template, flags = TEMPLATES[name]
    return expand(template), flags


def compile_pattern(name: str) -> re.Pattern[str]:
    """The pattern from the disk cache of compiled patterns (see stored.py); on a miss, every
    template is compiled once and stored, so the next process compiles none."""
    found = stored.pattern(name)
    if found is None and stored.fill({n: partial(source, n) for n in TEMPLATES}):
        found = stored.pattern(name)
    return found if found is not None else re.compile(*source(name))


def __getattr__(name: str) -> re.Pattern[str]:
    if name not in TEMPLATES:
        raise AttributeError(f"no lexicon pattern {name!r}")
    compiled = compile_pattern(name)
    globals()[name] = compiled
    return compiled
