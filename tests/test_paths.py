"""File names as text (paths.py): any name round-trips through its escaped form, and the form is
valid Unicode on one line, so it can be written as UTF-8 JSON and in a one-line message."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referat_parser.paths import escape_path, unescape_path

NAMES = st.binary(min_size=1, max_size=60).filter(lambda b: b"/" not in b and b"\x00" not in b)


@settings(max_examples=300, deadline=None)
@given(NAMES, st.sampled_from(["", "in/", "/abs/in/", "æ/"]))
def test_every_file_name_round_trips(name: bytes, folder: str):
    path = os.fsdecode(folder.encode() + name)
    text = escape_path(path)
    text.encode("utf-8")  # valid Unicode: no lone surrogates left
    assert "\n" not in text and "\r" not in text
    assert os.fsencode(unescape_path(text)) == folder.encode() + name


@pytest.mark.parametrize("name", ["a/b.txt", "møde 2024.txt", "with \\ backslash", "end quote\"", "ø\u00e6\u2013"])
def test_ordinary_names_are_written_as_they_are(name: str):
    assert escape_path(name) == name
    assert unescape_path(name) == name


def test_a_latin1_name_is_quoted_with_its_bytes():
    path = os.fsdecode(b"in/m\xf8de-\xe6.txt")
    assert escape_path(path) == '"in/m\\xf8de-\\xe6.txt"'
    assert escape_path(os.fsdecode(b'"q"\\.txt')) == '"\\"q\\"\\\\.txt"'  # a name that starts with a quote


@pytest.mark.parametrize("text", ['"\\q"', '"a"b"', '"\\x4"', '"\\u12"'])
def test_a_malformed_escaped_path_is_refused(text: str):
    with pytest.raises(ValueError):
        unescape_path(text)


@pytest.mark.parametrize("text", ["møde/referat.txt", "a\u00a0b.txt", "zero\u200bwidth.txt", "soft\u00adhyphen.txt",
                                  "tab\tname.txt", "m\udcf8de.txt", "del\x7f.txt", '"quoted".txt', "line\u2028sep.txt"])
def test_the_printable_shortcut_writes_what_the_character_rule_writes(text):
    # isprintable() is only a shortcut: a name is written as it is exactly when every character is plain.
    plain = not text.startswith('"') and all(ord(c) >= 0x20 and ord(c) != 0x7F and not 0xD800 <= ord(c) <= 0xDFFF
                                             for c in text)
    assert (escape_path(text) == text) is plain
    assert unescape_path(escape_path(text)) == text
