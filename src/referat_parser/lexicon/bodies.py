"""Names of deciding bodies: "Beskæftigelses- og Integrationsudvalget", "Odense Byråd", "Magistraten"."""

from __future__ import annotations

from functools import lru_cache

from . import patterns as P


def _is_body_case(name: str) -> bool:
    return name[:1].isupper()


CACHED_TEXT = 200  # characters; the results for lines this short are kept, as rules ask about a line many times


def find_bodies(text: str, genitive: bool = True) -> list[tuple[str, int, int]]:
    """Every capitalised body name in ``text`` as (name, start, end); with ``genitive``, also
    genitive forms ("Børne- og Skoleudvalgets møde"), named without the s."""
    return list(_cached_bodies(text, genitive) if len(text) <= CACHED_TEXT else _bodies(text, genitive))


@lru_cache(maxsize=8192)
def _cached_bodies(text: str, genitive: bool) -> tuple[tuple[str, int, int], ...]:
    return tuple(_bodies(text, genitive))


def _bodies(text: str, genitive: bool) -> list[tuple[str, int, int]]:
    found = []
    for match in P.body.finditer(text):
        if match["genitive"] and not genitive:
            continue
        name = match.group(0)[:-1] if match["genitive"] else match.group(0)  # "Økonomiudvalgets" -> "...udvalget"
        if _is_body_case(name):
            found.append((name, match.start(), match.end()))
    return found


def looks_like_body(text: str) -> bool:
    """True when ``text`` (stripped of a trailing comma or remark in brackets) is a body name."""
    text = P.trailing_bracket.sub("", text.strip(" ,.:"))
    match = P.body.fullmatch(text)
    return match is not None and not match["genitive"] and _is_body_case(text)
