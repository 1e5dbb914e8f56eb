"""The rules of each export family's reader, each shown by a small export written for the test
(invented meetings and names). The golden fixtures in fixtures/xml/ show whole meetings."""

from referat_parser import parse_bytes
from referat_parser.read import read_bytes


def dropped(meeting) -> str:
    return " ".join(w.message for w in meeting.warnings if w.code == "export_fields_dropped")


# --- SBSYS -------------------------------------------------------------------------------------------

def sbsys(fields: str, settings: str = "", items_extra: str = "") -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Publication>{settings}<Agendas><Agenda>
  <Meeting><When>14-05-2024 17:00:00</When><Where>Byrådssalen</Where>
    <Members><MeetingMember><Name>Hanne Jensen (A)</Name>
      <ParticipationStatusAsText>NotParticipating</ParticipationStatusAsText></MeetingMember></Members></Meeting>
  <Committee><Name>Byrådet</Name></Committee>
  <Items><Item><Caption>Lokalplan for Nørregade</Caption><Number>7</Number><IsPublic>False</IsPublic>
    <Case><Number>01.02.05-P16-1-24</Number></Case><Fields>{fields}</Fields></Item>{items_extra}</Items>
</Agenda></Agendas></Publication>""".encode()


def field(caption: str, content: str, index: int | str, feedback: bool = False, kind: str = "Html") -> str:
    return (f"<ItemField><Caption>{caption}</Caption><Content><![CDATA[{content}]]></Content><Index>{index}</Index>"
            f"<FieldTypeAsEnum>{kind}</FieldTypeAsEnum><IsFeedback>{feedback}</IsFeedback></ItemField>")


SBSYS_FIELDS = (field("Beslutning", "", 3, feedback=True) + field("Sagsfremstilling", "<p>Planen er i høring.</p>", 1)
                + field("Økonomi", "", 2))


def test_sbsys_empty_fields_follow_the_exports_settings():
    hidden = parse_bytes(sbsys(SBSYS_FIELDS)).items[0]
    assert [s.heading for s in hidden.sections] == ["Sagsfremstilling"]  # no settings: empty fields are not shown
    settings = ("<GeneratorSettings><ShowEmptyFields>False</ShowEmptyFields>"
                "<ShowEmptyFeedbackFields>True</ShowEmptyFeedbackFields></GeneratorSettings>")
    shown = parse_bytes(sbsys(SBSYS_FIELDS, settings)).items[0]
    assert [s.heading for s in shown.sections] == ["Sagsfremstilling", "Beslutning"]  # in Index order


def test_sbsys_item_and_members():
    meeting = parse_bytes(sbsys(SBSYS_FIELDS))
    item = meeting.items[0]
    assert (item.number, item.title, item.case_number, item.public) == (
        "7", "Lokalplan for Nørregade", "01.02.05-P16-1-24", False)
    assert (meeting.committee, meeting.date, meeting.start_time, meeting.location) == (
        "Byrådet", "2024-05-14", "17:00", "Byrådssalen")
    assert [(p.name, p.party, p.present) for p in meeting.participants] == [("Hanne Jensen", "A", False)]


def test_sbsys_plain_text_fields_are_not_markup():
    fields = field("Tidligere behandling", "Byrådet 2. april 2024 <5 dage før fristen>", 1, kind="Multiline")
    item = parse_bytes(sbsys(fields)).items[0]
    assert item.sections[0].text == "Byrådet 2. april 2024 <5 dage før fristen>"


def test_sbsys_whole_minutes_appendix_is_no_item():
    appendix = ('<Item ID="00000000-0000-0000-0000-000000000000_Public_case_X"><Caption>Åbent referat</Caption>'
                "<Number>0</Number><Fields/></Item>")
    meeting = parse_bytes(sbsys(SBSYS_FIELDS, items_extra=appendix))
    assert [i.title for i in meeting.items] == ["Lokalplan for Nørregade"]
    assert "Åbent referat" in dropped(meeting)


# --- Acadre ------------------------------------------------------------------------------------------

def acadre_field(name: str, value: str) -> str:
    return f'<field name="{name}">{value}</field>'


def bullet(name: str, content: str, order: int) -> str:
    return (f'<table name="bullet"><fields>{acadre_field("bulletname", name)}{acadre_field("bulletcontent", content)}'
            f'{acadre_field("bulletsortorder", str(order))}</fields></table>')


ACADRE = f"""<?xml version="1.0"?><root><table name="agenda"><fields>{acadre_field("name", "Referat")}</fields>
<table name="committee"><fields>{acadre_field("name", "Børneudvalget")}</fields></table>
<table name="meeting"><fields>{acadre_field("date", "2024-06-11 15:00")}{acadre_field("location", "Mødelokale A")}
{acadre_field("address", "Torvet 2&lt;br&gt;8500 Grenaa")}</fields>
<table name="meetmember"><table name="member"><fields>{acadre_field("name", "Ole  Berg (V)")}{acadre_field("absent", "1")}
</fields></table></table></table>
<table name="agendaitemparents"><fields>{acadre_field("sort", "212")}</fields><table name="agendaitem"><fields>
{acadre_field("name", "Dagtilbudsstruktur")}{acadre_field("caseno", "24/5001")}{acadre_field("accessname", "Åben")}
{acadre_field("caseofficername", "Bo Sagsbehandler")}</fields>
{bullet("Sagsfremstilling", "&lt;p&gt;Tre modeller.&lt;/p&gt;", 1)}{bullet("Lovgrundlag", "", 2)}{bullet("Bilag", "", 3)}
{bullet("Beslutning i Børneudvalget den 11-06-2024", "&lt;p&gt;Godkendt.&lt;/p&gt;", 4)}
<table name="enclosure"><fields>{acadre_field("name", "Kort over dagtilbud")}</fields></table>
</table></table></table></root>"""


def test_acadre_bullets_and_enclosures():
    meeting = parse_bytes(ACADRE.encode())
    item = meeting.items[0]
    assert (item.number, item.title, item.case_number, item.public) == ("212", "Dagtilbudsstruktur", "24/5001", True)
    # The empty bullet is not printed; the attachments bullet lists the enclosures.
    assert [(s.heading, s.text) for s in item.sections] == [
        ("Sagsfremstilling", "Tre modeller."), ("Bilag", "Kort over dagtilbud"),
        ("Beslutning i Børneudvalget den 11-06-2024", "Godkendt.")]
    assert (item.decision.text, item.decision.outcome) == ("Godkendt.", "approved")
    assert meeting.kind == "minutes"  # an export is a meeting, though it has one item


def test_acadre_meeting():
    meeting = parse_bytes(ACADRE.encode())
    assert meeting.location == "Mødelokale A, Torvet 2, 8500 Grenaa"
    assert [(p.name, p.party, p.present) for p in meeting.participants] == [("Ole Berg", "V", False)]
    assert "agendaitem/caseofficername" in dropped(meeting)


# --- eDoc/Fujitsu --------------------------------------------------------------------------------------

def fujitsu(presentations: str, participants: str = "", attachments: str = "") -> bytes:
    return f"""<Root xmlns:edoc="http://www.fujitsu.dk/agenda/xml/schemas/2009/03/31/"><edoc:Committee>
