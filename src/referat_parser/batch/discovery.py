"""Which files a batch parses: folders searched recursively, in a stable order.

* Files given by name are always taken; folders are searched for DEFAULT_SUFFIXES (or ``--glob``)
  minus ``--exclude``, following symlinked folders once (symlink loops end).
* A file or folder that cannot be listed or stat'ed is an entry with an ``error``, not an
  exception: the batch reports it and goes on.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# The file name suffixes a folder is searched for (case-insensitive) when no --glob is given.
# Readers of new formats add theirs here.
DEFAULT_SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm", ".docx", ".xml")


@dataclass(frozen=True)
class Input:
    path: Path  # as found (joined to the input given)
    rel: PurePosixPath  # relative to its input root; the file name for a file input
    size: int = 0
    mtime_ns: int = 0
    error: tuple[str, str] | None = None  # (code, message) when it cannot even be listed


def _matches(rel: PurePosixPath, pattern: str) -> bool:
    """gitignore-like: a pattern without '/' matches a file or folder name at any depth; a pattern
    with '/' matches the path relative to the input folder (or a folder that holds it)."""
    if "/" not in pattern.strip("/"):
        return any(fnmatch.fnmatchcase(part, pattern.strip("/")) for part in rel.parts)
    pattern = pattern.strip("/")
    text = rel.as_posix()
    if fnmatch.fnmatchcase(text, pattern) or fnmatch.fnmatchcase(text, pattern + "/*"):
        return True
    return any(fnmatch.fnmatchcase("/".join(rel.parts[:i]), pattern) for i in range(1, len(rel.parts)))


def _wanted(rel: PurePosixPath, globs: Sequence[str], excludes: Sequence[str]) -> bool:
    if any(_matches(rel, pattern) for pattern in excludes):
        return False
    if globs:
        return any(fnmatch.fnmatchcase(rel.name, g) if "/" not in g else fnmatch.fnmatchcase(rel.as_posix(), g)
                   for g in globs)
    return rel.suffix.lower() in DEFAULT_SUFFIXES


def os_error(exc: OSError) -> tuple[str, str]:
    """(code, message) of an error listing or stat'ing a path."""
    if isinstance(exc, FileNotFoundError):
        return "not_found", "no such file or folder"
    if isinstance(exc, PermissionError):
        return "permission_denied", "permission denied"
    return "unreadable", f"cannot read ({exc.strerror or exc})"


def discover(inputs: Sequence[Path], *, globs: Sequence[str] = (), excludes: Sequence[str] = (),
             skip: Sequence[Path] = ()) -> Iterator[Input]:
    """Every input file, in a stable order. Files given by name are always taken; folders are
    searched recursively for files matching ``globs`` (default: DEFAULT_SUFFIXES) and not
    ``excludes``. Folders in ``skip`` (the output folder) are not entered."""
    skip_real = {os.path.realpath(p) for p in skip}
    for item in inputs:
        try:
            st = os.stat(item)
        except OSError as exc:
            yield Input(item, PurePosixPath(item.name or str(item)), error=os_error(exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(item, globs, excludes, skip_real)
        else:
            yield Input(item, PurePosixPath(item.name), st.st_size, st.st_mtime_ns)


def _walk(root: Path, globs: Sequence[str], excludes: Sequence[str], skip_real: set[str]) -> Iterator[Input]:
    seen: set[tuple[int, int]] = set()

    def visit(folder: Path, rel: PurePosixPath) -> Iterator[Input]:
        try:
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in seen or os.path.realpath(folder) in skip_real:
                return  # a symlink loop, a folder reached twice, or the output folder
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield Input(folder, rel if rel.parts else PurePosixPath(folder.name), error=os_error(exc))
            return
        for entry in entries:
            child = rel / entry.name
            path = folder / entry.name
            try:
                is_dir = entry.is_dir()  # follows symlinks; `seen` ends loops
            except OSError:
                is_dir = False
            if is_dir:
                if not any(_matches(child, pattern) for pattern in excludes):
                    yield from visit(path, child)
                continue
            if not _wanted(child, globs, excludes):
                continue
            try:
                est = entry.stat()
            except OSError as exc:  # a broken symlink or a symlink loop named like an input
                yield Input(path, child, error=os_error(exc))
                continue
            if stat.S_ISREG(est.st_mode):
                yield Input(path, child, est.st_size, est.st_mtime_ns)

    yield from visit(root, PurePosixPath())
