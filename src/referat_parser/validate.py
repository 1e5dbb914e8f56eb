"""Checking outputs: JSON files against the output model, golden fixtures against the parser, and
the committed JSON Schema against the model.

An output is checked against the schema of its own major version (README, "Versions"): this
referat reads the major version of its SCHEMA_VERSION; an output of an older or equal minor
version is checked in full, one of a newer minor version is checked for every field this version
knows (the fields added since are ignored, as readers ignore unknown fields), and one of another
major version, or without a readable ``schema_version``, is refused."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .paths import escape_path
from .version import SCHEMA_VERSION

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


def _version(text: Any) -> tuple[int, int] | None:
    """(major, minor) of a schema version such as "1.0", or None."""
    if not isinstance(text, str):
        return None
    major, _, minor = text.partition(".")
    return (int(major), int(minor)) if major.isdigit() and minor.isdigit() else None


@dataclass(frozen=True)
class SchemaCheck:
    """Which schema an output is checked against, or why it cannot be."""

    version: str | None  # the output's schema_version as written
    problem: str | None = None  # set when the output cannot be checked by this version
    newer: bool = False  # a newer minor version: the fields added since are not checked


def schema_check(data: bytes) -> SchemaCheck:
    """Read ``schema_version`` from an output and decide how it is checked (module docstring)."""
    try:
        written = json.loads(data).get("schema_version")
    except (ValueError, AttributeError):
        return SchemaCheck(None)  # not a JSON object: the model reports it
    ours = _version(SCHEMA_VERSION)
    theirs = _version(written)
    assert ours is not None
    if theirs is None:
        return SchemaCheck(None, f"schema_version: {json.dumps(written)} is not a version such as "
                                 f"{json.dumps(SCHEMA_VERSION)}")
    if theirs[0] != ours[0]:
        return SchemaCheck(written, f"schema_version {written} is not readable by this referat "
                                    f"(it reads schema {ours[0]}.x)")
    return SchemaCheck(written, newer=theirs[1] > ours[1])


def validate_file(path: Path) -> str | None:
    """None when ``path`` holds a valid Meeting of a schema this version reads, else a one-line
    description of the problem."""
    return _validate(path)[0]


def _validate(path: Path) -> tuple[str | None, SchemaCheck | None]:
    from pydantic import ValidationError

    from .models import Meeting

    shown = escape_path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return f"{shown}: cannot read ({exc.strerror or exc})", None
    check = schema_check(data)
    if check.problem is not None:
        return f"{shown}: invalid: {check.problem}", check
    try:
        Meeting.model_validate_json(data)
    except ValidationError as exc:
        return f"{shown}: invalid: {describe(exc)}", check
    return None, check


def describe(exc: Exception) -> str:
    """A pydantic ValidationError in one line: where the first problem is, what, and how many more."""
    errors = exc.errors(include_url=False)  # type: ignore[attr-defined]
    first = errors[0]
    where = ".".join(str(part) for part in first["loc"]) or "(top level)"
    more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
    message = first["msg"].replace("\n", " ")
    return f"{where}: {message}{more}"


def validate_paths(paths: Sequence[Path], newer: set[str] | None = None) -> Iterator[str | None]:
    """One entry per JSON file found: None if valid, else its problem in one line. The schema
    versions of valid outputs newer than this referat's (same major) are added to ``newer``."""
    for path in json_files(paths):
        if not path.exists():
            yield f"{escape_path(path)}: no such file"
            continue
        problem, check = _validate(path)
        if problem is None and check is not None and check.newer and check.version and newer is not None:
            newer.add(check.version)
        yield problem


def check_golden(folder: Path) -> list[Difference]:
    from .golden import check

    return check(folder)


def update_golden(folder: Path) -> list[Path]:
    from .golden import regenerate

    return regenerate(folder)
