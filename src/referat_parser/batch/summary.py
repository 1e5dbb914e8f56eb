"""What a batch reports: events as files finish (for a progress bar), and the summary at the end."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ..worker import FileResult  # only named: an unchanged re-run makes no result


class Events(Protocol):
    """What a front end (the CLI's progress bar or log lines) is told as a batch runs."""

    def planned(self, total: int, skipped: int, total_bytes: int) -> None: ...

    def done(self, result: FileResult) -> None: ...


class NoEvents:
    def planned(self, total: int, skipped: int, total_bytes: int) -> None:
        pass

    def done(self, result: FileResult) -> None:
        pass


@dataclass
class Summary:
    total: int = 0  # inputs found
    parsed: int = 0
    skipped: int = 0  # unchanged since the last run
    failed: int = 0
    not_minutes: int = 0
    items: int = 0
    pages: int = 0
    bytes: int = 0
    warnings: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    failures_by_code: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    interrupted: bool = False
    errors_file: Path | None = None

    def add(self, result: FileResult) -> None:
        if result.ok:
            self.parsed += 1
            self.items += result.items
            self.pages += result.pages
            self.bytes += result.size
            self.warnings += result.warnings
            self.outcomes.update(result.outcomes)
            if result.kind == "not_minutes":
                self.not_minutes += 1
        else:
            self.failed += 1
            self.failures_by_code[result.code or "unknown"] += 1

    def line(self) -> str:
        """The summary as one line (for logs)."""
        parts = [f"{self.parsed} parsed"]
        if self.skipped:
            parts.append(f"{self.skipped} unchanged")
        parts.append(f"{self.failed} failed")
        parts.append(f"{self.items} items")
        if self.outcomes:
            parts.append("decisions: " + ", ".join(f"{k} {v}" for k, v in sorted(self.outcomes.items())))
        parts.append(f"{self.warnings} warnings")
        if self.not_minutes:
            parts.append(f"{self.not_minutes} not minutes")
        rate = f" ({self.parsed / self.seconds:.1f} files/s)" if self.seconds > 0 and self.parsed else ""
        return ", ".join(parts) + f" in {self.seconds:.1f} s{rate}"
