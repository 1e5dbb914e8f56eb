"""Reading XML exports: sniffing by content, tolerance of what real exports contain (invalid
character references, byte-order marks, UTF-16, namespaces, damage), safety (no entity expansion,
no external entities), and a clear one-line error for XML that is not a meeting export.
Snippets written for these tests (invented meetings and names)."""

import codecs
from pathlib import Path
from xml.etree import ElementTree

import pytest

from referat_parser import parse_bytes, parse_file
from referat_parser.errors import CODES, READER_WARNING_CODES, ReferatError
from referat_parser.lexicon.data import exports
from referat_parser.lexicon.headings import match_heading
from referat_parser.outline import _participant
from referat_parser.read import read_bytes, sniff_format
from referat_parser.read.document import OutlinePerson
from referat_parser.read.xml_lines import LineBuilder, public_from_words
from referat_parser.read.xml_tree import drop_invalid_characters, parse_stamp

EDOC = """<?xml version="1.0"?>
<Meeting>
  <Committee>Børne- og Skoleudvalget</Committee>
  <MeetingDate>03-10-2023 15:30:00</MeetingDate>
  <MeetingAgendaTypes>
    <MeetingAgendaType>
      <AgendaType>Åben dagsorden</AgendaType>
      <MeetingAgendaItems>
        <MeetingAgendaItem>
          <AgendaItemNumber>1</AgendaItemNumber>
          <Document><Title>Skolestruktur</Title></Document>
          <FullText>1.\tSkolestruktur

Sagsfremstilling
Forvaltningen har undersøgt tre modeller.{ref}Side to af sagen.

Udvalgets beslutning
Godkendt.
</FullText>
        </MeetingAgendaItem>
      </MeetingAgendaItems>
    </MeetingAgendaType>
  </MeetingAgendaTypes>
</Meeting>
"""


def edoc(ref: str = "") -> bytes:
    return EDOC.replace("{ref}", ref).encode("utf-8")


@pytest.mark.parametrize(("data", "kind"), [
    (b'<?xml version="1.0"?><Meeting/>', "xml"),
    (codecs.BOM_UTF8 + b'\r\n <?xml version="1.0" encoding="utf-8"?>\n<Publication/>', "xml"),
    (b'<Root xmlns:edoc="urn:x"><edoc:Committee/></Root>', "xml"),  # no declaration, a namespaced export
    (b'<?xml version="1.0"?>\n<!-- export -->\n<!DOCTYPE Meeting>\n<Meeting/>', "xml"),
    ("<?xml version='1.0'?><Meeting/>".encode("utf-16"), "xml"),
    (b'<html lang="da"><body>Referat</body></html>', "html"),  # a web page
    (codecs.BOM_UTF8 + b'<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', "html"),
    (b'<?xml version="1.0"?><!DOCTYPE html><html><body/></html>', "html"),  # XHTML with a declaration
    (b"<p>Godkendt.</p>", "text"),  # an HTML fragment
    ("Referat\n<Udvalget> mødtes.\n".encode(), "text"),
    (b"%PDF-1.7\n", "pdf"),
])
def test_sniff_by_content(data, kind):
    assert sniff_format(data) == kind


def test_an_xml_export_is_read_whatever_the_file_is_called(tmp_path: Path):
    path = tmp_path / "referat.txt"
    path.write_bytes(edoc())
    meeting = parse_file(path)
    assert meeting.source.format == "xml-edoc"
    assert [(i.number, i.title) for i in meeting.items] == [("1", "Skolestruktur")]


def test_invalid_character_references_are_dropped_with_a_warning():
    with pytest.raises(ElementTree.ParseError):  # a strict parser rejects the form feed
        ElementTree.fromstring(edoc("&#xC;"))
    meeting = parse_bytes(edoc("&#xC;"))
    assert [w.code for w in meeting.warnings if w.code in READER_WARNING_CODES] == ["invalid_xml_characters"]
    presentation = meeting.items[0].sections[0]
    assert presentation.text == "Forvaltningen har undersøgt tre modeller.\nSide to af sagen."  # the page break is a line break
    assert meeting.items[0].decision.text == "Godkendt."


def test_drop_invalid_characters():
    data, dropped = drop_invalid_characters(b"a&#xC;b&#12;c&#x1;d&#x41;e&#233;f\x0bg")
    assert (data, dropped) == (b"a&#10;b&#10;cd&#x41;e&#233;fg", 4)


def test_byte_order_mark_and_utf16():
    for data in (codecs.BOM_UTF8 + edoc(), EDOC.replace("{ref}", "").encode("utf-16")):
        meeting = parse_bytes(data)
        assert (meeting.committee, meeting.date, meeting.start_time) == ("Børne- og Skoleudvalget", "2023-10-03", "15:30")


