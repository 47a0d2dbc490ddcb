"""Provides reading an HTML page: the article, its headline and its metadata.

trafilatura finds the main content and the page's metadata; what it reports
is then cleaned the way a reader expects: the headline without the site's
name (``标题_频道_网站``), the headline from the page itself when ``<title>``
is empty or only names the site, a publisher rather than a copyright line
or an address as the source, and numbered headings (第一章, 一、) kept even
when the page sets them as plain paragraphs. What the extractor drops is
looked for on the page itself: a lead set in a summary block before the
body (``with_lead``), and the credit lines around the article or the
dateline in the page's description (``page_byline``).
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser
from typing import Any

from reader.convert import simplified_view
from reader.errors import ArticleError
from reader.ingest.boilerplate import is_boilerplate, starts_disclaimer, starts_tail
from reader.ingest.metadata import lead_byline, parse_meta_line
from reader.ingest.page_region import (
    letters,
    line_shape,
    publisher,
    split_page_title,
    strip_site_furniture,
)
from reader.model import Meta

# Numeric references to C0 controls, which lxml refuses ("All strings must be XML compatible").
_CONTROL_REFS = re.compile(
    r"&#(?:0*(?:1[124-9]|2\d|3[01]|[0-8])(?!\d)|x0*(?:1[0-9a-f]|[0-8bcef])(?![0-9a-f]));?",
    re.IGNORECASE,
)
_RAW_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_HEADINGS = re.compile(r"<h([12])\b[^>]*>(.*?)</h\1>", re.IGNORECASE | re.DOTALL)
_HEAD_SCAN = 400_000  # characters of a page searched for its titles
# Above this many tags (opening ones; the largest page of benchmarks/realworld.py has
# 3,100, a long news page 1,000) trafilatura is not asked for the main content: its
# heuristics (several XPath passes over the whole tree, then readability's for
# comparison) cost some 35 µs of CPU per tag whatever the options, 7 s on a page of
# 200,000 tags. Such a page is read as its visible text, the article found in it as
# in a page saved as text (reader.ingest.page_region), in about a second; its
# metadata is read from its first _HEAD_SCAN characters, where the <head>, the
# headline, the date and the byline stand.
LARGE_PAGE_TAGS = 25_000
_OPENING_TAG = re.compile(r"<[A-Za-z]")
_TAG = re.compile(r"<[^>]+>")
_SITE_NAME_TITLE = re.compile(r"(?:网站|網站|官网|官網|门户|門戶|首页|首頁|频道|頻道)$")
# The source a page names for its content, as Chinese government and news sites
# mark it in their <head> (<meta name="ContentSource" content="山西日报">, the
# tag the national government-site guideline asks for; <meta name="source">).
_SOURCE_META = re.compile(
    r"<meta\b(?=[^>]*\bname\s*=\s*[\"']?(?:ContentSource|source)[\"'\s>])[^>]*"
    r"\bcontent\s*=\s*(?:\"([^\"]*)\"|'([^']*)')",
    re.IGNORECASE,
)
# What such a tag says when it names no publisher: this site, the web, a reprint.
_NO_PUBLISHER = frozenset(
    ["本站", "本网", "网络", "網絡", "互联网", "互聯網", "转载", "轉載", "网友", "未知", "其他"]
)
_SOURCE_LABEL = re.compile(
    r"^\s*(?:来源|來源|稿源|出处|出處)\s*[：:]\s*|\s*(?:原创稿|原創稿|原创|原創)\s*$"
)
_LABEL_ONLY = re.compile(r"^(?:作者|作者：|文|撰文|记者|記者|编辑|編輯|责任编辑|責任編輯)$")


@lru_cache(maxsize=1)
def clean_html(html: str) -> str:
    """Remove control characters, raw or as character references, that break the parser
    (once a page: the extraction, the lead and the byline each ask)."""
    return _RAW_CONTROLS.sub("", _CONTROL_REFS.sub("", html))


def extract(html: str, name: str) -> tuple[str, str | None, Meta] | None:
    """The main content as Markdown, the headline and the metadata; None if nothing was found.

    On a page of more than LARGE_PAGE_TAGS tags the content is left empty, for
    the caller to read the page's visible text. Any failure inside the extraction library is reported as an ArticleError.
    """
    import trafilatura  # heavy; only HTML needs it

    html = clean_html(html)
    large = html.count("<") > LARGE_PAGE_TAGS and _tags(html) > LARGE_PAGE_TAGS
    extracted: object
    try:
        if large:
            # Only the metadata, from the top of the page; its text is read by the caller's
            # fallback (the visible text, its article found as in a page saved as text).
            extracted = trafilatura.extract_metadata(html[:_HEAD_SCAN])
        else:
            extracted = trafilatura.bare_extraction(
                html,
                output_format="python",
                include_formatting=True,
                with_metadata=True,
                favor_recall=True,
                include_comments=False,
                include_tables=True,
            )
    except Exception as exc:  # any failure inside the library is told as one line about the page
        raise ArticleError(
            name, f"the HTML page could not be read ({type(exc).__name__})"
        ) from None
    fields = extraction_fields(extracted)
    text = "" if large else fields.get("text") or ""
    if not text.strip() and not large:
        return None
    if not large:
        text = with_lead(html, text)
    page_title = _first_text(_TITLE, html)
    title = headline([fields.get("title"), page_title], html, fields.get("sitename"))
    site_segments = split_page_title(page_title)[1] if page_title else []
    meta = Meta(
        date=fields.get("date"),
        source=content_source(html)
        or publisher(fields.get("sitename"))
        or publisher(site_segments[-1] if site_segments else None),
        author=author_name(fields.get("author")),
        url=fields.get("url"),
    )
    return text, title, meta


def _tags(html: str) -> int:
    return sum(1 for _ in _OPENING_TAG.finditer(html))


def extraction_fields(extracted: object) -> dict[str, Any]:
    """The extractor's result as a dict, whatever shape the installed trafilatura gives.

    trafilatura 1.x returns a dict by default and 2.x a ``Document`` with attributes;
    the dependency range allows both, and reading attributes off a dict crashed.
    """
    if extracted is None:
        return {}
    if isinstance(extracted, dict):
        return extracted
    as_dict = getattr(extracted, "as_dict", None)
    if callable(as_dict):
        return dict(as_dict())
    return dict(vars(extracted))


def headline(titles: list[str | None], html: str, sitename: str | None) -> str | None:
    """The article's headline: the first of the page's titles, then its ``<h1>`` and
    ``<h2>`` headings, that names more than the site once its furniture is taken off."""
    site = (sitename or "").strip()
    headings = [_inner_text(m.group(2)) for m in _HEADINGS.finditer(html[:_HEAD_SCAN])]
    for candidate in [*titles, *headings]:
        text = strip_site_furniture(candidate) if candidate else ""
        if (
            letters(text) >= 2
            and text != site
            and not _SITE_NAME_TITLE.search(text)
            and not is_boilerplate(text)
        ):
            return text
    return None


def _inner_text(fragment: str) -> str:
    return " ".join(unescape(_TAG.sub(" ", fragment)).split())


def _first_text(pattern: re.Pattern[str], html: str) -> str | None:
    match = pattern.search(html[:_HEAD_SCAN])
    return _inner_text(match.group(1)) or None if match else None


def content_source(html: str) -> str | None:
    """The publisher the page's <head> names as its content's source, if any: the
    paper a portal reprints names the article better than the portal does."""
    match = _SOURCE_META.search(html[:_HEAD_SCAN])
    if match is None:
        return None
    name = publisher(_SOURCE_LABEL.sub("", unescape(match.group(1) or match.group(2) or "")))
    # A publisher has a Chinese name: not an id number, nor a tag's "web" or "pc".
    if not name or name in _NO_PUBLISHER or not re.search(r"[\u4e00-\u9fff]", name):
        return None
    return name


def author_name(value: str | None) -> str | None:
    """A name, not a label: 记者陈明／桃园报导 gives 陈明; a bare 作者 or an editor gives None,
    文; 周小云 (文/周小云 as the extractor splits it) gives 周小云."""
    if not value:
        return None
    # The extractor joins what it split at a slash with "; ": 文/周小云 gives "文; 周小云".
    parts = (part.strip() for part in value.split(";"))
    value = "; ".join(p for p in parts if p and not _LABEL_ONLY.match(p))
    if not value:
        return None
    found = parse_meta_line(simplified_view(value), value)
    if found is not None:
        return found.author
    value = re.sub(r"^(?:作者|文|撰文|记者|記者)\s*[：:/|／]\s*", "", value).strip()
    return value or None


# The page's description, which news sites fill with the article's lead.
_DESCRIPTION = re.compile(
    r"<meta\b(?=[^>]*\b(?:name|property)\s*=\s*[\"']?(?:og:)?description[\"'\s>])[^>]*"
    r"\bcontent\s*=\s*(?:\"([^\"]*)\"|'([^']*)')",
    re.IGNORECASE,
)
_MARKDOWN_MARKS = re.compile(r"[\s\\*_#>`|]+")
_LABEL_MAX = 6  # characters of a block's label (推荐, 相关专题)
_BYLINE_WINDOW = 8  # lines of the page above and below the article where its credits stand
_MATCH_CHARS = 16  # characters of a paragraph that find it among the page's lines


def page_byline(html: str, text: str) -> str | None:
    """The author a page names where its extracted text lost it, if any.

    The extractor keeps the article's paragraphs but may drop the lines that
    credit it: 作者︱某某 under the last paragraph, 记者 某某 under the headline.
    Such lines are looked for among the page's own lines just above the
    article's first paragraph and just below its last, where a page sets its
    credits; only lines the extraction left out are read, and only those that
    parse as a byline. Failing that, the page's description, which news sites
    fill with the lead, may open with the reporter's dateline (（中央社记者某某
    台北12日电）).
    """
    paragraphs = [key for line in text.split("\n") if line_shape(key := _squash(line)).value > 0]
    headline = next((_squash(line[2:]) for line in text.split("\n") if line.startswith("# ")), "")
    found = _located(clean_html(html), paragraphs[0]) if paragraphs else None
    if found is not None:
        lines, first = found
        keys = [_squash(line) for line in lines]
        last = _line_of(keys, paragraphs[-1], first)
        if last is not None:
            kept = _squash(text)
            above = range(first - 1, max(first - _BYLINE_WINDOW, 0) - 1, -1)
            below = range(last + 1, min(last + 1 + _BYLINE_WINDOW, len(lines)))
            for side in (above, below):
                for i in side:  # the nearest lines first, as far as a list of links
                    view = simplified_view(lines[i])
                    if keys[i] not in kept and (name := _byline_of(view, lines[i])):
                        return name
                    if (
                        starts_tail(view)
                        or starts_disclaimer(view)
                        or _ends_the_article(keys[i], headline)
                    ):
                        break
    lead = _description(html)
    return lead_byline(simplified_view(lead), lead) if lead else None


def _ends_the_article(key: str, headline: str) -> bool:
    """Where credits stop being the article's: at its headline (a byline above it is a
    sidebar's), or at a block's label (推荐, 专栏, 更多: what follows is another's)."""
    if headline and key == headline:
        return True
    return 0 < len(key) <= _LABEL_MAX and not re.search(r"[\d，。：:、；！？|︱/／]", key)


def _squash(line: str) -> str:
    """A line without spaces and Markdown's marks, as pages and extractions both give it."""
    return _MARKDOWN_MARKS.sub("", line)


def _line_of(keys: list[str], paragraph: str, start: int) -> int | None:
    """The first line from ``start`` on where ``paragraph`` begins."""
    opening = paragraph[:_MATCH_CHARS]
    return next((i for i in range(start, len(keys)) if keys[i].startswith(opening)), None)


def _byline_of(view: str, line: str) -> str | None:
    """The author a line names when it is a byline (作者︱周明远), not a sentence."""
    if len(line) > 50:
        return None
    found = parse_meta_line(view, line)
    return author_name(found.author) if found is not None and found.author else None


# A block a page names as the article's summary or lead: lemma-summary, article-abstract, lead.
_SUMMARY_WORDS = r"(?:summary|abstract|lead|lede|digest|standfirst|intro|zhaiyao|daoyu)"
_SUMMARY_NAME = re.compile(rf"(?:^|[-_\s]){_SUMMARY_WORDS}(?=$|[-_\s])", re.IGNORECASE)
# A cheap test of the whole page (not "leading", "introduction" or a script's name).
_SUMMARY_ANYWHERE = re.compile(rf"(?<![a-z]){_SUMMARY_WORDS}(?![a-z])", re.IGNORECASE)
# Names of blocks that hold something else than this article's lead, though they say
# "lead" or "intro": an author's bio, another story's teaser, a picture, the site's own.
_OTHER_CONTENT = re.compile(
    r"(?:^|[-_\s])(?:author|bio|profile|image|img|photo|pic|picture|video|story|stories|"
    r"related|recommend|rec|teaser|site|card|item|list|side|sidebar|comment|ad|ads|promo|"
    r"more|hot|rank)(?=$|[-_\s])",
    re.IGNORECASE,
)
# Where a summary of another page stands: menus, lists of links, sidebars, forms.
_NOT_THE_ARTICLE = frozenset(["nav", "aside", "footer", "li", "a", "form", "button", "menu"])
_LEAF_BLOCKS = frozenset("p div dd dt blockquote section td h2 h3 h4 h5 h6".split())
_LEAD_MAX = 2000  # characters: a summary, not a second article
_LEAD_CANDIDATES = 12  # blocks named as summaries looked at (a list of teasers has hundreds)
_LINKED_SHARE = 0.5  # a paragraph mostly made of links is a list of them


def with_lead(html: str, text: str) -> str:
    """The extracted text with the page's lead put back where the extractor dropped it.

    Encyclopedias and many news sites set the lead (蔡某（英文名），1975年出生于……)
    in a summary block before the body, apart from the body's container, and
    the extractor keeps only the body. A block counts as the lead when the page
    says so, by its class or id (summary, abstract, lead, intro) or by opening
    with the page's description; when it stands before the first paragraph the
    extractor kept, outside menus, lists and sidebars; and when its paragraphs
    are prose the extraction lacks. Only the first such block is taken.
    """
    paragraphs = [key for line in text.split("\n") if line_shape(key := _squash(line)).value > 0]
    if not paragraphs or not (
        _SUMMARY_ANYWHERE.search(html) or _DESCRIPTION.search(html[:_HEAD_SCAN])
    ):
        return text
    lead = _dropped_lead(html, text, paragraphs[0])
    if not lead:
        return text
    lines = text.split("\n")
    at = 1 if lines and lines[0].startswith("# ") else 0  # after the extraction's headline
    return "\n".join([*lines[:at], *(f"{_markdown_literal(p)}\n" for p in lead), *lines[at:]])


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_BLOCK_START = re.compile(r"^(\d+)([.)])|^([-+=])")


def _markdown_literal(paragraph: str) -> str:
    """A paragraph as Markdown that reads back as the same text (no emphasis, links, lists)."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", paragraph)
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)


def _dropped_lead(html: str, text: str, first_paragraph: str) -> list[str]:
    root = _parsed(html)
    found = _located(html, first_paragraph) if root is not None else None
    if found is None:
        return []
    keys = [_squash(line) for line in found[0]]
    body_at = found[1]
    kept = _squash(text)
    blocks = _summary_blocks(root, _description(html), first_paragraph)
    for block in itertools.islice(blocks, _LEAD_CANDIDATES):
        if len(block.text_content()) > 2 * _LEAD_MAX:  # a wrapper around the page
            continue
        lead = _lead_paragraphs(block)
        if not lead or sum(len(p) for p in lead) > _LEAD_MAX:
            continue
        opening = _squash(lead[0])
        if opening[:_MATCH_CHARS] in kept:
            continue
        at = _line_of(keys, opening, 0)
        if at is not None and at < body_at:
            return lead
    return []


@lru_cache(maxsize=1)
def _parsed(html: str) -> Any:
    """The page's tree, or None for markup lxml cannot take (no lead or byline then,
    rather than no page). The lead and the byline read the same page: parsed once
    (read only, never changed)."""
    from lxml import html as lxml_html  # trafilatura's own parser

    try:
        return lxml_html.document_fromstring(html)
    except Exception:
        return None


def _located(html: str, paragraph: str) -> tuple[list[str], int] | None:
    """The page's lines and the one where ``paragraph`` begins, if it is found: read
    from the tree, else (libxml2 stops at some broken markup and loses the rest of
    the page) by the slower parser that reads on."""
    for read in (_tree_lines, _text_lines):
        lines = read(html)
        at = _line_of([_squash(line) for line in lines], paragraph, 0)
        if at is not None:
            return lines, at
    return None


@lru_cache(maxsize=1)
def _tree_lines(html: str) -> list[str]:
    """The page's lines read from its tree (once a page: the lead and the byline ask)."""
    root = _parsed(html)
    return _page_lines(root) if root is not None else []


