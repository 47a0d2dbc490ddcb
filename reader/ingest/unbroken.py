"""Provides line breaks for text that lost them: an article copied as one line.

A run of thousands of characters is one paragraph to everything downstream:
the outline, the reading position, a paragraph highlight. Such a run is cut
back into paragraphs at sentence ends, numbered headings glued into it
(``…的国家。1 名称「中国」一词…``) are stood on lines of their own, so are
unnumbered subheadings where their end is plain (see
``reader.ingest.glued_headings``), and an
encyclopedia-style opening that names its subject twice (``中国「中国」是…``)
gives the title.
"""

from __future__ import annotations

import re
from itertools import pairwise

from reader.ingest.glued_headings import glued_headings
from reader.ingest.glued_markers import marked_levels, marked_starts
from reader.lazy_pattern import LazyPattern
from reader.sentences import split_sentences

RUN_ON = 800  # characters: a line this long is not one paragraph a writer meant
# A line this long that marks headings inside it (…。二、…。三、…) lost its breaks too,
# and so did a line this long that is the whole text.
MARKED_RUN_ON = 300
SOLE_RUN_ON = 400
_HEADED_MIN = 120  # characters of a one-line text whose glued headline is looked for
PARAGRAPH_TARGET = 120  # characters: where a re-made paragraph ends at the next sentence end
PARAGRAPH_LONG = 300  # characters: past this a paragraph ends even before 这…
PARAGRAPH_MAX = 500  # characters: past this a paragraph ends at any piece the splitter gives
_HEADING_MAX = 10  # characters of a glued heading's text
_JOINING = frozenset("及与和之的")  # a heading never ends on a joining word
_COMMON = 5  # occurrences that make a two-character word common in the article
_END = "。！？!?”」』）)]"
_FULL_STOPS = "。！？!?…"
_CLOSERS = '”」』）)]’" '
# A sentence that opens with a pronoun or a link word carries on the paragraph before it.
_CONTINUES = re.compile(r"\s*(?:[这這此其该該他她它那]|但|而|并且|並且|却|卻|于是|於是)")
_NEXT_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}\s")
# A heading whose words end where a number (a date) or a parenthesis and then a number
# begin: the paragraph plainly opens there.
_PLAIN_MAX = 16  # characters of such a heading's words
_PLAIN_END = re.compile(
    rf"[\u4e00-\u9fff]{{2,{_PLAIN_MAX}}}(?:[（(][^（）()，。；！？\s]{{1,20}}[）)])?(?=\d)"
)
_IN_A_SENTENCE = re.compile(r"[是于於在]|认为|認為")  # words of a sentence, not of a heading
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_HEADING_STOP = re.compile(r"[，。、；：！？「“『《（(\d\s]")
# What an official document calls itself at the end of its title.
_DOCUMENT_KINDS = (
    "通知",
    "意见",
    "决定",
    "決定",
    "办法",
    "辦法",
    "规定",
    "規定",
    "条例",
    "條例",
    "方案",
    "规划",
    "規劃",
    "公告",
    "通告",
    "批复",
    "批覆",
    "细则",
    "細則",
)
_EDITOR_NOTE = re.compile(
    r"[（(【\[]\s*(?:责任编辑|責任編輯|编辑|編輯|责编|責編|来源|來源)\s*[：:][^（）()【】\[\]]{1,24}[）)】\]]"
)


# The patterns below, with CJK ranges (~1 ms each for sre to compile), are compiled
# on first use: most texts have no run-on line and never need them.
# A section number standing after a sentence end (or another heading) and before words.
_GLUED_NUMBER = LazyPattern(
    rf"(?:(?<=[{re.escape(_END)}])|^)\s*(?P<n>\d{{1,2}}(?:\.\d{{1,2}}){{0,3}})\s(?=[\u4e00-\u9fff「“《])"
)


# A document's title, then its first chapter or article (…管理办法第一章 总则), or,
# for a title about something (…关于…的实施意见), whom it is sent to (各区人民政府，…：)
# or the purpose its preamble opens with (为进一步…).
_KINDS = "|".join(_DOCUMENT_KINDS)
_OFFICIAL_TITLE = LazyPattern(
    rf"^(?P<t>[^。！？：:，,\s]{{4,60}}?(?:{_KINDS}))(?=第一[章条條])"
    rf"|^(?P<about>[^。！？：:，,\s]{{0,30}}关于[^。！？：:，,\s]{{2,58}}?(?:{_KINDS}))"
    r"(?=(?:各|[^。！？：:\s]{2,30}(?:政府|委员会|部门|单位|局|委|办|厅|院|校|公司))[^。！？：:\s]{0,40}[：:]"
    r"|为了|为进一步|为切实|为加快|为深入|为全面|为贯彻|为落实|根据|按照|依据)"
)


