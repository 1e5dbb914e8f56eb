"""A terminal view of one meeting: header, participants, a table of items, or one item's sections.

Works on any output of the parser, including one whose fields are still mostly empty."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import Item, Meeting
    from .trace import Trace


class ItemNotFound(LookupError):
    pass


def load_meeting(path: Path) -> Meeting:
    """A JSON output (validated against the model) or a minutes file (parsed now)."""
    from .api import parse_file
    from .models import Meeting

    if path.suffix.lower() != ".json":
        return parse_file(path)
    from pydantic import ValidationError

    from .errors import ReferatError
    from .validate import describe

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReferatError("not_found", "no such file", str(path)) from None
    except PermissionError:
        raise ReferatError("permission_denied", "permission denied", str(path)) from None
    except OSError as exc:
        raise ReferatError("unreadable", f"cannot read file ({exc.strerror or exc})", str(path)) from None
    try:
        return Meeting.model_validate_json(data)
    except ValidationError as exc:
        raise ReferatError("invalid_output", f"not a valid referat output: {describe(exc)}", str(path)) from None


def find_item(meeting: Meeting, key: str) -> Item:
    """The item numbered ``key`` as printed ("3", "12.1", "3."), else the item at 1-based position."""
    wanted = key.strip().rstrip(".")
    for item in meeting.items:
        if item.number is not None and item.number.strip().rstrip(".") == wanted:
            return item
    if wanted.isdigit() and 1 <= int(wanted) <= len(meeting.items):
        return meeting.items[int(wanted) - 1]
    raise ItemNotFound(f"no item {key} (the meeting has {len(meeting.items)} items)")


def _dash(value: Any) -> str:
    return "—" if value in (None, "", []) else str(value)


def header(meeting: Meeting) -> Any:
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    time = meeting.start_time and (meeting.start_time + (f"–{meeting.end_time}" if meeting.end_time else ""))
    for label, value in (("municipality", meeting.municipality), ("committee", meeting.committee),
                         ("date", meeting.date), ("time", time), ("location", meeting.location),
                         ("kind", meeting.kind), ("source", meeting.source.path)):
        grid.add_row(label, _dash(value))
    present = [p for p in meeting.participants if p.present is not False]
    absent = [p for p in meeting.participants if p.present is False]
    grid.add_row("participants", _dash(", ".join(_person(p) for p in present)))
    grid.add_row("absent", _dash(", ".join(_person(p) for p in absent)))
    if meeting.warnings:
        grid.add_row("warnings", "; ".join(f"{w.code}: {w.message}" for w in meeting.warnings[:5])
                     + (f" (+{len(meeting.warnings) - 5} more)" if len(meeting.warnings) > 5 else ""))
    return grid


def _person(person: Any) -> str:
    text = person.name
    if person.party:
        text += f" ({person.party})"
    if person.role:
        text += f", {person.role}"
    return text


def dissent_parties(item: Item) -> list[str]:
    parties: list[str] = []
    if item.decision is not None:
        for dissent in item.decision.dissents:
            if dissent.party and dissent.party not in parties:
                parties.append(dissent.party)
    return parties


def items_table(meeting: Meeting) -> Any:
    from rich.table import Table

    table = Table(title=f"{len(meeting.items)} items", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("title")
    table.add_column("outcome")
    table.add_column("dissent")
    for item in meeting.items:
        outcome = item.decision.outcome if item.decision is not None else None
        number = item.number or f"({item.order + 1})"  # the position when no number was printed
        table.add_row(number, _dash(item.title), _dash(outcome), _dash(", ".join(dissent_parties(item))))
    return table


def item_view(item: Item) -> list[Any]:
    from rich.panel import Panel
    from rich.text import Text

    parts: list[Any] = []
    title = f"{item.number or item.order + 1}. {item.title or '(no title)'}"
    meta = [f"{label}: {value}" for label, value in (("case", item.case_number), ("document", item.document_number),
                                                      ("competence", item.competence)) if value]
    parts.append(Text(title, style="bold"))
    if meta:
        parts.append(Text("  ".join(meta), style="dim"))
    for section in item.sections:
        parts.append(Panel(Text(section.text), title=section.heading, title_align="left"))
    if item.decision is not None:
        decision = item.decision
        lines = [f"outcome: {_dash(decision.outcome)}"]
        if decision.dissents:
            lines.append("dissent: " + "; ".join(d.party or d.name or d.text for d in decision.dissents))
        if not any(s.key == "decision" for s in item.sections) and decision.text:
            lines.append(decision.text)
        parts.append(Panel(Text("\n".join(lines)), title="decision", title_align="left"))
    if not item.sections and item.decision is None:
        parts.append(Text("(no sections found)", style="dim"))
    return parts


def render(meeting: Meeting, *, item: str | None = None, console: Any = None) -> None:
    """Print the meeting (or one item) to ``console`` (default: stdout)."""
    from rich.console import Console

    console = console or Console()
    if item is not None:
        for part in item_view(find_item(meeting, item)):
            console.print(part)
        return
    console.print(header(meeting))
    console.print(items_table(meeting))


TRACE_TEXT_WIDTH = 60  # characters of each line's text shown beside its rules


def render_trace(trace: Trace, *, console: Any = None) -> None:
    """Print a parse trace: the fields with the rules that found them, then every non-blank line with
    the rule that classified it and the boundary rule that decided about it."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    fields = Table(title="Fields", show_lines=False)
    for column in ("field", "value", "rule"):
        fields.add_column(column)
    for entry in trace.fields:
        fields.add_row(entry.field, _dash(entry.value), entry.rule)
    console.print(fields)
    lines = Table(title="Lines")
    for column in ("#", "page", "kind", "rule", "boundary", "text"):
        lines.add_column(column, overflow="fold")
    for line in trace.lines:
        if line.kind == "blank":
            continue
        text = line.text if len(line.text) <= TRACE_TEXT_WIDTH else line.text[: TRACE_TEXT_WIDTH - 1] + "…"
        lines.add_row(str(line.index), _dash(line.page), line.kind, line.rule, _dash(line.boundary), text)
    console.print(lines)
