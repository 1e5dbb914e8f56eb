"""Reading a pattern's parse tree in tests: what a pattern's matches can open with."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def openers(items: Any, *, past_lookbehinds: bool = False) -> Iterator[tuple[Any, Any]]:
    """The first item of every way through a parsed sequence (``re._parser`` items): alternatives,
    groups and repeats of at least one are opened up; with ``past_lookbehinds`` a look-behind is
    passed over to the item after it, otherwise it is yielded as the opener."""
    from re import _constants as C  # type: ignore[attr-defined]

    op, arg = items[0]
    if op is C.BRANCH:
        for alternative in arg[1]:
            yield from openers(alternative, past_lookbehinds=past_lookbehinds)
    elif op is C.SUBPATTERN:
        yield from openers(arg[3], past_lookbehinds=past_lookbehinds)
    elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and arg[0] >= 1:
        yield from openers(arg[2], past_lookbehinds=past_lookbehinds)
    elif past_lookbehinds and op in (C.ASSERT, C.ASSERT_NOT) and arg[0] == -1:
        yield from openers(items[1:], past_lookbehinds=past_lookbehinds)
    else:
        yield op, arg
