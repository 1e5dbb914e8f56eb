"""Turn segmented item blocks into model Items: fields, sections, decision, consultations."""

from __future__ import annotations

from dataclasses import dataclass, field

from .extract.decisions import VoteSideRef, find_dissents, find_votes, recommendations
from .lexicon import patterns as P
from .lexicon.attendance import SubstituteRef, absences_in_line, is_attendance_line, substitutes_in_line
from .lexicon.bodies import looks_like_body
from .lexicon.dates import iter_dates
from .lexicon.headings import Heading
from .lexicon.names import PersonRef
from .lexicon.outcomes import classify_outcome
from .lineclass import Kind
from .models import (
    Consultation,
    Decision,
    Dissent,
    Item,
    Participant,
    Person,
    Section,
    Span,
    Table,
    Votes,
    VoteSide,
)
from .segment import ItemBlock, SectionBlock, Segmented


def _span(seg: Segmented, first: int, last: int) -> Span:
    lines = seg.cleaned.lines
    return Span(start=lines[first].start, end=lines[last].end, page=lines[first].page)


@dataclass
class _DecisionParts:
    section: SectionBlock
    text: str | None
    body: str | None
    date: str | None
    absent: list[PersonRef] = field(default_factory=list)
    substitutes: list[SubstituteRef] = field(default_factory=list)


def _section_text(seg: Segmented, section: SectionBlock) -> str:
    parts = [section.heading.glued_text] if section.heading.glued_text else []
    parts.extend(seg.cleaned.lines[i].text for i in section.body)
    return "\n".join(parts)


def _decision_parts(seg: Segmented, section: SectionBlock) -> _DecisionParts:
    lines = seg.cleaned.lines
    texts = ([section.heading.glued_text] if section.heading.glued_text else []) + [lines[i].text for i in section.body]
    body, date = section.heading.body, section.heading.date
    kept: list[str] = []
    absent: list[PersonRef] = []
    substitutes: list[SubstituteRef] = []
    names_follow = False
    for position, text in enumerate(texts):
        if position == 0 or (not kept and body is None):
            match = P.body_date_line.match(text)
            if match and looks_like_body(match["body"] or match["body2"] or ""):
                body = (match["body"] or match["body2"]).strip()
                date = next(iter_dates(match["date"] or match["date2"]), (None,))[0]
                continue
        if names_follow:
            names_follow = False
            found = absences_in_line(f"Fraværende: {text}")
            if (found and not P.ends_sentence.search(text.strip())) or (found and len(text.split()) <= 8):
                absent.extend(found)
                continue
        if is_attendance_line(text):
            found = absences_in_line(text)
            if found:
                absent.extend(found)
            elif found == [] and text.rstrip().endswith(":"):
                names_follow = True
            substitutes.extend(substitutes_in_line(text))
            continue
        kept.append(text)
    return _DecisionParts(section, "\n".join(kept).strip() or None, body, date, absent, substitutes)


def _is_this_meeting(parts: _DecisionParts, meeting_date: str | None) -> bool:
    heading = parts.section.heading
    quoted = heading.printed.casefold().startswith("beslutning fra") or heading.item_number is not None
    if meeting_date and parts.date:
        return parts.date == meeting_date
    return not quoted


def _votes_model(seg_text: str) -> Votes | None:
    found = find_votes(seg_text)
    if found is None:
        return None

    def side(ref: VoteSideRef | None) -> VoteSide | None:
        return VoteSide(count=ref.count, parties=ref.parties, names=ref.names) if ref else None

    return Votes(**{"for": side(found.for_)}, against=side(found.against), abstain=side(found.abstain))


def _decision_model(seg: Segmented, parts: _DecisionParts) -> Decision:
    section = parts.section
    last = section.body[-1] if section.body else section.line
    text = parts.text
    return Decision(
        text=text,
        outcome=classify_outcome(text),
        body=parts.body,
        date=parts.date,
        absent=[Person(name=p.name, party=p.party) for p in _unique(parts.absent)],
        substitutes=[Participant(name=s.name, party=s.party, role="stedfortræder", present=True,
                                 substitute_for=s.substitute_for) for s in parts.substitutes],
        dissents=[Dissent(name=d.name, party=d.party, text=d.text) for d in find_dissents(text or "")],
        votes=_votes_model(text or ""),
        span=_span(seg, section.line, last),
    )


def _unique(people: list[PersonRef]) -> list[PersonRef]:
    seen = set()
    result = []
    for person in people:
        if person.name not in seen:
            seen.add(person.name)
            result.append(person)
    return result


def build_items(seg: Segmented, meeting_date: str | None, tables: list[tuple[int, list[list[str | None]]]]) -> list[Item]:
    placed = _place_tables(seg, tables)
    return [_build_item(seg, block, order, meeting_date, placed[order]) for order, block in enumerate(seg.items)]


def _place_tables(seg: Segmented, tables: list[tuple[int, list[list[str | None]]]]) -> list[list[Table]]:
    """Each item's tables. A table found on a page belongs to the items on that page whose text
    prints its cells; only when none does (the text layer differs from the table's) do all the
    page's items keep it."""
    lines = seg.cleaned.lines
    ranges = [range(block.start, _last_line(block) + 1) for block in seg.items]
    placed: list[list[Table]] = [[] for _ in seg.items]
    for page, rows in tables:
        holders = [k for k, span in enumerate(ranges)
                   if lines[span.start].page is not None
                   and lines[span.start].page <= page <= (lines[span[-1]].page or lines[span.start].page)]
        cells = [c for c in (next((c.strip() for c in row if c and c.strip()), "") for row in rows) if len(c) >= 4]
        printing = [k for k in holders if any(lines[i].text.startswith(cell) for i in ranges[k] for cell in cells)]
        for k in printing or holders:
            placed[k].append(Table(page=page, rows=rows))
    return placed


