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
from reader.model import Document


@dataclass(frozen=True, slots=True)
class Anchor:
    """A span of one paragraph: offsets into the paragraph text and the text itself."""

    section: int
    paragraph: int
    start: int
    end: int
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


def anchor_for(document: Document, section: int, paragraph: int, start: int, end: int) -> Anchor:
    """An anchor over ``[start, end)`` of one paragraph, quoting the document's own text."""
    text = document.sections[section].paragraphs[paragraph].text
    return Anchor(section, paragraph, start, end, text[start:end])
