"""Provides the one call that loads every reading aid's data, for a worker thread.

The reader calls it off the UI thread when the reader opens (or when a learner's
key is first pressed): CC-CEDICT's index (~20 ms; ~2 s the first time on a
machine), pypinyin's phrases (~0.6 s) and the HSK list (~30 ms). Each part loads
once per process; calling again returns at once.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.learn.dictionary import Dictionary, load_dictionary
from reader.learn.levels import load_levels
from reader.learn.pinyin import load_readings


def preload(on_build: Callable[[], None] | None = None) -> Dictionary:
    """Load the dictionary, the readings and the levels; the dictionary is returned."""
    dictionary = load_dictionary(on_build)
    load_levels()
    load_readings()
    return dictionary
