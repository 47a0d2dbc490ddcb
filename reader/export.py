"""Provides the Markdown export of an article's summary and notes, written atomically.

The document is CommonMark: a title, a metadata list, keywords, key
sentences, then the highlights under their section headings in document
order, each as a block quote with its annotation beneath. Text from the
article is escaped so that a line starting with "1." or "#" stays text.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from reader.analysis import Analysis, document_is_traditional
from reader.convert import Variant, converter
from reader.errors import ArticleError
from reader.model import Document
from reader.notebook import PlacedNote

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")


def escape(text: str) -> str:
    """Markdown-escape article text so that it renders as the same characters.

    Inline syntax (* _ ` [ ] < > # | ~ and backslash) is escaped everywhere; at
    the start of a line, anything that could open a block (- + = > 1. 1) and
    indentation) is neutralised too.
    """
    text = _SPECIAL.sub(r"\\\1", text.replace("\r", ""))
    return "\n".join(_escape_line_start(line) for line in text.split("\n"))


def _escape_line_start(line: str) -> str:
    line = line.lstrip(" \t")  # four spaces would make a code block
    if line[:1] in ("-", "+", "=", ">"):
        return "\\" + line
    return _ORDERED.sub(lambda m: m[1] + "\\" + m[2], line)


def export_markdown(
    document: Document,
    analysis: Analysis,
    notes: list[PlacedNote],
    variant: Variant = Variant.ORIGINAL,
    file_label: str | None = None,
) -> str:
    """The whole export as a Markdown string."""
    out = converter(variant, document_is_traditional(document))

    def t(text: str) -> str:
        return escape(out(text))

    lines = [f"# {t(document.title or '(无标题)')}", ""]
    if document.subtitle:
        lines += [t(document.subtitle), ""]
    meta = [
        ("来源", document.meta.source),
        ("日期", document.meta.date),
        ("作者", document.meta.author),
        ("链接", document.meta.url),
        ("文件", file_label),
    ]
    meta_lines = [
        f"- {label}：{escape(out(value)) if label != '链接' else f'<{value}>'}"
        for label, value in meta
        if value
    ]
    if meta_lines:
        lines += [*meta_lines, ""]
    if analysis.keywords:
        lines += ["## 关键词", "", "、".join(t(k.word) for k in analysis.keywords), ""]
    if analysis.sentences:
        lines += ["## 关键句", ""]
        lines += [f"{i}. {t(s.text)}" for i, s in enumerate(analysis.sentences, 1)]
        lines.append("")
    placed = [p for p in notes if not p.lost]
    lost = [p for p in notes if p.lost]
    if placed:
        lines += ["## 笔记", ""]
        current: int | None = None
        for p in placed:
            section = p.note.anchor.section
            if section != current:
                current = section
                heading = document.sections[section].heading
                lines += [f"### {t(heading) if heading else '导语'}", ""]
            lines += _note_lines(p, t)
    if lost:
        lines += ["## 找不到原文的笔记", "", "文章已改动，以下摘录在当前文本中找不到：", ""]
        for p in lost:
            lines += _note_lines(p, t)
    return "\n".join(lines).rstrip("\n") + "\n"


def _note_lines(placed: PlacedNote, convert_text: Callable[[str], str]) -> list[str]:
    note = placed.note
    quote = convert_text(note.anchor.quote)
    lines = ["> " + line if line else ">" for line in quote.split("\n")]
    if note.kind == "bookmark":
        lines[0] = "> 🔖 " + lines[0][2:]
    lines.append("")
    if note.annotation.strip():
        lines += [convert_text(note.annotation.strip()), ""]
    return lines


def write_atomic(path: Path, text: str, force: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    A crash leaves either the old file or the new one, never half of it.
    """
    if path.exists() and not force:
        raise ArticleError(str(path), "already exists; use --force to overwrite it")
    if path.is_dir():
        raise ArticleError(str(path), "is a directory")
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ArticleError(str(path), "its directory does not exist")
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
        raise ArticleError(str(path), f"cannot write ({exc.strerror or exc})") from exc
