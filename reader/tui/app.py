"""Provides the Textual application: a library of articles and a reading screen for each.

The app opens the notes store and the settings and hands them to the screens;
screens own what they show. Every key of the current screen is also a
command in the palette (Ctrl+P).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from reader.errors import ArticleError
from reader.ingest.sources import is_url, load_source
from reader.model import Document
from reader.notes.store import NoteStore
from reader.reading import in_chinese
from reader.resources import styles_dir
from reader.settings import DARK, LIGHT, Settings
from reader.terminal_text import visible
from reader.tui.dialogs import FilePicker
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.reader_screen import ReaderScreen
from reader.tui.threads import note_input


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
        self.path = path  # the article read last: the file picker opens in its folder
        self.data_dir = data_dir
        self.store: NoteStore | None = None
        self.store_problem: str | None = None
        self.settings = Settings()

    def on_mount(self) -> None:
        try:
            self.store = NoteStore.open(self.data_dir)
        except ArticleError as exc:  # reading still works; notes say why they are off
            self.store_problem = in_chinese(exc)
            self.notify(f"笔记不可用：{self.store_problem}", severity="error", timeout=10)
        self.settings = Settings.load(self.store)
        self.theme = self.settings.theme
        if self.document is None:
            self.push_screen(LibraryScreen(self.store))
        else:
            self.push_screen(self._reader(self.document, self.path))

    def _reader(
        self, document: Document, path: str | None, from_library: bool = False
    ) -> ReaderScreen:
        """A reading screen with what it needs handed in: the store and the settings."""
        return ReaderScreen(
            document, path, self.store, self.settings, self.store_problem, from_library
        )

    async def on_event(self, event: events.Event) -> None:
        # Keys, clicks and the wheel come first: background work waits (threads.py).
        if isinstance(event, events.InputEvent) and not isinstance(event, events.MouseMove):
            note_input(self)
        await super().on_event(event)

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
            document = load_source(str(path))  # an article file or an EPUB book
        except ArticleError as exc:
            self.notify(in_chinese(exc), severity="error", timeout=8)
            return
        self.open_document(document, str(path.resolve()), from_library)

    def open_document(
        self, document: Document, path: str, from_library: bool = False, replace: bool = False
    ) -> None:
        """Read an article already loaded (the library parsed it to list it); ``replace``
        puts it in place of the reading screen on top (a reload)."""
        self.path = path
        screen = self._reader(document, self.path, from_library)
        if isinstance(self.screen, ReaderScreen) and (replace or not self.screen.from_library):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def action_reload(self) -> None:
        """Read the article on screen again: a web page is fetched anew (its kept copy if
        the network fails), a file or a book is read from disk. Notes follow the text as
        after any edit: those whose words are gone are listed, never dropped."""
        screen = self.screen
        if not isinstance(screen, ReaderScreen) or screen.path is None:
            self.notify("这篇文章来自管道，没有可以重新读取的来源", severity="warning")
            return
        self.notify("正在重新读取…", timeout=3)
        self._reload(screen.path, screen.from_library)

    @work(thread=True, exclusive=True, group="reload")
    def _reload(self, source: str, from_library: bool) -> None:
        folder = self.store.path.parent if self.store is not None else self.data_dir
        heard: list[str] = []
        try:
            document = load_source(source, data_dir=folder, refresh=True, notify=heard.append)
        except ArticleError as exc:
            self.call_from_thread(self.notify, in_chinese(exc), severity="error", timeout=8)
            return

        def show() -> None:
            for notice in heard:  # the network failed and the kept copy stands in
                self.notify(notice, severity="warning", timeout=8)
            self.open_document(document, source, from_library, replace=True)

        self.call_from_thread(show)

    def action_open_file(self) -> None:
        """The file picker, in the folder of the article on screen (or read last)."""
        here = self.screen.path if isinstance(self.screen, ReaderScreen) else self.path
        start = Path(here).resolve().parent if here and not is_url(here) else Path.cwd()

        def chosen(path: Path | None) -> None:
            if path is not None:
                below = self.screen
                self.open_path(
                    path,
                    from_library=isinstance(below, LibraryScreen)
                    or (isinstance(below, ReaderScreen) and below.from_library),
                )

        reading = self.screen.model if isinstance(self.screen, ReaderScreen) else None
        self.push_screen(FilePicker(start, reading.label) if reading else FilePicker(start), chosen)

    def action_toggle_dark(self) -> None:
        self.theme = self.settings.theme = LIGHT if self.theme == DARK else DARK
        if self.store is not None:
            try:
                self.settings.save(self.store)
            except ArticleError as exc:
                self.notify(f"设置未能保存：{exc.problem}", severity="error")

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers every key of the current screen, with its help text
        (in the script shown, as the footer)."""
        yield from super().get_system_commands(screen)
        say = screen.model.label if isinstance(screen, ReaderScreen) else str
        for binding in getattr(screen, "BINDINGS", []):
            if not isinstance(binding, Binding) or binding.action in ("app.quit", "back"):
                continue
            title = f"{say(binding.description)}（{self.get_key_display(binding)}）"
            yield SystemCommand(
                title,
                say(binding.tooltip or binding.description),
                partial(screen.run_action, binding.action),
            )
