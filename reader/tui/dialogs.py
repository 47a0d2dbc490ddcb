"""Provides the small screens over the reader: annotate, export, notes list, help, file picker."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Input, Label, ListItem, ListView, Static

from reader.notes.notebook import PlacedNote
from reader.terminal_text import one_line
from reader.tui.literal import literal, literal_text
from reader.tui.widgets.paragraph import WrappedText

READABLE_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"}


class TextPrompt(ModalScreen[str | None]):
    """One line of input with a title; Enter returns it, Escape returns None."""

    BINDINGS = [Binding("escape", "dismiss(None)", "取消")]

    def __init__(self, title: str, value: str = "", hint: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        self.title_text = title
        self.value = value
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(literal(self.title_text, False), classes="dialog-title")
            yield Input(self.value, id="prompt-input")
            yield Label(literal(self.hint, False), id="prompt-hint", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def show_problem(self, text: str) -> None:
        """Keep the dialog open and say what is wrong (the input is kept)."""
        hint = self.query_one("#prompt-hint", Label)
        hint.update(literal(text, False))
        hint.add_class("-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)


class ExportPrompt(TextPrompt):
    """Asks where to write the Markdown; a second Enter on an existing file overwrites it."""

    def __init__(self, suggested: Path) -> None:
        super().__init__("导出笔记为 Markdown", str(suggested), "Enter 导出，Esc 取消")
        self.confirmed_overwrite: str | None = None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.prevent_default()  # the base class would dismiss at once
        target = Path(event.value).expanduser()
        if target.exists() and self.confirmed_overwrite != event.value:
            self.confirmed_overwrite = event.value
            self.show_problem(f"{target.name} 已存在，再按 Enter 覆盖")
            return
        self.dismiss(event.value)


class NotesScreen(ModalScreen[tuple[str, PlacedNote] | None]):
    """The article's notes in document order: Enter jumps, x twice deletes."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "关闭"),
        Binding("x", "delete", "删除"),
    ]

    def __init__(self, notes: list[PlacedNote], headings: list[str | None]) -> None:
        super().__init__()
        self.notes = notes
        self.headings = headings
        self.armed: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(
                f"笔记（{len(self.notes)}）  Enter 跳转 · x 删除 · Esc 关闭", classes="dialog-title"
            )
            items = [
                ListItem(WrappedText(self._label(p), classes="note-text"), classes="note-item")
                for p in self.notes
            ]
            yield ListView(*items, id="notes-list")
            if not self.notes:
                yield Label("还没有笔记：在正文里按 h 划线，按 a 写批注。", classes="dialog-hint")

    def _label(self, placed: PlacedNote) -> str:
        note = placed.note
        text = placed.line(None if placed.lost else self.headings[note.anchor.section])
        if note.annotation:
            text += f"\n✎ {one_line(note.annotation)}"
        return text

    @on(ListView.Selected, "#notes-list")
    def jump(self, event: ListView.Selected) -> None:
        index = self.query_one("#notes-list", ListView).index
        if index is not None and not self.notes[index].lost:
            self.dismiss(("jump", self.notes[index]))

    def action_delete(self) -> None:
        index = self.query_one("#notes-list", ListView).index
        if index is None or not self.notes:
            return
        if self.armed != index:
            self.armed = index
            self.notify("再按 x 确认删除这条笔记", timeout=3)
            return
        self.dismiss(("delete", self.notes[index]))


class HelpScreen(ModalScreen[None]):
    """Every key of the reader with what it does."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss(None)", "关闭")]

    def __init__(self, rows: Iterable[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = list(rows)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide", id="help"):
            yield Label(
                "按键  （Esc 关闭；Ctrl+P 打开命令面板，可搜索全部操作）", classes="dialog-title"
            )
            width = max(len(key) for key, _ in self.rows) + 2
            yield Static("\n".join(f"{key.ljust(width)}{text}" for key, text in self.rows))


class ReadableTree(DirectoryTree):
    """A directory tree that shows only folders and files zhreader can open."""

    def process_label(self, label: str | Text) -> Text:
        """A file name is literal text: ``[b].txt`` is not markup, ESC is not sent."""
        return super().process_label(literal_text(label) if isinstance(label, str) else label)

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        for path in paths:
            if path.name.startswith("."):
                continue
            if path.is_dir() or _readable(path):
                yield path


def _readable(path: Path) -> bool:
    if not os.access(path, os.R_OK):
        return False
    return path.suffix.lower() in READABLE_SUFFIXES or path.suffix == ""


class FilePicker(ModalScreen[Path | None]):
    """Choose an article to open: text, Markdown and HTML files only."""

    BINDINGS = [Binding("escape", "dismiss(None)", "取消")]

    def __init__(self, start: Path) -> None:
        super().__init__()
        self.start = start

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide tall"):
            yield Label(
                literal(f"打开文章：{self.start}  （Enter 打开，Esc 取消）", False),
                classes="dialog-title",
            )
            yield ReadableTree(self.start, id="picker")

    def on_mount(self) -> None:
        self.query_one(ReadableTree).focus()

    @on(DirectoryTree.FileSelected)
    def chosen(self, event: DirectoryTree.FileSelected) -> None:
        self.dismiss(event.path)
