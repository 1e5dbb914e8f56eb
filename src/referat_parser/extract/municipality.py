"""The municipality whose minutes these are: a name from vocab/municipalities.toml printed as the
document's own ('Slagelse Kommune', 'Odense Byråd', 'Bornholms Regionskommune', 'Vejen Rådhus').
A name alone (a street, a company, a postal town) is not enough. Letterheads in capitals
('MIDDELFART KOMMUNE', 'KØBENHAVNS KOMMUNE') count too: a name in capitals with an own word in capitals."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

from ..lexicon import patterns as P
from ..lexicon.data import municipalities


def _own_mentions(text: str) -> Iterator[tuple[str, int]]:
    """(municipality, position) for each 'X Kommune'-like mention. Searching for the few own-form
    words first and looking up the words before them is far faster than a 100-name alternation."""
    for match in P.own_word.finditer(text):
        # After white space only. The test cannot hide a later word: none can start inside a match,
        # which holds no white space.
        if not text[match.start() - 1: match.start()].isspace():
            continue
        before = _words_before(text, match.start())
        if before is None:
            continue
        last, previous = before.group(2) or before.group(1), before.group(1) if before.group(2) else None
        candidates = [f"{previous} {last}"] if previous else []
        candidates.append(last)
        table = _forms() if match.group(0).isupper() else municipalities()
        name = next((found for found in (_lookup(table, c) for c in candidates) if found), None)
        if name:
            yield name, before.start()


WORDS_WINDOW = 60  # characters before an own word read for the name


def _words_before(text: str, end: int) -> re.Match[str] | None:
    """The one or two words before ``end`` (words_before in the WORDS_WINDOW characters before it).
    A match holds at most two runs of non-space characters and ends at ``end``, so none starts before
    the last two runs of the window: the search starts there, instead of trying every position of
    the window against its end (~18 us a mention)."""
    start = max(0, end - WORDS_WINDOW)
    head = text[start:end].rstrip().rsplit(None, 2)
    if len(head) == 3:  # head[0] is the window up to the white space before its last two runs
        start += len(head[0])
    return P.words_before.search(text, start, end)


@cache
def _forms() -> dict[str, str]:
    """Printed form -> name, with each form also in capitals ('HØJE-TAASTRUP' -> 'Høje-Taastrup')."""
    table = municipalities()
    return {**{form.upper(): name for form, name in table.items()}, **table}


def _lookup(table: dict[str, str], candidate: str) -> str | None:
    """The municipality a printed word (or two) names, also as a genitive ('Københavns', 'NÆSTVEDS')."""
    genitive = candidate[:-1] if candidate.endswith(("s", "S")) else None
    return next((table[form] for form in (candidate, genitive) if form and form in table), None)


def find_municipality(text: str) -> str | None:
    """Of the municipalities printed as an own form ("Næstved Kommune"), the one named most often
    in any form: minutes mention neighbours' councils too, but name their own town far more."""
    first: dict[str, int] = {}
    for name, position in _own_mentions(text):
        first.setdefault(name, position)
    if len(first) <= 1:
        return next(iter(first), None)
    counts: Counter[str] = Counter()
    forms = {form: name for form, name in _forms().items() if name in first}
    for match in P.municipality_forms.finditer(text):
        if match.group(0) not in forms:
            continue
        counts[forms[match.group(0)]] += 1
    return max(first, key=lambda name: (counts[name], -first[name]))
