"""Provides what a page's extractor dropped, read from the page itself.

trafilatura keeps an article's paragraphs but may drop what stands around
them: a lead set in a summary block before the body (``with_lead``: an
encyclopedia's first paragraph), the credit lines above or below the article
(``page_credits``: 作者︱某某, 来源：某某日报), or a reporter's dateline that only the page's
description still holds. Each is looked for where pages put it, and taken
only when it is not some other block's (a sidebar's, a teaser's, an author's bio).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from typing import Any

from reader.convert import simplified_view
from reader.ingest.boilerplate import starts_disclaimer, starts_tail
from reader.ingest.html_page import (
    HEAD_SCAN,
    TextCollector,
    author_name,
    clean_html,
    visible_text,
)
from reader.ingest.metadata import MetaLine, lead_byline, parse_meta_line
from reader.ingest.page_region import line_shape

_DESCRIPTION = re.compile(
    r"<meta\b(?=[^>]*\b(?:name|property)\s*=\s*[\"']?(?:og:)?description[\"'\s>])[^>]*"
    r"\bcontent\s*=\s*(?:\"([^\"]*)\"|'([^']*)')",
    re.IGNORECASE,
)
_MARKDOWN_MARKS = re.compile(r"[\s\\*_#>`|]+")
_LABEL_MAX = 6  # characters of a block's label (推荐, 相关专题)
_BYLINE_WINDOW = 8  # lines of the page above and below the article where its credits stand
_MATCH_CHARS = 16  # characters of a paragraph that find it among the page's lines


@dataclass(frozen=True, slots=True)
class Credits:
    """Who wrote the article and whose it is, as the page's lines beside it say."""

    author: str | None = None
    source: str | None = None


def page_credits(html: str, text: str) -> Credits:
    """The author and the source a page names where its extracted text lost them.

    The extractor keeps the article's paragraphs but may drop the lines that
    credit it: 作者︱某某 under the last paragraph, 记者 某某 or 来源：某某日报 under
    the headline. Such lines are looked for among the page's own lines just above
    the article's first paragraph and just below its last, where a page sets its
    credits; only lines the extraction left out are read, and only those that
    parse as metadata. Failing that, the page's description, which news sites
    fill with the lead, may open with the reporter's dateline (（中央社记者某某
    台北12日电）).
    """
    author: str | None = None
    source: str | None = None
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
                    if keys[i] not in kept and (said := _credit_of(view, lines[i])):
                        author = author or (author_name(said.author) if said.author else None)
                        source = source or said.source
                    if (
                        starts_tail(view)
                        or starts_disclaimer(view)
                        or _ends_the_article(keys[i], headline)
                    ):
                        break
                if author:  # the side that names the author is the article's credits
                    break
    if author is None and (lead := _description(html)):
        author = lead_byline(simplified_view(lead), lead)
    return Credits(author, source)


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


def _credit_of(view: str, line: str) -> MetaLine | None:
    """What a credit line names (作者︱周明远, 来源：某某日报), if it is one, not a sentence."""
    if len(line) > 80:
        return None
    return parse_meta_line(view, line)


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
        _SUMMARY_ANYWHERE.search(html) or _DESCRIPTION.search(html[:HEAD_SCAN])
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
        if tag in TextCollector.HIDDEN:
            hidden += 1 if event == "start" else -1
            if event == "end" and not hidden and element.tail:
                parts.append(element.tail)
            continue
        if tag in TextCollector.BLOCKS:
            parts.append("\n")
        if not hidden:
            text = element.text if event == "start" else element.tail
            if text and (tag is not None or event == "end"):
                parts.append(text)
    return [line for raw in "".join(parts).split("\n") if (line := raw.strip())]


def _description(html: str) -> str:
    match = _DESCRIPTION.search(html[:HEAD_SCAN])
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
