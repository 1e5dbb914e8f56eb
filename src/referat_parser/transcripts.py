"""One-line-per-page PDF transcripts (docplayer and similar viewers): the viewer prints the PDF's title,
its own boilerplate, and then each page as one long line that starts with the page number. Part of
the clean stage: find the page lines, strip their numbers and running headers, and cut each page where
its line breaks were (before labels, headings, item numbers, open/closed marks and page markers)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from itertools import pairwise

from .lexicon import patterns as P
from .lexicon.data import fold, noise
from .lexicon.headings import match_heading

MIN_MARKERS = 2  # viewer boilerplate lines that mark a transcript
MAX_SKIPPED_PAGES = 2  # empty pages print a bare number, which the noise rules drop
RUNNING_WORDS = (3, 8)  # a running page header is this many words long (fewest, most)
CONTENTS_OPENING_WORDS = 3  # a contents mark among a page's first words makes it the contents page


@cache
def _markers() -> frozenset[str]:
    return frozenset(fold(marker) for marker in noise()["transcript"]["markers"])


def is_transcript(texts: list[str]) -> bool:
    """The viewer's boilerplate ('Transkript', 'Starte visningen fra side:', ...) on two lines or more."""
    markers = _markers()
    return sum(1 for text in texts if len(text) <= 40 and fold(text) in markers) >= MIN_MARKERS


def page_lines(texts: list[str]) -> dict[int, tuple[int, str]]:
    """Index -> (page number, text without the number) of each page line: the lines that start with 1,
    2, 3, ... in order (an empty page's bare number may be missing)."""
    found: dict[int, tuple[int, str]] = {}
    expected = 1
    for index, text in enumerate(texts):
        match = P.transcript_page.match(text)
        if match is None:
            continue
        number = int(match["page"])
        if number == expected or (found and expected < number <= expected + MAX_SKIPPED_PAGES):
            found[index] = (number, match["text"] or "")
            expected = number + 1
    return found


def running_header(pages: list[str]) -> str | None:
    """Words that open two or more pages ('Vordingborg Kommune Dato Side Erhvervsudvalget'): the PDF's
    running header, its digits lost. The longest such run of words, when it has no digits or headings."""
    starts: Counter[str] = Counter()
    for text in pages:
        words = text.split()
        for length in range(RUNNING_WORDS[0], min(RUNNING_WORDS[1], len(words) - 1) + 1):
            starts[" ".join(words[:length])] += 1
    shared = [start for start, count in starts.items() if count >= 2 and not any(ch.isdigit() for ch in start)
              and P.transcript_cut.search(" " + start) is None]
    return max(shared, key=len) if shared else None


def split_page(text: str, *, first: bool) -> list[str]:
    """The lines of one page. The contents page stays one line: its titles run together without numbers."""
    if _contents_page(text):
        return [text]
    if not first:
        return [part for piece in cut_page(text) for part in _split_piece(piece)]
    lines: list[str] = []
    for segment, run in _colonless_labels(text):
        lines.extend([segment] if run else _label_runs([part for piece in cut_page(segment) for part in _split_piece(piece)]))
    return lines


def _label_runs(pieces: list[str]) -> list[str]:
    """The first page's labels printed in a run before their values (a two-column table flattened:
    'Mødested: Deltagere: Borgmesterens mødelokale Anne Hansen (A), ...') stay one line: which value is
    whose is the header's to work out, a cut between the labels would give the last label every value.
    Values of such a table are names and places; labels followed by sentences ('Afbud: Fraværende:
    Bemærkninger: Anne Hansen var inhabil.') were empty."""
    out: list[list[str]] = []  # the pieces of each line
    labels_only = False  # the line so far is labels without values
    for piece in pieces:
        piece_labels = P.transcript_empty_labels.match(piece) is not None
        if out and labels_only and not P.sentence_inside.search(piece):
            out[-1].append(piece)
            labels_only = piece_labels  # a run of labels goes on until a value joins it
        else:
            out.append([piece])
            labels_only = piece_labels
    return [" ".join(line) for line in out]


def may_cut(text: str, count: int) -> bool:
    """False only when cut_page cannot find ``count`` places to cut ``text``: fewer white spaces have a cut
    after them (found in one scan of the text, P.transcript_cut_after_space), and no 'Åben sag' or
    'Lukket sag' is there for the cut after it. Most long lines (prose paragraphs) have no cut at all,
    and finding cuts one by one (_cuts) costs a pattern call at every capitalised word."""
    # The ends of the phrases of P's fragment transcript_after_sag (tests/test_transcripts.py checks that
    # they are found), looked for as they stand: a gate would lower the long line first (four times slower).
    if "ben sag" in text or "ket sag" in text:
        return True
    # A printable text holds no white space but the space (str.isprintable: other separators are not).
    scan = P.transcript_cut_after_blank if text.isprintable() else P.transcript_cut_after_space
    return any(found >= count for found, _ in enumerate(scan.finditer(text), 1))


