"""Names of deciding bodies: "Beskæftigelses- og Integrationsudvalget", "Odense Byråd", "Magistraten"."""

from __future__ import annotations

import re
from functools import cache

from ..vocabulary import body_suffixes, municipalities

_UPPER = "A-ZÆØÅÄÖÜÉ"
_WORD = rf"[{_UPPER}][\w]*"


@cache
def body_regex() -> re.Pattern[str]:
    suffixes = "|".join(map(re.escape, body_suffixes()))
    towns = "|".join(sorted(map(re.escape, municipalities()), key=len, reverse=True))
    # Compound bodies: "Erhvervs-, Beskæftigelses-, og Uddannelsesudvalget", "Kultur- og Idrætsudvalget",
    # "Plan- og Boligudvalget"; an optional municipality in front ("Odense Byråd"); "Udvalget for X og Y".
    return re.compile(
        rf"""(?<![\w-])(?:
            Udvalget\s+for\s+{_WORD}(?:(?:,\s+|\s+og\s+){_WORD})*
          | (?:(?:{towns})s?\s+)?
            (?:[{_UPPER}][a-zæøå]+(?:isk|al)[et]?\s+(?=Udvalg))?  # "Teknisk Udvalg", "Socialt Udvalg"
            (?:{_WORD}-,?\s+(?:(?:og|&)\s+)?)*
            (?:[{_UPPER}][\w]*?)?(?i:{suffixes})(?P<genitive>s)?
        )(?![\w])""",
        re.VERBOSE,
    )


def _is_body_case(name: str) -> bool:
    return name[:1].isupper()


def find_bodies(text: str, genitive: bool = True) -> list[tuple[str, int, int]]:
    """Every capitalised body name in ``text`` as (name, start, end); with ``genitive``, also
    genitive forms ("Børne- og Skoleudvalgets møde"), named without the s."""
    found = []
    for match in body_regex().finditer(text):
        if match["genitive"] and not genitive:
            continue
        name = match.group(0)[:-1] if match["genitive"] else match.group(0)  # "Økonomiudvalgets" -> "...udvalget"
        if _is_body_case(name):
            found.append((name, match.start(), match.end()))
    return found


def looks_like_body(text: str) -> bool:
    """True when ``text`` (stripped of a trailing comma or remark in brackets) is a body name."""
    text = re.sub(r"\s*\([^)]*\)\s*$", "", text.strip(" ,.:"))
    match = body_regex().fullmatch(text)
    return match is not None and not match["genitive"] and _is_body_case(text)
