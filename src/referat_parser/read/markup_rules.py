"""The markup vocabulary (vocab/markup.toml, read by the lexicon) as the readers use it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..lexicon.data import markup


@dataclass(frozen=True)
class MarkupRules:
    dropped_tags: frozenset[str]
    page_chrome_tags: frozenset[str]
    sectioning_tags: frozenset[str]
    control_tags: frozenset[str]
    control_roles: frozenset[str]
    dropped_roles: frozenset[str]
    hidden_classes: frozenset[str]
    glyph_classes: frozenset[str]
    heading_styles: tuple[str, ...]
    title_styles: tuple[str, ...]
    field_heading_keys: frozenset[str]


@cache
def markup_rules() -> MarkupRules:
    data = markup()
    html, word, tables = data["html"], data["word"], data["tables"]
    return MarkupRules(
        dropped_tags=frozenset(html["dropped_tags"]),
        page_chrome_tags=frozenset(html["page_chrome_tags"]),
        sectioning_tags=frozenset(html["sectioning_tags"]),
        control_tags=frozenset(html["control_tags"]),
        control_roles=frozenset(html["control_roles"]),
        dropped_roles=frozenset(html["dropped_roles"]),
        hidden_classes=frozenset(html["hidden_classes"]),
        glyph_classes=frozenset(html["glyph_classes"]),
        heading_styles=tuple(word["heading_styles"]),
        title_styles=tuple(word["title_styles"]),
        field_heading_keys=frozenset(tables["field_heading_keys"]),
    )
