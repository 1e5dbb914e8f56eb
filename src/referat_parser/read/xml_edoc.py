"""eDoc agenda publishing (KMD/Fujitsu eDoc, ``eDocAgendaPublishing.xml``): root ``<Meeting>``.

The export states the meeting (committee, date), its agenda types (open/closed) and per item the
number, title and attachments, but each item's text only as one plain ``FullText`` rendition of the
printed item, without fields. So the reader states the items and leaves the sections to be found
in that text as in printed minutes. The agenda type's ``FullText`` is the printed front page
(place, members present and absent): it becomes the header lines.
"""

from __future__ import annotations

import re

from .document import Document, Outline, OutlineItem, RawLine
from .xml_lines import LineBuilder, plain_lines, public_from_words
from .xml_tree import Element, ExportTree, local_name, parse_stamp

EXPORT = "xml-edoc"

# Fields that are identifiers, links, file references, edit stamps or copies of what is read.
TECHNICAL = frozenset({
    "PDFDocument", "FileSize", "DocumentVersionNumber", "UrlShowCompleteAgendaType", "UrlOpenDocumentMetadata",
    "UrlShowDocument", "UrlEditDocument", "UrlOpenAttachmentMetadata", "UrlShowAttachment", "UrlOpenCaseMetadata",
    "PublishedDate", "PublishedBy", "PublishingType", "NeutralTitle", "CreatedDate", "Creator", "CheckOutDate",
    "CheckOutPersonFullname", "Logicidentifier", "LogicIdentifier",
    # The item's own placement, repeated per item: committee, agenda type, dates, number.
    "AgendaItem/Name", "AgendaItem/Committee", "AgendaItem/AgendaType", "AgendaItem/PlannedMeetingDate",
    "AgendaItem/MeetingDate", "AgendaItem/MeetingState", "AgendaItem/AgendaItemNumber",
})


def matches(root: Element) -> bool:
    return local_name(root) == "Meeting" and root.find("MeetingAgendaTypes") is not None


def _number_key(number: str | None) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", number or "")) or (1 << 30,)


def read(root: Element) -> Document:
    tree = ExportTree(root)
    lines = LineBuilder()
    date, start = parse_stamp(tree.text(root, "MeetingDate"))
    outline = Outline(export=EXPORT, committee=tree.text(root, "Committee"), date=date, start_time=start)
    types = tree.findall(root, "MeetingAgendaTypes/MeetingAgendaType")
    fronts = [text for text in (tree.text(t, "FullText") for t in types) if text]
    if fronts:
        lines.rows(plain_lines(fronts[0]))  # the printed front page; a closed agenda repeats it
    else:
        for value in (outline.committee, tree.text(root, "MeetingDate")):
            if value:
                lines.line(value)
    outline.header_end = len(lines)
    for agenda_type in types:
        public = public_from_words(tree.text(agenda_type, "AgendaType"))
        entries = tree.findall(agenda_type, "MeetingAgendaItems/MeetingAgendaItem")
        # The export lists items in no useful order; the printed agenda orders them by number.
        numbered = sorted(((tree.text(e, "AgendaItemNumber"), e) for e in entries), key=lambda p: _number_key(p[0]))
        for number, entry in numbered:
            outline.items.append(_item(tree, lines, entry, number, public))
    outline.dropped = tree.unread(TECHNICAL)
    return Document(lines=lines.lines, format=EXPORT, encoding=root.getroottree().docinfo.encoding, outline=outline)


def _item(tree: ExportTree, lines: LineBuilder, entry: Element, number: str | None, public: bool | None) -> OutlineItem:
    document = tree.find(entry, "Document")
    title = tree.text(document, "Title") if document is not None else None
    if title is None and document is not None:
        title = tree.text(document, "AgendaItems/AgendaItem/Name")
    attachments = [name for name in (tree.text(a, "Title") for a in tree.findall(entry, "Document/Attachments/Attachment"))
                   if name]
    lines.blank()
    first = lines.line(f"{number}. {title}" if number and title else title or number or "")
    rows = plain_lines(tree.text(entry, "FullText") or "")
    lines.rows(_without_title(rows, number, title))
    return OutlineItem(number=number, title=title, case_number=None, public=public, first=first,
                       last=len(lines) - 1, attachments=attachments)


def _squash(text: str) -> str:
    return " ".join(text.replace(".", " ").split()).casefold()


def _without_title(rows: list[RawLine], number: str | None, title: str | None) -> list[RawLine]:
    """The full text without its first line when that line prints the number and title again."""
    first = next((k for k, row in enumerate(rows) if row.text.strip()), None)
    if first is not None and title and _squash(rows[first].text) == _squash(f"{number or ''} {title}"):
        return rows[first + 1:]
    return rows
