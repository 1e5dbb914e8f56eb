"""Session-wide test settings."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

_CACHE = "REFERAT_CACHE_DIR"
_saved: dict[str, str | None] = {}


def pytest_configure(config: pytest.Config) -> None:
    """The disk cache of compiled patterns and vocabularies (lexicon/stored.py) goes to a folder of
    this test session, not the user's ~/.cache: a test run leaves nothing behind and starts cold.
    Set here, before collection, because some test modules parse at import."""
    _saved[_CACHE] = os.environ.get(_CACHE)
    os.environ[_CACHE] = tempfile.mkdtemp(prefix="referat-test-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = os.environ.get(_CACHE)
    if folder and folder != _saved.get(_CACHE):
        shutil.rmtree(folder, ignore_errors=True)
    if _saved.get(_CACHE) is None:
        os.environ.pop(_CACHE, None)
    else:
        os.environ[_CACHE] = _saved[_CACHE]  # type: ignore[assignment]
