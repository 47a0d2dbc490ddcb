"""Provides the article in another script as plain text or Markdown, for ``zhreader convert``.

The conversion is the reader's ``t``: the same OpenCC configurations chosen by
``reader.convert.converter`` with the source script judged on the whole document
(``Document.traditional``), applied through ``Document.map_text``.
"""

from __future__ import annotations

from collections.abc import Iterator

from reader.convert import Variant, converter
from reader.model import Document
from reader.output.export import escape
from reader.terminal_text import one_line, visible

_META_LABELS = (("date", "日期"), ("source", "来源"), ("author", "作者"), ("url", "链接"))


def converted(document: Document, variant: Variant) -> Document:
    """The document in ``variant``, exactly as the reader shows it after ``t``."""
    return document.map_text(converter(variant, document.traditional))


def plain_lines(document: Document) -> Iterator[str]:
    """Title, then each heading and paragraph on its own line, blank lines between.

    Everything goes through ``terminal_text``: article text can never reach the
    terminal as a control sequence."""
    if document.title and not document.title_from_name:
        yield one_line(document.title)
        if document.subtitle:
            yield one_line(document.subtitle)
        yield ""
    for section in document.sections:
        if section.heading:
            yield one_line(section.heading)
            if section.subtitle:
                yield one_line(section.subtitle)
            yield ""
        for paragraph in section.paragraphs:
            yield visible(paragraph.text)
            yield ""


def markdown_lines(document: Document) -> Iterator[str]:
    """``# title``, a metadata line, headings by level (one below the title), paragraphs."""
    if document.title:
        yield "# " + escape(one_line(document.title))
        yield ""
        if document.subtitle:
            yield escape(one_line(document.subtitle))
            yield ""
    meta = document.meta.to_dict()
    fields = [
        f"{label}：{escape(one_line(meta[key] or ''))}" for key, label in _META_LABELS if meta[key]
    ]
    if fields:
        yield " · ".join(fields)
        yield ""
    for section in document.sections:
        if section.heading:
            yield "#" * min(section.level + 1, 6) + " " + escape(one_line(section.heading))
            yield ""
            if section.subtitle:
                yield escape(one_line(section.subtitle))
                yield ""
        for paragraph in section.paragraphs:
            yield escape(paragraph.text)
            yield ""
