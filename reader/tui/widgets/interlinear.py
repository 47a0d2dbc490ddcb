"""Provides a paragraph in interlinear mode: pinyin or zhuyin over each line of characters.

The layout is the core's (``reader.learn.interlinear``); this widget only asks
for it at its own width and draws the rows as literal text, the reading line
dimmed. Segmentation and readings are done once, when the paragraph is set.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from reader.learn.interlinear import Row, layout
from reader.learn.pinyin import ReadingStyle, segmented, word_readings
from reader.tui.literal import literal


class InterlinearParagraph(Widget):
    """A paragraph with its readings above it, re-set when the width changes."""

    def __init__(
        self,
        text: str,
        style: ReadingStyle = ReadingStyle.PINYIN,
        words: Sequence[str] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text
        self.reading_style = style
        self._words = list(words) if words is not None else segmented(text)
        self._syllables = word_readings(self._words, style)
        self._rows: tuple[int, list[Row]] | None = None

    def set_style(self, style: ReadingStyle) -> None:
        """Switch between pinyin and zhuyin over the same words."""
        self.reading_style = style
        self._syllables = word_readings(self._words, style)
        self._rows = None
        self.refresh(layout=True)

    def rows(self, width: int) -> list[Row]:
        """The layout at ``width`` cells, remembered for the last width asked."""
        if self._rows is None or self._rows[0] != width:
            rows = layout(self.text, self._words, self._syllables, width, self.reading_style)
            self._rows = (width, rows)
        return self._rows[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 2 * len(self.rows(width))

    def render(self) -> Content:
        parts: list[Content | str] = []
        for row in self.rows(self.content_region.width or self.size.width):
            if parts:
                parts.append("\n")
            parts += [literal(row.reading, newlines=False).stylize("dim"), "\n"]
            parts.append(literal(row.text, newlines=False))
        return Content.assemble(*parts)
