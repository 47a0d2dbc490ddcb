"""Provides a sentence splitter made for Chinese text.

Splits after 。！？；… and their ASCII forms where they end a sentence, keeps
closing quotes and brackets with the sentence they close, and leaves numbers
(3.5亿), URLs, names such as Yahoo!奇摩 and ellipses inside a quotation alone.
A ；-list (一是…；二是…；三是…) stays one sentence. A colon never ends a
sentence, so "主要有以下理由：" stays with what it introduces, unless it ends
the paragraph. Returns spans so callers can keep offsets that round-trip into
the paragraph text.
"""

from __future__ import annotations

import re

# Characters that end a sentence on their own.
_FULL_STOPS = "。！？；!?;｡"
_SEMICOLONS = "；;"
LONG_SENTENCE = 60  # characters before a ；
# A ；-list whose next item is marked (二是, （2）, 2., ②, 第二, 其次 …) is one
# sentence, an enumeration read as a whole, up to this many characters: past
# that it is a paragraph in all but name, too long to show as a key sentence
# or to highlight as one, so it is cut at the ； before the item that would
# take it over.
LIST_LIMIT = 200
_ITEM = re.compile(
    r"\s*(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]|第[一二三四五六七八九十\d]+"
    r"|[（(][一二三四五六七八九十\d]+[)）]|\d+(?:\.(?!\d)|[、)）])|[一二三四五六七八九十]+、"
    r"|[①-⑳⑴-⒇]|首先|其次|再次|最后|另一方面)"
)
_ELLIPSIS = "…⋯"
_CLOSERS = "”’」』）)》〉】〕］]\"'"
_OPENERS = {"“": "”", "「": "」", "『": "』", "‘": "’"}
# A quotation that has not closed within this many characters is treated as
# unbalanced (a typo or a quote spanning paragraphs) and no longer shields.
_QUOTE_REACH = 240

# 「走吧！」她說。 and “……。”开发区管委会主任周明远说。 are one sentence each:
# a short speech tag after a quotation belongs to it.
_SPEECH_TAG = re.compile(
    r"[^。！？；!?;，,“”「」\n]{0,16}?(?:说|說|道|问|問|喊|答|叹|嘆|表示|介绍|介紹|指出|强调|強調|坦言|感慨)"
    r"[^。！？；!?;“「\n]{0,3}[。！？!?]"
)

# A "sentence" longer than this (a page without punctuation, one character
# repeated) is cut into pieces of at most this many characters, after the last
# clause mark (，、：) of its second half where there is one. No reader takes
# it for one sentence, and every step after (segmentation, ranking, a
# highlight) costs per sentence what the sentence is long; 500 is far past
# any sentence a writer means (LIST_LIMIT keeps even ；-lists under 200).
MAX_SENTENCE = 500
_CLAUSE_MARKS = "，、：,:"

# Every character at which a sentence may end (the loop below tests no other).
_MAY_END = re.compile("[" + re.escape(_FULL_STOPS + _ELLIPSIS + ".") + "]")

# Every character the loop below acts on: a possible end, or a quotation mark.
_QUOTE_MARKS = "".join(_OPENERS) + "".join(_OPENERS.values())
_EVENT = re.compile("[" + re.escape(_FULL_STOPS + _ELLIPSIS + "." + _QUOTE_MARKS) + "]")

_URL = re.compile(r"(?:https?://|www\.)[\w\-.~:/?#\[\]@!$&'()*+,;=%]+", re.ASCII)


def _protected(text: str) -> list[bool]:
    """Mark positions inside URLs, where no sentence may end."""
    mask = [False] * len(text)
    for m in _URL.finditer(text):
        for i in range(m.start(), m.end()):
            mask[i] = True
    return mask


def _ascii_period_ends(text: str, i: int) -> bool:
    """An ASCII '.' ends a sentence only before white space, CJK or the end.

    This keeps 3.5亿, v2.0, example.com and 1.2.3 whole, and a list number
    such as "1. " at the start of a line is not a sentence of its own.
    """
    nxt = text[i + 1] if i + 1 < len(text) else ""
    prev = text[i - 1] if i > 0 else ""
    if nxt == "":
        return True
    if prev.isdigit() and text[:i].strip().isdigit():
        return False
    if nxt.isspace():
        return True
    if "\u4e00" <= nxt <= "\u9fff":
        return not prev.isdigit()
    return nxt in _CLOSERS


