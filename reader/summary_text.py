"""Provides the terminal rendering of a summary: readable in a terminal, plain in a pipe."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import click


def summary_lines(result: dict[str, Any], color: bool) -> Iterator[str]:
    """Title, keywords with weight bars, then the key sentences in document order."""

    def bold(text: str) -> str:
        return click.style(text, bold=True) if color else text

    yield bold(result["title"] or "(无标题)")
    yield ""
    yield bold("关键词")
    for keyword in result["keywords"]:
        bar = "█" * max(1, round(keyword["score"] * 10))
        yield (
            f"  {keyword['word']}\t{bar}"
            if color
            else f"  {keyword['word']}\t{keyword['score']:.2f}"
        )
    yield ""
    yield bold("关键句")
    headings = result["sections"]
    for sentence in result["sentences"]:
        heading = headings[sentence["section"]]["heading"]
        where = f"[{heading}] " if heading else ""
        yield f"  • {where}{sentence['text']}"
