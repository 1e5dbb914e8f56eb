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
    elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and arg[0] >= 1:
        yield from openers(arg[2], past_lookbehinds=past_lookbehinds)
    elif op is C.ATOMIC_GROUP:
        yield from openers(arg, past_lookbehinds=past_lookbehinds)
    elif past_lookbehinds and op in (C.ASSERT, C.ASSERT_NOT) and arg[0] == -1:
        yield from openers(items[1:], past_lookbehinds=past_lookbehinds)
    else:
        yield op, arg


# --- backtracking traps ------------------------------------------------------------------------
# A "run" is an unbounded repeat of one character class (\s*, [^:]+?, .*). Runs that can meet
# (nothing but optional items between them) and share a character let a failing match try every way
# of sharing a long stretch of that character among them: quadratic for a pair, cubic for a chain
# of three, and exponential for a run that meets itself through the loop of an unbounded repeated
# group. A possessive run (\s*+) or an atomic group takes its stretch whole and so starts no chain.
# traps() lists the chains of three or more and the loops; pairs are left (quadratic in the length
# of one line at worst).

SAMPLE = ("".join(chr(c) for c in range(32, 127)) + "\t\n\r\f\u00a0\u2013\u2014\u2019\u201c\u201d\u2022"
          "æøåÆØÅéÉüÜöÖäÄ§½·")


class _Run:
    def __init__(self, chars: frozenset[str], possessive: bool) -> None:
        self.chars, self.possessive = chars, possessive
        self.chain = 1  # the longest chain of runs that meet, ending in this one


class _Info:
    def __init__(self, nullable: bool, firsts: list[_Run], lasts: list[_Run]) -> None:
        self.nullable, self.firsts, self.lasts = nullable, firsts, lasts


def _same(a: str, b: str, ignore: bool) -> bool:
    return a == b or (ignore and a.casefold() == b.casefold())


def _in_class(char: str, items: Any, ignore: bool) -> bool:
    from re import _constants as C  # type: ignore[attr-defined]

    negate, found = False, False
    for op, arg in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            found |= _same(char, chr(arg), ignore)
        elif op is C.RANGE:
            found |= any(arg[0] <= ord(c) <= arg[1] for c in {char, char.lower(), char.upper()} if ignore or c == char)
        elif op is C.CATEGORY:
            name = str(arg).rsplit("_", 1)[-1].lower()  # CATEGORY_DIGIT, CATEGORY_NOT_SPACE, ...
            test = {"digit": str.isdecimal, "space": str.isspace, "word": lambda c: c.isalnum() or c == "_"}[name]
            found |= (not test(char)) if "NOT" in str(arg) else test(char)
    return found != negate


def _chars(op: Any, arg: Any, flags: int) -> frozenset[str] | None:
    """The sample characters a one-character item matches, or None when it is no such item."""
    import re
    from re import _constants as C  # type: ignore[attr-defined]

    ignore = bool(flags & re.IGNORECASE)
    if op is C.LITERAL:
        return frozenset(c for c in SAMPLE if _same(c, chr(arg), ignore))
    if op is C.NOT_LITERAL:
        return frozenset(c for c in SAMPLE if not _same(c, chr(arg), ignore))
    if op is C.ANY:
        return frozenset(c for c in SAMPLE if c != "\n" or flags & re.DOTALL)
    if op is C.IN:
        return frozenset(c for c in SAMPLE if _in_class(c, arg, ignore))
    return None


def _meet(ends: list[_Run], starts: list[_Run], traps: list[str], *, loop: bool = False) -> None:
    for end in ends:
        for start in starts:
            if end.possessive or not end.chars & start.chars:
                continue
            sample = "".join(sorted(end.chars & start.chars))[:12]
            if loop:
                traps.append(f"a run meets itself around a repeated group over {sample!r} (exponential)")
                continue
            start.chain = max(start.chain, end.chain + 1)
            if start.chain == 3:
                traps.append(f"three runs meet over {sample!r} (cubic)")


def _sequence(items: Any, flags: int, traps: list[str]) -> _Info:
    infos = [_item(op, arg, flags, traps) for op, arg in items]
    open_ends: list[_Run] = []
    for info in infos:
        _meet(open_ends, info.firsts, traps)
        open_ends = open_ends + info.lasts if info.nullable else list(info.lasts)
    firsts: list[_Run] = []
    for info in infos:
        firsts += info.firsts
        if not info.nullable:
            break
    lasts: list[_Run] = []
    for info in reversed(infos):
        lasts += info.lasts
        if not info.nullable:
            break
    return _Info(all(i.nullable for i in infos), firsts, lasts)


def _item(op: Any, arg: Any, flags: int, traps: list[str]) -> _Info:
    from re import _constants as C  # type: ignore[attr-defined]

    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, body = arg
        possessive = op is C.POSSESSIVE_REPEAT
        unbounded = high is C.MAXREPEAT
        if len(body) == 1 and (chars := _chars(*body[0], flags)) is not None:
            runs = [_Run(chars, possessive)] if unbounded else []
            return _Info(low == 0, runs, runs)
        inner = _sequence(body, flags, traps)
        if unbounded and not possessive:
            _meet(inner.lasts, inner.firsts, traps, loop=True)
        lasts = [_Run(r.chars, True) for r in inner.lasts] if possessive else inner.lasts
        return _Info(low == 0 or inner.nullable, inner.firsts, lasts)
    if op is C.SUBPATTERN:
        return _sequence(arg[3], flags | arg[1], traps)
    if op is C.ATOMIC_GROUP:
        inner = _sequence(arg, flags, traps)
        return _Info(inner.nullable, inner.firsts, [_Run(r.chars, True) for r in inner.lasts])
    if op is C.BRANCH:
        infos = [_sequence(alternative, flags, traps) for alternative in arg[1]]
        return _Info(any(i.nullable for i in infos), [r for i in infos for r in i.firsts],
                     [r for i in infos for r in i.lasts])
    if op is C.GROUPREF_EXISTS:
        infos = [_sequence(branch, flags, traps) for branch in arg[1:] if branch is not None]
        return _Info(len(infos) < 2 or any(i.nullable for i in infos), [r for i in infos for r in i.firsts],
                     [r for i in infos for r in i.lasts])
    if op in (C.ASSERT, C.ASSERT_NOT):
        _sequence(arg[1], flags, traps)  # its own traps; zero width outside
        return _Info(True, [], [])
    if op is C.AT:
        return _Info(True, [], [])
    return _Info(False, [], [])


def traps(pattern: str, flags: int = 0) -> list[str]:
    """The backtracking traps of a pattern (see above); an empty list when it has none."""
    from re import _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    found: list[str] = []
    _sequence(list(parsed), parsed.state.flags, found)
    return found
