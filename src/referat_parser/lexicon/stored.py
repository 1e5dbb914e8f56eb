"""A disk cache of the lexicon's compiled regular expressions (and of its vocabularies as loaded),
so a new process does not compile or parse them again.

Why: the lexicon's ~250 patterns (vocabulary alternations of up to 9 kB of regex text) take
~150 ms to compile, five times the cost of parsing a typical document, and every ``referat``
process and batch worker paid it. CPython cannot pickle a compiled pattern (unpickling compiles
again), but a compiled pattern is fully determined by the arguments that ``re._compiler.compile``
hands to ``_sre.compile``: the pattern text, the flags, the opcode list, the group count and the
group names. This module keeps those arguments per pattern name in one marshal file and rebuilds
each pattern with ``_sre.compile`` in microseconds. The vocabularies (vocab/*.toml, ~10 ms to
parse) are stored beside them as the plain data tomllib returns.

Safety:
- The file name is a digest of everything that decides the patterns: the Python build
  (``sys.version``, ``_sre.MAGIC``, ``_sre.CODESIZE``) and the lexicon's own source and vocabulary
  files. A cache written by another Python or another lexicon is never read.
- The private API is used only on the Python versions whose ``re`` we have read (3.11 to 3.14),
  and every failure (unreadable or corrupt file, unknown interpreter, a rebuild that raises) falls
  back to ``re.compile``: the cache can make start-up slower, never a result different.
- Written once, atomically (a temporary file renamed over the target), by the first process that
  misses; concurrent writers write the same bytes.

The same folder keeps the digests of the package's own files (``cached_digest``), which key this
cache and the batch manifest, beside each file's size and change times: a process whose files are
as they were reads the digest instead of reading, hashing (and importing hashlib for) the package.
That file (``digests.marshal``) is one table for every install using the folder, rewritten whole:
two processes storing digests at once may lose one of them, which the next process works out again.
Entries of installs that no longer exist are dropped when it is written.

The folder is ``$REFERAT_CACHE_DIR``, else ``$XDG_CACHE_HOME/referat`` or ``~/.cache/referat``;
``REFERAT_CACHE_DIR=`` (empty) turns the cache off.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

_LEXICON = Path(__file__).resolve().parent
_VOCAB = _LEXICON.parent / "vocab"
_KNOWN_PYTHONS = ((3, 11), (3, 12), (3, 13), (3, 14))

Arguments = tuple[Any, ...]  # what _sre.compile takes: (text, flags, code, groups, groupindex, indexgroup)
Source = Callable[[], tuple[str, int]]  # the regex text and flags of one pattern, expanded on demand

_loaded: dict[str, Arguments] | None = None
_DIGESTS = "digests.marshal"  # {"<name>:<root>": (stamp of the files, digest)}; not keyed by _key(), which needs one
# A digest is stored only when every file is older than this: a file changed again within the
# file system's clock tick would keep its stamp (git's "racily clean" rule).
SETTLED_NS = 2_000_000_000


def folder() -> Path | None:
    """Where the cache lives, or None when it is turned off. Only an absolute folder: without a
    home, ``~`` stays ``~`` and a relative path would put the cache in the working directory (and
    the XDG specification says to ignore a relative XDG_CACHE_HOME)."""
    chosen = os.environ.get("REFERAT_CACHE_DIR")
    if chosen is not None:
        where = Path(chosen) if chosen else None
    else:
        base = os.environ.get("XDG_CACHE_HOME", "")
        if not os.path.isabs(base):
            base = os.path.join(os.path.expanduser("~"), ".cache")
        where = Path(base) / "referat"
    return where if where is not None and where.is_absolute() else None


@cache
def _writable(where: Path) -> bool:
    """Whether the cache folder can be written (made if need be); asked once per process. Where it
    cannot, nothing is worked out ahead for storing: the patterns compile one by one as needed."""
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(where, os.W_OK | os.X_OK)


def _usable() -> bool:
    return sys.implementation.name == "cpython" and sys.version_info[:2] in _KNOWN_PYTHONS


@cache
def _key() -> str:
    import _sre
    import hashlib  # here: a batch re-run reads its digests from the cache and hashes nothing

    from ..version import __version__  # the version: an install without sources still re-keys

    files = [*_LEXICON.glob("*.py"), *_VOCAB.rglob("*.toml")]
    build = f"{__version__}|{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}|{cached_digest('lexicon', _LEXICON.parent, files)}"
    return hashlib.sha256(build.encode()).hexdigest()[:20]


def cached_digest(name: str, root: Path, files: Iterable[Path]) -> str:
    """``version.files_digest(root, files)``, read from the cache folder when no file was added,
    removed or touched since it was worked out. A file is taken as unchanged when its size, inode,
    modification and change times are (the batch manifest trusts size and time for its inputs);
    the change time cannot be set back, so even a copy that keeps the modification time counts as
    changed. ``name`` tells apart the file sets of one root."""
    from ..version import files_digest as work_out

    paths = sorted(set(files))
    stamp = tuple(_stamp(path) for path in paths)
    where = folder()
    entry = f"{name}:{root}"
    known = _digests(where / _DIGESTS) if where is not None else {}
    found = known.get(entry)
    if isinstance(found, tuple) and len(found) == 2 and found[0] == stamp and isinstance(found[1], str):
        return found[1]
    digest = work_out(root, paths)
    settled = time.time_ns() - SETTLED_NS
    if where is not None and all(changed < settled for *_, changed in stamp) and _writable(where):
        known = {key: value for key, value in known.items() if os.path.isdir(key.partition(":")[2])}
        known[entry] = (stamp, digest)
        _write(where / _DIGESTS, marshal.dumps(known))
    return digest


def _stamp(path: Path) -> tuple[str, int, int, int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return (str(path), -1, -1, -1, -1)
    return (str(path), st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns)


def _digests(path: Path) -> dict[str, Any]:
    found = _read(path)
    return found if isinstance(found, dict) else {}


def _path(kind: str) -> Path | None:
    where = folder()
    return None if where is None or not _usable() else where / f"{kind}-{_key()}.marshal"


def load(kind: str) -> Any | None:
    """The stored value of ``kind`` ("patterns", "vocab"), or None when there is none to read."""
    path = _path(kind)
    return None if path is None else _read(path)


def _read(path: Path) -> Any | None:
    """What a cache file holds, or None when it cannot be read or is damaged."""
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def save(kind: str, value: Any) -> None:
    """Store ``value`` (plain data: str, int, list, tuple, dict) for the next process; quietly
    nothing when the cache is off, the value is not plain data or the folder is not writable."""
    path = _path(kind)
    if path is not None:
        with contextlib.suppress(ValueError):
            _write(path, marshal.dumps(value))


def table(kind: str, build: Callable[[], dict[str, Any]]) -> dict[str, Any] | None:
    """The stored table ``kind``, or ``build()`` stored for the next process when there is none;
    None when the cache is off (the caller then works out only what it needs)."""
    path = _path(kind)
    if path is None:
        return None
    found = load(kind)
    if not isinstance(found, dict):
        if not _writable(path.parent):
            return None
        found = build()
        save(kind, found)
    return found


def _patterns() -> dict[str, Arguments]:
    global _loaded
    if _loaded is None:
        found = load("patterns")
        _loaded = found if isinstance(found, dict) else {}
    return _loaded


def pattern(name: str) -> re.Pattern[str] | None:
    """The stored pattern ``name`` rebuilt, or None when it is not stored (or cannot be rebuilt)."""
    arguments = _patterns().get(name)
    if arguments is None:
        return None
    try:
        import _sre

        return _sre.compile(*arguments)
    except Exception:  # a damaged entry: compile from the source instead
        return None


def arguments(text: str, flags: int) -> Arguments:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` for this pattern (same steps)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(text, flags)
    # plain ints: the opcodes are int subclasses (named constants), which marshal does not store
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for group, index in groupindex.items():
        indexgroup[index] = group
    return (str(text), int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def fill(sources: Mapping[str, Source]) -> bool:
    """Compile every pattern of ``sources`` once and write the cache; False when the cache is off
    or the interpreter is not one we know (the caller then compiles pattern by pattern)."""
    global _loaded
    path = _path("patterns")
    if path is None or not _writable(path.parent):
        return False
    try:
        built = {name: arguments(*source()) for name, source in sources.items()}
    except Exception:  # an interpreter whose re internals differ: no cache
        return False
    _loaded = built
    save("patterns", built)
    return True


def _drop_stale(path: Path) -> None:
    """Remove caches of other lexicons unused for a week (an upgrade leaves one behind; two
    installs used side by side keep theirs)."""
    week_ago = time.time() - 7 * 24 * 3600
    kind = path.name.split("-", 1)[0]
    for old in path.parent.glob(f"{kind}-*.marshal"):
        with contextlib.suppress(OSError):
            if old != path and old.stat().st_atime < week_ago and old.stat().st_mtime < week_ago:
                old.unlink()


def _write(path: Path, data: bytes) -> None:
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        _drop_stale(path)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            # mkstemp makes the file private (0600); a shared cache folder should serve every user
            # (what it holds is derived from the package's own public files)
            os.chmod(temporary, 0o644)
            os.replace(temporary, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
