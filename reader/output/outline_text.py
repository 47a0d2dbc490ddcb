"""Provides the plain-text rendering of a document's outline for the terminal."""

from __future__ import annotations

from collections.abc import Iterator

from reader.linebreak import text_width, wrap
from reader.model import LEAD, NO_TITLE, Document
from reader.terminal_text import one_line

_META_LABELS = (("date", "日期"), ("source", "来源"), ("author", "作者"), ("url", "链接"))


def outline_lines(document: Document, width: int | None = None) -> Iterator[str]:
    """Yield the title, a metadata line and an indented section tree.

    Every piece of the article is passed through ``one_line``: no control
    sequence reaches the terminal and no field breaks its line. ``width`` (a
    terminal's columns) wraps a long heading under itself by the project's line
    breaker; None keeps one line per section, as a pipe wants."""
    yield from _fit("", one_line(document.title or NO_TITLE), width)
    if document.subtitle:
        yield from _fit("", one_line(document.subtitle), width)
    meta = document.meta.to_dict()
    fields = [f"{label}：{one_line(meta[key] or '')}" for key, label in _META_LABELS if meta[key]]
    if fields:
        yield from _fit("", "  ".join(fields), width)
    yield ""
    for section in document.sections:
        indent = "  " * (section.level - 1)
        heading = section.heading or f"({LEAD})"
        if section.subtitle:
            heading += f" —— {section.subtitle}"
        yield from _fit(indent, f"{one_line(heading)}  [{len(section.paragraphs)}段]", width)


def _fit(indent: str, line: str, width: int | None) -> Iterator[str]:
    """``line`` after ``indent``, wrapped under itself when wider than ``width``."""
    room = None if width is None else width - text_width(indent)
    if room is None or room < 10 or text_width(line) <= room:
        yield indent + line
        return
    yield from (indent + part for part in wrap(line, room))