def test_unknown_xml_is_a_one_line_error():
    with pytest.raises(ReferatError) as info:
        parse_bytes(b'<?xml version="1.0"?><catalog><book id="1">Titel</book></catalog>', path="in/bog.xml")
    assert info.value.code == "unknown_xml" and info.value.code in CODES
    assert str(info.value) == "in/bog.xml: not a meeting export we know (root element catalog)"


def test_unknown_xml_names_its_namespace():
    with pytest.raises(ReferatError) as info:
        read_bytes(b'<?xml version="1.0"?><x:feed xmlns:x="urn:example:feed"><x:entry/></x:feed>')
    assert info.value.message == "not a meeting export we know (root element feed in namespace urn:example:feed)"


def test_damaged_xml_is_read_as_far_as_it_goes():
    cut = EDOC.replace("{ref}", "").split("Udvalgets beslutning")[0].encode()  # a truncated download
    meeting = parse_bytes(cut)
    assert [w.code for w in meeting.warnings if w.code == "xml_repaired"] == ["xml_repaired"]
    assert [i.title for i in meeting.items] == ["Skolestruktur"]


def test_xml_without_a_root_is_a_one_line_error():
    with pytest.raises(ReferatError) as info:
        read_bytes(b'<?xml version="1.0"?>\n<')
    assert info.value.code == "bad_xml" and "\n" not in info.value.message


LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE Meeting [
  <!ENTITY a "hahahahahahahahahaha">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
  <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
  <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
  <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
]>
<Meeting><MeetingAgendaTypes/><Committee>Udvalget &h;</Committee></Meeting>
"""


def test_entities_are_never_expanded():
    doc = read_bytes(LAUGHS.encode())  # expanded, &h; alone would be 2 GB of text
    assert doc.outline is not None
    committee = doc.outline.committee or ""
    assert committee.startswith("Udvalget") and len(committee) < 100


def test_external_entities_are_never_read(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPHEMMELIG", encoding="utf-8")
    data = (f'<?xml version="1.0"?>\n<!DOCTYPE Meeting [<!ENTITY s SYSTEM "{secret.as_uri()}">]>\n'
            "<Meeting><MeetingAgendaTypes/><Committee>Udvalget &s;</Committee></Meeting>").encode()
    doc = read_bytes(data)
    assert doc.outline is not None and "TOPHEMMELIG" not in (doc.outline.committee or "")
    assert all("TOPHEMMELIG" not in line.text for line in doc.lines)


@pytest.mark.parametrize(("value", "expected"), [
    ("04-12-2012 13:00:00", ("2012-12-04", "13:00")),
    ("2013-06-20 10:30", ("2013-06-20", "10:30")),
    ("02-05-2017 10:00", ("2017-05-02", "10:00")),
    ("2017-10-12T11:54:45.4878045+02:00", ("2017-10-12", "11:54")),
    ("01-01-2010 00:00", ("2010-01-01", None)),  # a date entered without a time
    ("i morgen", (None, None)),
    (None, (None, None)),
])
def test_parse_stamp(value, expected):
    assert parse_stamp(value) == expected


EXPORT_WORDS = exports()


@pytest.mark.parametrize("word", EXPORT_WORDS["open_words"])
def test_every_open_word_makes_items_public(word):
    assert public_from_words(f"{word} dagsorden") is True
    assert public_from_words(f"{word.upper()} dagsorden") is True


@pytest.mark.parametrize("word", EXPORT_WORDS["closed_words"])
def test_every_closed_word_makes_items_closed(word):
    assert public_from_words(f"{word} dagsorden") is False


@pytest.mark.parametrize("placeholder", EXPORT_WORDS["empty_placeholders"])
def test_every_empty_placeholder_empties_a_field(placeholder):
    lines = LineBuilder()
    assert lines.content(placeholder) is None and len(lines) == 0
    assert lines.content(f"{placeholder} for nu, men udfyldes senere.") == 0  # text that only starts so is kept


@pytest.mark.parametrize("role", EXPORT_WORDS["plain_roles"])
def test_every_plain_role_is_no_role(role):
    assert _participant(OutlinePerson("Hanne Jensen (A)", role=role)).role is None
    assert _participant(OutlinePerson("Hanne Jensen (A)", role="Formand")).role == "formand"


def test_the_attachments_caption_is_an_attachments_heading():
    heading = match_heading(EXPORT_WORDS["attachments_caption"])
    assert heading is not None and heading.key == "attachments"
