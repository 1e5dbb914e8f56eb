from pathlib import Path

from referat_parser import parse_file

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_parse_file_returns_source_hash():
    meeting = parse_file(FIXTURES / "000_825b12544cf79305.txt")
    assert meeting.source.format == "text"
    assert len(meeting.source.sha256) == 64
