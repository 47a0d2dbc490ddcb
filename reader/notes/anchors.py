"""Provides text anchors for notes: where a quote stands, and finding it again.

A note remembers section, paragraph and character offsets plus the quoted
text. Offsets are the fast path; the quote is the truth. Comparison is made
on a simplified view, so a note taken while reading in 繁體 matches the
simplified original and the other way round (OpenCC keeps lengths).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from reader.convert import simplified_view
from reader.model import Document, Location


@dataclass(frozen=True, slots=True)
class Anchor(Location):
    """A note's place in one paragraph, and the text it quotes there."""

    quote: str


class Placement(StrEnum):
    EXACT = "exact"  # the quote is where the offsets say
    MOVED = "moved"  # found elsewhere (the article was edited)
    LOST = "lost"  # the quote is no longer in the article


@dataclass(frozen=True, slots=True)
class Placed:
    """Where an anchor stands in a given document, and how it was found."""

    anchor: Anchor
    placement: Placement


def _same(a: str, b: str) -> bool:
    """The same passage, possibly in another script or with Taiwan/HK vocabulary (实时/即時)."""
    if a == b:
        return True
    if len(a) != len(b) or not a:
        return False
    x, y = simplified_view(a), simplified_view(b)
    return sum(p == q for p, q in zip(x, y, strict=True)) >= 0.9 * len(x)


def locate(document: Document, anchor: Anchor) -> Placed:
    """Find ``anchor`` in ``document``: at its offsets, else nearest occurrence of its quote."""
    sections = document.sections
    if anchor.section < len(sections) and anchor.paragraph < len(
        sections[anchor.section].paragraphs
    ):
        text = sections[anchor.section].paragraphs[anchor.paragraph].text
        if _same(text[anchor.start : anchor.end], anchor.quote):
            return Placed(anchor, Placement.EXACT)
    wanted = simplified_view(anchor.quote)
    if not wanted.strip():
        return Placed(anchor, Placement.LOST)
    order = list(document.paragraphs())
    # Search outward from where the note used to be.
    here = next(
        (
            i
            for i, (si, pi, _) in enumerate(order)
            if (si, pi) >= (anchor.section, anchor.paragraph)
        ),
        len(order),
    )
    for i in sorted(range(len(order)), key=lambda i: abs(i - here)):
        si, pi, paragraph = order[i]
        at = simplified_view(paragraph.text).find(wanted)
        if at >= 0:
            end = at + len(anchor.quote)
            return Placed(Anchor(si, pi, at, end, paragraph.text[at:end]), Placement.MOVED)
    return Placed(anchor, Placement.LOST)


def anchor_for(document: Document, where: Location) -> Anchor:
    """An anchor over ``where``, quoting the document's own text."""
    text = document.sections[where.section].paragraphs[where.paragraph].text
    return Anchor(
        where.section, where.paragraph, where.start, where.end, text[where.start : where.end]
    )
