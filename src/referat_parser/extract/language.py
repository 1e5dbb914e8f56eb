"""Which language a document is in: Danish minutes vs Norwegian or Swedish municipal documents."""

from __future__ import annotations

from functools import cache

from ..lexicon import patterns as P
from ..lexicon.data import language_words

MIN_HITS = 3  # a short web page (a meeting plan) still has a few marker words


def detect_language(text: str, sample: int = 20000) -> str | None:
    """'da', 'no' or 'sv' from marker words in the first ``sample`` characters; None if unclear.
    The language with most hits wins; Danish wins a tie, since the documents are Danish by default."""
    words = _words(text[:sample].casefold())
    # Only the few marker words are counted per language, not every word of the text once per language.
    markers = _all_markers()
    hits = [word for word in words if word in markers]
    scores = {lang: sum(word in vocab for word in hits) for lang, vocab in language_words().items()}
    best = max(scores, key=lambda lang: (scores[lang], lang == "da"))
    if scores[best] < MIN_HITS:
        return None
    return best


def _words(text: str) -> list[str]:
    """The runs of letters of ``text`` (letters_word); a text of common characters only, as most are, is
    split by the same letters spelt out as ranges, which is twice as fast."""
    if P.uncommon_char.search(text) is None:
        return P.common_letters_word.findall(text)
    return P.letters_word.findall(text)


@cache
def _all_markers() -> frozenset[str]:
    return frozenset().union(*language_words().values())
