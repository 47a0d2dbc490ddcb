"""Provides Chinese line breaking for a terminal: where each line of a paragraph starts.

Terminal renderers break anywhere a line is full, so "；" lands at the start
of a line and "3.5亿" is cut into "3." and "5亿". The rules here are the
usual ones for Chinese typesetting (禁则):

- no line starts with closing punctuation （，。、；：？！）」』”…),
- no line ends with opening punctuation （“「『（),
- runs of Latin letters and digits (3.5亿's 3.5, COVID-19, www.example.cn) stay whole,
- a number stays with its unit or measure word (41848万, 65岁, 2018年, 3.5亿元,
  10个月, 10公里, 第3届, 3-5年, 17.9%); a date breaks only between its parts,
- any other character boundary is a break opportunity, as are spaces.

A run wider than the line (a long URL) is cut, but where kinsoku still holds.

Widths are terminal cells (a Chinese character is two).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

CLOSING = frozenset("，。、；：？！）」』”’…》〉】〕］｝,.;:?!)]}%％·～—")
OPENING = frozenset("“‘「『（《〈【〔［｛([{")

_DIGIT = "0-9０-９"
# Measure words and units that read as part of the number before them
# (41848万, 65岁, 2018年, 3.5亿元, 10个月): one character each ...
_UNIT_CHARS = (
    "万亿兆千百十元角块年月日号时点分秒岁人个家项次名倍位户件条只台辆架艘座所间张本部篇"
    "期届级层度天周代份批班场轮套棵头匹颗枚双例股票起处组册集季成%％‰℃°米吨克斤升亩顷里"
    "萬億塊號時點歲個項戶條臺輛間張屆級層場輪頭顆雙處組冊噸畝頃裏裡"  # the same in 繁體
)
# ... or a word whose first character is not a unit on its own (longest first).
_UNIT_WORDS = (
    "平方公里|平方千米|平方米|立方米|千瓦时|公里|公斤|公顷|公尺|千瓦|兆瓦|毫升|毫米|厘米|微米|纳米|"
    "英里|英尺|英寸|海里|小时|分钟|世纪|周岁|美元|港元|欧元|日元|英镑|韩元|澳元|新台币|台币|"
    "千瓦時|公頃|釐米|納米|奈米|公分|小時|分鐘|世紀|週歲|周歲|歐元|英鎊|韓元|新臺幣|新台幣|臺幣|台幣"
)
_UNIT = rf"(?:{_UNIT_WORDS}|[{_UNIT_CHARS}])"
# A Latin word or a number with its internal punctuation: 3.5, 1,200, 3-5, 3～5,
# 17.9%, COVID-19, a.b.cn. A number (the run ends with a digit or a percent sign)
# takes up to two units after it, with 多/余/来/几 before one (3000多万, 10余人),
# and 第, a currency sign or a minus sign before it (第3届, ￥100, -3.5%);
# 第 also takes Chinese numerals (第十五届). Dates stay breakable between their
# parts: 2023年 3月 5日 are three units.
_ALNUM_RUN = (
    rf"[A-Za-z{_DIGIT}][A-Za-z{_DIGIT}.,:/\-_+'@#&%％~～]*[A-Za-z{_DIGIT}%％‰]|[A-Za-z{_DIGIT}]"
)
_UNBREAKABLE = re.compile(
    rf"(?:(?:第|[$¥￥£€]|(?<![A-Za-z{_DIGIT}])[-+−])(?=[{_DIGIT}]))?"
    rf"(?>{_ALNUM_RUN})(?:(?<=[{_DIGIT}%％‰])(?:[多余来几]?{_UNIT}){{1,2}})?"
    rf"|第[一二三四五六七八九十百千万零〇两]+(?:{_UNIT}){{0,2}}"
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
        if char == "\n":  # a hard break: nothing is glued across it
            if pending_open is not None:
                groups.append([pending_open, start])
                pending_open = None
            groups.append([start, end])
            continue
        if end - start == 1 and char in OPENING:
            pending_open = start if pending_open is None else pending_open
            continue
        if (
            end - start == 1
            and char in CLOSING
            and groups
            and pending_open is None
            and text[groups[-1][1] - 1] != "\n"
        ):
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
    A run wider than the line (a long URL) is cut (see ``_cut_wide``).
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
        # A run wider than the line (a long URL, or a word with its brackets)
        # is cut where kinsoku allows.
        cuts = _cut_wide(text, start, end, width, used)
        starts.extend(cuts)
        used = text_width(text[cuts[-1] if cuts else start : end])
    return starts


def _may_break_before(text: str, i: int) -> bool:
    """Kinsoku: no line starts with closing, none ends with opening punctuation."""
    return text[i] not in CLOSING and text[i - 1] not in OPENING


def _cut_wide(text: str, start: int, end: int, width: int, used: int) -> list[int]:
    """Where a run wider than the line, set after ``used`` cells of a line, is cut.

    Each line is filled as far as it goes and then taken back to the last
    place kinsoku allows, so the punctuation a long word carries stays with
    it (``…18.5mm，`` never leaves the ``，`` alone). Only a run of nothing but
    punctuation wider than the line is cut where it is full.
    """
    cuts: list[int] = []
    line = start - 1 if used else start  # a cut may not go back before the run
    i = start
    while i < end:
        w = char_width(text[i])
        if used and used + w > width:
            cut = next((j for j in range(i, line, -1) if _may_break_before(text, j)), i)
            if text_width(text[cut:i]) + w > width:  # a line of a few cells: no room for rules
                cut = i
            cuts.append(cut)
            line = cut
            used = text_width(text[cut:i])
        used += w
        i += 1
    return cuts


def wrap(text: str, width: int) -> list[str]:
    """The lines of ``text`` set ``width`` cells wide, trailing spaces removed."""
    starts = line_starts(text, width)
    ends = [*starts[1:], len(text)]
    return [text[a:b].rstrip(" \n") for a, b in zip(starts, ends, strict=True)]
