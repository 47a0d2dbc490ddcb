"""Provides structure detection: from lines of text to a Document.

Every non-blank line gets exactly one role (title, metadata, site furniture,
heading, subtitle or body); the Document is built from those roles, so the
body keeps every character of every body line. Markdown and HTML reuse the
same builder with headings already known.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from enum import StrEnum

from reader.convert import simplified_view
from reader.ingest.boilerplate import is_boilerplate, starts_disclaimer, starts_tail
from reader.ingest.headings import (
    ends_as_prose,
    heading_shaped,
    is_list_item,
    is_marker_heading,
    numbering_style,
    question_shaped,
    style_rank,
)
from reader.ingest.metadata import (
    MetaLine,
    bare_names,
    closing_names,
    is_distribution_line,
    lead_byline,
    parse_meta_line,
    report_credit,
)
from reader.ingest.page_region import (
    SITE_WORDS,
    Region,
    densest_run,
    letters,
    line_score,
    line_shape,
    looks_like_page,
    page_title_head,
    page_title_site,
)
from reader.ingest.unbroken import rebreak
from reader.lazy_pattern import LazyPattern
from reader.model import Document, Meta, Paragraph, Section

_EDGE_SPACE = " \t\u3000\xa0\u200b\ufeff"
_TITLE_MAX = 60
_TITLE_SEARCH = 12  # non-blank lines at the top where the title may stand
_NUMBERED_DOCUMENT = 3  # numbered headings that make a text's sections numbered ones
_LEAD_IN_MIN = 12  # characters: a list's lead-in is a sentence, a subhead is a few words
_HAS_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]")


class Role(StrEnum):
    """What a line of the input turned out to be."""

    BLANK = "blank"
    BOILERPLATE = "boilerplate"
    META = "meta"
    TITLE = "title"
    HEADING = "heading"
    SUBTITLE = "subtitle"
    BODY = "body"


@dataclass(frozen=True, slots=True)
class Block:
    """One line (or one Markdown/HTML block) before its role is known."""

    text: str
    heading_level: int | None = None  # known from markup, None for plain text
    indented: bool = False
    blank_before: bool = False
    view: str = ""  # the text in simplified characters, same length: what the rules read
    emphasized: bool = False  # wholly bold in the markup: a page's way of setting a subhead

    @property
    def key(self) -> str:
        """The script-neutral text the line-role rules decide on."""
        return self.view or self.text


@dataclass(frozen=True, slots=True)
class Parsed:
    """A document and the role each block played in it, for tests and debugging."""

    document: Document
    blocks: tuple[Block, ...]
    roles: tuple[Role, ...]


_BLANK = Block("")
# A heading as wiki markup writes it (text copied from a wiki's editor): == 历史 ==.
WIKI_HEADING = LazyPattern(r"^(?P<marks>={2,6})\s*(?P<text>[^=\s](?:.*?[^=\s])?)\s*(?P=marks)$")


def blocks_from_text(text: str) -> list[Block]:
    """Split plain text into line blocks, remembering indentation and blank lines."""
    blocks: list[Block] = []
    blank = False
    for raw in text.split("\n"):
        stripped = raw.strip(_EDGE_SPACE + "\r\f\v")
        if not stripped:
            blank = True
            blocks.append(_BLANK)  # immutable: every blank line shares one
            continue
        if stripped.startswith("==") and (wiki := WIKI_HEADING.match(stripped)):  # == 地理 ==
            level = len(wiki["marks"]) - 1
            blocks.append(Block(wiki["text"], heading_level=level, blank_before=blank))
        else:
            blocks.append(Block(stripped, indented=raw[:1] in _EDGE_SPACE, blank_before=blank))
        blank = False
    return blocks


def parse_plain_text(text: str, title: str | None = None, meta: Meta | None = None) -> Parsed:
    """Detect title, metadata, headings and paragraphs in plain text (or a page's text)."""
    text = rebreak(text)
    blocks = _unwrap(blocks_from_text(text))
    return build(blocks, detect_headings=True, find_article=True, title=title, meta=meta)


def build(
    blocks: list[Block],
    *,
    detect_headings: bool,
    plain_headings: bool = True,
    find_article: bool = False,
    title: str | None = None,
    meta: Meta | None = None,
) -> Parsed:
    """Assign a role to each block and assemble the Document.

    Every rule reads the block's script-neutral ``key`` (simplified
    characters), so a traditional page gets the structure its simplified
    twin gets; values such as a source's name are cut from the original.
    """
    blocks = _with_views(blocks)
    if detect_headings:
        blocks = _split_run_in_headings(blocks)
    roles: list[Role | None] = [Role.BLANK if not b.text else None for b in blocks]
    _cut_tail(blocks, roles)
    for i, block in enumerate(blocks):
        if roles[i] is not None or block.heading_level is not None:
            continue
        if is_boilerplate(block.key):
            roles[i] = Role.BOILERPLATE
        elif parse_meta_line(block.key) is not None:
            roles[i] = Role.META
    _mark_official_tail(blocks, roles)
    head: list[int] | None = None
    if find_article:
        headline, site, head = _keep_article_region(blocks, roles)
        title = title or headline
        if site and not (meta and meta.source):  # the article's own 来源 line still wins
            meta = replace(meta or Meta(), source=site)
    if head is None:  # not a page: the head is the text's first lines
        head = _text_head(blocks, roles)
        if (named_at := _head_name(blocks, roles, head)) is not None:
            roles[named_at] = Role.META
    byline = next(
        (
            name
            for i in head
            if roles[i] is Role.META and (name := bare_names(blocks[i].key, blocks[i].text))
        ),
        None,
    )
    title = _mark_title(blocks, roles, title)
    subtitle = _mark_title_subtitle(blocks, roles) if title else None
    if detect_headings:
        _mark_headings(blocks, roles, plain_headings)
    for i, block in enumerate(blocks):
        if roles[i] is None:
            roles[i] = Role.HEADING if block.heading_level is not None else Role.BODY
    final_roles = tuple(r if r is not None else Role.BODY for r in roles)
    metas = [
        found
        for b, r in zip(blocks, final_roles, strict=True)
        if r is Role.META and (found := parse_meta_line(b.key, b.text)) is not None
    ]
    document = _assemble(blocks, final_roles, title, _merge_meta(meta, metas))
    document = replace(document, subtitle=subtitle)
    if document.meta.author is None and byline is not None:  # the weakest sign, taken last
        document = replace(document, meta=replace(document.meta, author=byline))
    return Parsed(document, tuple(blocks), final_roles)


def _with_views(blocks: list[Block]) -> list[Block]:
    """Give each block its simplified view, converting the whole text in one call."""
    texts = [b.text for b in blocks]
    joined = "\n".join(texts)
    view = simplified_view(joined)
    if view == joined:
        return blocks
    views = view.split("\n")
    if len(views) != len(blocks):  # pragma: no cover - t2s never adds or removes a newline
        views = [simplified_view(t) for t in texts]
    return [replace(b, view=v) if v != b.text else b for b, v in zip(blocks, views, strict=True)]


# （一）重大意义。实施乡村振兴战略，是……: a numbered heading run into its paragraph.
_RUN_IN = re.compile(r"^(?P<head>[^，。；：,;:！？!?“”「」]{2,24}?)[。：:](?P<rest>.{15,})$", re.S)
_RUN_IN_STYLES = frozenset(
    ["part", "chapter", "section", "cn", "cn_paren", "arabic", "arabic_paren", "circled"]
)


_MARKUP_PAGE_STYLES = frozenset(
    ["part", "chapter", "section", "cn", "cn_paren", "decimal1", "decimal2", "decimal3"]
)


def _split_run_in_headings(blocks: list[Block]) -> list[Block]:
    """Stand run-in headings on lines of their own when a document uses them (two or more).

    The heading keeps its number and words; its stop goes with it, the rest of
    the line stays the paragraph's text.
    """
    found: dict[int, re.Match[str]] = {}
    for i, block in enumerate(blocks):
        if (
            block.heading_level is None
            and (m := _RUN_IN.match(block.key))  # the cheap test first: most lines fail it
            and numbering_style(block.key) in _RUN_IN_STYLES
            and heading_shaped(m["head"])
        ):
            found[i] = m
    if len(found) < 2:
        return blocks
    out: list[Block] = []
    for i, block in enumerate(blocks):
        m = found.get(i)
        if m is None:
            out.append(block)
            continue
        cut = m.start("rest")
        head, rest = block.text[:cut], block.text[cut:]
        out.append(replace(block, text=head.rstrip("。：:"), view=block.key[:cut].rstrip("。：:")))
        out.append(Block(rest, view=block.key[cut:] if block.view else ""))
    return out


_TAIL_AFTER_PROSE = 60  # characters of prose that must come before a tail label counts


def _cut_tail(blocks: list[Block], roles: list[Role | None]) -> None:
    """From a disclaimer or a related-links label after the article on, drop the page.

    Only after some article prose: a ticker or a "most read" box above the
    article must not cut the article itself.
    """
    prose = 0
    for i, block in enumerate(blocks):
        if roles[i] is not None:
            continue
        if prose >= _TAIL_AFTER_PROSE and (starts_disclaimer(block.key) or starts_tail(block.key)):
            for j in range(i, len(blocks)):
                if roles[j] is None:
                    roles[j] = Role.BOILERPLATE
            return
        if len(block.key) >= 20 and ends_as_prose(block.key):
            prose += len(block.key)


_HEADLINE_WINDOW = 40  # lines above the article where its headline may stand
_META_AFTER = 8  # lines after the article where its editor and source lines may stand


def _keep_article_region(
    blocks: list[Block], roles: list[Role | None]
) -> tuple[str | None, str | None, list[int] | None]:
    """On a page saved whole, keep the article and its headline; the rest is furniture.

    Returns the headline and the site the page-title line names, when found, and
    the lines of the article's head (between its headline and its first paragraph;
    None when the text is not a page). A text that is not a page (most of its
    lines are prose or headings) is left as it is.
    """
    content = [i for i, r in enumerate(roles) if r is not Role.BLANK]
    furniture = sum(1 for i in content if roles[i] is Role.BOILERPLATE)
    shapes = [line_shape(blocks[i].key) for i in content]
    if not content or not looks_like_page(shapes, furniture):
        return None, None, None
    scores = [
        (i, line_score(shape, roles[i] is Role.BOILERPLATE))
        for i, shape in zip(content, shapes, strict=True)
    ]
    region = densest_run(scores)
    if region is None:
        return None, None, None
    region = _with_opening_dialogue(blocks, roles, content, region)
    first = blocks[content[0]]
    page_head = page_title_head(first.key)
    site = page_title_site(first.key) if page_head else None
    site = _original_slice(first, site) if site else None
    above = [i for i in content[1:] if i < region.start][-_HEADLINE_WINDOW:]
    headline_at = _find_headline(blocks, roles, above, page_head)
    keep_from = headline_at if headline_at is not None else region.start
    continued = (
        _headline_continued(blocks, content, headline_at, page_head)
        if headline_at is not None and page_head
        else []
    )
    after = [i for i in content if i > region.end][:_META_AFTER]
    head = [i for i in content if keep_from <= i < region.start and i != headline_at]
    if (named_at := _head_name(blocks, roles, head)) is not None:
        roles[named_at] = Role.META
    for i in content:
        if region.start <= i <= region.end or i == headline_at:
            continue
        near = keep_from <= i < region.start or i in after
        if not (near and roles[i] is Role.META):
            roles[i] = Role.BOILERPLATE
    if headline_at is not None and continued:  # a headline set over several lines
        for i in (headline_at, *continued):
            roles[i] = Role.TITLE
        return "".join(blocks[i].text for i in (headline_at, *continued)), site, head
    if headline_at is not None:
        return blocks[headline_at].text, site, head
    return (_original_slice(first, page_head) if page_head else None), site, head


_NAME_GAP_LETTERS = 6  # a line between a byline and the date: a source's bare name (中时)


def _head_name(blocks: list[Block], roles: list[Role | None], head: list[int]) -> int | None:
    """The line of an article's head that is only a person's name, standing beside
    its date and source lines: the byline of a page that sets the reporter's name
    bare (标题 / 2018/09/16 15:31 / 中时 / 谢明俊). Beside means the next line above or
    below, or the one after when a bare word (a source's name) stands between.
    Only the head is searched, and only a name standing alone: elsewhere, or in a
    column of names, a name is a caption, a list, a heading."""
    named = [
        roles[i] is None
        and blocks[i].heading_level is None
        and bare_names(blocks[i].key) is not None
        for i in head
    ]
    for n, i in enumerate(head):
        if not named[n] or (n > 0 and named[n - 1]) or (n + 1 < len(head) and named[n + 1]):
            continue
        for step in (-1, 1):
            near = n + step
            if 0 <= near < len(head) and roles[head[near]] is Role.META:
                return i
            far = n + 2 * step
            if (
                0 <= far < len(head)
                and roles[head[far]] is Role.META
                and roles[head[near]] is None
                and _bare_word(blocks[head[near]].key)
            ):
                return i
    return None


def _bare_word(text: str) -> bool:
    """A short run of letters without a mark or a space: a name such as 中时, not 分享到：."""
    return letters(text) == len(text) <= _NAME_GAP_LETTERS


def _text_head(blocks: list[Block], roles: list[Role | None]) -> list[int]:
    """The head of a text that is not a page: its lines after the first (the title's
    place: a biography may be titled with a name) and before the first paragraph of
    prose (the date and source lines, a byline)."""
    head: list[int] = []
    for i, block in enumerate(blocks):
        if roles[i] is Role.BLANK:
            continue
        if len(head) > _TITLE_SEARCH or line_shape(block.key).value > 0:
            break
        head.append(i)
    return head[1:]


# A line of quoted speech, whole sentences: “妈妈，为什么还不能出去？” (a quote that
# runs on into the next paragraph leaves its closing mark off).
_SPOKEN = re.compile(r"^[“「『\"][^0-9０-９]{2,}[。！？!?…][”」』\"]?$")


def _with_opening_dialogue(
    blocks: list[Block], roles: list[Role | None], content: list[int], region: Region
) -> Region:
    """The article with the lines of quoted speech that open it: a feature often
    starts with a short exchange, too short to score as prose on its own. An
    exchange is two lines or more, without figures: one quoted slogan or a quoted
    notice (“热线电话：12345…”) above the article stays out."""
    start = at = bisect_left(content, region.start)
    while at > 0 and roles[content[at - 1]] is None and _SPOKEN.match(blocks[content[at - 1]].key):
        at -= 1
    return Region(content[at], region.end) if start - at >= 2 else region


def _headline_continued(blocks: list[Block], content: list[int], at: int, head: str) -> list[int]:
    """The lines after ``at`` that finish the headline ``head``, when a long headline is
    set over several lines (official documents centre theirs in two or three); none
    when the lines do not spell it out whole."""
    wanted = "".join(head.split())
    so_far = "".join(blocks[at].key.split())
    lines: list[int] = []
    for i in content[bisect_left(content, at) + 1 :][:_HEADLINE_LINES]:
        if so_far == wanted or not wanted.startswith(so_far):
            break
        so_far += "".join(blocks[i].key.split())
        lines.append(i)
    return lines if lines and so_far == wanted else []


_HEADLINE_LINES = 4  # lines a headline may be set over


def _find_headline(
    blocks: list[Block], roles: list[Role | None], above: list[int], page_head: str | None
) -> int | None:
    """The headline above the article: the line the page title names, else the line
    standing right above the date and source lines."""
    shaped = [i for i in above if roles[i] is None and _title_shaped(blocks[i])]
    if page_head:
        for i in reversed(shaped):
            key = blocks[i].key
            if key == page_head or (
                letters(key) >= 6
                and page_title_head(key) is None  # not another page-title line
                and (page_head.startswith(key) or key.startswith(page_head))
            ):
                return i
    metas = [i for i in above if roles[i] is Role.META]
    if metas:
        # the first line of the run of metadata lines nearest the article
        first_meta = metas[-1]
        for earlier in reversed(metas[:-1]):
            if first_meta - earlier > 3:
                break
            first_meta = earlier
        before = [i for i in shaped if i < first_meta and first_meta - i <= 3]
        if before:
            return before[-1]
    return None


def _original_slice(block: Block, head: str) -> str:
    """The part of a block matching ``head`` (found in its view) in the original script."""
    at = block.key.find(head)
    return block.text[at : at + len(head)] if at >= 0 else head


# What a line above a headline says when it is the site's name or the channel's label
# (东湖市人民政府门户网站, 中央社 CNA, 港聞): a site's word at its end, a Latin brand, or
# a channel's name. A short title (冬至) or a kicker (聚焦两会) is none of these.
_SITE_LABEL = LazyPattern(
    rf"(?:{SITE_WORDS}|新闻网|新聞網|在线)$|[\s\u3000][A-Za-z][A-Za-z.]{{1,15}}$"
)
# An official document's red header: the issuing office's name and 文件, over its title.
_RED_HEADER = LazyPattern(
    r"^[\u4e00-\u9fff（）()]{2,26}(?:办公室|办公厅|人民政府|政府|委员会|党委|局|厅|部|委|院)文件$"
)
# Channels' labels that are no site's menu word too (those is_boilerplate knows).
_CHANNELS = frozenset(["港闻", "两岸", "地方", "政治", "生活", "本地", "即时"])
# A paper's or a site's own name (江城日报, 南方新闻网): above a headline, it is the page's.
_PUBLISHER_NAME = LazyPattern(
    r"^(?!走进|走近|探访|来到|回望|记|致|话|在|看)[\u4e00-\u9fff]{2,6}(?:日报|晚报|时报|早报|商报|新闻网|电视台)$"
)


def _headline_under_labels(
    blocks: list[Block], roles: list[Role | None], top: list[int]
) -> int | None:
    """The headline of a text saved from a page that sets the site's name or the
    channel's label above it: the title-shaped line right above the date or source
    line, when every line above it is such a label (they become furniture)."""
    for n, i in enumerate(top[1:5], start=1):
        below = next((j for j in range(i + 1, len(blocks)) if roles[j] is not Role.BLANK), None)
        if below is None or not _title_shaped(blocks[i]):
            continue
        labels = top[:n]
        # Under the headline its date line, or, when a paper names itself above it, the
        # lead at once (江城日报 / 标题 / 正文; also with the date line between).
        named = n == 1 and _PUBLISHER_NAME.match(blocks[top[0]].key) is not None
        if roles[below] is not Role.META and not (named and not _title_shaped(blocks[below])):
            continue
        if blocks[i].key.startswith(("——", "--", "—")):  # a subtitle, not a headline
            return None
        if named or all(
            _title_shaped(blocks[j])
            and (
                blocks[j].key in _CHANNELS
                or is_boilerplate(blocks[j].key)
                or _SITE_LABEL.search(blocks[j].key)
            )
            for j in labels
        ):
            for j in labels:
                roles[j] = Role.BOILERPLATE
            return i
        return None
    return None


_TAIL_LINES = 4  # an official document's closing lines: 抄送, 印发, its date


def _mark_official_tail(blocks: list[Block], roles: list[Role | None]) -> None:
    """抄送：… among a document's last lines is metadata when a 印发 line closes it (a
    novel's or a handbook's 抄送 line is the text's own)."""
    last = [i for i, r in enumerate(roles) if r is not Role.BLANK][-_TAIL_LINES:]
    printed = any(
        roles[i] is Role.META and (m := parse_meta_line(blocks[i].key)) is not None and m.issued
        for i in last
    )
    if printed:
        for i in last:
            if roles[i] is None and is_distribution_line(blocks[i].key):
                roles[i] = Role.META


def _under_red_header(blocks: list[Block], open_lines: list[int]) -> bool:
    """Whether the text opens with an office's red header over a document's title."""
    if len(open_lines) < 2 or not blocks[open_lines[0]].key.endswith("文件"):
        return False
    if not _RED_HEADER.match(blocks[open_lines[0]].key):
        return False
    below = blocks[open_lines[1]]
    return "关于" in below.key and _title_shaped(below)


def _mark_title(blocks: list[Block], roles: list[Role | None], title: str | None) -> str | None:
    """Find the title (a repeated line wins), and mark each copy of it at the edges."""
    open_lines = [i for i, r in enumerate(roles) if r is None]
    if title is None and _under_red_header(blocks, open_lines):
        roles[open_lines[0]] = Role.BOILERPLATE  # 某某办公室文件 over 某某关于…的通知
        open_lines = open_lines[1:]
    if title is None and (under := _headline_under_labels(blocks, roles, open_lines[:6])):
        title = blocks[under].text
        open_lines = [i for i, r in enumerate(roles) if r is None]
    if title is None:
        top = open_lines[:_TITLE_SEARCH]
        texts = [blocks[i].key for i in open_lines]
        shaped = [i for i in top if _title_shaped(blocks[i])]
        repeated = [i for i in shaped if texts.count(blocks[i].key) > 1]
        chosen = (
            repeated[0] if repeated else (shaped[0] if shaped and shaped[0] == top[0] else None)
        )
        if chosen is None or all(blocks[i].key == blocks[chosen].key for i in open_lines):
            return None  # a text of one short line (a post, a note) is its own body
        title = blocks[chosen].text
    title_key = simplified_view(title)
    tail = set(open_lines[-3:])
    # Copies above the first body line are the title; the body is looked for only
    # as far as the last copy (a list of short lines is title-shaped throughout).
    first_body: int | None = None
    scanned = 0
    for at, i in enumerate(open_lines):
        if blocks[i].key != title_key:
            continue
        while first_body is None and scanned < at:
            j = open_lines[scanned]
            scanned += 1
            if blocks[j].key != title_key and not _title_shaped(blocks[j]):
                first_body = j
        if first_body is None or i < first_body or i in tail:
            roles[i] = Role.TITLE
    return title


def _mark_title_subtitle(blocks: list[Block], roles: list[Role | None]) -> str | None:
    """A line opened by a dash right under the title is the title's subtitle (副题)."""
    first = next((i for i, r in enumerate(roles) if r is Role.TITLE), None)
    if first is None:
        return None
    nxt = next((i for i in range(first + 1, len(blocks)) if roles[i] is None), None)
    if nxt is None:
        return None
    text = blocks[nxt].key
    dash_led = re.match(r"^(?:——|--|—)\s*\S", text) is not None
    # A title broken after its dash (如何……——) goes on in the next line.
    continued = re.search(r"(?:——|--|—|：|:)$", blocks[first].key) is not None
    if (dash_led or (continued and _title_shaped(blocks[nxt]))) and len(text) <= _TITLE_MAX:
        roles[nxt] = Role.TITLE
        return blocks[nxt].text
    return None


def _title_shaped(block: Block) -> bool:
    if block.heading_level is not None:
        return False
    text = block.key
    if len(text) > _TITLE_MAX or not _HAS_WORD.search(text):
        return False
    return not ends_as_prose(text) or text.rstrip("”」』）)")[-1:] in "？！?!"


def _heading_style(text: str) -> str | None:
    style = numbering_style(text)
    if style is None and is_marker_heading(text):
        return "marker"
    return style


_ATTACHMENTS = LazyPattern(r"^附件\s*\d*\s*[：:]")


def _attachment_list(blocks: list[Block], content: list[int]) -> set[int]:
    """The lines of an 附件： list: the labelled line and the numbered lines after it."""
    listed: set[int] = set()
    for n, i in enumerate(content):
        if not (blocks[i].key.startswith("附件") and _ATTACHMENTS.match(blocks[i].key)):
            continue
        listed.add(i)
        for j in content[n + 1 :]:
            if numbering_style(blocks[j].key) is None:
                break
            listed.add(j)
    return listed


def _mark_headings(blocks: list[Block], roles: list[Role | None], plain: bool = True) -> None:
    """Turn runs of heading-shaped lines that stand before body text into headings.

    One line is a heading; two unnumbered lines are a lead line and its
    subtitle; numbered lines in a row are nested headings; lines sharing a
    numbering style in a row, or three plain short lines, are a list.
    """
    content = [i for i, r in enumerate(roles) if r is None]
    questions = _question_headings(blocks, content) if plain else set()
    # Where the sections are numbered (1 名称, 1.1 …), an unnumbered line standing on a
    # bulleted list is the list's lead-in (现代中医学可分两大部分 / * 基础… / * 临床…).
    numbered = plain and _numbered_headings(blocks, content) >= _NUMBERED_DOCUMENT

    # An official document's attachments (附件：1. 某某标准 / 2. 某某清单) are a list.
    attached = _attachment_list(blocks, content)

    def shaped(i: int) -> bool:
        if i in attached:
            return False
        if (
            not plain
            and not blocks[i].emphasized
            and (_heading_style(blocks[i].key) not in _MARKUP_PAGE_STYLES)
        ):
            # markup gave the headings; chapter-like numbered lines and bold lines are
            # added (on web pages 1. and ① paragraphs are list items far more often)
            return False
        return i in questions or heading_shaped(blocks[i].key)

    k = 0
    while k < len(content):
        if not shaped(content[k]):
            k += 1
            continue
        run_end = k
        while run_end + 1 < len(content) and shaped(content[run_end + 1]):
            run_end += 1
        run = content[k : run_end + 1]
        followed_by_body = run_end + 1 < len(content)
        # In markup every block is a paragraph of its own: none ends a wrapped one.
        previous = blocks[content[k - 1]].key if k > 0 and plain else None
        lead_in = (
            numbered
            and len(run) == 1
            and followed_by_body
            and _heading_style(blocks[run[0]].key) is None
            and not blocks[run[0]].key[:1].isdigit()  # 6 分支…: a number, read as 6分
            and len(blocks[run[0]].key) >= _LEAD_IN_MIN  # 理事会 / * …: a subhead still
            and is_list_item(blocks[content[run_end + 1]].key)
            and not blocks[content[run_end + 1]].blank_before
        )
        if followed_by_body and not lead_in and _is_heading_run(blocks, run, previous):
            _assign_run(blocks, roles, run)
        k = run_end + 1


def _numbered_headings(blocks: list[Block], content: list[int]) -> int:
    """How many heading-shaped lines are numbered (numbers read only where a line opens
    like one)."""
    return sum(
        1
        for i in content
        if _heading_style(blocks[i].key) is not None and heading_shaped(blocks[i].key)
    )


def _question_headings(blocks: list[Block], content: list[int]) -> set[int]:
    """Short questions standing alone before prose, when a document has two or more."""
    found = {
        i
        for i, nxt in itertools.pairwise(content)
        if question_shaped(blocks[i].key)
        and blocks[i].blank_before
        and not heading_shaped(blocks[nxt].key)
        and not question_shaped(blocks[nxt].key)
    }
    return found if len(found) >= 2 else set()


def _is_heading_run(blocks: list[Block], run: list[int], previous: str | None) -> bool:
    """Whether a run of heading-shaped lines heads what follows; ``previous`` is the line
    before it in a plain text (None in markup, or at the start)."""
    # Styles are read only as far as the answer is open: a run of thousands of short
    # lines (a list, a poem) is decided by its first lines, not read to its end.
    styles: list[str | None] = []
    plain = 0
    for i in run:
        style = _heading_style(blocks[i].key)
        if style is not None and styles and styles[-1] == style:
            return False  # 1. 2. 3. in a row: a list
        plain += style is None
        if plain >= 3:
            return False  # three plain short lines: a list
        styles.append(style)
    # The end of a hard-wrapped paragraph is short too: the line before it ends mid-sentence.
    first = blocks[run[0]]
    return not (
        previous is not None
        and styles[0] is None
        and not first.blank_before
        and not first.indented
        and not ends_as_prose(previous)
        and len(previous) > 30
    )


def _assign_run(blocks: list[Block], roles: list[Role | None], run: list[int]) -> None:
    j = 0
    while j < len(run):
        roles[run[j]] = Role.HEADING
        nxt = run[j + 1] if j + 1 < len(run) else None
        if nxt is not None and _heading_style(blocks[nxt].key) is None:
            roles[nxt] = Role.SUBTITLE
            j += 2
        else:
            j += 1


def _merge_meta(base: Meta | None, found: list[MetaLine]) -> Meta:
    """The page's metadata, completed by the article's own lines; the article's
    来源 line names the source better than the site it was published on, and an
    official document's 题注 dates it better than the page does."""
    meta = base or Meta()
    own_source = next((line.source for line in found if line.source), None)
    if own_source:
        meta = replace(meta, source=own_source)
    issued = next((line.date for line in found if line.issued), None)
    if issued:  # the document's own date, not the day the page was put up
        meta = replace(meta, date=issued)
    for line in found:
        meta = replace(
            meta,
            date=meta.date or line.date,
            source=meta.source or line.source,
            author=meta.author or line.author,
            url=meta.url or line.url,
        )
    return meta


def _unwrap(blocks: list[Block]) -> list[Block]:
    """Rejoin hard-wrapped paragraphs (text broken at a fixed width, as in e-mail or
    old .txt files), so that the pieces of one paragraph are not taken for headings.
    """
    lengths = sorted(len(b.text) for b in blocks if b.text)
    if len(lengths) < 5:
        return blocks
    width = lengths[int(len(lengths) * 0.9)]
    if width > 100 or width < 16:
        return blocks
    full = [b for b in blocks if len(b.text) >= width * 0.85 and not ends_as_prose(b.text)]
    if len(full) < max(3, len(lengths) // 4):
        return blocks
    joined: list[Block] = []
    last_line = 0  # length of the last physical line of joined[-1]
    for block in blocks:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and block.text
            and previous.text
            and not block.blank_before
            and not block.indented
            and last_line >= width * 0.85
            and not ends_as_prose(previous.text)
        ):
            sep = " " if previous.text[-1:].isascii() and block.text[:1].isascii() else ""
            joined[-1] = replace(previous, text=previous.text + sep + block.text)
        else:
            joined.append(block)
        last_line = len(block.text)
    return joined


_SIGNATURE_WITHIN = 3  # last paragraphs searched for the names that sign an article
_LEAD_WITHIN = 3  # first paragraphs searched for the lead's dateline (本报讯（记者 张三）)


def _assemble(
    blocks: list[Block], roles: tuple[Role, ...], title: str | None, meta: Meta
) -> Document:
    paragraphs_at = {i: b.text for i, b in enumerate(blocks) if roles[i] is Role.BODY}
    if meta.author is None:
        # the lead, which a photo's caption or a summary may stand before
        leads = itertools.islice(paragraphs_at, _LEAD_WITHIN)
        bylines = (lead_byline(blocks[i].key, blocks[i].text) for i in leads)
        if (byline := next((b for b in bylines if b), None)) is not None:
            meta = replace(meta, author=byline)
    if meta.author is None:
        credits = (report_credit(blocks[i].key, blocks[i].text) for i in paragraphs_at)
        if (credit := next((c for c in credits if c), None)) is not None:
            meta = replace(meta, author=credit)
    if meta.author is None:
        # the signature closes the article, which a page's last lines may still follow
        last = itertools.islice(reversed(paragraphs_at), _SIGNATURE_WITHIN)  # the last, last first
        ends = (blocks[i] for i in last)
        signed = (closing_names(b.key, b.text) for b in ends)
        if (names := next((n for n in signed if n), None)) is not None:
            meta = replace(meta, author=names)
    heading_ranks = sorted(
        {
            rank
            for i, r in enumerate(roles)
            if r is Role.HEADING and (rank := _rank(blocks[i])) is not None
        }
    )
    level_of = {rank: n + 1 for n, rank in enumerate(heading_ranks)}
    sections: list[Section] = []
    current = Section(None, None, 1, ())
    paragraphs: list[
        Paragraph
    ] = []  # the current section's, gathered (a tuple grown one by one is quadratic)

    def close() -> None:
        if current.heading is not None or paragraphs:
            sections.append(replace(current, paragraphs=tuple(paragraphs)))

    for i, role in enumerate(roles):
        if role is Role.HEADING:
            close()
            rank = _rank(blocks[i])
            level = level_of.get(rank, 1) if rank is not None else 1
            current, paragraphs = Section(blocks[i].text, None, level, ()), []
        elif role is Role.SUBTITLE:
            current = replace(current, subtitle=blocks[i].text)
        elif i in paragraphs_at:
            paragraphs.append(Paragraph.from_text(paragraphs_at[i]))
    close()
    return Document(title, meta, tuple(sections))


def _rank(block: Block) -> float | None:
    """Order of nesting: markup levels first, then the numbering styles."""
    if block.heading_level is not None:
        return float(block.heading_level)
    style = _heading_style(block.key)
    if style is None or style == "marker":
        return None
    return 10.0 + style_rank(style)
