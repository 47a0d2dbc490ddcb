"""Provides the plain-text rendering of a document's outline for the terminal."""

from __future__ import annotations

from collections.abc import Iterator

from reader.model import LEAD, NO_TITLE, Document
from reader.terminal_text import one_line

_META_LABELS = (("date", "日期"), ("source", "来源"), ("author", "作者"), ("url", "链接"))


def outline_lines(document: Document) -> Iterator[str]:
    """Yield the title, a metadata line and an indented section tree.

    Every piece of the article is passed through ``one_line``: no control
    sequence reaches the terminal and no field breaks its line."""
    yield one_line(document.title or NO_TITLE)
    if document.subtitle:
        yield one_line(document.subtitle)
    meta = document.meta.to_dict()
    fields = [f"{label}：{one_line(meta[key] or '')}" for key, label in _META_LABELS if meta[key]]
    if fields:
        yield "  ".join(fields)
    yield ""
    for section in document.sections:
        indent = "  " * (section.level - 1)
        heading = section.heading or f"({LEAD})"
        if section.subtitle:
            heading += f" —— {section.subtitle}"
        yield f"{indent}{one_line(heading)}  [{len(section.paragraphs)}段]"
