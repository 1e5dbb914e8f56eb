"""SBSYS publication export (``PublicationNN.xml``, ``publication.xml``): root ``<Publication>`` with
``<Agendas><Agenda>``.

The export states the meeting (committee, when, until, where, members), and per item the number,
caption, case, open/closed state, the text fields (``ItemField``: caption, HTML or plain content,
whether it is a feedback field such as the decision) and the enclosures. Two shapes exist: the
full one (with generator settings, creators, item members) and a slimmer one (Aarhus) without them.

Which empty fields a printed SBSYS document shows is the export's own setting (``ShowEmptyFields``,
``ShowEmptyFeedbackFields``); without settings, empty fields are not shown. The slim shape also
lists the whole minutes as pseudo-items with a null identifier: they are no agenda items.
"""

from __future__ import annotations

from .document import Document, Outline, OutlineItem, OutlinePerson
from .xml_lines import LineBuilder, export_flag
from .xml_tree import Element, ExportTree, local_name, order_key, parse_stamp

EXPORT = "xml-sbsys"
NULL_ID = "00000000-0000-0000-0000-000000000000"

TECHNICAL = frozenset({
    "Published", "PublishedBy", "Created", "CreatedBy", "LastChanged", "LastChangedBy", "Concluded", "ConcludedBy",
    "EnclosureFileNamePattern", "EnclosureInstantiationMethodAsValue", "EnclosureInstantiationMethodAsEnum",
    "EnclosureOutputPath", "EnclosureUrlPattern", "Formatter", "OutputFileName", "OutputFileNameWithoutExtension",
    "OutputFilePath", "OutputPath", "RelativeEnclosureOutputPath", "EnclosureImageUrl", "PublicationTypeAsValue",
    "PublicationTypeAsEnum", "GeneratorSettings", "GeneratorSettingsDraft", "GeneratorSettingsFinal",
    "GeneratorSettingsMinutes", "Stylesheets", "IsExtendedAgenda", "IsItemsListLocked", "IsCommitteeFutureMeeting",
    "LifeStateAsValue", "LifeStateAsEnum", "NewItemsIsPublic", "PeriodStart", "PeriodEnd", "DefaultMeetingPlace",
    "DefaultMeetingTime", "MeetingPrepationState", "MeetingPrepationStateAsEnum", "FieldTypeAsValue", "FieldTypeAsEnum",
    "HasContent", "Index", "IsContentRequired", "IsFeedback", "EmailAddress", "MeetingMemberRolesList", "IsInvited",
    "FileLength", "FileName", "FileSize", "ItemNumber", "InstantiationFileName", "InstantiationFilePath",
    "InstantiationFilePathRelative", "DownloadUrl", "Data", "IsExternal", "IsPublic", "NumberAndTitle",
    "ParticipationStatusAsValue", "ParticipationStatusAsText", "Participate", "Member",
    # Copies of what is read: the committee's member list and the agenda's list of all enclosures.
    "Committee/Members", "Agenda/Enclosures", "Enclosure/Number", "Enclosure/Index", "Enclosure/Case",
})
# ParticipationStatusAsText values that say whether a member takes part; others ("NotDecided") say nothing.
_PARTICIPATION = {"participating": True, "participates": True, "present": True,
                  "notparticipating": False, "absent": False, "cancelled": False}


def matches(root: Element) -> bool:
    return local_name(root) == "Publication" and root.find("Agendas/Agenda") is not None