def _quote_closes_soon(text: str, i: int, closer: str) -> bool:
    end = text.find(closer, i + 1, i + 1 + _QUOTE_REACH)
    return end != -1


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences of ``text``.

    Spans cover every non-space character exactly once; white space between
    sentences belongs to no sentence, so ``text[start:end]`` is always the
    trimmed sentence.
    """
    spans: list[tuple[int, int]] = []
    n = len(text)
    if not _MAY_END.search(text):  # most lines of a list or a page: one sentence at most
        _append(spans, text, 0, n)
        return spans
    mask = _protected(text)
    quotes: list[str] = []  # expected closers of the quotations we are inside
    start = 0
    i = 0
    while i < n:
        event = _EVENT.search(text, i)  # the characters between change nothing: skip them
        if event is None:
            break
        i = event.start()
        ch = text[i]
        if ch in _OPENERS:
            quotes.append(_OPENERS[ch])
        elif quotes and ch == quotes[-1]:
            quotes.pop()
        is_stop = False
        if not mask[i]:
            if ch in _SEMICOLONS:
                is_stop = _semicolon_ends(text, start, i)
            elif ch in "!?" and _inside_latin_name(text, i):
                is_stop = False
            elif ch in _FULL_STOPS:
                is_stop = True
            elif ch in _ELLIPSIS or (ch == "." and text.startswith("...", i)):
                # Inside a quote that goes on, an ellipsis is a pause, not an end.
                is_stop = not (quotes and _quote_closes_soon(text, i, quotes[-1]))
            elif ch == ".":
                is_stop = _ascii_period_ends(text, i)
        if not is_stop:
            i += 1
            continue
        # Swallow runs of stops (？！, ……, ...) and the closers after them.
        j = i + 1
        while j < n and (text[j] in _FULL_STOPS or text[j] in _ELLIPSIS or text[j] == "."):
            j += 1
        if text[j - 1] in _SEMICOLONS and not _semicolon_ends(text, start, j - 1):
            i = j  # a ； swallowed after a stop is judged as any ； is (a marked list goes on)
            continue
        while j < n and text[j] in _CLOSERS:
            if quotes and text[j] == quotes[-1]:
                quotes.pop()
            j += 1
        # A stop inside a quotation that closes later does not end the sentence
        # unless the quotation is long enough to hold sentences of its own.
        if quotes and ch in _FULL_STOPS and _quote_closes_soon(text, j - 1, quotes[-1]):
            i = j
            continue
        if text[j - 1] in "”」』’" and _SPEECH_TAG.match(text, j):
            i = j
            continue
        _append(spans, text, start, j)
        start = j
        i = j
    _append(spans, text, start, n)
    return spans


def _semicolon_ends(text: str, start: int, i: int) -> bool:
    """； joins the clauses of one sentence; it ends one only when the sentence
    has grown too long to read as one (lists in reports). A list whose next
    item is marked stays whole up to LIST_LIMIT."""
    if _ITEM.match(text, i + 1):
        return _next_stop(text, i + 1, start + LIST_LIMIT + 2) - start > LIST_LIMIT
    return i - start >= LONG_SENTENCE


def _next_stop(text: str, at: int, limit: int) -> int:
    """Where the clause starting at ``at`` ends (its ；, 。, ！ or ？), or the text ends.

    Looks no further than ``limit``: the caller only asks whether the clause
    ends before it, and a search to the end of a huge text at every ； is
    quadratic.
    """
    ends = (text.find(c, at, limit) for c in _FULL_STOPS)
    return min((e for e in ends if e != -1), default=min(limit, len(text)))


def _inside_latin_name(text: str, i: int) -> bool:
    """An ASCII ! or ? inside a Latin name (YES!IC, Yahoo!奇摩, Yahoo!，) ends nothing.

    It is part of the name when a Latin letter comes right before it and a
    letter, digit, Chinese character or a clause mark (，、：) right after it,
    with no space: English puts a space after a sentence's ! or ?, and Chinese
    ends one with ！ or ？, which always end a sentence.
    """
    if i == 0 or i + 1 >= len(text) or not _is_latin_letter(text[i - 1]):
        return False
    nxt = text[i + 1]
    return (nxt.isascii() and nxt.isalnum()) or _is_cjk(nxt) or nxt in "，、,：:"


def _is_latin_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = _piece_end(text, start)
        _append(spans, text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        spans.append((start, end))


def _piece_end(text: str, start: int) -> int:
    """Where a piece of an over-long sentence ends: after the last clause mark
    in the second half of MAX_SENTENCE characters, else at MAX_SENTENCE."""
    limit = start + MAX_SENTENCE
    mark = max(text.rfind(c, start + MAX_SENTENCE // 2, limit) for c in _CLAUSE_MARKS)
    return mark + 1 if mark != -1 else limit
