"""Provides the reader's own list of words to study (what ``+`` adds in the reader).

Kept as JSON under one key of the notes store's settings table, through its
existing settings API: the store's schema is not this module's to change. A
word is kept once (by its simplified form) with the sentence it was met in.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from reader.convert import simplified_view
from reader.learn.levels import Settings

SETTING = "vocab_list"


@dataclass(frozen=True, slots=True)
class SavedWord:
    """A word the reader chose to learn, where they met it, and when."""

    word: str
    sentence: str
    added_at: str


def saved_words(store: Settings) -> list[SavedWord]:
    """The list, oldest first; a damaged value reads as an empty list."""
    try:
        rows = json.loads(store.setting(SETTING, "[]"))
        return [SavedWord(str(r["word"]), str(r["sentence"]), str(r["added_at"])) for r in rows]
    except (ValueError, TypeError, KeyError):
        return []


def add_word(store: Settings, word: str, sentence: str) -> bool:
    """Add ``word`` with its sentence; False when it is already there (in either script)."""
    words = saved_words(store)
    key = simplified_view(word)
    if any(simplified_view(w.word) == key for w in words):
        return False
    words.append(SavedWord(word, sentence.strip(), datetime.now(UTC).isoformat(timespec="seconds")))
    store.set_setting(SETTING, json.dumps([asdict(w) for w in words], ensure_ascii=False))
    return True


def remove_word(store: Settings, word: str) -> bool:
    """Take ``word`` off the list; False when it was not on it."""
    words = saved_words(store)
    key = simplified_view(word)
    kept = [w for w in words if simplified_view(w.word) != key]
    if len(kept) == len(words):
        return False
    store.set_setting(SETTING, json.dumps([asdict(w) for w in kept], ensure_ascii=False))
    return True
