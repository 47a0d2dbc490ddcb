"""Provides the dictionary panel: the entry of the word at the reading cursor.

Shows the word in both scripts, its readings, its definitions and, for a
compound, the entries of its parts. Every piece of text is literal (never
markup): definitions carry brackets such as ``CL:個|个[ge4]``.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from reader.learn.dictionary import Entry
from reader.tui.literal import literal

MAX_SENSES = 6
MAX_PART_DEFINITIONS = 2


def entry_lines(entry: Entry) -> list[str]:
    """The panel's text for ``entry``, line by line (kept apart for tests)."""
    forms = entry.simplified
    if entry.traditional != entry.simplified:
        forms += f" 〔{entry.traditional}〕"
    lines = [forms, ""]
    for sense in entry.senses[:MAX_SENSES]:
        lines.append(sense.pinyin)
        lines.extend(f"  {i}. {d}" for i, d in enumerate(sense.definitions, 1))
    if len(entry.senses) > MAX_SENSES:
        lines.append(f"  (+{len(entry.senses) - MAX_SENSES} more readings)")
    if entry.parts:
        lines += ["", "Parts:"]
        for part in entry.parts:
            lines.append(f"  {part.simplified} {part.pinyin}: {part.short_definition()}")
    return lines


class DictionaryPanel(Static):
    """A pane with one dictionary entry, or a line saying the word is not listed."""

    def __init__(self, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes)
        self.entry: Entry | None = None
        self.border_title = "Dictionary"

    def show_entry(self, entry: Entry | None, word: str = "") -> None:
        """Show ``entry``; None shows that ``word`` is not in CC-CEDICT."""
        self.entry = entry
        if entry is None:
            self.update(literal(f"{word}: not in the dictionary" if word else ""))
            return
        lines = entry_lines(entry)
        # The headword stands out; everything else is plain literal text.
        head = Content.assemble(literal(lines[0], newlines=False).stylize("bold"))
        body = literal("\n".join(lines[1:]))
        self.update(Content.assemble(head, "\n", body))

    def show_loading(self) -> None:
        """Said while the dictionary loads in a worker (first run: a few seconds)."""
        self.update(literal("loading the dictionary…"))
