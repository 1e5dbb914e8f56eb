"""referat: Danish municipal meeting minutes -> structured, validated JSON.

    >>> from referat_parser import parse_text
    >>> meeting = parse_text(open("referat.txt", encoding="utf-8").read())
    >>> meeting.items[0].decision.outcome
"""

from __future__ import annotations

from .api import ParseOptions, parse_bytes, parse_file, parse_text
from .errors import ReferatError
from .models import SCHEMA_VERSION, Meeting

__version__ = "0.1.0"

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
