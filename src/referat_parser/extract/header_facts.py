"""What the header and attendance rules ask about a header line, worked out at most once per header.

The field rules (header.HEADER_RULES), the meeting signs and the attendance rules (ATTENDANCE_RULES)
each walk the same twenty-odd header lines and used to ask the same questions again: the line's
dates and times, the part before a publication stamp or an end label, its lower case for the gates,
whether an absence or member-list label starts it. A Line answers each question the first time a
rule asks it and keeps the answer; the lines of one header share one table (Facts), so the same
text (the part of a line before a stamp, a line the attendance rules read again) is read once too.
Every answer is the pattern's or function's own, so the rules decide exactly as before.
"""

from __future__ import annotations

import re

from ..lexicon import gates as G
from ..lexicon import patterns as P
from ..lexicon.dates import CACHED_TEXT, iter_dates, iter_times
from ..lexicon.titles import is_meeting_line, meeting_line_from
from .memo import memo


class Line:
    """One header line's facts; each is worked out on first use (memo) and kept."""

    def __init__(self, text: str, table: Facts) -> None:
        self.text = text
        self.low = G.lowered(text)  # what the gates compare their words with
        self._table = table

    @memo
    def dates(self) -> tuple[tuple[str, int, int], ...]:
        """Every date of the line as (ISO date, start, end)."""
        return tuple(iter_dates(self.text))

    @memo
    def times(self) -> tuple[tuple[str, int, int], ...]:
        """Every clock time of the line as ("HH:MM", start, end)."""
        return tuple(iter_times(self.text))

    @memo
    def before_stamp(self) -> Line:
        """The part of the line before a publication stamp ('Publiceret 24. nov. 2023 kl. 06.00')."""
        match = G.publication_stamp.search_lower(self.text, self.low)
        return self._table[self.text[: match.start()]] if match else self

    @memo
    def before_end(self) -> Line:
        """The part of the line before its first end label or phrase ("Starttidspunkt: Kl. 17:00
        Sluttidspunkt: Kl. 19:25" -> "Starttidspunkt: Kl. 17:00")."""
        match = G.end_words.search_lower(self.text, self.low)
        return self._table[self.text[: match.start()]] if match else self

    @memo
    def meeting_line(self) -> bool:
        """The line only names a body, a date or a time (titles.is_meeting_line). A short line's answer
        is kept across documents there; a long line's dates and times are kept nowhere but here, so
        they are not found again."""
        text = self.text
        return is_meeting_line(text) if len(text) <= CACHED_TEXT else meeting_line_from(text, [*self.dates, *self.times])

    def search(self, gated: G.Gated) -> re.Match[str] | None:
        """``gated.search`` of the line, its gate reading the line's lower case."""
        return gated.search_lower(self.text, self.low)

    def may(self, gated: G.Gated) -> bool:
        return gated.may_lower(self.text, self.low)

    @memo
    def time_label(self) -> re.Match[str] | None:
        """A start time's label or phrase in the line ('Mødetidspunkt:', 'Mødet begyndte'): a long
        alternation, and the words its gate waits for ('tid', 'sted') are common, so it is searched once."""
        return self.search(G.time_label)

    @memo
    def all_except(self) -> re.Match[str] | None:
        """'Alle undtagen X' in the line: asked by two attendance rules."""
        return self.search(G.all_except)

    @memo
    def absence_label(self) -> re.Match[str] | None:
        """'Fraværende: X', 'Afbud fra: ...' at the line's start."""
        return P.absence_label.match(self.text)

    @memo
    def _label_kinds(self) -> tuple[bool, bool, bool]:
        """Whether the line is a header field's label alone, an absence label alone, a member list's label."""
        text = self.text
        return (P.header_label_alone.match(text) is not None, P.absence_alone.match(text) is not None,
                P.member_list_label.match(text) is not None)

    @memo
    def header_label_alone(self) -> bool:
        """A header label of any field alone on its line ('Mødedato:', 'Sted')."""
        return self._label_kinds[0]

    @memo
    def absence_alone(self) -> bool:
        """An absence label alone on its line ('Fraværende:')."""
        return self._label_kinds[1]

    @memo
    def member_list_label(self) -> bool:
        """A member list's label starts the line ('Deltagere', 'Medlemmer:')."""
        return self._label_kinds[2]

    @memo
    def participant_label(self) -> re.Match[str] | None:
        """A member list's label ('Deltagere: ...') at the line's start."""
        return P.participant_label.match(self.text)

    @memo
    def is_label(self) -> bool:
        """A header field's, an absence or a member list's label alone on its line."""
        return any(self._label_kinds)

    @memo
    def field_label(self) -> bool:
        """A header field's label alone on its line (not a member or absence list's, whose names follow it)."""
        header, absence, members = self._label_kinds
        return header and not absence and not members


class Facts(dict[str, Line]):
    """The Line of each text of one header, made on first use."""

    def __missing__(self, text: str) -> Line:
        line = self[text] = Line(text, self)
        return line

    def lines(self, texts: list[str]) -> list[Line]:
        return [self[text] for text in texts]
