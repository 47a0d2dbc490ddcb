"""Provides a vocabulary list as a tab-separated file that Anki imports.

Anki 2.1.55+ reads ``#separator:tab``, ``#html:false`` and ``#columns:`` header
lines, so the file imports without choosing options. A field never holds a
tab or a line break (they would start a new field or note): both become spaces.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reader.learn.vocab import VocabItem
from reader.output.export import write_atomic

COLUMNS = ("Word", "Traditional", "Pinyin", "Definition", "Sentence", "Level")


def _field(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def anki_text(items: Iterable[VocabItem], tags: str = "zhreader") -> str:
    """The whole file: header lines, then one note per line."""
    lines = [
        "#separator:tab",
        "#html:false",
        "#columns:" + "\t".join((*COLUMNS, "Tags")),
        f"#tags column:{len(COLUMNS) + 1}",
    ]
    for item in items:
        fields = (
            item.simplified,
            item.traditional,
            item.pinyin,
            item.definition,
            item.sentence,
            item.level_label,
            tags,
        )
        lines.append("\t".join(_field(f) for f in fields))
    return "\n".join(lines) + "\n"


def write_anki(path: Path | str, items: Iterable[VocabItem], force: bool = False) -> None:
    """Write the file atomically; an existing file is kept unless ``force``
    (ArticleError otherwise, as every export)."""
    write_atomic(path, anki_text(items), force=force)