def _text_lines(html: str) -> list[str]:
    return [line for raw in visible_text(html).split("\n") if (line := raw.strip())]


def _page_lines(root: Any) -> list[str]:
    """The page's visible text, a line per block, as ``visible_text`` gives it, read from
    a tree already parsed (lxml walks it in C; the pure-Python parser took most of the time)."""
    from lxml import etree

    parts: list[str] = []
    hidden = 0
    for event, element in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        if event in ("comment", "pi"):  # no text of its own; what follows it is the page's
            if not hidden and element.tail:
                parts.append(element.tail)
            continue
        tag = element.tag if isinstance(element.tag, str) else None
        if tag in _TextCollector.HIDDEN:
            hidden += 1 if event == "start" else -1
            if event == "end" and not hidden and element.tail:
                parts.append(element.tail)
            continue
        if tag in _TextCollector.BLOCKS:
            parts.append("\n")
        if not hidden:
            text = element.text if event == "start" else element.tail
            if text and (tag is not None or event == "end"):
                parts.append(text)
    return [line for raw in "".join(parts).split("\n") if (line := raw.strip())]


def _description(html: str) -> str:
    match = _DESCRIPTION.search(html[:_HEAD_SCAN])
    return unescape(match.group(1) or match.group(2) or "").strip() if match else ""