def _last_line(block: ItemBlock) -> int:
    return max([block.start, *block.head, *(s.body[-1] if s.body else s.line for s in block.sections)])


def _build_item(seg: Segmented, block: ItemBlock, order: int, meeting_date: str | None,
                tables: list[Table]) -> Item:
    lines = seg.cleaned.lines
    title = block.title
    case_number = document_number = competence = None
    # "56 (Å) Title" marks the item open or closed on its title line.
    public = seg.infos[block.title_line].public if block.title_line is not None else None
    if title and public is None:
        marked = P.mark_in_title.search(title)  # "Salg af grund (Lukket punkt)"
        if marked:
            public = not marked["word"].casefold().startswith("lukket")
    if title:
        match = P.case_in_title.match(title)
        if match:
            case_number, title = match["case"], match["title"]
    for index in block.head:
        info = seg.infos[index]
        text = lines[index].text
        if info.kind is Kind.PUBLIC or (info.kind is Kind.FIELD and info.public is not None):
            public = info.public if public is None else public
        if info.field == "case_number" and case_number is None:
            case_number = info.value
        elif info.field == "document_number" and document_number is None:
            document_number = info.value
        elif info.field == "competence" and competence is None:
            competence = info.value
        if info.kind is Kind.FIELD:
            doc = P.document_number.search(text)
            if doc and document_number is None:
                document_number = doc["value"]
            word = P.public_word.search(text)
            if word and public is None:
                public = word["word"] != "Lukket"
    sections: list[Section] = []
    decisions: list[_DecisionParts] = []
    recs: list[str] = []
    attachments: list[str] = []
    for section in block.sections:
        if section.heading.key == "signatures":
            continue  # the signature page closes the document; it is no section of the item
        text = _section_text(seg, section)
        last = section.body[-1] if section.body else section.line
        sections.append(Section(key=section.heading.key, heading=section.heading.printed, text=text,
                                span=_span(seg, section.line, last)))
        key = section.heading.key
        if key == "decision":
            decisions.append(_decision_parts(seg, section))
        elif key == "recommendation":
            recs.extend(recommendations(text))
        elif key == "attachments":
            for line in text.split("\n"):
                line = line.strip(" •-")
                if line and not P.bare_case.match(line) and line not in attachments:
                    attachments.append(line)
        elif key == "competence" and competence is None and text:
            competence = text.split("\n", 1)[0].strip()
    if not block.sections and block.head:
        protocol = _protocol_decision(seg, block)
        if protocol is not None:
            decisions.append(protocol)
    decision, consultations = _choose_decision(seg, decisions, meeting_date)
    first = block.start
    last = _last_line(block)
    span = _span(seg, first, last)
    return Item(order=order, number=block.number, title=title, case_number=case_number,
                document_number=document_number, public=public, competence=competence, sections=sections,
                recommendations=recs, attachments=attachments, decision=decision, consultations=consultations,
                tables=tables, span=span)


def _protocol_decision(seg: Segmented, block: ItemBlock) -> _DecisionParts | None:
    """An item with no headings whose text states an outcome is its decision (decision protocols)."""
    body = [i for i in block.head if seg.infos[i].kind is Kind.TEXT]
    if not body:
        return None
    section = SectionBlock(Heading("decision", ""), body[0] - 1 if body[0] > block.start else body[0], body)
    parts = _decision_parts(seg, section)
    outcome = classify_outcome(parts.text)
    return parts if outcome not in (None, "other") else None


def _choose_decision(seg: Segmented, decisions: list[_DecisionParts],
                     meeting_date: str | None) -> tuple[Decision | None, list[Consultation]]:
    if not decisions:
        return None, []
    here = [parts for parts in decisions if _is_this_meeting(parts, meeting_date)]
    chosen = here[-1] if here else None
    if chosen is None and meeting_date is None:
        chosen = decisions[-1]
    consultations = []
    for parts in decisions:
        if parts is chosen:
            continue
        section = parts.section
        last = section.body[-1] if section.body else section.line
        consultations.append(Consultation(body=parts.body, date=parts.date, item_number=section.heading.item_number,
                                          text=parts.text, outcome=classify_outcome(parts.text),
                                          span=_span(seg, section.line, last)))
    return (_decision_model(seg, chosen) if chosen else None), consultations


def meeting_absences(seg: Segmented) -> list[PersonRef]:
    """Absences recorded in attendance sections of items (e.g. Bornholm's 'Fraværende' section) and
    in an item's head, before its first section ('Fraværende:' with the names on the next line).
    Sections are not read: absences quoted there belong to other bodies' meetings."""
    found: list[PersonRef] = []
    lines = seg.cleaned.lines
    for block in seg.items:
        for section in block.sections:
            if section.heading.key != "attendance":
                continue
            for index in section.body:
                people = absences_in_line(f"Fraværende: {lines[index].text}")
                found.extend(people or [])
        names_follow = False
        for index in block.head:
            text = lines[index].text
            if names_follow:
                names_follow = False
                found.extend(absences_in_line(f"Fraværende: {text}") or [])
                continue
            people = absences_in_line(text) if P.absence_label.match(text) else None
            if people == [] and text.rstrip().endswith(":"):
                names_follow = True
            found.extend(people or [])
    return _unique(found)
