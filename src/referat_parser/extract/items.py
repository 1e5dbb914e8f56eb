"""Item blocks -> item drafts: fields, sections, recommendations, attachments and every decision
the item prints. Which decision is this meeting's is settled later, by the resolve stage."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..clean import Line
from ..drafts import DecisionDraft, ItemDraft, SectionDraft, SpanRef, TableDraft
from ..lexicon import patterns as P
from ..lexicon.attendance import ParticipantRef, absences_in_line, is_attendance_line, substitutes_in_line
from ..lexicon.bodies import looks_like_body
from ..lexicon.dates import iter_dates
from ..lexicon.headings import Heading
from ..lexicon.names import PersonRef
from ..lexicon.outcomes import classify_outcome, first_outcome
from ..lineclass import Kind
from ..segment import ItemBlock, SectionBlock, Segmented
from .decisions import recommendations
from .header import absent_in_lines
from .history import as_consultation, history_entries

NAMES_LINE_MAX_WORDS = 8  # a line of names after a bare absence label, though it ends in a full stop


def span_of(seg: Segmented, first: int, last: int) -> SpanRef:
    lines = seg.cleaned.lines
    return SpanRef(start=lines[first].start, end=lines[last].end, page=lines[first].page)


def _section_text(seg: Segmented, section: SectionBlock) -> str:
    parts = [section.heading.glued_text] if section.heading.glued_text else []
    parts.extend(seg.cleaned.lines[i].text for i in section.body)
    return "\n".join(parts)


@dataclass
class _DecisionReader:
    """Reads a decision's lines in order: its body/date line, its text, the attendance lines (which
    give absent and substitutes) and where its text ends."""

    body: str | None
    date: str | None
    kept: list[str] = field(default_factory=list)
    absent: list[PersonRef] = field(default_factory=list)
    substitutes: list[ParticipantRef] = field(default_factory=list)
    names_follow: bool = False
    ended: bool = False  # the item's description follows the decision: the rest is no decision text

    def read(self, position: int, text: str, gap_before: bool) -> None:
        if (position == 0 or (not self.kept and self.body is None)) and self._body_date(text):
            return
        if self.kept and not self.ended and _ends_decision(text, gap_before):
            self.ended = True
        if self.names_follow and self._names(text):
            return
        if P.meeting_end_line.match(text):
            self._keep(text)  # "Mødet sluttede kl. 12.50": a remark of the protocol, not attendance
        elif is_attendance_line(text):
            self._attendance(text)
        else:
            self._keep(text)

    def _keep(self, text: str) -> None:
        if not self.ended:
            self.kept.append(text)

    def _body_date(self, text: str) -> bool:
        match = P.body_date_line.match(text)
        if match and looks_like_body(match["body"] or match["body2"] or ""):
            self.body = (match["body"] or match["body2"]).strip()
            self.date = next(iter_dates(match["date"] or match["date2"]), (None,))[0]
            return True
        return False

    def _names(self, text: str) -> bool:
        """A line of names after a bare absence label ("Fraværende:")."""
        self.names_follow = False
        found = absences_in_line(f"Fraværende: {text}")
        if found and (not P.ends_sentence.search(text.strip()) or len(text.split()) <= NAMES_LINE_MAX_WORDS):
            self.absent.extend(found)
            return True
        return False

    def _attendance(self, text: str) -> None:
        found = absences_in_line(text)
        if found:
            self.absent.extend(found)
        elif found == [] and text.rstrip().endswith(":"):
            self.names_follow = True
        self.substitutes.extend(substitutes_in_line(text))


def _ends_decision(text: str, gap_before: bool) -> bool:
    """Where a decision printed without a closing heading ends and the item's description begins: at a
    block-ending gap (PDF), or at a line in capitals that names a document and its sender and states no
    outcome ('BESLUTNINGSFORSLAG FRA XX', 'INDSTILLING FRA MAGISTRATSAFDELINGEN ...')."""
    return gap_before or (P.capitals_line.match(text) is not None and first_outcome(text) is None)


def decision_draft(seg: Segmented, heading: Heading, line: int, body: list[int],
                   item_number: str | None = None) -> DecisionDraft:
    """The decision under ``heading`` (at ``line``) whose text is the lines ``body``: its text without
    the body/date line and the attendance lines, which give its body, date, absent and substitutes.
    ``item_number`` is the number of the item it stands in."""
    lines = seg.cleaned.lines
    texts = [(heading.glued_text, False)] if heading.glued_text else []
    texts += [(lines[i].text, lines[i].gap_before) for i in body]
    reader = _DecisionReader(heading.body, heading.date)
    for position, (text, gap_before) in enumerate(texts):
        reader.read(position, text, gap_before)
    last = body[-1] if body else line
    quoted = heading.printed.casefold().startswith("beslutning fra") or _points_elsewhere(heading, item_number)
    text = "\n".join(reader.kept).strip() or None
    return DecisionDraft(text=text, body=reader.body, date=reader.date, span=span_of(seg, line, last),
                         item_number=heading.item_number, quoted=quoted, heading_date=heading.date,
                         outcome=classify_outcome(text),
                         absent=unique(reader.absent), substitutes=reader.substitutes)


def _points_elsewhere(heading: Heading, item_number: str | None) -> bool:
    """A heading that names an item ("..., pkt. 42", "... Punkt 4") quotes another meeting's decision,
    unless the item it names is the one it stands in."""
    return heading.item_number is not None and heading.item_number != item_number


def unique(people: list[PersonRef]) -> list[PersonRef]:
    seen = set()
    result = []
    for person in people:
        if person.name not in seen:
            seen.add(person.name)
            result.append(person)
    return result


def extract_items(seg: Segmented, tables: list[tuple[int, list[list[str | None]]]]) -> list[ItemDraft]:
    placed = _place_tables(seg, tables)
    items = [_item(seg, block, order, placed[order]) for order, block in enumerate(seg.items)]
    _statements_in_protocol(seg, items)
    return items


def _place_tables(seg: Segmented, tables: list[tuple[int, list[list[str | None]]]]) -> list[list[TableDraft]]:
    """Each item's tables. A table found on a page belongs to the items on that page whose text
    prints its cells; only when none does (the text layer differs from the table's) do all the
    page's items keep it."""
    lines = seg.cleaned.lines
    ranges = [range(block.start, last_line(block) + 1) for block in seg.items]
    placed: list[list[TableDraft]] = [[] for _ in seg.items]
    for page, rows in tables:
        holders = [k for k, span in enumerate(ranges)
                   if lines[span.start].page is not None
                   and lines[span.start].page <= page <= (lines[span[-1]].page or lines[span.start].page)]
        cells = [c for c in (next((c.strip() for c in row if c and c.strip()), "") for row in rows) if len(c) >= 4]
        printing = [k for k in holders if any(lines[i].text.startswith(cell) for i in ranges[k] for cell in cells)]
        for k in printing or holders:
            placed[k].append(TableDraft(page=page, rows=rows))
    return placed


def last_line(block: ItemBlock) -> int:
    return max([block.start, *block.head, *(s.body[-1] if s.body else s.line for s in block.sections)])


def _item(seg: Segmented, block: ItemBlock, order: int, tables: list[TableDraft]) -> ItemDraft:
    item = ItemDraft(order=order, span=span_of(seg, block.start, last_line(block)), number=block.number,
                     title=block.title, tables=tables)
    # "56 (Å) Title" marks the item open or closed on its title line.
    item.public = seg.infos[block.title_line].public if block.title_line is not None else None
    if item.title:
        _read_title(item, item.title)
    _read_head(seg, block, item)
    for section in block.sections:
        if section.heading.key != "signatures":  # the signature page closes the document, no section
            _read_section(seg, section, item)
    if _without_sections(block) and block.head:
        protocol = _protocol_decision(seg, block)
        if protocol is not None and protocol.outcome not in (None, "other"):
            item.printed_decisions.append(protocol)
    return item


def _without_sections(block: ItemBlock) -> bool:
    """No section but the signature page that closes the document ('Godkendt.' / 'Mødet hævet kl. 20.40.' /
    'Underskriftsblad'): the last item of a decision protocol."""
    return all(section.heading.key == "signatures" for section in block.sections)


PROTOCOL_SHARE = 0.5  # of the items without sections whose text states an outcome: the document is a protocol


def _statements_in_protocol(seg: Segmented, items: list[ItemDraft]) -> None:
    """In a decision protocol (most items without sections print an outcome as their whole text), an
    item's text that states none ('X (C) blev valgt som medlem ...', 'Borgmesteren orienterede om ...')
    is its decision too: the protocol prints nothing else. In an agenda, such text is the case's description."""
    bare = [(block, item) for block, item in zip(seg.items, items, strict=True) if _without_sections(block) and block.head]
    decided = sum(1 for _, item in bare if item.printed_decisions)
    if len(bare) < 2 or decided < PROTOCOL_SHARE * len(bare):
        return
    for block, item in bare:
        if not item.printed_decisions:
            protocol = _protocol_decision(seg, block)
            if protocol is not None and protocol.text:
                item.printed_decisions.append(protocol)


def _read_title(item: ItemDraft, title: str) -> None:
    if item.public is None:
        marked = P.mark_in_title.search(title)  # "Salg af grund (Lukket punkt)"
        if marked:
            item.public = not marked["word"].casefold().startswith("lukket")
    match = P.case_in_title.match(title)
    if match:
        item.case_number, item.title = match["case"], match["title"]


def _read_head(seg: Segmented, block: ItemBlock, item: ItemDraft) -> None:
    """Fields printed between the title and the first section: case and document numbers, the
    competent body, open/closed."""
    for index in block.head:
        info = seg.infos[index]
        if info.kind is Kind.PUBLIC or (info.kind is Kind.FIELD and info.public is not None):
            item.public = info.public if item.public is None else item.public
        if info.kind is Kind.NUMBER_ONLY and info.case and item.case_number is None:
            item.case_number = info.case
        if info.field == "case_number" and item.case_number is None:
            item.case_number = info.value
        elif info.field == "document_number" and item.document_number is None:
            item.document_number = info.value
        elif info.field == "competence" and item.competence is None:
            item.competence = info.value
        if info.kind is Kind.FIELD:
            text = seg.cleaned.lines[index].text
            doc = P.document_number.search(text)
            if doc and item.document_number is None:
                item.document_number = doc["value"]
            word = P.public_word.search(text)
            if word and item.public is None:
                item.public = word["word"] != "Lukket"


def _read_section(seg: Segmented, section: SectionBlock, item: ItemDraft) -> None:
    text = _section_text(seg, section)
    last = section.body[-1] if section.body else section.line
    key = section.heading.key
    span = span_of(seg, section.line, last)
    marker = P.list_marker.match(seg.cleaned.lines[section.line].text)
    if marker is not None:  # '• Beslutningstema': the section starts at its heading, after the list marker
        span.start += marker.end()
    item.sections.append(SectionDraft(key=key, heading=section.heading.printed, text=text, span=span))
    if key == "decision":
        item.printed_decisions.append(decision_draft(seg, section.heading, section.line, section.body, item.number))
    elif key == "history":
        item.printed_decisions.extend(_history(seg, section))
    elif key == "recommendation":
        item.recommendations.extend(recommendations(text))
    elif key == "attachments":
        for line in text.split("\n"):
            line = line.strip(" •-")
            if line and not P.bare_case.match(line) and line not in item.attachments:
                item.attachments.append(line)
    elif key == "competence" and item.competence is None and text:
        item.competence = text.split("\n", 1)[0].strip()


def _history(seg: Segmented, section: SectionBlock) -> list[DecisionDraft]:
    """The entries of a history section, each read as a decision of its meeting: consultations."""
    lines = seg.cleaned.lines
    glued = [section.line] if section.heading.glued_text else []
    indexes = glued + section.body
    texts = ([section.heading.glued_text] if glued else []) + [lines[i].text for i in section.body]
    drafts = []
    for entry in history_entries(texts):
        draft = decision_draft(seg, Heading("decision", ""), indexes[entry.first], [indexes[p] for p in entry.lines])
        drafts.append(as_consultation(entry, draft))
    return drafts


PROTOCOL_HEADING = Heading("decision", "")  # an item printed without headings: its text is its decision


def _protocol_decision(seg: Segmented, block: ItemBlock) -> DecisionDraft | None:
    """The text of an item with no headings, as its decision (decision protocols), up to the line that
    ends the meeting ('Mødet hævet kl. 20.40.'): the closing of the minutes follows it."""
    lines = seg.cleaned.lines
    body = [i for i in block.head if seg.infos[i].kind is Kind.TEXT]
    end = next((k for k, i in enumerate(body) if P.meeting_end_line.match(lines[i].text)), len(body))
    body = body[:end]
    if not body:
        return None
    line = body[0] - 1 if body[0] > block.start else body[0]
    return decision_draft(seg, PROTOCOL_HEADING, line, body)


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
        found.extend(absent_in_lines(_head_lines(block, lines)))
    return unique(found)


def _head_lines(block: ItemBlock, lines: list[Line]) -> list[str]:
    """The item's lines between its title and its first section, blank lines kept (they end a list)."""
    start = block.title_line + 1 if block.title_line is not None else block.start
    end = block.sections[0].line if block.sections else block.end
    return [lines[index].text for index in range(start, end)]
