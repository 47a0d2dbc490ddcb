"""Provides reading an HTML page: the article, its headline and its metadata.

trafilatura finds the main content and the page's metadata; what it reports
is then cleaned the way a reader expects: the headline without the site's
name (``标题_频道_网站``), the headline from the page itself when ``<title>``
is empty or only names the site, a publisher rather than a copyright line
or an address as the source, and numbered headings (第一章, 一、) kept even
when the page sets them as plain paragraphs. What the extractor drops is
looked for on the page itself (``page_recovery``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser
from typing import Any

from reader.convert import simplified_view
from reader.errors import ArticleError
from reader.ingest.boilerplate import is_boilerplate
from reader.ingest.metadata import parse_meta_line
from reader.ingest.page_region import (
    SITE_WORDS,
    last_site,
    letters,
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
HEAD_SCAN = 400_000  # characters of a page searched for its titles
# Above this many tags (opening ones; the largest page of benchmarks/realworld.py has
# 3,100, a long news page 1,000) trafilatura is not asked for the main content: its
# heuristics (several XPath passes over the whole tree, then readability's for
# comparison) cost some 35 µs of CPU per tag whatever the options, 7 s on a page of
# 200,000 tags. Such a page is read as its visible text, the article found in it as
# in a page saved as text (reader.ingest.page_region), in about a second; its
# metadata is read from its first HEAD_SCAN characters, where the <head>, the
# headline, the date and the byline stand.
LARGE_PAGE_TAGS = 25_000
# Below this many characters the extractor distrusts what it found and takes the whole
# page's text as one block (title, byline and all) if that is longer. Its default, 250,
# is for alphabetic text; a Chinese article of three short paragraphs is under it.
MIN_EXTRACTED_CHARS = 100
_OPENING_TAG = re.compile(r"<[A-Za-z]")
_TAG = re.compile(r"<[^>]+>")
_SITE_NAME_TITLE = re.compile(rf"(?:{SITE_WORDS})$")
# What Chinese government and news sites say of the article in their <head>, as the
# national government-site guideline asks: <meta name="ArticleTitle" content="…">
# (the <title> is often the site's name alone), <meta name="ContentSource"
# content="山西日报"> (also <meta name="source">).
_TITLE_META = ("ArticleTitle",)
_SOURCE_META = ("ContentSource", "source")
# What such a tag says when it names no publisher: this site, the web, a reprint.
_NO_PUBLISHER = frozenset(
    ["本站", "本网", "网络", "網絡", "互联网", "互聯網", "转载", "轉載", "网友", "未知", "其他"]
)
_SOURCE_LABEL = re.compile(
    r"^\s*(?:来源|來源|稿源|出处|出處)\s*[：:]\s*|\s*(?:原创稿|原創稿|原创|原創)\s*$"
)
_LABEL_ONLY = re.compile(r"^(?:作者|作者：|文|撰文|记者|記者|编辑|編輯|责任编辑|責任編輯)$")


@lru_cache(maxsize=1)
def _extraction_config() -> Any:
    """trafilatura's settings, with ``MIN_EXTRACTED_CHARS`` for Chinese."""
    from trafilatura.settings import use_config

    config = use_config()  # a fresh copy of the defaults
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(MIN_EXTRACTED_CHARS))
    return config


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
            extracted = trafilatura.extract_metadata(html[:HEAD_SCAN])
        else:
            extracted = trafilatura.bare_extraction(
                html,
                output_format="python",
                include_formatting=True,
                with_metadata=True,
                favor_recall=True,
                config=_extraction_config(),
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
        from reader.ingest.page_recovery import with_lead  # it reads this module's helpers

        text = with_lead(html, text)
    page_title = _first_text(_TITLE, html)
    titles = [meta_named(html, _TITLE_META), fields.get("title"), page_title]
    title = headline(titles, html, fields.get("sitename"))
    site_segments = split_page_title(page_title)[1] if page_title else []
    meta = Meta(
        date=_stated_date(fields.get("date"), html),
        source=content_source(html)
        or publisher(fields.get("sitename"))
        or last_site(site_segments),
        author=author_name(fields.get("author")),
        url=fields.get("url"),
    )
    return text, title, meta


def _stated_date(date: str | None, html: str) -> str | None:
    """The extractor's date, unless it is 1 January found only by its wider search: a
    year filled out (2024年计划 in the text, © 2024 in a footer), or a day the text
    names (自2024年1月1日起施行). A page that is dated New Year's Day says so where
    pages put their dates (its head, a <time>, a date line), which the narrow search
    reads."""
    if date is None or not date.endswith("-01-01"):
        return date
    from htmldate import find_date  # trafilatura's own date finder

    try:
        narrow = find_date(html, extensive_search=False, original_date=True)
    except Exception:  # any failure of the finder: no date, not a crash
        return None
    return date if narrow == date[:10] else None


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
    headings = [_inner_text(m.group(2)) for m in _HEADINGS.finditer(html[:HEAD_SCAN])]
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
    match = pattern.search(html[:HEAD_SCAN])
    return _inner_text(match.group(1)) or None if match else None


@lru_cache(maxsize=4)
def _meta_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(
        rf"<meta\b(?=[^>]*\bname\s*=\s*[\"']?(?:{'|'.join(names)})[\"'\s>])[^>]*"
        r"\bcontent\s*=\s*(?:\"([^\"]*)\"|'([^']*)')",
        re.IGNORECASE,
    )


def meta_named(html: str, names: tuple[str, ...]) -> str | None:
    """What the first ``<meta name=…>`` of one of ``names`` in the page's head says."""
    match = _meta_pattern(names).search(html[:HEAD_SCAN])
    if match is None:
        return None
    return " ".join(unescape(match.group(1) or match.group(2) or "").split()) or None


def content_source(html: str) -> str | None:
    """The publisher the page's <head> names as its content's source, if any: the
    paper a portal reprints names the article better than the portal does."""
    value = meta_named(html, _SOURCE_META)
    if value is None:
        return None
    name = publisher(_SOURCE_LABEL.sub("", value))
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
class TextCollector(HTMLParser):
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
    collector = TextCollector()
    collector.feed(html)
    collector.close()
    return "".join(collector.parts)
