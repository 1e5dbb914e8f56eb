"""Extract stage entry: from the segmented document, everything the resolve stage settles."""

from __future__ import annotations

from ..drafts import Found, WarningDraft
from ..lineclass import Kind
from ..segment import Segmented
from .header import extract_header
from .items import extract_items, meeting_absences
from .municipality import find_municipality


def extract(seg: Segmented, tables: list[tuple[int, list[list[str | None]]]]) -> Found:
    cleaned = seg.cleaned
    header_lines = [line.text for line in cleaned.lines[: seg.header_end]]
    # The text cut as page furniture (a site footer, running lines) may hold "Mødet hævet kl. ..." or
    # the only mention of the municipality.
    with_furniture = f"{cleaned.text}\n{cleaned.footer}" if cleaned.footer else cleaned.text
    return Found(
        seg=seg,
        header=extract_header(header_lines, with_furniture, _first_title(seg)),
        header_lines=header_lines,
        items=extract_items(seg, tables),
        item_absences=meeting_absences(seg),
        municipality=find_municipality(with_furniture),
        warnings=[WarningDraft(code, message) for code, message in cleaned.warnings],
    )


def _first_title(seg: Segmented) -> int | None:
    """The first line of the header that prints an item title ("2. Godkendelse af dagsorden" above an
    attendance block that the segmenter left in the header): a numbered line that is no contents entry
    and that the segmenter did not pass over for a reason of its own ('00 Referat uden bilag - X Kommune',
    a download title)."""
    refused = {entry.line for entry in seg.toc} | {line for line, _rule in seg.decisions}
    return next((i for i in range(seg.header_end) if seg.infos[i].kind is Kind.NUMBERED and i not in refused), None)
