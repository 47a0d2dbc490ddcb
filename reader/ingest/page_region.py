"""Provides finding the article inside a web page saved as text.

A page copied whole, or dumped by a text browser, is mostly navigation,
share buttons and lists of other headlines around one article. As the
body-text extraction algorithms do for HTML (Finn et al.'s BTE, jusText's
context rule), the article is the densest run of prose: each line scores
its prose characters above a threshold, every short or boilerplate line
costs, and the run with the largest total (a maximum-sum subarray) is the
article. Its headline stands above it, often also in the page-title line
(``标题_频道_网站名``), and its date, source and byline lines beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from reader.ingest.headings import ends_as_prose

# A line shorter than this (in letters) costs more than it brings: menus,
# headlines of other articles, captions. Article paragraphs are longer.
_PROSE_THRESHOLD = 25
_SHORT_LINE_COST = 10
_LETTERS_PER_MARK = 40
_SENTENCE_MARK = re.compile(r"[，。；！？、]")
_NON_LETTER = re.compile(r"[^\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]")
# A page (not a clean article): many short labels, some of them known site furniture.
_PAGE_SHORT_SHARE = 0.3
_PAGE_MOSTLY_SHORT = 0.6
_PAGE_MIN_SHORT = 12
_PAGE_MIN_FURNITURE = 3


@dataclass(frozen=True, slots=True)
class Region:
    """The article's lines: indexes into the block list, ``end`` inclusive."""

    start: int
    end: int


def letters(line: str) -> int:
    """How many letters and digits (Chinese characters included) a line has."""
    return len(line) - len(_NON_LETTER.findall(line))  # most characters are letters


class LineShape(NamedTuple):
    """What the page rules read of a line, measured once: both passes over a
    page (is it a page, where is its article) ask it of every line. A tuple:
    one is made per line of a page, and a frozen dataclass costs three times more."""

    short: bool  # a label: under 15 letters and not prose
    value: int  # what the line adds to the article unless it is furniture


_LABEL = LineShape(True, -_SHORT_LINE_COST)
_NOT_PROSE = LineShape(False, -_SHORT_LINE_COST)


def line_shape(line: str) -> LineShape:
    """Measure a line for ``looks_like_page`` and ``line_score``.

    Letters are counted only where they decide something: a line that is not
    prose costs the same whatever its length, and one under 15 characters is short.
    """
    # Prose: running text, punctuated inside or at its end.
    if not (_SENTENCE_MARK.search(line, 0, len(line) - 1) or ends_as_prose(line)):
        return _LABEL if len(line) < 15 or letters(line) < 15 else _NOT_PROSE
    count = letters(line)
    if count < 10:
        return _NOT_PROSE
    # Prose has a mark every few dozen characters; a ticker of headlines run
    # together has hardly any, and counts only as far as its marks go.
    marks = len(_SENTENCE_MARK.findall(line))
    return LineShape(False, min(count, _LETTERS_PER_MARK * (marks + 1)) - _PROSE_THRESHOLD)


def line_score(shape: LineShape, furniture: bool) -> int:
    """What a line adds to the article: long prose adds, everything else costs."""
    return -_SHORT_LINE_COST if furniture else shape.value


def looks_like_page(shapes: Sequence[LineShape], furniture: int) -> bool:
    """A whole page, not an article: many short labels (menus, links), and
    either known site furniture among them or hardly anything else.

    Headings and list items are short too, so a report or an encyclopedia
    article with many of them and no furniture stays whole.
    """
    short = sum(1 for shape in shapes if shape.short)
    if short < _PAGE_MIN_SHORT:
        return False
    share = short / len(shapes)
    return share >= _PAGE_MOSTLY_SHORT or (
        share >= _PAGE_SHORT_SHARE and furniture >= _PAGE_MIN_FURNITURE
    )


def densest_run(scores: Sequence[tuple[int, int]]) -> Region | None:
    """The run of lines with the largest total score (Kadane); ``scores`` are (index, score)."""
    best: tuple[int, int, int] | None = None  # total, first, last
    total = 0
    first = 0
    for n, (_, score) in enumerate(scores):
        if total <= 0:
            total, first = score, n
        else:
            total += score
        if total > 0 and (best is None or total > best[0]):
            best = (total, first, n)
    if best is None:
        return None
    return Region(scores[best[1]][0], scores[best[2]][0])


