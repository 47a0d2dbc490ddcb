"""The heading tree, the help, the file picker and the export prompt as a new user meets them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from rich.cells import cell_len
from textual.widgets import Input, Static

from reader.ingest.loading import load_path
from reader.tui.app import ReaderApp
from reader.tui.dialogs import (
    ExportPrompt,
    FilePicker,
    HelpScreen,
    ReadableTree,
    help_rows,
    help_text,
    key_name,
)
from reader.tui.widgets.side_panes import HeadingTree

from .conftest import SAMPLES
from .pilot import settle

REPORT = SAMPLES / "03_policy_report.txt"


def screen_rows(app: ReaderApp) -> list[str]:
    return ["".join(s.text for s in strip) for strip in app.screen._compositor.render_strips()]


async def test_long_headings_end_in_an_ellipsis_and_no_scrollbar_under_the_tree() -> None:
    app = ReaderApp(load_path(REPORT), str(REPORT))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        tree = app.screen.query_one(HeadingTree)
        # the tree's rows, up to the pane's right border
        rows = [r.split("▎")[0] for r in screen_rows(app)[tree.region.y : tree.region.bottom]]
        assert any(r.rstrip().endswith("…") for r in rows)
        assert all(cell_len(r) <= tree.region.width for r in rows)
        assert not tree.show_horizontal_scrollbar  # its thumb end drew the stray ▊
        assert "▊" not in "".join(rows)
        assert tree.virtual_size.width <= tree.scrollable_content_region.width


async def test_leaf_headings_have_no_expander_and_enter_jumps_without_toggling() -> None:
    app = ReaderApp(load_path(REPORT), str(REPORT))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        tree = screen.query_one(HeadingTree)
        leaves = [n for n in tree.nodes_by_section.values() if not n.children]
        parents = [n for n in tree.nodes_by_section.values() if n.children]
        assert leaves and parents
        assert all(not n.allow_expand for n in leaves) and all(n.allow_expand for n in parents)
        leaf = leaves[0]
        label = tree.render_label(leaf, tree.rich_style, tree.rich_style).plain
        assert not label.startswith(("▼", "▶"))
        tree.focus()
        tree.move_cursor(leaf, animate=False)
        expanded = leaf.is_expanded
        await pilot.press("enter")
        await settle(app, pilot)
        assert leaf.is_expanded == expanded  # Enter on a leaf only jumps
        assert screen.section == leaf.data
        tree.focus()
        tree.move_cursor(parents[0], animate=False)
        await pilot.press("enter")
        await pilot.pause()
        assert not parents[0].is_expanded  # a heading with subheadings still folds


def test_key_names_in_one_style() -> None:
    shown = [key_name(k) for k in ("pgup", "PgDn/Space", "home", "end", "esc", "^p", "shift+tab")]
    assert shown == ["PgUp", "PgDn/Space", "Home", "End", "Esc", "Ctrl+P", "Shift+Tab"]
    assert key_name("N") == "N" and key_name("/") == "/" and key_name("鼠标") == "鼠标"


def test_help_rows_list_tab_and_align_by_display_width() -> None:
    rows = help_rows([("pgup", "上一页"), ("Enter", "跳转"), ("鼠标", "点标题跳转")])
    assert [k for k, _ in rows] == ["PgUp", "Tab / Shift+Tab", "Enter", "鼠标"]
    starts = {
        cell_len(line) - cell_len(line.split("  ")[-1].lstrip())
        for line in help_text(rows).splitlines()
    }
    assert len(starts) == 1  # every description starts in the same column


async def test_help_in_the_reader_lists_tab_and_names_keys_alike() -> None:
    app = ReaderApp(load_path(REPORT), str(REPORT))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = [k for k, _ in app.screen.rows]
        assert "Tab / Shift+Tab" in keys
        assert {"PgUp", "Home", "End", "Esc", "Ctrl+P"} <= set(keys)
        assert not {"pgup", "home", "end", "esc"} & set(keys)
        text = str(app.screen.query_one("#help-keys", Static).render())
        columns = {
            cell_len(line[: line.index(desc)])
            for (key, desc), line in zip(app.screen.rows, text.splitlines(), strict=True)
        }
        assert len(columns) == 1


async def test_picker_starts_beside_the_article_and_goes_up(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / "report.txt"
    shutil.copyfile(REPORT, article)
    app = ReaderApp(load_path(article), str(article))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("o")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, FilePicker)
        tree = picker.query_one(ReadableTree)
        assert Path(tree.path) == folder
        await pilot.press("backspace")
        await pilot.pause()
        assert Path(tree.path) == tmp_path
        assert str(tmp_path) in str(picker.query_one("#picker-title").render())


async def test_export_proposes_a_file_beside_the_article_with_the_usual_mode(
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    article = tmp_path / "report.txt"
    shutil.copyfile(REPORT, article)
    app = ReaderApp(load_path(article), str(article))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportPrompt)
        target = tmp_path / "report.notes.md"
        assert app.screen.query_one(Input).value == str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("# ")
        umask = os.umask(0)
        os.umask(umask)
        assert target.stat().st_mode & 0o777 == 0o666 & ~umask
        assert list(elsewhere.iterdir()) == []


def test_export_path_for_piped_text_is_the_working_directory(tmp_path: Path) -> None:
    from reader.output.export import export_path

    assert export_path(None, "标题/有斜杠", tmp_path) == tmp_path / "标题_有斜杠.notes.md"
    assert export_path("<stdin>", None, tmp_path) == tmp_path / "article.notes.md"
    assert export_path(tmp_path / "a.txt", "x") == tmp_path.resolve() / "a.notes.md"
