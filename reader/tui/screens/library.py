"""Provides the library screen: recently read articles and the bundled samples."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from reader.errors import ArticleError
from reader.ingest.sources import is_url, load_source
from reader.model import NO_TITLE, Document
from reader.notes.store import NoteStore
from reader.resources import sample_articles
from reader.tui.literal import literal_text

RECENT = 20  # recent articles listed (each is parsed to show its title and size)
TITLE_OFFSET = 40  # cells taken by the other columns, the cell padding and the scrollbar


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
        described = _describe(resolved, resolved.stat().st_mtime_ns)
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
        entries.append(
            Entry(path, title, script, document.char_count, named, origin, notes, document)
        )
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
    return Entry(Path(), title, script, document.char_count, named, "网页", notes, document, url)


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

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Entry] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("文章库：Enter 打开，o 打开其他文件，阅读时按 Esc 回到这里", id="library-hint")
        yield DataTable(id="library", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "文章库"
        table = self.query_one(DataTable)
        # The title goes last: the short columns stay visible on an 80-column terminal.
        table.add_columns("来源", "字形", "字数", "章节", "笔记", "标题")
        self.refresh_entries()
        table.focus()

    def on_screen_resume(self) -> None:
        self.refresh_entries()

    def on_resize(self) -> None:
        self.refresh_entries()

    def _title_width(self) -> int:
        """Cells left for the title once the short columns are drawn."""
        return max(10, self.size.width - TITLE_OFFSET)

    def refresh_entries(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        self.entries = library_entries(getattr(self.app, "store", None))
        for entry in self.entries:
            table.add_row(
                entry.origin,
                entry.script,
                f"{entry.chars:,}",
                str(entry.sections),
                str(entry.notes or ""),
                fitted(entry.title, self._title_width()),
            )
        if self.entries:
            table.move_cursor(row=min(row, len(self.entries) - 1))

    @on(DataTable.RowSelected, "#library")
    def open_entry(self, event: DataTable.RowSelected) -> None:
        entry = self.entries[event.cursor_row]
        if entry.document is None:
            self.app.open_path(entry.path, from_library=True)  # type: ignore[attr-defined]
            return
        # The row's document is the article as parsed for the list: no second parse.
        source = entry.address or str(entry.path.resolve())
        self.app.open_document(entry.document, source, from_library=True)  # type: ignore[attr-defined]


def fitted(text: str, width: int) -> Text:
    """Literal article text cut to ``width`` cells with an ellipsis when it is longer."""
    cell = literal_text(text)  # a str cell would be read as markup
    cell.truncate(width, overflow="ellipsis")
    return cell
