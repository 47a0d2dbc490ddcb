"""Provides a text widget with Chinese line breaking, for the side panes and dialogs.

Textual wraps text wherever a line is full; this widget sets each line
itself with ``reader.linebreak``. The article itself is drawn row by row by
``article_view`` (no widget per paragraph), with the same line breaking.
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from reader.linebreak import line_starts
from reader.terminal_text import visible


class WrappedText(Widget):
    """Text set line by line with Chinese line-breaking rules."""

    def __init__(self, text: str, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text
        self._visible = visible(text)  # what is drawn: same length, nothing a terminal obeys
        self._layout: tuple[int, list[int]] | None = None

    def update(self, text: str) -> None:
        """Show another text (the same sentence in another script). The screen is laid
        out again only if the text takes another number of lines: the same sentence in
        another script nearly always takes as many, and a layout of a long article's
        summary is a tenth of a second."""
        if text == self.text:
            return
        before = self._layout
        self.text = text
        self._visible = visible(text)
        self._layout = None
        same = before is not None and len(self._starts(before[0])) == len(before[1])
        self.refresh(layout=not same)

    def _starts(self, width: int) -> list[int]:
        if self._layout is None or self._layout[0] != width:
            self._layout = (width, line_starts(self._visible, width))
        return self._layout[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._starts(max(1, width)))

    def render(self) -> Text:
        width = max(1, self.content_region.width or self.size.width)
        shown = Text(self._visible, no_wrap=True, overflow="crop", end="")
        lines = shown.divide(self._starts(width)[1:])
        for line in lines:
            line.rstrip()
        return Text("\n", no_wrap=True, end="").join(lines)
