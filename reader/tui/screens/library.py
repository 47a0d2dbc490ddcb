"""Provides the library screen: recently read articles and the bundled samples.

Beside each article, how many of its words are above the reader's HSK level.
Counting needs the segmenter (a second or more per long article), so the list
shows at once and a worker fills the column row by row; counts are kept per
version of a file (path, mtime, size) and level, so coming back does not count
again.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import Worker, get_current_worker

from reader.errors import ArticleError
from reader.ingest.sources import is_url, load_source
from reader.learn.levels import DEFAULT_LEVEL, chosen_level
from reader.model import NO_TITLE, Document
from reader.notes.store import NoteStore
from reader.resources import sample_articles
from reader.tui.literal import literal_text

RECENT = 20  # recent articles listed (each is parsed to show its title and size)
TITLE_OFFSET = 46  # cells taken by the other columns, the cell padding and the scrollbar
UNKNOWN = "unknown"  # the key of the column of words above the reader's level
COUNTING = "…"  # shown in that column until the worker has counted the article

Stamp = tuple[str, int, int] | tuple[str, str]  # a file's (path, mtime, size), a page's (URL, text)
_counts: dict[tuple[Stamp, int], int] = {}  # words above a level, per article version and level
_counts_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the library."""

    path: Path
    title: str
    script: str
    chars: int
    sections: int
    origin: str  # 最近, 网页 or 示例
    notes: int = 0
    document: Document | None = None  # parsed for the row; opening reuses it
    address: str | None = None  # a web page's URL; ``path`` is then unused
    stamp: Stamp = ("", "")  # this version of the article: what its counts are kept under


def library_entries(store: NoteStore | None) -> list[Entry]:
    """Web pages read before (from their kept copies), recently opened files that can
    still be read, then the samples; each article once.

    An article is the same whatever path it was read from (a sample in the source
    tree and in the installed package, a copy): it is listed once, recent first.
    """
    entries: list[Entry] = []
    seen: set[Path] = set()
    seen_texts: set[str] = set()
    recent = store.articles() if store is not None else []
    for record in recent:
        if store is not None and record.path and is_url(record.path):
            page = _web_entry(record.path, record.note_count, store.path.parent)
            if page is not None:
                entries.append(page)
    recent = [r for r in recent if r.path and not is_url(r.path)]
    candidates = [(Path(r.path), "最近", r.note_count) for r in recent if r.path][:RECENT]
    candidates += [(p, "示例", 0) for p in sample_articles()]
    for path, origin, notes in candidates:
        resolved = path.resolve()
        if resolved in seen or not path.is_file():
            continue
        stat = resolved.stat()
        described = _describe(resolved, stat.st_mtime_ns)
        if described is None:
            continue
        seen.add(resolved)
        document, identity = described
        if identity in seen_texts:
            continue
        seen_texts.add(identity)
        named = sum(1 for s in document.sections if s.heading)
        script = "繁體" if document.traditional else "简体"
        title = document.title or path.name
        stamp = (str(resolved), stat.st_mtime_ns, stat.st_size)
        entries.append(
            Entry(
                path, title, script, document.char_count, named, origin, notes, document,
                stamp=stamp,
            )
        )  # fmt: skip
    return entries


def _web_entry(url: str, notes: int, data_dir: Path) -> Entry | None:
    """A page read before, from its kept copy (never the network): title and address."""
    try:
        document = load_source(url, data_dir=data_dir, offline=True)
    except ArticleError:
        return None
    named = sum(1 for s in document.sections if s.heading)
    script = "繁體" if document.traditional else "简体"
    title = f"{document.title or NO_TITLE}  {url}"
    return Entry(
        Path(), title, script, document.char_count, named, "网页", notes, document, url,
        stamp=(url, document.identity()),
    )  # fmt: skip


@lru_cache(maxsize=256)
def _describe(path: Path, mtime_ns: int) -> tuple[Document, str] | None:
    """A file's document and its identity; parsed once per version of the file."""
    try:
        document = load_source(str(path))  # an article file or an EPUB book
    except ArticleError:
        return None
    return document, document.identity()


