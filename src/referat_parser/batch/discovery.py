"""Which files a batch parses: folders searched recursively, in a stable order.

* Files given by name are always taken; folders are searched for DEFAULT_SUFFIXES (or ``--glob``)
  minus ``--exclude``, following symlinked folders once (symlink loops end).
* A file or folder that cannot be listed or stat'ed is an entry with an ``error``, not an
  exception: the batch reports it and goes on.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..paths import join

# The file name suffixes a folder is searched for (case-insensitive) when no --glob is given.
# Readers of new formats add theirs here.
DEFAULT_SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm", ".docx", ".xml")


@dataclass(frozen=True)
class Input:
    """One file found. Kept as text, not as paths: a re-run of a large archive lists every file
    and parses few, and building paths for each was most of what such a run cost."""

    source: str  # the path as found (joined to the input given)
    rel_posix: str  # relative to its input root, with '/'; the file name for a file input
    size: int = 0
    mtime_ns: int = 0
    error: tuple[str, str] | None = None  # (code, message) when it cannot even be listed

    def __post_init__(self) -> None:  # Input(Path(...), PurePosixPath(...)) as before: kept as text
        if not isinstance(self.source, str):
            object.__setattr__(self, "source", os.fspath(self.source))
        if not isinstance(self.rel_posix, str):
            object.__setattr__(self, "rel_posix", PurePosixPath(self.rel_posix).as_posix())

    @property
    def path(self) -> Path:
        return Path(self.source)

    @property
    def rel(self) -> PurePosixPath:
        return PurePosixPath(self.rel_posix)


def suffix(rel: str) -> str:
    """The last suffix of the file name of ``rel`` (a '/'-path or a name), as pathlib gave it up to
    Python 3.13: '' for '.profile' and for 'notes.'. Written out so that output names do not depend
    on the Python version."""
    name = rel.rpartition("/")[2]
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _matches(rel: str, pattern: str) -> bool:
    """gitignore-like: a pattern without '/' matches a file or folder name at any depth; a pattern
    with '/' matches the path relative to the input folder (or a folder that holds it)."""
    parts = rel.split("/")
    if "/" not in pattern.strip("/"):
        return any(fnmatch.fnmatchcase(part, pattern.strip("/")) for part in parts)
    pattern = pattern.strip("/")
    if fnmatch.fnmatchcase(rel, pattern) or fnmatch.fnmatchcase(rel, pattern + "/*"):
        return True
    return any(fnmatch.fnmatchcase("/".join(parts[:i]), pattern) for i in range(1, len(parts)))


def _wanted(rel: str, globs: Sequence[str], excludes: Sequence[str]) -> bool:
    if any(_matches(rel, pattern) for pattern in excludes):
        return False
    if globs:
        name = rel.rpartition("/")[2]
        return any(fnmatch.fnmatchcase(name if "/" not in g else rel, g) for g in globs)
    return suffix(rel).lower() in DEFAULT_SUFFIXES


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
    skip_ids = _folder_ids(skip)
    for item in inputs:
        try:
            st = os.stat(item)
        except OSError as exc:
            yield Input(str(item), item.name or str(item), error=os_error(exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(item, globs, excludes, skip_ids)
        else:
            yield Input(str(item), item.name, st.st_size, st.st_mtime_ns)


def _folder_ids(folders: Sequence[Path]) -> set[tuple[int, int]]:
    """(device, inode) of each folder that exists: how a folder reached by any path is recognised."""
    ids = set()
    for folder in folders:
        with contextlib.suppress(OSError):
            st = os.stat(folder)
            ids.add((st.st_dev, st.st_ino))
    return ids


def _walk(root: Path, globs: Sequence[str], excludes: Sequence[str], skip_ids: set[tuple[int, int]]) -> Iterator[Input]:
    seen = set(skip_ids)  # the output folder counts as seen: it is never entered

    def visit(folder: str, rel: str) -> Iterator[Input]:
        try:
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in seen:
                return  # a symlink loop, a folder reached twice, or the output folder
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield Input(folder, rel or root.name, error=os_error(exc))
            return
        for entry in entries:
            child = f"{rel}/{entry.name}" if rel else entry.name
            path = join(folder, entry.name)
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

    yield from visit(str(root), "")
