"""Provides a paragraph's interlinear layout for the article view: pinyin or zhuyin over each line.

The layout is the core's (``reader.learn.interlinear``); this holds one
paragraph's words and readings and asks for the rows at a width, remembering
the last. The article view makes one only for paragraphs near the screen, so
pressing p on a long article costs what the screen shows, not the whole text.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.learn.interlinear import Row, layout
from reader.learn.pinyin import ReadingStyle, segmented, word_readings


class InterlinearParagraph:
    """A paragraph with its readings, re-set when the width changes."""

    def __init__(
        self,
        text: str,
        style: ReadingStyle = ReadingStyle.PINYIN,
        words: Sequence[str] | None = None,
    ) -> None:
        self.text = text
        self.reading_style = style
        self._words = list(words) if words is not None else segmented(text)
        self._syllables = word_readings(self._words, style)
        self._rows: tuple[int, list[Row]] | None = None

    def rows(self, width: int) -> list[Row]:
        """The layout at ``width`` cells, remembered for the last width asked."""
        if self._rows is None or self._rows[0] != width:
            rows = layout(self.text, self._words, self._syllables, width, self.reading_style)
            self._rows = (width, rows)
        return self._rows[1]