<edoc:Name>Kulturudvalget</edoc:Name><edoc:Meeting><edoc:MeetingDateTime>12-09-2024 19:00</edoc:MeetingDateTime>
<edoc:MeetingLocation>Kulturhuset</edoc:MeetingLocation><edoc:MeetingParticipants>{participants}</edoc:MeetingParticipants>
<edoc:Agenda><edoc:AgendaElements><edoc:AgendaElement><edoc:AccessIsPublic>true</edoc:AccessIsPublic>
<edoc:SortOrder>1</edoc:SortOrder><edoc:HandlingItem><edoc:SerialNo>4</edoc:SerialNo><edoc:Title>Musikskolens takster</edoc:Title>
<edoc:CaseNumber>2024-000777</edoc:CaseNumber><edoc:CasePresentations>{presentations}</edoc:CasePresentations>
<edoc:Attachments>{attachments}</edoc:Attachments></edoc:HandlingItem></edoc:AgendaElement></edoc:AgendaElements>
</edoc:Agenda></edoc:Meeting></edoc:Committee></Root>""".encode()


def presentation(title: str, content: str, decision: bool = False) -> str:
    return (f"<edoc:CasePresentation><edoc:Title>{title}</edoc:Title><edoc:Content>{content}</edoc:Content>"
            f"<edoc:IsDecision>{str(decision).lower()}</edoc:IsDecision></edoc:CasePresentation>")


def participant(name: str, party: str, party_list: str, participates: str, role: str = "Medlem") -> str:
    return (f"<edoc:MeetingParticipant><edoc:Name>{name}</edoc:Name><edoc:RoleInMeeting>{role}</edoc:RoleInMeeting>"
            f"<edoc:Participate>{participates}</edoc:Participate><edoc:PoliticalParty>{party}</edoc:PoliticalParty>"
            f"<edoc:PoliticalPartyList>{party_list}</edoc:PoliticalPartyList></edoc:MeetingParticipant>")


def test_fujitsu_presentations_and_decision_field():
    doc = fujitsu(presentation("Sagsbeskrivelse", "Taksterne stiger.") + presentation("Høring", "")
                  + presentation("Udvalgets stillingtagen", "Godkendt.", decision=True),
                  attachments="<edoc:Attachment><edoc:Title>Takstblad.pdf</edoc:Title></edoc:Attachment>")
    item = parse_bytes(doc).items[0]
    assert (item.number, item.title, item.case_number, item.public) == ("4", "Musikskolens takster", "2024-000777", True)
    # Empty presentations show; the export's decision flag makes the field the decision.
    assert [(s.key, s.heading) for s in item.sections] == [
        ("presentation", "Sagsbeskrivelse"), ("hearing", "Høring"), ("decision", "Udvalgets stillingtagen"),
        ("attachments", "Bilag")]
    assert (item.decision.text, item.decision.outcome) == ("Godkendt.", "approved")
    assert item.attachments == ["Takstblad.pdf"]


def test_fujitsu_participants():
    people = (participant("Eva  Lund", "Socialdemokratiet", "A", "true", role="Formand")
              + participant("Jens Holm", "Venstre", "Venstre, Danmarks Liberale Parti", "false")
              + participant("Lise Bro", "Musikskolens forældreråd", "Musikskolens forældreråd", "true"))
    meeting = parse_bytes(fujitsu(presentation("Sagsbeskrivelse", "Tekst."), participants=people))
    assert [(p.name, p.party, p.role, p.present) for p in meeting.participants] == [
        ("Eva Lund", "A", "formand", True), ("Jens Holm", "V", None, False), ("Lise Bro", None, None, True)]


def test_a_fields_lines_are_its_caption_and_its_rendered_text():
    doc = read_bytes(fujitsu(presentation("Sagsbeskrivelse", "&lt;p&gt;Første afsnit.&lt;br /&gt;Anden linje.&lt;/p&gt;"
                                                             "&lt;p&gt;Andet afsnit.&lt;/p&gt;")))
    assert doc.outline is not None
    section = doc.outline.items[0].sections[0]
    assert [line.text for line in doc.lines[section.first: section.last + 1]] == [
        "Sagsbeskrivelse", "Første afsnit.", "Anden linje.", "Andet afsnit."]


def test_damaged_exports_are_read_without_a_traceback():
    # A sort order that is not a number sorts last; a prefix nobody bound (a damaged file) is ignored.
    fields = field("Beslutning", "<p>Godkendt.</p>", "x") + field("Sagsfremstilling", "<p>Tekst.</p>", 1)
    item = parse_bytes(sbsys(fields)).items[0]
    assert [s.heading for s in item.sections] == ["Sagsfremstilling", "Beslutning"]
    damaged = fujitsu(presentation("Sagsbeskrivelse", "Tekst.")).replace(b"<edoc:Title>Musik", b"<eoc:Title>Musik")
    meeting = parse_bytes(damaged)
    assert [w.code for w in meeting.warnings if w.code == "xml_repaired"] == ["xml_repaired"]
    assert [s.heading for s in meeting.items[0].sections] == ["Sagsbeskrivelse"]
