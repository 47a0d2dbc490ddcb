"""Provides the Markdown export of an article's summary and notes, written atomically.

The document is CommonMark: a title, a metadata list, keywords, key
sentences, then the highlights under their section headings in document
order, each as a block quote with its annotation beneath. Text from the
article is escaped so that a line starting with "1." or "#" stays text.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reader.convert import Variant, converter
from reader.errors import ArticleError
from reader.model import LEAD, NO_TITLE, Document
from reader.nlp.analysis import Analysis
from reader.notes.kinds import NoteKind
from reader.notes.notebook import PlacedNote
from reader.terminal_text import one_line, references

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")


def escape(text: str) -> str:
    """Markdown-escape article text so that it renders as the same characters.

    Inline syntax (* _ ` [ ] < > # | ~ and backslash) is escaped everywhere; at
    the start of a line, anything that could open a block (- + = > 1. 1) and
    indentation) is neutralised too. Control, bidi and zero-width characters
    become numeric references (``&#x1B;``): the rendered text is unchanged and
    ``cat`` of the file (or the export on stdout) sends no escape sequence.
    """
    text = references(_SPECIAL.sub(r"\\\1", text.replace("\r", "")))
    return "\n".join(_escape_line_start(line) for line in text.split("\n"))


def _escape_line_start(line: str) -> str:
    line = line.lstrip(" \t")  # four spaces would make a code block
    if line[:1] in ("-", "+", "=", ">"):
        return "\\" + line
    return _ORDERED.sub(lambda m: m[1] + "\\" + m[2], line)


def export_path(article: str | Path | None, title: str | None, cwd: Path | None = None) -> Path:
    """Where an export is proposed: beside the article as NAME.notes.md; for piped
    text (no file), in the working directory, named after the title."""
    if article is not None and str(article) not in ("-", "<stdin>"):
        source = Path(article).expanduser().resolve()
        return source.parent / f"{source.stem}.notes.md"
    stem = one_line((title or "article")[:30]).replace("/", "_").strip() or "article"
    return (cwd or Path.cwd()) / f"{stem}.notes.md"


def export_markdown(
    document: Document,
    analysis: Analysis,
    notes: list[PlacedNote],
    variant: Variant = Variant.ORIGINAL,
    file_label: str | None = None,
) -> str:
    """The whole export as a Markdown string."""
    out = converter(variant, document.traditional)

    def t(text: str) -> str:
        return escape(out(text))

    lines = [f"# {t(document.title or NO_TITLE)}", ""]
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
        f"- {label}：{escape(out(value)) if label != '链接' else f'<{references(value)}>'}"
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
                lines += [f"### {t(heading) if heading else LEAD}", ""]
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
    if note.kind is NoteKind.BOOKMARK:
        lines[0] = "> 🔖 " + lines[0][2:]
    lines.append("")
    if note.annotation.strip():
        lines += [convert_text(note.annotation.strip()), ""]
    return lines


_STALE_TEMPORARY = 3600  # seconds after which a leftover temporary file of ours is removed


def write_atomic(path: Path | str, text: str, force: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    A crash leaves either the old file or the new one, never half of it. The
    target is a regular file or nothing: a directory (or a name ending in /), a
    device, a pipe or a dangling symbolic link is refused, with or without
    ``force``. A symbolic link to a regular file is followed deliberately: the
    file it points to is replaced (``force``) and the link stays a link. Without
    ``force`` the file is created with a hard link, which fails if anything
    appeared at the name meanwhile, so nothing is ever clobbered. A new file gets
    the usual mode (0666 less the umask); an overwritten one keeps its mode.
    """
    raw = str(path)
    if raw.endswith(os.sep):
        raise ArticleError(raw, "is a directory name; give the name of a file to write")
    target = Path(raw)
    existing = _existing_target(target)
    if existing is not None and not force:
        raise ArticleError(raw, "already exists; use --force to overwrite it")
    if existing is not None:
        target = existing
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise ArticleError(raw, "its directory does not exist")
    _remove_stale_temporaries(directory, target.name)
    try:
        mode = stat.S_IMODE(existing.stat().st_mode) if existing is not None else 0o666 & ~_umask()
        replace = existing is not None
        if not _write_unnamed(directory, target, text, mode, replace):
            _write_named(directory, target, text, mode, replace)
    except FileExistsError:
        raise ArticleError(raw, "already exists; use --force to overwrite it") from None
    except OSError as exc:
        raise ArticleError(raw, f"cannot write ({exc.strerror or exc})") from exc


def _existing_target(target: Path) -> Path | None:
    """The regular file to replace at ``target`` (through a link), None if there is nothing."""
    try:
        info = target.lstat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ArticleError(str(target), f"cannot write ({exc.strerror or exc})") from exc
    if stat.S_ISLNK(info.st_mode):
        try:
            resolved = target.resolve(strict=True)
        except (OSError, RuntimeError):
            raise ArticleError(
                str(target), "is a symbolic link to nothing; remove it or give another name"
            ) from None
        info = resolved.stat()
        target = resolved
    if stat.S_ISDIR(info.st_mode):
        raise ArticleError(str(target), "is a directory; give the name of a file to write")
    if not stat.S_ISREG(info.st_mode):
        raise ArticleError(str(target), "is not a regular file (a device, pipe or socket)")
    return target


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fill(handle: int, text: str, mode: int) -> None:
    """Write, set the mode, and make it durable before the file gets its name."""
    with os.fdopen(handle, "w", encoding="utf-8", newline="\n", closefd=False) as stream:
        stream.write(text)
        stream.flush()
        os.fchmod(handle, mode)
        os.fsync(handle)


def _write_unnamed(directory: Path, target: Path, text: str, mode: int, replace: bool) -> bool:
    """Write a file that has no name until it is complete (Linux ``O_TMPFILE``), so a
    process killed while writing leaves nothing behind; False where unsupported.

    A new file is linked straight to its name (failing if the name was taken
    meanwhile); a replacement is linked to a temporary name and renamed over the
    old file, a window of two system calls."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not Path("/proc/self/fd").is_dir():
        return False
    try:
        handle = os.open(directory, flag | os.O_WRONLY, 0o600)
    except OSError:
        return False
    folder = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        _fill(handle, text, mode)
        source = f"/proc/self/fd/{handle}"

        def link(name: str) -> None:
            # A directory descriptor makes Python call linkat(), which can follow
            # the /proc link to the unnamed file (plain link() cannot).
            os.link(source, name, dst_dir_fd=folder, follow_symlinks=True)

        if not replace:
            link(target.name)
            return True
        temporary = f".{target.name}.{os.urandom(4).hex()}.tmp"
        link(temporary)
        try:
            os.replace(temporary, target.name, src_dir_fd=folder, dst_dir_fd=folder)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary, dir_fd=folder)
    finally:
        os.close(handle)
        os.close(folder)
    return True


def _write_named(directory: Path, target: Path, text: str, mode: int, replace: bool) -> None:
    """A named temporary beside the target, then a rename (replace) or a link (no clobber)."""
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        try:
            _fill(handle, text, mode)
        finally:
            os.close(handle)
        if replace:
            os.replace(temporary, target)
        else:
            os.link(temporary, target)
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)


def _remove_stale_temporaries(directory: Path, name: str) -> None:
    """Temporary files an earlier, killed export left (where ``O_TMPFILE`` is missing)."""
    now = time.time()
    for leftover in directory.glob(f".{glob.escape(name)}.*.tmp"):
        try:
            if now - leftover.lstat().st_mtime > _STALE_TEMPORARY:
                leftover.unlink()
        except OSError:
            continue
