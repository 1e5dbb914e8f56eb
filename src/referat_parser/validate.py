"""Checking outputs: JSON files against the output model, golden fixtures against the parser, and
the committed JSON Schema against the model."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .golden import Difference

SCHEMA_FILE = Path(__file__).resolve().parent / "schema" / "meeting.schema.json"


def schema_text() -> str:
    """The JSON Schema of the output, as committed in schema/meeting.schema.json."""
    from .models import Meeting

    return json.dumps(Meeting.model_json_schema(by_alias=True), indent=2, ensure_ascii=False) + "\n"


def json_files(paths: Sequence[Path]) -> Iterator[Path]:
    """The .json files given, and those in the folders given (recursively, in a stable order)."""
    for path in paths:
        if path.is_dir():
            yield from (p for p in sorted(path.rglob("*.json")) if p.is_file())
        else:
            yield path


def validate_file(path: Path) -> str | None:
    """None when ``path`` holds a valid Meeting, else a one-line description of the problem."""
    from pydantic import ValidationError

    from .models import Meeting

    try:
        data = path.read_bytes()
    except OSError as exc:
        return f"{path}: cannot read ({exc.strerror or exc})"
    try:
        Meeting.model_validate_json(data)
    except ValidationError as exc:
        return f"{path}: invalid: {describe(exc)}"
    return None


def describe(exc: Exception) -> str:
    """A pydantic ValidationError in one line: where the first problem is, what, and how many more."""
    errors = exc.errors(include_url=False)  # type: ignore[attr-defined]
    first = errors[0]
    where = ".".join(str(part) for part in first["loc"]) or "(top level)"
    more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
    message = first["msg"].replace("\n", " ")
    return f"{where}: {message}{more}"


def validate_paths(paths: Sequence[Path]) -> Iterator[str | None]:
    """One entry per JSON file found: None if valid, else its problem in one line."""
    for path in json_files(paths):
        if not path.exists():
            yield f"{path}: no such file"
            continue
        yield validate_file(path)


def check_golden(folder: Path) -> list[Difference]:
    from .golden import check

    return check(folder)


def update_golden(folder: Path) -> list[Path]:
    from .golden import regenerate

    return regenerate(folder)
