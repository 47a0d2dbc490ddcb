"""Provides the small screens over the reader: annotate, export, notes list, help, file picker."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Input, Label, ListItem, ListView, Static

from reader.model import LEAD
from reader.notes.notebook import PlacedNote
from reader.output.export import export_path
from reader.terminal_text import one_line
from reader.tui.literal import literal, literal_text
from reader.tui.widgets.paragraph import WrappedText

READABLE_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"}
# Each dialog's own text is written in 简体 and shown through ``say``: the reader's
# ``Reading.label``, so a dialog over a 繁體 reading speaks 繁體 too.
Say = Callable[[str], str]


def _as_written(text: str) -> str:
    return text


class TextPrompt(ModalScreen[str | None]):
    """One line of input with a title; Enter returns it, Escape returns None.

    ``title`` and ``hint`` are shown as given: the caller words them in the script shown.
    """

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
    """Asks where to write the Markdown; a second Enter on an existing file overwrites it.

    The file is proposed beside the article being read (the screen beneath), not in
    the working directory; ``suggested`` is used when there is no article file (stdin).
    The caller writes through ``reader.output.export.write_atomic`` (usual file mode).
    """

    def __init__(self, suggested: Path, say: Say = _as_written) -> None:
        super().__init__(say("导出笔记为 Markdown"), str(suggested), say("Enter 导出，Esc 取消"))
        self.say = say
        self.confirmed_overwrite: str | None = None

    def compose(self) -> ComposeResult:
        below = [s for s in self.app.screen_stack if s is not self]
        article = getattr(below[-1], "path", None) if below else None
        if isinstance(article, str | Path) and Path(article).is_file():
            self.value = str(export_path(article, None))
        return super().compose()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.prevent_default()  # the base class would dismiss at once
        target = Path(event.value).expanduser()
        if target.exists() and self.confirmed_overwrite != event.value:
            self.confirmed_overwrite = event.value
            self.show_problem(target.name + self.say(" 已存在，再按 Enter 覆盖"))
            return
        self.dismiss(event.value)


class NotesScreen(ModalScreen[tuple[str, PlacedNote] | None]):
    """The article's notes in document order: Enter jumps, x twice deletes."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "关闭"),
        Binding("x", "delete", "删除"),
    ]

    def __init__(
        self, notes: list[PlacedNote], headings: list[str | None], say: Say = _as_written
    ) -> None:
        super().__init__()
        self.notes = notes
        self.headings = headings
        self.say = say
        self.armed: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(
                self.say(f"笔记（{len(self.notes)}）  Enter 跳转 · x 删除 · Esc 关闭"),
                classes="dialog-title",
            )
            items = [
                ListItem(WrappedText(self._label(p), classes="note-text"), classes="note-item")
                for p in self.notes
            ]
            yield ListView(*items, id="notes-list")
            if not self.notes:
                yield Label(
                    self.say("还没有笔记：在正文里按 h 划线，按 a 写批注。"), classes="dialog-hint"
                )

    def _label(self, placed: PlacedNote) -> str:
        note = placed.note
        heading = None if placed.lost else self.headings[note.anchor.section] or self.say(LEAD)
        text = placed.line(heading)
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
            self.notify(self.say("再按 x 确认删除这条笔记"), timeout=3)
            return
        self.dismiss(("delete", self.notes[index]))


# Key names as the help shows them, one style: Textual's displays mix pgup, home, esc
# with PgDn and Ctrl+P.
_KEY_NAMES = {
    "pgup": "PgUp",
    "pageup": "PgUp",
    "page_up": "PgUp",
    "pgdn": "PgDn",
    "pagedown": "PgDn",
    "page_down": "PgDn",
    "home": "Home",
    "end": "End",
    "esc": "Esc",
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "space": "Space",
    "backspace": "Backspace",
    "delete": "Del",
}
TAB_ROW = ("Tab / Shift+Tab", "在正文、目录、摘要之间移动焦点（键盘到目录和摘要只有这一条路）")


