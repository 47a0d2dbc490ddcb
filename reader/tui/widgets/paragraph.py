"""Provides a text widget with Chinese line breaking, for the side panes and dialogs.

Textual wraps text wherever a line is full; this widget sets each line
itself with ``reader.linebreak``. The article itself is drawn row by row by
``article_view``, which shares these rules but has no widget per paragraph.
"""

from __future__ import annotations

from bisect import bisect_right

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from reader.linebreak import char_width, line_starts
from reader.terminal_text import visible
from reader.tui.widgets.article_blocks import INDENT
from reader.tui.widgets.article_view import MARKS


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

    def line_of(self, offset: int) -> int:
        """The line (from 0) on which character ``offset`` of the text is drawn."""
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
        return len(self._starts(max(1, width)))

    def render(self) -> Text:
        width = max(1, self.content_region.width or self.size.width)
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
