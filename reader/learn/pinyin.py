"""Provides the readings of a sentence's words in context, in pinyin or zhuyin.

pypinyin reads a word from its phrase dictionary, so a polyphonic character
gets the reading its word gives it (银行 yínháng, 行走 xíngzǒu). Its phrases
are simplified: traditional text is read through ``simplified_view`` (same
length, so each reading stays over its own characters), and 銀行 reads as 银行.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from reader.convert import simplified_view

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


class ReadingStyle(StrEnum):
    """How readings are written: pinyin with tone marks, or zhuyin (bopomofo)."""

    PINYIN = "pinyin"
    ZHUYIN = "zhuyin"


_lock = threading.Lock()
_pypinyin: Any = None


def load_readings() -> None:
    """Import pypinyin and its phrase dictionary (~0.3 s, ~40 MiB): call it in a worker."""
    _module()


def _module() -> Any:
    global _pypinyin
    with _lock:
        if _pypinyin is None:
            import pypinyin

            _pypinyin = pypinyin
        return _pypinyin


def has_han(text: str) -> bool:
    """Whether ``text`` holds a Chinese character (and so has a reading)."""
    return _HAN.search(text) is not None


def word_readings(
    words: Sequence[str], style: ReadingStyle = ReadingStyle.PINYIN
) -> list[tuple[str, ...]]:
    """One syllable per character of each word ("" where it is not Chinese), read in context.

    The words are read together, as the sentence they make: pypinyin matches its
    phrases over the whole text, so a character reads as its phrase makes it read
    even where our segmenter cut differently (还钱 huánqián when cut 还 / 钱).
    """
    text = "".join(words)
    sounds = char_readings(text, style)
    _correct_lone_heteronyms(words, sounds, style)
    result: list[tuple[str, ...]] = []
    at = 0
    for word in words:
        result.append(tuple(sounds[at : at + len(word)]) if has_han(word) else ())
        at += len(word)
    return result


def _correct_lone_heteronyms(words: Sequence[str], sounds: list[str], style: ReadingStyle) -> None:
    """Put in ``sounds`` the readings the word around a lone heteronym gives it
    (跑得快 de, 我得走 děi, 教我们 jiāo: ``reader.learn.heteronyms``)."""
    from reader.learn.heteronyms import overrides, read_alone

    view = simplified_view("".join(words))
    simplified, at = [], 0
    for word in words:
        simplified.append(view[at : at + len(word)])
        at += len(word)
    found = overrides(simplified, read_alone(view))
    if not found:
        return
    pypinyin = _module()
    for override in found:
        sound = override.pinyin
        if style is ReadingStyle.ZHUYIN:
            sound = pypinyin.style.convert(sound, pypinyin.Style.BOPOMOFO, strict=True)
        sounds[override.index] = sound


def char_readings(text: str, style: ReadingStyle = ReadingStyle.PINYIN) -> list[str]:
    """The reading of each character of ``text`` in context; "" where it is not Chinese."""
    pypinyin = _module()
    kind = pypinyin.Style.BOPOMOFO if style is ReadingStyle.ZHUYIN else pypinyin.Style.TONE
    view = simplified_view(text)
    items = [s[0] for s in pypinyin.pinyin(view, style=kind, errors=lambda x: list(x))]
    if len(items) != len(view):  # not one item a character: read character by character
        items = [pypinyin.pinyin(c, style=kind, errors=lambda x: list(x))[0][0] for c in view]
    return [s if has_han(c) else "" for c, s in zip(text, items, strict=True)]


def reading(word: str, style: ReadingStyle = ReadingStyle.PINYIN) -> str:
    """The reading of one word written as learners write it: syllables joined (yínháng)
    in pinyin, spaced in zhuyin."""
    return join(word_readings([word], style)[0], style)


def join(syllables: Sequence[str], style: ReadingStyle = ReadingStyle.PINYIN) -> str:
    """Syllables of one word as one string: pinyin runs together, zhuyin is spaced."""
    parts = [s for s in syllables if s]
    return " ".join(parts) if style is ReadingStyle.ZHUYIN else "".join(parts)


def words_in(text: str, words: Sequence[str]) -> list[str]:
    """``words`` (a segmentation that may skip white space) as pieces that cover ``text``
    exactly: skipped characters become pieces of their own."""
    pieces: list[str] = []
    at = 0
    for word in words:
        found = text.find(word, at)
        if found < 0:
            continue
        pieces.extend(text[at:found])
        pieces.append(word)
        at = found + len(word)
    pieces.extend(text[at:])
    return [p for p in pieces if p]


def segmented(text: str) -> list[str]:
    """``text`` cut into words by the project's segmenter, covering it exactly; a
    traditional text is cut where its simplified view is (same length)."""
    from reader.nlp.segmenter import segment

    view = simplified_view(text)
    pieces: list[str] = []
    at = 0
    for piece in words_in(view, segment(view)):
        pieces.append(text[at : at + len(piece)])
        at += len(piece)
    return pieces


def word_at(text: str, offset: int, words: Sequence[str] | None = None) -> tuple[int, int]:
    """The span of the word of ``text`` at ``offset`` (for the dictionary at the cursor
    and ``+``); ``words`` is the paragraph's segmentation when already known."""
    at = 0
    for word in words if words is not None else segmented(text):
        if at <= offset < at + len(word):
            return at, at + len(word)
        at += len(word)
    return offset, offset