def read(root: Element) -> Document:
    tree = ExportTree(root)
    agendas = tree.findall(root, "Agendas/Agenda")
    agenda = agendas[0]
    lines = LineBuilder()
    meeting = tree.find(agenda, "Meeting")
    date, start = parse_stamp(tree.text(meeting, "When"))
    end_date, end = parse_stamp(tree.text(meeting, "Until"))
    outline = Outline(export=EXPORT, committee=tree.text(agenda, "Committee/Name") or tree.text(agenda, "Name"),
                      date=date, start_time=start, end_time=end if end_date in (None, date) else None,
                      location=tree.text(meeting, "Where"))
    members = tree.findall(meeting, "Members/MeetingMember") if meeting is not None else []
    outline.participants = [person for person in (_member(tree, m) for m in members) if person]
    for value in (outline.committee, tree.text(agenda, "Name"), tree.text(meeting, "When"), outline.location):
        if value:
            lines.line(value)
    for person in outline.participants:
        lines.line(person.name)
    frontpage = tree.text(agenda, "Frontpage")
    if frontpage:
        lines.blank()
        lines.content(frontpage)
    outline.header_end = len(lines)
    show_empty, show_empty_feedback = _settings(tree, root)
    for entry in tree.findall(agenda, "Items/Item"):
        if (entry.get("ID") or "").startswith(NULL_ID):
            tree.mark(entry)  # the whole minutes as an appendix, not an agenda item
            outline.dropped.append(f"Item '{tree.text(entry, 'Caption')}' (the whole minutes as an appendix)")
            continue
        outline.items.append(_item(tree, lines, entry, show_empty, show_empty_feedback))
    if len(agendas) > 1:
        outline.dropped.append(f"Agenda ({len(agendas) - 1} more in the publication)")
    outline.dropped += tree.unread(TECHNICAL)
    return Document(lines=lines.lines, format=EXPORT, encoding=root.getroottree().docinfo.encoding, outline=outline)


def _member(tree: ExportTree, member: Element) -> OutlinePerson | None:
    name = tree.text(member, "Name")
    if not name:
        return None
    status = (tree.text(member, "ParticipationStatusAsText") or "").casefold()
    return OutlinePerson(name=name, role=tree.text(member, "MeetingMemberRoles"), present=_PARTICIPATION.get(status))


def _settings(tree: ExportTree, root: Element) -> tuple[bool, bool]:
    """(show empty fields, show empty feedback fields) as the publication's generator settings say."""
    settings = tree.find(root, "GeneratorSettings")
    if settings is None:
        return False, False
    return (export_flag(tree.text(settings, "ShowEmptyFields")) is True,
            export_flag(tree.text(settings, "ShowEmptyFeedbackFields")) is True)


def _item(tree: ExportTree, lines: LineBuilder, entry: Element, show_empty: bool, show_empty_feedback: bool) -> OutlineItem:
    number, title = tree.text(entry, "Number"), tree.text(entry, "Caption")
    lines.blank()
    first = lines.line(f"{number}. {title}" if number and title else title or number or "")
    item = OutlineItem(number=number, title=title, case_number=tree.text(entry, "Case/Number"),
                       public=export_flag(tree.text(entry, "IsPublic")), first=first, last=first)
    tree.text(entry, "Case/Title")  # the case's own title: the item's caption is what is printed
    fields = sorted(tree.findall(entry, "Fields/ItemField"), key=lambda f: order_key(tree.text(f, "Index")))
    for field in fields:
        caption = tree.text(field, "Caption")
        content = tree.text(field, "Content")
        kind = (tree.text(field, "FieldTypeAsEnum") or "").casefold()
        markup = True if kind == "html" else False if kind else None
        feedback = export_flag(tree.text(field, "IsFeedback")) is True
        if caption and title and caption.strip() == title.strip() and not content:
            continue  # the slim shape's one field per item: the item's caption again, empty
        if not caption:
            if content:
                lines.content(content, markup=markup)  # text without a caption: read for its own headings
            continue
        if not content and not (show_empty_feedback if feedback else show_empty):
            continue
        lines.blank()
        item.sections.append(lines.section(caption, content, markup=markup))
    item.attachments = [name for name in (tree.text(e, "Name") for e in tree.findall(entry, "Enclosures/Enclosure")) if name]
    for member in tree.findall(entry, "Members/ItemMember"):
        status = (tree.text(member, "ParticipationStatusAsText") or "").casefold()
        if _PARTICIPATION.get(status) is None:
            tree.mark(member)  # nothing said about this member for this item
    item.last = len(lines) - 1
    return item
