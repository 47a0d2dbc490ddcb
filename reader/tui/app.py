"""Provides the Textual application: a library of articles and a reading screen for each.

The app owns the notes store and the theme; screens own what they show.
Every key of the current screen is also a command in the palette (Ctrl+P).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from reader.errors import ArticleError
from reader.ingest.loading import load_path
from reader.model import Document
from reader.notes.store import NoteStore
from reader.resources import styles_dir
from reader.terminal_text import visible
from reader.tui.dialogs import FilePicker
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.reader_screen import ReaderScreen

DARK, LIGHT = "textual-dark", "textual-light"


class ReaderApp(App[None]):
    """zhreader: opens on an article, or on the library when there is none."""

    CSS_PATH = [str(styles_dir() / "app.tcss")]
    TITLE = "zhreader"
    BINDINGS = [Binding("ctrl+c", "quit", "退出", show=False)]

    def __init__(
        self,
        document: Document | None = None,
        path: str | None = None,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.document = document
        self.path = path
        self.data_dir = data_dir
        self.store: NoteStore | None = None
        self.store_problem: str | None = None

    def on_mount(self) -> None:
        try:
            self.store = NoteStore.open(self.data_dir)
        except ArticleError as exc:  # reading still works; notes say why they are off
            self.store_problem = str(exc)
            self.notify(f"笔记不可用：{exc}", severity="error", timeout=10)
        self.theme = self.setting("theme", DARK)
        if self.document is None:
            self.push_screen(LibraryScreen())
        else:
            self.push_screen(ReaderScreen(self.document, self.path))

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is literal text: most carry a file name, a search or an
        error about the article, and none needs markup. ``markup`` is accepted (widgets
        pass it) and ignored."""
        super().notify(
            visible(message),
            title=visible(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def open_path(self, path: Path, from_library: bool = False) -> None:
        """Open a file in a new reading screen; a bad file is a message, not a crash."""
        try:
            document = load_path(path)
        except ArticleError as exc:
            self.notify(str(exc), severity="error", timeout=8)
            return
        screen = ReaderScreen(document, str(path.resolve()), from_library)
        if isinstance(self.screen, ReaderScreen) and not self.screen.from_library:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def action_open_file(self) -> None:
        start = Path(self.path).resolve().parent if self.path else Path.cwd()

        def chosen(path: Path | None) -> None:
            if path is not None:
                below = self.screen
                self.open_path(
                    path,
                    from_library=isinstance(below, LibraryScreen)
                    or getattr(below, "from_library", False),
                )

        self.push_screen(FilePicker(start), chosen)

    def action_toggle_dark(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK
        self.save_setting("theme", self.theme)

    def setting(self, key: str, default: str) -> str:
        """A remembered reader preference (the default when there is no store)."""
        return default if self.store is None else self.store.setting(key, default)

    def save_setting(self, key: str, value: str) -> None:
        self.save(lambda store: store.set_setting(key, value), "设置未能保存")

    def no_store(self, failure: str) -> None:
        self.notify(f"{failure}：{self.store_problem or '笔记库未打开'}", severity="error")

    def save(self, write: Callable[[NoteStore], object], failure: str) -> bool:
        """Run one write on the store; say why if it fails, and never end the reading."""
        if self.store is None:
            self.no_store(failure)
            return False
        try:
            write(self.store)
        except ArticleError as exc:
            self.notify(f"{failure}：{exc.problem}", severity="error")
            return False
        return True

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers every key of the current screen, with its help text."""
        yield from super().get_system_commands(screen)
        for binding in getattr(screen, "BINDINGS", []):
            if not isinstance(binding, Binding) or binding.action in ("app.quit", "back"):
                continue
            title = f"{binding.description}（{self.get_key_display(binding)}）"
            yield SystemCommand(
                title,
                binding.tooltip or binding.description,
                partial(screen.run_action, binding.action),
            )
