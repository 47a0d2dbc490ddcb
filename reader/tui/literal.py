"""Provides article text as literal Textual content: never markup, never a control sequence.

A string given to a Textual widget is read as markup: ``[/]`` in a heading
raises MarkupError, ``[@click=app.quit]`` becomes a live action, ``[bold]``
styles. Article text, notes and file names go through these helpers instead,
which also make control, bidi and zero-width characters visible
(``reader.terminal_text``) so none of them reaches the terminal.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from reader.terminal_text import one_line, visible


def literal(text: str, newlines: bool = True) -> Content:
    """Content showing exactly ``text`` (made visible), for Static, Label and the like."""
    return Content(visible(text) if newlines else one_line(text))


def literal_text(text: str) -> Text:
    """A one-line Rich Text of ``text``, for tree labels and table cells."""
    return Text(one_line(text), end="")
