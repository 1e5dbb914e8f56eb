"""The meeting header: committee, date, start and end time, place, participants, and the signs that
the text is a meeting document.

Each field has rules (HEADER_RULES), tried in order; a rule may offer several candidates, and every
candidate is kept in order (HeaderDraft.candidates). The resolve stage writes the first candidate that
passes the field's plausibility check (resolve.PLAUSIBLE), so a refused value falls through to the
next one. A header label (vocab/header.toml) is read in every arrangement the meeting systems print:
"Label: value", "Label" alone with the value on the next line, a label glued to its value, table
cells, and the run of fields of a page transcript (see _label_values).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ..drafts import HeaderDraft
from ..lexicon import gates as G
from ..lexicon import patterns as P
from ..lexicon.attendance import (
    ABSENT_GATES,
    ATTENDANCE_GATES,
    PARTIAL_GATES,
    SUBSTITUTE_GATES,
    ParticipantRef,
    absences_in_line,
    first_names_absent,
    inline_participants,
    names_after_label,
    partial_absences,
    participant_entry,
    party_column_row,
    substitutes_in_line,
    table_head,
)
from ..lexicon.bodies import find_bodies, looks_like_body
from ..lexicon.data import field_labels, fold, group_suffixes, weekdays
from ..lexicon.dates import iter_dates, iter_times
from ..lexicon.names import PersonRef, find_person
from ..lexicon.words import join_text
from .header_facts import Facts, Line
from .header_rows import label_rows
from .memo import memo


def _without_mail_header(lines: list[str]) -> list[str]:
    """``lines`` with e-mail headers and lines about another meeting blanked: a run of two or more label
    lines ('Fra: ...', 'Sendt: 15. marts 2010 10:12', 'Emne: ...') dates the mail, not the meeting, and
    'Næste møde afholdes den ... i Kulturhuset' dates and places the next one."""
    kept = ["" if P.other_meeting_line.match(line) else line for line in lines]
    run: list[int] = []
    for index, line in enumerate([*lines, ""]):
        if line and P.mail_label.match(line):
            run.append(index)
            continue
        for blank in run if len(run) >= 2 else []:
            kept[blank] = ""
        run = []
    return kept


def _without_cells(line: str) -> str:
    """A header table printed as text: 'Sted: |' -> 'Sted:'; '| Sted | Byrådssalen |' -> 'Sted: Byrådssalen';
    'Fraværende Jens Bo (V)' (a table's cells joined) -> 'Fraværende: Jens Bo (V)'; a separator row '---|---|' -> ''."""
    if (row := P.label_before_names.match(line)) and _only_names(row["names"]):
        return f"{row['label']}: {row['names']}"
    if "|" not in line and "---" not in line:  # what each of the three patterns needs: most lines have neither
        return line
    if P.table_separator_row.match(line):
        return ""
    row = P.label_cell_row.match(line)
    if row and _cell_label(row["label"]):
        return f"{row['label'].rstrip(' :')}: {row['value'].strip()}"
    return P.cell_bar_end.sub("", line)


def _only_names(text: str) -> bool:
    """Whether ``text`` is nothing but a list of members ('Jens Bo (V), Eva Lund'), not a sentence."""
    parts = [part for part in P.name_separators.split(text) if part.strip()]
    return bool(parts) and all((entry := participant_entry(part)) is not None and entry.name == part.split(" (")[0].strip()
                               for part in parts)


def _cell_label(text: str) -> bool:
    """A header field's label (date, place, attendance, absence, substitute), alone in its cell."""
    return bool(P.header_label_alone.match(text) or P.absence_alone.match(text) or P.substitute_label_alone.match(text))


@dataclass
class _Context:
    """The header lines as the field rules read them."""

    lines: list[str]  # table cell bars removed
    meeting_lines: list[str]  # ... and without e-mail headers, whose dates are the mail's
    full_text: str
    title_at: int  # the first item title line in the header (len(lines) when there is none)
    facts: Facts  # what the rules ask about each line, worked out once
    date_line: int | None = None  # the line the first date candidate was read from

    @memo
    def rows(self) -> list[Line]:
        return self.facts.lines(self.lines)

    @memo
    def meeting_rows(self) -> list[Line]:
        return self.facts.lines(self.meeting_lines)

    # Several rules read the same label columns and committee lines: each is worked out once.
    @memo
    def columns(self) -> dict[int, int]:
        return _label_columns(self.rows)

    @memo
    def meeting_columns(self) -> dict[int, int]:
        # Most headers have no e-mail header or next-meeting line to blank: the same lines, the same columns.
        return self.columns if self.meeting_lines == self.lines else _label_columns(self.meeting_rows)

    @memo
    def committee_candidates(self) -> list[str]:
        return _committee_candidates(self)


# --- reading labels -----------------------------------------------------------------------------------

LABEL_VALUE_LINES = 2  # lines after a label alone on its line read for its value


def _next_row(rows: list[Line], index: int) -> int | None:
    return next((i for i in range(index + 1, min(len(rows), index + 1 + LABEL_VALUE_LINES)) if rows[i].text), None)


def _fits(label: str, value: Line) -> bool:
    """Whether a value can be the label's: a date or time under a date or time label, text without a
    date or time under a place or committee label; anything under another label."""
    timed = bool(value.dates or value.times)
    if P.date_label_alone.match(label) or P.time_label_alone.match(label) or P.end_label_alone.match(label):
        return timed
    if P.location_alone.match(label) or P.committee_label_alone.match(label):
        return not timed
    return True


def _label_columns(rows: list[Line]) -> dict[int, int]:
    """A column of labels alone on their lines followed by a column of their values ('Mødedato:' /
    'Mødetidspunkt:' / 'Mødested:' / 'Mandag den 16. marts 2015' / 'Kl. 17:00' / 'Rådhuset'): each label
    line -> the value line it pairs with, in order. A label whose value is missing ('Udvalg:' / 'Dato:'
    / 'Mandag, 21 februar, 2022') is passed over when the next value is of another kind."""
    texts = [i for i, row in enumerate(rows) if row.text]
    pairs: dict[int, int] = {}
    position = 0
    while position < len(texts):
        labels = []
        while position < len(texts) and rows[texts[position]].field_label:
            labels.append(texts[position])
            position += 1
        values = []
        while position < len(texts) and len(values) < len(labels) and not rows[texts[position]].is_label:
            values.append(texts[position])
            position += 1
        if len(labels) >= 2:
            pairs.update(_pair_in_order(rows, labels, values))
        position += 0 if labels else 1
    return pairs


def _pair_in_order(rows: list[Line], labels: list[int], values: list[int]) -> dict[int, int]:
    pairs: dict[int, int] = {}
    remaining = iter(values)
    value = next(remaining, None)
    for label in labels:
        if value is not None and _fits(rows[label].text, rows[value]):
            pairs[label] = value
            value = next(remaining, None)
    return pairs


def _label_values(rows: list[Line], columns: dict[int, int], label: re.Pattern[str] | G.Gated,
                  alone: re.Pattern[str], inline: bool = False) -> Iterator[tuple[int, str, bool]]:
    """(line, value, below) for every label of a field: the value after the label on its line ("Mødested:
    Rådssalen", "MødestedRådssalen"), or for a label alone on its line ("UDVALG", "Dato:") the next
    non-blank line unless that is a label too, or the value in its position in a column of values. With
    ``inline`` the label may stand inside a line (a page transcript's run of fields: "1 Referat Byrådet
    Mødedato: Tirsdag den 30. april 2013 ..."). ``columns`` are the lines' _label_columns."""
    # ``alone`` is one field's labels alone on a line: every such line is also a header label alone
    # (header_label_alone holds the labels of all fields), which most lines are not, and which the
    # line's facts know already.
    for index, row in enumerate(rows):
        line = row.text
        if not line:  # no label pattern matches an empty line (a third of the header's lines)
            continue
        if row.header_label_alone and alone.match(line):
            below = columns.get(index, _next_row(rows, index))
            if below is not None and not rows[below].is_label:
                yield below, rows[below].text, True
            continue
        match = row.search(label) if inline else label.match(line)  # type: ignore[arg-type]
        if match and match.start() > 0 and _inside_another_field(line[:match.start()]):
            continue
        if match and match["value"].strip() and not P.starts_with_label.match(match["value"].strip()):
            yield index, match["value"].strip(), False


LABEL_WORDS = 3  # words of a label before its colon ("Starttidspunkt for møde:")


def _inside_another_field(before: str) -> bool:
    """The text before a label inside a line holds a label that is no meeting header field's ('Næste møde:
    Tidspunkt: ...', 'Bemærkninger: ... Dato ...'): the label is part of that field's value. A run of the
    header's own fields ('Sted: Mødelokale 4 Dato: ...') or a title before the label ('Referat. Dato ...')
    leaves it the meeting's."""
    for colon in P.label_colon.finditer(before):
        words = before[: colon.start()].split()[-LABEL_WORDS:]
        if words and not any(_field_label_words(words[-count:]) for count in range(1, len(words) + 1)):
            return True
    return False


def _field_label_words(words: list[str]) -> bool:
    """The words are a header field's label as printed: capitalised ('Møde:', not '... næste møde:')."""
    return words[0][:1].isupper() and fold(" ".join(words)) in field_labels()


def _first_column(value: str) -> str:
    """The value up to the next label on its line ("Byrådssalen    Mødet hævet: Kl. 21.15")."""
    return P.next_header_label.split(value, maxsplit=1)[0].strip()


LEADING_WORDS = 20  # characters before a value's date or time ("Mandag den ", "Kl. ")


def _leading_date(value: str) -> tuple[str, int] | None:
    """The date a label's value starts with (after a weekday, "den"), and where it ends."""
    found = next(iter_dates(value), None)
    if found and found[1] <= LEADING_WORDS and not any(ch.isdigit() for ch in value[: found[1]]):
        return found[0], found[2]
    return None


def _leading_time(value: str, *, end: bool = False) -> str | None:
    """The time a label's value starts with ("Kl. 17:00 Sluttidspunkt ...", "12. august 2019 kl. 17:00",
    "8/29/2019 4:00:00 PM"); a start time never after an end label ("Start kl.: Slut kl.: 20:00")."""
    value = value if end else _before_end(value)
    date = _leading_date(value)
    rest = value[date[1]:] if date else value
    found = next(iter_times(rest), None)
    if found and found[1] <= LEADING_WORDS and not any(ch.isdigit() for ch in rest[: found[1]]):
        return found[0]
    return None


@lru_cache(maxsize=1024)
def _before_end(line: str) -> str:
    """The part of a line before its first end label or phrase ("Starttidspunkt: Kl. 17:00
    Sluttidspunkt: Kl. 19:25" -> "Starttidspunkt: Kl. 17:00")."""
    match = G.end_words.search(line)
    return line[: match.start()] if match else line


# --- date -----------------------------------------------------------------------------------------------

def _note_date_line(ctx: _Context, index: int) -> None:
    if ctx.date_line is None:
        ctx.date_line = index


def _date_label(ctx: _Context) -> Iterator[str]:
    """'Dato: Mandag den 5. december 2016', 'Mødedato Onsdag den 23. maj 2012', 'STARTTIDSPUNKT' /
    '03-09-2019 18:00:00': a date label's value beats any other date in the header."""
    for index, value, _ in _label_values(ctx.meeting_rows, ctx.meeting_columns, G.date_label, P.date_label_alone, inline=True):
        found = _leading_date(ctx.facts[value].before_stamp.text)
        if found:
            _note_date_line(ctx, index)
            yield found[0]


def _names_meeting(row: Line) -> bool:
    """A line that names a meeting: only a document-type word or a body, a date and filler words
    ("Referat byrådet 31. oktober 2018", "Byrådet 15. maj 2023")."""
    if not row.meeting_line:
        return False
    line = row.text
    return bool(P.document_word.search(line) or find_bodies(line) or _lower_case_body(line))


def _meeting_line_date(ctx: _Context) -> Iterator[str]:
    for index, row in enumerate(ctx.meeting_rows):
        row = row.before_stamp
        if row.dates and _names_meeting(row):
            _note_date_line(ctx, index)
            yield row.dates[0][0]


SENTENCE_WORDS = 8  # a line ending in a full stop with more words is a sentence


def _first_date(ctx: _Context) -> Iterator[str]:
    """Any other date of the header, never in a viewer's stamp ('16.07.2013 Views'); dates inside
    sentences ('Referaterne lægges på hjemmesiden senest den ...') only after the others."""
    sentences = []
    for index, row in enumerate(ctx.meeting_rows):
        row = row.before_stamp
        if not row.dates:
            continue
        line = row.text
        dates = [(index, iso) for iso, _start, end in row.dates if not P.viewer_stamp.match(line[end:])]
        if line.endswith(".") and len(line.split()) > SENTENCE_WORDS:
            sentences.extend(dates)
            continue
        for found_at, iso in dates:
            _note_date_line(ctx, found_at)
            yield iso
    for found_at, iso in sentences:
        _note_date_line(ctx, found_at)
        yield iso


# --- committee ------------------------------------------------------------------------------------------

LINE_MAX = 160  # characters; a longer line is prose, not a header line naming the body


def _committee_label(ctx: _Context) -> Iterator[str]:
    for _, value, _ in _label_values(ctx.rows, ctx.columns, P.committee_label, P.committee_label_alone):
        yield _first_column(value).strip(" .")


def _committee_body_only_label(ctx: _Context) -> Iterator[str]:
    """'Møde: Byrådet' (but 'MØDE' / 'Referat' names the kind of document)."""
    for _, value, _ in _label_values(ctx.rows, ctx.columns, P.committee_body_only_label, P.committee_body_only_alone):
        value = _first_column(value).strip(" .")
        if looks_like_body(value):
            yield value


def _committee_candidates(ctx: _Context) -> list[str]:
    """Header lines that may name the body: not a member list, not prose, not navigation that lists
    bodies in general ("Byråd og udvalg")."""
    # The length first (a long line is passed over without a search); the navigation gate reads the
    # line's lower case that its facts keep.
    return [row.text for row in ctx.rows[: ctx.title_at] if len(row.text) <= LINE_MAX
            and not row.participant_label and not row.search(G.navigation_word)]


def _lower_case_body(line: str) -> str | None:
    """'byrådet' in 'Referat byrådet 31. oktober 2018': a body word printed in lower case."""
    return next((word for word in line.split() if word.islower() and looks_like_body(word.capitalize())), None)


def _meeting_line_body(ctx: _Context) -> Iterator[str]:
    """A line that names only the body (and the date), such as "Byrådet 15. maj 2023", is preferred
    over site navigation and prose that mention bodies in passing."""
    for line in ctx.committee_candidates:
        genitive = P.genitive_meeting.match(line)
        if genitive and ctx.facts[line].dates:
            yield genitive["name"].strip()
        elif ctx.facts[line].meeting_line:
            bodies = find_bodies(line)
            body = bodies[0][0] if bodies else _lower_case_body(line) if P.document_word.search(line) else None
            if body:
                yield body


def _committee_name_line(ctx: _Context) -> Iterator[str]:
    """'Plan & Kulturudvalget - 27-08-2019', 'Udvalget for plan, udvikling og kultur (PUK)': a name
    the body pattern leaves out, alone on its line or before ' - '."""
    for line in ctx.committee_candidates:
        match = P.committee_name.match(line)
        if match:
            yield match["name"].strip()


TITLE_BLOCK_WORDS = 8
TITLE_BLOCK_DATE_LINES = 3  # lines after the committee line read for the meeting date


def _title_block(ctx: _Context) -> Iterator[str]:
    """'Referat' / 'Mødesystemgruppen' / '06-10-2016 13:00': the line right after a document-type word
    printed alone, with the date below it, names the body when it names nothing else and a word of it
    ends like a body's or group's name ('Styregruppen for X'; not 'Godkendt', 'Udkast')."""
    rows = [row for row in ctx.rows[: ctx.title_at] if row.text]
    for index in range(1, len(rows)):
        before, row = rows[index - 1].text, rows[index]
        line = row.text
        if not (P.document_word.fullmatch(before.strip(" .:")) and line[:1].isupper()):
            continue
        if (len(line.split()) > TITLE_BLOCK_WORDS or any(ch.isdigit() for ch in line) or line.endswith((".", ":"))
                or row.is_label or P.any_label.match(line) or P.document_word.fullmatch(line.strip(" .:"))
                or _names_something_else(line) or not _names_a_group(line)):
            continue
        if any(below.dates for below in rows[index + 1: index + 1 + TITLE_BLOCK_DATE_LINES]):
            yield line.strip(" .")


def _names_a_group(line: str) -> bool:
    return any(fold(word).endswith(group_suffixes()) for word in line.split())


def _names_something_else(line: str) -> bool:
    """A line about the meeting or the page rather than a body's name: 'Åbent møde', 'Ekstraordinært
    møde', 'Mandag', 'Rådhuset', 'Byråd og udvalg'."""
    return bool(G.meeting_word.search(line) or P.public_word.search(line.title()) or P.header_place_words.search(line)
                or G.navigation_word.search(line) or any(fold(word) in weekdays() for word in line.split()))


def _named_body(ctx: _Context) -> Iterator[str]:
    for line in ctx.committee_candidates:
        for body, _, _ in find_bodies(line):
            yield body


# --- start and end time -----------------------------------------------------------------------------

def _time_label(ctx: _Context) -> Iterator[str]:
    """'Mødetidspunkt: 16:00', 'Starttidspunkt: Kl. 17:00 Sluttidspunkt: Kl. 19:25', 'Mødetid:' /
    '12. august 2019 kl. 17:00', 'Mødedato: 8/29/2019 4:00:00 PM'."""
    for _, value, _ in _label_values(ctx.meeting_rows, ctx.meeting_columns, G.time_label_value, P.time_label_alone,
                                     inline=True):
        found = _leading_time(ctx.facts[value].before_stamp.text)
        if found:
            yield found


def _start_time(ctx: _Context) -> Iterator[str]:
    """The first time on a dated or time-labelled line ("Mødetidspunkt: 16.00"), read before any end
    label or phrase on the line ("Mødet sluttede kl. 21.33" has none)."""
    for row in ctx.meeting_rows:
        row = row.before_stamp.before_end
        if (row.dates or row.time_label or P.kl_at_start.match(row.text)) and row.times:
            yield row.times[0][0]


def _meeting_word_time(ctx: _Context) -> Iterator[str]:
    """'Ekstraordinært møde - Mødelokale F7 kl. 12.00': a 'kl.' time on a header line about the meeting."""
    for row in ctx.meeting_rows[: ctx.title_at]:
        row = row.before_stamp.before_end
        line = row.text
        clock = row.search(G.kl_time)  # behind its gate: a line without a digit has no clock time
        if clock and row.search(G.meeting_word):
            yield next(iter_times(line[clock.start():]))[0]


def _clock(match: re.Match[str] | None) -> str | None:
    if match and int(match["h"]) < 24 and int(match["m"]) < 60:
        return f"{int(match['h']):02d}:{match['m']}"
    return None


# A match of end_time starts at its word 'Mødet', or at a line's start and white space before 'Slut',
# 'Sluttidspunkt' or 'Mødeslut': at most the four letters of 'Møde' and white space before its word.
END_TIME_LEAD = 4


def _meeting_ended(ctx: _Context) -> Iterator[str]:
    """'Mødet hævet kl. 18.30' anywhere in the document, page furniture included."""
    found = _clock(G.end_time.search_near(ctx.full_text, END_TIME_LEAD))
    if found:
        yield found


def _end_label(ctx: _Context) -> Iterator[str]:
    """'Sluttidspunkt: Kl. 19:25', 'SLUTTIDSPUNKT' / '04-06-2020 11:00:00'."""
    for _, value, _ in _label_values(ctx.meeting_rows, ctx.meeting_columns, G.end_label_value, P.end_label_alone,
                                     inline=True):
        found = _leading_time(value, end=True)
        if found:
            yield found


def _time_range_end(ctx: _Context) -> Iterator[str]:
    """'Mødetidspunkt: 9:30-11:00', 'kl. 15:00 - 17:30' on a dated or time-labelled line."""
    for row in ctx.rows:
        if row.dates or row.time_label:
            found = _clock(P.time_range_end.search(row.text))
            if found:
                yield found


# --- place ------------------------------------------------------------------------------------------

PLACE_LINES_AFTER_DATE = 4
PLACE_LINE_MAX = 120
PLACE_SEGMENT_WORDS = 8


def _location_label(ctx: _Context) -> Iterator[str]:
    """'Mødested: Byrådssalen', 'Møde lokation' / 'Det gamle Rådhus', 'Sted: |' / 'Byrådssalen |'."""
    for _, value, below in _label_values(ctx.meeting_rows, ctx.meeting_columns, P.location_label, P.location_alone):
        if not below or _place_below(value):
            yield _first_column(value)


def _location_label_in_run(ctx: _Context) -> Iterator[str]:
    """'1 Byrådet DAGSORDEN Sted: Mødelokale 4, rådhuset Dato: ...': a place label inside a page
    transcript's run of fields, its value up to the next label."""
    for row in ctx.meeting_rows:
        # Every match holds the label's colon: most header lines (prose above all) have none.
        match = row.search(G.location_label_inline) if ":" in row.text else None
        value = _first_column(match["value"]) if match else ""
        if value and not P.any_label.match(value) and not next(iter_dates(value), None):
            yield value


def _place_in_label_run(ctx: _Context) -> Iterator[str]:
    """'Mødested: Deltagere: Borgmesterens mødelokale Anne Hansen (V), ...': labels printed in a run and
    their values after it (a two-column table flattened); the place is the first words of the values
    that end in a place word, after a leading date or time."""
    # A run holds two colons or more: most header lines have fewer, and need no search of the labels.
    for line in (line for line in ctx.meeting_lines if line.count(":") >= 2):
        for run in P.label_run.finditer(line):
            if not P.place_in_run.search(run.group(0)):
                continue
            values = line[run.end():]
            for _, _, end in [*iter_dates(values[:LEADING_WORDS + 12]), *iter_times(values[:LEADING_WORDS])]:
                values = values[end:] if end < len(values) else values
            match = P.place_prefix.match(values.strip())
            if match:
                yield match["place"]


ADDRESS_LINES = 4


def _address_block(ctx: _Context) -> Iterator[str]:
    """'Kursuscenter X' / 'Strandvej 46' / 'Y Strand' / '8410 Rønde' after the date and time lines: an
    address printed over lines, ending in a postcode and town, is the place."""
    if ctx.date_line is None:
        return
    rows = ctx.meeting_rows[: ctx.title_at]
    for index in range(ctx.date_line + 1, len(rows)):
        if not P.postcode_town.match(rows[index].text):
            continue
        block = [rows[index].text]
        for row in reversed(rows[max(ctx.date_line + 1, index - ADDRESS_LINES): index]):
            line = row.text
            if not line or row.dates or row.times or row.is_label or P.any_label.match(line) or line.endswith("."):
                break
            block.insert(0, line)
        if len(block) >= 2:
            yield ", ".join(block)


def _place_below(value: str) -> bool:
    """The line under a lone place label is the place unless it is a date, a sentence or a label of the
    next row ("Fraværende")."""
    if (len(value) >= PLACE_LINE_MAX or value.endswith((".", ":")) or P.any_label.match(value) or not value[0].isupper()
            or next(iter_dates(value), None)):
        return False
    return " " in value or P.header_place_words.search(value) is not None


def _place_after_time(ctx: _Context) -> Iterator[str]:
    """'kl. 13.00 i Byrådssalen', 'kl. 13.00 i mødelokale B1, Skive Rådhus': a name or a place word, on
    the date line or on another line with the time (a running title may carry the date first)."""
    if ctx.date_line is None:
        return
    lines = ctx.meeting_lines
    dated = lines[ctx.date_line]
    timed = [ctx.date_line, *(i for i, line in enumerate(lines) if "kl" in line and line != dated)]
    for index in timed:
        match = P.place_after_time.search(lines[index])
        if match and (match["place"][0].isupper() or P.header_place_words.match(match["place"])):
            yield _wrapped_place(match["place"].strip(), lines, index)


WRAPPED_PLACE_MAX = 60  # characters of a place's second line


def _wrapped_place(place: str, lines: list[str], index: int) -> str:
    """'... kl. 19.00 på Rådhuset,' / 'Nykøbing Mors, byrådssalen.': a place whose line ends in a comma
    goes on in the next line, when that line is a short phrase (no label, no sentence of its own)."""
    after = lines[index + 1].strip() if index + 1 < len(lines) else ""
    if not place.endswith(",") or not after or len(after) > WRAPPED_PLACE_MAX or P.any_label.match(after) \
            or P.sentence_inside.search(after.rstrip(".")):
        return place.rstrip(" ,")
    return f"{place} {after.rstrip('.')}"


def _place_line_after_date(ctx: _Context) -> Iterator[str]:
    """A line naming a place within a few lines after the date ("Rådhuset, mødelokale 2"), or an
    'i X' line right under it ("den 26. april 2017 kl. 08:30" / "i Økonomiudvalgsværelset")."""
    return _place_line_below(ctx.meeting_rows, ctx.date_line)


def _place_line_after_time(ctx: _Context) -> Iterator[str]:
    """A line naming a place below the time, where the date was read from another line: eDoc prints
    "Dato: 04.12.2012" on a running line, then "tirsdag den 4. december 2012, kl. 13:00" and
    "i Mødecenter C, Lokale 32" below it."""
    rows = ctx.meeting_rows
    time_line = next((i for i, row in enumerate(rows) if "kl" in row.text and row.times), None)
    return _place_line_below(rows, time_line) if time_line != ctx.date_line else iter(())


def _place_line_below(rows: list[Line], at: int | None) -> Iterator[str]:
    if at is None:
        return
    start = at + 1
    for index, row in enumerate(rows[start: start + PLACE_LINES_AFTER_DATE], start):
        line = row.text
        if not line or row.dates or row.times or row.participant_label:
            continue
        in_line = P.place_i_line.match(line)
        if in_line and index == _next_row(rows, at):
            yield in_line["place"].strip()
        elif P.header_place_words.search(line) and len(line) < PLACE_LINE_MAX and not line.endswith("."):
            yield P.place_preposition.sub("", line).strip()


def _place_segment(ctx: _Context) -> Iterator[str]:
    """A part of a header line about the meeting (with a date, a time or a meeting word) that starts
    or ends with a place word ('... kl. 10:00 Lokale D116, X Rådhus Afbud: ...', 'Ekstraordinært møde
    - Mødelokale F7 kl. 12.00', '... 18:05. Lokale 1, X Rådhus'); not 'Kontakt Rådhuset'."""
    for row in ctx.meeting_rows[: ctx.title_at]:
        # A segment is part of the line: where neither place pattern's gate passes the line, none of its
        # segments can pass, and the line need not be cut.
        if not (row.may(G.place_word_first) or row.may(G.place_word_last)):
            continue
        if not (row.times or row.dates or row.search(G.meeting_word)):
            continue
        for segment in P.place_segment_cut.split(row.text):
            segment = segment.strip(" ,-–·•|")  # '27.08.2008 - Kl. 19.00 - Byrådssalen': the cut may leave a dash
            if (segment[:1].isupper() and len(segment.split()) <= PLACE_SEGMENT_WORDS and not P.any_label.match(segment)
                    and not next(iter_dates(segment), None)
                    and (P.place_word_first.match(segment) or P.place_word_last.search(segment))):
                yield segment


def _without_meeting_kind(place: str) -> str:
    """'Mødesalen, Ringe - Ekstraordinært' -> 'Mødesalen, Ringe': the kind of meeting is no part of the place."""
    return P.meeting_kind_suffix.sub("", place).strip()


FieldRule = Callable[[_Context], Iterable[str]]

# Each header field and its rules, in order of precedence; every candidate a rule offers is kept in
# order. The date comes before the place, whose rules read the line the date was found on.
HEADER_RULES: dict[str, tuple[tuple[str, FieldRule], ...]] = {
    "date": (("date_label", _date_label), ("meeting_line_date", _meeting_line_date), ("first_date", _first_date)),
    "committee": (("committee_label", _committee_label), ("committee_body_only_label", _committee_body_only_label),
                  ("meeting_line_body", _meeting_line_body), ("committee_name_line", _committee_name_line),
                  ("title_block", _title_block), ("named_body", _named_body)),
    "start_time": (("time_label", _time_label), ("dated_or_labelled_time", _start_time),
                   ("meeting_word_time", _meeting_word_time)),
    "end_time": (("meeting_ended", _meeting_ended), ("end_label", _end_label), ("time_range_end", _time_range_end)),
    "location": (("location_label", _location_label), ("location_label_in_run", _location_label_in_run),
                 ("place_in_label_run", _place_in_label_run), ("place_after_time", _place_after_time),
                 ("place_line_after_date", _place_line_after_date), ("place_line_after_time", _place_line_after_time),
                 ("address_block", _address_block),
                 ("place_segment", _place_segment)),
}

EXPORT_RULE = "export"  # a value a meeting system's export states (outline.py): first among the candidates

# The rules that read the meeting's own header block (a label, a meeting line, the title block), as
# against the fallbacks that take any mention: a field they found makes a header even without items.
HEADER_BLOCK_RULES = frozenset({
    EXPORT_RULE, "date_label", "meeting_line_date", "committee_label", "committee_body_only_label", "meeting_line_body",
    "committee_name_line", "title_block", "time_label", "location_label", "location_label_in_run",
    "place_in_label_run", "place_after_time", "address_block",
})

# The rules that read a header label: a value printed under a label is the meeting's even on a page
# that is not a meeting document.
LABEL_RULES = frozenset({EXPORT_RULE, "date_label", "committee_label", "committee_body_only_label", "time_label", "location_label",
                         "location_label_in_run", "place_in_label_run"})

CLEANUP: dict[str, Callable[[str], str]] = {"location": _without_meeting_kind}


def _contents(row: Line, below: str) -> bool:
    return bool(P.contents_mark.match(row.text) or P.contents_mark_in_transcript.match(row.text))


def _item_list(row: Line, below: str) -> bool:
    return P.item_list_mark.match(row.text) is not None


def _member_list(row: Line, below: str) -> bool:
    """An absence label, or a member list's label with names after it or on the next line (a lone
    'Medlemmer' in a site's menu names nobody)."""
    if row.absence_label or row.absence_alone:
        return True
    if not row.member_list_label:
        return False
    rest = row.text.partition(":")[2].strip()
    return bool(inline_participants(rest) or participant_entry(below) or inline_participants(below))


def _attendance_in_run(row: Line, below: str) -> bool:
    """'... Mødested: Deltagere: ...', 'Afbud fra/fraværende: -' inside a page transcript's run of fields."""
    # Every match ends in a colon; the pattern's gate knows too many labels to test, and stays open.
    return ":" in row.text and P.attendance_label_inline.search(row.text) is not None


def _all_present(row: Line, below: str) -> bool:
    return P.all_present.match(row.text) is not None


# The signs that a text is a meeting document rather than one item's page: (name, test of a line and
# the next non-blank line, read only before the first item title). An attendance block printed under
# an item's title is that item's; a contents heading and a transcript's run of fields may stand
# anywhere in the header (a page transcript starts its lines with page numbers, which read like item
# numbers).
MEETING_SIGNS: tuple[tuple[str, Callable[[Line, str], bool], bool], ...] = (
    ("contents", _contents, False),
    ("item_list", _item_list, True),
    ("member_list", _member_list, True),
    ("attendance_in_run", _attendance_in_run, False),
    ("all_present", _all_present, True),
)


def _meeting_signs(ctx: _Context) -> list[str]:
    texts = [row for row in ctx.rows if row.text]
    before_title = [row for row in ctx.rows[: ctx.title_at] if row.text]
    # Each line with the next non-blank line's text, for both spans of lines, made once for all signs.
    spans = {False: (texts, _belows(texts)), True: (before_title, _belows(before_title))}
    found = []
    for name, test, only_before_title in MEETING_SIGNS:
        rows, belows = spans[only_before_title]
        if any(map(test, rows, belows)):  # as a generator over zip(rows, belows), without its frame
            found.append(name)
    return found


def _belows(rows: list[Line]) -> list[str]:
    return [row.text for row in rows[1:]] + [""] if rows else []


def extract_header(lines: list[str], full_text: str, title_at: int | None = None) -> HeaderDraft:
    """The header fields of ``lines`` (the text before the first item); ``title_at`` is the first line
    among them that prints an item title, if any."""
    header = HeaderDraft()
    table, title_line = label_rows([_without_cells(line) for line in lines], len(lines) if title_at is None else title_at)
    facts = Facts()
    ctx = _Context(table, _without_mail_header(table), full_text, title_line, facts)
    for name, rules in HEADER_RULES.items():
        cleanup = CLEANUP.get(name, str.strip)
        found = header.candidates.setdefault(name, [])
        for rule_name, rule in rules:
            found.extend((rule_name, cleanup(value)) for value in rule(ctx) if value and value.strip())
        if found:
            header.rules[name], first = found[0]
            setattr(header, name, first)
    header.signs = _meeting_signs(ctx)
    header.participants = _participants(ctx.rows)  # table rows read as label and value too
    return header

@dataclass
class _Roll:
    """The state of reading the header's attendance, line by line."""

    rows: list[Line]
    index: int = 0  # the next line to read
    people: list[ParticipantRef] = field(default_factory=list)
    in_list: bool = False  # inside a member list or the names after an absence label
    absent_mode: bool = False  # ... and the names are of absent members
    names_read: bool = False  # names read after an absence label printed alone: a blank line ends them
    recent: list[str] = field(default_factory=list)  # the people the latest absence lines named
    party_column: bool = False  # under the current absence list's table head, which has a party column


def _blank_line(roll: _Roll, row: Line) -> bool:
    if row.text:
        return False
    roll.in_list = roll.in_list and not (roll.absent_mode and roll.names_read)
    return True


def _agenda_entry(roll: _Roll, row: Line) -> bool:
    """An agenda list ("åbent 20 Indkaldelse af stedfortræder for ...") is not attendance."""
    if not P.list_entry.match(row.text):
        return False
    roll.in_list = False
    return True


def _all_except(roll: _Roll, row: Line) -> bool:
    """'Til stede: Alle undtagen X, der havde meldt forfald': the members named are absent (a member
    list's label before the phrase does not make them present)."""
    if row.all_except is None:
        return False
    for person in absences_in_line(row.text) or []:
        _mark_absent(roll.people, person.name, person.party)
    roll.in_list = False
    return True


def _member_list_label(roll: _Roll, row: Line) -> bool:
    """'Deltagere: A (V), B (A)', the list possibly wrapped onto the next lines, or the label alone."""
    label = row.participant_label
    if label is None:
        return False
    roll.in_list, roll.absent_mode, roll.recent = True, False, []
    # Inline lists may wrap onto the next lines ("Mødedeltagere A, B, C" / "(Fravær), D").
    rest = _wrapped(roll, label["rest"].strip(), _continues_list)
    for entry in inline_participants(rest) if rest else []:
        _add(roll.people, entry)
    return True


def _wrapped(roll: _Roll, text: str, continues: Callable[[str, str], bool]) -> str:
    """``text`` with the lines that ``continues`` says carry on its list joined on (a name's hyphen
    kept: "Larsen-" / "Kjær (A)"), the roll moved past them."""
    while text and roll.index < len(roll.rows) and continues(text, roll.rows[roll.index].text):
        text = join_text(text, roll.rows[roll.index].text)
        roll.index += 1
    return text


def _ends_in_a_name(text: str, line: str) -> bool:
    """'..., Ellen Marie Bach (A), Torben' / 'Ravnkilde (A), ...', '..., Inge-' / 'Lise Sloth (O)': a
    line of a member list that breaks inside its last name, the rest of it opening ``line``."""
    if not line[:1].isupper() or P.any_label.match(line):
        return False
    last = _last_word_entry(text)
    return last is not None and last[:1].isupper()


def _last_word_entry(text: str) -> str | None:
    """The last entry of the list in ``text`` when it is one word in title case: a name that the line's
    end broke ('..., Torben' / 'Ravnkilde (A)'); None otherwise, or when ``text`` is no list."""
    if "," not in text:
        return None
    last = P.list_comma.split(text)[-1].strip()
    return last if " " not in last and last.istitle() else None


def _absence_label_alone(roll: _Roll, row: Line) -> bool:
    if not row.absence_alone:
        return False
    roll.in_list, roll.absent_mode, roll.names_read = True, True, False
    roll.party_column = False  # a new list: a table head of its own, if any, says again
    return True


def _absence_in_run(roll: _Roll, row: Line) -> bool:
    """'1 Åben beslutningsprotokol ... Silkeborg Rådhus Afbud: Anne Hansen, Bo Holm': an absence label
    inside a page transcript's run of fields, its names up to the next label. A label in a run of
    labels without values ('Medlemmer: Afbud: Byrådets mødesal A, B, ...') names nobody: the values
    after the run belong to the first label."""
    line = row.text
    # Every match ends in the label's colon: most header lines have none, and their words ('ikke',
    # 'deltog') pass the pattern's gate in prose.
    label = None if row.absence_label or ":" not in line else row.search(G.absence_label_inline)
    if label is None or line[: label.start()].rstrip().endswith(":"):
        return False
    value = P.dated_sublabel.sub(" ", line[label.end():]).strip()
    if P.any_label.match(value):
        return False
    value = P.next_label.split(_first_column(value), maxsplit=1)[0]
    for person in absences_in_line(f"{label.group(0)} {value}") or []:
        _mark_absent(roll.people, person.name, person.party)
    return True


def _attendance_statement(roll: _Roll, row: Line) -> bool:
    """A line recording absence, partial attendance or substitutes ('Afbud: X', 'Y deltog i stedet')."""
    found = _attendance_in_line(row)
    if found is None:
        return False
    partial, absent, substitutes = found
    line = row.text
    # Partial attendance in an attendance list makes a participant; in remarks
    # ('Bemærkninger: X deltog ikke under punkt 5') it only marks the items missed.
    attendance = roll.in_list or row.absence_label is not None
    roll.in_list = absent is not None and not absent and line.rstrip().endswith(":")
    roll.absent_mode, roll.names_read = roll.in_list, False
    for person in absent or []:
        _mark_absent(roll.people, person.name, person.party)
    if row.absence_label is not None:  # first_names_absent reads only an absence label's names
        _mark_absent_by_first_name(roll.people, first_names_absent(line))
    roll.recent = [person.name for person in absent] if absent else roll.recent
    for person in partial if attendance else []:  # attended part of the meeting: not absent
        _add(roll.people, ParticipantRef(person.name, person.party, None, None))
    for sub in substitutes:
        sub.substitute_for = sub.substitute_for or _only_absent(roll.people, roll.recent, sub.name, sub.party)
        _add(roll.people, sub)
    return True


Attendance = tuple[list[PersonRef], list[PersonRef] | None, list[ParticipantRef]]


def _attendance_in_line(row: Line) -> Attendance | None:
    """What partial_absences, absences_in_line and substitutes_in_line find in the line (the partial
    attendance, the absent, the substitutes); None when they find nothing. Each of the three starts
    from an absence label, the 'all except' phrase or its own gates' words: one whose words the line
    lacks would answer nothing ([], None, []), and is not asked. Most header lines have none of them,
    and are passed over without the three reading the line again."""
    label = row.absence_label is not None
    if not label and row.all_except is None and not _may_hold_attendance_words(row):
        return None
    may_absent = label or row.all_except is not None or _may(row, ABSENT_GATES)
    may_partial = label or _may(row, PARTIAL_GATES)
    may_substitute = _may(row, SUBSTITUTE_GATES)
    if not (may_absent or may_partial or may_substitute):
        return None
    line = row.text
    partial = [person for person, _ in partial_absences(line)] if may_partial else []
    absent = _whole_meeting(absences_in_line(line), partial) if may_absent else None
    substitutes = substitutes_in_line(line) if may_substitute else []
    if absent is None and not substitutes and not partial:
        return None
    return partial, absent, substitutes


def _may(row: Line, gates: tuple[str, ...]) -> bool:
    return any(row.may(getattr(G, name)) for name in gates)


@lru_cache(maxsize=1)
def _attendance_words() -> tuple[str, ...] | None:
    """The words of all ATTENDANCE_GATES in one tuple (None if a gate passes every line or waits for a digit)."""
    return G.words_of(ATTENDANCE_GATES)


def _may_hold_attendance_words(row: Line) -> bool:
    """Whether any of the ATTENDANCE_GATES passes the line: one walk over their words, as each gate's
    own test would make, instead of four asks (most header lines hold none of the words)."""
    words = _attendance_words()
    return words is None or row.low is None or G.holds_any(row.low, words)


def _list_line(roll: _Roll, row: Line) -> bool:
    """A line of names inside a member list or after an absence label; anything else ends the list."""
    if roll.in_list and roll.absent_mode:
        head = table_head(row.text)
        if head is not None:  # 'Navn Parti Bemærkning': the names are in the rows below
            roll.party_column = head
            return True
        found = _table_row(roll.people, row.text) if roll.party_column else _absent_list_line(roll.people, row.text)
        roll.recent = (roll.recent if roll.names_read else []) + found
        roll.in_list = roll.names_read = bool(found)
    elif roll.in_list:
        roll.in_list = roll.names_read = _member_list_line(roll.people, _wrapped(roll, row.text, _ends_in_a_name))
        roll.recent = []
    return True


# What a header line says about attendance: the first rule that takes the line decides.
ATTENDANCE_RULES: tuple[tuple[str, Callable[[_Roll, Line], bool]], ...] = (
    ("blank", _blank_line),
    ("absence_in_run", _absence_in_run),
    ("agenda_entry", _agenda_entry),
    ("all_except", _all_except),
    ("member_list_label", _member_list_label),
    ("absence_label_alone", _absence_label_alone),
    ("attendance_statement", _attendance_statement),
    ("list_line", _list_line),
)


def absent_in_lines(lines: list[str]) -> list[PersonRef]:
    """The members the absence blocks among ``lines`` record as absent ('Fraværende med afbud:' / a
    few lines of names, under an item's title), read as the header's attendance is. Only the blocks
    an absence label opens are read: a sentence elsewhere ('X deltog ikke i sagens behandling' in a
    case history) is about another meeting."""
    blocks: list[str] = []
    inside = False
    for line in lines:
        inside = bool(P.absence_label.match(line) or P.absence_alone.match(line)) or (inside and bool(line))
        blocks.append(line if inside else "")
    return [PersonRef(person.name, person.party) for person in _participants(Facts().lines(blocks))
            if person.present is False]


def _participants(rows: list[Line]) -> list[ParticipantRef]:
    roll = _Roll(rows)
    while roll.index < len(rows):
        row = rows[roll.index]
        roll.index += 1
        for _name, rule in ATTENDANCE_RULES:
            if rule(roll, row):
                break
    return _names_as_printed(roll.people)


def _whole_meeting(absent: list[PersonRef] | None, partial: list[PersonRef]) -> list[PersonRef] | None:
    """Absence from the whole meeting: a person the line says missed only some items
    ('Kaj Nørby deltog ikke i behandlingen af punkt 24') is absent from those items' decisions only."""
    if not absent:
        return absent
    names = {person.name for person in partial}
    return [person for person in absent if person.name not in names]


def _names_as_printed(people: list[ParticipantRef]) -> list[ParticipantRef]:
    """Leave out names in capitals ('ÅBENT MØDE') unless the document prints all names so, or an absence
    label names the person ('AFBUD: PER MARSTRAND (O)' in a header set in capitals)."""
    if all(person.name.isupper() for person in people):
        return people
    return [person for person in people if not person.name.isupper() or person.present is False]


def _member_list_line(people: list[ParticipantRef], line: str) -> bool:
    """Read a line of a member list; False when the line is not one (the list has ended)."""
    entries = inline_participants(line) if "," in line else []
    if len(entries) > 1:  # one line holding the whole list
        for entry in entries:
            _add(people, entry)
        return True
    parts = P.entry_after_party.split(line) if len(P.named_with_party.findall(line)) > 1 else [line]
    found = [entry for entry in map(participant_entry, parts) if entry is not None]
    for entry in found:
        _add(people, entry)
    return bool(found)


def _table_row(people: list[ParticipantRef], line: str) -> list[str]:
    """A row of an absence table with a party column ('Ole Bech A Afbud - sygdom'); the names read."""
    person = party_column_row(line)
    if person is None:
        return _absent_list_line(people, line)
    _mark_absent(people, person.name, person.party)
    return [person.name]


def _absent_list_line(people: list[ParticipantRef], line: str) -> list[str]:
    """Read a line after an absence label printed alone ('Fraværende:'): one name, or several
    separated by commas or 'og'; the names read, none when the line is not a list of names."""
    if P.any_label.match(line):
        return []
    found = names_after_label(line)
    for person in found:
        _mark_absent(people, person.name, person.party)
    return [person.name for person in found]


def _only_absent(people: list[ParticipantRef], recent: list[str], substitute: str, party: str | None) -> str | None:
    """Whom a substitute without a printed 'for X' stood in for: the one person the absence lines
    just before named ('Afbud' / 'Mads Berg (C)' / 'Tom Hein (C) deltog som stedfortræder.'), unless
    their parties differ (a substitute comes from the absent member's list)."""
    if len(recent) != 1 or recent[0] == substitute:
        return None
    absent_party = next((p.party for p in people if p.name == recent[0]), None)
    return None if party and absent_party and party != absent_party else recent[0]


def _continues_list(rest: str, line: str) -> bool:
    """Whether ``line`` continues an inline participant list ending in ``rest``; a line that
    starts with a label of its own ('Fraværende: ...') never does."""
    if not line or P.any_label.match(line) or P.absence_alone.match(line):
        return False
    return (rest.endswith(",") or line[:1] in "(" or rest.rstrip().endswith(("(", "-"))
            or (line.split(" ", 1)[0].istitle() and "," in line and "," in rest) or _name_wraps(rest, line))


WRAPPED_NAME_WORDS = 3  # words of the rest of a name wrapped onto the next line ("Nelander (D)")


def _name_wraps(rest: str, line: str) -> bool:
    """'..., Tina Holm (Fravær), Githa' / 'Nelander': a list whose last entry is a first name alone,
    the rest of the name on the next line."""
    last = _last_word_entry(rest)
    return (last is not None and line[:1].isupper() and len(line.split()) <= WRAPPED_NAME_WORDS
            and participant_entry(f"{last} {line}") is not None)


def _add(people: list[ParticipantRef], entry: ParticipantRef) -> None:
    """Add a participant once: a person seen before (by ``find_person``) gains the details it lacked
    and keeps the fuller form of the name; absence wins over any other attendance."""
    person = find_person(people, entry.name, entry.party)
    if person is None:
        people.append(entry)
        return
    if len(entry.name) > len(person.name):
        person.name = entry.name
    person.party = person.party or entry.party
    person.role = person.role or entry.role
    person.substitute_for = person.substitute_for or entry.substitute_for
    if person.present is None or entry.present is False:
        person.present = entry.present


def _mark_absent_by_first_name(people: list[ParticipantRef], first_names: list[str]) -> None:
    """'Afbud: Tilde,' under a member list that names one Tilde: that member is absent. A first name
    that several members share, or none, names nobody."""
    for first in first_names:
        matches = [person for person in people if person.name.split()[0] == first]
        if len(matches) == 1:
            matches[0].present = False


def _mark_absent(people: list[ParticipantRef], name: str, party: str | None) -> None:
    _add(people, ParticipantRef(name, party, None, False))
