"""docs/cli.md is generated from --help; this keeps it current."""

from pathlib import Path

from referat_parser.clidoc import generate

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def test_cli_reference_is_current():
    """If this fails: python -m referat_parser.clidoc > docs/cli.md"""
    assert DOC.read_text(encoding="utf-8") == generate()