def cut_page(text: str) -> list[str]:
    """Cut a page at its line breaks; an item number right after a capitalised abbreviation ('... lokaler
    på Chr. 8. Vej 7') is part of the sentence, no cut."""
    cuts = {m.start() for m in _cuts(text)
            if not (text[m.start():m.start() + 1].isdigit() and _after_initial(text, m.start()))}
    cuts |= {m.start() for m in P.transcript_decision_cut.finditer(text)}
    bounds = sorted(cuts | {0, len(text)})
    return [piece for piece in (text[a:b].strip() for a, b in pairwise(bounds)) if piece]


def _cuts(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``P.transcript_cut.finditer(text)``, found ~10 times faster. The pattern opens with a
    look-behind and hundreds of names, so its own search tries them all after every white space; most long
    lines it reads (prose paragraphs) have no cut at all. Every match starts at a white space after 'sag'
    or right after a white space before one of the characters its names open with: the places that
    ``P.transcript_cut_candidate`` finds. The pattern is tried there alone, from left to right, each try
    starting where the last match ended, as finditer does (an empty match moves on by one)."""
    position = 0
    for candidate in P.transcript_cut_candidate.finditer(text):
        space = candidate.start()
        for start in (space, space + 1) if candidate["sag"] is not None else (space + 1,):
            if start < position:
                continue
            match = P.transcript_cut.match(text, start)
            position = start + 1 if match is None or match.end() == start else match.end()
            if match is not None:
                yield match


def _after_initial(text: str, position: int) -> bool:
    """The word before ``position`` is a capitalised abbreviation or initials ('Chr.', 'H.C.'). Only that
    word is read: copying the text before every numbered cut made a long page line quadratic."""
    end = position
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return P.initial_at_line_end.search(text[start:end]) is not None


def _contents_page(text: str) -> bool:
    words = text.split()[:CONTENTS_OPENING_WORDS]
    return any(P.transcript_contents_mark.fullmatch(word.strip(",.:")) for word in words)


def _split_piece(piece: str) -> list[str]:
    """A heading that runs into its text: 'RESUMÉ Godkendt.', 'Beslutning Økonomiudvalget den Godkendt.'
    (the date lost); and a page number after the page's last sentence ('Godkendt. 2')."""
    match = P.transcript_heading_run.match(piece) or P.transcript_dated_heading.match(piece) or _heading_and_text(piece)
    parts = [match["head"], match["rest"]] if match else [piece]
    last = P.transcript_page_end.match(parts[-1])
    if last is not None:
        parts[-1] = last["text"]
    return [part.strip() for part in parts if part.strip()]


def _heading_and_text(piece: str) -> re.Match[str] | None:
    """'Indledning I takt med ...', 'Beslutning Orientering taget til efterretning.': a heading name and its
    text. A whole dated decision heading ('Beslutning Byrådet den') is one line, unless what follows the
    heading word holds a sentence (the text, not a body's name)."""
    match = P.transcript_heading_text.match(piece)
    if match is None or (match_heading(piece) is not None and not P.sentence_inside.search(match["rest"])):
        return None
    return match


def _colonless_labels(text: str) -> list[tuple[str, bool]]:
    """'Dato 23. september 2009 Tid 19:00 Sted Det X Hus' -> 'Dato: 23. september 2009', 'Tid: 19:00', 'Sted:
    Det X Hus' on a transcript's first page: a label alone gets its colon and starts a line. Labels in a run
    whose values follow after it ('Sted Medlemmer Fraværende Lokale 1, ...') start one line together, as
    printed, and that line is not cut further (the flag)."""
    matches = list(P.transcript_colonless_label.finditer(text))
    segments: list[tuple[str, bool]] = []
    position = 0
    for k, match in enumerate(matches):
        if k > 0 and matches[k - 1].end() == match.start():
            continue  # inside a run: the run's first label started the line
        segments.append((text[position:match.start("label")], False))
        if k + 1 < len(matches) and matches[k + 1].start() == match.end():
            segments.append((text[match.start("label"):], True))  # a run: the rest of the page is its values
            return [(segment.strip(), run) for segment, run in segments if segment.strip()]
        position = _next_start(matches, k, text)
        segments.append((f"{match['label']}: {text[match.end():position]}", False))
    segments.append((text[position:], False))
    return [(segment.strip(), run) for segment, run in segments if segment.strip()]


def _next_start(matches: list, k: int, text: str) -> int:
    return matches[k + 1].start("label") if k + 1 < len(matches) else len(text)
