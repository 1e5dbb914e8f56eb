"""``OUT/_manifest.jsonl``: what each output was made from, so a re-run parses only what changed.

One JSON object per line: ``output`` (relative to OUT), ``source`` (absolute path), ``size``,
``mtime_ns``, ``sha256`` of the input and ``fingerprint``, the key of everything that decides the
output (see ``fingerprint()``). Paths are written with ``paths.escape_path``.
"""

from __future__ import annotations

import contextlib
import json
import os
from functools import cache
from pathlib import Path
from typing import IO, Any

from ..lexicon.stored import cached_digest
from ..paths import escape_path
from .discovery import Input

MANIFEST = "_manifest.jsonl"
_PACKAGE = Path(__file__).resolve().parent.parent
# What decides an output: the parser's code and its data (vocabularies, rules, schema).
_OUTPUT_DECIDING = (".py", ".toml", ".json")


@cache
def fingerprint() -> str:
    """``<package version>+schema<schema version>+<digest>``: the key of everything that decides an
    output. Any upgrade or edit of the parser, its vocabularies or its rules changes it, so a
    re-run parses again what another parser made, even when the version number was not bumped.
    Computed once per process: read from the cache while the package's files are unchanged."""
    from .. import SCHEMA_VERSION, __version__

    return f"{__version__}+schema{SCHEMA_VERSION}+{digest(_PACKAGE)}"


def digest(package: Path) -> str:
    """The first 16 hex digits of a SHA-256 of the source and data files under ``package`` (read
    from the cache folder when none of them changed: see ``lexicon.stored.cached_digest``)."""
    files: list[Path] = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = [sub for sub in subfolders if sub != "__pycache__"]
        files += [Path(folder, name) for name in names if name.endswith(_OUTPUT_DECIDING)]
    return cached_digest("package", package, files)[:16]


def sha256_file(path: str | os.PathLike[str]) -> str:
    import hashlib  # here: an unchanged re-run hashes nothing (its fingerprint comes from the cache)

    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _read_entries(lines: list[str]) -> list[Any]:
    """The JSON value of each line, leaving out lines that are not JSON (a run killed mid-write).
    One parse of the whole file when every line is sound, which a re-run of a large archive
    nearly always finds."""
    with contextlib.suppress(ValueError):
        entries = json.loads("[" + ",".join(lines) + "]")
        if len(entries) == len(lines):  # else a line held more than one value: read them one by one
            return entries
    entries = []
    for line in lines:
        with contextlib.suppress(ValueError):
            entries.append(json.loads(line))
    return entries


class Manifest:
    """One line per output (later lines win), appended as files finish so an interrupted run
    keeps its progress, and compacted at the end of a run."""

    def __init__(self, out: Path, key: str | None = None) -> None:
        self.path = out / MANIFEST
        self.key = key or fingerprint()
        self.entries: dict[str, dict[str, Any]] = {}
        self._handle: IO[str] | None = None
        self._lines = 0  # lines in the file; more than entries when later lines superseded earlier ones
        self._changed = False
        lines: list[str] = []
        # A damaged byte spoils its line only (errors="replace"), as a line cut short by a killed run does.
        with contextlib.suppress(OSError), self.path.open(encoding="utf-8", errors="replace") as handle:
            lines = handle.read().split("\n")  # not splitlines(): a file name may hold U+2028
            if lines[-1] == "":
                lines.pop()
        self._lines = len(lines)
        for entry in _read_entries(lines):
            with contextlib.suppress(KeyError, TypeError):
                self.entries[entry["output"]] = entry

    def unchanged(self, item: Input, target: str | os.PathLike[str], output: str) -> bool:
        """Whether ``target`` (``output`` relative to OUT) is the current output of ``item``:
        made with the current fingerprint, and from the same bytes. Cheap (stat only) when size and
        mtime are those recorded, else the content hash decides."""
        entry = self.entries.get(escape_path(output))
        if (not entry or entry.get("fingerprint") != self.key
                or entry.get("source") != escape_path(os.path.abspath(item.source)) or not os.path.exists(target)):
            return False
        if entry.get("size") == item.size and entry.get("mtime_ns") == item.mtime_ns:
            return True
        if entry.get("size") != item.size:
            return False
        try:
            digest = sha256_file(item.source)
        except OSError:
            return False
        if digest != entry.get("sha256"):
            return False
        self.record(output, item, digest)  # same content, new mtime: remember the cheap answer
        return True

    def record(self, output: str, item: Input, sha256: str) -> None:
        key = escape_path(output)
        self._changed = True
        entry = {"output": key, "source": escape_path(os.path.abspath(item.source)), "size": item.size,
                 "mtime_ns": item.mtime_ns, "sha256": sha256, "fingerprint": self.key}
        self.entries[key] = entry
        if self._handle is None:
            self._handle = self.path.open("a", encoding="utf-8")
        self._handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._handle.flush()

    def forget(self, output: str) -> None:
        self._changed |= self.entries.pop(escape_path(output), None) is not None

    def close(self, *, compact: bool) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        # Rewritten only when this run changed it or earlier runs left superseded lines: an unchanged
        # re-run writes nothing.
        if compact and self.entries and (self._changed or self._lines != len(self.entries)):
            from ..output import write_atomic

            write_atomic(self.path, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in self.entries.values()))
