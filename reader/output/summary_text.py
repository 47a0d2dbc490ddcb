"""Provides the terminal rendering of a summary: readable in a terminal, plain in a pipe."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import click

from reader.linebreak import text_width, wrap
from reader.model import LEAD, NO_TITLE
from reader.terminal_text import one_line

BULLET = "  • "
HANGING = " " * text_width(BULLET)  # continuation lines start under the text, not the bullet


def summary_lines(
    result: Mapping[str, Any], color: bool, by_section: bool = False, width: int | None = None
) -> Iterator[str]:
    """Title, keywords with weight bars, the key sentences in document order, then a digest.

    The digest (各节要点) gives each section's best sentence under its heading:
    printed whenever at least two sections have one (a reader of a long text
    wants each part, not only the top sentences), and with ``by_section`` always.
    Text from the article goes through ``one_line`` before any styling is added.
    ``width`` (a terminal's columns) wraps long sentences with a hanging indent by
    the project's own line breaker; None prints each on one line, as a pipe wants.
    """

    def bold(text: str) -> str:
        return click.style(text, bold=True) if color else text

    yield bold(one_line(result["title"] or NO_TITLE))
    yield ""
    yield bold("关键词")
    words = [one_line(k["word"]) for k in result["keywords"]]
    column = max((text_width(w) for w in words), default=0) + 2  # display cells, not tab stops
    for word, keyword in zip(words, result["keywords"], strict=True):
        pad = " " * (column - text_width(word))
        if color:
            yield f"  {word}{pad}{'█' * max(1, round(keyword['score'] * 10))}"
        else:
            yield f"  {word}{pad}{keyword['score']:.2f}"
    yield ""
    yield bold("关键句")
    headings = result["sections"]
    for sentence in result["sentences"]:
        heading = headings[sentence["section"]]["heading"]
        where = f"[{one_line(heading)}] " if heading else ""
        yield from _item(BULLET, where + one_line(sentence["text"]), width)
    digest = [s for s in result["section_sentences"] if s is not None]
    if not by_section and len(digest) < 2:
        return
    yield ""
    yield bold("各节要点")
    for section, sentence in zip(headings, result["section_sentences"], strict=True):
        if sentence is not None:
            text = f"[{one_line(section['heading'] or LEAD)}] {one_line(sentence['text'])}"
            yield from _item("  ", text, width)


def _item(prefix: str, text: str, width: int | None) -> Iterator[str]:
    """``prefix`` then ``text``, wrapped to ``width`` with later lines under the text."""
    if width is None or width - len(HANGING) < 10 or text_width(prefix + text) <= width:
        yield prefix + text
        return
    lines = wrap(text, width - len(HANGING))
    yield prefix + lines[0]
    for line in lines[1:]:
        yield HANGING + line
