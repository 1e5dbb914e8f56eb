"""The options of a batch, and their checks (made before anything is parsed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import ReferatError, UsageError
from ..parse_options import DEFAULT_PDF_BACKEND, ParseOptions


@dataclass
class BatchOptions:
    jobs: int | None = None  # None: all cores
    timeout: float | None = 60.0  # seconds per file
    max_memory: int | None = None  # bytes of address space per worker
    max_bytes: int | None = 200 * 1024 * 1024
    max_pages: int | None = 5000
    pdf_backend: str = DEFAULT_PDF_BACKEND
    globs: Sequence[str] = ()
    excludes: Sequence[str] = ()
    force: bool = False
    scheduler: str | None = None  # Dask scheduler address, or "local"
    inline: bool = False  # parse in this process (no isolation; for debugging)

    def parse_options(self) -> ParseOptions:
        """The per-file options; an invalid one (an unknown PDF backend) is a UsageError."""
        try:
            return ParseOptions(pdf_backend=self.pdf_backend, max_bytes=self.max_bytes, max_pages=self.max_pages)
        except ReferatError as exc:
            raise UsageError(exc.message) from None


def parse_size(text: str) -> int:
    """'512M', '2G', '1.5GB', '100000' -> bytes."""
    value = text.strip().upper().removesuffix("B").removesuffix("I")
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}
    factor = 1
    if value and value[-1] in units:
        factor = units[value[-1]]
        value = value[:-1]
    try:
        number = float(value)
    except ValueError:
        raise UsageError(f"not a size: {text!r} (use e.g. 500M or 2G)") from None
    if number <= 0:
        raise UsageError(f"size must be positive: {text!r}")
    return int(number * factor)
