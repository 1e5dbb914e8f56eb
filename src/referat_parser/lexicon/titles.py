"""Title predicates: could a line be an item title, or does it only name the meeting?"""

from __future__ import annotations

from functools import lru_cache
from operator import itemgetter

from . import patterns as P
from .bodies import find_bodies, looks_like_body
from .data import meeting_line_filler
from .dates import iter_dates, iter_times

MAX_TITLE = 200  # characters; a longer line is a paragraph
MAX_TITLE_WITH_STOP = 150  # characters; a title under its number may end in a full stop ("... m.m.")


def is_title_like(text: str, *, under_number: bool = False, under_item_word: bool = False) -> bool:
    """A line that could be an item title: short, capitalised, not a sentence or a header line.
    ``under_number``: the line stands right under a number alone on its line ('• 1' / 'Title m.m.'),
    which makes it the title even when it ends in a full stop. ``under_item_word``: that number is
    printed with a word only items carry ('Pkt. 41' / 'Cykelsti langs Skovvej.'), so a place in the
    line is the title's subject, not a header's meeting place."""
    text = text.strip()
    if not text or len(text) > MAX_TITLE or not (text[0].isupper() or text[0].isdigit() or text[0] in "\"'“«"):
        return False
    # A title may end in a full stop after an ellipsis or a bracketed letter code ("Salg af grund (B).").
    stop_allowed = text.endswith("..") or P.title_code_end.search(text) is not None \
        or (under_number and len(text) <= MAX_TITLE_WITH_STOP and text.endswith("."))
    if text.endswith((".", ",", ":", ";")) and not stop_allowed:
        return False
    if (not under_item_word and P.place_strong.search(text)) or P.file_name.search(text):
        return False
    return not is_meeting_line(text)


@lru_cache(maxsize=8192)
def is_meeting_line(text: str) -> bool:
    """'Byrådet 15. maj 2023', 'Referat - Kommunalbestyrelsen den 28. oktober 2014': a line that only
    names a body, a date or a time."""
    return meeting_line_from(text, [*iter_dates(text), *iter_times(text)])


def meeting_line_from(text: str, spans: list[tuple[str, int, int]]) -> bool:
    """As is_meeting_line, for a text whose dates and then times (``spans``) the caller has found."""
    rest = _blanked(text, spans)
    rest = _blanked(rest, find_bodies(rest, genitive=False))
    words = [w for w in P.word_separators.split(rest.casefold()) if w]
    filler = meeting_line_filler()
    return all(w in filler or w.isdigit() or looks_like_body(w.capitalize()) for w in words)


def _blanked(text: str, spans: list[tuple[str, int, int]]) -> str:
    """``text`` with each (_, start, end) span replaced by a space, the last span first. Spans apart
    from each other are cut in one pass: a slice per span made a line full of dates quadratic."""
    ascending = sorted(spans, key=itemgetter(1))
    starts = [start for _, start, _ in ascending] + [len(text)]
    ends = [0] + [end for _, _, end in ascending]  # piece k of the text is ends[k]:starts[k]
    if not [1 for end, start in zip(ends, starts, strict=True) if end > start] and not [1 for _, start, end in spans
                                                                                   if start == end]:
        return " ".join([text[end:start] for end, start in zip(ends, starts, strict=True)])
    # Overlapping or empty spans: cut one after another from the last, ties in their order.
    for _, start, end in sorted(spans, key=itemgetter(1), reverse=True):
        text = text[:start] + " " + text[end:]
    return text
