"""The reader under Textual's pilot: panes, jumps and script conversion."""

from __future__ import annotations

from textual.widgets import ListView, Static, Tree

from reader.loading import load_path
from reader.tui.app import ReaderApp

from .conftest import SAMPLES


async def settle(app: ReaderApp, pilot) -> None:
    """Wait until the analysis worker has filled the summary pane."""
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_tree_lists_headings_and_summary_fills() -> None:
    app = ReaderApp(load_path(SAMPLES / "01_news_scraped.txt"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        tree = app.query_one("#nav", Tree)
        labels = [str(node.label) for node in tree.root.children]
        assert labels[0].startswith("数字赋能")
        assert len(app.query_one("#sentences", ListView).children) == 5
        assert not app.query_one("#loading").display


async def test_key_sentence_jump_highlights_its_paragraph() -> None:
    app = ReaderApp(load_path(SAMPLES / "01_news_scraped.txt"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        sentences = app.query_one("#sentences", ListView)
        sentences.focus()
        sentences.index = 4
        await pilot.press("enter")
        await pilot.pause()
        target = app.analysis.sentences[4]
        highlighted = app.query_one(".highlight", Static)
        assert highlighted.id == f"p{target.section}-{target.paragraph}"


async def test_conversion_cycle_converts_text_tree_and_summary() -> None:
    app = ReaderApp(load_path(SAMPLES / "01_news_scraped.txt"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("t", "t")  # 原文 → 简体 → 繁體
        await pilot.pause()
        assert app.variant.label == "繁體"
        assert str(app.query_one("#nav", Tree).root.children[0].label).startswith("數字賦能")
        assert "開發區" in str(app.query_one("#keywords", Static).render())
        await pilot.press("t", "t", "t")  # back to 原文
        await pilot.pause()
        assert str(app.query_one("#nav", Tree).root.children[0].label).startswith("数字赋能")


async def test_panes_toggle() -> None:
    app = ReaderApp(load_path(SAMPLES / "03_policy_report.txt"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "s")
        assert not app.query_one("#nav").display and not app.query_one("#summary").display
        await pilot.press("n")
        assert app.query_one("#nav").display
