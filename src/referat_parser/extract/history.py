"""A case's history ("Sagsforløb", "Sagens forløb"): the earlier meetings that treated it, each entry
one consultation (body, date, item number, decision text). Nothing in a history is this meeting's
decision or absence, even an entry of the same body and date."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..drafts import DecisionDraft
from ..lexicon import patterns as P
from ..lexicon.bodies import looks_like_body
from ..lexicon.dates import iter_dates


@dataclass
class HistoryEntry:
    """One earlier meeting of the history: its body, date and item number, and the positions (in the
    section's texts) of its decision's lines."""

    body: str | None = None
    date: str | None = None
    number: str | None = None
    lines: list[int] = field(default_factory=list)
    first: int = 0  # position of the entry's first line (its label or date line)

    @property
    def has_text(self) -> bool:
        return bool(self.lines)


def _entry_line(text: str) -> tuple[str, str] | None:
    """'25-03-2019 Magistraten': a new entry's date and body."""
    match = P.body_date_line.match(text)
    if match is None or not match["date2"] or not looks_like_body(match["body2"].strip(" :")):
        return None
    return match["date2"], match["body2"].strip(" :")


def _first_date(text: str) -> str | None:
    return next((iso for iso, _, _ in iter_dates(text)), None)


def history_entries(texts: list[str]) -> list[HistoryEntry]:
    """The entries of a history section whose lines are ``texts`` (the text glued to the heading first)."""
    entries: list[HistoryEntry] = []

    def current(position: int, starts: bool) -> HistoryEntry:
        if starts or not entries:
            entries.append(HistoryEntry(first=position))
        return entries[-1]

    for position, text in enumerate(texts):
        dated = _entry_line(text)
        if dated is not None:
            entry = current(position, True)
            entry.date, entry.body = _first_date(dated[0]), dated[1]
            continue
        body = P.history_body_label.match(text)
        date = P.history_date_label.match(text)
        number = P.history_number_label.match(text)
        if body:
            # "Udvalg:" opens an entry unless the open one has only its labels so far.
            entry = current(position, bool(entries) and (entries[-1].has_text or entries[-1].body is not None))
            entry.body = body["value"].strip()
        elif date and _first_date(date["value"]):
            entry = current(position, bool(entries) and (entries[-1].has_text or entries[-1].date is not None))
            entry.date = _first_date(date["value"])
        elif number:
            current(position, bool(entries) and entries[-1].has_text).number = number["value"]
        elif entries:
            entries[-1].lines.append(position)
    return entries


def as_consultation(entry: HistoryEntry, draft: DecisionDraft) -> DecisionDraft:
    """The entry's decision (read like any decision's lines) as a consultation of its meeting."""
    draft.body, draft.date = entry.body or draft.body, entry.date
    draft.item_number = entry.number
    draft.quoted = draft.history = True
    return draft
