"""Provides what one row of the article view shows: its text, its styled segments, and
the character under a cell.

The article view keeps the state (blocks, line starts, marks); these functions
turn one row of it into Rich segments and map a click back to a character, so
the drawing rules read on their own and are tested without a running app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style

from reader.linebreak import text_width
from reader.tui.widgets.article_blocks import index_at

if TYPE_CHECKING:
    from reader.learn.interlinear import Row

Span = tuple[Style, int, int]  # a mark's style over [start, end) of a paragraph's text


def line_at(shown: str, starts: list[int], row: int) -> tuple[int, int] | None:
    """Where line ``row`` of a text set at ``starts`` begins and ends; None past the last."""
    if row >= len(starts):
        return None
    return starts[row], starts[row + 1] if row + 1 < len(starts) else len(shown)


def char_styles(spans: list[Span], start: int, count: int, base: Style) -> list[Style]:
    """The style of each of ``count`` characters from text offset ``start``: the base with
    every mark over it added, in drawing order."""
    styles = [base] * count
    for style, s, e in spans:
        for k in range(max(s, start), min(e, start + count)):
            if k - start >= 0:
                styles[k - start] = styles[k - start] + style
    return styles


def runs(text: str, styles: list[Style]) -> list[Segment]:
    """Segments of ``text`` where consecutive characters share a style."""
    out: list[Segment] = []
    start = 0
    for k in range(1, len(text) + 1):
        if k == len(text) or styles[k] != styles[start]:
            out.append(Segment(text[start:k], styles[start]))
            start = k
    return out


def marked_line(
    shown: str, prefix: int, start: int, end: int, spans: list[Span], base: Style
) -> list[Segment]:
    """A plain line of a paragraph, ``shown[start:end]``, with its marks; ``prefix`` is
    what is drawn before the paragraph's text (its indent), which marks do not count."""
    line = shown[start:end].rstrip()
    return runs(line, char_styles(spans, start - prefix, len(line), base))


def interlinear_segments(line: Row, spans: list[Span], base: Style) -> list[Segment]:
    """The character row of an interlinear line, with the marks on its characters."""
    out: list[Segment] = []
    column = 0
    for cell in line.cells:
        if cell.column > column:
            out.append(Segment(" " * (cell.column - column), base))
            column = cell.column
        out += runs(cell.word, char_styles(spans, cell.start, len(cell.word), base))
        column += text_width(cell.word)
    return out


def offset_in_line(shown: str, prefix: int, starts: list[int], row: int, x: int) -> int | None:
    """The offset in the paragraph's text of the character drawn at cell ``x`` of ``row``."""
    where = line_at(shown, starts, row)
    if where is None:
        return None
    start, end = where
    index = start + index_at(shown[start:end], x)
    return max(0, min(index, end - 1) - prefix)


def offset_in_rows(rows: list[Row], row: int, x: int) -> int | None:
    """The same for a paragraph shown with readings (two rows a line: readings, text)."""
    if row >= 2 * len(rows):
        return None
    cells = rows[row // 2].cells
    for cell in reversed(cells):
        if cell.column <= x:
            return cell.start + index_at(cell.word, x - cell.column)
    return cells[0].start if cells else None
