"""The exceptions: ReferatError, the one type the library raises for bad input (with a stable
code), and UsageError, a problem with the command or options as given."""

from __future__ import annotations

# Every code the library raises, with what it means. The codes are stable: scripts match on them
# (``_errors.jsonl``), so rename none; add new ones here and to docs/errors.md.
CODES: dict[str, str] = {
    "empty": "the file is empty or holds only whitespace",
    "binary": "the file is binary data (NUL bytes, control characters, a known binary format), not text",
    "unsupported_format": "a format the parser cannot read (RTF, an old binary .doc, absurdly nested HTML)",
    "bad_encoding": "the bytes cannot be decoded as text in any supported encoding",
    "not_found": "no such file",
    "is_directory": "a directory was given where a file was expected",
    "permission_denied": "the file cannot be read: permission denied",
    "unreadable": "the file cannot be read (I/O error, symlink loop, ...)",
    "too_large": "the file is larger than ParseOptions.max_bytes, or a Word file's part unpacks too large",
    "too_many_pages": "the PDF has more pages than ParseOptions.max_pages",
    "corrupt_pdf": "the PDF is truncated or damaged and cannot be opened",
    "encrypted": "the PDF is encrypted with a user password",
    "corrupt_docx": "the Word file is damaged (not a readable ZIP, a part missing or not well-formed)",
    "no_text": "the PDF has no text layer (scanned pages; needs OCR)",
    "no_unicode": "the PDF's fonts have no Unicode map, so its text cannot be extracted",
    "bad_option": "an invalid option value (such as an unknown PDF backend)",
    "invalid_output": "a file given to `referat show`/`validate` is not a valid referat output",
    "unknown_xml": "an XML document that is not a meeting-system export the parser knows",
    "bad_xml": "damaged XML from which not even a root element can be recovered",
}
# A batch adds its own codes (timeout, out_of_memory, worker_crashed, internal_error,
# write_error): see worker.BATCH_CODES.

# Codes of the warnings the readers record in Document.warnings (copied into Meeting.warnings):
# the file was read, but after a guess or a repair, or with parts missing.
READER_WARNING_CODES: dict[str, str] = {
    "legacy_encoding": "not UTF-8: decoded as cp1252 or latin-1",
    "mixed_encoding": "mostly UTF-8, with single bytes read as cp1252",
    "replaced_bytes": "invalid byte sequences replaced with U+FFFD",
    "replaced_surrogates": "parse_text got a str with lone surrogates (undecodable bytes), replaced with U+FFFD",
    "mojibake_repaired": "double-encoded UTF-8 ('Ã¦' for 'æ') repaired",
    "utf16_no_bom": "UTF-16 without a byte-order mark, recognised by its NUL bytes",
    "control_chars_removed": "stray control characters removed",
    "html": "the file looks like an HTML page",
    "declared_encoding_wrong": "an HTML page's declared encoding does not fit its bytes; detected instead",
    "no_unicode": "some PDF text is in fonts without a Unicode map and was not decoded",
    "pages_without_text": "some PDF pages have no text layer (scanned?)",
    "damaged_pages": "some PDF pages could not be read",
    "tables_skipped": "the PDF's tables could not be read (the text is complete)",
    "invalid_xml_characters": "character references or control characters XML forbids (form feeds) removed",
    "xml_repaired": "the XML is not well-formed; what could be recovered was read",
    "export_fields_dropped": "fields of a meeting-system export that have content but no place in the output",
}
# Codes of the warnings the parser adds about what it found.
PARSER_WARNING_CODES: dict[str, str] = {
    "not_minutes": "no agenda items with sections or decisions: not recognised as minutes",
    "other_language": "the document is not in Danish (Norwegian, Swedish, ...)",
    "toc_mismatch": "the table of contents and the agenda items found disagree",
}
WARNING_CODES: dict[str, str] = {**READER_WARNING_CODES, **PARSER_WARNING_CODES}


class ReferatError(Exception):
    """A problem with one input, reported to users as one line: ``PATH: message``.

    ``code`` is a stable, machine-readable identifier (used in ``_errors.jsonl``); see CODES.
    """

    def __init__(self, code: str, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path

    def with_path(self, path: str) -> ReferatError:
        self.path = path
        return self

    def to_dict(self) -> dict[str, str | None]:
        """The error as a JSON-ready record: {path, code, message}."""
        return {"path": self.path, "code": self.code, "message": self.message}

    def __reduce__(self) -> tuple[type[ReferatError], tuple[str, str, str | None]]:
        # Keep code and path when the error crosses a process boundary (parallel batches):
        # the default pickling calls __init__ with the message alone and fails.
        return (type(self), (self.code, self.message, self.path))

    def __repr__(self) -> str:
        return f"ReferatError({self.code!r}, {self.message!r}, path={self.path!r})"

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class UsageError(ValueError):
    """A problem with the command or the options as given (not with one input): the CLI exits 2."""
