"""Provides loading of an article from a file, bytes or standard input.

Picks the format (plain text, Markdown, HTML) by extension and content,
decodes the bytes, and hands the text to the structure builder. Every
failure is an ArticleError with a message a reader can act on.
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, Literal

from reader.convert import is_traditional
from reader.errors import ArticleError
from reader.ingest.decoding import decode_bytes
from reader.ingest.structure import Parsed, build, parse_plain_text
from reader.model import Document, Meta

Format = Literal["text", "markdown", "html"]

DEFAULT_MAX_SIZE = 20 * 1024 * 1024
STDIN_NAME = "<stdin>"

_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_MARKDOWN_EXT = {".md", ".markdown", ".mdown", ".mkd"}
_HTML_SNIFF = re.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<\?xml)", re.I)
_HTML_TAGS = re.compile(r"</?(?:p|div|br|span|h[1-6]|a|article|section)\b[^>]*>", re.I)
_MD_HEADING = re.compile(r"^#{1,6}\s+\S", re.M)
_WIKI_HEADINGS = re.compile(r"^={2,6}[^=\n]+={2,6}[ \t]*$", re.M)


def detect_format(name: str, text: str) -> Format:
    """Choose the parser: the extension decides, else what the text looks like."""
    suffix = Path(name).suffix.lower()
    if suffix in _HTML_EXT:
        return "html"
    if suffix in _MARKDOWN_EXT:
        return "markdown"
    head = text[:4096]
    if _HTML_SNIFF.match(head) or len(_HTML_TAGS.findall(head)) >= 5:
        return "html"
    # Wiki markup (== 历史 ==) numbers its lists with # as Markdown heads its sections.
    if _MD_HEADING.search(text[:20000]) and not _WIKI_HEADINGS.search(text[:20000]):
        return "markdown"
    return "text"


def load_path(
    path: str | Path, *, encoding: str | None = None, max_size: int = DEFAULT_MAX_SIZE
) -> Document:
    """Load an article file; ``-`` reads standard input."""
    if str(path) == "-":
        return load_stream(sys.stdin.buffer, encoding=encoding, max_size=max_size)
    path = Path(path)
    name = str(path)
    try:
        if path.is_dir():
            raise ArticleError(name, "is a directory, not an article file")
        size = path.stat().st_size
        if size > max_size:
            raise ArticleError(
                name,
                f"file is {_mib(size)}, over the {_mib(max_size)} limit (raise it with --max-size)",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(name, "no such file") from None
    except PermissionError:
        raise ArticleError(name, "permission denied") from None
    except IsADirectoryError:
        raise ArticleError(name, "is a directory, not an article file") from None
    except OSError as exc:
        raise ArticleError(name, f"cannot be read ({exc.strerror or exc})") from None
    return with_name_title(load_bytes(data, name, encoding=encoding), path)


def with_name_title(document: Document, path: Path) -> Document:
    """A document whose text names no title is called by its file's name."""
    if document.title:
        return document
    name = path.name.split(".")[0].replace("_", " ").strip() or path.name
    return replace(document, title=name, title_from_name=True)


def load_stream(
    stream: BinaryIO,
    *,
    encoding: str | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    name: str = STDIN_NAME,
) -> Document:
    """Load an article from a byte stream, reading no more than ``max_size`` + 1 bytes."""
    data = stream.read(max_size + 1)
    if len(data) > max_size:
        raise ArticleError(
            name, f"input is over the {_mib(max_size)} limit (raise it with --max-size)"
        )
    return load_bytes(data, name, encoding=encoding)


def load_bytes(
    data: bytes, name: str, *, encoding: str | None = None, fmt: Format | None = None
) -> Document:
    """Decode and parse article bytes; ``name`` is used in errors and to pick the format."""
    text = decode_bytes(data, name, encoding)
    return load_text(text, name, fmt=fmt)


def load_text(text: str, name: str = STDIN_NAME, *, fmt: Format | None = None) -> Document:
    """Parse article text in the given or detected format."""
    return parse_text(text, name, fmt=fmt).document


