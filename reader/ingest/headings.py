"""Provides line-level tests for headings: numbering styles and heading shape.

Whether a heading-shaped line really is a heading also depends on its
neighbours; that part lives in ``reader.ingest.structure``.
"""

from __future__ import annotations

import re

_CN_NUM = "一二三四五六七八九十百千零〇两"

DECIMAL_HEADING = re.compile(
    r"^(?P<n>\d{1,2}(?:\.\d{1,2}){0,4})[ \u3000\t]+(?=[^\s\d.%])"
    r"(?![年月日时分秒倍个万亿元岁次%])"  # 3 月, 1.5 倍: a quantity, not a heading
)

# Numbering styles in the order Chinese documents nest them; the index is the rank.
NUMBERING_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(rf"^第[{_CN_NUM}\d]+(?:篇|部分)")),
    ("chapter", re.compile(rf"^第[{_CN_NUM}\d]+章")),
    ("section", re.compile(rf"^第[{_CN_NUM}\d]+节")),
    ("cn", re.compile(rf"^[{_CN_NUM}]+\s*[、．]")),
    ("cn_paren", re.compile(rf"^[（(]\s*[{_CN_NUM}]+\s*[）)]")),
    ("arabic", re.compile(r"^\d{1,2}\s*[.．、](?!\d)")),
    ("arabic_paren", re.compile(r"^[（(]\s*\d{1,2}\s*[）)]")),
    ("circled", re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]")),
    # Encyclopedia numbering: 1 生平, 1.1 家世, 2.1.3 … (a space, no stop after the number)
    ("decimal", DECIMAL_HEADING),
)
STYLE_RANK = {name: rank for rank, (name, _) in enumerate(NUMBERING_STYLES)}
# The first character of every numbered line (digits aside): most lines open with none
# of them and are answered without trying the nine patterns.
_NUMBER_FIRST = frozenset("第（(①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳" + _CN_NUM)

_MARKER = re.compile(r"^(?:[■□◆◇▲△●○◎★☆▶►]\s*\S|【[^】]{2,24}】\s*$)")

# Punctuation that ends a sentence or a clause: a line ending so is prose.
_PROSE_END = set("。！？；，、：:,;!?…⋯.")
_CLOSERS = "”’」』）)》〉】\"'"
_DIALOGUE_START = set("“「『‘\"'—")
_CAPTION = re.compile(
    r"^(?:图|图为|图片|图注|资料图|配图|视频|音频)\s*[：:|丨]|"
    r"^[（(]?图[片]?[）)]|"
    r"(?:摄|供图|图片来源[^）)]*|视觉中国|图虫创意)\s*[）)]?$"
)
_LABEL_VALUE = re.compile(
    r"^(?:地址|电话|邮箱|邮编|传真|联系人|联系电话|时间|地点|日期|网址|E-?mail|Tel)\s*[：:]",
    re.IGNORECASE,
)
_SPEECH = re.compile(r"(?:说|說|道|问|問|答|称|稱|表示)[，,：:]")
# A heading may open with a quoted name (“某某行动”搭建新平台); dialogue does not close so soon.
_QUOTED_NAME_LEAD = re.compile(r"^[“「『][^”」』，。！？]{1,12}[”」』][^，。！？：]")
_LIST_BULLET = re.compile(r"^[*\-+•·]\s")
_HAS_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]")


def is_list_item(text: str) -> bool:
    """A line of a bulleted list (* - + • ·, then a space)."""
    return _LIST_BULLET.match(text) is not None


_FULL_STOP = re.compile("[。！？]")

# What makes a short line no heading, in one search (each line of a text is asked):
# a quotation introduced, speech, a list bullet, a caption, a label and its value, or
# full stops inside (a heading is a phrase, a line with sentence ends is prose).
_NOT_A_HEADING = re.compile(
    rf"：“|:“|{_SPEECH.pattern}|{_LIST_BULLET.pattern}|{_CAPTION.pattern}"
    rf"|(?i:{_LABEL_VALUE.pattern})|{_FULL_STOP.pattern}"
)

MAX_HEADING_CHARS = 30
MAX_NUMBERED_HEADING_CHARS = 40


def numbering_style(line: str) -> str | None:
    """Name the numbering style a line opens with (一、, （一）, 1. …), if any.

    Decimal numbering names its depth too (``decimal1`` for 1 生平,
    ``decimal2`` for 1.1 家世), since each depth is its own heading level.
    """
    if not line or not (line[0] in _NUMBER_FIRST or line[0].isdigit()):
        return None
    for name, pattern in NUMBERING_STYLES:
        if m := pattern.match(line):
            return f"decimal{m['n'].count('.') + 1}" if name == "decimal" else name
    return None


def style_rank(style: str) -> float:
    """Nesting order of a numbering style: lower is outer."""
    if style.startswith("decimal"):
        return STYLE_RANK["decimal"] + int(style[len("decimal") :]) / 10
    return STYLE_RANK[style]


def is_marker_heading(line: str) -> bool:
    """Lines opened by ■◆▲● or wholly in 【】 are headings in news and reports."""
    return bool(_MARKER.match(line))


def ends_as_prose(line: str) -> bool:
    """True when the line ends with sentence or clause punctuation (quotes skipped)."""
    stripped = line.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _PROSE_END


def heading_shaped(line: str) -> bool:
    """Short, unpunctuated, not dialogue, caption or label: a line that could head a section."""
    if not line or not _HAS_WORD.search(line):
        return False
    numbered = numbering_style(line) is not None
    limit = MAX_NUMBERED_HEADING_CHARS if numbered else MAX_HEADING_CHARS
    if len(line) > limit:
        return False
    if ends_as_prose(line) and not (numbered and line.rstrip()[-1] in "？?"):
        return False
    if line[0] in _DIALOGUE_START and not _QUOTED_NAME_LEAD.match(line):
        return False
    if not numbered and ("，" in line or "," in line) and ("：" in line or ":" in line):
        return False  # a clause and then a colon introducing more: prose
    return _NOT_A_HEADING.search(line) is None


MAX_QUESTION_HEADING_CHARS = 24
_CLAUSE_MARKS = set('，,、；;：:“”「」"')


def question_shaped(line: str) -> bool:
    """A short one-clause question (快递进村难在哪？): a heading in explainers and Q&A pieces.

    Only shape is judged here; ``reader.ingest.structure`` accepts such lines as
    headings when a document has several of them, since a lone short
    question is as likely a line of prose.
    """
    stripped = line.strip()
    if not (2 < len(stripped) <= MAX_QUESTION_HEADING_CHARS) or stripped[-1] not in "？?":
        return False
    if numbering_style(stripped) is not None or stripped[0] in _DIALOGUE_START:
        return False
    inner = stripped[:-1]
    if any(c in _CLAUSE_MARKS for c in inner) or sum(inner.count(c) for c in "。！？!?") > 0:
        return False
    return bool(_HAS_WORD.search(stripped)) and not _SPEECH.search(stripped)