def key_name(display: str) -> str:
    """One style for a key as shown in the help: PgUp, Home, Esc, Ctrl+P, Shift+Tab."""
    names = []
    for part in display.split("/"):
        part = part.strip()
        if part.startswith("^") and len(part) > 1:
            part = "ctrl+" + part[1:]
        *modifiers, key = part.split("+") if len(part) > 1 else [part]
        key = _KEY_NAMES.get(key.lower(), key.upper() if modifiers and len(key) == 1 else key)
        names.append("+".join([*(m.capitalize() for m in modifiers), key]))
    return "/".join(names)


def help_rows(rows: Iterable[tuple[str, str]], say: Say = _as_written) -> list[tuple[str, str]]:
    """The rows with key names in one style, and Tab listed (placed before Enter);
    what each key does in the script shown."""
    named = [(key_name(key), say(text)) for key, text in rows]
    if not any("Tab" in key.split(" / ")[0].split("/") for key, _ in named):
        at = next((i for i, (key, _) in enumerate(named) if key == "Enter"), len(named))
        named.insert(at, (TAB_ROW[0], say(TAB_ROW[1])))
    return named


def help_text(rows: Sequence[tuple[str, str]]) -> str:
    """Rows as two columns aligned by display width (鼠标 takes four cells, not two)."""
    width = max((cell_len(key) for key, _ in rows), default=0) + 2
    return "\n".join(f"{key}{' ' * (width - cell_len(key))}{text}" for key, text in rows)


class HelpScreen(ModalScreen[None]):
    """Every key of the reader with what it does."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss(None)", "关闭")]

    def __init__(self, rows: Iterable[tuple[str, str]], say: Say = _as_written) -> None:
        super().__init__()
        self.say = say
        self.rows = help_rows(rows, say)

    def compose(self) -> ComposeResult:
        say = self.say
        with VerticalScroll(classes="dialog wide", id="help"):
            yield Label(
                say("按键  （Esc 关闭；Ctrl+P 打开命令面板，可搜索全部操作）"),
                classes="dialog-title",
            )
            yield Static(help_text(self.rows), id="help-keys", markup=False)
            yield Static(say("释义来自 CC-CEDICT（CC BY-SA 4.0）"), id="help-credit", markup=False)


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
    """Choose an article to open: text, Markdown and HTML files only.

    It opens in the folder of the article being read (the screen beneath it), else
    in ``start``; Backspace goes up to the parent folder.
    """

    BINDINGS = [
        Binding("escape", "dismiss(None)", "取消"),
        Binding("backspace", "parent", "上一级"),
    ]

    def __init__(self, start: Path, say: Say = _as_written) -> None:
        super().__init__()
        self.start = start
        self.say = say

    def compose(self) -> ComposeResult:
        self.start = self._reading_folder() or self.start
        with Vertical(classes="dialog wide tall"):
            yield Label(self._title(self.start), id="picker-title", classes="dialog-title")
            yield ReadableTree(self.start, id="picker")

    def _reading_folder(self) -> Path | None:
        """The folder of the article on the screen beneath, if it is a file."""
        below = [s for s in self.app.screen_stack if s is not self]
        path = getattr(below[-1], "path", None) if below else None
        if not isinstance(path, str | Path) or not Path(path).is_file():
            return None
        return Path(path).resolve().parent

    def _title(self, folder: Path) -> Content:
        say = self.say
        return literal(
            f"{say('打开文章：')}{folder}{say('  （Enter 打开，Backspace 上一级，Esc 取消）')}",
            False,
        )

    def on_mount(self) -> None:
        self.query_one(ReadableTree).focus()

    def action_parent(self) -> None:
        tree = self.query_one(ReadableTree)
        folder = Path(tree.path).resolve()
        if folder.parent != folder:
            tree.path = folder.parent
            self.query_one("#picker-title", Label).update(self._title(folder.parent))

    @on(DirectoryTree.FileSelected)
    def chosen(self, event: DirectoryTree.FileSelected) -> None:
        self.dismiss(event.path)
