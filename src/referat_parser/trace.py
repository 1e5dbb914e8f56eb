"""Why the parser decided what it did: per line, the rule that classified it and the boundary rule
that did or did not start an item there; per header field, the rule that found its value and where
the resolve stage took each meeting-level fact from. ``referat show --trace FILE`` prints it."""

from __future__ import annotations

from dataclasses import dataclass, field

from .pipeline import Stages


@dataclass
class LineTrace:
    index: int
    page: int | None
    kind: str
    rule: str  # the line rule that classified it (and the heading or numbering rule within it)
    boundary: str | None  # the item-boundary rule that decided about the line, if any
    item: int | None  # the item (order) that starts at this line, if one does
    text: str


@dataclass
class FieldTrace:
    field: str
    value: str | None
    rule: str


@dataclass
class Trace:
    lines: list[LineTrace] = field(default_factory=list)
    fields: list[FieldTrace] = field(default_factory=list)


HEADER_FIELDS = ("committee", "date", "start_time", "end_time", "location")


def build_trace(stages: Stages) -> Trace:
    seg = stages.segmented
    boundaries = dict(seg.decisions)
    starts = {block.start: order for order, block in enumerate(seg.items)}
    trace = Trace()
    for index, (line, info) in enumerate(zip(seg.cleaned.lines, seg.infos, strict=True)):
        rule = info.rule
        if info.heading is not None:
            rule = f"{rule}:{info.heading.rule} ({info.heading.key})"
        boundary = boundaries.get(index)
        if index in starts:
            block_rule = seg.items[starts[index]].rule
            boundary = f"{boundary} -> item starts ({block_rule})" if boundary and boundary != block_rule \
                else f"item starts ({block_rule})"
        trace.lines.append(LineTrace(index, line.page, info.kind.value, rule, boundary, starts.get(index), line.text))
    header, draft = stages.found.header, stages.draft
    for name in HEADER_FIELDS:
        trace.fields.append(FieldTrace(f"header.{name}", getattr(header, name), header.rules.get(name, "-")))
    for name in HEADER_FIELDS:
        value = getattr(draft, name)
        trace.fields.append(FieldTrace(name, value, draft.sources.get(name, "header" if value else "-")))
    trace.fields.append(FieldTrace("kind", draft.kind, "resolve"))
    return trace
