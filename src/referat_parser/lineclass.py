"""Classify cleaned lines: blank, heading, numbered item title, table-of-contents entry, item field.

The item-title patterns are a rule table (first match wins), in the style of mistune's block
rules: adding a numbering style means adding a row, not a branch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from .headings import Heading, match_heading


class Kind(Enum):
    BLANK = "blank"
    HEADING = "heading"
    NUMBERED = "numbered"  # "41. Title", "Punkt 41: Title", "Nr.60 - Title"
    NUMBER_ONLY = "number_only"  # "Sag nr. 130" whose title is the line before
    TOC = "toc"  # "Title ..... 3"
    PUBLIC = "public"  # "Åben", "Lukket punkt"
    FIELD = "field"  # "Sagsnr.: ...", "Kompetence: ...", a bare case number
    TEXT = "text"


@dataclass(slots=True)
class Info:
    kind: Kind
    heading: Heading | None = None
    number: str | None = None
    title: str | None = None
    public: bool | None = None
    field: str | None = None  # field name for FIELD lines
    value: str | None = None


_UP = "A-ZÆØÅÄÖÜÉ"
# (pattern, kind). Group 'num' is the item number, 'title' the title.
ITEM_RULES: list[tuple[re.Pattern[str], Kind]] = [
    (re.compile(rf"^(?:Punkt|Pkt)\.?\s*(?:nr\.?\s*)?(?P<num>\d{{1,4}})\s*[:.\-–|]\s*(?P<title>[{_UP}0-9\"'“”«(].*)$"),
     Kind.NUMBERED),
    # "Ad 1) Title": e-mailed minutes of small councils.
    (re.compile(rf"^Ad\.?\s*(?P<num>\d{{1,3}})\s*[).:]\s*(?P<title>[{_UP}\"'“”«(].*)$"), Kind.NUMBERED),
    # "Sag nr. 87: Title", "Dagsordenspunkt 4 - Title" (a case-number field has no title after the number).
    (re.compile(rf"^(?:Sag|Dagsordenspunkt)\.?\s*(?:nr\.?|nummer)?\s*(?P<num>\d{{1,4}})\s*[:\-–]\s*(?P<title>[{_UP}\"'“”«(].*)$"),
     Kind.NUMBERED),
    (re.compile(rf"^(?:Punkt|Pkt|Sag)\.?\s*(?:nr\.?\s*)?(?P<num>\d{{1,4}})\s+(?P<title>[{_UP}\"'“”«(].*)$"), Kind.NUMBERED),
    # "1. (Åben) Title", "56 (Å) Title", "59 (L) Title": the open/closed mark between number and title.
    (re.compile(rf"^(?P<num>\d{{1,4}})\.?\s*\((?P<public>(?i:åbent?|lukket|å|l))\)\s*(?P<title>[{_UP}0-9\"'“”«(].*)$"),
     Kind.NUMBERED),
    (re.compile(rf"^Nr\.?\s*(?P<num>\d{{1,4}})\s*[.:\-–]?\s*(?P<title>[{_UP}0-9].*)$"), Kind.NUMBERED),
    (re.compile(rf"^(?:[•·▪●■◦\-–]\s*)?(?P<num>\d{{1,4}})\s*(?:\.|:|\))\s*(?P<title>[{_UP}\"'“”«(].*)$"), Kind.NUMBERED),
    (re.compile(r"^(?i:åbent|åben|lukket)\s+(?:(?i:punkt)\s+)?(?P<num>\d{1,3})\s+(?P<title>\S.*)$"), Kind.NUMBERED),
    (re.compile(rf"^(?P<num>\d{{1,3}})\s+(?P<title>[{_UP}\"'“”«].*)$"), Kind.NUMBERED),
    (re.compile(rf"^(?P<num>\d{{1,3}})\s+[-–]\s+(?P<title>[{_UP}\"'“”«(].*)$"), Kind.NUMBERED),  # "38 - Title"
    # "38Godkendelse af dagsorden": a page-transcript number glued to the title.
    (re.compile(rf"^(?P<num>\d{{1,3}})(?P<title>[{_UP}][a-zæøå]{{2,}}.*)$"), Kind.NUMBERED),
]

# "Sag nr. 130" (Rødovre) follows its title line; "Punkt 5" alone precedes it.
# A PDF layout may also print the number alone on its line ("5.") with the title on the next.
_NUMBER_ONLY = re.compile(r"^(?:(?P<word>Sag|Sags|Punkt|Pkt|Dagsordenspunkt)\.?\s*(?:nr\.?|nummer)?\s*(?P<num>\d{1,4})\s*:?"
                          r"|(?P<bare>\d{1,3})\.)$", re.IGNORECASE)
_KLE_BEFORE_CASE = re.compile(r"^\d{2}\.\d{2}\.\d{2}[-\w]*\s+[-–]\s+(?=\d{2,4}/\d{2,7}$)")
_OPEN_CLOSED_SUFFIX = re.compile(r"\s+[-–]\s+(?P<word>åbent?|lukket)\s*$", re.IGNORECASE)
_NEXT_LABEL = re.compile(r"\s+(?=[A-ZÆØÅ][\w.]+(?: [\w.]+){0,2}:)")  # "... Sagen afgøres i: Byrådet"
_TOC_MARK = re.compile(r"^(?:indhold|indholdsfortegnelse|indholdsliste|sagsoversigt|oversigt over sager|sager)\s*:?$",
                       re.IGNORECASE)
# Subheadings inside a table of contents ("Åbne sager", "Lukket dagsorden"): they do not end it.
TOC_SUBHEADING = re.compile(r"^(?:åbne?|åbent|lukkede?|lukket|offentlige?|fortrolige?)\s+(?:sager|punkter|dagsorden|del|møde)\s*:?$",
                            re.IGNORECASE)
_TOC_LEADER = re.compile(r"^(?P<title>\S.*?)\s*(?:\.{3,}|…+|_{3,}|(?:\. ){3,})\s*(?P<page>\d{1,4})$")
_PUBLIC = re.compile(r"^(?P<word>åbent|åben|lukket|offentlig|fortrolig|aaben|aabent)(?:\s+(?:punkt|sag|dagsorden|møde))?\s*\.?$",
                     re.IGNORECASE)
# "Åbent - 00.01.00-G01-523-18", "Åbent - 00.01.00A04 - 2007/34364", "012497 - 2017/12299"
_PUBLIC_WITH_CASE = re.compile(r"^(?P<word>åbent|åben|lukket)(?:\s+(?:punkt|sag))?\s*(?:[-–]|(?=sags?nr))\s*"
                               r"(?:sags?nr\.?\s*:?\s*)?(?P<case>\S.*)$", re.IGNORECASE)  # "Åbent punkt  Sagsnr. 25/112"

FIELD_RULES: list[tuple[str, re.Pattern[str]]] = [
    # "Sag: 22/14552" is a case number; "Sag nr. 87: Title" is an item (ITEM_RULES), hence the lookahead.
    ("case_number", re.compile(r"^(?:Sagsnr|Sags\s*nr|Sagsnummer|Sagsid|Sags[\s-]?id|Sag\s*nr|Sag(?=\s*:)|J\.\s*nr|Journalnr|Journal\s*nr|Acadre\s*sagsnr|Sagsnr\.\s*og\s*navn)\.?\s*:?\s*"
                               r"(?!\d{1,4}\s*(?:[:\-–]\s*)?(?-i:[A-ZÆØÅ\"'“”«(]))(?P<value>[^\s.:].*)$", re.IGNORECASE)),
    ("document_number", re.compile(r"^(?:Dok\.?\s*nr|Dokumentnr|Dokumentnummer|Dok\.?\s*id)\.?\s*:?\s*(?P<value>\S.*)$", re.IGNORECASE)),
    ("competence", re.compile(r"^(?:Kompetence|Beslutningskompetence|Sagen afgøres (?:i|af)|Kompetenceplacering)\s*:\s*(?P<value>\S.*)$", re.IGNORECASE)),
    ("case_worker", re.compile(r"^(?:Sagsbehandler|Øvrige sagsbehandlere|Sagsansvarlig|Ansvarlig)\s*:\s*(?P<value>.*)$", re.IGNORECASE)),
    ("process", re.compile(r"^(?:Sagsforløb|Sagstype|Sagsgang)\s*:\s*(?P<value>\S.*)$", re.IGNORECASE)),
]

# A bare case number on its own line: "23-006399", "15.00.00-G01-39-18S", "85.02.02G00-0011", "18/18300".
BARE_CASE = re.compile(
    r"^(?:\d{2}\.\d{2}\.\d{2}(?:-?[A-ZÆØÅ]\d{2}(?:-\d+)+[A-Z]?|[A-ZÆØÅ]\d{2}-\d+)"
    r"|\d{2,3}-\d{4}-\d{3,}|\d{2}-\d{5,7}|\d{2,4}/\d{3,6}|[A-Z]{1,4}\s?\d{1,5}/\d{2,4})$"
)


# Cheap first tests, so that most prose lines skip most of the rules.
_LEADER_HINT = re.compile(r"\.{3}|…|_{3}|(?:\. ){3}")
_FIELD_INITIALS = frozenset("SsJjAaDdKkØøBb")
_ITEM_HINT = re.compile(r"[\d•·▪●■◦\-–]|(?:Punkt|Pkt|Nr|Sag|Dagsordenspunkt|Ad\b|åben|lukket)", re.IGNORECASE)


def classify(text: str, bold: bool | None = None) -> Info:
    if not text:
        return Info(Kind.BLANK)
    heading = match_heading(text, bold=bold)
    if heading is not None:
        return Info(Kind.HEADING, heading=heading)
    first = text[0]
    if _TOC_MARK.match(text):
        return Info(Kind.TOC)
    match = _TOC_LEADER.match(text) if _LEADER_HINT.search(text) else None
    if match:
        return _toc_entry(match["title"].strip(" ."), match["page"])
    match = _PUBLIC.match(text)
    if match:
        return Info(Kind.PUBLIC, public=not match["word"].casefold().startswith(("lukket", "fortrolig")))
    match = _PUBLIC_WITH_CASE.match(text)
    if match:
        case = re.split(r"\s+[-–]\s+", match["case"])[-1].strip()
        return Info(Kind.PUBLIC, public=not match["word"].casefold().startswith("lukket"), field="case_number",
                    value=case)
    match = _NUMBER_ONLY.match(text)
    if match:
        side = "before" if (match["word"] or "").casefold().startswith("sag") else "after"
        return Info(Kind.NUMBER_ONLY, number=str(int(match["num"] or match["bare"])), value=side)
    for name, pattern in FIELD_RULES if first in _FIELD_INITIALS else ():
        match = pattern.match(text)
        if match:
            # "Sagsnr.: 00.22.04-I00-1-19 Sagsbehandler: Charlotte Sørensen" holds two fields.
            value = _NEXT_LABEL.split(match["value"].strip(), maxsplit=1)[0]
            if name == "case_number":
                value = _KLE_BEFORE_CASE.sub("", value)  # "00.30.00Ø00 - 2006/1877" -> "2006/1877"
            marked = _OPEN_CLOSED_SUFFIX.search(value) if name == "case_number" else None
            if marked:  # "Sagsnummer: 22/04519 - Åben"
                return Info(Kind.FIELD, field=name, value=value[:marked.start()],
                            public=not marked["word"].casefold().startswith("lukket"))
            return Info(Kind.FIELD, field=name, value=value)
    if len(text) <= 40 and BARE_CASE.match(text):
        return Info(Kind.FIELD, field="case_number", value=text)
    if not _ITEM_HINT.match(text):
        return Info(Kind.TEXT)
    for pattern, kind in ITEM_RULES:
        match = pattern.match(text)
        if match and _plausible_title(match.groupdict().get("title")):
            mark = match.groupdict().get("public")
            return Info(kind, number=str(int(match["num"])), title=(match.groupdict().get("title") or "").strip() or None,
                        public=None if mark is None else not mark.casefold().startswith("l"))
    return Info(Kind.TEXT)


def _toc_entry(text: str, page: str) -> Info:
    """A contents line without its leader and page: "1. Godkendelse af dagsorden" prints the item
    number the way the item's title line does, so the item rules read it."""
    for pattern, _ in ITEM_RULES:
        match = pattern.match(text)
        if match and match.groupdict().get("title") and _plausible_title(match["title"]):
            return Info(Kind.TOC, number=str(int(match["num"])), title=match["title"].strip(), value=page)
    return Info(Kind.TOC, title=text, value=page)


def _plausible_title(title: str | None) -> bool:
    if title is None:
        return True
    title = title.strip()
    if not title or len(title) > 220 or title.endswith((",", ";", ":")):
        return False
    if title.casefold().startswith(("at ", "kl.", "kl ")):
        return False
    # A date is not a title: "13. juni 2023" has lower-case after the number; "1. MED ..." is upper.
    return len(title.split()) <= 30
