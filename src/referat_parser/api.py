"""The library functions; the CLI is a thin layer over these."""

from __future__ import annotations

import contextlib
import gc
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ReferatError
from .models import Meeting, Source
from .read import Document, read_bytes, read_path
from .read.text import read_text_bytes

if TYPE_CHECKING:
    from .trace import Trace


@dataclass(frozen=True)
class ParseOptions:
    pdf_backend: str = "pypdfium2"  # or "pdfplumber"
    max_bytes: int | None = 200 * 1024 * 1024
    max_pages: int | None = 5000


DEFAULT_OPTIONS = ParseOptions()


def parse_text(text: str, *, path: str = "<text>") -> Meeting:
    """Parse minutes given as a string."""
    data = text.encode("utf-8")
    return _parse_document(read_text_bytes(data), data, path)


def parse_bytes(data: bytes, *, path: str = "<bytes>", options: ParseOptions = DEFAULT_OPTIONS) -> Meeting:
    """Parse the bytes of a text, PDF, HTML or Word file (the format is sniffed, not taken from a name)."""
    try:
        doc = read_bytes(data, pdf_backend=options.pdf_backend, max_pages=options.max_pages)
    except ReferatError as exc:
        raise exc.with_path(path) from None
    return _parse_document(doc, data, path)


def parse_file(path: str | Path, *, options: ParseOptions = DEFAULT_OPTIONS) -> Meeting:
    """Parse one file. Raises ReferatError (with the path) for anything wrong with the input."""
    path = Path(path)
    try:
        doc, data = read_path(path, pdf_backend=options.pdf_backend, max_bytes=options.max_bytes,
                              max_pages=options.max_pages)
    except ReferatError as exc:
        raise exc.with_path(str(path)) from None
    return _parse_document(doc, data, str(path))


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
        raise exc.with_path(str(path)) from None
    return build_trace(run_stages(doc, _source(doc, data, str(path))))


def _source(doc: Document, data: bytes, path: str) -> Source:
    return Source(path=path, sha256=hashlib.sha256(data).hexdigest(), format=doc.format,  # type: ignore[arg-type]
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
