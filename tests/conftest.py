"""Session-wide test settings."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _pattern_cache_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The compiled-pattern cache (lexicon/stored.py) goes to a folder of this test session, not
    the user's ~/.cache, so a test run leaves nothing behind and starts from a cold cache."""
    before = os.environ.get("REFERAT_CACHE_DIR")
    os.environ["REFERAT_CACHE_DIR"] = str(tmp_path_factory.mktemp("referat-cache"))
    yield
    if before is None:
        os.environ.pop("REFERAT_CACHE_DIR", None)
    else:
        os.environ["REFERAT_CACHE_DIR"] = before
