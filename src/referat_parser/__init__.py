"""referat: Danish municipal meeting minutes -> structured, validated JSON.

    >>> from referat_parser import parse_file
    >>> meeting = parse_file("referat.txt")
    >>> meeting.items[0].decision.outcome
    'approved'

The public names are imported lazily, so ``referat --help`` does not pay for pydantic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import SCHEMA_VERSION, __version__

__all__ = [
    "SCHEMA_VERSION",
    "Meeting",
    "ParseOptions",
    "ReferatError",
    "__version__",
    "parse_bytes",
    "parse_file",
    "parse_text",
    "trace_file",
]

_LAZY = {
    "ParseOptions": "api",
    "parse_bytes": "api",
    "parse_file": "api",
    "parse_text": "api",
    "trace_file": "api",
    "ReferatError": "errors",
    "Meeting": "models",
}

if TYPE_CHECKING:
    from .api import ParseOptions, parse_bytes, parse_file, parse_text, trace_file
    from .errors import ReferatError
    from .models import Meeting


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
