"""Provides the word cursor's steps: the next or previous word to look up, across sentences
and paragraphs.

With the dictionary open, ← and → move from word to word of the segmented
text. Only Chinese words are stops (punctuation, spaces and Latin text have
nothing in the dictionary); past the last word of a paragraph the cursor goes
on to the first word of the next paragraph that has one.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from reader.learn.pinyin import has_han

Key = TypeVar("Key", bound=Hashable)  # a paragraph's place: (section, paragraph) in the reader
Span = tuple[int, int]


def stops(words: Sequence[str]) -> list[Span]:
    """The spans of the words of a paragraph (a segmentation that covers its text) the
    cursor stops on: those with a Chinese character."""
    spans = []
    at = 0
    for word in words:
        if has_han(word):
            spans.append((at, at + len(word)))
        at += len(word)
    return spans


def step_in(words: Sequence[str], offset: int, step: int) -> Span | None:
    """The first stop starting after ``offset`` (``step`` > 0) or the last starting before
    it (``step`` < 0); None when there is none in this paragraph."""
    spans = stops(words)
    if step > 0:
        return next((s for s in spans if s[0] > offset), None)
    return next((s for s in reversed(spans) if s[0] < offset), None)


def step_word(
    order: Sequence[Key],
    words_of: Callable[[Key], Sequence[str]],
    here: tuple[Key, int],
    step: int,
) -> tuple[Key, Span] | None:
    """The word one step from the word starting at offset ``here[1]`` of paragraph
    ``here[0]``: in the same paragraph if it has one that way, else the first (or last)
    stop of the next (or previous) paragraph in ``order`` that has any. None at either
    end of the text. ``words_of`` segments a paragraph; it is called only for the
    paragraphs passed through (segmenting a long article takes seconds)."""
    key, offset = here
    found = step_in(words_of(key), offset, step)
    if found is not None:
        return key, found
    index = order.index(key) if key in order else -1
    direction = 1 if step > 0 else -1
    index += direction
    while 0 <= index < len(order):
        spans = stops(words_of(order[index]))
        if spans:
            return order[index], spans[0] if step > 0 else spans[-1]
        index += direction
    return None
