"""Dates and times as printed in Danish minutes -> ISO strings.

"3. maj 2021", "Tirsdag d. 13. juni 2023 kl. 13:00", "13-06-2023", "13.06.2023", "15-maj-2002",
"23. jun 2020", "Tirsdag, 27 august, 2019 - 16:00", "Onsdag, April 3, 2019 - 18:00", "2023-06-13",
"15/3-2010" (day/month-year), "8/29/2019 4:00:00 PM" (a US export: month first, 12-hour clock). Two forms are read only after a weekday, "d."/"den" or a date label, since
alone they are too close to a fraction or case number: "tirsdag d. 9/3-10" (two-digit year) and
"mandag den 3/2 2020" (a space before the year); "pr. 31/5 2018" stays unread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import lru_cache

from . import patterns as P
from .data import months


def date_pattern() -> str:
    """The date regex without named groups, for embedding (several times) in larger patterns."""
    return P.fragment("date")


_GUARD_WINDOW = 20  # characters before "9/3-10" read for a weekday, "den" or a date label


def _iso(year: int, month: int, day: int) -> str | None:
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


CACHED_TEXT = 200  # characters; the results for lines this short are kept, as rules ask about a line many times


def iter_dates(text: str) -> Iterator[tuple[str, int, int]]:
    """Every valid date in ``text`` as (ISO date, start, end)."""
    return iter(_cached_dates(text) if len(text) <= CACHED_TEXT else tuple(_dates(text)))


@lru_cache(maxsize=8192)
def _cached_dates(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(_dates(text))


def _dates(text: str) -> Iterator[tuple[str, int, int]]:
    # A line without a date's year or separated digits (most prose lines with a digit) has no date;
    # the hint costs a tenth of the date pattern's search on a long line.
    if P.date_hint.search(text) is None:
        return
    table = months()
    # Not G.date: the hint holds a digit, and a digit is G.date's gate, so the gate would pass.
    for match in P.date.finditer(text):
        g = match.groupdict()
        if g["d1"]:
            iso = _iso(int(g["y1"]), table[g["mon1"].casefold()], int(g["d1"]))
        elif g["d2"]:
            iso = _iso(int(g["y2"]), table[g["mon2"].casefold()], int(g["d2"]))
        elif g["y3"]:
            iso = _iso(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        elif g["y4"]:
            iso = _day_first_or_us(g, text[match.end():])
        elif not _day_month_allowed(g["sep5"], g["y5"], text[max(0, match.start() - _GUARD_WINDOW):match.start()]):
            continue
        else:
            iso = _iso(int(g["y5"]), int(g["m5"]), int(g["d5"]))
        if iso:
            yield iso, match.start(), match.end()


def _day_first_or_us(g: dict[str, str], after: str) -> str | None:
    """'13-06-2023', '13.06.2023', '13/06/2023' day first; '8/29/2019' month first when the day-first
    reading is no date (a 'month' over 12) or a 12-hour clock follows ('8/29/2019 4:00:00 PM')."""
    first, second, year = int(g["d4"]), int(g["m4"]), int(g["y4"])
    if g["sep"] == "/" and (second > 12 or P.us_clock_after.match(after)):
        return _iso(year, first, second)
    return _iso(year, second, first)


def _day_month_allowed(separator: str, year: str, before: str) -> bool:
    """"15/3-2010" always; "9/3-10" and "3/2 2020" only after a weekday, "den" or a date label."""
    if separator == "-" and len(year) == 4:
        return True
    return (separator == "-" or len(year) == 4) and P.date_guard_before.search(before) is not None


def find_date(text: str) -> str | None:
    return next((iso for iso, _, _ in iter_dates(text)), None)


def iter_times(text: str) -> Iterator[tuple[str, int, int]]:
    """Every clock time as ("HH:MM", start, end)."""
    return iter(_cached_times(text) if len(text) <= CACHED_TEXT else tuple(_times(text)))


@lru_cache(maxsize=8192)
def _cached_times(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(_times(text))


def _times(text: str) -> Iterator[tuple[str, int, int]]:
    # Every match of time holds a time_hint that starts at most one character after the match does,
    # so no match starts before the first hint's start less one: the search starts there (lookbehinds
    # still see the text before it), and a line without a hint is not searched.
    hint = P.time_hint.search(text)
    if hint is None:
        return
    # Not G.time: the hint holds a digit, and a digit is G.time's gate, so the gate would pass.
    for match in P.time.finditer(text, max(0, hint.start() - 1)):
        hour = int(match["h"] or match["h2"])
        minute = int(match["m"] or 0)
        if match["ampm"] and hour <= 12:
            hour = hour % 12 + (12 if match["ampm"] == "PM" else 0)
        if hour < 24 and minute < 60:
            yield f"{hour:02d}:{minute:02d}", match.start(), match.end()


def find_time(text: str) -> str | None:
    return next((t for t, _, _ in iter_times(text)), None)
