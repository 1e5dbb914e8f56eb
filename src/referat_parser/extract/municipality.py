"""The municipality whose minutes these are: a name from vocab/municipalities.toml printed as the
document's own ('Slagelse Kommune', 'Odense Byråd', 'Bornholms Regionskommune', 'Vejen Rådhus').
A name alone (a street, a company, a postal town) is not enough."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ..vocabulary import municipalities

_OWN = r"(?:Kommunes?|Kommunen|Kommuneplan\w*|Byråd\w*|Byrådssal\w*|Kommunalbestyrelse\w*|Rådhus\w*|Regionskommune\w*)"


@cache
def _regex() -> re.Pattern[str]:
    names = "|".join(sorted(map(re.escape, municipalities()), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?P<name>{names})s?\s+{_OWN}(?![\w])")


def find_municipality(text: str) -> str | None:
    """Of the municipalities printed as an own form ("Næstved Kommune"), the one named most often
    in any form: minutes mention neighbours' councils too, but name their own town far more."""
    table = municipalities()
    first: dict[str, int] = {}
    for match in _regex().finditer(text):
        first.setdefault(table[match["name"]], match.start())
    if len(first) <= 1:
        return next(iter(first), None)
    counts: Counter[str] = Counter()
    forms = {form: name for form, name in table.items() if name in first}
    for match in re.finditer("|".join(sorted(map(re.escape, forms), key=len, reverse=True)), text):
        counts[forms[match.group(0)]] += 1
    return max(first, key=lambda name: (counts[name], -first[name]))