class LibraryScreen(Screen[None]):
    """Pick an article: Enter opens it, o opens any file, q quits."""

    BINDINGS = [
        Binding("q", "app.quit", "退出"),
        Binding("o", "app.open_file", "打开文件"),
        Binding("d", "app.toggle_dark", "明/暗", show=False),
    ]

    def __init__(self, store: NoteStore | None = None) -> None:
        super().__init__()
        self.store = store  # recent articles and the reader's HSK level
        self.entries: list[Entry] = []
        self.level = DEFAULT_LEVEL
        self._counter: Worker[None] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("文章库：Enter 打开，o 打开其他文件，阅读时按 Esc 回到这里", id="library-hint")
        yield DataTable(id="library", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "文章库"
        table = self.query_one(DataTable)
        # The title goes last: the short columns stay visible on an 80-column terminal.
        for label in ("来源", "字形", "字数", "章节", "笔记"):
            table.add_column(label)
        table.add_column("生词", key=UNKNOWN)
        table.add_column("标题")
        self.refresh_entries()
        table.focus()

    def on_screen_resume(self) -> None:
        self.refresh_entries()

    def on_screen_suspend(self) -> None:
        """Reading starts: the counting waits (it would share the interpreter with the
        first paint of the article); the rows not counted yet are counted on return."""
        self.workers.cancel_group(self, "count")

    def on_resize(self) -> None:
        self.refresh_entries()

    def _title_width(self) -> int:
        """Cells left for the title once the short columns are drawn."""
        return max(10, self.size.width - TITLE_OFFSET)

    def refresh_entries(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        self.level = chosen_level(self.store)  # read here: the store belongs to this thread
        self.entries = library_entries(self.store)
        missing: list[Entry] = []
        for index, entry in enumerate(self.entries):
            count = _counted(entry, self.level)
            if count is None:
                missing.append(entry)
            table.add_row(
                entry.origin,
                entry.script,
                f"{entry.chars:,}",
                str(entry.sections),
                str(entry.notes or ""),
                COUNTING if count is None else f"{count:,}",
                fitted(entry.title, self._title_width()),
                key=str(index),
            )
        if self.entries:
            table.move_cursor(row=min(row, len(self.entries) - 1))
        if missing:
            # After the list is painted: the first screen of the library costs nothing more.
            self.call_after_refresh(self._start_counting, missing, self.level)

    def _start_counting(self, entries: list[Entry], level: int) -> None:
        """One counter at a time: a resize lists the same articles again, and a second
        thread would count the article the first one is counting."""
        if self._counter is None or self._counter.is_finished or self._counter.is_cancelled:
            self._counter = self._count(entries, level)

    @work(thread=True, exclusive=True, group="count")
    def _count(self, entries: list[Entry], level: int) -> None:
        """Count each article's words above ``level``, one row at a time."""
        from reader.learn.vocab import count_unknown

        worker = get_current_worker()
        for entry in entries:
            if worker.is_cancelled:
                return
            if entry.document is None or _counted(entry, level) is not None:
                continue
            count = count_unknown(entry.document, level, cancelled=lambda: worker.is_cancelled)
            if count is None:
                return  # reading started: the rest waits for the return to the library
            with _counts_lock:
                _counts[(entry.stamp, level)] = count
            if not worker.is_cancelled:
                self.app.call_from_thread(self._show_count, entry.stamp, level)

    def _show_count(self, stamp: Stamp, level: int) -> None:
        """Fill the rows of that article version (the list may have been refreshed since)."""
        table = self.query_one(DataTable)
        for index, entry in enumerate(self.entries):
            count = _counted(entry, self.level)
            if entry.stamp == stamp and level == self.level and count is not None:
                table.update_cell(str(index), UNKNOWN, f"{count:,}")

    @on(DataTable.RowSelected, "#library")
    def open_entry(self, event: DataTable.RowSelected) -> None:
        entry = self.entries[event.cursor_row]
        if entry.document is None:
            self.app.open_path(entry.path, from_library=True)  # type: ignore[attr-defined]
            return
        # The row's document is the article as parsed for the list: no second parse.
        source = entry.address or str(entry.path.resolve())
        self.app.open_document(entry.document, source, from_library=True)  # type: ignore[attr-defined]


def _counted(entry: Entry, level: int) -> int | None:
    """The count kept for this version of the article at ``level``, if counted before."""
    with _counts_lock:
        return _counts.get((entry.stamp, level))


def fitted(text: str, width: int) -> Text:
    """Literal article text cut to ``width`` cells with an ellipsis when it is longer."""
    cell = literal_text(text)  # a str cell would be read as markup
    cell.truncate(width, overflow="ellipsis")
    return cell
