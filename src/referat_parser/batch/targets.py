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
from pathlib import Path, PurePosixPath

from ..errors import UsageError
from ..paths import escape_path
from .discovery import Input


def plan_targets(files: Sequence[Input], out: Path) -> list[Path]:
    """The output file of each input: OUT/<rel>.json, with collisions resolved as the module says."""
    first = [PurePosixPath(f.rel).with_suffix(".json") for f in files]
    counts = Counter(first)
    used: set[PurePosixPath] = set(first)
    seen: set[PurePosixPath] = set()
    targets: list[Path] = []
    for f, rel in zip(files, first, strict=True):
        if counts[rel] > 1 and rel in seen:  # the first keeps <stem>.json, so every stem has one
            rel = PurePosixPath(f.rel).with_name(f.rel.name + ".json")
            base, n = rel, 2
            while rel in used:
                rel = base.with_name(f"{base.name[:-5]}-{n}.json")
                n += 1
            used.add(rel)
        else:
            seen.add(rel)
        targets.append(out.joinpath(*rel.parts))
    return targets


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


def check_no_input_replaced(files: Sequence[Input], targets: Sequence[Path]) -> None:
    """Refuse outputs that would replace an input (``referat parse a.json --glob '*.json' -o .``)."""
    input_files = {os.path.realpath(f.path) for f in files if f.rel.suffix.lower() == ".json"}
    if not input_files:
        return
    for f, target in zip(files, targets, strict=True):
        if os.path.realpath(target) in input_files:
            raise UsageError(f"the output {escape_path(target)} would overwrite the input {escape_path(f.path)}; "
                             "choose another output folder")
