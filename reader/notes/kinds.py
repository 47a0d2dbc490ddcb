"""Provides the kinds of note a reader can leave, as stored and as marked on screen."""

from __future__ import annotations

from enum import StrEnum


class NoteKind(StrEnum):
    """What a note is; the values are what the store's ``kind`` column holds."""

    HIGHLIGHT = "highlight"
    BOOKMARK = "bookmark"

    @property
    def mark(self) -> str:
        """The symbol a note list shows before the quote."""
        return "🔖" if self is NoteKind.BOOKMARK else "▌"
