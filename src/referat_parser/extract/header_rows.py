"""A header table transcribed row by row: a row of labels, then a row of their values
('Mødedato  Mødetid  Mødested' / '20.09.2022  17:00 - 20:35  Byrådssalen, Rådhusvej 2'), and an absence
column beside a substitutes' column ('Fraværende  Stedfortræder' / 'Anne Hansen (A)  Bo Holm (A)').
The column gaps are lost in text, so a value row is cut by the kinds of its values: a date, a clock
time, and at most one text value, the last. The rows are rewritten as 'Label: value' lines, which the
header rules read as usual."""

from __future__ import annotations

from ..lexicon import patterns as P
from ..lexicon.dates import iter_dates

DATE_LEAD_MAX = 20  # characters before a date in its cell ('Tirsdag den ')


def label_rows(lines: list[str], title_at: int) -> tuple[list[str], int]:
    """``lines`` with each label row and its value row (or rows of names) rewritten; ``title_at``
    moved by the lines added before it."""
    out: list[str] = []
    index = 0
    moved = title_at
    while index < len(lines):
        rewritten, used = _rewrite(lines, index)
        if rewritten is None:
            out.append(lines[index])
            index += 1
            continue
        if index < title_at:
            moved += len(rewritten) - used
        out.extend(rewritten)
        index += used
    return out, moved


def _rewrite(lines: list[str], index: int) -> tuple[list[str] | None, int]:
    line = lines[index]
    if index + 1 >= len(lines) or not lines[index + 1]:
        return None, 1
    absence = P.absence_substitute_row.match(line)
    if absence is not None:
        return _name_columns(lines, index, absence["absence"], absence["substitute"])
    if not P.label_row.match(line):
        return None, 1
    cells = _value_cells([m.group() for m in P.label_in_row.finditer(line)], lines[index + 1])
    return (cells, 2) if cells else (None, 1)


def _value_cells(labels: list[str], values: str) -> list[str] | None:
    """'Label: value' per label, the values cut from ``values`` by kind; None when they do not fit."""
    if len(labels) < 2:
        return None
    out = []
    rest = values.strip()
    for position, label in enumerate(labels):
        value, rest = _take(label, rest, last=position == len(labels) - 1)
        if value is None:
            return None
        out.append(f"{label}: {value}")
    return out if not rest else None


def _take(label: str, text: str, *, last: bool) -> tuple[str | None, str]:
    """The value of ``label`` at the start of ``text``, and the text after it. Some labels name a date
    or a time ('Mødetid' prints either), so a date is tried, then a time."""
    timed = False
    if P.date_label_alone.match(label):
        timed = True
        first = next(iter_dates(text), None)
        if first is not None and first[1] <= DATE_LEAD_MAX:
            return text[: first[2]].strip(), text[first[2]:].strip()
    if P.time_label_alone.match(label) or P.end_label_alone.match(label):
        timed = True
        match = P.time_cell.match(text)
        if match:
            return match.group(), text[match.end():].strip()
    return (text, "") if last and text and not timed else (None, text)


def _name_columns(lines: list[str], index: int, absence: str, substitute: str) -> tuple[list[str], int]:
    """'Fraværende  Stedfortræder' / 'Anne Hansen (A)  Bo Holm (A)' / 'Carl Berg (V)  -': the first
    entry of each row is absent, the second came in that member's place."""
    absent: list[str] = []
    came: list[tuple[str, str]] = []
    used = 1
    for row in lines[index + 1:]:
        entries = P.entry_after_party.split(P.empty_cell.sub("", row).strip())
        if not row or not P.named_with_party.match(entries[0]):
            break
        absent.append(entries[0])
        came.extend((entry, entries[0]) for entry in entries[1:2])
        used += 1
    if not absent:
        return [lines[index]], 1
    out = [f"{absence}: {', '.join(absent)}"]
    word = "suppleant" if substitute.casefold().startswith("suppleant") else "stedfortræder"
    out += [f"{name} {word} for {P.trailing_bracket.sub('', member)}" for name, member in came]
    return out, used
