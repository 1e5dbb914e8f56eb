"""The unit of work of a batch: one input file in, one small picklable summary out.

Every executor (in-process, the process pool, Dask) runs the same ``process_one``; it never lets
an exception escape and never returns the parsed model, only counts (and, for streaming modes,
the JSON text), so a batch of any size keeps the parent's memory flat.
"""

from __future__ import annotations

import contextlib
import os
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .paths import escape_path

if TYPE_CHECKING:
    from .parse_options import ParseOptions

# Error codes a batch adds to errors.CODES (which the library raises for bad input).
BATCH_CODES: dict[str, str] = {
    "timeout": "parsing the file took longer than the per-file timeout",
    "out_of_memory": "parsing the file needed more memory than the per-file limit (--max-memory)",
    "worker_crashed": "the process parsing the file died (a crash in a native library, killed, ...)",
    "internal_error": "a bug in the parser: the message names the exception; rerun with --debug",
    "write_error": "the output file could not be written",
}

# How the worker hands the result back: write a file, or return the JSON text to the caller.
Mode = Literal["file", "jsonl", "text"]


@dataclass(frozen=True)
class Task:
    source: str
    target: str | None  # output file (mode "file")
    mode: Mode = "file"
    options: ParseOptions | None = None


@dataclass
class FileResult:
    source: str  # the paths as the operating system takes them; escape_path() them to print
    target: str | None = None
    ok: bool = False
    code: str | None = None
    message: str | None = None
    sha256: str | None = None
    size: int = 0
    pages: int = 0
    kind: str | None = None
    language: str | None = None
    parser_version: str | None = None
    items: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    warnings: int = 0
    text: str | None = None  # the JSON, in modes "jsonl" and "text"
    traceback: str | None = None  # for --debug

    @classmethod
    def failure(cls, task: Task, code: str, message: str, tb: str | None = None) -> FileResult:
        return cls(source=task.source, target=task.target, code=code, message=message, traceback=tb)

    def error_line(self) -> str:
        """The one-line form users see: ``PATH: message``."""
        return f"{escape_path(self.source)}: {self.message}"

    def error_record(self) -> dict[str, str | None]:
        """The failure as a line of ``_errors.jsonl``: ``{file, code, message}``."""
        return {"file": escape_path(self.source), "code": self.code, "message": self.message}


def process_one(task: Task) -> FileResult:
    """Parse ``task.source`` and deliver it as ``task.mode`` says. Never raises for a bad input."""
    from .api import parse_file
    from .errors import ReferatError
    from .parse_options import ParseOptions

    try:
        meeting = parse_file(task.source, options=task.options or ParseOptions())
    except ReferatError as exc:
        return FileResult.failure(task, exc.code, exc.message)
    except MemoryError:
        return FileResult.failure(task, "out_of_memory", "out of memory (over the per-file memory limit)")
    except Exception as exc:
        return FileResult.failure(task, "internal_error", f"internal error ({type(exc).__name__}: {exc})",
                                  traceback.format_exc())
    outcomes: Counter[str] = Counter()
    for item in meeting.items:
        if item.decision is not None:
            outcomes[item.decision.outcome or "unknown"] += 1
    result = FileResult(
        source=task.source, target=task.target, ok=True, sha256=meeting.source.sha256,
        size=meeting.source.size, pages=meeting.source.pages or 0, kind=meeting.kind,
        language=meeting.language, parser_version=meeting.parser_version, items=len(meeting.items),
        outcomes=dict(outcomes), warnings=len(meeting.warnings),
    )
    try:
        if task.mode == "file":
            assert task.target is not None
            _write(Path(task.target), meeting.to_json())
        elif task.mode == "jsonl":
            result.text = meeting.model_dump_json(by_alias=True) + "\n"
        else:
            result.text = meeting.to_json()
    except MemoryError:
        return FileResult.failure(task, "out_of_memory", "out of memory (over the per-file memory limit)")
    except OSError as exc:
        return FileResult.failure(task, "write_error", f"cannot write {task.target}: {exc.strerror or exc}")
    return result


def _write(path: Path, text: str) -> None:
    from .output import write_atomic

    write_atomic(path, text)


def remove_partial(target: str | None) -> None:
    """Delete the temporary files write_atomic leaves when its process is killed mid-write."""
    if not target:
        return
    from .output import temp_files

    for tmp in temp_files(Path(target)):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
