"""The one exception type the library raises for bad input, with a stable error code."""

from __future__ import annotations


class ReferatError(Exception):
    """A problem with one input, reported to users as one line: ``PATH: message``.

    ``code`` is a stable, machine-readable identifier (used in ``_errors.jsonl``).
    """

    def __init__(self, code: str, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path

    def with_path(self, path: str) -> ReferatError:
        self.path = path
        return self

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message
