"""Provides Chinese line breaking for a terminal: where each line of a paragraph starts.

Terminal renderers break anywhere a line is full, so "；" lands at the start
of a line and "3.5亿" is cut into "3." and "5亿". The rules here are the
usual ones for Chinese typesetting (禁则):

- no line starts with closing punctuation （，。、；：？！）」』”…),
- no line ends with opening punctuation （“「『（),
- runs of Latin letters and digits (3.5亿's 3.5, COVID-19, www.example.cn) stay whole,
- any other character boundary is a break opportunity, as are spaces.

Widths are terminal cells (a Chinese character is two).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

CLOSING = frozenset("，。、；：？！）」』”’…》〉】〕］｝,.;:?!)]}%％·～—")
OPENING = frozenset("“‘「『（《〈【〔［｛([{")
# A Latin word or a number with its internal punctuation: 3.5, 1,200, COVID-19, a.b.cn
_UNBREAKABLE = re.compile(
    r"[A-Za-z0-9０-９][A-Za-z0-9０-９.,:/\-_+'@#&%％]*[A-Za-z0-9０-９%％]|[A-Za-z0-9０-９]"
)


@lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Terminal cells a character takes: 2 for wide and full-width, 0 for combining, else 1."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str) -> int:
    """Terminal cells a string takes."""
    return sum(char_width(c) for c in text)


def units(text: str) -> list[tuple[int, int]]:
    """Spans that must not be split: Latin words, numbers, single characters."""
    units: list[tuple[int, int]] = []
    at = 0
    for match in _UNBREAKABLE.finditer(text):
        units.extend((i, i + 1) for i in range(at, match.start()))
        units.append(match.span())
        at = match.end()
    units.extend((i, i + 1) for i in range(at, len(text)))
    return units


def groups(text: str) -> list[tuple[int, int]]:
    """Units joined so that closing punctuation stays with what precedes it
    and opening punctuation with what follows it: the runs a line may not split."""
    groups: list[list[int]] = []
    pending_open: int | None = None  # start of a run of opening punctuation
    for start, end in units(text):
        char = text[start]
        if end - start == 1 and char in OPENING:
            pending_open = start if pending_open is None else pending_open
            continue
        if end - start == 1 and char in CLOSING and groups and pending_open is None:
            groups[-1][1] = end
            continue
        groups.append([pending_open if pending_open is not None else start, end])
        pending_open = None
    if pending_open is not None:  # the text ends with opening punctuation
        groups.append([pending_open, len(text)])
    return [(a, b) for a, b in groups]


def line_starts(text: str, width: int) -> list[int]:
    """Offsets at which the lines of ``text`` begin when set ``width`` cells wide.

    The first offset is always 0. A line ends just before the next offset;
    spaces at the end of a line are kept in the text and simply not shown.
    A single unit wider than the line (a long URL) is cut where the line is full.
    """
    if width <= 0 or not text:
        return [0]
    starts = [0]
    used = 0
    for start, end in groups(text):
        if text[start] == "\n":
            starts.append(end)
            used = 0
            continue
        size = text_width(text[start:end])
        if used and used + size > width and not text[start:end].isspace():
            starts.append(start)
            used = 0
        if used == 0 and text[start:end].isspace() and starts[-1] == start and start:
            starts[-1] = end  # a space that would open a line is dropped
            continue
        if size <= width:
            used += size
            continue
        # A run wider than the line: punctuation rules give way first (break
        # between its units), and a single unit is cut only if it alone is wider.
        for unit_start, unit_end in units(text[start:end]):
            unit_size = text_width(text[start + unit_start : start + unit_end])
            if used and used + unit_size > width:
                starts.append(start + unit_start)
                used = 0
            if unit_size <= width:
                used += unit_size
                continue
            for i in range(start + unit_start, start + unit_end):
                w = char_width(text[i])
                if used and used + w > width:
                    starts.append(i)
                    used = 0
                used += w
    return starts


def wrap(text: str, width: int) -> list[str]:
    """The lines of ``text`` set ``width`` cells wide, trailing spaces removed."""
    starts = line_starts(text, width)
    ends = [*starts[1:], len(text)]
    return [text[a:b].rstrip(" \n") for a, b in zip(starts, ends, strict=True)]
