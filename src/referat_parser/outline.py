"""Segment a document by the outline its export states (meeting-system XML), instead of guessing.

A reader of an XML export renders the meeting as text lines and states where the header ends,
where each item is and where each of its text fields is (read/document.py: Outline). This module
turns that into the same Segmented structure segment.segment() finds in printed minutes, so that
decisions, outcomes, absence, dissent, votes and recommendations are extracted from the sections'
text exactly as for printed minutes. Item text the export gives without fields (eDoc's full text)
is split at its headings as printed minutes are. The export's own header and item values then
take precedence over what the text suggests.
"""

from __future__ import annotations

from dataclasses import replace

from .clean import Cleaned
from .drafts import Found, HeaderDraft, ItemDraft, WarningDraft
from .lexicon.attendance import ParticipantRef, participant_entry
from .lexicon.data import exports, fold
from .lexicon.headings import Heading, match_heading
from .lineclass import Info, Kind, classify
from .read.document import Outline, OutlineItem, OutlinePerson
from .segment import ItemBlock, SectionBlock, Segmented

OTHER_KEY = "other"  # the key of a field whose caption the heading vocabulary does not know


def caption_heading(caption: str, key: str | None = None) -> Heading:
    """The heading of a field the export names: the vocabulary's key (and a decision heading's body
    and date) where the caption is a known heading, else a heading of its own under OTHER_KEY. A key
    the export states (its decision field) wins over the vocabulary's."""
    printed = caption.strip().rstrip(" :")
    # A caption labels its field's text, as a colon does: "Referat" is a heading here, though
    # printed alone it is a document's title.
    found = match_heading(printed) or match_heading(f"{printed}:")
    if found is None or found.glued_text:
        found = Heading(key or OTHER_KEY, printed)
    elif key is not None and found.key != key:
        found = Heading(key, printed)
    return replace(found, printed=printed)


def segment_from_outline(cleaned: Cleaned, outline: Outline) -> Segmented:
    lines = cleaned.lines
    infos = [classify(line.text, line.bold) for line in lines]
    items = [_item_block(stated, infos) for stated in outline.items]
    return Segmented(cleaned, infos, min(outline.header_end, len(lines)), [], items)


def _item_block(stated: OutlineItem, infos: list[Info]) -> ItemBlock:
    block = ItemBlock(start=stated.first, end=stated.last + 1, number=stated.number, title=stated.title,
                      title_line=stated.first)
    fields = {section.first: section for section in stated.sections}
    current: SectionBlock | None = None
    index = stated.first + 1
    while index <= stated.last:
        field = fields.get(index)
        if field is not None:  # a field the export states: its caption and all its lines
            current = SectionBlock(caption_heading(field.caption, field.key), index,
                                   [i for i in range(index + 1, field.last + 1) if infos[i].kind is not Kind.BLANK])
            block.sections.append(current)
            index = field.last + 1
            continue
        info = infos[index]
        if info.kind is Kind.HEADING and info.heading is not None:  # text without fields: its own headings
            current = SectionBlock(info.heading, index)
            block.sections.append(current)
        elif info.kind is not Kind.BLANK:
            (current.body if current is not None else block.head).append(index)
        index += 1
    return block


def apply_outline(found: Found, outline: Outline) -> None:
    """What the export states wins over what the text suggests: the header values, each item's
    number, title, case number, open/closed state and attachments; its dropped fields are a warning."""
    found.header = header_from_outline(found.header, outline)
    items_from_outline(found.items, outline)
    found.municipality = outline.municipality or found.municipality
    found.warnings.extend(outline_warnings(outline))
    found.whole_meeting = True  # an export is a whole meeting, however many items it has


def header_from_outline(header: HeaderDraft, outline: Outline) -> HeaderDraft:
    """The header extracted from the header lines, with every value the export states in its place."""
    participants = [_participant(person) for person in outline.participants] or header.participants
    return HeaderDraft(committee=outline.committee or header.committee, date=outline.date or header.date,
                       start_time=outline.start_time or header.start_time,
                       end_time=outline.end_time or header.end_time,
                       location=outline.location or header.location, participants=participants)


def _participant(person: OutlinePerson) -> ParticipantRef:
    """A member as the export names them; "Hanne Jensen (A)" is split into name and party."""
    name, party = " ".join(person.name.split()), person.party
    entry = participant_entry(name)
    if entry is not None and (party is None or entry.party in (None, party)):
        name, party = entry.name, party or entry.party
    role = person.role.strip() if person.role else None
    if role and fold(role) in {fold(r) for r in exports()["plain_roles"]}:
        role = None
    return ParticipantRef(name, party, role.casefold() if role else None, person.present)


def items_from_outline(items: list[ItemDraft], outline: Outline) -> None:
    """The export's number, title, case number, open/closed state and attachments of each item
    replace what was read from its text."""
    for item, stated in zip(items, outline.items, strict=True):
        item.number = stated.number if stated.number is not None else item.number
        item.title = stated.title if stated.title is not None else item.title
        item.case_number = stated.case_number if stated.case_number is not None else item.case_number
        item.public = stated.public if stated.public is not None else item.public
        item.attachments = stated.attachments or item.attachments


def outline_warnings(outline: Outline) -> list[WarningDraft]:
    if not outline.dropped:
        return []
    shown = ", ".join(outline.dropped[:20]) + (", ..." if len(outline.dropped) > 20 else "")
    return [WarningDraft("export_fields_dropped", f"fields of the {outline.export} export with no place in the output: {shown}")]