# 山区孩子的第一堂天文课本报记者 罗晓燕十月的…: a headline, then the report's credit
# (a reporter named with a space after, or a wire's dateline).
_REPORTED_TITLE = LazyPattern(
    r"^(?P<t>[^。！？：:，,\s][^。！？：:，,\n]{3,40}?)"
    r"(?=(?:本报记者|本報記者)(?:\s+[\u4e00-\u9fff]{2,4}|\s*[\u4e00-\u9fff]{2,4}\s)|本报讯|本報訊"
    r"|(?:新华社|新華社)[\u4e00-\u9fff]{2,6}\d{1,2}月\d{1,2}日(?:电|電))"
)


# 屏東黑鮪魚季開跑2024-04-25 11:30聯合報／記者潘志偉／屏東即時報導屏東…: a headline,
# its date and time, and the credit after them, all glued to the lead (without the
# credit, 本次春游定于2024-04-12 08:00在… is a sentence).
_DATED_TITLE = LazyPattern(
    r"^(?P<t>[^。！？：:，,\s\d][^。！？：:，,\n\d]{3,40}?)"
    r"(?P<date>(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}[:：]\d{2})"
    r"(?P<credit>[^。！？，,\n]{0,30}?(?:报导|報導|报道|報道))"
)


# 中国small=yes「中国」是…: the subject, leftovers of markup, the subject again.
_NAMED_TWICE = LazyPattern(
    r"^(?P<t>[\u4e00-\u9fff]{2,20}?)(?P<junk>[^\u4e00-\u9fff「“『]{0,16})(?=[「“『]?(?P=t))"
)


def rebreak(text: str) -> str:
    """The text with every run-on line cut into headings and paragraphs."""
    # A text that is one line (and perhaps its title) lost its breaks: no writer sets
    # a whole article of several hundred characters as one paragraph, nor glues its
    # headline to its dateline (…江豚频繁露脸新华社上海3月5日电…) however short.
    sole = text.count("\n") < 8 and sum(1 for line in text.split("\n") if line.strip()) <= 2
    headed = sole and len(text) >= _HEADED_MIN and _titled(text.lstrip().split("\n", 1)[0])
    if not headed and all(len(line) < MARKED_RUN_ON for line in text.split("\n")):
        return text
    lines: list[str] = []
    for index, line in enumerate(text.split("\n")):
        first = index == 0
        long = len(line) >= (SOLE_RUN_ON if sole else RUN_ON) or _marks_inside(line)
        if not long and not (first and headed):
            lines.append(line)
            continue
        if first and (dated := _DATED_TITLE.match(line)):
            lines.extend(
                [
                    dated["t"],
                    "",
                    dated["date"],
                    "",
                    dated["credit"],
                    "",
                ]
            )
            line = line[dated.end() :]
        elif first and (
            named := _NAMED_TWICE.match(line)
            or _OFFICIAL_TITLE.match(line)
            or _REPORTED_TITLE.match(line)
        ):
            lines.extend([named.groupdict().get("t") or named["about"], ""])
            line = line[named.end() :]
        lines.extend(_cut(line, text))
    return "\n".join(lines)


def _titled(line: str) -> bool:
    """Whether a run-on line opens with a headline glued to a date, a dateline, a credit
    or an official document's first words."""
    return any(pattern.match(line) for pattern in (_DATED_TITLE, _OFFICIAL_TITLE, _REPORTED_TITLE))


def _marks_inside(line: str) -> bool:
    """Whether a line of some length has an outline of marked headings glued in it: two
    kinds (一、 over （一）, 第一章 over 第一条); one kind is a paragraph quoting a list."""
    return len(line) >= MARKED_RUN_ON and marked_levels(line) >= 2


