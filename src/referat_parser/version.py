"""The parser's version and the output schema's version: one place each, read by the package, the
outputs, pyproject.toml and the batch manifest, without importing pydantic.

Bump __version__ whenever the output of any input changes (see README, "Versions");
tests/test_versioning.py fails when the golden outputs change without a bump. SCHEMA_VERSION is the
version of the output's shape (models.py, schema/meeting.schema.json): the minor number for additive
changes, the major number for breaking ones.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

__version__ = "0.6.6"
SCHEMA_VERSION = "1.3"


def files_digest(root: Path, files: Iterable[Path]) -> str:
    """A SHA-256 (hex) of the files under ``root``: each one's path relative to it, length and bytes, in
    sorted order; an unreadable file is left out. What keys everything derived from the parser's own
    files: the batch manifest's fingerprint and the compiled-pattern cache."""
    import hashlib  # here, not at the top: `referat --help` reads the version but never hashes

    sha = hashlib.sha256()
    for path in sorted(set(files)):
        with contextlib.suppress(OSError):
            data = path.read_bytes()
            sha.update(os.fsencode(path.relative_to(root).as_posix()) + b"\0")
            sha.update(len(data).to_bytes(8, "big") + data)
    return sha.hexdigest()
