"""Provides search within a document that ignores the script: 開發 finds 开发 and the other way.

Both the query and each paragraph are compared in a simplified view (OpenCC
keeps lengths, so offsets in the view are offsets in the paragraph).
"""

from __future__ import annotations

from reader.convert import simplified_view
from reader.model import Document, Location


def find_all(document: Document, query: str) -> list[Location]:
    """Where ``query`` occurs in the paragraphs, in reading order, case-insensitive."""
    query = query.strip()
    if not query:
        return []
    wanted = simplified_view(query).casefold()
    matches: list[Location] = []
    for si, pi, paragraph in document.paragraphs():
        view = simplified_view(paragraph.text).casefold()
        at = view.find(wanted)
        while at >= 0:
            matches.append(Location(si, pi, at, at + len(wanted)))
            at = view.find(wanted, at + max(1, len(wanted)))
    return matches


def spans_in(text: str, needles: list[str]) -> list[tuple[int, int]]:
    """Where any of ``needles`` occurs in ``text`` (script-insensitive), longest first, no overlaps."""
    view = simplified_view(text)
    taken = [False] * len(text)
    spans: list[tuple[int, int]] = []
    for needle in sorted({simplified_view(n) for n in needles if n}, key=len, reverse=True):
        at = view.find(needle)
        while at >= 0:
            end = at + len(needle)
            if not any(taken[at:end]):
                spans.append((at, end))
                taken[at:end] = [True] * (end - at)
            at = view.find(needle, end)
    return sorted(spans)
