"""Provides the status line under the article: script, section, progress, notes, search.

It follows the screen's reactive state (bound with ``data_bind``) and reads
the words from the reading model, so no one has to tell it to refresh.
"""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from reader.reading import Reading
from reader.tui.literal import literal


class StatusBar(Widget):
    """One line: what the reading model says about where the reader is."""

    section: reactive[int] = reactive(0)
    percent: reactive[int] = reactive(0)
    revision: reactive[int] = reactive(0)  # bumped by the screen when the model changes

    def __init__(self, reading: Reading, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reading = reading

    def render(self) -> Content:
        return literal(self.reading.status(self.section, self.percent), False)
