"""Provides the neutralising of control characters in article text before it reaches a terminal.

An article, a note or a file name can carry bytes a terminal obeys: ESC and
the C1 controls start escape sequences (OSC 52 writes the clipboard, OSC 0
the window title, CSI 2J clears the screen), bidi overrides reorder what is
shown, zero-width characters hide text. The text itself is kept as it is in
the document, the notes store and the export's meaning; it is neutralised
here, at the edge, where it is shown. Every replacement is one character for
one character, so offsets into the text (sentence spans, marks, search
matches) stay valid for what is displayed.
"""

from __future__ import annotations

import json
import re
from typing import Any

# Bidi embeddings, overrides and isolates, and the implicit marks (LRM, RLM, ALM).
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Zero-width and invisible formatting characters: text a reader cannot see.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"
REPLACEMENT = "\ufffd"

# C0 except tab and newline, DEL, C1, bidi, zero-width, lone surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f\x80-\x9f" + BIDI + ZERO_WIDTH + "\ud800-\udfff]")
_UNSAFE_KEEP_NEWLINE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f\x80-\x9f" + BIDI + ZERO_WIDTH + "\ud800-\udfff]"
)
# What a JSON string may carry raw but a terminal or a JavaScript parser would act on.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029" + BIDI + ZERO_WIDTH + "\ud800-\udfff]")


def _picture(match: re.Match[str]) -> str:
    """A visible stand-in: the control picture of a C0 character (ESC is ␛), else �."""
    char = match[0]
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return REPLACEMENT


def visible(text: str, newlines: bool = True) -> str:
    """``text`` with every control, bidi and zero-width character made a visible character.

    Tabs are kept; newlines too unless ``newlines`` is False (a one-line field:
    a title, a file name in an error message), where they become ␊.
    """
    pattern = _UNSAFE_KEEP_NEWLINE if newlines else _UNSAFE
    return pattern.sub(_picture, text)


def one_line(text: str) -> str:
    """``visible`` for a field that must stay on one line."""
    return visible(text, newlines=False)


def references(text: str) -> str:
    """``text`` with the same characters as ``visible`` replaces (newlines and tabs kept)
    written as HTML numeric references (``&#x1B;``): a Markdown or HTML reader shows
    the very same text, a terminal showing the file sees no control character."""
    return _UNSAFE_KEEP_NEWLINE.sub(lambda m: f"&#x{ord(m[0]):X};", text)


def has_unsafe(text: str) -> bool:
    """Whether ``text`` holds anything ``visible`` would replace (newlines and tabs aside)."""
    return _UNSAFE_KEEP_NEWLINE.search(text) is not None


def json_dumps(value: Any, indent: int | None = None) -> str:
    """JSON as readable as ``ensure_ascii=False`` but with nothing a terminal acts on.

    ``json`` already escapes C0; this also escapes DEL, C1, bidi and zero-width
    characters, U+2028/U+2029 and lone surrogates as ``\\uXXXX``. Those can only
    occur inside string literals, so the escape is always valid JSON and a
    parser reads back exactly the original text.
    """
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)
