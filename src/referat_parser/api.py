"""The library functions; the CLI is a thin layer over these."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .drafts import SourceDraft
from .errors import ReferatError
from .models import Meeting
from .parse_options import ParseOptions
from .paths import escape_path
from .read import Document, read_bytes, read_path
from .read.text import read_text_bytes

if TYPE_CHECKING:
    from .trace import Trace

__all__ = ["DEFAULT_OPTIONS", "ParseOptions", "parse_bytes", "parse_file", "parse_text", "trace_file"]

DEFAULT_OPTIONS = ParseOptions()


def parse_text(text: str, *, path: str = "<text>") -> Meeting:
    """Parse minutes given as a string. Lone surrogates (undecodable bytes carried in a str) are
    replaced with U+FFFD and counted in a ``replaced_surrogates`` warning."""
    try:
        data = text.encode("utf-8")
        replaced = 0
    except UnicodeEncodeError:  # lone surrogates: undecodable bytes carried by surrogateescape
        text, replaced = _replace_surrogates(text)
        data = text.encode("utf-8")
    doc = read_text_bytes(data)
    if replaced:
        doc.warnings.append(("replaced_surrogates", f"{replaced} lone surrogate(s) (bytes that were never "
                                                    "decoded) replaced with U+FFFD"))
    return _parse_document(doc, data, path)


def _replace_surrogates(text: str) -> tuple[str, int]:
    """``text`` with each lone surrogate replaced by U+FFFD, and how many there were."""
    chars = ["\ufffd" if "\ud800" <= char <= "\udfff" else char for char in text]
    replaced = sum(1 for char in chars if char == "\ufffd") - text.count("\ufffd")
    return "".join(chars), replaced


def parse_bytes(data: bytes, *, path: str = "<bytes>", options: ParseOptions = DEFAULT_OPTIONS) -> Meeting:
    """Parse the bytes of a text, PDF, HTML or Word file (the format is sniffed, not taken from a name)."""
    try:
        doc = read_bytes(data, pdf_backend=options.pdf_backend, max_pages=options.max_pages)
    except ReferatError as exc:
        raise exc.with_path(escape_path(path)) from None
    return _parse_document(doc, data, path)


def parse_file(path: str | Path, *, options: ParseOptions = DEFAULT_OPTIONS) -> Meeting:
    """Parse one file. Raises ReferatError (with the path) for anything wrong with the input."""
    path = Path(path)
    try:
        doc, data = read_path(path, pdf_backend=options.pdf_backend, max_bytes=options.max_bytes,
                              max_pages=options.max_pages)
    except ReferatError as exc:
        raise exc.with_path(escape_path(path)) from None
    return _parse_document(doc, data, os.fspath(path))


def trace_file(path: str | Path, *, options: ParseOptions = DEFAULT_OPTIONS) -> Trace:
    """Parse one file and say why: per line the rule that classified it and the boundary rule that
    decided about it, per field the rule that found it (what ``referat show --trace`` prints)."""
    from .pipeline import run_stages
    from .trace import build_trace

    path = Path(path)
    try:
        doc, data = read_path(path, pdf_backend=options.pdf_backend, max_bytes=options.max_bytes,
                              max_pages=options.max_pages)
    except ReferatError as exc:
        raise exc.with_path(escape_path(path)) from None
    return build_trace(run_stages(doc, _source(doc, data, os.fspath(path))))


def _source(doc: Document, data: bytes, path: str) -> SourceDraft:
    """``source.path`` is written as paths.escape_path says (a name that is not valid UTF-8 in a quoted
    form that round-trips). A draft, not the model: it is validated with the meeting, in one pass."""
    return SourceDraft(path=escape_path(path), sha256=hashlib.sha256(data).hexdigest(), format=doc.format,
                       encoding=doc.encoding, pages=doc.pages, size=len(data))


def _parse_document(doc: Document, data: bytes, path: str) -> Meeting:
    from .pipeline import build_meeting

    with _no_cyclic_gc():
        return build_meeting(doc, _source(doc, data, path))


@contextlib.contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Parsing builds many small objects and no reference cycles worth collecting; the cyclic
    collector's passes over a growing heap made a large input cost more than linear time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
