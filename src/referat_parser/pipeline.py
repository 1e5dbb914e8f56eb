"""Glue of the stages: read -> clean -> segment -> extract -> model."""

from __future__ import annotations

import re
from collections import Counter

from . import __version__
from .assemble import build_items, meeting_absences
from .clean import Cleaned, clean
from .extract.bodies import find_bodies, looks_like_body
from .extract.dates import iter_dates
from .extract.header import extract_header
from .extract.language import detect_language
from .extract.municipality import find_municipality
from .extract.people import find_person, partial_absences
from .models import Item, Kind, Meeting, Participant, Person, Source, TocEntry, Warning
from .outline import header_from_outline, items_from_outline, outline_warnings, segment_from_outline
from .read import Document
from .segment import Segmented, segment
from .vocabulary import fold, headings


def build_meeting(doc: Document, source: Source) -> Meeting:
    cleaned = clean(doc)
    return meeting_from_cleaned(cleaned, source, doc)


def meeting_from_cleaned(cleaned: Cleaned, source: Source, doc: Document | None = None) -> Meeting:
    outline = doc.outline if doc else None
    seg = segment_from_outline(cleaned, outline) if outline else segment(cleaned)
    lines = cleaned.lines
    header_lines = [line.text for line in lines[: seg.header_end]]
    # The text cut as page furniture (a site footer, running lines) may hold "Mødet hævet kl. ..." or
    # the only mention of the municipality.
    with_furniture = f"{cleaned.text}\n{cleaned.footer}" if cleaned.footer else cleaned.text
    header = extract_header(header_lines, with_furniture)
    if outline:
        header = header_from_outline(header, outline)
    meeting_date = header.date or _date_from_decisions(seg)
    items = build_items(seg, meeting_date, doc.tables if doc else [])
    if outline:
        items_from_outline(items, outline)
    committee = header.committee or _committee_fallback(items) or _committee_from_statements(cleaned.text)
    if meeting_date is None:
        meeting_date = _date_from_statements(items)
    participants = [Participant(name=p.name, party=p.party, role=p.role, present=p.present,
                                substitute_for=p.substitute_for) for p in header.participants]
    for person in meeting_absences(seg):  # absence wins over a place in the member list
        listed = find_person(participants, person.name, person.party)
        if listed is None:
            participants.append(Participant(name=person.name, party=person.party, role=None, present=False))
        else:
            listed.present = False
    _canonical_absent_names(items, [p.name for p in participants])
    _record_item_absences(items, header_lines)
    language = detect_language(cleaned.text)
    warnings = [Warning(code=code, message=message) for code, message in cleaned.warnings]
    warnings.extend(outline_warnings(outline) if outline else [])
    toc = [TocEntry(number=e.number, title=e.title, page=e.page) for e in seg.toc]
    kind = _kind(items, toc, language)
    if kind == "not_minutes":
        items = []
        # Not a meeting document: a body, date or time in an article or web page is not a meeting header.
        committee = meeting_date = header.start_time = header.end_time = header.location = None
        if language in ("no", "sv"):
            warnings.append(Warning(code="other_language", message=f"document is in '{language}', not Danish"))
        else:
            warnings.append(Warning(code="not_minutes", message="no agenda items with sections or decisions found"))
    warnings.extend(_toc_warnings(toc, items))
    return Meeting(
        parser_version=__version__,
        source=source,
        kind=kind,
        language=language,
        municipality=(outline.municipality if outline else None) or find_municipality(with_furniture),
        committee=committee,
        date=meeting_date,
        start_time=header.start_time,
        end_time=header.end_time,
        location=header.location,
        participants=participants,
        toc=toc,
        items=items,
        warnings=warnings,
    )


def _kind(items: list[Item], toc: list[TocEntry], language: str | None) -> Kind:
    if language in ("no", "sv"):
        return "not_minutes"
    if not any(_substantive(item) for item in items):
        return "not_minutes"
    if len(items) == 1 and len([e for e in toc if e.number or e.page]) <= 1:
        return "agenda_item"
    return "minutes"


