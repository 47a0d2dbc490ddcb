"""Provides the reader's preferences as a typed object, read from and written to the notes store."""

from __future__ import annotations

from dataclasses import dataclass

from reader.notes.store import NoteStore

DARK, LIGHT = "textual-dark", "textual-light"


@dataclass(slots=True)
class Settings:
    """What the reader remembers between sessions; the defaults hold without a store."""

    theme: str = DARK
    indent: bool = True  # first-line indent; False: a blank line between paragraphs
    # The reader has used a learner's aid (p, l, v, +): the reader loads pypinyin and the
    # dictionary in the background when an article opens, so the keys answer at once.
    learner: bool = False

    @classmethod
    def load(cls, store: NoteStore | None) -> Settings:
        if store is None:
            return cls()
        return cls(
            theme=store.setting("theme", DARK),
            indent=store.setting("paragraphs", "indent") == "indent",
            learner=store.setting("learner", "no") == "yes",
        )

    def save(self, store: NoteStore) -> None:
        """Write every preference (raises ArticleError when the store cannot be written)."""
        store.set_setting("theme", self.theme)
        store.set_setting("paragraphs", "indent" if self.indent else "spaced")
        store.set_setting("learner", "yes" if self.learner else "no")