def parse_text(text: str, name: str = STDIN_NAME, *, fmt: Format | None = None) -> Parsed:
    """Like ``load_text`` but also returns each block's role."""
    if not text.strip():
        raise ArticleError(name, "empty: there is no text to read")
    fmt = fmt or detect_format(name, text)
    if fmt == "html":
        parsed = _parse_html(text, name)
    elif fmt == "markdown":
        from reader.ingest.front_matter import split_front_matter

        title, meta, body = split_front_matter(text)
        parsed = _parse_markdown(body, title=title, meta=meta)
    else:
        parsed = parse_plain_text(text)
    if not any(s.paragraphs for s in parsed.document.sections):
        raise ArticleError(name, "no article text found")
    return replace(parsed, document=with_script(parsed.document))


def with_script(document: Document) -> Document:
    """The document marked with its script, judged once here on its opening text."""
    opening = (document.title or "") + document.body_text[:4000]
    return replace(document, traditional=is_traditional(opening))


def _parse_markdown(
    text: str, title: str | None, meta: Meta | None, *, numbered_headings: bool = False
) -> Parsed:
    from reader.ingest.markdown_blocks import markdown_blocks  # markdown-it: Markdown and HTML only

    blocks = markdown_blocks(text)
    if title is None and blocks and blocks[0].heading_level is not None:
        top = min(b.heading_level for b in blocks if b.heading_level is not None)
        tops = [b for b in blocks if b.heading_level == top]
        if blocks[0].heading_level == top and len(tops) == 1:
            title = blocks[0].text
    return build(
        blocks, detect_headings=numbered_headings, plain_headings=False, title=title, meta=meta
    )


def _parse_html(html: str, name: str) -> Parsed:
    """Main content and metadata from the page, then the Markdown path for structure.

    Pages often set their headings as plain paragraphs (第一章 总则, 一、…), so
    heading lines are looked for in the extracted text as in plain text.
    """
    from reader.ingest import html_page  # trafilatura is heavy; only HTML needs it

    found = html_page.extract(html, name)
    extracted = (
        _parse_markdown(found[0], title=found[1], meta=found[2], numbered_headings=True)
        if found is not None
        else None
    )
    if extracted is not None and _letters(extracted.document) >= _THIN_EXTRACT:
        return _with_page_credits(extracted, html, found[0]) if found is not None else extracted
    # Little or nothing extracted: the page's own text, its article found as in a
    # page saved as text, is the better reading when it holds clearly more.
    plain = html_page.visible_text(html_page.clean_html(html))
    if not plain.strip():
        if extracted is not None and found is not None:
            return _with_page_credits(extracted, html, found[0])
        raise ArticleError(name, "no article text found in the HTML page")
    title, meta = (found[1], found[2]) if found is not None else (None, None)
    parsed = parse_plain_text(plain, title=title, meta=meta)
    if extracted is None or _letters(parsed.document) > 2 * _letters(extracted.document):
        return parsed
    return _with_page_credits(extracted, html, found[0]) if found is not None else extracted


def _with_page_credits(parsed: Parsed, html: str, text: str) -> Parsed:
    """The article's author from the page when its text names none (a credit the
    extractor dropped; the text's own bylines come first), and its source when the
    page states one beside it (来源：某某日报) and its head names none: the site's own
    name, all the page gave before, is the portal's."""
    from reader.ingest.html_page import content_source
    from reader.ingest.page_recovery import page_credits

    meta = parsed.document.meta
    credits = page_credits(html, text)
    if meta.author is None and credits.author:
        meta = replace(meta, author=credits.author)
    if credits.source and content_source(html) is None:
        meta = replace(meta, source=credits.source)
    if meta == parsed.document.meta:
        return parsed
    return replace(parsed, document=replace(parsed.document, meta=meta))


_THIN_EXTRACT = 300  # letters: below this an extraction may have missed the article


def _letters(document: Document) -> int:
    return sum(len(p.text) for _, _, p in document.paragraphs())


def _mib(size: int) -> str:
    """A size as people say it: 20 MB, 1.5 MB, 800 KB, 12 bytes."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f}".rstrip("0").rstrip(".") + " MB"
    if size >= 1024:
        return f"{size / 1024:.1f}".rstrip("0").rstrip(".") + " KB"
    return f"{size} bytes"