def _substantive(item: Item) -> bool:
    """An item that makes its document minutes or an agenda item: it has a number, a title or a
    decision, or it opens with an item heading (Sagsfremstilling, Indstilling, ...). A lone section
    such as "Yderligere oplysninger" under a press release is not an agenda item."""
    if item.number is not None or item.title or item.decision is not None:
        return True
    opening = headings().opening
    return any(section.key in opening for section in item.sections)


def _date_from_decisions(seg: Segmented) -> str | None:
    """The meeting date from decision headings of this meeting ("Beslutning i X den 11. august 2015")."""
    dates: Counter[str] = Counter()
    for item in seg.items:
        for section in item.sections:
            heading = section.heading
            if heading.key == "decision" and heading.date and not heading.item_number \
                    and not heading.printed.casefold().startswith("beslutning fra"):
                dates[heading.date] += 1
    return dates.most_common(1)[0][0] if dates else None


def _date_from_statements(items: list[Item]) -> str | None:
    pattern = re.compile(r"\bdagsorden(?:en)?\s+(?:for|til)\s+[^.\n]{0,60}?\bden\s+", re.IGNORECASE)
    for item in items[:2]:
        for section in item.sections:
            for match in pattern.finditer(section.text):
                found = next(iter_dates(section.text[match.end(): match.end() + 30]), None)
                if found and found[1] == 0:
                    return found[0]
    return None


def _committee_fallback(items: list[Item]) -> str | None:
    for item in items:
        if item.competence and looks_like_body(item.competence):
            return item.competence.strip(" .")
        if item.decision and item.decision.body and looks_like_body(item.decision.body):
            return item.decision.body
    return None


_MEETING_STATEMENT = re.compile(r"\b(?:dagens|dette|aftenens|nærværende)\s+møde\s+i\s+(?P<body>.{3,80})", re.IGNORECASE)


def _committee_from_statements(text: str) -> str | None:
    """'Godkendelse af dagsorden til dagens møde i Kommunalbestyrelsen.'"""
    for match in _MEETING_STATEMENT.finditer(text[:20000]):
        bodies = find_bodies(match["body"])
        if bodies and bodies[0][1] == 0:
            return bodies[0][0]
    return None


def _record_item_absences(items: list[Item], header_lines: list[str]) -> None:
    """'Helle Brink (A) deltog ikke under punkt 14-16.' in the header: absent from those items' decisions."""
    for line in header_lines:
        for person, numbers in partial_absences(line):
            for item in items:
                if item.number in numbers and item.decision is not None \
                        and all(p.name != person.name for p in item.decision.absent):
                    item.decision.absent.append(Person(name=person.name, party=person.party))


def _canonical_absent_names(items: list[Item], known: list[str]) -> None:
    """Transcripts lose the punctuation between names ('Anders Rohr Jørgensen Lars Boel (V) deltog som
    stedfortræder'); a name that extends a participant's name by more words is that participant."""
    for item in items:
        if item.decision is None:
            continue
        for person in item.decision.absent:
            if person.name not in known:
                prefix = next((k for k in known if person.name.startswith(k + " ")), None)
                if prefix:
                    person.name = prefix
        for substitute in item.decision.substitutes:
            prefix = next((k for k in known if substitute.name.startswith(k + " ")), None)
            if prefix:  # 'Anders Rohr Jørgensen Lars Boel (V) deltog som stedfortræder'
                substitute.name = substitute.name[len(prefix) + 1:]
                substitute.substitute_for = substitute.substitute_for or prefix


def _toc_warnings(toc: list[TocEntry], items: list[Item]) -> list[Warning]:
    """Cross-check the table of contents against the items found: by number where the contents
    print numbers, else by title. Excerpts often stop early, so only items missing from the
    contents are reported, and contents entries without an item only when the document has items
    after them."""
    if not toc or not items:
        return []
    if any(entry.number for entry in toc):
        listed = {entry.number for entry in toc if entry.number}
        missing = [item.number for item in items if item.number and item.number not in listed]
    else:
        titles = [fold(entry.title) for entry in toc]
        missing = [item.title for item in items
                   if item.title and not any(t.startswith(fold(item.title)) or fold(item.title).startswith(t)
                                             for t in titles)]
    if not missing:
        return []
    names = ", ".join(str(m) for m in missing[:10])
    return [Warning(code="toc_mismatch", message=f"{len(missing)} item(s) not in the table of contents: {names}")]
