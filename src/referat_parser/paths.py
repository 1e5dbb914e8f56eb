"""File names as text: a name that is not valid UTF-8 is written in a quoted form that round-trips.

POSIX file names are bytes. Python hands a name that is not valid UTF-8 (a Latin-1 name from an
old ZIP archive, ``b"m\\xf8de.txt"``) to a program as a str with lone surrogates
(``"m\\udcf8de.txt"``), which can be opened but not written as UTF-8 or JSON. Wherever referat
writes a path as text (``source.path``, ``_errors.jsonl``, ``_manifest.jsonl``, messages) it
writes ``escape_path(path)``:

* a path that is valid UTF-8, holds no control character and does not start with a double quote
  is written as it is (nearly every path);
* any other path is written in double quotes, with ``\\\\`` for a backslash, ``\\"`` for a double
  quote, ``\\xHH`` for a control character or a byte that is not part of valid UTF-8, and
  ``\\uXXXX`` for a lone surrogate that stands for no byte (a str built in Python). This is the
  C-style quoting git and ``ls --quoting-style=c`` use, with hexadecimal instead of octal escapes.

``unescape_path`` turns either form back into the str the operating system takes: ``open()`` and
``Path`` open the file, ``os.fsencode`` gives its original bytes.
"""

from __future__ import annotations

import os

_QUOTE = '"'
_SURROGATE_ESCAPE = 0xDC00  # os.fsdecode maps an undecodable byte B (0x80-0xFF) to chr(0xDC00 + B)
_HEX = "0123456789abcdefABCDEF"


def _plain(char: str) -> bool:
    """A character written as it is: not a control character, DEL or a lone surrogate."""
    code = ord(char)
    return code >= 0x20 and code != 0x7F and not 0xD800 <= code <= 0xDFFF


def _escape_char(char: str) -> str:
    if char in '\\"':
        return "\\" + char
    if _plain(char):
        return char
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of the file name
        return f"\\x{code - _SURROGATE_ESCAPE:02x}"
    if code < 0x80:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def escape_path(path: str | os.PathLike[str]) -> str:
    """``path`` as text that is valid Unicode and one line; see the module docstring."""
    text = os.fspath(path)
    # isprintable() is False for every control character and lone surrogate (and for a few plain
    # characters, which the character test then lets through): one C call for nearly every path.
    if not text.startswith(_QUOTE) and (text.isprintable() or all(_plain(char) for char in text)):
        return text
    return _QUOTE + "".join(_escape_char(char) for char in text) + _QUOTE


def unescape_path(text: str) -> str:
    """The path ``escape_path`` wrote, as the str the operating system takes. Raises ValueError
    for a quoted text with an unknown escape or an unescaped quote."""
    if len(text) < 2 or not (text.startswith(_QUOTE) and text.endswith(_QUOTE)):
        return text
    inner, out, i = text[1:-1], [], 0
    while i < len(inner):
        char = inner[i]
        if char == _QUOTE:
            raise ValueError(f"not an escaped path (unescaped quote): {text!r}")
        if char != "\\":
            out.append(char)
            i += 1
            continue
        kind = inner[i + 1:i + 2]
        if kind in ('"', "\\"):
            out.append(kind)
            i += 2
        elif kind in ("x", "u") and _is_hex(inner[i + 2:i + (4 if kind == "x" else 6)], 2 if kind == "x" else 4):
            digits = 2 if kind == "x" else 4
            value = int(inner[i + 2:i + 2 + digits], 16)
            out.append(chr(_SURROGATE_ESCAPE + value if kind == "x" and value >= 0x80 else value))
            i += 2 + digits
        else:
            raise ValueError(f"not an escaped path (bad escape at {i}): {text!r}")
    return "".join(out)


def _is_hex(text: str, length: int) -> bool:
    return len(text) == length and all(char in _HEX for char in text)


def join(folder: str, name: str) -> str:
    """``folder``/``name`` (``name`` with '/' between its parts) as ``str(Path(folder) / name)`` gives it
    for a folder pathlib has normalised: the current folder adds no './' in front, and the parts are
    joined with the system's separator. Text, as a batch joins a name for every file it lists."""
    parts = name.split("/")
    return os.path.join(*parts) if folder == "." else os.path.join(folder, *parts)
