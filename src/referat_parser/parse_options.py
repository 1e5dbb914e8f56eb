"""ParseOptions: how one file is parsed. A module of its own, free of pydantic and the parser, so a
batch's parent process (which only hands out tasks) can build them without importing either."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import ReferatError


@dataclass(frozen=True)
class ParseOptions:
    pdf_backend: str = "pypdfium2"  # or "pdfplumber"
    max_bytes: int | None = 200 * 1024 * 1024
    max_pages: int | None = 5000

    def __post_init__(self) -> None:
        # An unknown backend is refused whatever the inputs (a batch of text files too), so a typo
        # is not found only when the first PDF comes along. The default needs no look-up (a test
        # keeps it among the reader's backends), which keeps the PDF reader out of text-only runs.
        if self.pdf_backend != DEFAULT_PDF_BACKEND:
            from .read.pdf import BACKENDS

            if self.pdf_backend not in BACKENDS:
                raise ReferatError("bad_option", f"unknown PDF backend {self.pdf_backend!r} "
                                                 f"(choose {' or '.join(BACKENDS)})")


DEFAULT_PDF_BACKEND = "pypdfium2"
