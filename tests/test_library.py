"""The library screen: each article once, titles that fit, and no second parse on opening."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import DataTable

from reader.ingest.loading import load_path
from reader.notes.store import NoteStore
from reader.resources import sample_articles
from reader.tui.app import ReaderApp
from reader.tui.screens.library import LibraryScreen, library_entries
from reader.tui.screens.reader_screen import ReaderScreen

BODY = "青禾市今年新增城市绿道四十二公里，沿河步道全线贯通，市民散步的去处多了不少。" * 3


def test_a_sample_read_from_another_path_is_listed_once(
    tmp_path: Path, private_data_dir: Path
) -> None:
    sample = sample_articles()[0]
    copy = tmp_path / "copy_of_sample.txt"
    shutil.copyfile(sample, copy)
    store = NoteStore.open(private_data_dir)
    store.open_article(load_path(copy), str(copy.resolve()))
    entries = library_entries(store)
    store.close()
    same = [e for e in entries if e.title == load_path(sample).title]
    assert [e.origin for e in same] == ["最近"]
    assert len(entries) == len(sample_articles())


def test_entries_carry_the_script_judged_at_load() -> None:
    scripts = {e.path.name: e.script for e in library_entries(None)}
    assert scripts["02_essay_traditional.txt"] == "繁體"
    assert scripts["01_news_scraped.txt"] == "简体"


async def test_long_titles_end_in_an_ellipsis_within_the_table(
    tmp_path: Path, private_data_dir: Path
) -> None:
    path = tmp_path / "long.txt"
    title = "青禾市沿河绿道全线贯通之后市民傍晚散步的去处多了不少的调查报告"
    path.write_text(f"{title}\n\n{BODY}\n", encoding="utf-8")
    store = NoteStore.open(private_data_dir)
    store.open_article(load_path(path), str(path.resolve()))
    store.close()
    app = ReaderApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one(DataTable)
        cell = str(table.get_row_at(0)[-1])
        assert cell.endswith("…") and title.startswith(cell[:-1].rstrip())
        assert sum(table.columns[k].get_render_width(table) for k in table.columns) <= 80


async def test_opening_an_entry_reuses_its_parsed_document() -> None:
    app = ReaderApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        entry = library.entries[0]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.model.original is entry.document
        assert app.screen.from_library


async def test_the_unknown_word_column_is_filled_after_the_list_and_kept(
    private_data_dir: Path,
) -> None:
    from reader.learn.levels import remember_level
    from reader.learn.vocab import count_unknown
    from reader.tui.screens import library

    store = NoteStore.open(private_data_dir)
    remember_level(store, 2)  # the reader's level is read from the store handed in
    store.close()
    library._counts.clear()
    app = ReaderApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen) and screen.level == 2
        table = screen.query_one(DataTable)
        await app.workers.wait_for_complete()
        await pilot.pause()
        counts = [str(table.get_cell(str(i), library.UNKNOWN)) for i in range(len(screen.entries))]
        first = screen.entries[0]
        assert first.document is not None
        assert counts[0] == f"{count_unknown(first.document, 2):,}"
        assert all(c != library.COUNTING for c in counts)
        # Counted once per version of a file: coming back shows them at once, no worker.
        counter = screen._counter
        screen.refresh_entries()
        assert [str(table.get_cell(str(i), library.UNKNOWN)) for i in range(len(counts))] == counts
        await pilot.pause()
        assert screen._counter is counter
        # An article not counted yet is listed at once, its count to come.
        library._counts.clear()
        screen.refresh_entries()
        assert str(table.get_cell("0", library.UNKNOWN)) == library.COUNTING
        assert table.row_count == len(counts)  # listed all the same
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert str(table.get_cell("0", library.UNKNOWN)) == counts[0]


async def test_an_edited_file_is_counted_again(tmp_path: Path, private_data_dir: Path) -> None:
    from reader.tui.screens import library

    path = tmp_path / "green.txt"
    path.write_text(f"绿道\n\n{BODY}\n", encoding="utf-8")
    store = NoteStore.open(private_data_dir)
    store.open_article(load_path(path), str(path.resolve()))
    store.close()
    app = ReaderApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        table = screen.query_one(DataTable)
        before = str(table.get_cell("0", library.UNKNOWN))
        path.write_text(f"绿道\n\n{BODY}锂电池、氢燃料、碳纤维。\n", encoding="utf-8")
        screen.refresh_entries()
        assert str(table.get_cell("0", library.UNKNOWN)) == library.COUNTING
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert int(str(table.get_cell("0", library.UNKNOWN))) > int(before)