def _summary_blocks(root: Any, description: str, first_paragraph: str) -> Any:
    """Blocks the page names as a summary and the block that opens with its
    description (the largest one that holds nothing more), in the page's order."""
    opening = _squash(description)[:_MATCH_CHARS]
    body = first_paragraph[:_MATCH_CHARS]
    described = None
    for element in root.iter():  # the cheap tests first: a page has thousands of elements
        if not isinstance(element.tag, str):
            continue
        if _SUMMARY_NAME.search(_names(element)):
            if not _outside_article(element) and not _holds_other_content(element):
                yield element
        elif (
            described is None
            and len(opening) >= 8
            and element.tag in _LEAF_BLOCKS
            and opening.startswith(_squash(element.text or "")[:4] or "\0")
            and _squash(element.text_content()).startswith(opening)
            and not _outside_article(element)
        ):
            described = element
            while (parent := described.getparent()) is not None and parent.tag != "body":
                whole = _squash(parent.text_content())
                if not whole.startswith(opening) or body in whole or _outside_article(parent):
                    break
                described = parent
            yield described


def _names(element: Any) -> str:
    return f"{element.get('class', '')} {element.get('id', '')}"


def _holds_other_content(element: Any) -> bool:
    """Named, or inside a block named, as something other than this article's text."""
    return any(
        _OTHER_CONTENT.search(_names(e))
        for e in (element, *element.iterancestors())
        if isinstance(e.tag, str) and e.tag != "body"
    )


