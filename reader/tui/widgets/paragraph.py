"""Provides the paragraph widget: Chinese line breaking and the marks a reader sees on text.

Textual wraps text wherever a line is full; this widget sets each line
itself with ``reader.linebreak`` and draws the marks (notes, search
matches, keywords, the reading cursor, a jumped-to sentence) as spans
styled from TCSS component classes, so themes apply to them.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from rich.text import Text
from textual.content import Content
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget

from reader.linebreak import char_width, line_starts
from reader.reading import Marks
from reader.terminal_text import visible
from reader.tui.literal import literal

if TYPE_CHECKING:  # the learner aids are imported only when the reader asks for them
    from reader.tui.widgets.interlinear import InterlinearParagraph

INDENT = "\u3000\u3000"
# Drawn in this order, so later marks show over earlier ones.
MARKS = ("level", "keyword", "note", "match", "focus", "cursor", "current-match")


class WrappedText(Widget):
    """Text set line by line with Chinese line-breaking rules, with optional marks."""

    COMPONENT_CLASSES = {f"paragraph--{mark}" for mark in MARKS}

    def __init__(
        self, text: str, indent: bool = False, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text
        self._visible = visible(text)  # what is drawn: same length, nothing a terminal obeys
        self.indent = indent
        self.marks: dict[str, list[tuple[int, int]]] = {}
        self._layout: tuple[str, int, list[int]] | None = None
        self.interlinear: InterlinearParagraph | None = None  # readings over the text (p)

    # What is shown

    def set_text(self, text: str) -> None:
        self.text = text
        self._visible = visible(text)
        self.refresh(layout=True)

    def set_indent(self, indent: bool) -> None:
        self.indent = indent
        self.refresh(layout=True)

    def set_marks(self, kind: str, spans: list[tuple[int, int]]) -> None:
        if self.marks.get(kind, []) != spans:
            self.marks[kind] = spans
            self.refresh()

    def set_interlinear(self, interlinear: InterlinearParagraph | None) -> None:
        """Draw the text with its readings above it (its rows), or plainly with None."""
        if interlinear is not self.interlinear:
            self.interlinear = interlinear
            self.refresh(layout=True)

    def line_of(self, offset: int) -> int:
        """The line (from 0) on which character ``offset`` of the text is drawn."""
        if self.interlinear is not None:
            return 0  # rows of readings: the paragraph's top is close enough
        width = max(1, self.content_region.width or self.size.width)
        return max(0, bisect_right(self._starts(width), offset + len(self._prefix)) - 1)

    @property
    def _prefix(self) -> str:
        return INDENT if self.indent else ""

    def _starts(self, width: int) -> list[int]:
        shown = self._prefix + self._visible
        if self._layout is None or self._layout[:2] != (shown, width):
            self._layout = (shown, width, line_starts(shown, width))
        return self._layout[2]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self.interlinear is not None:
            return 2 * len(self.interlinear.rows(max(1, width)))
        return len(self._starts(max(1, width)))

    def _render_interlinear(self, interlinear: InterlinearParagraph, width: int) -> Content:
        """Each row of characters under its readings, dimmed; literal text, no marks."""
        parts: list[Content | str] = []
        for row in interlinear.rows(width):
            if parts:
                parts.append("\n")
            parts += [literal(row.reading, newlines=False).stylize("dim"), "\n"]
            parts.append(literal(row.text, newlines=False))
        return Content.assemble(*parts)

    def render(self) -> Text | Content:
        width = max(1, self.content_region.width or self.size.width)
        if self.interlinear is not None:
            return self._render_interlinear(self.interlinear, width)
        prefix = self._prefix
        styled = Text(prefix + self._visible, no_wrap=True, overflow="crop", end="")
        for kind in MARKS:
            spans = self.marks.get(kind)
            if not spans:
                continue
            style = self.get_component_rich_style(f"paragraph--{kind}", partial=True)
            for start, end in spans:
                styled.stylize(style, start + len(prefix), end + len(prefix))
        starts = self._starts(width)
        lines = styled.divide(starts[1:])
        for line in lines:
            line.rstrip()
        return Text("\n", no_wrap=True, end="").join(lines)

    # Where a click landed

    def offset_at(self, x: int, y: int) -> int | None:
        """The paragraph offset of the character drawn at cell (x, y), if any."""
        if self.interlinear is not None:
            return 0  # the cursor goes to the paragraph's first sentence
        width = max(1, self.content_region.width or self.size.width)
        starts = self._starts(width)
        if not 0 <= y < len(starts):
            return None
        shown = self._prefix + self._visible
        end = starts[y + 1] if y + 1 < len(starts) else len(shown)
        cells = 0
        for index in range(starts[y], end):
            cells += char_width(shown[index])
            if cells > x:
                return max(0, index - len(self._prefix))
        return max(0, end - 1 - len(self._prefix))


class ParagraphView(WrappedText):
    """One paragraph of the article; a click puts the reading cursor on a sentence."""

    class Clicked(Message):
        """The reader clicked a character of a paragraph."""

        def __init__(self, view: ParagraphView, offset: int) -> None:
            super().__init__()
            self.view = view
            self.offset = offset

    def __init__(self, text: str, section: int, paragraph: int, indent: bool = True) -> None:
        super().__init__(text, indent, id=f"p{section}-{paragraph}", classes="paragraph")
        self.section = section
        self.paragraph = paragraph

    def show_marks(self, marks: Marks) -> None:
        """Show what the reading model says this paragraph carries."""
        self.set_marks("note", marks.note)
        self.set_marks("keyword", marks.keyword)
        self.set_marks("match", marks.match)
        self.set_marks("current-match", marks.current_match)
        self.set_marks("cursor", marks.cursor)
        self.set_marks("focus", marks.focus)
        self.set_class(marks.bookmark, "-bookmark")

    def on_click(self, event: Click) -> None:
        offset = self.offset_at(event.x - self.gutter.left, event.y - self.gutter.top)
        if offset is not None:
            self.post_message(self.Clicked(self, offset))
