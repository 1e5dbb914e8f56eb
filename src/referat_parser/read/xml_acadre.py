"""Acadre MM meeting XML (xmlFusion): root ``<root>`` holding ``<table name="agenda">``.

Everything is a ``<table name=...>`` of ``<fields><field name=...>``: the agenda, its committee
and members, the meeting (name, date, finish, location, address, members with an absent flag) and
per item (``agendaitemparents``: the printed number as ``sort``; ``agendaitem``: name, case number,
access) the text fields ("bullets": caption, HTML content, sort order) and the enclosures.

A printed Acadre document leaves out empty bullets and lists the enclosures under the attachments
bullet ("Bilag"), so the reader does the same.
"""

from __future__ import annotations

from ..lexicon.data import fold, headings
from .document import Document, Outline, OutlineItem, OutlinePerson
from .xml_lines import LineBuilder, export_flag, markup_lines, public_from_words
from .xml_tree import Element, ExportTree, local_name, order_key, parse_stamp

EXPORT = "xml-acadre"

TECHNICAL = frozenset({
    "sysid", "access", "state", "cdate", "producedate", "producedateF2", "producedateF3", "producedateF4",
    "producedateF5", "producedateF6", "createdby", "createdbyinit", "stateName", "deptid", "sort", "email",
    "callindate", "callindateF2", "callindateF3", "callindateF4", "callindateF5", "callindateF6", "dateF2", "dateF3",
    "dateF4", "dateF5", "dateF6", "finishdateF2", "finishdateF3", "finishdateF4", "finishdateF5", "finishdateF6",
    "upcomingmeetings", "agitemid", "parentid", "parenttype", "type", "area", "comId", "parentitem", "publishlevel",
    "comname", "agendaitemlink", "bullettype", "bulletsortorder", "lastbullet", "UNC", "fusionID",
    "EnclosureFileType", "filename", "fileno", "agendaData", "commember", "member/address", "member/sort",
    "enclosure/accessname", "enclosure/description", "agenda/name", "agenda/accessname", "agenda/description",
    "committee/description",
})


def matches(root: Element) -> bool:
    return local_name(root) == "root" and root.find("table[@name='agenda']") is not None


def _field(tree: ExportTree, table: Element | None, name: str) -> str | None:
    return tree.text(table, f"fields/field[@name='{name}']") if table is not None else None


def read(root: Element) -> Document:
    tree = ExportTree(root)
    agenda = tree.find(root, "table[@name='agenda']")
    committee = tree.find(agenda, "table[@name='committee']")
    meeting = tree.find(agenda, "table[@name='meeting']")
    date, start = parse_stamp(_field(tree, meeting, "date"))
    end_date, end = parse_stamp(_field(tree, meeting, "finish"))
    place = [part for part in (_field(tree, meeting, "location"), *_address(tree, meeting)) if part]
    outline = Outline(export=EXPORT, committee=_field(tree, committee, "name"), date=date, start_time=start,
                      end_time=end if end_date in (None, date) else None, location=", ".join(place) or None)
    members = tree.findall(meeting, "table[@name='meetmember']/table[@name='member']") if meeting is not None else []
    outline.participants = [p for p in (_member(tree, m) for m in members) if p]
    lines = LineBuilder()
    for value in (outline.committee, _field(tree, meeting, "name"), _field(tree, meeting, "date"), *place,
                  _field(tree, committee, "departmentName"), _field(tree, meeting, "description")):
        if value:
            lines.line(value)
    for person in outline.participants:
        lines.line(person.name)
    outline.header_end = len(lines)
    for parent in tree.findall(agenda, "table[@name='agendaitemparents']"):
        for entry in tree.findall(parent, "table[@name='agendaitem']"):
            outline.items.append(_item(tree, lines, entry, _field(tree, parent, "sort")))
    outline.dropped = tree.unread(TECHNICAL)
    return Document(lines=lines.lines, format=EXPORT, encoding=root.getroottree().docinfo.encoding, outline=outline)


def _address(tree: ExportTree, meeting: Element | None) -> list[str]:
    """The address field's lines ("Vej 4<br>9999 By")."""
    value = _field(tree, meeting, "address")
    return [row.text.strip() for row in markup_lines(value) if row.text.strip()] if value else []


def _member(tree: ExportTree, member: Element) -> OutlinePerson | None:
    name = _field(tree, member, "name")
    if not name:
        return None
    absent = export_flag(_field(tree, member, "absent"))
    return OutlinePerson(name=name, party=_field(tree, member, "party"), role=_field(tree, member, "role"),
                         present=None if absent is None else not absent)


def _item(tree: ExportTree, lines: LineBuilder, entry: Element, number: str | None) -> OutlineItem:
    title = _field(tree, entry, "name")
    lines.blank()
    first = lines.line(f"{number}. {title}" if number and title else title or number or "")
    item = OutlineItem(number=number, title=title, case_number=_field(tree, entry, "caseno"),
                       public=public_from_words(_field(tree, entry, "accessname")), first=first, last=first)
    item.attachments = [name for name in (_field(tree, e, "name") for e in tree.findall(entry, "table[@name='enclosure']"))
                        if name]
    bullets = tree.findall(entry, "table[@name='bullet']")
    bullets.sort(key=lambda b: order_key(_field(tree, b, "bulletsortorder")))
    listed = False
    for bullet in bullets:
        caption = _field(tree, bullet, "bulletname")
        content = _field(tree, bullet, "bulletcontent")
        holds_attachments = caption is not None and headings().exact.get(fold(caption)) == "attachments"
        if not caption or (not content and not (holds_attachments and item.attachments)):
            continue  # an empty bullet is not printed
        lines.blank()
        section = lines.section(caption, content, markup=True)
        if holds_attachments:
            for name in item.attachments if not content else []:
                section.last = lines.line(name)
            listed = True
        item.sections.append(section)
    if not listed:
        lines.attachments_section(item)
    item.last = len(lines) - 1
    return item