def _outside_article(element: Any) -> bool:
    """In a menu, a list, a sidebar or a footer, or in the page's header (an
    article's own <header> may hold its lead; the site's shows its slogan)."""
    tags = [e.tag for e in (element, *element.iterancestors()) if isinstance(e.tag, str)]
    return any(t in _NOT_THE_ARTICLE for t in tags) or ("header" in tags and "article" not in tags)


def _lead_paragraphs(block: Any) -> list[str]:
    """The prose paragraphs of a block: its innermost blocks, or itself."""
    leaves = [
        e
        for e in block.iter(*_LEAF_BLOCKS)
        if not any(isinstance(c.tag, str) and c.tag in _LEAF_BLOCKS for c in e.iterdescendants())
    ] or [block]
    paragraphs = []
    for leaf in leaves:
        whole = _SPACING.sub(_space, leaf.text_content().strip())
        linked = sum(len(a.text_content().strip()) for a in leaf.iter("a"))
        prose = line_shape(simplified_view(whole)).value > 0
        if whole and prose and linked <= _LINKED_SHARE * len(whole):
            paragraphs.append(whole)
    return paragraphs


_SPACING = re.compile(r"\s+")


def _space(match: re.Match[str]) -> str:
    """Spacing inside a paragraph: none between Chinese characters, nor where the markup
    broke a line beside one (奖\n[1]); one space elsewhere (Tanya Chua, 1. 青禾)."""
    text = match.string
    before = text[match.start() - 1] if match.start() > 0 else ""
    after = text[match.end()] if match.end() < len(text) else ""
    both = not before.isascii() and not after.isascii()
    beside = not before.isascii() or not after.isascii()
    return "" if both or (beside and "\n" in match[0]) else " "


class _TextCollector(HTMLParser):
    """Visible text of a page, a line per block, at any nesting depth."""

    BLOCKS = frozenset(
        "p div br li h1 h2 h3 h4 h5 h6 tr td section article header footer blockquote".split()
    )
    HIDDEN = frozenset(["script", "style", "noscript", "template"])

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """All visible text, for pages the extractor cannot take apart (deeply nested ones)."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return "".join(collector.parts)
