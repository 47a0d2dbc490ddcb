"""Provides regular expressions compiled when first used.

Each pattern with a range of Chinese characters costs sre about a millisecond to
compile; compiled at import, the patterns that only some lines need (an
official document's tail, a post's buttons, glued headings) would cost every
cold start of ``zhreader summary`` tens of milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


class LazyPattern:
    """``re.compile(source, flags)``, done at the first match, search or sub."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def match(self, string: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.match(string, pos)

    def fullmatch(self, string: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(string)

    def search(self, string: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.search(string, pos)

    def finditer(self, string: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string)

    def split(self, string: str) -> list[str]:
        return self.compiled.split(string)

    def sub(self, replacement: str, string: str) -> str:
        return self.compiled.sub(replacement, string)
