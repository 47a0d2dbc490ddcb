"""Provides the dictionary panel: the entry of the word at the reading cursor.

Shows the word in both scripts, its readings, its definitions and, for a
compound, the entries of its parts. Every piece of text is literal (never
markup): definitions carry brackets such as ``CL:個|个[ge4]``. The panel's own
words are Chinese, in the script shown (``say`` is ``Reading.label``); the
definitions are CC-CEDICT's English.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content
from textual.widgets import Static

from reader.learn.dictionary import Entry
from reader.tui.literal import literal

MAX_SENSES = 6
MAX_PART_DEFINITIONS = 2
PARTS = "词的组成："
MORE_READINGS = "（另有 {} 个读音）"
NOT_FOUND = "{}：词典里没有这个词"
LOADING = "正在加载词典……"
TITLE = "词典"


def _same(text: str) -> str:
    return text


def entry_lines(entry: Entry, say: Callable[[str], str] = _same) -> list[str]:
    """The panel's text for ``entry``, line by line (kept apart for tests); ``say`` puts
    the panel's own words in the script shown."""
    forms = entry.simplified
    if entry.traditional != entry.simplified:
        forms += f" 〔{entry.traditional}〕"
    lines = [forms, ""]
    for sense in entry.senses[:MAX_SENSES]:
        lines.append(sense.pinyin)
        lines.extend(f"  {i}. {d}" for i, d in enumerate(sense.definitions, 1))
    if len(entry.senses) > MAX_SENSES:
        lines.append("  " + say(MORE_READINGS).format(len(entry.senses) - MAX_SENSES))
    if entry.parts:
        lines += ["", say(PARTS)]
        for part in entry.parts:
            lines.append(f"  {part.simplified} {part.pinyin}: {part.short_definition()}")
    return lines


class DictionaryPanel(Static):
    """A pane with one dictionary entry, or a line saying the word is not listed."""

    def __init__(self, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes)
        self.entry: Entry | None = None
        self.border_title = TITLE

    def show_entry(
        self, entry: Entry | None, word: str = "", say: Callable[[str], str] = _same
    ) -> None:
        """Show ``entry``; None shows that ``word`` is not in CC-CEDICT. ``say`` converts
        the panel's words to the script shown."""
        self.entry = entry
        if entry is None:
            self.update(literal(say(NOT_FOUND).format(word) if word else ""))
            return
        lines = entry_lines(entry, say)
        # The headword stands out; everything else is plain literal text.
        head = Content.assemble(literal(lines[0], newlines=False).stylize("bold"))
        body = literal("\n".join(lines[1:]))
        self.update(Content.assemble(head, "\n", body))

    def show_loading(self, say: Callable[[str], str] = _same) -> None:
        """Said while the dictionary loads in a worker (first run: a few seconds)."""
        self.update(literal(say(LOADING)))
