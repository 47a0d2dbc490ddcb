"""Provides the terminal rendering of a summary: readable in a terminal, plain in a pipe."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import click

from reader.model import LEAD, NO_TITLE
from reader.terminal_text import one_line


def summary_lines(result: dict[str, Any], color: bool, by_section: bool = False) -> Iterator[str]:
    """Title, keywords with weight bars, the key sentences in document order, then a digest.

    The digest (各节要点) gives each section's best sentence under its heading:
    printed whenever at least two sections have one (a reader of a long text
    wants each part, not only the top sentences), and with ``by_section`` always.
    Text from the article goes through ``one_line`` before any styling is added.
    """

    def bold(text: str) -> str:
        return click.style(text, bold=True) if color else text

    yield bold(one_line(result["title"] or NO_TITLE))
    yield ""
    yield bold("关键词")
    for keyword in result["keywords"]:
        bar = "█" * max(1, round(keyword["score"] * 10))
        yield (
            f"  {one_line(keyword['word'])}\t{bar}"
            if color
            else f"  {one_line(keyword['word'])}\t{keyword['score']:.2f}"
        )
    yield ""
    yield bold("关键句")
    headings = result["sections"]
    for sentence in result["sentences"]:
        heading = headings[sentence["section"]]["heading"]
        where = f"[{one_line(heading)}] " if heading else ""
        yield f"  • {where}{one_line(sentence['text'])}"
    digest = [s for s in result["section_sentences"] if s is not None]
    if not by_section and len(digest) < 2:
        return
    yield ""
    yield bold("各节要点")
    for section, sentence in zip(headings, result["section_sentences"], strict=True):
        if sentence is not None:
            yield f"  [{one_line(section['heading'] or LEAD)}] {one_line(sentence['text'])}"
