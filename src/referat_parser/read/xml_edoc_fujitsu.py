"""eDoc (Fujitsu) agenda XML, the source of the AgendaWeb HTML: root ``<Root>`` whose content is in
the ``http://www.fujitsu.dk/agenda/xml/schemas/...`` namespace (prefix ``edoc:``).

The export states the committee, the meeting (date-time, end, location, participants with role,
party and whether they take part) and per agenda element the printed serial number, title, case
number, public access, the case presentations (caption, HTML content, whether it is the decision)
and the attachments. The printed agenda shows every presentation, empty ones too, and lists the
attachments under "Bilag" where an item has any; the reader does the same.
"""

from __future__ import annotations

from ..lexicon.data import fold, parties, party_letters
from .document import Document, Outline, OutlineItem, OutlinePerson
from .xml_lines import LineBuilder, export_flag
from .xml_tree import Element, ExportTree, parse_stamp

EXPORT = "xml-edoc-fujitsu"
NAMESPACE_PREFIX = "http://www.fujitsu.dk/agenda/xml/schemas/"

_HANDLING_COPIES = ("Placement", "Identifier", "SerialNo", "Title", "NeutralTitle", "CommitteeName", "PlannedMeeting",
                    "MeetingDate", "AgendaType", "CreationDate", "Access", "State", "Domain", "Category")
TECHNICAL = frozenset({
    "Identifier", "DefaultLocation", "ESDHIntegration", "StateCode", "AdministrativeUnitIdentifier", "InitiatedByIdentifier",
    "HandlingItemCaseWorker", "CaseWorker", "FinishedIndicator", "FinishedDate", "CaseIdentifier", "CaseTitle",
    "OutputTypeEnumName", "OutputFilterIsPublic", "OutputLayoutCssFile", "ShortName", "MeetingIdentifier",
    "MeetingNumberIdentifier", "MeetingStateCode", "MeetingPublicExceptionIndicator", "ValidMember", "StartDate",
    "Rank", "Represent", "Secretary", "AppointedByIdentifier", "Type", "State", "AccessName", "AccessIsPublic",
    "Domain", "Category", "RuleOfSpeaking", "SortOrder", "NeutralTitle", "Resources", "AttachmentNumber",
    "AccessEnumName", "Link", "ShowOrder", "DocumentNumber", "IsDecision", "PoliticalParty", "PoliticalPartyList",
    *(f"Handling/{name}" for name in _HANDLING_COPIES),
})


def _namespace(root: Element) -> str | None:
    return next((uri for uri in root.nsmap.values() if uri and uri.startswith(NAMESPACE_PREFIX)), None)


def matches(root: Element) -> bool:
    namespace = _namespace(root)
    return namespace is not None and root.find(f"{{{namespace}}}Committee") is not None


def read(root: Element) -> Document:
    tree = ExportTree(root, _namespace(root))
    committee = tree.find(root, "Committee")
    meeting = tree.find(committee, "Meeting") if committee is not None else None
    date, start = parse_stamp(tree.text(meeting, "MeetingDateTime"))
    end_date, end = parse_stamp(tree.text(meeting, "EndDateTime"))
    outline = Outline(export=EXPORT, committee=tree.text(committee, "Name"), date=date, start_time=start,
                      end_time=end if end_date in (None, date) else None,
                      location=tree.text(meeting, "MeetingLocation") or tree.text(committee, "DefaultLocation"))
    people = tree.findall(meeting, "MeetingParticipants/MeetingParticipant") if meeting is not None else []
    outline.participants = [p for p in (_participant(tree, e) for e in people) if p]
    lines = LineBuilder()
    for value in (outline.committee, tree.text(meeting, "MeetingDateTime"), outline.location):
        if value:
            lines.line(value)
    for person in outline.participants:
        lines.line(person.name)
    lines.content(tree.text(meeting, "DescriptionText"))
    outline.header_end = len(lines)
    elements = tree.findall(meeting, "Agenda/AgendaElements/AgendaElement") if meeting is not None else []
    for element in elements:
        outline.items.append(_item(tree, lines, element))
    outline.dropped = tree.unread(TECHNICAL)
    return Document(lines=lines.lines, format=EXPORT, encoding=root.getroottree().docinfo.encoding, outline=outline)


def _party(tree: ExportTree, person: Element) -> str | None:
    """The party letter: the list letter where it is one, else the party's name looked up."""
    letter = tree.text(person, "PoliticalPartyList")
    if letter and letter in party_letters():
        return letter
    return parties().get(fold(tree.text(person, "PoliticalParty") or ""))


def _participant(tree: ExportTree, person: Element) -> OutlinePerson | None:
    name = tree.text(person, "Name")
    if not name:
        return None
    return OutlinePerson(name=name, party=_party(tree, person), role=tree.text(person, "RoleInMeeting"),
                         present=export_flag(tree.text(person, "Participate")))


def _item(tree: ExportTree, lines: LineBuilder, element: Element) -> OutlineItem:
    handling = tree.find(element, "HandlingItem")
    number = tree.text(handling, "SerialNo") or tree.text(element, "SortOrder")
    title = tree.text(handling, "Title")
    lines.blank()
    first = lines.line(f"{number}. {title}" if number and title else title or number or "")
    item = OutlineItem(number=number, title=title, case_number=tree.text(handling, "CaseNumber"),
                       public=export_flag(tree.text(element, "AccessIsPublic")), first=first, last=first)
    for presentation in tree.findall(handling, "CasePresentations/CasePresentation") if handling is not None else []:
        caption = tree.text(presentation, "Title")
        if not caption:
            continue
        lines.blank()
        section = lines.section(caption, tree.text(presentation, "Content"), markup=True)
        if export_flag(tree.text(presentation, "IsDecision")):
            section.key = "decision"
        item.sections.append(section)
    attachments = tree.findall(handling, "Attachments/Attachment") if handling is not None else []
    item.attachments = [name for name in (tree.text(a, "Title") for a in attachments) if name]
    lines.attachments_section(item)
    item.last = len(lines) - 1
    return item
