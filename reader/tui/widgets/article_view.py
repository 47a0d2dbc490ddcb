"""Provides the article pane: title, byline, headings and typeset paragraphs, drawn row by row.

A widget per paragraph costs Textual seconds and gigabytes on a long article,
so this view (Textual's Line API, like toolong's log lines) draws only the
rows on screen. The article is a flat list of blocks (``article_blocks``);
each block is set with ``reader.linebreak`` at the current width when it is
first needed, and a background thread sets the rest, so heights start as
estimates and become exact while what the reader is looking at stays put.
Marks (notes, matches, keywords, cursor, levels …) are drawn from the reading
model's ``Marks`` per row, styled by the ``paragraph--*`` component classes.
In interlinear mode (p) a paragraph is two rows per line, laid out only when
it comes near the screen.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual import work
from textual.events import Click, Resize
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.linebreak import text_width
from reader.model import Document
from reader.reading import Marks
from reader.tui.threads import wait_for_quiet
from reader.tui.widgets.article_blocks import (
    MAX_WIDTH,
    Block,
    Heights,
    Retext,
    blocks_of,
    cells_of,
    gaps,
    heading_label,
    shown_text,
    wrap,
    wrap_words,
)
from reader.tui.widgets.article_rows import (
    Span,
    interlinear_segments,
    line_at,
    marked_line,
    offset_in_line,
    offset_in_rows,
)

if TYPE_CHECKING:
    from reader.learn.interlinear import Row
    from reader.tui.widgets.interlinear import InterlinearParagraph

__all__ = ["ArticleView", "heading_label"]

# Drawn in this order, so later marks show over earlier ones.
MARKS = ("level", "keyword", "note", "match", "focus", "cursor", "current-match")
CENTRED = frozenset({"title", "subtitle", "byline"})
BOOKMARK_BAR = "▌"
# Blocks the background thread sets at a time (some 10 ms on a 2-core machine); before
# each, it waits for the UI thread to be free (see _lay_out).
LAYOUT_CHUNK = 100
LAYOUT_REPORT_SECONDS = 0.5  # at most two reports a second to the screen
KEEP_READINGS = 2000  # paragraphs whose words and readings are kept (p on a long article)
Key = tuple[int, int]
How = tuple[object, ...]  # what a block's lines depend on besides its text
Readings = Callable[[str], "InterlinearParagraph"]


class ArticleView(ScrollView, can_focus=False):
    """The article. Not focusable: the screen scrolls it and maps keys to the model."""

    COMPONENT_CLASSES = {
        *(f"paragraph--{mark}" for mark in MARKS),
        "paragraph--bookmark",
        "paragraph--reading",
        "article--title",
        "article--subtitle",
        "article--byline",
        "article--heading",
        "article--empty",
    }

    class Ready(Message):
        """The article is shown and every paragraph can be reached."""

    class Clicked(Message):
        """The reader clicked a character of a paragraph."""

        def __init__(self, section: int, paragraph: int, offset: int) -> None:
            super().__init__()
            self.section = section
            self.paragraph = paragraph
            self.offset = offset

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.blocks: list[Block] = []
        self.heights = Heights([])
        self.indent = True
        self.first_paint_at: float | None = None  # perf_counter, for benchmarks/tui_timing.py
        self.laid_out_at: float | None = None  # every block's height exact
        self._index: dict[Key, int] = {}  # (section, paragraph) → block; (si, -1) a heading
        self._gaps: list[int] = []
        # (block, how it is set) → where its lines start: kept for every width in use
        self._lines: dict[tuple[int, How], list[int]] = {}
        self._cells: list[list[int]] = []  # each block's lines' cells, unbroken (estimates)
        self._exact: set[int] = set()
        self._width = 0  # the pane's content width the heights are for
        # The heights at the width before this one, with the blocks exact there: toggling
        # a side pane goes back to it without setting the article again.
        self._other_width: tuple[int, Heights, set[int]] | None = None
        self._marks: dict[Key, Marks] = {}
        self._levels: dict[Key, list[tuple[int, int]]] = {}
        self._readings: Readings | None = None
        self._interlinear: dict[int, InterlinearParagraph] = {}
        self._generation = 0  # of the background layout: a newer one stops an older
        self._loaded: list[Block] = []  # the blocks of the document as loaded (see preview)
        self._preview: Callable[[str], str] | None = None
        self._previewed: set[int] = set()

    # The document

    async def show(self, document: Document, indent: bool) -> None:
        """Show the document: the first screen laid out now, the rest estimated, then set."""
        self.indent = indent
        self._set_blocks(blocks_of(document, spaced=not indent))
        self._loaded = list(self.blocks)  # a copy: previews replace blocks in place
        self._estimate_all()
        self._settle()
        self.call_after_refresh(self._painted)

    def _set_blocks(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self._gaps = gaps(blocks)
        self._index = {}
        for i, b in enumerate(blocks):
            if b.kind == "paragraph":
                self._index[b.key] = i
            elif b.kind == "heading":
                self._index[(b.section, -1)] = i
        self._cells = cells_of(blocks, self.indent)
        self._forget_layout()

    def _forget_layout(self) -> None:
        """The blocks' texts changed: nothing set for the old ones holds."""
        self._lines.clear()
        self._interlinear.clear()
        self._exact = set()
        self._other_width = None

    def _painted(self) -> None:
        self.first_paint_at = time.perf_counter()
        self.post_message(self.Ready())
        self._lay_out_rest()

    def preview(self, convert: Callable[[str], str]) -> None:
        """Show the article in other characters at once: ``convert`` (from the script as
        loaded) is applied to each block as it is drawn, until ``retext`` brings the
        whole converted document. A block whose length the conversion would change
        (台灣正體's phrases: 博客 → 部落格) waits for that; the others keep their lines
        and marks."""
        self._preview = convert
        self._previewed = set()
        self.refresh()

    def _block(self, i: int) -> Block:
        """Block ``i`` as it is to be drawn: in the previewed script, if one is asked for."""
        if self._preview is not None and i not in self._previewed:
            self._previewed.add(i)
            block = self.blocks[i]
            text = self._preview(self._loaded[i].text)
            if len(text) == len(block.text):
                self.blocks[i] = replace(block, text=text)
                self._interlinear.pop(i, None)
        return self.blocks[i]

    def retext(self, document: Document, made: Retext | None = None) -> None:
        """Show the same document in other characters (same structure, same lengths).
        ``made`` is its blocks, made in a worker (on a book, 50 ms the UI thread saves)."""
        self._preview = None
        anchor = self._anchor()
        sizes = list(self.heights.sizes)  # good estimates: the lengths are the same
        if made is None or made.indent != self.indent or len(made.blocks) != len(self.blocks):
            made = Retext.of(document, self.indent)
        self.blocks, self._cells = made.blocks, made.cells  # the same structure: same index
        self._forget_layout()
        self.heights = Heights(sizes)
        self._relayout(anchor)

    def set_indent(self, indent: bool) -> None:
        """Indented paragraphs, or paragraphs spaced by a blank row."""
        if indent == self.indent:
            return
        self.indent = indent
        anchor = self._anchor()
        blocks = [
            Block(b.kind, b.text, b.section, b.paragraph, b.top, int(not indent))
            if b.kind == "paragraph"
            else b
            for b in self.blocks
        ]
        self._set_blocks(blocks)
        self._estimate_all()
        self._relayout(anchor)

    def show_marks(self, marks: dict[Key, Marks]) -> None:
        """The reading model's marks; only paragraphs whose marks changed are redrawn."""
        old, self._marks = self._marks, marks
        changed = [k for k in old.keys() | marks.keys() if old.get(k) != marks.get(k)]
        resized = [
            k
            for k in changed
            if bool(old.get(k) and old[k].bookmark) != bool(marks.get(k) and marks[k].bookmark)
        ]
        if resized:  # the bookmark bar takes a cell: those paragraphs are set anew
            anchor = self._anchor()
            for key in resized:
                if (i := self._index.get(key)) is not None:
                    self._make_exact(i)
                    if self._other_width is not None:
                        self._other_width[2].discard(i)
            self._resized(anchor)
        self._refresh_blocks(changed)

    def set_levels(self, levels: dict[Key, list[tuple[int, int]]] | None) -> None:
        """Words above the reader's level, underlined (v); None for none."""
        old, self._levels = self._levels, levels or {}
        self._refresh_blocks([k for k in old.keys() | self._levels.keys()])

    def set_readings(self, readings: Readings | None) -> None:
        """Readings over each line (p): ``readings`` makes a paragraph's interlinear
        layout from its text; None shows the plain text again."""
        if readings is None and self._readings is None:
            return
        anchor = self._anchor()
        self._readings = readings
        self._interlinear.clear()
        self._other_width = None
        self._estimate_all()
        self._relayout(anchor)

    # Reading the state (tests and the screen)

    @property
    def paragraphs(self) -> list[Key]:
        """Every paragraph's (section, paragraph), in order."""
        return [b.key for b in self.blocks if b.kind == "paragraph"]

    def marks_of(self, section: int, paragraph: int) -> dict[str, list[tuple[int, int]]]:
        """The spans drawn on a paragraph, by mark (empty ones left out)."""
        marks = self._marks.get((section, paragraph)) or Marks()
        spans = {kind: getattr(marks, kind.replace("-", "_")) for kind in MARKS if kind != "level"}
        spans["level"] = self._levels.get((section, paragraph), [])
        return {kind: s for kind, s in spans.items() if s}

    def interlinear_of(self, section: int, paragraph: int) -> InterlinearParagraph | None:
        """The readings laid out for a paragraph, if it has been shown with them."""
        i = self._index.get((section, paragraph))
        return None if i is None else self._interlinear.get(i)

    def drawn(self, section: int, paragraph: int = -1) -> list[str]:
        """The rows of a paragraph (or a section's heading) as drawn, on screen or not."""
        i = self._index.get((section, paragraph))
        if i is None:
            return []
        base = Style()
        rows = []
        self._block(i)
        for row in range(self._line_count(i)):
            if self.blocks[i].kind == "paragraph":
                segments = self._paragraph_row(i, row, base)
            else:
                segments = self._block_row(i, row, base, self._column()[1])
            if segments is not None:
                rows.append("".join(segment.text for segment in segments))
        return rows

    def row_of(self, section: int, paragraph: int = -1) -> int | None:
        """The article row on which a paragraph (or a section's heading) starts."""
        i = self._index.get((section, paragraph))
        return None if i is None else self.heights.top(i) + self._gaps[i]

    # Where things are

    def has(self, section: int, paragraph: int) -> bool:
        return (section, paragraph) in self._index

    def top_paragraph(self) -> Key | None:
        """The first paragraph whose bottom is below the top of the pane."""
        if not self.blocks:
            return None
        i, _ = self.heights.locate(round(self.scroll_y))
        for block in self.blocks[i:]:
            if block.kind == "paragraph":
                return block.key
        for block in reversed(self.blocks[:i]):
            if block.kind == "paragraph":
                return block.key
        return None

    def is_visible(self, section: int, paragraph: int) -> bool:
        i = self._index.get((section, paragraph))
        if i is None:
            return False
        top, bottom = self.heights.top(i) + self._gaps[i], self.heights.top(i + 1)
        return bottom > self.scroll_y and top < self.scroll_y + self.size.height

    def scroll_to_paragraph(self, section: int, paragraph: int, offset: int = 0) -> None:
        """Scroll the line holding character ``offset`` of the paragraph to the top."""
        i = self._index.get((section, paragraph))
        if i is not None:
            self._scroll_to_block(i, self._line_of(i, offset) if offset else 0)

    def scroll_to_heading(self, section: int) -> bool:
        """Scroll a heading to the top; False if the section has none."""
        i = self._index.get((section, -1))
        if i is None:
            return False
        self._scroll_to_block(i, 0)
        return True

    def section_in_view(self, top_section: int, headed: list[int]) -> int:
        """The section being read: the top paragraph's, or at the very end the last
        heading on screen, since the last short sections can never reach the top."""
        if self.max_scroll_y <= 0 or self.scroll_y < self.max_scroll_y:
            return top_section
        bottom = self.scroll_y + self.size.height
        shown = [
            si
            for si in headed
            if (i := self._index.get((si, -1))) is not None and self.heights.top(i) < bottom
        ]
        return max([top_section, *shown])

    @property
    def percent(self) -> int:
        if self.max_scroll_y <= 0:
            return 100
        return round(100 * self.scroll_y / self.max_scroll_y)

    # Heights: estimated, then exact

    def _pane_width(self) -> int:
        """Cells for the text: the pane less its padding and scrollbar gutter."""
        return self.scrollable_content_region.width

    def _column(self) -> tuple[int, int]:
        """The text column's left edge and width in the pane."""
        width = max(1, self._width)
        column = min(MAX_WIDTH, width)
        return (width - column) // 2, column

    def _how(self, i: int) -> How:
        """What a block's lines depend on besides its text."""
        block = self.blocks[i]
        _, column = self._column()
        if block.kind != "paragraph":
            return ("plain", column)
        marks = self._marks.get(block.key)
        width = max(1, column - 1) if marks and marks.bookmark else column
        if self._readings is not None:
            return ("readings", width)
        return ("plain", width, self.indent)

    def _shown(self, i: int) -> str:
        return shown_text(self.blocks[i], self.indent)

    def _starts(self, i: int) -> list[int]:
        """Where each line of a plain block starts in its shown text (set once per width)."""
        how = self._how(i)
        cached = self._lines.get((i, how))
        if cached is not None:
            return cached
        wrapper = wrap_words if self.blocks[i].kind in CENTRED else wrap
        starts = wrapper(self._shown(i), int(how[1]))  # type: ignore[call-overload]
        self._lines[(i, how)] = starts
        return starts

    def _rows(self, i: int) -> list[Row] | None:
        """A paragraph's interlinear rows, laid out when first needed; None when plain."""
        how = self._how(i)
        if how[0] != "readings" or self._readings is None:
            return None
        reading = self._interlinear.get(i)
        if reading is None:
            if len(self._interlinear) >= KEEP_READINGS:  # the oldest go: made again if needed
                del self._interlinear[next(iter(self._interlinear))]
            reading = self._interlinear[i] = self._readings(self.blocks[i].text)
        return reading.rows(int(how[1]))  # type: ignore[call-overload]

    def _line_count(self, i: int) -> int:
        rows = self._rows(i)
        return 2 * len(rows) if rows is not None else len(self._starts(i))

    def _estimate(self, i: int) -> int:
        block = self.blocks[i]
        _, column = self._column()
        lines = sum(-(-cells // column) for cells in self._cells[i])
        if block.kind == "paragraph" and self._readings is not None:
            lines = 2 * lines + 2 * (lines // 3)  # readings widen a line by about a third
        return self._gaps[i] + lines + (block.bottom if i == len(self.blocks) - 1 else 0)

    def _estimate_all(self) -> None:
        self._width = self._pane_width() or self._width or MAX_WIDTH
        self._exact = set()
        self.heights = Heights([self._estimate(i) for i in range(len(self.blocks))])

    def _make_exact(self, i: int) -> bool:
        """Lay block ``i`` out; True if its height changed."""
        self._exact.add(i)
        block = self.blocks[i]
        last = block.bottom if i == len(self.blocks) - 1 else 0
        return self.heights.set(i, self._gaps[i] + self._line_count(i) + last)

    def _anchor(self) -> tuple[int, float, bool]:
        """What the reader is looking at: the top block, how far into it, at the end or not."""
        at_end = self.max_scroll_y > 0 and self.scroll_y >= self.max_scroll_y
        if not self.blocks:
            return (0, 0.0, at_end)
        i, row = self.heights.locate(round(self.scroll_y))
        return (i, row / max(1, self.heights.sizes[i]), at_end)

    def _resized(self, anchor: tuple[int, float, bool]) -> None:
        """Heights changed: a new virtual size, and the anchor back at the top."""
        i, fraction, at_end = anchor
        self._set_virtual_size(Size(self._width, self.heights.total))
        if at_end:
            y = self.heights.total
        elif i < len(self.heights):
            y = self.heights.top(i) + round(fraction * self.heights.sizes[i])
        else:
            y = 0
        self.scroll_to(y=y, animate=False, immediate=True)
        self.refresh()

    def _set_virtual_size(self, size: Size) -> None:
        """The article's new height. Textual lays the whole screen out again when a
        virtual size changes (a tenth of a second beside a long summary), though only
        the scrollbar's thumb moves: the thumb is told directly, unless the scrollbar
        comes or goes (then the screen is laid out as usual)."""
        if size == self.virtual_size:
            return
        room = self.scrollable_content_region.height
        if size.width != self.virtual_size.width or (
            (size.height > room) != (self.virtual_size.height > room)
        ):
            self.virtual_size = size
            return
        self.set_reactive(ArticleView.virtual_size, size)
        bar = self.vertical_scrollbar
        bar.window_virtual_size = size.height
        bar.refresh()
        self.refresh()

    def _relayout(self, anchor: tuple[int, float, bool]) -> None:
        self._resized(anchor)
        self._settle()
        self._lay_out_rest()

    def _settle(self) -> None:
        """Make the heights of the blocks on screen exact, keeping the top block in place."""
        if not self.blocks:
            self._set_virtual_size(Size(self._width, 0))
            return
        height = max(1, self.size.height or 40)
        for _ in range(6):
            anchor = self._anchor()
            i, _ = self.heights.locate(round(self.scroll_y))
            j, changed = i, False
            while j < len(self.blocks) and self.heights.top(j) < self.scroll_y + 2 * height:
                if j not in self._exact:
                    changed |= self._make_exact(j)
                j += 1
            if not changed:
                break
            self._resized(anchor)
        if self.virtual_size.height != self.heights.total:
            self._set_virtual_size(Size(self._width, self.heights.total))

    def _lay_out_rest(self) -> None:
        """Exact heights for the whole article, in a thread (plain text only: readings are
        laid out near the screen as it goes)."""
        self.laid_out_at = None
        self._generation += 1
        if self._readings is None:  # readings are laid out near the screen only
            self._lay_out(self._generation, self.blocks)

    @work(thread=True, group="article-layout")
    def _lay_out(self, generation: int, blocks: list[Block]) -> None:
        """Set the blocks not yet exact, in chunks; a newer layout (another width, other
        text) makes it stop, and what it sets is checked against the view when it
        arrives. The list of what to do is made here too: on a book, making it took the
        UI thread a tenth of a second. Not an exclusive worker: a cancelled worker
        would fail ``wait_for_complete``."""
        done: list[tuple[int, How, list[int]]] = []
        reported = time.perf_counter()
        for at in range(0, len(blocks), LAYOUT_CHUNK):
            if generation != self._generation:
                return
            if not wait_for_quiet(self.app):
                return
            for i in range(at, min(at + LAYOUT_CHUNK, len(blocks))):
                if i in self._exact or blocks[i].kind in CENTRED:
                    continue
                how = self._how(i)
                done.append((i, how, wrap(self._shown(i), int(how[1]))))  # type: ignore[call-overload]
            if time.perf_counter() - reported >= LAYOUT_REPORT_SECONDS:
                # Each report resizes the view, which lays out the whole screen again
                # (some 40 ms): a few reports a second, not one per chunk.
                self.app.call_from_thread(self._laid_out, generation, done)
                done, reported = [], time.perf_counter()
        if done:
            self.app.call_from_thread(self._laid_out, generation, done)
        self.app.call_from_thread(self._all_laid_out, generation)

    def _laid_out(self, generation: int, done: list[tuple[int, How, list[int]]]) -> None:
        if generation != self._generation:
            return
        anchor = self._anchor()
        changed = False
        for i, how, starts in done:
            if i in self._exact or i >= len(self.blocks) or self._how(i) != how:
                continue
            self._lines[(i, how)] = starts
            changed |= self._make_exact(i)
        if changed:
            self._resized(anchor)

    def _all_laid_out(self, generation: int) -> None:
        if generation == self._generation:
            self.laid_out_at = time.perf_counter()

    def on_resize(self, event: Resize) -> None:
        """Another width: the blocks are set for it, the reader's place kept. The width
        before is kept too, so a side pane shown and hidden again costs nothing."""
        width = self._pane_width()
        if self.blocks and width != self._width:
            anchor = self._anchor()
            before = (self._width, self.heights, self._exact)
            if self._other_width is not None and self._other_width[0] == width:
                self._width, self.heights, self._exact = self._other_width
            else:
                self._estimate_all()
            self._other_width = before
            self._forget_lines(keep={self._width, before[0]})
            self._relayout(anchor)
        elif self.blocks:
            self._settle()

    def _forget_lines(self, keep: set[int]) -> None:
        """Line starts for widths no longer kept (a terminal dragged wider and wider)."""
        columns = {min(MAX_WIDTH, max(1, w)) for w in keep}
        columns |= {c - 1 for c in columns}  # a bookmarked paragraph is a cell narrower
        self._lines = {k: v for k, v in self._lines.items() if k[1][1] in columns}

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self.blocks and round(old_value) != round(new_value):
            self._settle()

    def _scroll_to_block(self, i: int, line: int) -> None:
        """Put line ``line`` of block ``i`` (after its blank rows) at the top."""
        # Exact heights for the target and the screen below it first.
        anchor = self._anchor()
        changed = False
        for j in range(i, min(len(self.blocks), i + 1 + max(1, self.size.height))):
            if j not in self._exact:
                changed |= self._make_exact(j)
        if changed:
            self._resized(anchor)
        y = self.heights.top(i) + self._gaps[i] + line
        self.scroll_to(y=y, animate=False, immediate=True)
        self._settle()

    def _line_of(self, i: int, offset: int) -> int:
        """The row within block ``i`` on which character ``offset`` of its text is drawn."""
        rows = self._rows(i)
        if rows is not None:
            at = max(
                0, bisect_right([r.cells[0].start if r.cells else 0 for r in rows], offset) - 1
            )
            return 2 * at
        prefix = len(self._shown(i)) - len(self.blocks[i].text)
        return max(0, bisect_right(self._starts(i), offset + prefix) - 1)

    def _refresh_blocks(self, keys: list[Key]) -> None:
        top, height = round(self.scroll_y), self.size.height
        for key in keys:
            i = self._index.get(key)
            if i is None:
                continue
            start, end = self.heights.top(i), self.heights.top(i + 1)
            if end > top and start < top + height:
                self.refresh(Region(0, start - top, self.size.width, end - start))

    # Drawing

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        row_y = y + round(self.scroll_y)
        if not self.blocks or row_y >= self.heights.total:
            return Strip.blank(width, base)
        i, row = self.heights.locate(row_y)
        row -= self._gaps[i]
        if row < 0:
            return Strip.blank(width, base)
        left, column = self._column()
        block = self._block(i)
        if block.kind == "paragraph":
            segments = self._paragraph_row(i, row, base)
        else:
            segments = self._block_row(i, row, base, column)
        if segments is None:
            return Strip.blank(width, base)
        strip = Strip([Segment(" " * left, base), *segments])
        return strip.adjust_cell_length(width, base)

    def _block_row(self, i: int, row: int, base: Style, column: int) -> list[Segment] | None:
        block = self.blocks[i]
        where = line_at(block.text, self._starts(i), row)
        if where is None:
            return None
        line = block.text[where[0] : where[1]].rstrip("\n").rstrip()
        # The full style: a partial one loses a translucent colour ($text-muted).
        style = self.get_component_rich_style(f"article--{block.kind}")
        pad = (column - text_width(line)) // 2 if block.kind in CENTRED else 0
        if block.kind == "empty":
            pad = 2
        return [Segment(" " * max(0, pad), base), Segment(line, style)]

    def _paragraph_row(self, i: int, row: int, base: Style) -> list[Segment] | None:
        block = self.blocks[i]
        marks = self._marks.get(block.key)
        bar: list[Segment] = []
        if marks and marks.bookmark:
            style = base + self.get_component_rich_style("paragraph--bookmark", partial=True)
            bar = [Segment(BOOKMARK_BAR, style)]
        spans = self._spans(block.key)
        rows = self._rows(i)
        if rows is not None:
            if row >= 2 * len(rows):
                return None
            pair = rows[row // 2]
            if row % 2 == 0:
                dim = base + self.get_component_rich_style("paragraph--reading", partial=True)
                return [*bar, Segment(pair.reading, dim)]
            return [*bar, *interlinear_segments(pair, spans, base)]
        shown = self._shown(i)
        where = line_at(shown, self._starts(i), row)
        if where is None:
            return None
        prefix = len(shown) - len(block.text)
        return [*bar, *marked_line(shown, prefix, *where, spans, base)]

    def _spans(self, key: Key) -> list[Span]:
        """Every mark on a paragraph as (style, start, end), in drawing order."""
        marks = self._marks.get(key)
        out: list[Span] = []
        for kind in MARKS:
            if kind == "level":
                spans = self._levels.get(key, [])
            else:
                spans = getattr(marks, kind.replace("-", "_")) if marks else []
            if spans:
                style = self.get_component_rich_style(f"paragraph--{kind}", partial=True)
                out += [(style, s, e) for s, e in spans]
        return out

    # Where a click landed

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self.blocks:
            return
        i, row = self.heights.locate(offset.y + round(self.scroll_y))
        block = self.blocks[i]
        if block.kind != "paragraph":
            return
        left, _ = self._column()
        marks = self._marks.get(block.key)
        x = offset.x - left - (1 if marks and marks.bookmark else 0)
        at = self.offset_at(i, x, row - self._gaps[i])
        if at is not None:
            self.post_message(self.Clicked(block.section, block.paragraph, at))

    def offset_at(self, i: int, x: int, row: int) -> int | None:
        """The paragraph offset of the character drawn at cell ``x`` of ``row`` of block ``i``."""
        if row < 0 or x < 0:
            return None
        rows = self._rows(i)
        if rows is not None:
            return offset_in_rows(rows, row, x)
        shown = self._shown(i)
        return offset_in_line(shown, len(shown) - len(self.blocks[i].text), self._starts(i), row, x)
