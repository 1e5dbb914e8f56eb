"""Writing results: atomically, so an interrupted run never leaves half a file behind."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def temp_prefix(path: Path) -> str:
    """The start of the temporary names used while ``path`` is written: a dot (hidden) and a digest
    of the name, so a temporary name has the same short length (about 30 bytes) whatever the
    target is called (the name itself may use up all 255 bytes a file name may have) and the
    temporary files of one target can be found again (``temp_files``)."""
    digest = hashlib.sha256(os.fsencode(path.name)).hexdigest()[:16]
    return f".referat-{digest}."


def temp_files(path: Path) -> Iterator[Path]:
    """Temporary files left beside ``path`` by a writer that was killed mid-write."""
    with contextlib.suppress(OSError):
        yield from path.parent.glob(f"{temp_prefix(path)}*{TEMP_SUFFIX}")


def open_temp(path: Path) -> tuple[int, str]:
    """A new temporary file (descriptor, name) in ``path``'s folder, for a write renamed to ``path``."""
    return tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=path.parent)


def publish(tmp: str, path: Path) -> None:
    """Give the finished temporary file the permissions a plain open() would (mkstemp makes it
    private, 0600) and rename it to ``path``."""
    os.chmod(tmp, 0o666 & ~_umask())
    os.replace(tmp, path)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` via a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = open_temp(path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        publish(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
