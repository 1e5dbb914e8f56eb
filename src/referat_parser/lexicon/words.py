"""Running text: where a wrapped line joins the next, where a line ends its sentence."""

from __future__ import annotations

from .data import abbreviations, ellipsis_followers

SENTENCE_ENDS = tuple(".:;!?")


def join_text(prev: str, cur: str) -> str:
    """Join two wrapped lines: undo a line-end hyphen inside a word, keep it before og/eller
    (a compound ellipsis, "Beskæftigelses- og ...") and before capitals and digits
    ("CO2-Konsekvensvurdering", "2020-2023")."""
    if prev.endswith("-") and len(prev) >= 2 and prev[-2].isalnum():
        word = cur.split(" ", 1)[0].rstrip(".,;:").casefold()
        if word in ellipsis_followers() or cur[:1] in "&/(\"”“":
            return f"{prev} {cur}"
        if cur[:1].isupper() or cur[:1].isdigit() or prev[-2].isdigit():
            return prev + cur
        if cur[:1].isalpha():
            return prev[:-1] + cur
    return f"{prev} {cur}"


def ends_sentence(text: str) -> bool:
    """True when a line ends its sentence: a full stop or colon, but not an abbreviation ("vedr.")."""
    return text.endswith(SENTENCE_ENDS) and not text.endswith(abbreviations())
