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


class SetLines:
    """A text's lines at a width, set with Chinese line-breaking rules and kept for
    the width last asked."""

    def __init__(self, text: str) -> None:
        self.text = text
        # What is drawn: same length, nothing a terminal obeys, and a tab as one space
        # (the line breaker counts it one cell; Textual would draw it wider).
        self._visible = visible(text).replace("\t", " ")
        self._layout: tuple[int, list[int]] | None = None

    def starts(self, width: int) -> list[int]:
        """Where each line starts (at least one line, even for no text)."""
        width = max(1, width)
        if self._layout is None or self._layout[0] != width:
            self._layout = (width, line_starts(self._visible, width))
        return self._layout[1]

    def lines(self, width: int) -> list[Text]:
        shown = Text(self._visible, no_wrap=True, overflow="crop", end="")
        lines = list(shown.divide(self.starts(width)[1:]))
        for line in lines:
            line.rstrip()
        return lines

    def line_count_kept(self, text: str) -> bool:
        """Whether ``text`` takes as many lines as this one at the width last set."""
        if self._layout is None:
            return False
        return len(SetLines(text).starts(self._layout[0])) == len(self._layout[1])


class WrappedText(Widget):
    """Text set line by line with Chinese line-breaking rules."""

    def __init__(self, text: str, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._lines = SetLines(text)

    @property
    def text(self) -> str:
        return self._lines.text

    def update(self, text: str) -> None:
        """Show another text (the same sentence in another script). The screen is laid
        out again only if the text takes another number of lines: the same sentence in
        another script nearly always takes as many, and a layout of a long article's
        summary is a tenth of a second."""
        if text == self.text:
            return
        same = self._lines.line_count_kept(text)
        self._lines = SetLines(text)
        self.refresh(layout=not same)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines.starts(width))

    def render(self) -> Text:
        width = self.content_region.width or self.size.width
        return Text("\n", no_wrap=True, end="").join(self._lines.lines(width))
