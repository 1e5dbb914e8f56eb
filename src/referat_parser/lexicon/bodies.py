"""Names of deciding bodies: "Beskæftigelses- og Integrationsudvalget", "Odense Byråd", "Magistraten"."""

from __future__ import annotations

from functools import lru_cache

from . import gates as G
from . import patterns as P


def _is_body_case(name: str) -> bool:
    return name[:1].isupper()


CACHED_TEXT = 200  # characters; the results for lines this short are kept, as rules ask about a line many times


def find_bodies(text: str, genitive: bool = True) -> list[tuple[str, int, int]]:
    """Every capitalised body name in ``text`` as (name, start, end); with ``genitive``, also
    genitive forms ("Børne- og Skoleudvalgets møde"), named without the s."""
    found = _cached_bodies(text) if len(text) <= CACHED_TEXT else _bodies(text)
    return [(name, start, end) for name, start, end, is_genitive in found if genitive or not is_genitive]


# One search serves both questions: the header asks about a line with genitives (a body named in
# "Byrådets møde") and, through is_meeting_line, without them; the pattern's matches are the same.
@lru_cache(maxsize=8192)
def _cached_bodies(text: str) -> tuple[tuple[str, int, int, bool], ...]:
    return tuple(_bodies(text))


def _bodies(text: str) -> list[tuple[str, int, int, bool]]:
    """Every capitalised body name as (name, start, end, whether printed in the genitive)."""
    found = []
    for match in G.body.finditer(text):  # behind its gate: most lines name no body word
        is_genitive = bool(match["genitive"])
        name = match.group(0)[:-1] if is_genitive else match.group(0)  # "Økonomiudvalgets" -> "...udvalget"
        if _is_body_case(name):
            found.append((name, match.start(), match.end(), is_genitive))
    return found


def looks_like_body(text: str) -> bool:
    """True when ``text`` (stripped of a trailing comma or remark in brackets) is a body name."""
    text = P.trailing_bracket.sub("", text.strip(" ,.:"))
    match = P.body.fullmatch(text)
    return match is not None and not match["genitive"] and _is_body_case(text)
