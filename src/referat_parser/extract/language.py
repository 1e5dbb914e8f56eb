"""Which language a document is in: Danish minutes vs Norwegian or Swedish municipal documents."""

from __future__ import annotations

from ..lexicon import patterns as P
from ..lexicon.data import language_words

MIN_HITS = 3  # a short web page (a meeting plan) still has a few marker words


def detect_language(text: str, sample: int = 20000) -> str | None:
    """'da', 'no' or 'sv' from marker words in the first ``sample`` characters; None if unclear.
    The language with most hits wins; Danish wins a tie, since the documents are Danish by default."""
    words = P.letters_word.findall(text[:sample].casefold())
    markers = language_words()
    scores = {lang: sum(1 for w in words if w in vocab) for lang, vocab in markers.items()}
    best = max(scores, key=lambda lang: (scores[lang], lang == "da"))
    if scores[best] < MIN_HITS:
        return None
    return best
