"""referat: Danish municipal meeting minutes -> structured, validated JSON.

    >>> from referat_parser import parse_file
    >>> meeting = parse_file("referat.txt")
    >>> meeting.items[0].decision.outcome
    'approved'

The public names are imported lazily, so ``referat --help`` does not pay for pydantic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# The package version: bump it whenever the output of any input changes (see README,
# "Versions"); tests/test_versioning.py fails when the golden outputs change without a bump.
__version__ = "0.2.0"
# The version of the output's shape (models.py, schema/meeting.schema.json): the minor number for
# additive changes, the major number for breaking ones. Here, not in models.py, so that reading it
# does not import pydantic.
SCHEMA_VERSION = "1.1"

__all__ = [
    "SCHEMA_VERSION",
    "Meeting",
    "ParseOptions",
    "ReferatError",
    "__version__",
    "parse_bytes",
    "parse_file",
    "parse_text",
]

_LAZY = {
    "ParseOptions": "api",
    "parse_bytes": "api",
    "parse_file": "api",
    "parse_text": "api",
    "ReferatError": "errors",
    "Meeting": "models",
}

if TYPE_CHECKING:
    from .api import ParseOptions, parse_bytes, parse_file, parse_text
    from .errors import ReferatError
    from .models import Meeting


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
