"""Provides the article as a flat list of blocks and the map between rows and blocks.

The article view draws only the rows on screen, so it needs to know, for any
row of the whole article, which block (title, heading, paragraph …) and which
line of it is there, and the reverse. Heights start as estimates from the
display width and become exact as blocks are laid out; ``Heights`` keeps the
prefix sums that make both lookups a bisection. No Textual here: the rules
are tested on their own.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from reader.linebreak import char_width, line_starts, text_width
from reader.model import NO_TITLE, Document
from reader.terminal_text import one_line, visible

INDENT = "\u3000\u3000"
EMPTY = "这篇文章没有正文。"
MAX_WIDTH = 80  # the text column, as narrow as a page, centred in a wider pane


@dataclass(frozen=True, slots=True)
class Block:
    """One thing the article shows: its kind, its text as drawn, its margins."""

    kind: str  # title, subtitle, byline, heading, paragraph, empty
    text: str  # made visible: nothing a terminal obeys; "\n" only between heading lines
    section: int = -1
    paragraph: int = -1
    top: int = 0  # blank rows wanted above (margins collapse: the larger of two wins)
    bottom: int = 0  # blank rows wanted below

    @property
    def key(self) -> tuple[int, int]:
        return (self.section, self.paragraph)


def byline(document: Document) -> str:
    meta = document.meta
    return " · ".join(x for x in (meta.source, meta.date, meta.author) if x)


def heading_label(heading: str, subtitle: str | None, separator: str = "\n") -> str:
    return heading + (f"{separator}{subtitle}" if subtitle else "")


def blocks_of(document: Document, spaced: bool) -> list[Block]:
    """The blocks of ``document``; ``spaced`` puts a blank row after each paragraph."""
    blocks = [Block("title", _drawn(one_line(document.title or NO_TITLE)), top=1)]
    if document.subtitle:
        blocks.append(Block("subtitle", _drawn(one_line(document.subtitle))))
    if line := byline(document):
        blocks.append(Block("byline", _drawn(one_line(line)), bottom=1))
    paragraphs = 0
    for si, section in enumerate(document.sections):
        if section.heading:
            label = heading_label(
                one_line(section.heading), section.subtitle and one_line(section.subtitle)
            )
            blocks.append(Block("heading", _drawn(label), si, top=1, bottom=1))
        for pi, paragraph in enumerate(section.paragraphs):
            text = _drawn(visible(paragraph.text).replace("\n", " "))
            blocks.append(Block("paragraph", text, si, pi, bottom=int(spaced)))
            paragraphs += 1
    if not paragraphs:
        blocks.append(Block("empty", EMPTY, top=2, bottom=2))
    return blocks


def _drawn(text: str) -> str:
    """A tab as a space: one character and one cell, as the line breaker counts it (a
    terminal would move a tab to the next tab stop and shift the rest of the row)."""
    return text.replace("\t", " ")


def shown_text(block: Block, indent: bool) -> str:
    """What a block draws: a paragraph with its first-line indent, if there is one."""
    return (INDENT + block.text) if block.kind == "paragraph" and indent else block.text


def cells_of(blocks: list[Block], indent: bool) -> list[list[int]]:
    """Each block's cells, line by line (a heading's lines are set apart by newlines):
    what its height is estimated from at any width."""
    return [
        [max(1, estimate_width(part)) for part in shown_text(block, indent).split("\n")]
        for block in blocks
    ]


@dataclass(frozen=True, slots=True)
class Retext:
    """A document's blocks and their cells, made in a worker for ``ArticleView.retext``."""

    indent: bool
    blocks: list[Block]
    cells: list[list[int]]

    @classmethod
    def of(cls, document: Document, indent: bool) -> Retext:
        blocks = blocks_of(document, spaced=not indent)
        return cls(indent, blocks, cells_of(blocks, indent))


def gaps(blocks: list[Block]) -> list[int]:
    """Blank rows above each block: the larger of its top margin and the bottom one before."""
    out, below = [], 0
    for block in blocks:
        out.append(max(below, block.top))
        below = block.bottom
    return out


def estimate_width(text: str) -> int:
    """Cells ``text`` takes, roughly: two for anything not ASCII (fast, no per-character loop)."""
    ascii_count = len(text.encode("ascii", "ignore"))
    return 2 * len(text) - ascii_count


class Heights:
    """Each block's rows (blank rows above it included) and where each block starts."""

    def __init__(self, sizes: list[int]) -> None:
        self.sizes = sizes
        self._tops: list[int] | None = None

    def __len__(self) -> int:
        return len(self.sizes)

    def set(self, index: int, size: int) -> bool:
        """Change one block's rows; True if that changed anything."""
        if self.sizes[index] == size:
            return False
        self.sizes[index] = size
        self._tops = None
        return True

    @property
    def tops(self) -> list[int]:
        if self._tops is None:
            self._tops = [0, *accumulate(self.sizes)]
        return self._tops

    @property
    def total(self) -> int:
        return self.tops[-1]

    def top(self, index: int) -> int:
        return self.tops[index]

    def locate(self, y: int) -> tuple[int, int]:
        """The block drawn at row ``y`` and the row within it (clamped to the article)."""
        if not self.sizes:
            return (0, 0)
        index = min(max(0, bisect_right(self.tops, y) - 1), len(self.sizes) - 1)
        return index, y - self.tops[index]


def wrap(text: str, width: int) -> list[int]:
    """Line starts of ``text`` at ``width``; a newline (between heading lines) always breaks."""
    if "\n" not in text:
        return line_starts(text, width)
    starts: list[int] = []
    at = 0
    for part in text.split("\n"):
        starts += [at + s for s in line_starts(part, width)]
        at += len(part) + 1
    return starts


def wrap_words(text: str, width: int) -> list[int]:
    """Line starts of a centred line (title, byline): between space-separated words, as
    a reader expects of "来源 · 日期 · 作者"; a word wider than the line is set by ``wrap``."""
    if " " not in text.strip():
        return wrap(text, width)
    starts, used, at = [0], 0, 0
    for word in text.split(" "):
        size = text_width(word)
        if used and used + 1 + size > width:
            starts.append(at)
            used = 0
        if size > width:
            pieces = wrap(word, width)
            starts += [at + s for s in pieces[1:]]
            used = text_width(word[pieces[-1] :])  # what the word's last line holds
        else:
            used += (1 if used else 0) + size
        at += len(word) + 1
    return starts


def index_at(text: str, x: int) -> int:
    """The index of the character of ``text`` covering cell ``x`` (the last if past the end)."""
    cells = 0
    for index, char in enumerate(text):
        cells += char_width(char)
        if cells > x:
            return index
    return max(0, len(text) - 1)
