"""Where a batch writes: one output file per input, and the checks made before anything is parsed.

* Each input ``ROOT/a/b.txt`` of a folder input is written to ``OUT/a/b.json``; a file input to
  ``OUT/<stem>.json``. When several inputs would land on the same output, the first keeps it and
  the others get ``<name>.<ext>.json`` (and a number if that still collides): nothing is
  overwritten.
* An output folder that is an input, cannot be written, or whose outputs would replace an input
  is refused with a UsageError (exit status 2).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from ..errors import UsageError
from ..paths import escape_path
from .discovery import Input, suffix


def output_names(files: Sequence[Input]) -> list[str]:
    """The output of each input relative to OUT, with '/': ``<rel>.json``, with collisions resolved
    as the module says. Text, not paths: a re-run of a large archive plans every file."""
    first = [_with_json_suffix(f.rel_posix) for f in files]
    counts = Counter(first)
    used: set[str] = set(first)
    seen: set[str] = set()
    names: list[str] = []
    for f, name in zip(files, first, strict=True):
        if counts[name] > 1 and name in seen:  # the first keeps <stem>.json, so every stem has one
            name = base = f.rel_posix + ".json"
            n = 2
            while name in used:
                name = f"{base[:-5]}-{n}.json"
                n += 1
            used.add(name)
        else:
            seen.add(name)
        names.append(name)
    return names


def _with_json_suffix(rel: str) -> str:
    """``rel`` with its file name's suffix replaced by '.json', as PurePosixPath.with_suffix does."""
    old = suffix(rel)
    return f"{rel[:len(rel) - len(old)] if old else rel}.json"


def check_output(inputs: Sequence[Path], out: Path) -> None:
    """Refuse an output folder that is an input, or that cannot be created or written."""
    out_real = os.path.realpath(out)
    shown = escape_path(out)
    for item in inputs:
        if os.path.realpath(item) == out_real:
            raise UsageError(f"the output {shown} is also an input; choose another output folder")
    if out.exists() and not out.is_dir():
        raise UsageError(f"cannot use {shown} as output folder: it is a file")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create output folder {shown}: {exc.strerror or exc}") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write to output folder {shown}: permission denied")


def check_jsonl_target(inputs: Sequence[Path], target: Path) -> None:
    """Refuse a --jsonl file that is one of the inputs (it would be replaced by the output)."""
    target_real = os.path.realpath(target)
    for item in inputs:
        if os.path.realpath(item) == target_real:
            raise UsageError(f"the output {escape_path(target)} is also an input; choose another output file")
    if target.is_dir():
        raise UsageError(f"cannot write {escape_path(target)}: it is a folder")


def check_no_input_replaced(files: Sequence[Input], targets: Sequence[str | os.PathLike[str]]) -> None:
    """Refuse outputs that would replace an input (``referat parse a.json --glob '*.json' -o .``)."""
    input_files = {os.path.realpath(f.source) for f in files if suffix(f.rel_posix).lower() == ".json"}
    if not input_files:
        return
    for f, target in zip(files, targets, strict=True):
        if os.path.realpath(target) in input_files:
            raise UsageError(f"the output {escape_path(target)} would overwrite the input {escape_path(f.source)}; "
                             "choose another output folder")
