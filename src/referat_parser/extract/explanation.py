"""A page that explains how agendas and minutes are read: it prints the headings of an item and an
example decision, but describes minutes to its reader ('Her står, hvad udvalget besluttede'), so it
is no meeting document."""

from __future__ import annotations

from ..lexicon import gates as G

MIN_PHRASES = 2  # different explanation phrases: a single one may stand in a site's intro to real minutes


def explains_minutes(text: str) -> bool:
    """The text speaks about minutes to its reader in two or more different explanation phrases."""
    # Only where a phrase's first word stands: the pattern's own scan tries every position of the text.
    found = {match.group().casefold() for match in G.finditer_prefixed("explanation_phrase", text)}
    return len(found) >= MIN_PHRASES
