"""The trace says which rule decided each line and field (referat show --trace)."""

from pathlib import Path

from typer.testing import CliRunner

from referat_parser import trace_file
from referat_parser.cli import app

MINUTES = """Økonomiudvalget
Referat fra mødet den 3. maj 2021 kl. 16.00
Mødested: Byrådssalen

1. Godkendelse af dagsorden
Sagsnr.: 21/1234
Bilag
1. Notat om budget
2. Oversigt over anlæg
Beslutning
Godkendt.

2. Budgetopfølgning
Sagsnr.: 21/5678
Beslutning
Taget til efterretning.
"""


def _trace(tmp_path: Path):
    path = tmp_path / "referat.txt"
    path.write_text(MINUTES, encoding="utf-8")
    return trace_file(path)


def test_every_line_names_the_rule_that_classified_it(tmp_path):
    trace = _trace(tmp_path)
    by_text = {line.text: line for line in trace.lines}
    assert by_text["Beslutning"].rule == "heading:vocabulary (decision)"
    assert by_text["Sagsnr.: 21/1234"].rule == "field"
    assert by_text["2. Budgetopfølgning"].rule == "item_dotted"
    assert all(line.rule for line in trace.lines)


def test_boundary_rules_tell_items_from_lists_inside_them(tmp_path):
    by_text = {line.text: line for line in _trace(tmp_path).lines}
    assert by_text["1. Godkendelse af dagsorden"].boundary == "item starts (first_item)"
    assert by_text["2. Budgetopfølgning"].boundary == "item starts (next_item)"
    # "1. Notat ..." restarts the numbering inside the item: a list, not items.
    assert by_text["1. Notat om budget"].boundary == "list_inside_item"
    assert by_text["2. Oversigt over anlæg"].boundary == "list_continues"


def test_fields_name_their_rules(tmp_path):
    fields = {entry.field: entry for entry in _trace(tmp_path).fields}
    assert (fields["header.location"].value, fields["header.location"].rule) == ("Byrådssalen", "location_label")
    assert fields["header.date"].rule == "first_date"
    assert fields["date"].rule == "header:first_date"
    assert fields["kind"].value == "minutes"


def test_show_trace_prints_the_rules(tmp_path):
    path = tmp_path / "referat.txt"
    path.write_text(MINUTES, encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(path), "--trace"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "list_inside_item" in result.output
    assert "location_label" in result.output
