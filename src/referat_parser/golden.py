"""Golden fixtures: every input in a folder has its expected JSON beside it (``name.ext.json``).

One function regenerates them, one compares; the test suite, ``referat validate --golden`` and
``tools/regen_golden.py`` all use these, so there is a single definition of "expected".
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .api import ParseOptions, parse_file
from .output import write_atomic

INPUT_SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm", ".docx", ".xml")


def expected_path(source: Path) -> Path:
    return source.with_name(source.name + ".json")


def inputs(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix.lower() in INPUT_SUFFIXES:
            yield path


def render(source: Path, root: Path, options: ParseOptions | None = None) -> str:
    """The JSON the parser gives for ``source``, with the path recorded relative to ``root``
    so the expected files do not depend on where the repository is checked out."""
    cwd = Path.cwd()
    try:
        os.chdir(root)
        meeting = parse_file(source.resolve().relative_to(root.resolve()), options=options or ParseOptions())
    finally:
        os.chdir(cwd)
    return meeting.to_json()


@dataclass
class Difference:
    source: Path
    expected: Path
    diff: str  # unified diff, or a message when the expected file is missing


def check_one(source: Path, root: Path, options: ParseOptions | None = None) -> Difference | None:
    want_path = expected_path(source)
    if not want_path.exists():
        return Difference(source, want_path, f"missing expected file {want_path}")
    got = render(source, root, options)
    want = want_path.read_text(encoding="utf-8")
    if got == want:
        return None
    diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                        str(want_path), f"{source} (parsed now)", n=2))
    return Difference(source, want_path, diff)


def check(folder: Path, options: ParseOptions | None = None) -> list[Difference]:
    return [d for source in inputs(folder) if (d := check_one(source, folder, options))]


def regenerate(folder: Path, options: ParseOptions | None = None) -> list[Path]:
    written = []
    for source in inputs(folder):
        target = expected_path(source)
        text = render(source, folder, options)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            write_atomic(target, text)
            written.append(target)
    return written