def _cut(line: str, whole: str) -> list[str]:
    """Headings on lines of their own, the prose between them in paragraphs."""
    if note := _EDITOR_NOTE.search(line):  # （责任编辑：…） glued on: a metadata line
        before, after = line[: note.start()], line[note.end() :]
        return [*_cut(before, whole), "", note.group(0), "", *_cut(after, whole)]
    out: list[str] = []
    glued = glued_headings(line)
    bounds = [0, *(at for at in marked_starts(line) if at), len(line)]
    for start, end in pairwise(bounds):  # each marked heading anew
        at = start
        for heading in (g for g in glued if start <= g.start and g.end <= end):
            out.extend(_cut_numbered(line[at : heading.start], whole))
            out.extend(["", *heading.lines, ""])
            at = heading.end
        out.extend([*_cut_numbered(line[at:end], whole), ""])
    return out[:-1]


def _cut_numbered(line: str, whole: str) -> list[str]:
    """Numbered headings on lines of their own, the prose between them in paragraphs."""
    out: list[str] = []
    at = 0
    for number in _GLUED_NUMBER.finditer(line):
        if number.start() < at:
            continue
        out.extend(_paragraphs(line[at : number.start()]))
        at = number.end()
        heading = [number["n"] + " " + _heading_text(line[at:], whole)]
        at += len(heading[0]) - len(number["n"]) - 1
        while nested := _NEXT_NUMBER.match(line, at):  # 2 历史2.1 上古史…
            text = _heading_text(line[nested.end() :], whole)
            heading.append(nested.group(0).strip() + " " + text)
            at = nested.end() + len(text)
        out.extend(["", *heading, ""])
    out.extend(_paragraphs(line[at:]))
    return out


def _heading_text(rest: str, whole: str) -> str:
    """Where a glued heading ends: at punctuation, a number, or after the longest
    start of it that the article uses again elsewhere (疆域 in 疆域中国疆域自…)."""
    if again := _said_again(rest):  # 实用主义实用主义产生于…: the paragraph repeats its heading
        return again
    plain = _PLAIN_END.match(rest)  # 球迷嘘国歌事件2015年…, 日本全面侵华（1937年始）1937年…
    if plain and not _IN_A_SENTENCE.search(plain.group(0)):
        return plain.group(0)
    stop = _HEADING_STOP.search(rest[: _HEADING_MAX + 1])
    limit = stop.start() if stop else _HEADING_MAX
    if limit <= 4:
        return rest[:limit]
    sizes = [size for size in range(limit, 1, -1) if rest[size - 1] not in _JOINING]
    # Best: the paragraph opens with a word common in the article (中国 in 艺术中国…),
    # the heading before it used again elsewhere; the first such place.
    common = [size for size in sizes if whole.count(rest[size : size + 2]) >= _COMMON]
    repeated = [size for size in common if whole.count(rest[:size]) >= 2]
    if repeated or common:
        return rest[: min(repeated or common)]
    for size in sizes:
        if whole.count(rest[:size]) >= 3:
            return rest[:size]
    return rest[:4]


def _said_again(rest: str) -> str:
    """The heading when the paragraph opens by naming it again (当代社会学当代社会学的…,
    德国唯心主义唯心主义的…): the shortest start whose last two or more characters recur
    right after it."""
    head = _HAN_RUN.match(rest[:_PLAIN_MAX])
    if head is None:
        return ""
    run = head.group(0)
    for size in range(2, len(run)):
        if any(rest.startswith(run[cut:size], size) for cut in range(size - 1)):
            return run[:size]
    return ""


def _paragraphs(run: str) -> list[str]:
    """Sentences gathered into paragraphs of about ``PARAGRAPH_TARGET`` characters."""
    run = run.strip()
    if not run:
        return []
    out: list[str] = []
    start = 0
    for _, end in split_sentences(run):
        # a paragraph ends with a sentence, not after a clause closed by ；, unless
        # there is none to end it (text without stops comes in bounded pieces); nor
        # before a sentence that points back (这…, 他…), unless it has grown long
        full = (
            run[start:end].rstrip(_CLOSERS)[-1:] in _FULL_STOPS
        )  # not run[:end]: a copy a sentence
        if full and _CONTINUES.match(run, end) and end - start < PARAGRAPH_LONG:
            continue
        if end - start >= (PARAGRAPH_TARGET if full else PARAGRAPH_MAX):
            out.extend([run[start:end].strip(), ""])
            start = end
    if run[start:].strip():
        out.append(run[start:].strip())
    return out
