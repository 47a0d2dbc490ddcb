"""Provides an article's notes placed in its current text: what the reader and export show.

Opening an article that changed on disk re-anchors every note whose quote can
still be found and reports the others as lost; nothing is deleted.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from reader.errors import ArticleError
from reader.model import LEAD, Document
from reader.notes.anchors import Placement, locate
from reader.notes.store import ArticleRecord, Note, NoteStore
from reader.terminal_text import one_line


@dataclass(frozen=True, slots=True)
class PlacedNote:
    """A stored note with its anchor as found in the current text."""

    note: Note
    placement: Placement

    @property
    def lost(self) -> bool:
        return self.placement is Placement.LOST

    def line(self, heading: str | None) -> str:
        """One line for a note list: its mark, where it is and its quote, terminal-safe.

        ``heading`` is the heading of the note's section (None for the lead).
        """
        where = "找不到原文" if self.lost else (heading or LEAD)
        return f"{self.note.kind.mark} [{one_line(where)}] {one_line(self.note.anchor.quote)}"


def place_notes(store: NoteStore, record: ArticleRecord, document: Document) -> list[PlacedNote]:
    """The article's notes in document order (lost ones last); moved anchors are saved
    when the store can be written."""
    placed: list[PlacedNote] = []
    for note in store.notes(record.id):
        where = locate(document, note.anchor)
        if where.placement is Placement.MOVED:
            # Saving the move only saves finding it again next time: a store that
            # cannot be written (read-only) still shows the note where it is now.
            with contextlib.suppress(ArticleError):
                store.move_note(note.id, where.anchor)
            note = Note(note.id, note.kind, where.anchor, note.annotation, note.created_at)
        placed.append(PlacedNote(note, where.placement))
    placed.sort(
        key=lambda p: (p.lost, p.note.anchor.section, p.note.anchor.paragraph, p.note.anchor.start)
    )
    return placed
