"""Imported once by the fork server a batch's worker processes are forked from: the parser is
imported and one small invented document (batch/warm_up.txt) is parsed, so its vocabularies are
loaded and its regular expressions compiled before any worker exists. Every worker inherits that
state with the fork, instead of importing and compiling it again for its first file."""

from __future__ import annotations

import contextlib
from pathlib import Path

from .api import parse_text
from .errors import ReferatError

WARM_UP = Path(__file__).resolve().parent / "batch" / "warm_up.txt"


def warm_up() -> int:
    """Parse the warm-up document; returns its number of items (0 if it could not be read). A
    failure only costs the warm-up: the fork server must start whatever happens here, and a bug
    the text runs into is reported by the tests (tests/test_batch_speed.py), not by every batch."""
    with contextlib.suppress(OSError, ReferatError):
        return len(parse_text(WARM_UP.read_text(encoding="utf-8"), path=str(WARM_UP)).items)
    return 0


warm_up()