# Segments of a page title after the headline: 标题_频道_网站名, 标题 - 网站, 标题 | 网站.
_TITLE_SEPARATORS = re.compile(r"\s*(?:_|\||｜|::|--|—|–|@|\s-\s|-(?=[^\d\s]))\s*")
_SITE_WORDS = re.compile(
    r"(?:网|網|站|频道|頻道|新闻|新聞|日报|日報|时报|時報|晚报|晚報|报|報|台|社|官网|官網|"
    r"首页|首頁|中心|博客|部落格|论坛|論壇|百科|中文|在线|在線|客户端|\.com|\.cn|\.net|\.org|"
    r"\.tw|\.hk|[A-Za-z]{3,})$",
    re.IGNORECASE,
)
_SITE_MAX = 24
_TRAILING_MARKS = re.compile(r"[\s_|｜:：\-—–@]+$")


def strip_site_furniture(title: str) -> str:
    """The headline of a page title: ``标题_教育频道_中国青年网`` gives ``标题``."""
    return split_page_title(title)[0]


def split_page_title(title: str) -> tuple[str, list[str]]:
    """A page title's headline and the site segments after it, the site's own name last.

    Trailing segments are dropped while they look like a site, channel or
    section name (short, ending as a site's name does, or naming a page); the
    headline itself is never emptied.
    """
    text = _TRAILING_MARKS.sub("", title.strip())
    segments: list[str] = []
    if (at := text.find(" @ ")) > 0 and letters(text[:at]) >= 4:
        # 文章 @ 部落格名 :: 平台: what follows @ is always the blog
        text, segments = text[:at], [text[at + 3 :].strip()]
    while True:
        parts = list(_TITLE_SEPARATORS.finditer(text))
        if not parts:
            return text, segments
        last = parts[-1]
        head, tail = text[: last.start()].strip(), text[last.end() :].strip(" :：")
        if not head or letters(head) < 4:
            return text, segments
        if tail and not _site_like(tail):
            return text, segments
        if tail:
            segments.insert(0, tail)
        text = _TRAILING_MARKS.sub("", head)


def _site_like(segment: str) -> bool:
    if len(segment) > _SITE_MAX:
        return False
    words = [w for w in re.split(r"[\s_|｜:：]+", segment) if w]
    return bool(words) and all(
        _SITE_WORDS.search(w) or len(w) <= 4 or not re.search(r"[\u4e00-\u9fff]", w) for w in words
    )


def page_title_head(line: str) -> str | None:
    """The headline part of a page-title line (``标题_频道_网站名``), if the line is one."""
    head = strip_site_furniture(line)
    if head == line.strip() or letters(head) < 4:
        return None
    return head


_COPYRIGHT = re.compile(r"(?:版权所有|版權所有|copyright|©|all rights reserved)", re.IGNORECASE)
_URL = re.compile(r"^(?:https?://|www\.)", re.IGNORECASE)
# A site's address written after its name: 某某新聞網 EXAMPLE.COM, 某报 www.example.cn
_DOMAIN = re.compile(
    r"\s*(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|net|org|cn|tw|hk|mo|sg|gov|edu)\b\S*$",
    re.IGNORECASE,
)


# The words a site's name ends in when it names the site, not an article (青禾市人民政府
# 门户网站, 文化频道): a page's title or a line above its headline that ends so is the site's.
SITE_WORDS = "网站|網站|官网|官網|门户|門戶|首页|首頁|频道|頻道"


def publisher(sitename: str | None) -> str | None:
    """A publisher's name from what the page calls its site: no addresses, no copyright lines."""
    if not sitename:
        return None
    # A hyphen separates parts only beside a Chinese character: 青禾网-本地频道, not Wi-Fi联盟.
    separator = r"\s*(?:[|｜_]|\s-\s|(?<=[\u4e00-\u9fff])-|-(?=[\u4e00-\u9fff]))\s*"
    parts = [p.strip() for p in re.split(separator, sitename) if p.strip()]
    for part in dict.fromkeys(parts):
        part = _DOMAIN.sub("", _COPYRIGHT.sub("", part)).strip(" ：:-")
        if part and not _URL.match(part) and "/" not in part:
            return part
    return None


# What a page calls the kind of site it is, not its name: a blog's <title> ends in it.
_KINDS_OF_SITE = frozenset(
    ["个人博客", "博客", "个人主页", "个人网站", "个人空间", "部落格", "個人部落格"]
)


def page_title_site(line: str) -> str | None:
    """The publisher a page-title line names last (``标题 | 频道 | 网站名`` gives 网站名),
    if the line is one."""
    if page_title_head(line) is None:
        return None
    return last_site(split_page_title(line)[1])


def last_site(segments: list[str]) -> str | None:
    """The publisher a page title's segments name: the last one, past a kind of site
    (在家做面包 - 麦田小记 - 个人博客 gives 麦田小记)."""
    named = [segment for segment in segments if segment.strip() not in _KINDS_OF_SITE]
    return publisher(named[-1]) if named else None
