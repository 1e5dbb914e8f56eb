"""Dates and times in every form seen in minutes."""

import re

import pytest

from referat_parser.lexicon.dates import find_date, find_time, iter_times
from regex_tree import openers

DATES = [
    ("3. maj 2021", "2021-05-03"),
    ("Tirsdag d. 13. juni 2023 kl. 13:00", "2023-06-13"),
    ("13-06-2023", "2023-06-13"),
    ("13.06.2023", "2023-06-13"),
    ("13.06.23", "2023-06-13"),
    ("den 11. august 2015:", "2015-08-11"),
    ("Onsdag, April 3, 2019 - 18:00", "2019-04-03"),
    ("Tirsdag, 27 august, 2019 - 16:00", "2019-08-27"),
    ("04-06-2020 09:00:00", "2020-06-04"),
    ("Onsdag den 15-maj-2002", "2002-05-15"),
    ("23. jun 2020", "2020-06-23"),
    ("1. sept. 2021", "2021-09-01"),
    ("2023-06-13", "2023-06-13"),
    ("Mødedato: d. 15/3-2010", "2010-03-15"),
    ("Beslutning i Økonomiudvalget d. 1/12-2009:", "2009-12-01"),
    ("12. sep. 2023 kl. 13.00", "2023-09-12"),
    # Two-digit year or a space before the year: only after a weekday, "d."/"den" or a date label.
    ("tirsdag d. 9/3-10 kl. 13.30", "2010-03-09"),
    ("Mødedato: 9/3-10", "2010-03-09"),
    ("mandag den 3/2 2020 kl. 16", "2020-02-03"),
    ("Onsdag 3/2 2021", "2021-02-03"),
]


@pytest.mark.parametrize(("text", "iso"), DATES)
def test_dates(text, iso):
    assert find_date(text) == iso


@pytest.mark.parametrize("text", ["00.22.04-G01-1-18", "15.00.00-G01-39-18S", "pr. 31/5 2018", "32.13.2020", "30. februar 2021",
                                  "Sagsnr. 23/10133", "2023/19877", "ca. 3/4 af beløbet", "32/3-2010", "15/13-2010",
                                  "Sag 10/15/3-2010", "1/2-2010-3", "Sagsnr. 9/3-10", "ca. 3/2 2020 af beløbet",
                                  "den 3/2 20 gange"])
def test_not_dates(text):
    assert find_date(text) is None


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("Referat • 3. maj 2021 kl. 15.30", "15:30"),
        ("Mødetidspunkt: Kl. 18:00", "18:00"),
        ("04-06-2020 09:00:00", "09:00"),
        ("Mødetidspunkt: 9:30-11:00", "09:30"),
        ("kl. 18", "18:00"),
        ("mandag den 3/2 2020 kl. 16", "16:00"),
    ],
)
def test_times(text, time):
    assert find_time(text) == time


def test_a_date_is_not_a_time():
    assert list(iter_times("Beskæftigelsesudvalget, 13.06.2023")) == []



def test_the_date_look_ahead_admits_every_way_a_date_opens():
    """The date pattern's look-ahead (a digit or a month's first letter) only repeats what its alternatives
    require: each opens with a digit or a letter of the class, read from the parse tree."""
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    from referat_parser.lexicon import patterns as P
    from referat_parser.lexicon.data import months

    text, flags = P.source("date")
    behind, ahead, body = _parser.parse(text, flags).data
    assert behind[0] is C.ASSERT_NOT and ahead[0] is C.ASSERT and ahead[1][0] == 1
    found = list(openers([body], past_lookbehinds=True))
    for op, arg in found:
        assert op is C.LITERAL or (op, arg) == (C.IN, [(C.CATEGORY, C.CATEGORY_DIGIT)]), (op, arg)
    letters = {chr(arg) for op, arg in found if op is C.LITERAL}
    assert {letter.casefold() for letter in letters} == {month[0] for month in months()}
    look = re.compile(text[:text.index("(?:")], flags)  # the look-behind and look-ahead alone
    for char in [*letters, *(letter.upper() for letter in letters), "7", "٣"]:
        assert look.match(f" {char}", 1), char
